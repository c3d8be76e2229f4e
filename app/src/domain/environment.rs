//! The three environments a number can serve, in the order they are shown.

use serde::{Deserialize, Serialize};

/// Where a number's calls go: the saved draft, pre-production, or production.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Environment {
    /// Serves the latest saved version.
    Sandbox,
    /// Pre-production validation.
    PreRelease,
    /// Production traffic.
    Live,
}

/// A string that names no environment.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an environment: use sandbox, pre-release or live")]
pub struct UnknownEnvironment(pub String);

impl Environment {
    /// Every environment, in display order.
    pub const ALL: [Environment; 3] = [Self::Sandbox, Self::PreRelease, Self::Live];

    /// Stable identifier used in storage, URLs and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Sandbox => "sandbox",
            Self::PreRelease => "pre-release",
            Self::Live => "live",
        }
    }

    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sandbox => "Sandbox",
            Self::PreRelease => "Pre-release",
            Self::Live => "Live",
        }
    }

    /// One-line description, worded as on the product page.
    pub fn description(self) -> &'static str {
        match self {
            Self::Sandbox => "Numbers for testing your latest saved version",
            Self::PreRelease => "Numbers for pre-production validation",
            Self::Live => "Numbers serving production traffic",
        }
    }

    /// Parses a slug such as `pre-release`.
    pub fn parse(slug: &str) -> Result<Self, UnknownEnvironment> {
        Self::ALL
            .into_iter()
            .find(|env| env.slug() == slug)
            .ok_or_else(|| UnknownEnvironment(super::text::excerpt(slug)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_in_display_order() {
        let slugs: Vec<_> = Environment::ALL.iter().map(|e| e.slug()).collect();
        assert_eq!(slugs, ["sandbox", "pre-release", "live"]);
        for env in Environment::ALL {
            assert_eq!(Environment::parse(env.slug()), Ok(env));
        }
    }

    #[test]
    fn unknown_slug_is_a_specific_error() {
        let err = Environment::parse("production").unwrap_err();
        assert!(
            err.to_string()
                .contains("\"production\" is not an environment")
        );
        assert!(
            Environment::parse("Sandbox").is_err(),
            "slugs are case-sensitive"
        );
    }

    #[test]
    fn serde_uses_the_slug() {
        let json = serde_json::to_string(&Environment::PreRelease).unwrap();
        assert_eq!(json, "\"pre-release\"");
    }
}
