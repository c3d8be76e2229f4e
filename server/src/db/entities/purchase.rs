//! `purchases`: every add-number attempt, by idempotency key.

use sea_orm::entity::prelude::*;

/// A purchase attempt; `status` is `pending`, `checking` (the provider did not answer),
/// `succeeded` or `failed`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "purchases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub idempotency_key: String,
    pub project_id: i32,
    /// The integration kind that sold it: `built-in-pool` or `twilio`.
    pub provider: String,
    pub fingerprint: String,
    pub status: String,
    pub e164: Option<String>,
    pub error: Option<String>,
    pub created_at: DateTimeUtc,
    /// Where the number is to serve (an environment slug).
    pub environment: Option<String>,
    /// The variant to assign.
    pub variant_id: Option<i32>,
    /// Who is buying.
    pub actor: Option<String>,
    /// When the provider's answer was found missing.
    pub checked_at: Option<DateTimeUtc>,
    /// When a checked attempt was settled (bought, or nothing bought).
    pub settled_at: Option<DateTimeUtc>,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
