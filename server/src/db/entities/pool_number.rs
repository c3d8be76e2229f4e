//! `pool_numbers`: the built-in pool's stock; a reserved row is being bought.

use sea_orm::entity::prelude::*;

/// A number in stock; `country` is `UK` or `US`, `area_code` set for US numbers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pool_numbers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub e164: String,
    pub country: String,
    pub area_code: Option<i32>,
    /// The idempotency key of the purchase holding it, if any.
    pub reserved_by: Option<String>,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
