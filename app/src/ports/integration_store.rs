//! The storage port of the Integrations page: a project's Twilio account, saved only once
//! Twilio has accepted its credentials, and removed with its secrets.

use super::{ChangeError, VerifiedAccount};
use crate::domain::twilio_credentials::TwilioCredentials;
use crate::domain::{E164, Environment, Ownership, ProjectSlug, UnixSeconds};

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
    /// The numbers it carries, with their environments and how they came, oldest first.
    pub numbers: Vec<(E164, Environment, Ownership)>,
    /// Purchases through it still under way or being checked with Twilio.
    pub purchases_in_progress: u64,
    /// Whether this server's keys open its stored secrets (altered ones do not).
    pub secrets_readable: bool,
}

/// Why the store refused to change a project's Twilio integration as things stood.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IntegrationConflict {
    /// Connecting, but an account is connected (perhaps by someone else meanwhile).
    #[error("This project already has a Twilio account; update its credentials instead.")]
    AlreadyConnected,
    /// Updating or disconnecting, but no account is connected any more.
    #[error("This project has no Twilio account any more; reload the page.")]
    NotConnected,
    /// Updating, but the account was changed by someone else since the page was loaded.
    #[error(
        "The Twilio account was changed by someone else meanwhile; reload the page and try again."
    )]
    ChangedMeanwhile,
    /// Replacing the account with another while numbers are connected through it.
    #[error(
        "Numbers are connected through {0}; disconnect that account before connecting another."
    )]
    CarriesNumbers(String),
    /// Disconnecting, but numbers were added through the account meanwhile.
    #[error(
        "A number was added through this Twilio account meanwhile; disconnect again to include it."
    )]
    NumbersAddedMeanwhile,
}

/// Saving verified credentials: connecting an account, or replacing its credentials.
#[derive(Clone, Debug)]
pub struct TwilioSave {
    /// `None` to connect (no account may be connected); the connected account's SID, as the
    /// member saw it, to replace its credentials.
    pub replacing: Option<String>,
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
    /// history entry naming the account (never a secret); checked against `save.replacing` in
    /// the same transaction ([`IntegrationConflict`]).
    async fn save_twilio(
        &self,
        project: &ProjectSlug,
        save: &TwilioSave,
    ) -> Result<(), ChangeError>;
    /// Records what Twilio said when `actor` asked again with the stored credentials (name,
    /// type, and `at` as the last verification); not a change to the account, so no history
    /// entry, but open pages hear of it.
    async fn record_verified(
        &self,
        project: &ProjectSlug,
        account: &VerifiedAccount,
        at: UnixSeconds,
        actor: &str,
    ) -> Result<(), ChangeError>;
    /// Removes the project's Twilio integration and its secrets, with a history entry; its
    /// numbers must already be gone ([`IntegrationConflict::NumbersAddedMeanwhile`]).
    async fn remove_twilio(&self, project: &ProjectSlug, actor: &str) -> Result<(), ChangeError>;
}
