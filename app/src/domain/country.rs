//! Countries numbers can be bought in.

use serde::{Deserialize, Serialize};

/// UK or US.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    /// United Kingdom (+44).
    Uk,
    /// United States (+1).
    Us,
}

/// A country numbers cannot be bought in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Numbers can be bought in the UK or the US, not \"{0}\".")]
pub struct UnsupportedCountry(pub String);

impl Country {
    /// Parses `UK` (or `GB`) and `US`, in any case.
    pub fn parse(input: &str) -> Result<Self, UnsupportedCountry> {
        match input.trim().to_ascii_uppercase().as_str() {
            "UK" | "GB" => Ok(Self::Uk),
            "US" => Ok(Self::Us),
            _ => Err(UnsupportedCountry(super::text::excerpt(input))),
        }
    }

    /// Short name shown in the dialog.
    pub fn code(self) -> &'static str {
        match self {
            Self::Uk => "UK",
            Self::Us => "US",
        }
    }

    /// The country's calling-code prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Uk => "+44",
            Self::Us => "+1",
        }
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
        assert!(Country::parse("FR").is_err());
        assert_eq!(Country::Us.prefix(), "+1");
    }
}
