//! Server functions of the Numbers page.

use crate::domain::NumbersPage;
use crate::error::AppError;
use leptos::prelude::*;

/// Loads the Numbers page of `project`.
#[server]
pub async fn load_numbers_page(project: String) -> Result<NumbersPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let can_edit = allowed.permission.can_edit();
    crate::usecases::pages::numbers_page(&allowed.services, &allowed.slug, can_edit).await
}
