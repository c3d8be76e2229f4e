//! Persistence: connection, migrations, entities and the stores implementing the app's ports.

pub mod entities;
pub mod migrations;
mod startup_lock;
mod store;

pub use startup_lock::StartupLock;
pub(crate) use store::utc;
pub use store::{CHECKING, PENDING, SeaStore};

use migrations::Migrator;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

/// Connects to `url` (SQLite or PostgreSQL) and applies pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options.sqlx_logging(false);
    let db = Database::connect(options).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}
