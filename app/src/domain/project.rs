//! Projects and the stored facts the Numbers page is built from.

use super::{
    E164, Environment, IntegrationKind, NumberState, Ownership, Publications, SipRoute, Variant,
};
use serde::{Deserialize, Serialize};

/// A project's URL identifier: 1 to 63 lowercase letters, digits and inner hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProjectSlug(String);

/// A string that cannot name a project.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a project identifier")]
pub struct InvalidProjectSlug(pub String);

impl ProjectSlug {
    /// Checks the identifier's form.
    pub fn parse(input: &str) -> Result<Self, InvalidProjectSlug> {
        let valid_chars = input
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let valid = (1..=63).contains(&input.len())
            && valid_chars
            && !input.starts_with('-')
            && !input.ends_with('-');
        if valid {
            Ok(Self(input.to_owned()))
        } else {
            Err(InvalidProjectSlug(super::text::excerpt(input)))
        }
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What every page says about its project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSummary {
    /// URL identifier, e.g. `acme`.
    pub slug: String,
    /// Display name, e.g. `Acme Support`.
    pub name: String,
}

/// One number as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberRecord {
    /// The number itself.
    pub e164: E164,
    /// The environment it serves.
    pub environment: Environment,
    /// The integration that carries it.
    pub source: IntegrationKind,
    /// Bought by the platform or connected by the customer.
    pub ownership: Ownership,
    /// The variant that handles its calls, if one is assigned.
    pub variant: Option<Variant>,
    /// Active, or somewhere in being deleted.
    pub state: NumberState,
}

/// Everything stored about a project that the Numbers page needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectOverview {
    /// The project.
    pub project: ProjectSummary,
    /// Its configured telephony integrations.
    pub integrations: Vec<IntegrationKind>,
    /// Variants in the draft, default first.
    pub draft_variants: Vec<Variant>,
    /// The variants published to each environment.
    pub publications: Publications,
    /// Its numbers, oldest first.
    pub numbers: Vec<NumberRecord>,
    /// The platform-managed SIP addresses of each environment that has them.
    pub sip_routes: Vec<(Environment, SipRoute)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["acme", "solo", "a", "acme-2"] {
            assert_eq!(ProjectSlug::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            "Acme",
            "-acme",
            "acme-",
            "ac me",
            "acme/x",
            &"a".repeat(64),
        ] {
            assert!(ProjectSlug::parse(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
