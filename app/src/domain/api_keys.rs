//! API keys: what a project's automation authenticates with (`Authorization: Bearer <key>`).
//! A key is `nmbr_{id}_{secret}`: `id` names its stored row (12 lowercase hex digits, shown in
//! lists), `secret` is 32 random bytes in base64url; only the SHA-256 of the whole key is kept,
//! so a key is shown once, when it is created.

use super::text;
use serde::{Deserialize, Serialize};

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiKeyScope {
    /// Lists, reads and history.
    Read,
    /// Everything a member with Edit may do.
    ReadWrite,
}

impl ApiKeyScope {
    /// Stable identifier in storage and forms: `read` or `read-write`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::ReadWrite => "read-write",
        }
    }

    /// Parses [`ApiKeyScope::slug`].
    pub fn parse(slug: &str) -> Option<Self> {
        [Self::Read, Self::ReadWrite]
            .into_iter()
            .find(|s| s.slug() == slug)
    }

    /// What people read (UI-CONTRACT "API keys page": the `Access` radios).
    pub fn label(self) -> &'static str {
        match self {
            Self::Read => "Read",
            Self::ReadWrite => "Read and write",
        }
    }
}

/// The longest key name, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// A key's name, as the history names its calls: trimmed, 1 to [`MAX_NAME_CHARS`] characters,
/// no control characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyName(String);

impl ApiKeyName {
    /// Checks a typed name; the error says what to fix.
    pub fn parse(input: &str) -> Result<Self, String> {
        let name = input.trim();
        if name.is_empty() {
            return Err("Give the key a name, e.g. the script that will use it.".into());
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(format!(
                "A key name has at most {MAX_NAME_CHARS} characters."
            ));
        }
        // The history quotes the name: invisible characters would make two keys read alike,
        // a double quote would end the quotation.
        if let Some(c) = super::variant::first_invisible(name) {
            return Err(format!(
                "A key name cannot hold invisible or control characters (U+{:04X}).",
                u32::from(c)
            ));
        }
        if name.contains('"') {
            return Err("A key name cannot hold a double quote (\").".into());
        }
        Ok(Self(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The prefix every key starts with.
pub const KEY_PREFIX: &str = "nmbr_";

/// The stored id a presented key claims (`nmbr_{id}_…`), if it has the form of one; anything
/// else is not a key (answered 401 like an unknown one).
pub fn key_id(presented: &str) -> Option<&str> {
    let rest = presented.strip_prefix(KEY_PREFIX)?;
    let (id, secret) = rest.split_once('_')?;
    let id_ok = id.len() == 12 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let secret_ok = secret.len() == 43
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (id_ok && secret_ok).then_some(id)
}

/// One key as its page lists it (never the key itself).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyRow {
    /// The key's id (`nmbr_{id}_…`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it may do.
    pub scope: ApiKeyScope,
    /// Who created it, and when (`2026-11-30 09:00 UTC`).
    pub created_by: String,
    /// When it was created.
    pub created_at: String,
    /// When it was last used, if ever.
    pub last_used_at: Option<String>,
}

/// The API keys page of one project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeysPage {
    /// The project's name.
    pub project_name: String,
    /// Whether the member may create and revoke keys (Edit).
    pub can_edit: bool,
    /// The keys not revoked, newest first.
    pub keys: Vec<ApiKeyRow>,
}

/// A key just created: the whole key, shown once.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiKey {
    /// Its name.
    pub name: String,
    /// The key (`nmbr_{id}_{secret}`).
    pub key: String,
}

impl std::fmt::Debug for NewApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewApiKey")
            .field("name", &self.name)
            .field("key", &"<redacted>")
            .finish()
    }
}

/// The length of a rate-limit window, in seconds: each key's requests are counted per minute
/// of the clock (a fixed window shared by every server instance through storage).
pub const RATE_WINDOW_SECS: i64 = 60;

/// The start of the window `now` falls in (Unix seconds, a multiple of [`RATE_WINDOW_SECS`]).
pub fn rate_window(now: super::UnixSeconds) -> super::UnixSeconds {
    now - now.rem_euclid(RATE_WINDOW_SECS)
}

/// Seconds to wait before the next window (`Retry-After`, RFC 9110 §10.2.3), when `requests`
/// counted in `now`'s window, this one included, exceed `limit`; `None` while within it.
pub fn over_limit(requests: u64, limit: u64, now: super::UnixSeconds) -> Option<u64> {
    let left = rate_window(now) + RATE_WINDOW_SECS - now;
    (requests > limit).then(|| u64::try_from(left).unwrap_or(1).max(1))
}

/// How the history names the key `name` (the subject of its creation and revocation, the actor
/// of its calls): `API key "{name}"`.
pub fn named(name: &str) -> String {
    format!("API key \"{}\"", text::excerpt(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_windows_are_clock_minutes_and_say_how_long_to_wait() {
        assert_eq!(rate_window(120), 120);
        assert_eq!(rate_window(179), 120);
        assert_eq!(rate_window(-1), -60);
        assert_eq!(over_limit(600, 600, 130), None);
        assert_eq!(over_limit(601, 600, 130), Some(50));
        assert_eq!(over_limit(601, 600, 179), Some(1));
        assert_eq!(over_limit(2, 1, 120), Some(60));
        assert_eq!(
            over_limit(1, 0, 150),
            Some(30),
            "a limit of 0 refuses everything"
        );
    }

    #[test]
    fn names_that_would_read_like_others_are_refused() {
        for alike in ["ci\u{200b}-rw", "ci\u{2060}rw", "say \"hi\"", "tab\there"] {
            assert!(ApiKeyName::parse(alike).is_err(), "{alike:?}");
        }
        assert!(ApiKeyName::parse("CI · deploys (read)").is_ok());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            ApiKeyName::parse("  CI deploys ").unwrap().as_str(),
            "CI deploys"
        );
        assert!(ApiKeyName::parse("   ").is_err());
        assert!(ApiKeyName::parse(&"x".repeat(61)).is_err());
        assert!(ApiKeyName::parse(&"é".repeat(60)).is_ok());
        assert!(ApiKeyName::parse("a\u{7}b").is_err());
    }

    #[test]
    fn only_the_key_form_names_an_id() {
        let secret = "A".repeat(43);
        assert_eq!(
            key_id(&format!("nmbr_0123456789ab_{secret}")),
            Some("0123456789ab")
        );
        assert_eq!(key_id(&format!("nmbr_0123456789AB_{secret}")), None);
        assert_eq!(key_id(&format!("nmbr_0123456789ab_{secret}x")), None);
        assert_eq!(key_id("nmbr_0123456789ab"), None);
        assert_eq!(key_id(&format!("key_0123456789ab_{secret}")), None);
        assert_eq!(key_id(""), None);
    }

    #[test]
    fn scopes_round_trip() {
        for scope in [ApiKeyScope::Read, ApiKeyScope::ReadWrite] {
            assert_eq!(ApiKeyScope::parse(scope.slug()), Some(scope));
        }
        assert_eq!(ApiKeyScope::parse("admin"), None);
    }

    #[test]
    fn a_new_key_never_shows_in_debug() {
        let key = NewApiKey {
            name: "ci".into(),
            key: "nmbr_secret".into(),
        };
        assert!(!format!("{key:?}").contains("nmbr_secret"));
    }
}
