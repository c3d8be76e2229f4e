//! Reading the audit log.

use crate::domain::history::{HISTORY_PAGE_SIZE, page_count};
use crate::domain::{E164, HistoryEntry, HistoryPage, ProjectSlug};
use crate::error::AppError;
use crate::ports::Services;

/// The history of `number` in `project`, newest first.
pub async fn number_history(
    services: &Services,
    project: &ProjectSlug,
    number: &E164,
) -> Result<Vec<HistoryEntry>, AppError> {
    Ok(services.history.number_history(project, number).await?)
}

/// Page `page` (from 1; past the end: the last) of the history of every number in `project`,
/// newest first.
pub async fn project_history(
    services: &Services,
    project: &ProjectSlug,
    page: u64,
) -> Result<HistoryPage, AppError> {
    let overview = super::overview(services, project).await?;
    let (entries, total) = services
        .history
        .project_history(project, page, HISTORY_PAGE_SIZE)
        .await?;
    let pages = page_count(total);
    Ok(HistoryPage {
        project_name: overview.project.name,
        entries,
        // A page past the end shows the last one (the store read that one).
        page: page.clamp(1, pages),
        pages,
    })
}
