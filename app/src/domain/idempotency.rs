//! Retried purchases: the same key returns the first number bought, never a second one; an
//! attempt that bought nothing may run again under its key.

use serde::{Deserialize, Serialize};

/// A client's key for one purchase attempt: 8 to 100 ASCII letters, digits, `-` or `_`
/// (the dialog sends a UUID). Retries of the attempt send the same key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdempotencyKey(String);

/// A key that is missing or malformed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("The request has no valid idempotency key; reload the page and try again.")]
pub struct InvalidIdempotencyKey;

impl IdempotencyKey {
    /// Checks the key's form.
    pub fn parse(input: &str) -> Result<Self, InvalidIdempotencyKey> {
        let ok = (8..=100).contains(&input.len())
            && input
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(input.to_owned()))
        } else {
            Err(InvalidIdempotencyKey)
        }
    }

    /// The key as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What an add-number request asked for, compared across retries with the same key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestFingerprint(pub String);

/// How long a purchase may stay pending before it counts as abandoned (its request stopped
/// between the provider and the save), in seconds: longer than any live request takes (one
/// search and at most 20 buys, each bounded by the Twilio timeout).
pub const ABANDONED_AFTER_SECS: i64 = 300;

/// A purchase attempt as recorded under its idempotency key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Started, not finished (or the process stopped in between).
    Pending,
    /// The provider did not answer: whether it bought a number is being checked.
    Checking,
    /// Finished with this number.
    Succeeded(String),
    /// Finished with this user-facing error.
    Failed(String),
}

/// What to do with a request, given what its key already recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// First use of the key: go ahead.
    Proceed,
    /// The attempt under this key failed and bought nothing: it may run again.
    Retry,
    /// A retry of an attempt that bought this number (E.164): answer as the first time.
    Replay(String),
    /// The first attempt is still running, or its outcome is being checked.
    InProgress,
    /// The key was used for a different request.
    Conflict,
}

/// Decides how to treat a request with a key seen before (or not).
pub fn decide(
    recorded: Option<(&RequestFingerprint, &Attempt)>,
    request: &RequestFingerprint,
) -> Decision {
    match recorded {
        None => Decision::Proceed,
        Some((fingerprint, _)) if fingerprint != request => Decision::Conflict,
        Some((_, Attempt::Pending | Attempt::Checking)) => Decision::InProgress,
        Some((_, Attempt::Failed(_))) => Decision::Retry,
        Some((_, Attempt::Succeeded(e164))) => Decision::Replay(e164.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_8_to_100_url_safe_characters() {
        for ok in ["12345678", "0b8e-4c1f_AZ", &"k".repeat(100)] {
            assert_eq!(IdempotencyKey::parse(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            "1234567",
            &"k".repeat(101),
            "has space1",
            "semi;colon",
            "ünïcode12",
        ] {
            assert_eq!(
                IdempotencyKey::parse(bad),
                Err(InvalidIdempotencyKey),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn decisions() {
        let a = RequestFingerprint("buy sandbox UK".into());
        let b = RequestFingerprint("buy live US 212".into());
        let done = Attempt::Succeeded("+447700900001".into());
        assert_eq!(decide(None, &a), Decision::Proceed);
        assert_eq!(
            decide(Some((&a, &done)), &a),
            Decision::Replay("+447700900001".into())
        );
        let failed = Attempt::Failed("no stock".into());
        assert_eq!(
            decide(Some((&a, &failed)), &a),
            Decision::Retry,
            "a failed attempt bought nothing: the same request may try again"
        );
        assert_eq!(
            decide(Some((&a, &Attempt::Checking)), &a),
            Decision::InProgress
        );
        assert_eq!(decide(Some((&a, &failed)), &b), Decision::Conflict);
        assert_eq!(
            decide(Some((&a, &Attempt::Pending)), &a),
            Decision::InProgress
        );
        assert_eq!(decide(Some((&a, &done)), &b), Decision::Conflict);
        assert_eq!(
            decide(Some((&a, &Attempt::Pending)), &b),
            Decision::Conflict
        );
    }
}
