//! Secrets at rest: Twilio auth tokens and API key secrets are stored sealed with
//! XChaCha20-Poly1305 (RFC 8439's AEAD with a random 24-byte nonce, draft-irtf-cfrg-xchacha)
//! under the newest key of a [`Keyring`]; each sealed value names its key's [`KeyId`], so keys
//! can be rotated ([`resealing::rotate`]).

pub mod key_source;
mod keyring;
pub mod resealing;

use crate::db::entities::telephony_integration;
pub use keyring::{KeyId, Keyring, OpenError, SecretKey, SecretKeyError, sealed_key_id};

/// What a sealed value is, bound into its seal as associated data so a value copied into
/// another column does not open there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretColumn {
    /// `telephony_integrations.twilio_auth_token`: the auth token, or an API key's secret.
    TwilioAuthToken,
    /// `telephony_integrations.twilio_webhook_token`: the auth token Twilio signs webhooks with.
    TwilioWebhookToken,
}

impl SecretColumn {
    /// Every column holding a secret.
    pub const ALL: [SecretColumn; 2] = [Self::TwilioAuthToken, Self::TwilioWebhookToken];

    /// The value this column holds in `row`, if any.
    pub fn stored_in(self, row: &telephony_integration::Model) -> Option<&str> {
        match self {
            Self::TwilioAuthToken => row.twilio_auth_token.as_deref(),
            Self::TwilioWebhookToken => row.twilio_webhook_token.as_deref(),
        }
    }

    /// The column's name, as stored.
    pub fn name(self) -> &'static str {
        match self {
            Self::TwilioAuthToken => "twilio_auth_token",
            Self::TwilioWebhookToken => "twilio_webhook_token",
        }
    }
}
