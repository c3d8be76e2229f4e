//! Variants: named configurations of a project for one site or market.

use serde::{Deserialize, Serialize};

/// Database identity of a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VariantId(pub i64);

/// A variant as a number or a published version refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Identity.
    pub id: VariantId,
    /// Name shown to people.
    pub name: String,
}

/// A valid variant name: trimmed, 1 to 60 characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantName(String);

/// Why a variant name was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VariantNameError {
    /// Empty after trimming.
    #[error("Enter a name for the variant.")]
    Empty,
    /// Longer than 60 characters.
    #[error("A variant name has at most 60 characters (this one has {0}).")]
    TooLong(usize),
    /// Another draft variant already has it (case-insensitive).
    #[error("There is already a variant called \"{0}\".")]
    Taken(String),
}

impl VariantName {
    /// Longest allowed name, in characters.
    pub const MAX_CHARS: usize = 60;

    /// Trims and checks the length.
    pub fn parse(input: &str) -> Result<Self, VariantNameError> {
        let name = input.trim();
        let chars = name.chars().count();
        if chars == 0 {
            Err(VariantNameError::Empty)
        } else if chars > Self::MAX_CHARS {
            Err(VariantNameError::TooLong(chars))
        } else {
            Ok(Self(name.to_owned()))
        }
    }

    /// Refuses the name if another draft variant (not `except`) already uses it.
    pub fn check_unique(
        &self,
        draft: &[Variant],
        except: Option<VariantId>,
    ) -> Result<(), VariantNameError> {
        let clash = draft
            .iter()
            .filter(|v| Some(v.id) != except)
            .any(|v| v.name.to_lowercase() == self.0.to_lowercase());
        if clash {
            Err(VariantNameError::Taken(self.0.clone()))
        } else {
            Ok(())
        }
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: i64, name: &str) -> Variant {
        Variant {
            id: VariantId(id),
            name: name.into(),
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(VariantName::parse("  London ").unwrap().as_str(), "London");
        assert_eq!(VariantName::parse("   "), Err(VariantNameError::Empty));
        assert_eq!(
            VariantName::parse(&"é".repeat(60))
                .unwrap()
                .as_str()
                .chars()
                .count(),
            60
        );
        assert_eq!(
            VariantName::parse(&"x".repeat(61)),
            Err(VariantNameError::TooLong(61))
        );
    }

    #[test]
    fn names_are_unique_case_insensitively_except_for_the_renamed_variant() {
        let draft = [v(1, "Default"), v(2, "London")];
        let london = VariantName::parse("london").unwrap();
        assert_eq!(
            london.check_unique(&draft, None),
            Err(VariantNameError::Taken("london".into()))
        );
        assert_eq!(london.check_unique(&draft, Some(VariantId(2))), Ok(()));
        assert_eq!(
            VariantName::parse("Leeds")
                .unwrap()
                .check_unique(&draft, None),
            Ok(())
        );
    }
}
