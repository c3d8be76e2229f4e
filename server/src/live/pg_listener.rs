//! Hears every instance's changes on PostgreSQL (`LISTEN`) and wakes this instance's streams.
//! One connection of its own; lost, it is reconnected with backoff (1 s doubling to 30 s), and
//! every stream reads its feed again since notices may have been missed meanwhile.

use super::hub::{CHANNEL, LiveHub, Wake};
use sea_orm::sqlx::postgres::PgListener;
use std::time::Duration;

const FIRST_RETRY: Duration = Duration::from_secs(1);
const LONGEST_RETRY: Duration = Duration::from_secs(30);

/// Listens until the server closes.
pub(super) async fn run(url: String, hub: LiveHub) {
    let mut retry = FIRST_RETRY;
    let mut closing = hub.closing();
    loop {
        if *closing.borrow() {
            return;
        }
        tokio::select! {
            result = listen(&url, &hub, &mut retry) => {
                if let Err(err) = result {
                    tracing::warn!(%err, ?retry, "live updates: listening for other instances' changes failed; retrying");
                }
            }
            _ = closing.changed() => return,
        }
        // Whatever happened, notices may have been missed: every stream reads again.
        hub.wake(Wake::All);
        hub.listening(false);
        tokio::select! {
            () = tokio::time::sleep(retry) => {}
            _ = closing.changed() => return,
        }
        retry = (retry * 2).min(LONGEST_RETRY);
    }
}

/// Connects, listens (the next failure then retries after [`FIRST_RETRY`] again), and wakes
/// streams for each notice, until the connection fails.
async fn listen(
    url: &str,
    hub: &LiveHub,
    retry: &mut Duration,
) -> Result<(), sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    *retry = FIRST_RETRY;
    tracing::info!("live updates: listening for every instance's changes");
    hub.wake(Wake::All);
    hub.listening(true);
    loop {
        match listener.try_recv().await? {
            Some(notice) => hub.wake(Wake::Project(notice.payload().to_owned())),
            // The connection was lost and made again: what was said meanwhile is gone.
            None => hub.wake(Wake::All),
        }
    }
}
