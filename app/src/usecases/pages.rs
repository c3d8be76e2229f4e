//! What the Numbers and Variants pages show.

use crate::domain::numbers_page::Listed;
use crate::domain::{
    DigitsMatch, NumbersPage, NumbersView, ProjectSlug, VariantsPage, phone_format,
};
use crate::error::AppError;
use crate::ports::Services;

/// How many of a variant's numbers the Variants page names (the rest are counted).
const NUMBERS_NAMED_PER_VARIANT: u64 = 5;

/// The Numbers page of `project` as `view` shows it (one page per section), with changes
/// offered when the member `can_edit`.
pub async fn numbers_page(
    services: &Services,
    project: &ProjectSlug,
    view: &NumbersView,
    can_edit: bool,
) -> Result<NumbersPage, AppError> {
    let overview = super::overview(services, project).await?;
    let draft: Vec<_> = overview.draft_variants.iter().map(|v| v.id).collect();
    let view = &view.with_known_variants(&draft);
    let search = DigitsMatch::parse(&view.search, phone_format::decimal_digit);
    let listing = services
        .projects
        .list_numbers(project, view, search.as_ref())
        .await?
        .ok_or_else(|| AppError::ProjectNotFound(project.as_str().into()))?;
    let since = services.clock.now() - super::settle::SETTLED_NOTICE_SECS;
    let checked = services.purchases.checked_purchases(project, since).await?;
    Ok(NumbersPage::build(
        overview,
        Listed {
            listing,
            view,
            checked: &checked,
        },
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
    let numbers = services
        .projects
        .numbers_by_variant(project, NUMBERS_NAMED_PER_VARIANT)
        .await?;
    Ok(VariantsPage::build(
        overview.project,
        &overview.draft_variants,
        &overview.publications,
        &numbers,
        history,
        can_edit,
    ))
}
