//! `variants`: a project's variants; rows deleted from the draft keep `deleted_at`.

use sea_orm::entity::prelude::*;

/// A variant row; the draft is the rows without `deleted_at`, ordered by `position`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "variants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub name: String,
    /// The name in lower case, unique per project among draft variants (`VariantName::key`).
    pub name_key: String,
    pub position: i32,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

/// No navigable relations; queries join by id.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
