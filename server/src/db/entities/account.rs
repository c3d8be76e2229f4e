//! `accounts`: built-in sign-in accounts (email and Argon2id password hash).

use sea_orm::entity::prelude::*;

/// One account; `email` is stored lower-case.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    /// PHC string (`$argon2id$…`).
    pub password_hash: String,
    pub created_at: DateTimeUtc,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
