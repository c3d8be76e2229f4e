//! [`SeaStore`]: the app's storage ports over sea-orm (SQLite or PostgreSQL).

mod load;
mod project_store;
mod variant_store;

use app::ports::StoreError;
use sea_orm::{DatabaseConnection, DbErr};

/// Storage over one sea-orm connection pool.
#[derive(Clone, Debug)]
pub struct SeaStore {
    db: DatabaseConnection,
}

impl SeaStore {
    /// Wraps a migrated connection.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

/// A database error as the ports report it.
fn db_error(err: DbErr) -> StoreError {
    StoreError(err.to_string())
}

/// A stored value that does not parse.
fn corrupt(table: &str, id: i32, what: &str) -> StoreError {
    StoreError(format!("{table} row {id} holds an invalid {what}"))
}
