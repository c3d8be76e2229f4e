//! `numbers`: phone numbers, unique in E.164 across the whole system.

use sea_orm::entity::prelude::*;

/// A number row; `environment` is an environment slug, `ownership` `purchased` or `connected`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "numbers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub e164: String,
    pub project_id: i32,
    pub environment: String,
    pub integration_id: i32,
    pub ownership: String,
    pub variant_id: Option<i32>,
    /// The customer's voice URL before we connected it (restored on disconnect).
    pub previous_voice_url: Option<String>,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    /// A lifecycle state slug (`active`, `pending-release`, `releasing`, `release-failed`).
    pub state: String,
    /// When the undo window closes (Unix seconds), while pending release.
    pub release_at: Option<i64>,
    /// When a release was claimed (Unix seconds), while releasing.
    pub claimed_at: Option<i64>,
    /// Why the last release failed.
    pub release_error: Option<String>,
}

/// No navigable relations; queries join by id.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
