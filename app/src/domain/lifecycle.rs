//! Deleting a number: what a delete does per source and environment, and the undo/release
//! state machine every stored number follows.

use super::{E164, Environment, Ownership};
use serde::{Deserialize, Serialize};

/// Seconds since the Unix epoch (UTC).
pub type UnixSeconds = i64;

/// A claim on a release older than this is taken to be abandoned (the server stopped
/// half-way) and may be claimed again.
pub const STALE_CLAIM_SECS: i64 = 300;

/// Where a stored number is in its life.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberState {
    /// Taking calls.
    Active,
    /// Deleted by a person; released to the provider at `release_at` unless undone first.
    PendingRelease {
        /// When the undo window closes.
        release_at: UnixSeconds,
    },
    /// A release to the provider is under way since `since`.
    Releasing {
        /// When the release was claimed.
        since: UnixSeconds,
    },
    /// The provider refused or could not be reached; the number is kept until a retry works.
    ReleaseFailed {
        /// Why, in plain words.
        reason: String,
    },
    /// A customer's number being connected: Twilio did not answer when asked to send its
    /// calls here, so whether it does is being checked (since `since`).
    Connecting {
        /// When the connection was asked for.
        since: UnixSeconds,
    },
    /// A customer's number being disconnected: Twilio did not answer when asked to restore
    /// its voice URL, so whether it did is being checked (since `since`).
    Disconnecting {
        /// When the disconnection was asked for.
        since: UnixSeconds,
    },
}

impl NumberState {
    /// Storage identifier of [`NumberState::Active`].
    pub const ACTIVE: &'static str = "active";
    /// Storage identifier of [`NumberState::PendingRelease`].
    pub const PENDING_RELEASE: &'static str = "pending-release";
    /// Storage identifier of [`NumberState::Releasing`].
    pub const RELEASING: &'static str = "releasing";
    /// Storage identifier of [`NumberState::ReleaseFailed`].
    pub const RELEASE_FAILED: &'static str = "release-failed";
    /// Storage identifier of [`NumberState::Connecting`].
    pub const CONNECTING: &'static str = "connecting";
    /// Storage identifier of [`NumberState::Disconnecting`].
    pub const DISCONNECTING: &'static str = "disconnecting";
    /// Storage identifiers of every state but Active: numbers not in use.
    pub const UNSETTLED: [&'static str; 5] = [
        Self::PENDING_RELEASE,
        Self::RELEASING,
        Self::RELEASE_FAILED,
        Self::CONNECTING,
        Self::DISCONNECTING,
    ];

    /// Stable identifier used in storage.
    pub fn slug(&self) -> &'static str {
        match self {
            Self::Active => Self::ACTIVE,
            Self::PendingRelease { .. } => Self::PENDING_RELEASE,
            Self::Releasing { .. } => Self::RELEASING,
            Self::ReleaseFailed { .. } => Self::RELEASE_FAILED,
            Self::Connecting { .. } => Self::CONNECTING,
            Self::Disconnecting { .. } => Self::DISCONNECTING,
        }
    }

    /// Since when a state that waits on the provider has waited (stored as the claim time).
    pub fn since(&self) -> Option<UnixSeconds> {
        match self {
            Self::Releasing { since }
            | Self::Connecting { since }
            | Self::Disconnecting { since } => Some(*since),
            _ => None,
        }
    }

    /// Rebuilds a stored state from its identifier and columns; `None` if they do not fit.
    pub fn from_stored(
        slug: &str,
        release_at: Option<UnixSeconds>,
        since: Option<UnixSeconds>,
        reason: Option<&str>,
    ) -> Option<Self> {
        match slug {
            Self::ACTIVE => Some(Self::Active),
            Self::PENDING_RELEASE => {
                release_at.map(|release_at| Self::PendingRelease { release_at })
            }
            Self::RELEASING => since.map(|since| Self::Releasing { since }),
            Self::RELEASE_FAILED => Some(Self::ReleaseFailed {
                reason: reason.unwrap_or("unknown").to_owned(),
            }),
            Self::CONNECTING => since.map(|since| Self::Connecting { since }),
            Self::DISCONNECTING => since.map(|since| Self::Disconnecting { since }),
            _ => None,
        }
    }

    /// Whether calls reach the number and its variant may change.
    pub fn is_active(&self) -> bool {
        matches!(self, Self::Active)
    }
}

/// What deleting a number does to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeleteAction {
    /// Bought through the platform: given back to the provider after the undo window.
    Release,
    /// The customer's own number: our routing is removed, the number stays theirs.
    Disconnect,
}

/// What the Delete number dialog promises and asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletePlan {
    /// Release or disconnect.
    pub action: DeleteAction,
    /// Live numbers warn that calls stop reaching the agent at once.
    pub live_warning: bool,
    /// The digits the person must type to confirm (Live numbers only).
    pub confirm_digits: Option<String>,
}

/// The delete of `number`, owned as `ownership`, serving `environment`.
pub fn delete_plan(number: &E164, ownership: Ownership, environment: Environment) -> DeletePlan {
    let live = environment == Environment::Live;
    DeletePlan {
        action: match ownership {
            Ownership::Purchased => DeleteAction::Release,
            Ownership::Connected => DeleteAction::Disconnect,
        },
        live_warning: live,
        confirm_digits: live.then(|| last_four(number.as_str())),
    }
}

/// The last four digits of an E.164 number.
pub fn last_four(e164: &str) -> String {
    let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(4)..].iter().collect()
}

impl DeletePlan {
    /// Whether `typed` confirms the delete (always, when no digits are asked for); full-width
    /// digits count as the digits they are.
    pub fn confirmed_by(&self, typed: &str) -> bool {
        let typed = super::phone_input::fold_digits(typed.trim(), super::phone_input::common_digit);
        self.confirm_digits
            .as_deref()
            .is_none_or(|digits| typed == digits)
    }
}

/// What a delete did, for the page to say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeleteOutcome {
    /// Off the page and out of routing; released at `until` (`HH:MM UTC`) unless undone.
    ReleasePending {
        /// When the undo window closes, for people.
        until: String,
    },
    /// Disconnected: the number is back in the customer's hands.
    Disconnected,
    /// Being disconnected: Twilio did not answer when asked to restore the voice URL, so the
    /// restore is checked (and retried) until it is done.
    DisconnectChecking,
}

/// Something that happens to a number's lifecycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A person deletes a bought number: the undo window opens.
    RequestRelease,
    /// A person undoes the delete inside the window.
    Undo,
    /// The release worker takes a due release (or an abandoned one) to carry it out.
    Claim,
    /// The provider confirmed the release.
    Released,
    /// The provider refused or failed.
    ReleaseFailed(String),
    /// A person retries a failed release.
    Retry,
    /// A person disconnects a customer's own number (or the check of an unanswered
    /// disconnection finds it done).
    Disconnect,
    /// Twilio did not answer a connection: whether the number sends its calls here is checked.
    ConnectUnanswered,
    /// Twilio did not answer a disconnection: whether the voice URL is back is checked.
    DisconnectUnanswered,
    /// The check of an unanswered connection finds the number sending its calls here.
    ConnectionConfirmed,
    /// The check of an unanswered connection finds the number not sending its calls here.
    NotConnected(String),
    /// The project's Twilio account is disconnected: the number leaves the project and stays
    /// in the customer's account, bought or connected (nothing is released).
    AccountDisconnected,
}

/// Where a step leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// The number stays, in this state.
    State(NumberState),
    /// The number is gone from the project.
    Gone,
}

/// Why a step cannot happen now.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    /// Undo after the window closed.
    #[error("The undo window has closed: the number is being released.")]
    UndoExpired,
    /// The number is being deleted, so it cannot be changed.
    #[error("This number is being deleted; undo the delete first.")]
    BeingDeleted,
    /// The number is not deleted, so there is nothing to undo or retry.
    #[error("This number is not being deleted.")]
    NotDeleted,
    /// The release is not due yet (or is already being carried out).
    #[error("The release is not due.")]
    NotDue,
    /// A release was asked of a customer's number, or a disconnect of a bought one.
    #[error("That is not how this number is deleted.")]
    WrongAction,
    /// A release result arrived for a number that is not being released.
    #[error("The number is not being released.")]
    NotReleasing,
    /// A check result arrived for a number that is not waiting on one.
    #[error("The number is not being checked with its provider.")]
    NotChecking,
    /// The number is waiting on Twilio's answer; nothing else can be done to it meanwhile.
    #[error("We are checking this number with Twilio; try again in a minute.")]
    Checking,
}

/// The state after `step`, for a number owned as `ownership` in `state`, at `now`, with an
/// undo window of `window` seconds.
pub fn next(
    state: &NumberState,
    ownership: Ownership,
    step: &Step,
    now: UnixSeconds,
    window: i64,
) -> Result<Next, LifecycleError> {
    use NumberState as S;
    match (state, step) {
        (S::Connecting { .. }, Step::ConnectionConfirmed) => Ok(Next::State(S::Active)),
        (S::Connecting { .. }, Step::NotConnected(_)) => Ok(Next::Gone),
        (S::Disconnecting { .. }, Step::Disconnect) => Ok(Next::Gone),
        (S::Active, Step::DisconnectUnanswered) if ownership == Ownership::Connected => {
            Ok(Next::State(S::Disconnecting { since: now }))
        }
        (S::Active, Step::ConnectUnanswered) if ownership == Ownership::Connected => {
            Ok(Next::State(S::Connecting { since: now }))
        }
        (S::Active, Step::DisconnectUnanswered | Step::ConnectUnanswered) => {
            Err(LifecycleError::WrongAction)
        }
        (
            _,
            Step::ConnectionConfirmed
            | Step::NotConnected(_)
            | Step::DisconnectUnanswered
            | Step::ConnectUnanswered,
        ) => Err(LifecycleError::NotChecking),
        (S::Connecting { .. } | S::Disconnecting { .. }, _) => Err(LifecycleError::Checking),
        (S::Active, Step::RequestRelease) if ownership == Ownership::Purchased => {
            Ok(Next::State(S::PendingRelease {
                release_at: now.saturating_add(window.max(0)),
            }))
        }
        (S::Active, Step::Disconnect) if ownership == Ownership::Connected => Ok(Next::Gone),
        (S::Active, Step::AccountDisconnected) => Ok(Next::Gone),
        (_, Step::AccountDisconnected) => Err(LifecycleError::BeingDeleted),
        (S::Active, Step::RequestRelease | Step::Disconnect) => Err(LifecycleError::WrongAction),
        (_, Step::RequestRelease | Step::Disconnect) => Err(LifecycleError::BeingDeleted),
        (S::PendingRelease { release_at }, Step::Undo) if now < *release_at => {
            Ok(Next::State(S::Active))
        }
        (S::PendingRelease { .. } | S::Releasing { .. }, Step::Undo) => {
            Err(LifecycleError::UndoExpired)
        }
        (S::PendingRelease { release_at }, Step::Claim) if now >= *release_at => {
            Ok(Next::State(S::Releasing { since: now }))
        }
        (S::Releasing { since }, Step::Claim) if now - since >= STALE_CLAIM_SECS => {
            Ok(Next::State(S::Releasing { since: now }))
        }
        (S::PendingRelease { .. } | S::Releasing { .. }, Step::Claim) => {
            Err(LifecycleError::NotDue)
        }
        (S::Releasing { .. }, Step::Released) => Ok(Next::Gone),
        (S::Releasing { .. }, Step::ReleaseFailed(reason)) => Ok(Next::State(S::ReleaseFailed {
            reason: reason.clone(),
        })),
        (_, Step::Released | Step::ReleaseFailed(_)) => Err(LifecycleError::NotReleasing),
        (S::ReleaseFailed { .. }, Step::Retry) => Ok(Next::State(S::Releasing { since: now })),
        (S::ReleaseFailed { .. }, Step::Undo | Step::Claim) => Err(LifecycleError::NotDue),
        (S::PendingRelease { .. } | S::Releasing { .. }, Step::Retry) => {
            Err(LifecycleError::NotDue)
        }
        (S::Active, Step::Undo | Step::Claim | Step::Retry) => Err(LifecycleError::NotDeleted),
    }
}

/// `HH:MM UTC` for a timestamp, for notices such as "Undo until 22:51 UTC".
pub fn clock_utc(at: UnixSeconds) -> String {
    let day = at.rem_euclid(86_400);
    format!("{:02}:{:02} UTC", day / 3600, day % 3600 / 60)
}

/// A window length for people: `10 minutes`, `1 minute`, `45 seconds`.
pub fn describe_window(secs: i64) -> String {
    match secs.max(0) {
        60 => "1 minute".into(),
        s if s >= 60 && s % 60 == 0 => format!("{} minutes", s / 60),
        1 => "1 second".into(),
        s => format!("{s} seconds"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberState as S;

    const WINDOW: i64 = 600;

    fn e164(s: &str) -> E164 {
        E164::parse(s).unwrap()
    }

    #[test]
    fn unanswered_connections_and_disconnections_wait_for_their_check() {
        use NumberState as S;
        let connected = Ownership::Connected;
        let connecting = S::Connecting { since: 10 };
        assert_eq!(
            next(
                &connecting,
                connected,
                &Step::ConnectionConfirmed,
                20,
                WINDOW
            ),
            Ok(Next::State(S::Active))
        );
        assert_eq!(
            next(
                &connecting,
                connected,
                &Step::NotConnected("no".into()),
                20,
                WINDOW
            ),
            Ok(Next::Gone)
        );
        for step in [
            Step::Disconnect,
            Step::RequestRelease,
            Step::Undo,
            Step::Claim,
        ] {
            assert_eq!(
                next(&connecting, connected, &step, 20, WINDOW),
                Err(LifecycleError::Checking),
                "{step:?}"
            );
        }
        assert_eq!(
            next(
                &S::Active,
                connected,
                &Step::DisconnectUnanswered,
                30,
                WINDOW
            ),
            Ok(Next::State(S::Disconnecting { since: 30 }))
        );
        assert_eq!(
            next(
                &S::Active,
                Ownership::Purchased,
                &Step::DisconnectUnanswered,
                30,
                WINDOW
            ),
            Err(LifecycleError::WrongAction)
        );
        assert_eq!(
            next(&S::Active, connected, &Step::ConnectUnanswered, 5, WINDOW),
            Ok(Next::State(S::Connecting { since: 5 }))
        );
        let disconnecting = S::Disconnecting { since: 30 };
        assert_eq!(
            next(&disconnecting, connected, &Step::Disconnect, 40, WINDOW),
            Ok(Next::Gone)
        );
        assert_eq!(
            next(
                &disconnecting,
                connected,
                &Step::ConnectionConfirmed,
                40,
                WINDOW
            ),
            Err(LifecycleError::NotChecking)
        );
        assert_eq!(
            next(
                &S::Active,
                connected,
                &Step::ConnectionConfirmed,
                40,
                WINDOW
            ),
            Err(LifecycleError::NotChecking)
        );
        for state in [connecting, disconnecting] {
            assert!(!state.is_active());
            let stored = NumberState::from_stored(state.slug(), None, state.since(), None);
            assert_eq!(stored, Some(state));
        }
    }

    #[test]
    fn disconnecting_the_account_takes_active_numbers_of_either_ownership_only() {
        use NumberState as S;
        for ownership in [Ownership::Purchased, Ownership::Connected] {
            assert_eq!(
                next(
                    &S::Active,
                    ownership,
                    &Step::AccountDisconnected,
                    10,
                    WINDOW
                ),
                Ok(Next::Gone)
            );
        }
        let deleted = S::PendingRelease { release_at: 99 };
        assert_eq!(
            next(
                &deleted,
                Ownership::Purchased,
                &Step::AccountDisconnected,
                10,
                WINDOW
            ),
            Err(LifecycleError::BeingDeleted)
        );
        assert_eq!(
            next(
                &S::Connecting { since: 1 },
                Ownership::Connected,
                &Step::AccountDisconnected,
                10,
                WINDOW
            ),
            Err(LifecycleError::Checking)
        );
    }

    #[test]
    fn bought_numbers_are_released_and_customer_numbers_disconnected() {
        let n = e164("+442079460123");
        for env in Environment::ALL {
            assert_eq!(
                delete_plan(&n, Ownership::Purchased, env).action,
                DeleteAction::Release
            );
            assert_eq!(
                delete_plan(&n, Ownership::Connected, env).action,
                DeleteAction::Disconnect
            );
        }
    }

    #[test]
    fn only_live_numbers_warn_and_ask_for_the_last_four_digits() {
        let n = e164("+447700900321");
        for own in [Ownership::Purchased, Ownership::Connected] {
            let live = delete_plan(&n, own, Environment::Live);
            assert!(live.live_warning);
            assert_eq!(live.confirm_digits.as_deref(), Some("0321"));
            assert!(!live.confirmed_by(""));
            assert!(!live.confirmed_by("321"));
            assert!(!live.confirmed_by("9003"));
            assert!(live.confirmed_by("0321"));
            assert!(live.confirmed_by(" 0321 "));
            for env in [Environment::Sandbox, Environment::PreRelease] {
                let plan = delete_plan(&n, own, env);
                assert!(!plan.live_warning);
                assert_eq!(plan.confirm_digits, None);
                assert!(plan.confirmed_by(""));
            }
        }
    }

    #[test]
    fn delete_opens_the_undo_window_and_undo_inside_it_restores() {
        let pending = next(
            &S::Active,
            Ownership::Purchased,
            &Step::RequestRelease,
            1000,
            WINDOW,
        );
        assert_eq!(
            pending,
            Ok(Next::State(S::PendingRelease { release_at: 1600 }))
        );
        let pending = S::PendingRelease { release_at: 1600 };
        assert_eq!(
            next(&pending, Ownership::Purchased, &Step::Undo, 1599, WINDOW),
            Ok(Next::State(S::Active))
        );
        assert_eq!(
            next(&pending, Ownership::Purchased, &Step::Undo, 1600, WINDOW),
            Err(LifecycleError::UndoExpired)
        );
    }

    #[test]
    fn a_release_is_claimed_only_when_due_and_once() {
        let pending = S::PendingRelease { release_at: 1600 };
        assert_eq!(
            next(&pending, Ownership::Purchased, &Step::Claim, 1599, WINDOW),
            Err(LifecycleError::NotDue)
        );
        let claimed = next(&pending, Ownership::Purchased, &Step::Claim, 1600, WINDOW);
        assert_eq!(claimed, Ok(Next::State(S::Releasing { since: 1600 })));
        let releasing = S::Releasing { since: 1600 };
        assert_eq!(
            next(&releasing, Ownership::Purchased, &Step::Claim, 1601, WINDOW),
            Err(LifecycleError::NotDue),
            "a fresh claim is not taken twice"
        );
        assert_eq!(
            next(
                &releasing,
                Ownership::Purchased,
                &Step::Claim,
                1600 + STALE_CLAIM_SECS,
                WINDOW
            ),
            Ok(Next::State(S::Releasing {
                since: 1600 + STALE_CLAIM_SECS
            })),
            "an abandoned claim is taken again"
        );
        assert_eq!(
            next(&releasing, Ownership::Purchased, &Step::Undo, 1601, WINDOW),
            Err(LifecycleError::UndoExpired)
        );
    }

    #[test]
    fn release_results_end_the_number_or_keep_it_failed_until_a_retry() {
        let releasing = S::Releasing { since: 1600 };
        assert_eq!(
            next(
                &releasing,
                Ownership::Purchased,
                &Step::Released,
                1601,
                WINDOW
            ),
            Ok(Next::Gone)
        );
        let failed = next(
            &releasing,
            Ownership::Purchased,
            &Step::ReleaseFailed("down".into()),
            1601,
            WINDOW,
        );
        assert_eq!(
            failed,
            Ok(Next::State(S::ReleaseFailed {
                reason: "down".into()
            }))
        );
        let failed = S::ReleaseFailed {
            reason: "down".into(),
        };
        assert_eq!(
            next(&failed, Ownership::Purchased, &Step::Retry, 1700, WINDOW),
            Ok(Next::State(S::Releasing { since: 1700 }))
        );
        assert_eq!(
            next(&failed, Ownership::Purchased, &Step::Claim, 1700, WINDOW),
            Err(LifecycleError::NotDue),
            "the worker leaves failed releases to a person"
        );
        for state in [S::Active, S::PendingRelease { release_at: 1 }, failed] {
            assert_eq!(
                next(&state, Ownership::Purchased, &Step::Released, 1700, WINDOW),
                Err(LifecycleError::NotReleasing)
            );
        }
    }

    #[test]
    fn disconnects_are_immediate_and_only_for_customer_numbers() {
        assert_eq!(
            next(
                &S::Active,
                Ownership::Connected,
                &Step::Disconnect,
                1,
                WINDOW
            ),
            Ok(Next::Gone)
        );
        assert_eq!(
            next(
                &S::Active,
                Ownership::Purchased,
                &Step::Disconnect,
                1,
                WINDOW
            ),
            Err(LifecycleError::WrongAction)
        );
        assert_eq!(
            next(
                &S::Active,
                Ownership::Connected,
                &Step::RequestRelease,
                1,
                WINDOW
            ),
            Err(LifecycleError::WrongAction),
            "a customer's number is never released"
        );
    }

    #[test]
    fn a_number_being_deleted_cannot_be_deleted_again_and_an_active_one_has_nothing_to_undo() {
        let pending = S::PendingRelease { release_at: 1600 };
        assert_eq!(
            next(
                &pending,
                Ownership::Purchased,
                &Step::RequestRelease,
                1,
                WINDOW
            ),
            Err(LifecycleError::BeingDeleted)
        );
        for step in [Step::Undo, Step::Claim, Step::Retry] {
            assert_eq!(
                next(&S::Active, Ownership::Purchased, &step, 1, WINDOW),
                Err(LifecycleError::NotDeleted)
            );
        }
    }

    #[test]
    fn stored_states_round_trip() {
        let states = [
            S::Active,
            S::PendingRelease { release_at: 5 },
            S::Releasing { since: 6 },
            S::ReleaseFailed {
                reason: "no".into(),
            },
            S::Connecting { since: 7 },
            S::Disconnecting { since: 8 },
        ];
        for state in states {
            let (at, reason) = match &state {
                S::PendingRelease { release_at } => (Some(*release_at), None),
                S::ReleaseFailed { reason } => (None, Some(reason.as_str())),
                _ => (None, None),
            };
            let since = state.since();
            assert_eq!(
                NumberState::from_stored(state.slug(), at, since, reason),
                Some(state.clone())
            );
        }
        assert_eq!(
            NumberState::from_stored("pending-release", None, None, None),
            None
        );
        assert_eq!(NumberState::from_stored("gone", None, None, None), None);
    }

    #[test]
    fn clock_and_last_four() {
        assert_eq!(clock_utc(0), "00:00 UTC");
        assert_eq!(clock_utc(86_400 + 22 * 3600 + 51 * 60 + 59), "22:51 UTC");
        assert_eq!(last_four("+12125550142"), "0142");
        assert_eq!(last_four("+12"), "12");
        assert_eq!(describe_window(600), "10 minutes");
        assert_eq!(describe_window(60), "1 minute");
        assert_eq!(describe_window(90), "90 seconds");
        assert_eq!(describe_window(1), "1 second");
    }
}
