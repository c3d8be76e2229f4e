//! Server functions of the Numbers page.

use crate::domain::NumbersPage;
use crate::error::AppError;
use leptos::prelude::*;

/// Loads the Numbers page of `project`.
#[server]
pub async fn load_numbers_page(project: String) -> Result<NumbersPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let overview = super::overview(&allowed.services, &allowed.slug).await?;
    Ok(NumbersPage::build(
        overview,
        crate::domain::phone_format::display,
        allowed.services.undo_window_secs,
        allowed.permission.can_edit(),
    ))
}
