//! Live updates: a change to a project as the pages open on it receive it, and the sentence
//! they say about it (`editor@example.com deleted +44 20 7946 0123`).

use super::{Environment, EventKind, Step};
use serde::{Deserialize, Serialize};

/// The actor of the product's own background work (releases, checks with Twilio).
pub const SYSTEM_ACTOR: &str = "system";

/// One change to a project, as its open pages receive it (a Server-Sent Event's data, see
/// [`crate::api::wire::live_event_data`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveChange {
    /// Increasing across the whole database: the event id a stream resumes after.
    pub id: i64,
    /// Who made the change: an email, or [`SYSTEM_ACTOR`].
    pub actor: String,
    /// What people read: `editor@example.com deleted +44 20 7946 0123`.
    pub sentence: String,
    /// The number changed (E.164) when the change is to one number.
    pub number: Option<String>,
    /// Whether the member the page is for made it (their own pages say nothing about it).
    pub by_you: bool,
}

/// What changed, for the sentence. Numbers are given as people read them (`+44 20 7946 0123`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change<'a> {
    /// A change the audit log records, to a number (or to the Twilio account).
    Logged(EventKind, &'a str),
    /// A connection or disconnection Twilio did not answer: the number waits for the check.
    Checking(&'a str),
    /// A check found a connection in place.
    Confirmed(&'a str),
    /// A release was started after the undo window.
    Releasing(&'a str),
    /// Twilio did not answer a purchase: it is being checked.
    PurchaseChecking,
    /// A purchase checked with Twilio had bought nothing.
    NothingBought,
    /// The Twilio account was checked with its stored credentials.
    TwilioChecked,
    /// A draft variant was added.
    VariantCreated(&'a str),
    /// A draft variant was renamed.
    VariantRenamed(&'a str, &'a str),
    /// A draft variant was removed.
    VariantDeleted(&'a str),
    /// The draft was published to Sandbox.
    Published,
    /// A published version was promoted into this environment.
    Promoted(Environment),
}

impl<'a> Change<'a> {
    /// What a lifecycle step of `number` that the audit log does not record changes, if
    /// anything people see (steps it records say their [`EventKind`]).
    pub fn of_unlogged_step(step: &Step, number: &'a str) -> Option<Self> {
        match step {
            Step::Claim => Some(Self::Releasing(number)),
            Step::ConnectUnanswered | Step::DisconnectUnanswered => Some(Self::Checking(number)),
            Step::ConnectionConfirmed => Some(Self::Confirmed(number)),
            _ => None,
        }
    }
}

/// `{who} {what}`: the sentence a page says about a change by `actor` (the background worker
/// is "Numbers").
pub fn sentence(actor: &str, change: Change<'_>) -> String {
    let who = if actor == SYSTEM_ACTOR {
        "Numbers"
    } else {
        actor
    };
    let what = match change {
        Change::Logged(kind, subject) => format!("{} {subject}", verb(kind)),
        Change::Checking(number) => format!("is checking {number} with Twilio"),
        Change::Confirmed(number) => format!("confirmed the connection of {number}"),
        Change::Releasing(number) => format!("is releasing {number}"),
        Change::PurchaseChecking => "is checking a purchase with Twilio".to_owned(),
        Change::NothingBought => "found that a purchase through Twilio bought nothing".to_owned(),
        Change::TwilioChecked => "checked the Twilio account's credentials".to_owned(),
        Change::VariantCreated(name) => format!("added the variant {name}"),
        Change::VariantRenamed(from, to) => format!("renamed the variant {from} to {to}"),
        Change::VariantDeleted(name) => format!("deleted the variant {name}"),
        Change::Published => "published the draft to Sandbox".to_owned(),
        Change::Promoted(target) => format!("promoted the variants to {}", target.label()),
    };
    format!("{who} {what}")
}

/// The verb before a logged change's subject.
fn verb(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Bought => "bought",
        EventKind::Connected => "connected",
        EventKind::VariantAssigned => "assigned a variant to",
        EventKind::VariantChanged => "changed the variant of",
        EventKind::DeletionRequested => "deleted",
        EventKind::DeletionUndone => "restored",
        EventKind::Released => "released",
        EventKind::ReleaseFailed => "could not release",
        EventKind::ReleaseRetried => "retried the release of",
        EventKind::Disconnected => "disconnected",
        EventKind::TwilioAccountConnected => "connected the",
        EventKind::TwilioCredentialsUpdated => "updated the credentials of the",
        EventKind::TwilioAccountDisconnected => "disconnected the",
        EventKind::ApiKeyCreated => "created the",
        EventKind::ApiKeyRevoked => "revoked the",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::TWILIO_ACCOUNT_SUBJECT;

    #[test]
    fn a_person_s_change_names_them_and_the_number() {
        assert_eq!(
            sentence(
                "editor@example.com",
                Change::Logged(EventKind::DeletionRequested, "+44 20 7946 0123")
            ),
            "editor@example.com deleted +44 20 7946 0123"
        );
        assert_eq!(
            sentence(
                "admin@example.com",
                Change::Logged(EventKind::TwilioAccountConnected, TWILIO_ACCOUNT_SUBJECT)
            ),
            "admin@example.com connected the Twilio account"
        );
        assert_eq!(
            sentence("a@example.com", Change::VariantRenamed("London", "Paris")),
            "a@example.com renamed the variant London to Paris"
        );
        assert_eq!(
            sentence("a@example.com", Change::Promoted(Environment::Live)),
            "a@example.com promoted the variants to Live"
        );
    }

    #[test]
    fn every_step_people_see_says_something() {
        for step in [
            Step::Claim,
            Step::ConnectUnanswered,
            Step::DisconnectUnanswered,
            Step::ConnectionConfirmed,
        ] {
            assert_eq!(EventKind::of_step(&step), None, "{step:?} is logged");
            assert!(Change::of_unlogged_step(&step, "+1").is_some(), "{step:?}");
        }
        assert_eq!(Change::of_unlogged_step(&Step::Undo, "+1"), None);
    }

    #[test]
    fn background_work_is_the_product_s() {
        assert_eq!(
            sentence(
                SYSTEM_ACTOR,
                Change::Logged(EventKind::Released, "+1 415 555 0100")
            ),
            "Numbers released +1 415 555 0100"
        );
    }
}
