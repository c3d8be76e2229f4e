//! Where a number comes from: which integration carries it and who owns it.

use serde::{Deserialize, Serialize};

/// The kind of telephony integration a number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IntegrationKind {
    /// The platform's own number pool.
    BuiltInPool,
    /// A Twilio account.
    Twilio,
}

impl IntegrationKind {
    /// The Source column's text.
    pub fn label(self) -> &'static str {
        match self {
            Self::BuiltInPool => "PolyAI",
            Self::Twilio => "Twilio",
        }
    }

    /// Stable identifier used in storage.
    pub fn slug(self) -> &'static str {
        match self {
            Self::BuiltInPool => "built-in-pool",
            Self::Twilio => "twilio",
        }
    }

    /// Parses a storage identifier.
    pub fn parse(slug: &str) -> Option<Self> {
        [Self::BuiltInPool, Self::Twilio]
            .into_iter()
            .find(|k| k.slug() == slug)
    }
}

/// Whether the platform bought the number or the customer connected their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    /// Bought through the platform: deleting releases it to the provider.
    Purchased,
    /// The customer's own number: deleting only disconnects it.
    Connected,
}

impl Ownership {
    /// Stable identifier used in storage.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Purchased => "purchased",
            Self::Connected => "connected",
        }
    }

    /// Parses a storage identifier.
    pub fn parse(slug: &str) -> Option<Self> {
        [Self::Purchased, Self::Connected]
            .into_iter()
            .find(|o| o.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_the_source_column() {
        assert_eq!(IntegrationKind::BuiltInPool.label(), "PolyAI");
        assert_eq!(IntegrationKind::Twilio.label(), "Twilio");
    }

    #[test]
    fn storage_identifiers_round_trip() {
        for kind in [IntegrationKind::BuiltInPool, IntegrationKind::Twilio] {
            assert_eq!(IntegrationKind::parse(kind.slug()), Some(kind));
        }
        for own in [Ownership::Purchased, Ownership::Connected] {
            assert_eq!(Ownership::parse(own.slug()), Some(own));
        }
        assert_eq!(IntegrationKind::parse("sip"), None);
        assert_eq!(Ownership::parse("rented"), None);
    }
}
