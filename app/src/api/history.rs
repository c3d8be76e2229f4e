//! Server functions reading the audit log.

use crate::domain::{HistoryEntry, HistoryPage};
use crate::error::AppError;
use leptos::prelude::*;

/// The history of the number `e164` in `project`, newest first.
#[server]
pub async fn number_history(project: String, e164: String) -> Result<Vec<HistoryEntry>, AppError> {
    let super::Allowed { services, slug, .. } =
        super::require(&project, crate::domain::Need::Read).await?;
    let number =
        crate::domain::E164::parse(&e164).map_err(|_| AppError::NumberNotFound(e164.clone()))?;
    services
        .history
        .number_history(&slug, &number)
        .await
        .map_err(|e| super::change_error(&slug, e))
}

/// Page `page` (from 1) of the history of every number in `project`, newest first.
#[server]
pub async fn project_history(project: String, page: u64) -> Result<HistoryPage, AppError> {
    use crate::domain::history::{HISTORY_PAGE_SIZE, page_count};
    let super::Allowed { services, slug, .. } =
        super::require(&project, crate::domain::Need::Read).await?;
    let overview = super::overview(&services, &slug).await?;
    let page = page.max(1);
    let (entries, total) = services
        .history
        .project_history(&slug, page, HISTORY_PAGE_SIZE)
        .await
        .map_err(|e| super::change_error(&slug, e))?;
    Ok(HistoryPage {
        project_name: overview.project.name,
        entries,
        page,
        pages: page_count(total),
    })
}
