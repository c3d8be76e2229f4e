//! The API keys page: listing, creating and revoking a project's keys.

use crate::domain::ProjectSlug;
use crate::domain::api_keys::{ApiKeyName, ApiKeyScope, ApiKeysPage, NewApiKey};
use crate::error::AppError;
use crate::ports::Services;

/// A change to a project's keys by `actor` (a member with Edit).
#[derive(Clone, Debug)]
pub struct ApiKeyChange {
    /// The project.
    pub project: ProjectSlug,
    /// Who makes it.
    pub actor: String,
}

/// The API keys page of `project`, with changes offered when the member `can_edit`.
pub async fn api_keys_page(
    services: &Services,
    project: &ProjectSlug,
    can_edit: bool,
) -> Result<ApiKeysPage, AppError> {
    let overview = super::overview(services, project).await?;
    let keys = services.api_keys.keys(project).await?;
    Ok(ApiKeysPage {
        project_name: overview.project.name,
        can_edit,
        keys,
    })
}

/// Creates a key `name` with `scope`; returns it, the only time it is shown.
pub async fn create_api_key(
    services: &Services,
    change: ApiKeyChange,
    name: ApiKeyName,
    scope: ApiKeyScope,
) -> Result<NewApiKey, AppError> {
    Ok(services
        .api_keys
        .create_key(&change.project, &name, scope, &change.actor)
        .await?)
}

/// Revokes the key `id`: requests with it are refused from now on.
pub async fn revoke_api_key(
    services: &Services,
    change: ApiKeyChange,
    id: &str,
) -> Result<(), AppError> {
    Ok(services
        .api_keys
        .revoke_key(&change.project, id, &change.actor)
        .await?)
}
