//! One instance at a time through start-up (migrations, the demo seed, sealing secrets,
//! stocking the pool): a PostgreSQL session-level advisory lock, held on a connection of its
//! own, makes instances started together on one database wait for each other instead of
//! racing (two `CREATE TABLE`s, two seeds). SQLite needs none: one instance by design.

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

/// The advisory lock's key, unique to this application (`NUMB` in ASCII).
const STARTUP_LOCK_KEY: i64 = 0x4E55_4D42;

/// Held from [`StartupLock::acquire`] to [`StartupLock::release`]; dropping it (a start-up
/// that failed) closes its connection, which releases the lock too.
pub struct StartupLock(Option<DatabaseConnection>);

impl StartupLock {
    /// Waits until no other instance is starting on the database at `url`, then holds the
    /// lock (PostgreSQL); does nothing on SQLite.
    pub async fn acquire(url: &str) -> Result<Self, DbErr> {
        if !url.starts_with("postgres") {
            return Ok(Self(None));
        }
        let mut options = ConnectOptions::new(url);
        options
            .max_connections(1)
            .min_connections(1)
            .sqlx_logging(false);
        let connection = Database::connect(options).await?;
        connection
            .execute_unprepared(&format!("SELECT pg_advisory_lock({STARTUP_LOCK_KEY})"))
            .await?;
        Ok(Self(Some(connection)))
    }

    /// Lets the next instance start.
    pub async fn release(self) -> Result<(), DbErr> {
        if let Some(connection) = self.0 {
            connection
                .execute_unprepared(&format!("SELECT pg_advisory_unlock({STARTUP_LOCK_KEY})"))
                .await?;
            connection.close().await?;
        }
        Ok(())
    }
}
