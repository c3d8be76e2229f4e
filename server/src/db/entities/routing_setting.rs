//! `routing_settings`: the platform-managed SIP addresses of a project environment.

use sea_orm::entity::prelude::*;

/// Main and fallback SIP URIs of one environment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "routing_settings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub environment: String,
    pub main_sip: String,
    pub fallback_sip: String,
}

/// No navigable relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
