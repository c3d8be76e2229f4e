//! `api_keys`: a project's API keys, by the SHA-256 of the whole key (never the key).

use sea_orm::entity::prelude::*;

/// One key; `key_id` is the id in `nmbr_{key_id}_…`, `scope` `read` or `read-write`,
/// `key_hash` lowercase hex; `rate_window_start` (Unix seconds) and `rate_window_count` count
/// its REST API requests in the current minute.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key_id: String,
    pub project_id: i32,
    pub name: String,
    pub scope: String,
    pub key_hash: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub rate_window_start: i64,
    pub rate_window_count: i64,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
