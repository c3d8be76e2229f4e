//! Two members creating `Paris` and `paris` at the same moment must not both succeed: the
//! database holds each draft name once, case-insensitively, through a unique index on its
//! lower-case form among the draft's (not deleted) variants.

use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use std::collections::HashSet;

/// Adds `variants.name_key` (the name in lower case, as `VariantName::key` makes it), fills it,
/// and indexes it uniquely per project among draft variants.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Variants {
    Table,
    NameKey,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Variants::Table)
                    .add_column(string(Variants::NameKey).default(""))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, project_id, name, deleted_at IS NULL AS draft FROM variants ORDER BY id",
            ))
            .await?;
        let mut taken: HashSet<(i32, String)> = HashSet::new();
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let project: i32 = row.try_get("", "project_id")?;
            let mut name: String = row.try_get("", "name")?;
            let draft: bool = row.try_get("", "draft")?;
            if draft {
                // Names raced in before this index existed: the later one gets a suffix.
                let base = name.clone();
                let mut n = 2;
                while taken.contains(&(project, name.to_lowercase())) {
                    name = format!("{base} ({n})");
                    n += 1;
                }
                taken.insert((project, name.to_lowercase()));
            }
            let sql = match backend {
                sea_orm::DbBackend::Postgres => {
                    "UPDATE variants SET name = $1, name_key = $2 WHERE id = $3"
                }
                _ => "UPDATE variants SET name = ?, name_key = ? WHERE id = ?",
            };
            let key = name.to_lowercase();
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [name.into(), key.into(), id.into()],
            ))
            .await?;
        }
        // Partial unique indexes: the same statement on PostgreSQL and SQLite.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX idx_variants_draft_name ON variants (project_id, name_key) \
             WHERE deleted_at IS NULL",
        )
        .await?;
        Ok(())
    }
}
