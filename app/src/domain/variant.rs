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

/// A valid variant name: trimmed, 1 to 60 characters, none of them control or invisible.
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
    /// A control or invisible character (e.g. a NUL byte or a zero-width space), shown as its
    /// code point.
    #[error("A variant name cannot contain control or invisible characters (it has {0}).")]
    Invisible(String),
}

/// Characters that render as nothing and have no place in a name: Unicode's
/// Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt, Unicode 16.0) less the
/// joiners and variation selectors that scripts and emoji need ([`JOINERS`],
/// [`VARIATION_SELECTORS`]), plus line and paragraph separators and U+2800 BRAILLE PATTERN
/// BLANK, which looks like a space.
const INVISIBLE: [(char, char); 20] = [
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180E}', '\u{180F}'),
    ('\u{200B}', '\u{200B}'),
    ('\u{200E}', '\u{200F}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{2800}', '\u{2800}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFF8}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E00FF}'),
    ('\u{E01F0}', '\u{E0FFF}'),
];

/// ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER: needed inside Persian and Indic words and
/// emoji sequences, but never at either end of a name.
const JOINERS: [char; 2] = ['\u{200C}', '\u{200D}'];

/// Variation selectors (Mongolian, standard, supplementary): they modify the character
/// before them, so they never start a name.
const VARIATION_SELECTORS: [(char, char); 3] = [
    ('\u{180B}', '\u{180D}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{E0100}', '\u{E01EF}'),
];

fn in_ranges(c: char, ranges: &[(char, char)]) -> bool {
    ranges.iter().any(|(from, to)| (*from..=*to).contains(&c))
}

/// The first character of `name` (trimmed) that cannot be part of a name: a control or
/// invisible character anywhere, a joiner at either end, a variation selector first.
pub(crate) fn first_invisible(name: &str) -> Option<char> {
    let last = name.chars().count().saturating_sub(1);
    name.chars().enumerate().find_map(|(i, c)| {
        let refused = c.is_control()
            || in_ranges(c, &INVISIBLE)
            || (JOINERS.contains(&c) && (i == 0 || i == last))
            || (in_ranges(c, &VARIATION_SELECTORS) && i == 0);
        refused.then_some(c)
    })
}

impl VariantName {
    /// Longest allowed name, in characters.
    pub const MAX_CHARS: usize = 60;

    /// Trims, then checks the characters and the length.
    pub fn parse(input: &str) -> Result<Self, VariantNameError> {
        let name = input.trim();
        if let Some(c) = first_invisible(name) {
            return Err(VariantNameError::Invisible(format!(
                "U+{:04X}",
                u32::from(c)
            )));
        }
        let chars = name.chars().count();
        if chars == 0 {
            Err(VariantNameError::Empty)
        } else if chars > Self::MAX_CHARS {
            Err(VariantNameError::TooLong(chars))
        } else {
            Ok(Self(name.to_owned()))
        }
    }

    /// The form two names share when they count as the same (case ignored): what the
    /// database holds unique per project among draft variants.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
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
            .any(|v| v.name.to_lowercase() == self.key());
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
    fn control_and_invisible_characters_are_refused() {
        for (name, shown) in [
            ("Lon\0don", "U+0000"),
            ("Lon\tdon", "U+0009"),
            ("Lon\ndon", "U+000A"),
            ("\u{200B}\u{200B}", "U+200B"),
            ("London\u{200D}", "U+200D"),
            ("\u{200C}London", "U+200C"),
            ("\u{FE0F}London", "U+FE0F"),
            ("Lon\u{200B}don", "U+200B"),
            ("\u{2800}", "U+2800"),
            ("\u{FEFF}London", "U+FEFF"),
            ("London\u{202E}", "U+202E"),
            ("Lon\u{2028}don", "U+2028"),
            ("\u{3164}", "U+3164"),
            ("Lon\u{00AD}don", "U+00AD"),
        ] {
            assert_eq!(
                VariantName::parse(name),
                Err(VariantNameError::Invisible(shown.into())),
                "{name:?}"
            );
        }
        for fine in [
            "São Paulo",
            "München",
            "東京",
            "Zürich 2",
            "O'Hare",
            "Café\u{0301}",
            "São\u{00A0}Paulo",
            "می\u{200C}خواهم",
            "❤\u{FE0F}",
            "Team 👩\u{200D}💻",
        ] {
            assert!(VariantName::parse(fine).is_ok(), "{fine}");
        }
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
