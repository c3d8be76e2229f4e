//! Server functions reading the audit log.

use crate::domain::{HistoryEntry, HistoryPage};
use crate::error::AppError;
use leptos::prelude::*;

/// The history of the number `e164` in `project`, newest first.
#[server]
pub async fn number_history(project: String, e164: String) -> Result<Vec<HistoryEntry>, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let number = super::number_of_project(&e164)?;
    crate::usecases::history::number_history(&allowed.services, &allowed.slug, &number).await
}

/// Page `page` (from 1) of the history of every number in `project`, newest first.
#[server(output = leptos::server_fn::codec::Postcard)]
pub async fn project_history(project: String, page: u64) -> Result<HistoryPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    crate::usecases::history::project_history(&allowed.services, &allowed.slug, page).await
}
