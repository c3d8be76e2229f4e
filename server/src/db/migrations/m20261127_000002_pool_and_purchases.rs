//! The built-in pool's stock and purchase attempts (idempotency keys, pending state).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates `pool_numbers` and `purchases`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PoolNumbers {
    Table,
    E164,
    Country,
    AreaCode,
    ReservedBy,
}

#[derive(DeriveIden)]
enum Purchases {
    Table,
    Id,
    IdempotencyKey,
    ProjectId,
    Provider,
    Fingerprint,
    Status,
    E164,
    Error,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PoolNumbers::Table)
                    .col(string(PoolNumbers::E164).primary_key())
                    .col(string(PoolNumbers::Country))
                    .col(integer_null(PoolNumbers::AreaCode))
                    .col(string_null(PoolNumbers::ReservedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Purchases::Table)
                    .col(pk_auto(Purchases::Id))
                    .col(string_uniq(Purchases::IdempotencyKey))
                    .col(integer(Purchases::ProjectId))
                    .col(string(Purchases::Provider))
                    .col(text(Purchases::Fingerprint))
                    .col(string(Purchases::Status))
                    .col(string_null(Purchases::E164))
                    .col(text_null(Purchases::Error))
                    .col(timestamp_with_time_zone(Purchases::CreatedAt))
                    .to_owned(),
            )
            .await
    }
}
