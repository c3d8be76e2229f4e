//! Failed sign-ins in the database instead of one process's memory, so the limit holds across
//! instances.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates `sign_in_failures` with indexes by key and time, and by time (pruning).
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignInFailures {
    Table,
    Id,
    LimitKey,
    FailedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInFailures::Table)
                    .col(pk_auto(SignInFailures::Id))
                    .col(string(SignInFailures::LimitKey))
                    .col(timestamp_with_time_zone(SignInFailures::FailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("sign_in_failures_by_key")
                    .table(SignInFailures::Table)
                    .col(SignInFailures::LimitKey)
                    .col(SignInFailures::FailedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("sign_in_failures_by_time")
                    .table(SignInFailures::Table)
                    .col(SignInFailures::FailedAt)
                    .to_owned(),
            )
            .await
    }
}
