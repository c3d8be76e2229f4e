//! Deleting numbers: a bought number is released after an undo window, a customer's own
//! number is disconnected at once; undo, retry, and the release worker's pass.

use crate::domain::lifecycle::clock_utc;
use crate::domain::{
    DeleteAction, DeleteOutcome, E164, IntegrationKind, LifecycleError, NumberState, ProjectSlug,
    Step, delete_plan,
};
use crate::error::AppError;
use crate::ports::{ChangeError, DeletionFacts, ProviderError, Services};

pub use crate::domain::live::SYSTEM_ACTOR;

/// What the person retrying a release is told when Twilio did not answer it.
pub const RELEASE_UNANSWERED: &str = "Twilio did not answer in time. The release is tried again automatically within a few minutes; releasing a number that is already gone is safe.";

/// The tag the pool is given when a number comes back to it.
const RELEASE_TAG: &str = "released";

/// A change to one number of a project, by a member.
#[derive(Clone, Debug)]
pub struct NumberChange {
    /// The project holding the number.
    pub project: ProjectSlug,
    /// The number.
    pub number: E164,
    /// Who is changing it.
    pub actor: String,
}

pub(super) async fn facts(
    services: &Services,
    slug: &ProjectSlug,
    number: &E164,
) -> Result<DeletionFacts, AppError> {
    services
        .lifecycle
        .deletion_facts(slug, number)
        .await?
        .ok_or_else(|| AppError::NumberNotFound(number.to_string()))
}

/// Applies `step` to the number now, in one transaction with its history entry.
pub(super) async fn apply(
    services: &Services,
    slug: &ProjectSlug,
    number: &E164,
    step: Step,
    actor: &str,
) -> Result<Option<NumberState>, ChangeError> {
    services
        .lifecycle
        .apply(
            slug,
            number,
            step,
            services.clock.now(),
            services.settings.undo_window_secs,
            actor,
        )
        .await
}

/// How deleting a Live number was confirmed (calls to it stop at once).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveConfirmation {
    /// The dialog's `Last four digits`, as typed (ASCII digits).
    TypedDigits(String),
    /// The REST API's `confirm=live`: `true` when the request sent it.
    ConfirmLive(bool),
}

/// Deletes the number as its source demands; `confirmation` confirms Live numbers.
pub async fn delete_number(
    services: &Services,
    change: NumberChange,
    confirmation: &LiveConfirmation,
) -> Result<DeleteOutcome, AppError> {
    let NumberChange {
        project: slug,
        number,
        actor,
    } = change;
    let facts = facts(services, &slug, &number).await?;
    match facts.state {
        NumberState::Active => {}
        NumberState::Connecting { .. } | NumberState::Disconnecting { .. } => {
            return Err(AppError::Rejected(LifecycleError::Checking.to_string()));
        }
        _ => return Err(AppError::Rejected(LifecycleError::BeingDeleted.to_string())),
    }
    let plan = delete_plan(&number, facts.ownership, facts.environment);
    match confirmation {
        LiveConfirmation::TypedDigits(typed) if !plan.confirmed_by(typed) => {
            let digits = plan.confirm_digits.unwrap_or_default();
            return Err(AppError::invalid(
                "confirm_digits",
                format!("Type the number's last four digits, {digits}, to confirm."),
            ));
        }
        LiveConfirmation::ConfirmLive(false) if plan.confirm_digits.is_some() => {
            return Err(AppError::invalid(
                "confirm",
                format!(
                    "{number} is a Live number: deleting it stops its calls reaching the agent at once. Send confirm=live to delete it."
                ),
            ));
        }
        _ => {}
    }
    match plan.action {
        DeleteAction::Release => {
            match apply(services, &slug, &number, Step::RequestRelease, &actor).await? {
                Some(NumberState::PendingRelease { release_at }) => {
                    Ok(DeleteOutcome::ReleasePending {
                        until: clock_utc(release_at),
                    })
                }
                other => {
                    tracing::error!(?other, %number, "a requested release left an unexpected state");
                    Err(AppError::Unavailable)
                }
            }
        }
        DeleteAction::Disconnect => match restore_voice_url(services, &facts).await? {
            Restore::Done => {
                apply(services, &slug, &number, Step::Disconnect, &actor).await?;
                Ok(DeleteOutcome::Disconnected)
            }
            Restore::Unanswered => {
                apply(services, &slug, &number, Step::DisconnectUnanswered, &actor).await?;
                Ok(DeleteOutcome::DisconnectChecking)
            }
        },
    }
}

/// Where restoring a customer's voice URL got to.
pub(super) enum Restore {
    /// Restored, or nothing to restore: the number is no longer ours.
    Done,
    /// Twilio did not answer the restore: it may or may not have happened.
    Unanswered,
}

/// Points a connected number back at the customer's own voice URL, if it still points at us.
/// Errors: Twilio's refusal in its own words (e.g. credentials rotated in the Twilio Console),
/// or that it could not be reached; either way the number is still connected.
pub(super) async fn restore_voice_url(
    services: &Services,
    facts: &DeletionFacts,
) -> Result<Restore, AppError> {
    let still_connected = |err: ProviderError| {
        tracing::warn!(%err, number = %facts.e164, "restoring a voice URL failed");
        match err {
            ProviderError::Refused(why) => {
                AppError::Provider(format!("The number is still connected. {why}"))
            }
            _ => AppError::Provider(
                "Twilio could not be reached, so the number is still connected. Please try again."
                    .into(),
            ),
        }
    };
    let account = services.connections.twilio_account(&facts.project).await?;
    let Some(account) = account else {
        tracing::warn!(number = %facts.e164, "no Twilio integration left: forgetting the number only");
        return Ok(Restore::Done);
    };
    let Some(owned) = services
        .twilio
        .find_owned(&account, &facts.e164)
        .await
        .map_err(still_connected)?
    else {
        tracing::info!(number = %facts.e164, "the account no longer owns the number: nothing to restore");
        return Ok(Restore::Done);
    };
    // Ours under any public address (it may have changed since), or empty: restore. Anything
    // else is the customer's own new setting, which restoring would break.
    let current = owned.voice_url.as_deref().unwrap_or_default();
    let previous = facts.previous_voice_url.as_deref().unwrap_or_default();
    let ours = current.is_empty() || current.ends_with(crate::paths::TWILIO_VOICE);
    if !ours || current == previous {
        tracing::info!(number = %facts.e164, "the number no longer points at us: voice URL left as is");
        return Ok(Restore::Done);
    }
    match services
        .twilio
        .set_voice_url(&account, &owned.sid, previous)
        .await
    {
        Ok(()) => Ok(Restore::Done),
        Err(ProviderError::OutcomeUnknown(detail)) => {
            tracing::warn!(detail, number = %facts.e164, "a voice URL restore was not answered; it will be checked");
            Ok(Restore::Unanswered)
        }
        Err(err) => Err(still_connected(err)),
    }
}

/// Restores a deleted number inside its undo window, with its environment and variant.
pub async fn undo_delete(services: &Services, change: NumberChange) -> Result<(), AppError> {
    apply(
        services,
        &change.project,
        &change.number,
        Step::Undo,
        &change.actor,
    )
    .await?;
    Ok(())
}

/// Retries a failed release now; the error says why if the provider still refuses.
pub async fn retry_release(services: &Services, change: NumberChange) -> Result<(), AppError> {
    let NumberChange {
        project: slug,
        number,
        actor,
    } = change;
    apply(services, &slug, &number, Step::Retry, &actor).await?;
    match carry_out(services, &slug, &number).await? {
        Released::Done => Ok(()),
        Released::Failed(reason) => Err(AppError::Provider(format!(
            "The release failed again: {reason}"
        ))),
        Released::Unanswered => Err(AppError::OutcomeUnknown(RELEASE_UNANSWERED.into())),
    }
}

/// What one pass of the release worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReleaseReport {
    /// Numbers given back to their provider.
    pub released: usize,
    /// Numbers the provider refused or could not take (now `release failed`).
    pub failed: usize,
    /// Releases Twilio did not answer: left claimed, so the release is tried again once the
    /// claim is stale (releasing a number already gone is a no-op).
    pub unanswered: usize,
}

/// Releases every number whose undo window has closed; each exactly once, even with several
/// workers or after a restart (a claim is taken in the database before the release).
pub async fn release_due(services: &Services) -> Result<ReleaseReport, AppError> {
    let due = services
        .lifecycle
        .due_releases(services.clock.now())
        .await?;
    let mut report = ReleaseReport::default();
    for (slug, number) in due {
        match apply(services, &slug, &number, Step::Claim, SYSTEM_ACTOR).await {
            Ok(_) => {}
            // Undone, or claimed by another worker, since the list was read.
            Err(
                ChangeError::Concurrent
                | ChangeError::Lifecycle(_)
                | ChangeError::NumberNotFound(_),
            ) => {
                continue;
            }
            Err(err) => {
                tracing::error!(%err, %number, "claiming a due release failed");
                continue;
            }
        }
        match carry_out(services, &slug, &number).await {
            Ok(Released::Done) => report.released += 1,
            Ok(Released::Failed(_)) => report.failed += 1,
            Ok(Released::Unanswered) => report.unanswered += 1,
            Err(err) => {
                tracing::error!(%err, %number, "recording a release failed; it will be retried")
            }
        }
    }
    Ok(report)
}

/// How a release went.
enum Released {
    /// Given back (or already gone).
    Done,
    /// Refused or failed, for this reason (now `release failed`).
    Failed(String),
    /// Not answered: left claimed, to be tried again.
    Unanswered,
}

/// Releases a claimed number to its provider and records the result.
async fn carry_out(
    services: &Services,
    slug: &ProjectSlug,
    number: &E164,
) -> Result<Released, AppError> {
    let facts = facts(services, slug, number).await?;
    let released = match facts.source {
        IntegrationKind::BuiltInPool => services.pool.release(number, RELEASE_TAG).await,
        IntegrationKind::Twilio => match services.connections.twilio_account(slug).await {
            Ok(Some(account)) => services.twilio.release(&account, number).await,
            Ok(None) => Err(ProviderError::Refused(
                "the project's Twilio integration is missing".into(),
            )),
            Err(err) => Err(ProviderError::Unavailable(err.to_string())),
        },
    };
    match released {
        Ok(()) => {
            apply(services, slug, number, Step::Released, SYSTEM_ACTOR).await?;
            tracing::info!(%number, "released to the provider");
            Ok(Released::Done)
        }
        Err(ProviderError::OutcomeUnknown(detail)) => {
            tracing::warn!(detail, %number, "a release was not answered; it will be tried again");
            Ok(Released::Unanswered)
        }
        Err(err) => {
            let reason = match err {
                ProviderError::Unavailable(detail) => {
                    tracing::warn!(detail, %number, "the provider could not be reached to release");
                    "the provider could not be reached".to_owned()
                }
                other => other.to_string(),
            };
            apply(
                services,
                slug,
                number,
                Step::ReleaseFailed(reason.clone()),
                SYSTEM_ACTOR,
            )
            .await?;
            Ok(Released::Failed(reason))
        }
    }
}
