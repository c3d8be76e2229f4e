//! API keys per project, stored by the SHA-256 of the whole key.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates `api_keys`: one row per key (its id unique across projects), revoked ones kept.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    KeyId,
    ProjectId,
    Name,
    Scope,
    KeyHash,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiKeys::Table)
                    .col(pk_auto(ApiKeys::Id))
                    .col(string_uniq(ApiKeys::KeyId))
                    .col(integer(ApiKeys::ProjectId))
                    .col(string(ApiKeys::Name))
                    .col(string(ApiKeys::Scope))
                    .col(string(ApiKeys::KeyHash))
                    .col(string(ApiKeys::CreatedBy))
                    .col(timestamp_with_time_zone(ApiKeys::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiKeys::LastUsedAt))
                    .col(timestamp_with_time_zone_null(ApiKeys::RevokedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("api_keys_by_project")
                    .table(ApiKeys::Table)
                    .col(ApiKeys::ProjectId)
                    .to_owned(),
            )
            .await
    }
}
