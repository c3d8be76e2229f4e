//! Twilio integrations may authenticate with an API key (`SK…`) instead of the account's token.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Adds `telephony_integrations.twilio_api_key_sid`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TelephonyIntegrations {
    Table,
    TwilioApiKeySid,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(TelephonyIntegrations::Table)
                    .add_column(string_null(TelephonyIntegrations::TwilioApiKeySid))
                    .to_owned(),
            )
            .await
    }
}
