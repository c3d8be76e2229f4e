//! Deleting numbers safely: lifecycle columns on `numbers`, and the append-only `number_events`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Adds `numbers.state`, `release_at`, `claimed_at`, `release_error`; creates `number_events`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Numbers {
    Table,
    State,
    ReleaseAt,
    ClaimedAt,
    ReleaseError,
}

#[derive(DeriveIden)]
enum NumberEvents {
    Table,
    Id,
    ProjectId,
    E164,
    Kind,
    Actor,
    At,
    Before,
    After,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        let columns = [
            string(Numbers::State).default("active").to_owned(),
            big_integer_null(Numbers::ReleaseAt),
            big_integer_null(Numbers::ClaimedAt),
            string_null(Numbers::ReleaseError),
        ];
        for column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Numbers::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(NumberEvents::Table)
                    .col(pk_auto(NumberEvents::Id))
                    .col(integer(NumberEvents::ProjectId))
                    .col(string(NumberEvents::E164))
                    .col(string(NumberEvents::Kind))
                    .col(string(NumberEvents::Actor))
                    .col(timestamp_with_time_zone(NumberEvents::At))
                    .col(string_null(NumberEvents::Before))
                    .col(string_null(NumberEvents::After))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_number_events_project_e164")
                    .table(NumberEvents::Table)
                    .col(NumberEvents::ProjectId)
                    .col(NumberEvents::E164)
                    .to_owned(),
            )
            .await
    }
}
