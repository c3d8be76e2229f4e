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
    fn unparseable_numbers_are_shown_as_stored() {
        let odd = shown("+999");
        assert_eq!(odd.international, "+999");
        assert_eq!(odd.country, "?");
    }
}
