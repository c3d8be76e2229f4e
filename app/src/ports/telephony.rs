//! Telephony ports: the built-in number pool and customers' Twilio accounts. Implemented by
//! `server::telephony`.

use crate::domain::{AreaCode, Country, E164};

/// What to buy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuyRequest {
    /// UK or US.
    pub country: Country,
    /// For US numbers, the area code asked for (`None`: any).
    pub area_code: Option<AreaCode>,
}

/// Why a provider could not do what was asked, worded for the person adding the number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// No stock in that area code.
    #[error(
        "No numbers are available in area code {0}. Try another area code, or leave it empty for any."
    )]
    NoStockInArea(AreaCode),
    /// No stock at all for that country.
    #[error("No {0} numbers are available right now.")]
    NoStock(&'static str),
    /// The provider refused; the message says why, in plain words.
    #[error("{0}")]
    Refused(String),
    /// The provider failed or could not be reached (details in the log).
    #[error("The number provider could not be reached. Nothing was bought; please try again.")]
    Unavailable(String),
}

/// A source of phone numbers that can be bought and released.
#[async_trait::async_trait]
pub trait TelephonyProvider: Send + Sync {
    /// Takes a number matching `request`, tagged with `tag` (the purchase's key) so an
    /// interrupted purchase can be found again.
    async fn buy(&self, request: &BuyRequest, tag: &str) -> Result<E164, ProviderError>;
    /// Confirms a bought number once it is recorded on our side.
    async fn confirm(&self, number: &E164, tag: &str) -> Result<(), ProviderError>;
    /// Gives a bought number back.
    async fn release(&self, number: &E164, tag: &str) -> Result<(), ProviderError>;
}

/// A customer's Twilio account, as stored for an integration. `Debug` hides the token.
#[derive(Clone, PartialEq, Eq)]
pub struct TwilioAccount {
    /// `AC` + 32 hex digits.
    pub account_sid: String,
    /// Auth token, or the API key's secret.
    pub auth_token: String,
    /// An `SK…` API key to authenticate with instead of the account SID.
    pub api_key_sid: Option<String>,
}

impl std::fmt::Debug for TwilioAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwilioAccount")
            .field("account_sid", &self.account_sid)
            .field("api_key_sid", &self.api_key_sid)
            .field("auth_token", &"<redacted>")
            .finish()
    }
}

/// A number owned by a Twilio account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedNumber {
    /// Twilio's `PN…` identifier.
    pub sid: String,
    /// Its voice URL before we change it.
    pub voice_url: Option<String>,
}

/// The Twilio accounts customers connect their numbers from.
#[async_trait::async_trait]
pub trait TwilioAccounts: Send + Sync {
    /// The number as owned by `account`, if it owns it.
    async fn find_owned(
        &self,
        account: &TwilioAccount,
        number: &E164,
    ) -> Result<Option<OwnedNumber>, ProviderError>;
    /// Buys a number matching `request` into `account`, labelled `tag`, calls going to `voice_url`.
    async fn buy(
        &self,
        account: &TwilioAccount,
        request: &BuyRequest,
        tag: &str,
        voice_url: &str,
    ) -> Result<E164, ProviderError>;
    /// Releases a number bought into `account` (no-op if it no longer owns it).
    async fn release(&self, account: &TwilioAccount, number: &E164) -> Result<(), ProviderError>;
    /// Points the number's incoming calls at `voice_url`.
    async fn set_voice_url(
        &self,
        account: &TwilioAccount,
        sid: &str,
        voice_url: &str,
    ) -> Result<(), ProviderError>;
}
