//! Countries numbers can be bought in.

use super::E164;
use super::canadian_area_codes::is_canadian;
use serde::{Deserialize, Serialize};

/// UK, US or Canada.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    /// United Kingdom (+44).
    Uk,
    /// United States (+1).
    Us,
    /// Canada (+1, told apart from the US by area code).
    Ca,
}

/// A country numbers cannot be bought in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Numbers can be bought in the UK, the US or Canada, not \"{0}\".")]
pub struct UnsupportedCountry(pub String);

impl Country {
    /// Parses `UK` (or `GB`), `US` and `CA` (or `Canada`), in any case.
    pub fn parse(input: &str) -> Result<Self, UnsupportedCountry> {
        match input.trim().to_ascii_uppercase().as_str() {
            "UK" | "GB" => Ok(Self::Uk),
            "US" => Ok(Self::Us),
            "CA" | "CANADA" => Ok(Self::Ca),
            _ => Err(UnsupportedCountry(super::text::excerpt(input))),
        }
    }

    /// The country of a number: +44 is the UK; +1 is Canada for a Canadian area code and the
    /// US otherwise; `None` for other calling codes.
    pub fn of(number: &E164) -> Option<Self> {
        let text = number.as_str();
        if text.starts_with("+44") {
            return Some(Self::Uk);
        }
        let area = text.strip_prefix("+1")?.get(..3)?.parse::<u16>().ok()?;
        Some(if is_canadian(area) {
            Self::Ca
        } else {
            Self::Us
        })
    }

    /// Short code shown beside numbers and stored with pool stock: `UK`, `US`, `CA`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Uk => "UK",
            Self::Us => "US",
            Self::Ca => "CA",
        }
    }

    /// The country's name as people read it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Uk => "United Kingdom",
            Self::Us => "United States",
            Self::Ca => "Canada",
        }
    }

    /// The word before "numbers" in messages: `UK`, `US`, `Canadian`.
    pub fn adjective(self) -> &'static str {
        match self {
            Self::Uk => "UK",
            Self::Us => "US",
            Self::Ca => "Canadian",
        }
    }

    /// ISO 3166-1 alpha-2 code, as Twilio's API takes it (`GB`, `US`, `CA`).
    pub fn iso_code(self) -> &'static str {
        match self {
            Self::Uk => "GB",
            Self::Us => "US",
            Self::Ca => "CA",
        }
    }

    /// The country's calling-code prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Uk => "+44",
            Self::Us | Self::Ca => "+1",
        }
    }

    /// Whether its numbers are chosen by NANP area code.
    pub fn has_area_codes(self) -> bool {
        matches!(self, Self::Us | Self::Ca)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_spellings_of_the_uk() {
        assert_eq!(Country::parse("uk"), Ok(Country::Uk));
        assert_eq!(Country::parse("GB"), Ok(Country::Uk));
        assert_eq!(Country::parse("US"), Ok(Country::Us));
        assert_eq!(Country::parse(" ca "), Ok(Country::Ca));
        assert_eq!(Country::parse("Canada"), Ok(Country::Ca));
        assert!(Country::parse("FR").is_err());
        assert_eq!(Country::Us.prefix(), "+1");
        assert_eq!(Country::Ca.prefix(), "+1");
    }

    #[test]
    fn a_plus_one_number_is_canadian_by_its_area_code() {
        let of = |n: &str| Country::of(&E164::parse(n).unwrap());
        assert_eq!(of("+14165550100"), Some(Country::Ca));
        assert_eq!(of("+16045550199"), Some(Country::Ca));
        assert_eq!(of("+12125550100"), Some(Country::Us));
        assert_eq!(of("+447700900123"), Some(Country::Uk));
        assert_eq!(of("+33123456789"), None);
    }
}
