//! What the Numbers and Variants pages show.

use crate::domain::{NumbersPage, ProjectSlug, VariantsPage, phone_format};
use crate::error::AppError;
use crate::ports::Services;

/// The Numbers page of `project`, with changes offered when the member `can_edit`.
pub async fn numbers_page(
    services: &Services,
    project: &ProjectSlug,
    can_edit: bool,
) -> Result<NumbersPage, AppError> {
    let overview = super::overview(services, project).await?;
    let since = services.clock.now() - super::settle::SETTLED_NOTICE_SECS;
    let checked = services.purchases.checked_purchases(project, since).await?;
    Ok(NumbersPage::build(
        overview,
        &checked,
        phone_format::display,
        services.settings.undo_window_secs,
        can_edit,
    ))
}

/// The Variants page of `project`, with changes offered when the member `can_edit`.
pub async fn variants_page(
    services: &Services,
    project: &ProjectSlug,
    can_edit: bool,
) -> Result<VariantsPage, AppError> {
    let overview = super::overview(services, project).await?;
    let history = services.variants.publish_history(project).await?;
    Ok(VariantsPage::build(
        overview.project,
        &overview.draft_variants,
        &overview.publications,
        &overview.numbers,
        history,
        can_edit,
    ))
}
