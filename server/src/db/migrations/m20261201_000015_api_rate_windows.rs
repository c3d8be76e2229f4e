//! Per-key request counts for the REST API's rate limit, kept with the key so every server
//! instance counts the same requests.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Adds `rate_window_start` (Unix seconds of the current minute) and `rate_window_count`
/// (requests in it) to `api_keys`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    RateWindowStart,
    RateWindowCount,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for column in [
            big_integer(ApiKeys::RateWindowStart).default(0).to_owned(),
            big_integer(ApiKeys::RateWindowCount).default(0).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(ApiKeys::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
