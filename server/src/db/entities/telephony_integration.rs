//! `telephony_integrations`: how a project's numbers reach the platform.

use sea_orm::entity::prelude::*;

/// An integration row; `kind` is `built-in-pool` or `twilio`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "telephony_integrations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub kind: String,
    pub twilio_account_sid: Option<String>,
    pub twilio_auth_token: Option<String>,
    pub created_at: DateTimeUtc,
}

/// No navigable relations; queries join by id.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
