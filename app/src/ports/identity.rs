//! Identity ports: built-in accounts and their sessions, and who made a request. Implemented
//! by `server::identity`.

use super::StoreError;
use crate::domain::UnixSeconds;

/// The cookie holding the session token.
pub const SESSION_COOKIE: &str = "numbers_session";

/// A signed-in member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Their sign-in email, lower-case.
    pub email: String,
}

/// Who made the request, as the session middleware found it (a request extension), with the
/// session token it came with and the client's address (for sign-in limits).
#[derive(Clone, Debug, Default)]
pub struct CurrentMember {
    /// The signed-in member, if any.
    pub member: Option<Member>,
    /// The session token the request carried (valid or not).
    pub token: Option<String>,
    /// The client's IP address, when known.
    pub address: Option<String>,
}

/// A new session: the cookie's token (never stored) and when it expires.
#[derive(Clone, PartialEq, Eq)]
pub struct NewSession {
    /// Random, URL-safe; only its hash is stored.
    pub token: String,
    /// Seconds it lasts.
    pub max_age_secs: i64,
    /// Who signed in.
    pub member: Member,
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSession")
            .field("token", &"<redacted>")
            .field("max_age_secs", &self.max_age_secs)
            .field("member", &self.member)
            .finish()
    }
}

/// Why a sign-in was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    /// Unknown email or wrong password (which one is not said).
    #[error("That email and password do not match an account.")]
    Mismatch,
    /// Identity comes from the console's single sign-on; this server has no sign-in.
    #[error("Sign-in is handled by your console. Open the Numbers page from there.")]
    Elsewhere,
    /// Too many failures for this account or address.
    #[error("Too many failed sign-ins. Try again in {0} minutes.")]
    Throttled(i64),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for SignInError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Store(err.into())
    }
}

/// Built-in accounts and their sessions.
#[async_trait::async_trait]
pub trait Identity: Send + Sync {
    /// Checks the password and opens a new session; `replaced`, a token the browser still
    /// held, is ended (sessions are rotated at sign-in). `address` is the client's, for limits.
    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        address: Option<&str>,
        replaced: Option<&str>,
        now: UnixSeconds,
    ) -> Result<NewSession, SignInError>;
    /// The member whose unexpired session `token` is.
    async fn member(&self, token: &str, now: UnixSeconds) -> Result<Option<Member>, StoreError>;
    /// Ends the session `token` on the server.
    async fn sign_out(&self, token: &str) -> Result<(), StoreError>;
}
