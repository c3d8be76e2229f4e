//! Server functions for deleting numbers: delete, undo, retry a failed release.

use crate::domain::DeleteOutcome;
use crate::error::AppError;
use leptos::prelude::*;

/// Deletes `e164` from `project`: a bought number is released after the undo window, a
/// connected one is disconnected now. Live numbers need their last four digits.
#[server]
pub async fn delete_number(
    project: String,
    e164: String,
    confirm_digits: String,
) -> Result<DeleteOutcome, AppError> {
    use crate::usecases::delete_number::{delete_number, now};
    let allowed = super::require(&project, crate::domain::Need::Edit).await?;
    delete_number(
        &allowed.services,
        &project,
        &e164,
        &confirm_digits,
        &allowed.actor,
        now(),
    )
    .await
}

/// Restores a deleted number of `project` while its undo window is open.
#[server]
pub async fn undo_delete(project: String, e164: String) -> Result<(), AppError> {
    use crate::usecases::delete_number::{now, undo_delete};
    let allowed = super::require(&project, crate::domain::Need::Edit).await?;
    undo_delete(&allowed.services, &project, &e164, &allowed.actor, now()).await
}

/// Retries the failed release of a deleted number of `project`.
#[server]
pub async fn retry_release(project: String, e164: String) -> Result<(), AppError> {
    use crate::usecases::delete_number::{now, retry_release};
    let allowed = super::require(&project, crate::domain::Need::Edit).await?;
    retry_release(&allowed.services, &project, &e164, &allowed.actor, now()).await
}
