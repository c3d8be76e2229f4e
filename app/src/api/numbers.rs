//! Server functions of the Numbers page.

use crate::domain::NumbersPage;
use crate::error::AppError;
use leptos::prelude::*;

/// Loads the Numbers page of `project`.
#[server]
pub async fn load_numbers_page(project: String) -> Result<NumbersPage, AppError> {
    let slug = super::project_slug(&project)?;
    let services = super::services()?;
    let overview = super::overview(&services, &slug).await?;
    Ok(NumbersPage::build(
        overview,
        crate::domain::phone_format::display,
        services.undo_window_secs,
    ))
}
