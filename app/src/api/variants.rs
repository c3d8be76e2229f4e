//! Server functions of the Variants page and of variant assignment.

use crate::domain::VariantsPage;
use crate::error::AppError;
use leptos::prelude::*;

/// Loads the Variants page of `project`.
#[server]
pub async fn load_variants_page(project: String) -> Result<VariantsPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let (services, slug) = (&allowed.services, &allowed.slug);
    let overview = super::overview(services, slug).await?;
    let history = services
        .variants
        .publish_history(slug)
        .await
        .map_err(|e| super::change_error(slug, e))?;
    Ok(VariantsPage::build(
        overview.project,
        &overview.draft_variants,
        &overview.publications,
        &overview.numbers,
        history,
        allowed.permission.can_edit(),
    ))
}

/// Adds a variant to the draft.
#[server]
pub async fn create_variant(project: String, name: String) -> Result<(), AppError> {
    use crate::domain::VariantName;
    let super::Allowed { services, slug, .. } =
        super::require(&project, crate::domain::Need::Edit).await?;
    let name = VariantName::parse(&name).map_err(|e| AppError::Rejected(e.to_string()))?;
    services
        .variants
        .create_variant(&slug, &name)
        .await
        .map(drop)
        .map_err(|e| super::change_error(&slug, e))
}

/// Renames a draft variant.
#[server]
pub async fn rename_variant(project: String, variant: i64, name: String) -> Result<(), AppError> {
    use crate::domain::{VariantId, VariantName};
    let super::Allowed { services, slug, .. } =
        super::require(&project, crate::domain::Need::Edit).await?;
    let name = VariantName::parse(&name).map_err(|e| AppError::Rejected(e.to_string()))?;
    services
        .variants
        .rename_variant(&slug, VariantId(variant), &name)
        .await
        .map_err(|e| super::change_error(&slug, e))
}

/// Removes a variant from the draft.
#[server]
pub async fn delete_variant(project: String, variant: i64) -> Result<(), AppError> {
    use crate::domain::VariantId;
    let super::Allowed { services, slug, .. } =
        super::require(&project, crate::domain::Need::Edit).await?;
    services
        .variants
        .delete_variant(&slug, VariantId(variant))
        .await
        .map_err(|e| super::change_error(&slug, e))
}

/// Publishes the draft to Sandbox.
#[server]
pub async fn publish_draft(project: String) -> Result<(), AppError> {
    let super::Allowed {
        services,
        slug,
        actor,
        ..
    } = super::require(&project, crate::domain::Need::Edit).await?;
    services
        .variants
        .publish_draft(&slug, &actor)
        .await
        .map_err(|e| super::change_error(&slug, e))
}

/// Promotes Sandbox to Pre-release (`to` = `pre-release`) or Pre-release to Live (`live`).
#[server]
pub async fn promote(project: String, to: String) -> Result<(), AppError> {
    use crate::domain::Environment;
    let super::Allowed {
        services,
        slug,
        actor,
        ..
    } = super::require(&project, crate::domain::Need::Edit).await?;
    let target = Environment::parse(&to).map_err(|e| AppError::Rejected(e.to_string()))?;
    services
        .variants
        .promote(&slug, target, &actor)
        .await
        .map_err(|e| super::change_error(&slug, e))
}

/// Assigns `variant` to the number `e164` of `project`.
#[server]
pub async fn assign_variant(project: String, e164: String, variant: i64) -> Result<(), AppError> {
    use crate::domain::{E164, VariantId};
    let super::Allowed {
        services,
        slug,
        actor,
        ..
    } = super::require(&project, crate::domain::Need::Edit).await?;
    let number = E164::parse(&e164).map_err(|_| AppError::NumberNotFound(e164.clone()))?;
    services
        .variants
        .assign_variant(&slug, &number, VariantId(variant), &actor)
        .await
        .map_err(|e| match super::change_error(&slug, e) {
            AppError::NumberNotFound(_) => AppError::NumberNotFound(e164.clone()),
            other => other,
        })
}
