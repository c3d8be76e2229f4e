//! `telephony_integrations`: how a project's numbers reach the platform.

use sea_orm::entity::prelude::*;

/// An integration row; `kind` is `built-in-pool` or `twilio`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "telephony_integrations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub kind: String,
    pub twilio_account_sid: Option<String>,
    /// Auth token, or the API key's secret when `twilio_api_key_sid` is set; sealed
    /// (`crate::secrets`), like `twilio_webhook_token`.
    pub twilio_auth_token: Option<String>,
    pub created_at: DateTimeUtc,
    /// `SK…` API key used instead of the account SID for HTTP Basic auth.
    pub twilio_api_key_sid: Option<String>,
    /// The account's auth token, for checking webhook signatures when an API key is used.
    pub twilio_webhook_token: Option<String>,
    /// The account's friendly name at Twilio, when last verified.
    pub twilio_account_name: Option<String>,
    /// `trial` or `full`, when last verified.
    pub twilio_account_type: Option<String>,
    /// When Twilio last accepted the stored credentials.
    pub twilio_verified_at: Option<DateTimeUtc>,
}

/// No navigable relations; queries join by id.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
