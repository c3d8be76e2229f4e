//! The release worker: gives deleted numbers back to their provider once their undo window
//! has closed. Pending releases live in the database, so a restart loses none of them.

use app::ports::Services;
use app::usecases::delete_number::release_due;
use std::time::Duration;
use tokio::task::JoinHandle;

/// Checks for due releases every `every`, until the returned task is aborted.
pub fn spawn(services: Services, every: Duration) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match release_due(&services).await {
                Ok(report) if report.released + report.failed > 0 => {
                    tracing::info!(?report, "release worker pass");
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(%err, "release worker pass failed; retrying later"),
            }
        }
    })
}
