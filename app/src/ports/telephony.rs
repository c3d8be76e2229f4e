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
    #[error("No {} numbers are available right now.", .0.adjective())]
    NoStock(Country),
    /// The provider refused; the message says why, in plain words.
    #[error("{0}")]
    Refused(String),
    /// The provider failed or could not be reached, so nothing was done (details in the log).
    #[error("The number provider could not be reached. Nothing was bought; please try again.")]
    Unavailable(String),
    /// The request reached the provider but no answer came back (a timeout, a reset, a 5xx):
    /// it may or may not have been carried out, so it must be checked (details in the log).
    #[error("The number provider did not answer in time; we are checking what happened.")]
    OutcomeUnknown(String),
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
    /// Gives back whatever the purchase `tag` took and never confirmed (its request died
    /// before the number was saved).
    async fn abandon(&self, tag: &str) -> Result<(), ProviderError>;
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
    /// What Twilio sends its calls to instead of the voice URL, if anything: a TwiML App
    /// (`AP…`) or a SIP trunk (`TK…`) set on the number (Twilio then ignores the voice URL).
    pub routed_elsewhere: Option<String>,
}

/// A number one purchase bought: the only one it may release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoughtNumber {
    /// The number.
    pub e164: E164,
    /// Twilio's `PN…` identifier of this purchase's number.
    pub sid: String,
}

/// An account Twilio showed to the credentials that asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedAccount {
    /// The account's friendly name.
    pub name: String,
    /// A trial account (Twilio `type` `Trial`), not a full (paid) one.
    pub trial: bool,
}

/// What Twilio answered when asked for the account with some credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountCheck {
    /// The credentials work and the account is active.
    Active(VerifiedAccount),
    /// Twilio refused the credentials (HTTP 401, error 20003).
    Refused,
    /// The credentials work but name no such account (HTTP 404).
    NotFound,
    /// The account is suspended or closed (Twilio `status`, error 20005).
    Inactive,
    /// Twilio's test credentials (error 20008), which cannot buy or change numbers.
    TestCredentials,
}

/// The Twilio accounts customers connect their numbers from.
#[async_trait::async_trait]
pub trait TwilioAccounts: Send + Sync {
    /// Asks Twilio for the account with these credentials (Twilio's "Fetch an Account");
    /// `Err` only when Twilio could not be asked or did not answer.
    async fn check_account(&self, account: &TwilioAccount) -> Result<AccountCheck, ProviderError>;
    /// The number as owned by `account`, if it owns it.
    async fn find_owned(
        &self,
        account: &TwilioAccount,
        number: &E164,
    ) -> Result<Option<OwnedNumber>, ProviderError>;
    /// The numbers of `account` labelled `tag` (a purchase's key): what that purchase bought.
    async fn find_tagged(
        &self,
        account: &TwilioAccount,
        tag: &str,
    ) -> Result<Vec<BoughtNumber>, ProviderError>;
    /// Buys one number matching `request` into `account`, labelled `tag`, calls going to
    /// `voice_url`. Answers only with a number this attempt bought (labelled `tag`): an offer
    /// taken meanwhile is skipped for the next one, and at most one number is bought.
    async fn buy(
        &self,
        account: &TwilioAccount,
        request: &BuyRequest,
        tag: &str,
        voice_url: &str,
    ) -> Result<BoughtNumber, ProviderError>;
    /// Releases a number of `account` that the project bought (no-op if it no longer owns it).
    async fn release(&self, account: &TwilioAccount, number: &E164) -> Result<(), ProviderError>;
    /// Releases exactly the number with Twilio identifier `sid` (what one purchase bought).
    async fn release_sid(&self, account: &TwilioAccount, sid: &str) -> Result<(), ProviderError>;
    /// Points the number's incoming calls at `voice_url`.
    async fn set_voice_url(
        &self,
        account: &TwilioAccount,
        sid: &str,
        voice_url: &str,
    ) -> Result<(), ProviderError>;
}
