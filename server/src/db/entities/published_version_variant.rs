//! `published_version_variants`: the variants a published version holds.

use sea_orm::entity::prelude::*;

/// One variant held by one published version.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "published_version_variants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub published_version_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub variant_id: i32,
}

/// No navigable relations; queries join by id.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
