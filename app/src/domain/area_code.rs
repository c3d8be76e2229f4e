//! US area codes for buying local numbers (NANP rules).

use super::Country;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A 3-digit NANP area code valid for a local number: first digit 2-9, not N11, not toll-free.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AreaCode(u16);

/// Why an area code was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AreaCodeError {
    /// Not exactly three digits.
    #[error("An area code has exactly 3 digits.")]
    NotThreeDigits,
    /// Starts with 0 or 1.
    #[error("An area code starts with a digit from 2 to 9.")]
    BadFirstDigit,
    /// N11 codes (211, 311, … 911) are service codes.
    #[error("{0} is a service code, not an area code.")]
    ServiceCode(String),
    /// Toll-free codes have no local numbers.
    #[error("{0} is a toll-free code; choose a local area code.")]
    TollFree(String),
    /// The country's numbers are not chosen by area code.
    #[error("Area codes can only be chosen for US numbers.")]
    NotForCountry,
}

/// Toll-free codes, never valid for a local number.
const TOLL_FREE: [u16; 7] = [800, 833, 844, 855, 866, 877, 888];

impl AreaCode {
    /// Parses what was typed; empty (after trimming) means "any area code".
    pub fn parse_optional(input: &str) -> Result<Option<Self>, AreaCodeError> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(None);
        }
        if input.len() != 3 || !input.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AreaCodeError::NotThreeDigits);
        }
        let bytes = input.as_bytes();
        if bytes[0] < b'2' {
            return Err(AreaCodeError::BadFirstDigit);
        }
        if bytes[1] == b'1' && bytes[2] == b'1' {
            return Err(AreaCodeError::ServiceCode(input.to_owned()));
        }
        let code: u16 = input.parse().map_err(|_| AreaCodeError::NotThreeDigits)?;
        if TOLL_FREE.contains(&code) {
            return Err(AreaCodeError::TollFree(input.to_owned()));
        }
        Ok(Some(Self(code)))
    }

    /// Parses what was typed for a number in `country`: only US numbers take an area code.
    pub fn parse_for(country: Country, input: &str) -> Result<Option<Self>, AreaCodeError> {
        match country {
            Country::Us => Self::parse_optional(input),
            Country::Uk if input.trim().is_empty() => Ok(None),
            Country::Uk => Err(AreaCodeError::NotForCountry),
        }
    }

    /// The code as a number, e.g. 212.
    pub fn value(self) -> u16 {
        self.0
    }
}

impl fmt::Display for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_means_any() {
        assert_eq!(AreaCode::parse_optional(""), Ok(None));
        assert_eq!(AreaCode::parse_optional("   "), Ok(None));
    }

    #[test]
    fn only_us_numbers_take_an_area_code() {
        assert_eq!(
            AreaCode::parse_for(Country::Us, "212").map(|c| c.map(AreaCode::value)),
            Ok(Some(212))
        );
        assert_eq!(AreaCode::parse_for(Country::Uk, " "), Ok(None));
        assert_eq!(
            AreaCode::parse_for(Country::Uk, "212"),
            Err(AreaCodeError::NotForCountry)
        );
    }

    #[test]
    fn valid_local_codes() {
        for ok in ["212", " 415 ", "646", "907", "200", "999"] {
            let code = AreaCode::parse_optional(ok).unwrap().unwrap();
            assert_eq!(code.to_string(), ok.trim());
        }
    }

    #[test]
    fn refusals_name_the_rule() {
        use AreaCodeError::*;
        let cases = [
            ("12", NotThreeDigits),
            ("2125", NotThreeDigits),
            ("abc", NotThreeDigits),
            ("2 1", NotThreeDigits),
            ("+12", NotThreeDigits),
            ("012", BadFirstDigit),
            ("123", BadFirstDigit),
            ("911", ServiceCode("911".into())),
            ("211", ServiceCode("211".into())),
            ("800", TollFree("800".into())),
            ("833", TollFree("833".into())),
            ("888", TollFree("888".into())),
        ];
        for (input, expected) in cases {
            assert_eq!(AreaCode::parse_optional(input), Err(expected), "{input}");
        }
        assert_eq!(
            AreaCodeError::TollFree("800".into()).to_string(),
            "800 is a toll-free code; choose a local area code."
        );
    }
}
