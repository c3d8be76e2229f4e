//! The REST API's JSON shapes (OpenAPI schemas) and how domain values become them. Field
//! names follow the Numbers page and Twilio: `phone_number` is E.164, environments are
//! `sandbox`, `pre-release`, `live` (UI-CONTRACT), sources `polyai` and `twilio`.

use app::domain::{
    Environment, EventKind, HistoryEntry, IntegrationKind, NumberRecord, NumberState, Ownership,
};
use app::usecases::numbers::{VariantChoice, VariantSummary};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a number serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EnvironmentName {
    /// `sandbox`: where new numbers and variants are tried.
    Sandbox,
    /// `pre-release`: the last check before Live.
    PreRelease,
    /// `live`: customers' calls.
    Live,
}

impl From<Environment> for EnvironmentName {
    fn from(environment: Environment) -> Self {
        match environment {
            Environment::Sandbox => Self::Sandbox,
            Environment::PreRelease => Self::PreRelease,
            Environment::Live => Self::Live,
        }
    }
}

impl From<EnvironmentName> for Environment {
    fn from(name: EnvironmentName) -> Self {
        match name {
            EnvironmentName::Sandbox => Self::Sandbox,
            EnvironmentName::PreRelease => Self::PreRelease,
            EnvironmentName::Live => Self::Live,
        }
    }
}

/// Who carries a number: the built-in pool (`polyai`) or the project's Twilio account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceName {
    /// `polyai`: the built-in number pool.
    Polyai,
    /// `twilio`: the project's Twilio account.
    Twilio,
}

/// Bought through the platform (deleting releases it) or the customer's own (deleting
/// disconnects it, the number stays in their Twilio account).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OwnershipName {
    /// Bought through the platform.
    Bought,
    /// The customer's own number, connected.
    Connected,
}

/// Where a number is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StateName {
    /// Taking calls.
    Active,
    /// Deleted; released at `release_at` unless undone.
    PendingRelease,
    /// Being released to its provider.
    Releasing,
    /// The provider refused or failed to take it back; kept until a retry works.
    ReleaseFailed,
    /// Twilio did not answer when asked to send its calls here; being checked.
    Connecting,
    /// Twilio did not answer when asked to restore its voice URL; being checked.
    Disconnecting,
}

/// A variant as a number names it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct VariantRef {
    /// Its id (stable across renames).
    #[schema(example = 2)]
    pub id: i64,
    /// Its name.
    #[schema(example = "London")]
    pub name: String,
}

/// A phone number of the project.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PhoneNumber {
    /// The number in E.164 form.
    #[schema(example = "+442079460123")]
    pub phone_number: String,
    /// Where it serves.
    pub environment: EnvironmentName,
    /// Who carries it.
    pub source: SourceName,
    /// Bought or connected.
    pub ownership: OwnershipName,
    /// The variant that handles its calls (`null`: none assigned).
    pub variant: Option<VariantRef>,
    /// Where it is in its life.
    pub state: StateName,
    /// While `pending-release`: when the undo window closes (RFC 3339, UTC).
    #[schema(example = json!(null))]
    pub release_at: Option<String>,
}

/// RFC 3339 (UTC) of Unix seconds.
fn rfc3339(at: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

impl From<NumberRecord> for PhoneNumber {
    fn from(record: NumberRecord) -> Self {
        let (state, release_at) = match record.state {
            NumberState::Active => (StateName::Active, None),
            NumberState::PendingRelease { release_at } => {
                (StateName::PendingRelease, rfc3339(release_at))
            }
            NumberState::Releasing { .. } => (StateName::Releasing, None),
            NumberState::ReleaseFailed { .. } => (StateName::ReleaseFailed, None),
            NumberState::Connecting { .. } => (StateName::Connecting, None),
            NumberState::Disconnecting { .. } => (StateName::Disconnecting, None),
        };
        Self {
            phone_number: record.e164.to_string(),
            environment: record.environment.into(),
            source: match record.source {
                IntegrationKind::BuiltInPool => SourceName::Polyai,
                IntegrationKind::Twilio => SourceName::Twilio,
            },
            ownership: match record.ownership {
                Ownership::Purchased => OwnershipName::Bought,
                Ownership::Connected => OwnershipName::Connected,
            },
            variant: record.variant.map(|v| VariantRef {
                id: v.id.0,
                name: v.name,
            }),
            state,
            release_at,
        }
    }
}

/// One page of numbers.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PhoneNumberList {
    /// The numbers, in E.164 order.
    pub phone_numbers: Vec<PhoneNumber>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    #[schema(example = json!(null))]
    pub next_cursor: Option<String>,
}

/// A variant: by id or by name (as published to the number's environment). A schema only:
/// bodies carry it as JSON, read by [`variant_choice`].
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(untagged)]
#[expect(dead_code, reason = "describes the field; variant_choice reads it")]
pub enum VariantSelector {
    /// The variant's id, from `GET …/variants`.
    Id(i64),
    /// The variant's name, e.g. `London`.
    Name(String),
}

/// The variant `value` names (a [`VariantSelector`]), or an invalid `variant` field.
pub fn variant_choice(value: serde_json::Value) -> Result<VariantChoice, app::error::AppError> {
    let id = match value {
        serde_json::Value::String(name) => return Ok(VariantChoice::Name(name)),
        serde_json::Value::Number(id) => id.as_i64(),
        _ => None,
    };
    id.map(|id| VariantChoice::Id(app::domain::VariantId(id)))
        .ok_or_else(|| {
            app::error::AppError::invalid(
                "variant",
                "variant is a variant id (a whole number) or a variant name.",
            )
        })
}

/// Buy a number: from the built-in pool, or through the project's Twilio account when it has
/// no pool. Send an `Idempotency-Key` header so a retry never buys twice.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"environment": "sandbox", "country": "US", "area_code": "415", "variant": "Default"}))]
pub struct BuyPhoneNumber {
    /// Where the number will serve.
    pub environment: EnvironmentName,
    /// Where the number is from.
    pub country: CountryCode,
    /// For US and Canada: the NANP area code wanted (any if left out).
    #[schema(example = "415")]
    pub area_code: Option<String>,
    /// The variant to assign.
    #[schema(value_type = Option<VariantSelector>)]
    pub variant: Option<serde_json::Value>,
}

/// A country numbers are bought in (ISO 3166-1 alpha-2; `UK` is taken for `GB`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
pub enum CountryCode {
    /// The United Kingdom.
    GB,
    /// The United Kingdom (as people often write it).
    UK,
    /// The United States.
    US,
    /// Canada.
    CA,
}

impl From<CountryCode> for app::domain::Country {
    fn from(code: CountryCode) -> Self {
        match code {
            CountryCode::GB | CountryCode::UK => Self::Uk,
            CountryCode::US => Self::Us,
            CountryCode::CA => Self::Ca,
        }
    }
}

/// The one value `confirm` takes: deleting Live numbers is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConfirmLive {
    /// `live`: yes, delete Live numbers.
    Live,
}

/// Which numbers a list shows by state (`pending-release` also lists `releasing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StateFilterName {
    /// Taking calls (the default).
    Active,
    /// Deleted, in the undo window or being released.
    PendingRelease,
    /// The provider refused or failed to take it back.
    ReleaseFailed,
}

/// Connect a number of the project's Twilio account: Twilio then sends its calls here.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"environment": "sandbox", "phone_number": "+14155550100"}))]
pub struct ConnectPhoneNumber {
    /// Where the number will serve.
    pub environment: EnvironmentName,
    /// The Twilio number, in E.164 or any common typing.
    #[schema(example = "+14155550100")]
    pub phone_number: String,
    /// The variant to assign.
    #[schema(value_type = Option<VariantSelector>)]
    pub variant: Option<serde_json::Value>,
}

/// Buy a number (with `country`) or connect one (with `phone_number`). A schema only: a
/// body is read as one or the other by whether it has `phone_number`.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(untagged)]
#[expect(
    dead_code,
    reason = "describes the body; handlers read its two shapes directly"
)]
pub enum AddPhoneNumber {
    /// Connect a Twilio number.
    Connect(ConnectPhoneNumber),
    /// Buy a number.
    Buy(BuyPhoneNumber),
}

/// Change a number: assign another variant.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"variant": "London"}))]
pub struct UpdatePhoneNumber {
    /// The variant to assign (published to the number's environment).
    #[schema(value_type = VariantSelector)]
    pub variant: serde_json::Value,
}

/// What a delete did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeleteResult {
    /// Bought number: released at `release_at` unless undone (`POST …/undo`) before.
    ReleasePending,
    /// The customer's own number: disconnected now, their voice URL restored.
    Disconnected,
    /// Being disconnected: Twilio did not answer, the restore is checked until done.
    DisconnectChecking,
}

/// A deleted number and what became of it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DeletedPhoneNumber {
    /// The number in E.164 form.
    #[schema(example = "+442079460123")]
    pub phone_number: String,
    /// What the delete did.
    pub result: DeleteResult,
    /// For `release-pending`: when the undo window closes (RFC 3339, UTC).
    pub release_at: Option<String>,
}

impl DeletedPhoneNumber {
    /// What deleting `number` did, as it is now.
    pub fn of(number: PhoneNumber, result: DeleteResult) -> Self {
        Self {
            phone_number: number.phone_number,
            result,
            release_at: number.release_at,
        }
    }
}

/// Numbers to buy or connect, each on its own.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phone_numbers": [
    {"environment": "sandbox", "phone_number": "+14155550100"},
    {"environment": "live", "country": "GB"}
]}))]
pub struct BatchAdd {
    /// 1 to 100 numbers, each an object as `POST …/phone-numbers` takes it (`AddPhoneNumber`).
    /// Each row is checked on its own: a row that does not fit is refused in `errors`, and
    /// the others are still done.
    #[schema(value_type = Vec<Object>, min_items = 1, max_items = 100)]
    pub phone_numbers: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// Numbers to delete, each on its own.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phone_numbers": ["+442079460123"], "confirm": null}))]
pub struct BatchDelete {
    /// 1 to 100 numbers, E.164.
    #[schema(min_items = 1, max_items = 100)]
    pub phone_numbers: Vec<String>,
    /// `live` to allow deleting Live numbers.
    pub confirm: Option<ConfirmLive>,
}

/// One row of a batch that was refused; nothing changed for it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BatchError {
    /// The row's position in the request, from 0.
    pub index: usize,
    /// The row's number as sent (`null` for a purchase).
    pub phone_number: Option<String>,
    /// The problem type's short name, e.g. `invalid-field`, `conflict`, `number-not-found`.
    #[schema(example = "invalid-field")]
    pub code: String,
    /// What is wrong, as the Numbers page says it.
    pub message: String,
    /// For `invalid-field`: the field.
    pub field: Option<String>,
}

/// A batch's outcome: what was done and what was refused; one bad row never blocks others.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BatchAdded {
    /// The numbers added.
    pub done: Vec<PhoneNumber>,
    /// The rows refused.
    pub errors: Vec<BatchError>,
}

/// A batch delete's outcome.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BatchDeleted {
    /// The numbers deleted.
    pub done: Vec<DeletedPhoneNumber>,
    /// The rows refused.
    pub errors: Vec<BatchError>,
}

/// A variant of the project.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct VariantItem {
    /// Its id.
    #[schema(example = 2)]
    pub id: i64,
    /// Its name.
    #[schema(example = "London")]
    pub name: String,
    /// Whether it is in the draft (a deleted variant stays published until the next publish).
    pub in_draft: bool,
    /// The environments whose published version holds it (numbers there may be assigned it).
    pub published_to: Vec<EnvironmentName>,
}

impl From<VariantSummary> for VariantItem {
    fn from(summary: VariantSummary) -> Self {
        Self {
            id: summary.variant.id.0,
            name: summary.variant.name,
            in_draft: summary.in_draft,
            published_to: summary.published_to.into_iter().map(Into::into).collect(),
        }
    }
}

/// The project's variants.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct VariantList {
    /// The draft's variants in order, then deleted ones still published.
    pub variants: Vec<VariantItem>,
}

/// One history entry.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HistoryItem {
    /// The number (E.164), or what else changed (the Twilio account, `API key "name"`).
    #[schema(example = "+442079460123")]
    pub subject: String,
    /// What happened, e.g. `bought`, `variant-changed`, `deletion-requested`.
    #[schema(example = "bought")]
    pub event: String,
    /// The same, for people.
    #[schema(example = "Bought")]
    pub description: String,
    /// Who: a member's email, `API key "name"`, or `system`.
    pub actor: String,
    /// When (RFC 3339, UTC).
    #[schema(example = "2026-12-01T09:30:00Z")]
    pub at: String,
    /// What it was before, if that applies.
    pub before: Option<String>,
    /// What it is after, if that applies.
    pub after: Option<String>,
}

impl From<HistoryEntry> for HistoryItem {
    fn from(entry: HistoryEntry) -> Self {
        let kind: EventKind = entry.kind;
        Self {
            subject: entry.e164,
            event: kind.slug().into(),
            description: kind.label().into(),
            actor: entry.actor,
            at: rfc3339_of_page_time(&entry.at),
            before: entry.before,
            after: entry.after,
        }
    }
}

/// The history's time as the page shows it (`2026-12-01 09:30:00 UTC`) in RFC 3339
/// (`2026-12-01T09:30:00Z`); anything else unchanged.
fn rfc3339_of_page_time(at: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S UTC").map_or_else(
        |_| at.to_owned(),
        |t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    )
}

/// One page of history, newest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HistoryList {
    /// The entries.
    pub entries: Vec<HistoryItem>,
    /// This page, from 1.
    pub page: u64,
    /// How many pages there are.
    pub pages: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_times_are_rfc_3339() {
        assert_eq!(
            rfc3339_of_page_time("2026-12-01 09:30:05 UTC"),
            "2026-12-01T09:30:05Z"
        );
        assert_eq!(rfc3339_of_page_time("soon"), "soon");
    }
}
