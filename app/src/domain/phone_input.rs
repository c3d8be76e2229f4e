//! Phone numbers as people type them: which characters may appear, and what the text says
//! before any country's rules are applied. Pure and shared, so the dialog and the server
//! refuse the same inputs with the same words; the server's `phone_format::normalise` reads
//! the digits with libphonenumber's metadata.

use serde::{Deserialize, Serialize};

/// At most this many characters are read; longer text is not a phone number.
pub const MAX_TYPED_LEN: usize = 64;

/// Why typed text is not a phone number we can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PhoneInputError {
    /// Nothing but spaces.
    #[error("Enter the number as it appears in your Twilio account, e.g. +1 212 555 0142.")]
    Empty,
    /// Longer than [`MAX_TYPED_LEN`] characters.
    #[error("That is too long to be a phone number; type only the number.")]
    TooLong,
    /// An extension (`ext. 12`, `x12`, `#12`, `;ext=12`): calls go to the number itself.
    #[error("Type the number without an extension: calls reach the number itself.")]
    Extension,
    /// Parts of a `tel:` or `sip:` URI (`;phone-context=`, `;isub=`, a scheme).
    #[error("Type the number alone, without tel:, sip: or ;parameters.")]
    UriParts,
    /// Letters, which some keypads map to digits (`1-800-FLOWERS`) but are not digits.
    #[error(
        "A phone number has only digits, and this one has letters ({0}). Type the digits instead."
    )]
    Letters(String),
    /// Some other character.
    #[error("A phone number has only digits, spaces and + - ( ) . / — not \u{201c}{0}\u{201d}.")]
    Symbol(char),
    /// `+` anywhere but at the start.
    #[error("A + only goes at the start, before the country code.")]
    MisplacedPlus,
    /// Too few or too many digits for any phone number (E.164 allows at most 15).
    #[error(
        "That does not look like a full phone number; include the country code, e.g. +44 20 7946 0123."
    )]
    DigitCount,
    /// The digits are not a number of any country's plan.
    #[error(
        "That is not a phone number we can read; type it with its country code, e.g. +1 212 555 0142."
    )]
    Unreadable,
}

/// Separators people put between digits (ASCII and their common Unicode look-alikes:
/// no-break and thin spaces, hyphens and dashes from U+2010 to U+2015, the ideographic space).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '(' | ')' | '/' | '\u{2010}'
                ..='\u{2015}'
                    | '\u{2212}'
                    | '\u{30FC}'
                    | '\u{FF0D}'
                    | '\u{FF0E}'
                    | '\u{FF08}'
                    | '\u{FF09}'
                    | '\u{FF0F}'
        )
}

/// A `+`, ASCII or full-width.
fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{FF0B}'
}

/// Whether `lower` (lower-cased text) carries an extension: `ext`, `extension`, `#`, or an `x`
/// between digits (the forms libphonenumber recognises).
fn has_extension(lower: &str) -> bool {
    if lower.contains("ext") || lower.contains('#') {
        return true;
    }
    let chars: Vec<char> = lower.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .windows(3)
        .any(|w| w[1] == 'x' && w[0].is_numeric() && w[2].is_numeric())
}

/// Checks the characters of typed text; on success returns the text trimmed. `digit` reads a
/// character as a decimal digit (0-9), if it is one: ASCII here, any script on the server.
pub fn check_typed(
    input: &str,
    digit: impl Fn(char) -> Option<u32>,
) -> Result<TypedNumber, PhoneInputError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneInputError::Empty);
    }
    if trimmed.chars().count() > MAX_TYPED_LEN {
        return Err(PhoneInputError::TooLong);
    }
    let lower = trimmed.to_lowercase();
    if lower.starts_with("tel:")
        || lower.starts_with("sip:")
        || lower.starts_with("sips:")
        || lower.contains("phone-context")
        || lower.contains("isub")
    {
        return Err(PhoneInputError::UriParts);
    }
    if has_extension(&lower) {
        return Err(PhoneInputError::Extension);
    }
    if trimmed.contains(';') || trimmed.contains('=') {
        return Err(PhoneInputError::UriParts);
    }
    let letters: String = trimmed.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() {
        return Err(PhoneInputError::Letters(letters.chars().take(8).collect()));
    }
    let mut digits = String::new();
    let mut plus = false;
    for c in trimmed.chars() {
        if let Some(d) = digit(c) {
            digits.push(char::from_digit(d, 10).unwrap_or('0'));
        } else if is_plus(c) {
            if plus || !digits.is_empty() {
                return Err(PhoneInputError::MisplacedPlus);
            }
            plus = true;
        } else if !is_separator(c) {
            return Err(PhoneInputError::Symbol(c));
        }
    }
    // E.164: at most 15 digits, plus room for an exit code (00 or 011) typed before them.
    if !(7..=18).contains(&digits.len()) {
        return Err(PhoneInputError::DigitCount);
    }
    Ok(TypedNumber { plus, digits })
}

/// Typed text reduced to what it says: a leading `+`, and its digits in ASCII.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypedNumber {
    /// It started with `+` (the country code follows).
    pub plus: bool,
    /// Every digit, in order, as ASCII.
    pub digits: String,
}

/// An ASCII digit's value.
pub fn ascii_digit(c: char) -> Option<u32> {
    c.to_digit(10).filter(|_| c.is_ascii_digit())
}

/// An ASCII or full-width digit's value (full-width digits U+FF10 to U+FF19 are what East
/// Asian keyboards type): what the browser reads without Unicode tables. The server reads
/// every script's digits.
pub fn common_digit(c: char) -> Option<u32> {
    ascii_digit(c).or_else(|| {
        let offset = u32::from(c).checked_sub(0xFF10)?;
        (offset < 10).then_some(offset)
    })
}

/// `input` with each digit `digit` reads replaced by its ASCII form; other characters kept.
pub fn fold_digits(input: &str, digit: impl Fn(char) -> Option<u32>) -> String {
    input
        .chars()
        .map(|c| digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c))
        .collect()
}

/// A light check for the dialog: any numeric character passes as a digit here, so digits of
/// other scripts are left to the server, which reads them exactly.
pub fn check_in_browser(input: &str) -> Result<(), PhoneInputError> {
    check_typed(input, |c| c.is_numeric().then_some(0)).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &str) -> Result<TypedNumber, PhoneInputError> {
        check_typed(input, ascii_digit)
    }

    #[test]
    fn keeps_the_plus_and_the_digits() {
        let n = typed(" +1 (212) 555-0142 ").unwrap();
        assert_eq!((n.plus, n.digits.as_str()), (true, "12125550142"));
        assert_eq!(typed("+1212-555-0142").unwrap().digits, "12125550142");
        assert_eq!(typed("020 7946 0123").unwrap().digits, "02079460123");
        assert_eq!(typed("212.555.0142").unwrap().digits, "2125550142");
        assert_eq!(
            typed("+44\u{00A0}20\u{2009}7946\u{2013}0123")
                .unwrap()
                .digits,
            "442079460123"
        );
    }

    #[test]
    fn letters_are_not_digits() {
        assert_eq!(
            typed("+1 212 555 O142"),
            Err(PhoneInputError::Letters("O".into()))
        );
        assert_eq!(
            typed("1-800-FLOWERS"),
            Err(PhoneInputError::Letters("FLOWERS".into()))
        );
        assert_eq!(
            typed("call me"),
            Err(PhoneInputError::Letters("callme".into()))
        );
        assert!(
            matches!(typed("+44 20 7946 οl23"), Err(PhoneInputError::Letters(_))),
            "Greek omicron"
        );
    }

    #[test]
    fn extensions_and_uri_parts_are_refused() {
        for input in [
            "+1 212 555 0142 ext. 12",
            "+1 212 555 0142 extension 12",
            "+1 212 555 0142 x12",
            "+1 212 555 0142#12",
            "+1-212-555-0142;ext=12",
        ] {
            assert_eq!(typed(input), Err(PhoneInputError::Extension), "{input}");
        }
        for input in [
            "tel:+1-212-555-0142",
            "sip:+12125550142@example.com",
            "+1-212-555-0142;phone-context=example.com",
            "2125550142;phone-context=+1",
            "+1-212-555-0142;isub=12",
            "+12125550142;foo=bar",
        ] {
            assert_eq!(typed(input), Err(PhoneInputError::UriParts), "{input}");
        }
    }

    #[test]
    fn other_characters_and_misplaced_pluses_are_named() {
        assert_eq!(typed("+1 212 555 0142!"), Err(PhoneInputError::Symbol('!')));
        assert_eq!(typed("+1 212 555*0142"), Err(PhoneInputError::Symbol('*')));
        assert_eq!(typed("1+212 555 0142"), Err(PhoneInputError::MisplacedPlus));
        assert_eq!(typed("++12125550142"), Err(PhoneInputError::MisplacedPlus));
        assert_eq!(
            typed("+1 212\u{0}555 0142"),
            Err(PhoneInputError::Symbol('\0'))
        );
    }

    #[test]
    fn empty_short_long_and_huge_inputs() {
        assert_eq!(typed(""), Err(PhoneInputError::Empty));
        assert_eq!(typed(" \t "), Err(PhoneInputError::Empty));
        assert_eq!(typed("12"), Err(PhoneInputError::DigitCount));
        assert_eq!(
            typed("+1234567890123456789"),
            Err(PhoneInputError::DigitCount)
        );
        assert_eq!(typed(&"1".repeat(100_000)), Err(PhoneInputError::TooLong));
        let quoted = PhoneInputError::Letters("x".repeat(8)).to_string();
        assert!(quoted.len() < 120, "messages quote at most a few letters");
    }

    #[test]
    fn full_width_digits_fold_to_ascii_everywhere() {
        assert_eq!(fold_digits("０３２１", common_digit), "0321");
        assert_eq!(fold_digits("２1２ x", common_digit), "212 x");
        assert_eq!(common_digit('９'), Some(9));
        assert_eq!(common_digit('＋'), None);
        assert_eq!(common_digit('٣'), None, "other scripts are the server's");
    }

    #[test]
    fn the_browser_check_leaves_other_scripts_to_the_server() {
        assert_eq!(check_in_browser("＋１ ２１２ ５５５ ０１４２"), Ok(()));
        assert_eq!(check_in_browser("+١ ٢١٢ ٥٥٥ ٠١٤٢"), Ok(()));
        assert_eq!(
            check_in_browser("+1 212 555 O142"),
            Err(PhoneInputError::Letters("O".into()))
        );
    }
}
