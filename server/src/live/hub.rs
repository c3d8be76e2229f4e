//! [`LiveHub`]: one per instance. Stores call [`LiveHub::changed`] after committing a change;
//! each open page's stream waits on [`LiveHub::subscribe`] and ends when [`LiveHub::close`]
//! is called at shutdown.

use app::domain::ProjectSlug;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use std::sync::Arc;
use tokio::sync::{broadcast, watch};

/// The PostgreSQL channel instances notify each other on; the payload is a project slug.
pub(super) const CHANNEL: &str = "numbers_project_changes";

/// How many wake-ups a slow stream may fall behind before it is told to read everything.
const BACKLOG: usize = 256;

/// What a stream is woken for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wake {
    /// A change to this project was saved.
    Project(String),
    /// Changes may have been missed (a lost database connection, a stream fallen behind):
    /// every stream reads its feed again.
    All,
}

/// Wakes this instance's streams, and with PostgreSQL every other instance's too.
#[derive(Clone)]
pub struct LiveHub(Arc<Inner>);

struct Inner {
    wakes: broadcast::Sender<Wake>,
    closing: watch::Sender<bool>,
    /// PostgreSQL: whether the listener hears other instances now.
    listening: watch::Sender<bool>,
    /// PostgreSQL: changes are announced with `pg_notify`, and heard back by the listener.
    postgres: Option<DatabaseConnection>,
}

impl LiveHub {
    /// For one instance (SQLite, and tests): wake-ups stay in this process.
    pub fn in_process() -> Self {
        Self::build(None)
    }

    /// For instances sharing the PostgreSQL database `db` at `url`: announces changes with
    /// `NOTIFY`, and spawns a listener (its own connection, reconnecting with backoff) that
    /// wakes this instance's streams for every instance's changes.
    pub fn on_postgres(db: DatabaseConnection, url: String) -> Self {
        let hub = Self::build(Some(db));
        tokio::spawn(super::pg_listener::run(url, hub.clone()));
        hub
    }

    fn build(postgres: Option<DatabaseConnection>) -> Self {
        let (wakes, _) = broadcast::channel(BACKLOG);
        let (closing, _) = watch::channel(false);
        let (listening, _) = watch::channel(false);
        Self(Arc::new(Inner {
            wakes,
            closing,
            listening,
            postgres,
        }))
    }

    /// Says a change to `project` was committed: this instance's streams wake at once, other
    /// instances' (PostgreSQL) through `NOTIFY`. Never fails the change: a lost notice is made
    /// up by each stream's periodic read.
    pub async fn changed(&self, project: &ProjectSlug) {
        self.wake(Wake::Project(project.as_str().to_owned()));
        let Some(db) = &self.0.postgres else {
            return;
        };
        let notify = Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_notify($1, $2)",
            [CHANNEL.into(), project.as_str().into()],
        );
        if let Err(err) = db.execute_raw(notify).await {
            tracing::warn!(%err, project = project.as_str(), "announcing a change failed; open pages see it at their next read");
        }
    }

    /// Wakes this instance's streams (no one listening is fine).
    pub(super) fn wake(&self, wake: Wake) {
        let _ = self.0.wakes.send(wake);
    }

    /// Whether this instance hears other instances' changes now (PostgreSQL; always false on
    /// SQLite, where there are none).
    pub fn hears_others(&self) -> watch::Receiver<bool> {
        self.0.listening.subscribe()
    }

    pub(super) fn listening(&self, on: bool) {
        self.0.listening.send_replace(on);
    }

    /// Wake-ups from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Wake> {
        self.0.wakes.subscribe()
    }

    /// Turns true when the server shuts down: streams end so the shutdown can finish.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.0.closing.subscribe()
    }

    /// Ends every stream (graceful shutdown): browsers reconnect, to another instance.
    pub fn close(&self) {
        self.0.closing.send_replace(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_change_wakes_the_streams_of_this_instance() {
        let hub = LiveHub::in_process();
        let mut stream = hub.subscribe();
        hub.changed(&ProjectSlug::parse("acme").unwrap()).await;
        assert_eq!(stream.recv().await.ok(), Some(Wake::Project("acme".into())));
    }

    #[tokio::test]
    async fn closing_is_seen_by_every_stream() {
        let hub = LiveHub::in_process();
        let mut closing = hub.closing();
        hub.close();
        closing.changed().await.unwrap();
        assert!(*closing.borrow());
    }
}
