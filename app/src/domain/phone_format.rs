//! Phone numbers with libphonenumber's metadata (server only, keeps it out of the bundle):
//! display formatting, and reading numbers as people type them.

use super::numbers_page::NumberDisplay;
use super::phone_input::{PhoneInputError, check_typed};
use super::{Country, E164};
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber, country};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Formats a number in international grouping with its country, e.g. `+44 7700 900123`, `UK`.
///
/// A number libphonenumber cannot parse is shown as stored, with an unknown country.
pub fn display(number: &E164) -> NumberDisplay {
    let parsed = phonenumber::parse(None, number.as_str()).ok();
    let international = parsed
        .as_ref()
        .map(|n| n.format().mode(Mode::International).to_string())
        .unwrap_or_else(|| number.as_str().to_owned());
    // A Canadian area code makes a +1 number Canadian even where libphonenumber cannot tell
    // (the fictional 555-01XX lines are in no allocated range).
    let region = match Country::of(number) {
        Some(Country::Ca) => Some("CA".to_owned()),
        _ => parsed.as_ref().and_then(region),
    };
    let (country, country_name) = match region.as_deref() {
        Some("GB") => named(Country::Uk),
        Some("US") => named(Country::Us),
        Some("CA") => named(Country::Ca),
        Some(other) => (other.to_owned(), other.to_owned()),
        None => ("?".to_owned(), "Unknown country".to_owned()),
    };
    NumberDisplay {
        country,
        country_name,
        international,
    }
}

/// A country's short code and name, as the Number cell shows them.
fn named(country: Country) -> (String, String) {
    (country.code().to_owned(), country.name().to_owned())
}

/// A character's value as a decimal digit in any script (Unicode general category Nd), e.g.
/// full-width `３` or Arabic-Indic `٣`. Unicode encodes each script's decimal digits as one
/// contiguous run from 0 to 9 (The Unicode Standard, §4.6 Numeric Value), so a digit's value
/// is its distance from the start of its stretch of Nd characters, in tens.
pub fn decimal_digit(c: char) -> Option<u32> {
    let is_digit = |c: char| c.general_category() == GeneralCategory::DecimalNumber;
    if !is_digit(c) {
        return None;
    }
    let mut start = u32::from(c);
    while let Some(previous) = start.checked_sub(1).and_then(char::from_u32) {
        if !is_digit(previous) {
            break;
        }
        start -= 1;
    }
    Some((u32::from(c) - start) % 10)
}

/// `input` with the digits of every script written in ASCII (what people type into an area
/// code or a number's last four digits); other characters kept.
pub fn ascii_digits(input: &str) -> String {
    super::phone_input::fold_digits(input, decimal_digit)
}

use super::area_code::NANP_EXIT_CODE;

/// The longest national form of a UK number with its trunk 0: 11 digits (Ofcom's National
/// Telephone Numbering Plan), so `011…` with more digits than that is the NANP exit code.
const UK_NATIONAL_DIGITS: usize = 11;

/// Reads a number as people type it, in any common form, to E.164: `+1 (212) 555-0142`,
/// `+1212-555-0142`, `0044 20 7946 0123`, `011 44 20 7946 0123`, `020 7946 0123`,
/// `212-555-0142`, full-width or other scripts' digits. Without a country code, a leading 0
/// means the UK and anything else the US. Letters, extensions and URI parts are refused with
/// a message saying so ([`PhoneInputError`]).
pub fn normalise(input: &str) -> Result<E164, PhoneInputError> {
    let typed = check_typed(input, decimal_digit)?;
    let digits = typed.digits.as_str();
    let (text, region) = if typed.plus {
        (format!("+{digits}"), None)
    } else if let Some(rest) = digits.strip_prefix("00") {
        (format!("+{rest}"), None)
    } else if let Some(rest) = digits
        .strip_prefix(NANP_EXIT_CODE)
        .filter(|_| digits.len() > UK_NATIONAL_DIGITS)
    {
        (format!("+{rest}"), None)
    } else if digits.starts_with('0') {
        (digits.to_owned(), Some(country::Id::GB))
    } else {
        (digits.to_owned(), Some(country::Id::US))
    };
    let parsed = phonenumber::parse(region, &text).map_err(|_| PhoneInputError::Unreadable)?;
    E164::parse(&parsed.format().mode(Mode::E164).to_string())
        .map_err(|_| PhoneInputError::Unreadable)
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

    fn read(typed: &str) -> Result<String, PhoneInputError> {
        normalise(typed).map(|n| n.as_str().to_owned())
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
    fn canadian_numbers_are_told_from_us_ones_by_area_code() {
        for e164 in ["+14165550100", "+16045550199", "+15145550123"] {
            let canadian = shown(e164);
            assert_eq!(
                (canadian.country.as_str(), canadian.country_name.as_str()),
                ("CA", "Canada"),
                "{e164}"
            );
        }
        assert_eq!(shown("+14165550100").international, "+1 416-555-0100");
        assert_eq!(shown("+14155550100").country, "US");
    }

    #[test]
    fn normalises_common_typing() {
        for (typed, e164) in [
            ("+1 (212) 555-0142", "+12125550142"),
            ("212-555-0142", "+12125550142"),
            ("(212) 555 0142", "+12125550142"),
            ("1 212 555 0142", "+12125550142"),
            ("0044 20 7946 0123", "+442079460123"),
            ("020 7946 0123", "+442079460123"),
            ("0113 496 0456", "+441134960456"),
            ("+44 (0)20 7946 0123", "+442079460123"),
            ("+44 7700 900123", "+447700900123"),
            (" +12125550142 ", "+12125550142"),
            ("212.555.0142", "+12125550142"),
        ] {
            assert_eq!(read(typed).as_deref(), Ok(e164), "{typed}");
        }
    }

    #[test]
    fn no_separator_after_the_country_code() {
        assert_eq!(read("+1212-555-0142").as_deref(), Ok("+12125550142"));
        assert_eq!(read("+442079460123").as_deref(), Ok("+442079460123"));
        assert_eq!(read("+4420 7946 0123").as_deref(), Ok("+442079460123"));
    }

    #[test]
    fn the_nanp_exit_code_is_read_as_plus_but_uk_011x_numbers_stay_national() {
        assert_eq!(read("011 44 20 7946 0123").as_deref(), Ok("+442079460123"));
        assert_eq!(read("01144 7700 900123").as_deref(), Ok("+447700900123"));
        assert_eq!(
            read("0113 496 0456").as_deref(),
            Ok("+441134960456"),
            "Leeds, 011x"
        );
    }

    #[test]
    fn digits_of_other_scripts_are_read_as_the_digits_they_are() {
        for typed in [
            "＋１ ２１２ ５５５ ０１４２", // full-width
            "+١ ٢١٢ ٥٥٥ ٠١٤٢",             // Arabic-Indic
            "+۱ ۲۱۲ ۵۵۵ ۰۱۴۲",             // Extended Arabic-Indic
            "+१ २१२ ५५५ ०१४२",             // Devanagari
            "+𝟏 𝟐𝟏𝟐 𝟓𝟓𝟓 𝟎𝟏𝟒𝟐",             // mathematical bold (runs of ten side by side)
        ] {
            assert_eq!(read(typed).as_deref(), Ok("+12125550142"), "{typed}");
        }
        assert_eq!(decimal_digit('٣'), Some(3));
        assert_eq!(decimal_digit('𝟗'), Some(9));
        assert_eq!(
            decimal_digit('²'),
            None,
            "superscripts are not decimal digits"
        );
        assert_eq!(decimal_digit('Ⅻ'), None);
    }

    #[test]
    fn short_numbers_of_other_scripts_fold_to_ascii() {
        assert_eq!(ascii_digits("２１２"), "212");
        assert_eq!(ascii_digits("٠٣٢١"), "0321");
        assert_eq!(ascii_digits(" 2x1 "), " 2x1 ");
    }

    #[test]
    fn letters_are_a_field_error_never_another_number() {
        assert_eq!(
            read("+1 212 555 O142"),
            Err(PhoneInputError::Letters("O".into()))
        );
        assert!(matches!(
            read("1-800-FLOWERS"),
            Err(PhoneInputError::Letters(_))
        ));
    }

    #[test]
    fn extensions_and_uri_parts_are_refused() {
        assert_eq!(
            read("+1 212 555 0142 ext 7"),
            Err(PhoneInputError::Extension)
        );
        assert_eq!(
            read("+1-212-555-0142;ext=7"),
            Err(PhoneInputError::Extension)
        );
        assert_eq!(read("tel:+1-212-555-0142"), Err(PhoneInputError::UriParts));
        assert_eq!(
            read("555-0142;phone-context=+1-212"),
            Err(PhoneInputError::UriParts)
        );
    }

    #[test]
    fn unreadable_and_empty_inputs() {
        assert_eq!(read(""), Err(PhoneInputError::Empty));
        assert_eq!(read("+"), Err(PhoneInputError::DigitCount));
        assert_eq!(read("12"), Err(PhoneInputError::DigitCount));
        assert_eq!(read("+999 1234 5678"), Err(PhoneInputError::Unreadable));
        assert_eq!(read(&"9".repeat(10_000)), Err(PhoneInputError::TooLong));
    }

    #[test]
    fn unparseable_numbers_are_shown_as_stored() {
        let odd = shown("+999");
        assert_eq!(odd.international, "+999");
        assert_eq!(odd.country, "?");
    }
}
