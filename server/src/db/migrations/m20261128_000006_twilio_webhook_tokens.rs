//! Twilio signs webhooks with the account's auth token even when the REST API is used with an
//! API key, so an API-key integration keeps the auth token for checking signatures.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Adds `telephony_integrations.twilio_webhook_token`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TelephonyIntegrations {
    Table,
    TwilioWebhookToken,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(TelephonyIntegrations::Table)
                    .add_column(string_null(TelephonyIntegrations::TwilioWebhookToken))
                    .to_owned(),
            )
            .await
    }
}
