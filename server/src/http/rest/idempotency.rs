//! The `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key) of purchases: the key a
//! client sends, scoped to the project, so two projects never share (or can squat) a key.

use super::problem::Problem;
use app::domain::ProjectSlug;
use app::domain::idempotency::IdempotencyKey;
use app::error::AppError;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;

/// The header's name.
const HEADER: &str = "idempotency-key";

/// The longest key a single purchase takes: the stored key (at most 100 characters) is the
/// key after the project's 9-character scope.
pub const MAX_KEY_CHARS: usize = 91;

/// The longest key a batch takes: each purchase row adds `-{index}` (at most `-99`).
pub const MAX_BATCH_KEY_CHARS: usize = 88;

/// The `Idempotency-Key` header of a single purchase, as the description states it.
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(
    dead_code,
    reason = "describes the header; handlers read it from the headers"
)]
pub struct IdempotencyHeader {
    /// 8 to 91 letters, digits, `-` or `_` (a UUID works); strongly recommended when buying:
    /// a retry with the same key returns the first result and buys nothing more.
    #[param(rename = "Idempotency-Key", pattern = "^[A-Za-z0-9_-]{8,91}$")]
    idempotency_key: Option<String>,
}

/// The `Idempotency-Key` header of a batch, as the description states it.
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(
    dead_code,
    reason = "describes the header; handlers read it from the headers"
)]
pub struct BatchIdempotencyHeader {
    /// 8 to 88 letters, digits, `-` or `_`; each purchase row uses it with `-{index}` added,
    /// so retrying the whole batch with the same key buys nothing twice.
    #[param(rename = "Idempotency-Key", pattern = "^[A-Za-z0-9_-]{8,88}$")]
    idempotency_key: Option<String>,
}

/// The key `headers` carry (at most `max` characters), or a new random one when none is sent
/// (a retry then buys again); a malformed one is refused before anything happens.
pub fn client_key(headers: &HeaderMap, max: usize) -> Result<String, Problem> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(format!("api-{:032x}", rand::random::<u128>()));
    };
    value
        .to_str()
        .ok()
        .filter(|v| v.len() <= max && IdempotencyKey::parse(v).is_ok())
        .map(str::to_owned)
        .ok_or_else(|| {
            Problem::malformed(
                format!("Idempotency-Key is 8 to {max} letters, digits, - or _ (a UUID works)."),
                Some("Idempotency-Key".into()),
            )
        })
}

/// The stored key of the client's `key` in `project`: `{8 hex digits of the project's
/// SHA-256}-{key}`. The dialog's keys are 32 hex digits without a dash, so they never meet.
pub fn scoped(project: &ProjectSlug, key: &str) -> Result<IdempotencyKey, Problem> {
    let scope: String = Sha256::digest(project.as_str().as_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    IdempotencyKey::parse(&format!("{scope}-{key}")).map_err(|_| AppError::Unavailable.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn slug(s: &str) -> ProjectSlug {
        ProjectSlug::parse(s).unwrap()
    }

    #[test]
    fn keys_are_scoped_per_project_and_fit_the_stored_length() {
        let acme = scoped(&slug("acme"), "deploy-1").unwrap();
        let solo = scoped(&slug("solo"), "deploy-1").unwrap();
        assert_ne!(acme, solo);
        assert_eq!(acme, scoped(&slug("acme"), "deploy-1").unwrap());
        assert!(acme.as_str().ends_with("-deploy-1"));
        let longest = "k".repeat(MAX_KEY_CHARS);
        assert!(scoped(&slug("acme"), &longest).is_ok());
        let batch_row = format!("{}-99", "k".repeat(MAX_BATCH_KEY_CHARS));
        assert!(scoped(&slug("acme"), &batch_row).is_ok());
    }

    #[test]
    fn sent_keys_are_checked_and_missing_ones_made_up() {
        let mut headers = HeaderMap::new();
        let made = client_key(&headers, MAX_KEY_CHARS).unwrap();
        assert_ne!(made, client_key(&headers, MAX_KEY_CHARS).unwrap());
        for (sent, ok) in [
            ("deploy-2026", true),
            ("short", false),
            ("has space here", false),
        ] {
            headers.insert(HEADER, HeaderValue::from_static(sent));
            assert_eq!(client_key(&headers, MAX_KEY_CHARS).is_ok(), ok, "{sent}");
        }
        headers.insert(HEADER, HeaderValue::from_str(&"k".repeat(89)).unwrap());
        assert!(client_key(&headers, MAX_KEY_CHARS).is_ok());
        assert!(client_key(&headers, MAX_BATCH_KEY_CHARS).is_err());
    }
}
