//! Display formatting with libphonenumber's metadata (server only, keeps it out of the bundle).

use super::E164;
use super::numbers_page::NumberDisplay;
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber};

/// Formats a number in international grouping with its country, e.g. `+44 7700 900123`, `UK`.
///
/// A number libphonenumber cannot parse is shown as stored, with an unknown country.
pub fn display(number: &E164) -> NumberDisplay {
    let parsed = phonenumber::parse(None, number.as_str()).ok();
    let international = parsed
        .as_ref()
        .map(|n| n.format().mode(Mode::International).to_string())
        .unwrap_or_else(|| number.as_str().to_owned());
    let (country, country_name) = match parsed.as_ref().and_then(region).as_deref() {
        Some("GB") => ("UK".to_owned(), "United Kingdom".to_owned()),
        Some("US") => ("US".to_owned(), "United States".to_owned()),
        Some(other) => (other.to_owned(), other.to_owned()),
        None => ("?".to_owned(), "Unknown country".to_owned()),
    };
    NumberDisplay {
        country,
        country_name,
        international,
    }
}

/// Normalises a number as people type it (`+1 (212) 555-0142`, `0044 20 7946 0123`,
/// `020 7946 0123`, `212-555-0142`) to E.164. Without a country code, a leading 0 means
/// the UK and anything else the US.
pub fn normalise(input: &str) -> Result<E164, String> {
    let trimmed = input.trim();
    let (text, region) = match trimmed.strip_prefix("00") {
        Some(rest) => (format!("+{rest}"), None),
        None if trimmed.starts_with('+') => (trimmed.to_owned(), None),
        None if trimmed.starts_with('0') => {
            (trimmed.to_owned(), Some(phonenumber::country::Id::GB))
        }
        None => (trimmed.to_owned(), Some(phonenumber::country::Id::US)),
    };
    let parsed = phonenumber::parse(region, &text)
        .map_err(|_| "That is not a phone number we can read; type it with its country code, e.g. +1 212 555 0142.".to_owned())?;
    let e164 = parsed.format().mode(Mode::E164).to_string();
    E164::parse(&e164).map_err(|e| e.to_string())
}

/// The number's region; for numbers outside any allocated range (such as the drama
/// ranges used in demos), the main region of its calling code.
fn region(number: &PhoneNumber) -> Option<String> {
    if let Some(id) = number.country().id() {
        return Some(id.as_ref().to_owned());
    }
    let regions = DATABASE.by_code(&number.country().code())?;
    regions.first().map(|meta| meta.id().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(e164: &str) -> NumberDisplay {
        display(&E164::parse(e164).unwrap())
    }

    #[test]
    fn uk_numbers_use_national_grouping_after_the_country_code() {
        let mobile = shown("+447700900123");
        assert_eq!(mobile.international, "+44 7700 900123");
        assert_eq!(mobile.country, "UK");
        assert_eq!(shown("+442079460123").international, "+44 20 7946 0123");
        assert_eq!(shown("+441134960456").international, "+44 113 496 0456");
    }

    #[test]
    fn us_numbers() {
        let us = shown("+12125550142");
        assert_eq!(us.international, "+1 212-555-0142");
        assert_eq!(us.country_name, "United States");
    }

    #[test]
    fn normalises_common_typing() {
        for (typed, e164) in [
            ("+1 (212) 555-0142", "+12125550142"),
            ("212-555-0142", "+12125550142"),
            ("(212) 555 0142", "+12125550142"),
            ("0044 20 7946 0123", "+442079460123"),
            ("020 7946 0123", "+442079460123"),
            ("+44 7700 900123", "+447700900123"),
            (" +12125550142 ", "+12125550142"),
        ] {
            assert_eq!(normalise(typed).unwrap().as_str(), e164, "{typed}");
        }
        for bad in ["", "hello", "+", "12"] {
            assert!(normalise(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn unparseable_numbers_are_shown_as_stored() {
        let odd = shown("+999");
        assert_eq!(odd.international, "+999");
        assert_eq!(odd.country, "?");
    }
}
