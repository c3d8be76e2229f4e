//! Changing the draft's variants, publishing, promoting, and assigning variants to numbers.

use crate::domain::{E164, Environment, ProjectSlug, VariantId, VariantName};
use crate::error::AppError;
use crate::ports::Services;

/// A change to a project's variants, by `actor`.
#[derive(Clone, Debug)]
pub struct VariantChange {
    /// The project.
    pub project: ProjectSlug,
    /// Who is changing it.
    pub actor: String,
}

/// Adds `name` at the end of the draft.
pub async fn create_variant(
    services: &Services,
    change: VariantChange,
    name: VariantName,
) -> Result<(), AppError> {
    services
        .variants
        .create_variant(&change.project, &name, &change.actor)
        .await?;
    Ok(())
}

/// Renames the draft variant `id` to `name`.
pub async fn rename_variant(
    services: &Services,
    change: VariantChange,
    id: VariantId,
    name: VariantName,
) -> Result<(), AppError> {
    Ok(services
        .variants
        .rename_variant(&change.project, id, &name, &change.actor)
        .await?)
}

/// Removes the variant `id` from the draft (numbers and published versions keep it).
pub async fn delete_variant(
    services: &Services,
    change: VariantChange,
    id: VariantId,
) -> Result<(), AppError> {
    Ok(services
        .variants
        .delete_variant(&change.project, id, &change.actor)
        .await?)
}

/// Publishes the draft to Sandbox.
pub async fn publish_draft(services: &Services, change: VariantChange) -> Result<(), AppError> {
    Ok(services
        .variants
        .publish_draft(&change.project, &change.actor)
        .await?)
}

/// Copies the previous environment's published version into `target`.
pub async fn promote(
    services: &Services,
    change: VariantChange,
    target: Environment,
) -> Result<(), AppError> {
    Ok(services
        .variants
        .promote(&change.project, target, &change.actor)
        .await?)
}

/// Assigns the variant `id` to `number` (published to its environment; active numbers only).
pub async fn assign_variant(
    services: &Services,
    change: VariantChange,
    number: E164,
    id: VariantId,
) -> Result<(), AppError> {
    Ok(services
        .variants
        .assign_variant(&change.project, &number, id, &change.actor)
        .await?)
}
