//! The audit log: every change to a number, who made it, when, and what it was before and after.

use super::{Environment, Step};
use serde::{Deserialize, Serialize};

/// What happened to a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// Bought through the platform.
    Bought,
    /// Connected from the customer's Twilio account.
    Connected,
    /// A variant was assigned to a number that had none.
    VariantAssigned,
    /// The number's variant was changed.
    VariantChanged,
    /// A person deleted it; the undo window opened.
    DeletionRequested,
    /// A person undid the delete.
    DeletionUndone,
    /// The provider took it back.
    Released,
    /// The provider refused or failed to take it back.
    ReleaseFailed,
    /// A person retried a failed release.
    ReleaseRetried,
    /// Our routing was removed; the number stays in the customer's account.
    Disconnected,
    /// A Twilio account was connected to the project (the entry's subject is the account).
    TwilioAccountConnected,
    /// The Twilio account's credentials were replaced.
    TwilioCredentialsUpdated,
    /// The Twilio account was disconnected from the project.
    TwilioAccountDisconnected,
    /// An API key was created (the entry's subject is the key).
    ApiKeyCreated,
    /// An API key was revoked.
    ApiKeyRevoked,
}

impl EventKind {
    /// Every kind, for storage round trips.
    pub const ALL: [Self; 15] = [
        Self::Bought,
        Self::Connected,
        Self::VariantAssigned,
        Self::VariantChanged,
        Self::DeletionRequested,
        Self::DeletionUndone,
        Self::Released,
        Self::ReleaseFailed,
        Self::ReleaseRetried,
        Self::Disconnected,
        Self::TwilioAccountConnected,
        Self::TwilioCredentialsUpdated,
        Self::TwilioAccountDisconnected,
        Self::ApiKeyCreated,
        Self::ApiKeyRevoked,
    ];

    /// Stable identifier used in storage.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Bought => "bought",
            Self::Connected => "connected",
            Self::VariantAssigned => "variant-assigned",
            Self::VariantChanged => "variant-changed",
            Self::DeletionRequested => "deletion-requested",
            Self::DeletionUndone => "deletion-undone",
            Self::Released => "released",
            Self::ReleaseFailed => "release-failed",
            Self::ReleaseRetried => "release-retried",
            Self::Disconnected => "disconnected",
            Self::TwilioAccountConnected => "twilio-account-connected",
            Self::TwilioCredentialsUpdated => "twilio-credentials-updated",
            Self::TwilioAccountDisconnected => "twilio-account-disconnected",
            Self::ApiKeyCreated => "api-key-created",
            Self::ApiKeyRevoked => "api-key-revoked",
        }
    }

    /// Parses a storage identifier.
    pub fn parse(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            Self::Bought => "Bought",
            Self::Connected => "Connected",
            Self::VariantAssigned => "Variant assigned",
            Self::VariantChanged => "Variant changed",
            Self::DeletionRequested => "Deletion requested",
            Self::DeletionUndone => "Deletion undone",
            Self::Released => "Released to the provider",
            Self::ReleaseFailed => "Release failed",
            Self::ReleaseRetried => "Release retried",
            Self::Disconnected => "Disconnected",
            Self::TwilioAccountConnected => "Twilio account connected",
            Self::TwilioCredentialsUpdated => "Twilio credentials updated",
            Self::TwilioAccountDisconnected => "Twilio account disconnected",
            Self::ApiKeyCreated => "API key created",
            Self::ApiKeyRevoked => "API key revoked",
        }
    }

    /// The event a lifecycle step records, if any (claiming a release records nothing).
    pub fn of_step(step: &Step) -> Option<Self> {
        match step {
            Step::RequestRelease => Some(Self::DeletionRequested),
            Step::Undo => Some(Self::DeletionUndone),
            Step::Claim => None,
            Step::Released => Some(Self::Released),
            Step::ReleaseFailed(_) => Some(Self::ReleaseFailed),
            Step::Retry => Some(Self::ReleaseRetried),
            Step::Disconnect | Step::NotConnected(_) | Step::AccountDisconnected => {
                Some(Self::Disconnected)
            }
            Step::DisconnectUnanswered | Step::ConnectUnanswered | Step::ConnectionConfirmed => {
                None
            }
        }
    }

    /// The event of giving a number a variant when it had `before`.
    pub fn of_assignment(before: Option<&str>) -> Self {
        if before.is_some() {
            Self::VariantChanged
        } else {
            Self::VariantAssigned
        }
    }
}

/// Where a number serves, as history shows it: `Sandbox · London`, or `Sandbox` without a variant.
pub fn placement(environment: Environment, variant: Option<&str>) -> String {
    match variant {
        Some(name) => format!("{} · {name}", environment.label()),
        None => environment.label().to_owned(),
    }
}

/// The subject of integration events in the history (they have no number).
pub const TWILIO_ACCOUNT_SUBJECT: &str = "Twilio account";

/// One recorded change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The number, E.164; [`TWILIO_ACCOUNT_SUBJECT`] for changes to the Twilio account.
    pub e164: String,
    /// What happened.
    pub kind: EventKind,
    /// Who did it (a member, or `system` for the release worker).
    pub actor: String,
    /// When, formatted for people (UTC).
    pub at: String,
    /// What it was before, if that applies.
    pub before: Option<String>,
    /// What it is after, if that applies.
    pub after: Option<String>,
}

/// One page of a project's history, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    /// The project's name.
    pub project_name: String,
    /// The entries on this page.
    pub entries: Vec<HistoryEntry>,
    /// This page's number, from 1.
    pub page: u64,
    /// How many pages there are (at least 1).
    pub pages: u64,
}

/// Entries per page of the project history.
pub const HISTORY_PAGE_SIZE: u64 = 25;

/// The page count for `total` entries.
pub fn page_count(total: u64) -> u64 {
    total.div_ceil(HISTORY_PAGE_SIZE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_read_well() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.slug()), Some(kind));
            assert!(!kind.label().is_empty());
        }
        assert_eq!(EventKind::parse("edited"), None);
    }

    #[test]
    fn steps_record_their_events_except_claims() {
        assert_eq!(
            EventKind::of_step(&Step::RequestRelease),
            Some(EventKind::DeletionRequested)
        );
        assert_eq!(
            EventKind::of_step(&Step::ReleaseFailed("x".into())),
            Some(EventKind::ReleaseFailed)
        );
        assert_eq!(EventKind::of_step(&Step::Claim), None);
        assert_eq!(EventKind::of_assignment(None), EventKind::VariantAssigned);
        assert_eq!(
            EventKind::of_assignment(Some("London")),
            EventKind::VariantChanged
        );
    }

    #[test]
    fn placements_and_pages() {
        assert_eq!(
            placement(Environment::PreRelease, Some("London")),
            "Pre-release · London"
        );
        assert_eq!(placement(Environment::Live, None), "Live");
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(25), 1);
        assert_eq!(page_count(26), 2);
    }
}
