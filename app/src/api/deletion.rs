//! Server functions for deleting numbers: delete, undo, retry a failed release.

use crate::domain::DeleteOutcome;
use crate::error::AppError;
use leptos::prelude::*;

/// The change to `e164` of `project` that an Edit member asks for.
#[cfg(feature = "ssr")]
async fn change(
    project: &str,
    e164: &str,
) -> Result<
    (
        crate::ports::Services,
        crate::usecases::delete_number::NumberChange,
    ),
    AppError,
> {
    use crate::usecases::delete_number::NumberChange;
    let allowed = super::require(project, crate::domain::Need::Edit).await?;
    let change = NumberChange {
        project: allowed.slug,
        number: super::number_of_project(e164)?,
        actor: allowed.actor,
    };
    Ok((allowed.services, change))
}

/// Deletes `e164` from `project`: a bought number is released after the undo window, a
/// connected one is disconnected now. Live numbers need their last four digits.
#[server]
pub async fn delete_number(
    project: String,
    e164: String,
    confirm_digits: String,
) -> Result<DeleteOutcome, AppError> {
    use crate::domain::phone_format::ascii_digits;
    use crate::usecases::delete_number::{LiveConfirmation, delete_number};
    let (services, change) = change(&project, &e164).await?;
    let confirmation = LiveConfirmation::TypedDigits(ascii_digits(&confirm_digits));
    delete_number(&services, change, &confirmation).await
}

/// Restores a deleted number of `project` while its undo window is open.
#[server]
pub async fn undo_delete(project: String, e164: String) -> Result<(), AppError> {
    let (services, change) = change(&project, &e164).await?;
    crate::usecases::delete_number::undo_delete(&services, change).await
}

/// Retries the failed release of a deleted number of `project`.
#[server]
pub async fn retry_release(project: String, e164: String) -> Result<(), AppError> {
    let (services, change) = change(&project, &e164).await?;
    crate::usecases::delete_number::retry_release(&services, change).await
}
