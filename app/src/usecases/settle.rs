//! Settling what Twilio did not answer: a purchase, a connection or a disconnection whose
//! request was sent but whose answer never came. After a grace period (for a late request to
//! land), Twilio is read: a purchase is found by its number's label (the purchase's key) and
//! completed, or recorded as having bought nothing; a connection is confirmed, or undone; a
//! disconnection is finished, its voice URL restore retried until it is done.

use super::delete_number::{Restore, SYSTEM_ACTOR, apply, facts, restore_voice_url};
use crate::domain::idempotency::ABANDONED_AFTER_SECS;
use crate::domain::{E164, IntegrationKind, NumberState, Ownership, ProjectSlug, Step};
use crate::error::AppError;
use crate::ports::{ChangeError, NewNumber, ProviderError, PurchaseIntent, Services};

/// How long the page shows what a check found, in seconds.
pub const SETTLED_NOTICE_SECS: i64 = 30 * 60;

/// What an abandoned pool purchase is recorded with: its request stopped before the save.
pub const INTERRUPTED: &str =
    "The purchase was interrupted before it completed; nothing was bought. Please try again.";

/// What a purchase that bought nothing is recorded with (and the page says).
pub const NOTHING_BOUGHT: &str =
    "Twilio did not buy a number: nothing was bought or charged. Please try again.";

/// What one pass settled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SettleReport {
    /// Purchases found bought, and saved.
    pub bought: usize,
    /// Purchases found to have bought nothing.
    pub nothing_bought: usize,
    /// Connections found in place.
    pub connected: usize,
    /// Connections found not to have happened (the number is forgotten again).
    pub not_connected: usize,
    /// Disconnections finished.
    pub disconnected: usize,
    /// Checks that could not be made now (Twilio still not answering): left for the next pass.
    pub later: usize,
}

/// Settles every purchase, connection and disconnection that has waited on Twilio for the
/// grace period; each at most once, whatever else runs at the same time (every step is a
/// compare-and-set on the state it read), and each by one instance at a time (a work lease
/// per row, so two instances never ask Twilio about the same one).
pub async fn settle(services: &Services) -> Result<SettleReport, AppError> {
    let now = services.clock.now();
    let before = now - services.settings.check_after_secs;
    let mut report = SettleReport::default();
    match services
        .purchases
        .doubt_abandoned_purchases(now - ABANDONED_AFTER_SECS)
        .await
    {
        Ok(0) => {}
        Ok(n) => tracing::warn!(n, "purchases abandoned by their request will be checked"),
        Err(err) => tracing::error!(%err, "finding abandoned purchases failed"),
    }
    match services.purchases.purchases_in_doubt(before).await {
        Ok(intents) => {
            for intent in intents {
                if leased(services, &format!("purchase:{}", intent.key)).await {
                    settle_purchase(services, &intent, &mut report).await;
                }
            }
        }
        Err(err) => tracing::error!(%err, "loading purchases to check failed; retrying later"),
    }
    for (slug, number) in services.lifecycle.checks_due(before).await? {
        if !leased(services, &format!("number:{number}")).await {
            continue;
        }
        if let Err(err) = settle_number(services, &slug, &number, &mut report).await {
            tracing::warn!(%err, %number, "checking a number with Twilio failed; retrying later");
            report.later += 1;
        }
    }
    Ok(report)
}

/// How long an instance keeps a row it settles to itself, in seconds: longer than settling
/// one takes (a few Twilio requests, each bounded by the Twilio timeout).
pub const SETTLE_LEASE_SECS: i64 = 120;

/// Whether this instance may settle `subject` now: it holds (or took) its lease. Another
/// instance holding it, or a storage failure, leaves it for a later pass.
async fn leased(services: &Services, subject: &str) -> bool {
    let now = services.clock.now();
    match services
        .leases
        .take_lease(
            subject,
            &services.settings.instance,
            now,
            now + SETTLE_LEASE_SECS,
        )
        .await
    {
        Ok(held) => held,
        Err(err) => {
            tracing::warn!(%err, subject, "taking a work lease failed; retrying later");
            false
        }
    }
}

/// Finds what `intent` bought (a number labelled with its key) and saves it, or records that
/// it bought nothing. A pool purchase (only ever abandoned, never unanswered) gives back what
/// it reserved.
async fn settle_purchase(services: &Services, intent: &PurchaseIntent, report: &mut SettleReport) {
    let key = intent.key.as_str();
    if intent.provider == IntegrationKind::BuiltInPool {
        match services.pool.abandon(key).await {
            Ok(()) => fail(services, key, INTERRUPTED, report).await,
            Err(err) => {
                tracing::warn!(%err, key, "returning an abandoned reservation failed; retrying later");
                report.later += 1;
            }
        }
        return;
    }
    let account = match services.connections.twilio_account(&intent.project).await {
        Ok(Some(account)) => account,
        Ok(None) => {
            // Nothing left to ask: the integration is gone.
            fail(services, key, NOTHING_BOUGHT, report).await;
            return;
        }
        Err(err) => {
            tracing::warn!(%err, key, "loading the Twilio account failed; retrying later");
            report.later += 1;
            return;
        }
    };
    let mut bought = match services.twilio.find_tagged(&account, key).await {
        Ok(bought) => bought,
        Err(err) => {
            tracing::warn!(%err, key, "Twilio still does not answer; retrying later");
            report.later += 1;
            return;
        }
    };
    // The same choice whoever settles it: the first number bought under the label.
    bought.sort_by(|a, b| a.sid.cmp(&b.sid));
    let mut bought = bought.into_iter();
    let Some(first) = bought.next() else {
        fail(services, key, NOTHING_BOUGHT, report).await;
        return;
    };
    let number = NewNumber {
        project: intent.project.clone(),
        e164: first.e164.clone(),
        environment: intent.environment,
        source: IntegrationKind::Twilio,
        ownership: Ownership::Purchased,
        variant: intent.variant,
        created_by: intent.actor.clone(),
    };
    match services.purchases.finish_purchase(key, &number).await {
        Ok(()) => {
            tracing::info!(e164 = %first.e164, key, "an unanswered purchase had bought a number: saved");
            report.bought += 1;
        }
        // Settled meanwhile (by its request or another worker).
        Err(ChangeError::Concurrent) => return,
        Err(ChangeError::NumberTaken(_)) => {
            // Saved here already under another record: it is not this purchase's to release.
            tracing::error!(e164 = %first.e164, key, "a purchase's number is saved elsewhere already; left as it is");
            fail(services, key, NOTHING_BOUGHT, report).await;
            return;
        }
        Err(err) => {
            tracing::warn!(%err, e164 = %first.e164, key, "saving a checked purchase failed; retrying later");
            report.later += 1;
            return;
        }
    }
    for extra in bought {
        // One key keeps one number: any other under its label goes back, once ours is saved.
        tracing::warn!(e164 = %extra.e164, key, "a second number carries one purchase's label; releasing it");
        if let Err(err) = services.twilio.release_sid(&account, &extra.sid).await {
            tracing::error!(%err, sid = extra.sid, "releasing a second number failed; it stays in the account, labelled with its purchase");
        }
    }
}

async fn fail(services: &Services, key: &str, message: &str, report: &mut SettleReport) {
    match services.purchases.fail_purchase(key, message).await {
        Ok(()) => report.nothing_bought += 1,
        Err(err) => tracing::error!(%err, key, "recording a checked purchase failed"),
    }
}

/// Confirms or undoes an unanswered connection, or finishes an unanswered disconnection.
async fn settle_number(
    services: &Services,
    slug: &ProjectSlug,
    number: &E164,
    report: &mut SettleReport,
) -> Result<(), AppError> {
    let facts = facts(services, slug, number).await?;
    match facts.state {
        NumberState::Connecting { .. } => {
            let step = match connection_in_place(services, slug, number).await {
                Ok(Connection::InPlace) => Step::ConnectionConfirmed,
                Ok(Connection::NotInPlace(reason)) => Step::NotConnected(reason.into()),
                // Any failure to read (unreachable, rate limited, refused) is asked again.
                Err(err) => {
                    tracing::warn!(%err, %number, "reading a connection from Twilio failed; retrying later");
                    report.later += 1;
                    return Ok(());
                }
            };
            let connected = step == Step::ConnectionConfirmed;
            apply(services, slug, number, step, SYSTEM_ACTOR).await?;
            if connected {
                report.connected += 1;
            } else {
                report.not_connected += 1;
            }
        }
        NumberState::Disconnecting { .. } => match restore_voice_url(services, &facts).await? {
            Restore::Done => {
                apply(services, slug, number, Step::Disconnect, SYSTEM_ACTOR).await?;
                report.disconnected += 1;
            }
            Restore::Unanswered => report.later += 1,
        },
        _ => {}
    }
    Ok(())
}

/// What Twilio shows of an unanswered connection.
enum Connection {
    /// The number sends its calls to this server.
    InPlace,
    /// It does not, for this reason.
    NotInPlace(&'static str),
}

/// Whether the number now sends its calls to this server (through Twilio's voice URL).
async fn connection_in_place(
    services: &Services,
    slug: &ProjectSlug,
    number: &E164,
) -> Result<Connection, ProviderError> {
    let account = services
        .connections
        .twilio_account(slug)
        .await
        .map_err(|e| ProviderError::Unavailable(e.to_string()))?;
    let Some(account) = account else {
        return Ok(Connection::NotInPlace(
            "the project's Twilio integration was removed",
        ));
    };
    let Some(owned) = services.twilio.find_owned(&account, number).await? else {
        return Ok(Connection::NotInPlace(
            "the number is no longer in the Twilio account",
        ));
    };
    let ours = owned.voice_url.as_deref() == Some(services.settings.voice_webhook_url.as_str())
        && owned.routed_elsewhere.is_none();
    Ok(if ours {
        Connection::InPlace
    } else {
        Connection::NotInPlace("Twilio shows the number does not send its calls here")
    })
}
