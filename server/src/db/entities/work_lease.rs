//! `work_leases`: which instance holds which piece of background work, until when.

use sea_orm::entity::prelude::*;

/// A lease on `subject` (e.g. `purchase:{key}`) held by `holder` until `held_until` (Unix
/// seconds).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_leases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    pub holder: String,
    pub held_until: i64,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
