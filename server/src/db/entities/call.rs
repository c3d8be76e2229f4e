//! `calls`: call attempts Twilio reported for a number.

use sea_orm::entity::prelude::*;

/// One call attempt.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub e164: String,
    pub call_sid: String,
    pub from_number: String,
    pub status: String,
    pub received_at: DateTimeUtc,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
