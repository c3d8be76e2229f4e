//! One instance at a time through start-up (migrations, the demo seed, sealing secrets,
//! stocking the pool): a PostgreSQL session-level advisory lock, held on a connection of its
//! own, makes instances started together on one database wait for each other instead of
//! racing (two `CREATE TABLE`s, two seeds). SQLite needs none: one instance by design.

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement,
};

/// The advisory lock's key, unique to this application (`NUMB` in ASCII).
const STARTUP_LOCK_KEY: i64 = 0x4E55_4D42;

/// Held from [`StartupLock::acquire`] to [`StartupLock::release`]; dropping it (a start-up
/// that failed) closes its connection, which releases the lock too.
pub struct StartupLock(Option<DatabaseConnection>);

impl StartupLock {
    /// Waits until no other instance is starting on the database at `url`, then holds the
    /// lock (PostgreSQL); does nothing when `postgres` is false (SQLite).
    pub async fn acquire(url: &str, postgres: bool) -> Result<Self, DbErr> {
        if !postgres {
            return Ok(Self(None));
        }
        // One session for as long as the lock is held: the pool may neither retire nor idle
        // out its only connection (the lock would go with it).
        let mut options = ConnectOptions::new(url);
        options
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .sqlx_logging(false);
        let connection = Database::connect(options).await?;
        // Waiting for another instance is not a slow statement to cancel (a role's timeouts).
        connection
            .execute_unprepared("SET lock_timeout = 0; SET statement_timeout = 0")
            .await?;
        if !query_bool(&connection, "pg_try_advisory_lock").await? {
            tracing::info!("another instance is starting on this database; waiting for it");
            connection
                .execute_unprepared(&format!("SELECT pg_advisory_lock({STARTUP_LOCK_KEY})"))
                .await?;
        }
        Ok(Self(Some(connection)))
    }

    /// Lets the next instance start.
    pub async fn release(self) -> Result<(), DbErr> {
        if let Some(connection) = self.0 {
            if !query_bool(&connection, "pg_advisory_unlock").await? {
                tracing::warn!("the start-up lock was no longer held when released");
            }
            connection.close().await?;
        }
        Ok(())
    }
}

/// `SELECT {function}(key)` on `connection`, answering a boolean.
async fn query_bool(connection: &DatabaseConnection, function: &str) -> Result<bool, DbErr> {
    let row = connection
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT {function}({STARTUP_LOCK_KEY}) AS held"),
        ))
        .await?
        .ok_or_else(|| DbErr::Custom(format!("{function} answered no row")))?;
    row.try_get::<bool>("", "held")
}
