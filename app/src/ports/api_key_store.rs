//! The storage port of API keys. The adapter mints each key from the operating system's
//! random source and keeps only its SHA-256, so a key is seen once, by whoever created it.

use super::{ChangeError, StoreError};
use crate::domain::api_keys::{ApiKeyName, ApiKeyRow, ApiKeyScope, NewApiKey};
use crate::domain::{ProjectSlug, UnixSeconds};

/// Who a request's key speaks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyHolder {
    /// The key's project.
    pub project: ProjectSlug,
    /// The key's name (the history names its calls by it).
    pub name: String,
    /// What it may do.
    pub scope: ApiKeyScope,
    /// Requests made with the key in the current rate-limit window, this one included
    /// ([`crate::domain::api_keys::rate_window`]).
    pub requests_in_window: u64,
}

/// API keys by project.
#[async_trait::async_trait]
pub trait ApiKeyStore: Send + Sync {
    /// Mints a key `name` with `scope` for `project`, stores its hash with a history entry by
    /// `actor`, and returns the key (the only time it is seen).
    async fn create_key(
        &self,
        project: &ProjectSlug,
        name: &ApiKeyName,
        scope: ApiKeyScope,
        actor: &str,
    ) -> Result<NewApiKey, ChangeError>;
    /// The project's keys not revoked, newest first.
    async fn keys(&self, project: &ProjectSlug) -> Result<Vec<ApiKeyRow>, ChangeError>;
    /// Revokes the key `id` of `project`, with a history entry by `actor`;
    /// [`ChangeError::ApiKeyNotFound`] if the project has no such key not revoked.
    async fn revoke_key(
        &self,
        project: &ProjectSlug,
        id: &str,
        actor: &str,
    ) -> Result<(), ChangeError>;
    /// Who `presented` (a whole key) speaks for, if it is a key not revoked (compared in
    /// constant time); marks it used `at` and counts the request in `at`'s rate-limit window,
    /// atomically (instances share the count).
    async fn key_holder(
        &self,
        presented: &str,
        at: UnixSeconds,
    ) -> Result<Option<KeyHolder>, StoreError>;
}
