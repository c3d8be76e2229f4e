//! Server functions of the Numbers page.

use crate::domain::NumbersPage;
use crate::error::AppError;
use leptos::prelude::*;

/// Loads the Numbers page of `project`.
#[server]
pub async fn load_numbers_page(project: String) -> Result<NumbersPage, AppError> {
    use crate::domain::phone_format;

    let not_found = || AppError::ProjectNotFound(project.clone());
    let slug = super::project_slug(&project)?;
    let overview = super::services()?
        .projects
        .overview(&slug)
        .await
        .map_err(|err| {
            tracing::error!(%err, project = %project, "loading the numbers page failed");
            AppError::Unavailable
        })?
        .ok_or_else(not_found)?;
    Ok(NumbersPage::build(overview, phone_format::display))
}
