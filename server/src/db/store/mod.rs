//! [`SeaStore`]: the app's storage ports over sea-orm (SQLite or PostgreSQL).

mod connection_store;
mod history_store;
mod lifecycle_store;
mod load;
mod project_store;
mod purchase_store;
mod routing_store;
mod variant_store;

use app::ports::StoreError;
use sea_orm::{DatabaseConnection, DbErr};

/// Storage over one sea-orm connection pool.
#[derive(Clone, Debug)]
pub struct SeaStore {
    db: DatabaseConnection,
}

impl SeaStore {
    /// The connection it uses.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Wraps a migrated connection.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

pub use purchase_store::PENDING;

/// A database error as the ports report it.
pub(crate) fn db_error(err: DbErr) -> StoreError {
    StoreError(err.to_string())
}

/// A stored value that does not parse.
fn corrupt(table: &str, id: i32, what: &str) -> StoreError {
    StoreError(format!("{table} row {id} holds an invalid {what}"))
}
