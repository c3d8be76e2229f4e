//! `number_events`: the append-only audit log of changes to numbers.

use sea_orm::entity::prelude::*;

/// One recorded change; `kind` is an event kind slug.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "number_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub e164: String,
    pub kind: String,
    pub actor: String,
    pub at: DateTimeUtc,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
