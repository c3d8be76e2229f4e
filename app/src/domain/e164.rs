//! E.164 phone numbers: the only form numbers are stored and compared in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A phone number in E.164 form: `+`, then 1 to 15 digits, the first 1-9.
///
/// The only way to build one is [`E164::parse`], so holding one proves the form is valid.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct E164(String);

/// Why a string is not an E.164 number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum E164Error {
    /// Nothing was given.
    #[error("enter a phone number")]
    Empty,
    /// The leading `+` is missing.
    #[error("a number in E.164 form starts with + and the country code")]
    MissingPlus,
    /// Something other than a digit after the `+`.
    #[error("a number in E.164 form has only digits after the +")]
    NotDigits,
    /// Country codes never start with 0.
    #[error("a country code never starts with 0")]
    LeadingZero,
    /// More than 15 digits, or none.
    #[error("a number in E.164 form has 1 to 15 digits")]
    Length,
}

impl E164 {
    /// Checks the E.164 form exactly (no spaces, no punctuation).
    pub fn parse(input: &str) -> Result<Self, E164Error> {
        if input.is_empty() {
            return Err(E164Error::Empty);
        }
        let digits = input.strip_prefix('+').ok_or(E164Error::MissingPlus)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E164Error::NotDigits);
        }
        if digits.is_empty() || digits.len() > 15 {
            return Err(E164Error::Length);
        }
        if digits.starts_with('0') {
            return Err(E164Error::LeadingZero);
        }
        Ok(Self(input.to_owned()))
    }

    /// The number as stored, e.g. `+447700900123`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for E164 {
    type Error = E164Error;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<E164> for String {
    fn from(value: E164) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers() {
        for ok in ["+447700900123", "+12125550142", "+1", "+123456789012345"] {
            assert_eq!(E164::parse(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn rejects_each_malformation_with_its_reason() {
        assert_eq!(E164::parse(""), Err(E164Error::Empty));
        assert_eq!(E164::parse("447700900123"), Err(E164Error::MissingPlus));
        assert_eq!(E164::parse("+44 7700 900123"), Err(E164Error::NotDigits));
        assert_eq!(E164::parse("+4477a"), Err(E164Error::NotDigits));
        assert_eq!(E164::parse("+"), Err(E164Error::Length));
        assert_eq!(E164::parse("+1234567890123456"), Err(E164Error::Length));
        assert_eq!(E164::parse("+0123"), Err(E164Error::LeadingZero));
    }

    #[test]
    fn deserialising_validates() {
        let ok: E164 = serde_json::from_str("\"+12125550142\"").unwrap();
        assert_eq!(ok.as_str(), "+12125550142");
        assert!(serde_json::from_str::<E164>("\"12125550142\"").is_err());
    }
}
