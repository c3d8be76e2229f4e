//! Traits the server functions call; their implementations live in the `server` crate.

use crate::domain::idempotency::{Decision, RequestFingerprint};
use crate::domain::{
    AreaCode, AssignError, Country, E164, Environment, HistoryEntry, IntegrationKind,
    LifecycleError, NumberState, Ownership, Permission, ProjectOverview, ProjectSlug,
    ProjectSummary, PublishError, PublishRecord, Step, UnixSeconds, Variant, VariantId,
    VariantName, VariantNameError,
};
use std::sync::Arc;

/// Storage failed (connection lost, query error). The message is for logs only.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("storage error: {0}")]
pub struct StoreError(pub String);

/// Why a change was refused or failed.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ChangeError {
    /// No such project.
    #[error("project not found")]
    ProjectNotFound,
    /// No such variant in this project.
    #[error("variant not found")]
    VariantNotFound,
    /// No such number in this project.
    #[error("number not found")]
    NumberNotFound,
    /// The number is already in use somewhere in the system.
    #[error("number already in use")]
    NumberTaken,
    /// The variant name was refused.
    #[error(transparent)]
    Name(#[from] VariantNameError),
    /// A publish or promote was refused.
    #[error(transparent)]
    Publish(#[from] PublishError),
    /// An assignment was refused.
    #[error(transparent)]
    Assign(#[from] AssignError),
    /// A delete, undo or release step was refused.
    #[error(transparent)]
    Lifecycle(#[from] LifecycleError),
    /// Someone else changed the number at the same moment; nothing was changed.
    #[error("the number changed meanwhile")]
    Concurrent,
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads projects and their numbers.
#[async_trait::async_trait]
pub trait ProjectStore: Send + Sync {
    /// Everything the Numbers page needs about one project, or `None` if it does not exist.
    async fn overview(&self, project: &ProjectSlug) -> Result<Option<ProjectOverview>, StoreError>;

    /// What `email` may do with `project`'s numbers; `None` for a project that does not exist.
    async fn permission(
        &self,
        email: &str,
        project: &ProjectSlug,
    ) -> Result<Permission, StoreError>;

    /// The projects `email` has Read or Edit on, in display order.
    async fn projects_of(&self, email: &str) -> Result<Vec<ProjectSummary>, StoreError>;
}

/// Changes a project's variants, publications and number assignments.
#[async_trait::async_trait]
pub trait VariantStore: Send + Sync {
    /// Publishes and promotions of a project, newest first.
    async fn publish_history(
        &self,
        project: &ProjectSlug,
    ) -> Result<Vec<PublishRecord>, ChangeError>;

    /// Adds a variant at the end of the draft.
    async fn create_variant(
        &self,
        project: &ProjectSlug,
        name: &VariantName,
    ) -> Result<Variant, ChangeError>;

    /// Renames a draft variant.
    async fn rename_variant(
        &self,
        project: &ProjectSlug,
        id: VariantId,
        name: &VariantName,
    ) -> Result<(), ChangeError>;

    /// Removes a variant from the draft; published versions and numbers keep pointing at it.
    async fn delete_variant(&self, project: &ProjectSlug, id: VariantId)
    -> Result<(), ChangeError>;

    /// Publishes the draft's variants to Sandbox.
    async fn publish_draft(&self, project: &ProjectSlug, actor: &str) -> Result<(), ChangeError>;

    /// Copies the previous environment's published version into `target`.
    async fn promote(
        &self,
        project: &ProjectSlug,
        target: Environment,
        actor: &str,
    ) -> Result<(), ChangeError>;

    /// Assigns a variant published to the number's environment (active numbers only),
    /// recording the change in the number's history.
    async fn assign_variant(
        &self,
        project: &ProjectSlug,
        number: &E164,
        variant: VariantId,
        actor: &str,
    ) -> Result<(), ChangeError>;
}

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

/// Connected numbers: customers' own numbers recorded for a project.
#[async_trait::async_trait]
pub trait ConnectionStore: Send + Sync {
    /// The project's Twilio account, if it has a Twilio integration.
    async fn twilio_account(
        &self,
        project: &ProjectSlug,
    ) -> Result<Option<TwilioAccount>, ChangeError>;
    /// Records a connected number with the voice URL to restore when it is disconnected.
    async fn insert_connected(
        &self,
        number: &NewNumber,
        previous_voice_url: Option<&str>,
    ) -> Result<(), ChangeError>;
    /// Forgets a number whose connection failed half-way, recording why in its history.
    async fn remove_number(&self, number: &E164, reason: &str) -> Result<(), StoreError>;
}

/// What deleting a number needs to know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletionFacts {
    /// The number.
    pub e164: E164,
    /// Its project.
    pub project: ProjectSlug,
    /// Where it serves.
    pub environment: Environment,
    /// The integration carrying it.
    pub source: IntegrationKind,
    /// Bought or connected.
    pub ownership: Ownership,
    /// Where it is in its life.
    pub state: NumberState,
    /// For connected numbers: the customer's voice URL before we changed it.
    pub previous_voice_url: Option<String>,
}

/// Deleting, undoing and releasing numbers; every step is recorded in the number's history.
#[async_trait::async_trait]
pub trait LifecycleStore: Send + Sync {
    /// The number's deletion facts, if `project` has it.
    async fn deletion_facts(
        &self,
        project: &ProjectSlug,
        number: &E164,
    ) -> Result<Option<DeletionFacts>, ChangeError>;
    /// Applies `step` at `now` (undo window `window` seconds) in one transaction, only if the
    /// number is still in the state it was read in ([`ChangeError::Concurrent`] otherwise);
    /// returns the new state, `None` when the number is gone.
    async fn apply(
        &self,
        project: &ProjectSlug,
        number: &E164,
        step: Step,
        now: UnixSeconds,
        window: i64,
        actor: &str,
    ) -> Result<Option<NumberState>, ChangeError>;
    /// Numbers whose release is due at `now`: undo window closed, or a claim abandoned.
    async fn due_releases(&self, now: UnixSeconds) -> Result<Vec<(ProjectSlug, E164)>, StoreError>;
}

/// Reads the audit log (entries are only ever appended, by the stores that change numbers).
#[async_trait::async_trait]
pub trait HistoryStore: Send + Sync {
    /// A number's entries in `project`, newest first.
    async fn number_history(
        &self,
        project: &ProjectSlug,
        number: &E164,
    ) -> Result<Vec<HistoryEntry>, ChangeError>;
    /// One page (from 1) of the project's entries, newest first, and the total count.
    async fn project_history(
        &self,
        project: &ProjectSlug,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<HistoryEntry>, u64), ChangeError>;
}

/// What inbound routing reads and records.
#[async_trait::async_trait]
pub trait RoutingStore: Send + Sync {
    /// The routing facts of a number, or `None` if no project has it.
    async fn route_facts(
        &self,
        number: &E164,
    ) -> Result<Option<crate::domain::RouteFacts>, StoreError>;
    /// Auth tokens of the Twilio integrations using `account_sid` (to check signatures); for a
    /// called number carried by a Twilio integration only that integration counts, so one
    /// customer's account cannot route calls to another customer's numbers.
    async fn twilio_tokens(
        &self,
        account_sid: &str,
        called: Option<&E164>,
    ) -> Result<Vec<String>, StoreError>;
    /// Records a call attempt to `number`.
    async fn record_call(
        &self,
        number: &E164,
        call_sid: &str,
        from: &str,
        status: &str,
    ) -> Result<(), StoreError>;
    /// The latest call attempts to `number`, newest first.
    async fn recent_calls(
        &self,
        number: &E164,
        limit: u64,
    ) -> Result<Vec<crate::domain::CallRecord>, StoreError>;
}

/// A number to record for a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNumber {
    /// The project.
    pub project: ProjectSlug,
    /// The number.
    pub e164: E164,
    /// Where it serves.
    pub environment: Environment,
    /// The integration carrying it.
    pub source: IntegrationKind,
    /// Bought or connected.
    pub ownership: Ownership,
    /// Its variant, if chosen.
    pub variant: Option<VariantId>,
    /// Who added it.
    pub created_by: String,
}

/// Records purchase attempts by idempotency key, and the numbers they bring.
#[async_trait::async_trait]
pub trait PurchaseStore: Send + Sync {
    /// Records a pending attempt under `key`, or says how an earlier use of `key` went.
    async fn start_purchase(
        &self,
        project: &ProjectSlug,
        key: &str,
        fingerprint: &RequestFingerprint,
        provider: IntegrationKind,
    ) -> Result<Decision, ChangeError>;
    /// Saves the number and marks the attempt succeeded, atomically.
    async fn finish_purchase(&self, key: &str, number: &NewNumber) -> Result<(), ChangeError>;
    /// Marks the attempt failed with the message the person saw.
    async fn fail_purchase(&self, key: &str, message: &str) -> Result<(), StoreError>;
}

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
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSession")
            .field("token", &"<redacted>")
            .field("max_age_secs", &self.max_age_secs)
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

/// The path of Twilio's voice webhook on this server (after the public base URL).
pub const VOICE_WEBHOOK_PATH: &str = "/telephony/twilio/voice";

/// The ports bundled together and provided to server functions through Leptos context.
#[derive(Clone)]
pub struct Services {
    /// Project and number storage.
    pub projects: Arc<dyn ProjectStore>,
    /// Variant, publication and assignment changes.
    pub variants: Arc<dyn VariantStore>,
    /// Purchase attempts.
    pub purchases: Arc<dyn PurchaseStore>,
    /// The built-in number pool.
    pub pool: Arc<dyn TelephonyProvider>,
    /// Connected numbers.
    pub connections: Arc<dyn ConnectionStore>,
    /// Customers' Twilio accounts.
    pub twilio: Arc<dyn TwilioAccounts>,
    /// Inbound routing.
    pub routing: Arc<dyn RoutingStore>,
    /// Deleting, undoing and releasing numbers.
    pub lifecycle: Arc<dyn LifecycleStore>,
    /// The audit log.
    pub history: Arc<dyn HistoryStore>,
    /// How long a deleted number can be restored before it is released, in seconds.
    pub undo_window_secs: i64,
    /// Built-in accounts and sessions.
    pub identity: Arc<dyn Identity>,
    /// Whether session cookies are marked `Secure` (served over HTTPS).
    pub secure_cookies: bool,
    /// Where Twilio sends calls to connected numbers: `{public URL}/telephony/twilio/voice`.
    pub voice_webhook_url: String,
}
