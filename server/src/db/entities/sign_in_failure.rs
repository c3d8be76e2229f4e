//! `sign_in_failures`: failed sign-ins per limit key (an account or an address), shared by
//! every instance so the sign-in limit holds behind a load balancer.

use sea_orm::entity::prelude::*;

/// One failure; `limit_key` is `account:{email}` or `address:{ip}`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_failures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub limit_key: String,
    pub failed_at: DateTimeUtc,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
