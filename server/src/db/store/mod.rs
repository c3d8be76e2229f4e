//! [`SeaStore`]: the app's storage ports over sea-orm (SQLite or PostgreSQL).

mod api_key_store;
mod change_log;
mod connection_store;
mod history_store;
mod integration_store;
mod lifecycle_store;
mod load;
mod number_listing;
mod project_store;
mod purchase_store;
mod routing_store;
mod variant_store;
mod work_leases;

use crate::db::entities::telephony_integration;
use crate::live::LiveHub;
use crate::secrets::{Keyring, SecretColumn};
use app::ports::{Clock, StoreError};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Storage over one sea-orm connection pool; times it records come from one clock.
#[derive(Clone)]
pub struct SeaStore {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    keyring: Arc<Keyring>,
    live: LiveHub,
}

impl SeaStore {
    /// The connection it uses.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Wraps a migrated connection; `clock` stamps what it records, `keyring` opens the
    /// Twilio secrets it reads, `live` wakes the pages following a project it changes.
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        keyring: Arc<Keyring>,
        live: LiveHub,
    ) -> Self {
        Self {
            db,
            clock,
            keyring,
            live,
        }
    }

    /// The plain text of a sealed secret read from integration row `row`.
    fn open_secret(
        &self,
        row: &telephony_integration::Model,
        column: SecretColumn,
        stored: &str,
    ) -> Result<String, StoreError> {
        self.keyring
            .open(column, row.project_id, stored)
            .map_err(|err| {
                StoreError(format!(
                    "telephony_integrations row {}: its {} {err}",
                    row.id,
                    column.name()
                ))
            })
    }

    /// The clock's time, as stored.
    fn now(&self) -> DateTime<Utc> {
        utc(self.clock.now())
    }
}

/// Seconds since the Unix epoch as a stored time (the epoch itself if out of range).
pub(crate) fn utc(secs: app::domain::UnixSeconds) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

pub use purchase_store::{CHECKING, PENDING};

/// A stored value that does not parse.
fn corrupt(table: &str, id: i32, what: &str) -> StoreError {
    StoreError(format!("{table} row {id} holds an invalid {what}"))
}
