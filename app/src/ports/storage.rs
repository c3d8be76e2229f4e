//! Storage ports: projects, variants, numbers, purchases, deletions, the audit log and
//! routing facts. Implemented over sea-orm by `server::db::store`.

use super::TwilioAccount;
use crate::domain::idempotency::{Decision, RequestFingerprint};
use crate::domain::numbers_view::NumbersQuery;
use crate::domain::{
    AssignError, E164, Environment, HistoryEntry, IntegrationKind, LifecycleError, NumberState,
    Ownership, Permission, ProjectOverview, ProjectSlug, ProjectSummary, PublishError,
    PublishRecord, Step, UnixSeconds, Variant, VariantId, VariantName, VariantNameError,
    numbers_page::CheckedPurchase,
};
use crate::domain::{DigitsMatch, NumberRecord, NumbersListing, NumbersView, VariantNumbers};

/// Storage failed (connection lost, query error). The message is for logs only.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("storage error: {0}")]
pub struct StoreError(pub String);

impl From<sea_orm::DbErr> for StoreError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self(err.to_string())
    }
}

/// Why a change was refused or failed.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ChangeError {
    /// No such project.
    #[error("project {} not found", .0.as_str())]
    ProjectNotFound(ProjectSlug),
    /// No such variant in this project.
    #[error("variant {} not found", .0.0)]
    VariantNotFound(VariantId),
    /// No such number in this project.
    #[error("number {0} not found")]
    NumberNotFound(E164),
    /// The number is already in use somewhere in the system.
    #[error("number {0} already in use")]
    NumberTaken(E164),
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
    /// The project's Twilio integration was not as the change expected.
    #[error(transparent)]
    Integration(#[from] super::IntegrationConflict),
    /// No such API key in the project (or it was revoked already).
    #[error("API key {0} not found")]
    ApiKeyNotFound(String),
    /// The project has a key of this name already (not revoked).
    #[error("an API key named {0} exists")]
    ApiKeyNameTaken(String),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ChangeError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Store(err.into())
    }
}

/// Reads projects and their numbers.
#[async_trait::async_trait]
pub trait ProjectStore: Send + Sync {
    /// A project's settings (integrations, variants, newest publications, SIP routes), or
    /// `None` if it does not exist; never its numbers.
    async fn overview(&self, project: &ProjectSlug) -> Result<Option<ProjectOverview>, StoreError>;

    /// The numbers `view` shows of the project: each section's count under the view's filters
    /// (`search` is the view's search, read) and one page of at most [`PAGE_SIZE`] rows (a
    /// page past the end is the last); the numbers not in use (at most a page); the variants
    /// in use. `None`: no such project.
    ///
    /// [`PAGE_SIZE`]: crate::domain::PAGE_SIZE
    async fn list_numbers(
        &self,
        project: &ProjectSlug,
        view: &NumbersView,
        search: Option<&DigitsMatch>,
    ) -> Result<Option<NumbersListing>, StoreError>;

    /// Up to `query.limit` of the project's numbers that `query` leaves (`search`: its search,
    /// read), in E.164 order after `query.after`; `None`: no such project.
    async fn numbers_after(
        &self,
        project: &ProjectSlug,
        query: &NumbersQuery,
        search: Option<&DigitsMatch>,
    ) -> Result<Option<Vec<NumberRecord>>, StoreError>;

    /// The project's number `e164`, if it has it.
    async fn number(
        &self,
        project: &ProjectSlug,
        e164: &E164,
    ) -> Result<Option<NumberRecord>, StoreError>;

    /// For each variant handling numbers in use: how many, and the first `sample` of them.
    async fn numbers_by_variant(
        &self,
        project: &ProjectSlug,
        sample: u64,
    ) -> Result<Vec<VariantNumbers>, StoreError>;

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
        actor: &str,
    ) -> Result<Variant, ChangeError>;

    /// Renames a draft variant.
    async fn rename_variant(
        &self,
        project: &ProjectSlug,
        id: VariantId,
        name: &VariantName,
        actor: &str,
    ) -> Result<(), ChangeError>;

    /// Removes a variant from the draft; published versions and numbers keep pointing at it.
    async fn delete_variant(
        &self,
        project: &ProjectSlug,
        id: VariantId,
        actor: &str,
    ) -> Result<(), ChangeError>;

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
    /// Numbers waiting on a check with the provider (connecting or disconnecting) since
    /// `before` or earlier.
    async fn checks_due(&self, before: UnixSeconds)
    -> Result<Vec<(ProjectSlug, E164)>, StoreError>;
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
    /// One page (from 1; a page past the end reads the last one) of the project's entries,
    /// newest first, and the total count.
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

/// A purchase as recorded before the provider is asked: enough to finish it later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurchaseIntent {
    /// The project buying.
    pub project: ProjectSlug,
    /// The attempt's idempotency key (also the number's label at Twilio).
    pub key: String,
    /// What was asked for, compared across retries with the same key.
    pub fingerprint: RequestFingerprint,
    /// Who sells it.
    pub provider: IntegrationKind,
    /// Where the number will serve.
    pub environment: Environment,
    /// The variant to assign, if any.
    pub variant: Option<VariantId>,
    /// Who is buying.
    pub actor: String,
}

/// Records purchase attempts by idempotency key, and the numbers they bring.
#[async_trait::async_trait]
pub trait PurchaseStore: Send + Sync {
    /// Records a pending attempt under `intent.key` (a failed attempt of the same request
    /// becomes pending again: it bought nothing), or says how an earlier use of the key went.
    async fn start_purchase(&self, intent: &PurchaseIntent) -> Result<Decision, ChangeError>;
    /// Saves the number and marks the attempt succeeded, atomically, while the attempt is
    /// pending or being checked; `Ok` too if it already succeeded with this number (a request
    /// and the settle worker may both finish it), [`ChangeError::Concurrent`] if it was settled
    /// otherwise.
    async fn finish_purchase(&self, key: &str, number: &NewNumber) -> Result<(), ChangeError>;
    /// Marks the attempt failed with the message the person saw.
    async fn fail_purchase(&self, key: &str, message: &str) -> Result<(), StoreError>;
    /// Marks a pending attempt as being checked: its provider did not answer.
    async fn doubt_purchase(&self, key: &str) -> Result<(), StoreError>;
    /// Marks attempts pending since `before` or earlier as being checked: their request died
    /// (a stopped process) between the provider and the save. Returns how many.
    async fn doubt_abandoned_purchases(&self, before: UnixSeconds) -> Result<u64, StoreError>;
    /// The attempts being checked since `before` or earlier, oldest first (a row that cannot be
    /// read is logged and left out).
    async fn purchases_in_doubt(
        &self,
        before: UnixSeconds,
    ) -> Result<Vec<PurchaseIntent>, StoreError>;
    /// The project's attempts being checked, and those settled since `since` after a check,
    /// with what became of them (for the page to say).
    async fn checked_purchases(
        &self,
        project: &ProjectSlug,
        since: UnixSeconds,
    ) -> Result<Vec<CheckedPurchase>, StoreError>;
}
