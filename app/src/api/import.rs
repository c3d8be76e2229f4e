//! Server functions of the Numbers page's Import dialog: preview, then import.

use crate::domain::import::ImportReport;
use crate::error::AppError;
use leptos::prelude::*;

/// The import of `text` into `environment` of `project` an Edit member asks for.
#[cfg(feature = "ssr")]
async fn command(
    project: &str,
    environment: &str,
    text: String,
) -> Result<
    (
        crate::ports::Services,
        crate::usecases::import_numbers::ImportNumbers,
    ),
    AppError,
> {
    use crate::domain::{Environment, Need};
    use crate::error::OrInvalid;
    let allowed = super::require(project, Need::Edit).await?;
    let command = crate::usecases::import_numbers::ImportNumbers {
        project: allowed.slug,
        environment: Environment::parse(environment).or_invalid("environment")?,
        text,
        actor: allowed.actor,
    };
    Ok((allowed.services, command))
}

/// What importing `text` (a pasted list or a CSV file's text) into `environment` would do,
/// row by row; changes nothing.
#[server]
pub async fn preview_import(
    project: String,
    environment: String,
    text: String,
) -> Result<ImportReport, AppError> {
    let (services, command) = command(&project, &environment, text).await?;
    crate::usecases::import_numbers::preview_import(&services, &command).await
}

/// Imports `text` into `environment`: connects every row it can, each on its own.
#[server]
pub async fn import_numbers(
    project: String,
    environment: String,
    text: String,
) -> Result<ImportReport, AppError> {
    let (services, command) = command(&project, &environment, text).await?;
    crate::usecases::import_numbers::import_numbers(&services, command).await
}
