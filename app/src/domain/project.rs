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

/// A project's settings that every action reads: a few rows, however many numbers it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectOverview {
    /// The project.
    pub project: ProjectSummary,
    /// Its configured telephony integrations.
    pub integrations: Vec<IntegrationKind>,
    /// Variants in the draft, default first.
    pub draft_variants: Vec<Variant>,
    /// The variants published to each environment (its newest version).
    pub publications: Publications,
    /// The platform-managed SIP addresses of each environment that has them.
    pub sip_routes: Vec<(Environment, SipRoute)>,
}

/// One environment section's rows under a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionListing {
    /// The section's environment.
    pub environment: Environment,
    /// How many numbers the view's filters leave in it.
    pub total: u64,
    /// The page shown, from 1 (a page asked for past the end is the last).
    pub page: u64,
    /// That page's numbers, in the view's order.
    pub numbers: Vec<NumberRecord>,
}

/// What the Numbers page lists of a project: bounded by its page size, whatever it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumbersListing {
    /// Sandbox, Pre-release, Live, in that order.
    pub sections: Vec<SectionListing>,
    /// Numbers not in use (being deleted, or a connection being checked), at most one page:
    /// the most recently deleted first, then the others.
    pub unsettled: Vec<NumberRecord>,
    /// Variants assigned to numbers in use, each once.
    pub assigned: Vec<super::VariantId>,
}

/// The numbers in use that a draft variant handles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantNumbers {
    /// The variant.
    pub variant: super::VariantId,
    /// How many numbers it handles.
    pub count: u64,
    /// The first few of them (E.164), oldest first.
    pub sample: Vec<String>,
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
