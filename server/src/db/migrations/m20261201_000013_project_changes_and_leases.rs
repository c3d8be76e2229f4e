//! Live updates and work shared by several instances: `project_changes`, the feed each open
//! page follows (read back after a wake-up, so a stream resumes after its last event id), and
//! `work_leases`, which background work takes row by row before acting on it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates `project_changes` (indexed by project and id, and by time for pruning) and
/// `work_leases` (one row per leased subject).
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProjectChanges {
    Table,
    Id,
    ProjectId,
    At,
    Actor,
    Sentence,
    E164,
}

#[derive(DeriveIden)]
enum WorkLeases {
    Table,
    Subject,
    Holder,
    HeldUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProjectChanges::Table)
                    .col(big_pk_auto(ProjectChanges::Id))
                    .col(integer(ProjectChanges::ProjectId))
                    .col(timestamp_with_time_zone(ProjectChanges::At))
                    .col(string(ProjectChanges::Actor))
                    .col(string(ProjectChanges::Sentence))
                    .col(string_null(ProjectChanges::E164))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("project_changes_by_project")
                    .table(ProjectChanges::Table)
                    .col(ProjectChanges::ProjectId)
                    .col(ProjectChanges::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("project_changes_by_time")
                    .table(ProjectChanges::Table)
                    .col(ProjectChanges::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WorkLeases::Table)
                    .col(string(WorkLeases::Subject).primary_key())
                    .col(string(WorkLeases::Holder))
                    .col(big_integer(WorkLeases::HeldUntil))
                    .to_owned(),
            )
            .await
    }
}
