//! What Twilio said about an integration's account when its credentials were last verified,
//! and at most one integration of each kind per project (two members connecting at once).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Adds `telephony_integrations.twilio_account_name`, `twilio_account_type` (`trial` or
/// `full`) and `twilio_verified_at`, and a unique index on (`project_id`, `kind`).
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TelephonyIntegrations {
    Table,
    ProjectId,
    Kind,
    TwilioAccountName,
    TwilioAccountType,
    TwilioVerifiedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for column in [
            string_null(TelephonyIntegrations::TwilioAccountName),
            string_null(TelephonyIntegrations::TwilioAccountType),
            timestamp_with_time_zone_null(TelephonyIntegrations::TwilioVerifiedAt),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(TelephonyIntegrations::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("telephony_integrations_one_per_kind")
                    .table(TelephonyIntegrations::Table)
                    .col(TelephonyIntegrations::ProjectId)
                    .col(TelephonyIntegrations::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }
}
