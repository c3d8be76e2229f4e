//! Server functions of the Variants page and of variant assignment.

use crate::domain::VariantsPage;
use crate::error::AppError;
use leptos::prelude::*;

/// The variant change an Edit member of `project` asks for.
#[cfg(feature = "ssr")]
async fn change(
    project: &str,
) -> Result<
    (
        crate::ports::Services,
        crate::usecases::variants::VariantChange,
    ),
    AppError,
> {
    let allowed = super::require(project, crate::domain::Need::Edit).await?;
    let change = crate::usecases::variants::VariantChange {
        project: allowed.slug,
        actor: allowed.actor,
    };
    Ok((allowed.services, change))
}

/// A variant name as typed, checked.
#[cfg(feature = "ssr")]
fn variant_name(name: &str) -> Result<crate::domain::VariantName, AppError> {
    use crate::error::OrInvalid;
    crate::domain::VariantName::parse(name).or_invalid("name")
}

/// Loads the Variants page of `project`.
#[server(output = leptos::server_fn::codec::Postcard)]
pub async fn load_variants_page(project: String) -> Result<VariantsPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let can_edit = allowed.permission.can_edit();
    crate::usecases::pages::variants_page(&allowed.services, &allowed.slug, can_edit).await
}

/// Adds a variant to the draft.
#[server]
pub async fn create_variant(project: String, name: String) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    let name = variant_name(&name)?;
    crate::usecases::variants::create_variant(&services, change, name).await
}

/// Renames a draft variant.
#[server]
pub async fn rename_variant(project: String, variant: i64, name: String) -> Result<(), AppError> {
    use crate::domain::VariantId;
    let (services, change) = change(&project).await?;
    let name = variant_name(&name)?;
    crate::usecases::variants::rename_variant(&services, change, VariantId(variant), name).await
}

/// Removes a variant from the draft.
#[server]
pub async fn delete_variant(project: String, variant: i64) -> Result<(), AppError> {
    use crate::domain::VariantId;
    let (services, change) = change(&project).await?;
    crate::usecases::variants::delete_variant(&services, change, VariantId(variant)).await
}

/// Publishes the draft to Sandbox.
#[server]
pub async fn publish_draft(project: String) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    crate::usecases::variants::publish_draft(&services, change).await
}

/// Promotes Sandbox to Pre-release (`to` = `pre-release`) or Pre-release to Live (`live`).
#[server]
pub async fn promote(project: String, to: String) -> Result<(), AppError> {
    use crate::domain::Environment;
    use crate::error::OrInvalid;
    let (services, change) = change(&project).await?;
    let target = Environment::parse(&to).or_invalid("to")?;
    crate::usecases::variants::promote(&services, change, target).await
}

/// Assigns `variant` to the number `e164` of `project`.
#[server]
pub async fn assign_variant(project: String, e164: String, variant: i64) -> Result<(), AppError> {
    use crate::domain::VariantId;
    let (services, change) = change(&project).await?;
    let number = super::number_of_project(&e164)?;
    crate::usecases::variants::assign_variant(&services, change, number, VariantId(variant)).await
}
