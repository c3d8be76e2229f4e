//! `project_changes`: the feed of changes the pages open on a project follow (live updates).

use sea_orm::entity::prelude::*;

/// One change; `sentence` is what pages say about it, `e164` the number it changed, if one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i32,
    pub at: DateTimeUtc,
    pub actor: String,
    pub sentence: String,
    pub e164: Option<String>,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
