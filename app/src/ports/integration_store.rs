//! The storage port of the Integrations page: a project's Twilio account, saved only once
//! Twilio has accepted its credentials, and removed with its secrets.

use super::{ChangeError, VerifiedAccount};
use crate::domain::twilio_credentials::TwilioCredentials;
use crate::domain::{E164, Environment, ProjectSlug, UnixSeconds};

/// A project's stored Twilio account, without its secrets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredTwilio {
    /// `AC…`.
    pub account_sid: String,
    /// The API key REST calls use, if any.
    pub api_key_sid: Option<String>,
    /// What Twilio said about the account when the credentials were last verified (`None`
    /// for an account stored before verification existed).
    pub account: Option<VerifiedAccount>,
    /// When the credentials were last verified, for people (`2026-11-30 09:00 UTC`).
    pub verified_at: Option<String>,
    /// The numbers it carries, with their environments, oldest first.
    pub numbers: Vec<(E164, Environment)>,
}

/// Saving verified credentials: connecting an account, or replacing its credentials.
#[derive(Clone, Debug)]
pub struct TwilioSave {
    /// The credentials Twilio accepted.
    pub credentials: TwilioCredentials,
    /// What Twilio said about the account.
    pub account: VerifiedAccount,
    /// When Twilio accepted them.
    pub verified_at: UnixSeconds,
    /// Who saved them (for the history).
    pub actor: String,
}

/// A project's Twilio integration as stored; secrets are sealed by the adapter.
#[async_trait::async_trait]
pub trait IntegrationStore: Send + Sync {
    /// The project's Twilio account, if it has one ([`ChangeError::ProjectNotFound`] if the
    /// project does not exist).
    async fn twilio_integration(
        &self,
        project: &ProjectSlug,
    ) -> Result<Option<StoredTwilio>, ChangeError>;
    /// Connects the account, or replaces the stored credentials of the one connected, with a
    /// history entry naming the account (never a secret).
    async fn save_twilio(
        &self,
        project: &ProjectSlug,
        save: &TwilioSave,
    ) -> Result<(), ChangeError>;
    /// Removes the project's Twilio integration and its secrets, with a history entry; its
    /// numbers must already be gone.
    async fn remove_twilio(&self, project: &ProjectSlug, actor: &str) -> Result<(), ChangeError>;
}
