//! `published_versions`: each publish or promote into an environment; the newest is in force.

use sea_orm::entity::prelude::*;

/// A published version row; `environment` is an environment slug.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "published_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub environment: String,
    pub version: i32,
    pub published_by: String,
    pub published_at: DateTimeUtc,
}

/// No navigable relations; queries join by id.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
