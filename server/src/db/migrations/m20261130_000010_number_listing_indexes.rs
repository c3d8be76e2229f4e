//! Ten thousand numbers in a project: the Numbers page reads one page of a section, in any of
//! its orders, the numbers not in use and the variants in use, and the lifecycle worker finds
//! due releases, through index scans on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

/// Indexes `numbers` by (project, environment, state) then each sort key, by (project,
/// variant, state, date), and by (state, project); drops the plain (project) index.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, DeriveIden)]
enum Numbers {
    Table,
    ProjectId,
    Environment,
    State,
    CreatedAt,
    Id,
    E164,
    VariantId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let section = |name: &str, keys: &[Numbers]| {
            let mut index = Index::create();
            index
                .name(name)
                .table(Numbers::Table)
                .col(Numbers::ProjectId)
                .col(Numbers::Environment)
                .col(Numbers::State);
            for key in keys {
                index.col(key.clone());
            }
            index.to_owned()
        };
        for index in [
            section(
                "ix_numbers_section_by_date",
                &[Numbers::CreatedAt, Numbers::Id],
            ),
            section("ix_numbers_section_by_number", &[Numbers::E164]),
            Index::create()
                .name("ix_numbers_variant")
                .table(Numbers::Table)
                .col(Numbers::ProjectId)
                .col(Numbers::VariantId)
                .col(Numbers::State)
                .col(Numbers::CreatedAt)
                .col(Numbers::Id)
                .to_owned(),
            Index::create()
                .name("ix_numbers_state")
                .table(Numbers::Table)
                .col(Numbers::State)
                .col(Numbers::ProjectId)
                .to_owned(),
        ] {
            manager.create_index(index).await?;
        }
        // A prefix of every index above: only slows writes now.
        manager
            .drop_index(
                Index::drop()
                    .name("ix_numbers_project")
                    .table(Numbers::Table)
                    .to_owned(),
            )
            .await
    }
}
