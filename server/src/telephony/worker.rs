//! The background worker: gives deleted numbers back to their provider once their undo window
//! has closed, settles what Twilio did not answer (purchases, connections,
//! disconnections), and drops live updates older than a day. Everything it works on lives in the database, so a restart loses nothing.

use app::ports::Services;
use app::usecases::delete_number::release_due;
use app::usecases::live::forget_old_changes;
use app::usecases::settle::{SettleReport, settle};
use std::time::Duration;
use tokio::task::JoinHandle;

/// Runs a pass every `every`, until the returned task is aborted.
pub fn spawn(services: Services, every: Duration) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match release_due(&services).await {
                Ok(report) if report.released + report.failed > 0 => {
                    tracing::info!(?report, "release pass");
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(%err, "release pass failed; retrying later"),
            }
            match settle(&services).await {
                Ok(report) if report != SettleReport::default() => {
                    tracing::info!(?report, "settle pass");
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(%err, "settle pass failed; retrying later"),
            }
            if let Err(err) = forget_old_changes(&services).await {
                tracing::warn!(%err, "dropping old live updates failed; retrying later");
            }
        }
    })
}
