//! A purchase whose provider did not answer is finished later, by a worker that needs what
//! the request asked for, and the page says when it was checked and settled.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Adds `purchases.environment`, `variant_id`, `actor` (what to save once the number is
/// found), `checked_at` (when the provider's answer was found missing) and `settled_at`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Purchases {
    Table,
    Environment,
    VariantId,
    Actor,
    CheckedAt,
    SettledAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one column at a time.
        for column in [
            string_null(Purchases::Environment),
            integer_null(Purchases::VariantId),
            string_null(Purchases::Actor),
            timestamp_with_time_zone_null(Purchases::CheckedAt),
            timestamp_with_time_zone_null(Purchases::SettledAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Purchases::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        // Earlier purchases did not record their environment: one interrupted before this
        // upgrade is finished into Sandbox, which takes no production calls, rather than lost.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE purchases SET environment = 'sandbox' WHERE environment IS NULL",
            )
            .await?;
        Ok(())
    }
}
