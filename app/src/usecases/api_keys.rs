//! The API keys page: listing, creating and revoking a project's keys.

use crate::domain::api_keys::{ApiKeyName, ApiKeyScope, ApiKeysPage, NewApiKey, named, over_limit};
use crate::domain::{Need, ProjectSlug};
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

/// A REST API request that [`key_access`] let through.
#[derive(Clone, Debug)]
pub struct KeyAccess {
    /// The key's project (the one the request names).
    pub project: ProjectSlug,
    /// Who the histories say acted: `API key "{name}"`.
    pub actor: String,
}

/// Lets a REST API request for `project` through if `presented` (the bearer key, if any) is a
/// key of that project allowing `need`, within its rate limit. Refusals, in this order:
/// [`AppError::ApiKeyRequired`] (no key, or not one of ours), [`AppError::ProjectNotFound`]
/// (another project's key: the same answer as a project that does not exist),
/// [`AppError::RateLimited`], [`AppError::ApiKeyReadOnly`] (a Read key asking to change).
pub async fn key_access(
    services: &Services,
    presented: Option<&str>,
    project: &str,
    need: Need,
) -> Result<KeyAccess, AppError> {
    let presented = presented.ok_or(AppError::ApiKeyRequired)?;
    let now = services.clock.now();
    let holder = services
        .api_keys
        .key_holder(presented, now)
        .await?
        .ok_or(AppError::ApiKeyRequired)?;
    if holder.project.as_str() != project {
        return Err(AppError::ProjectNotFound(crate::domain::text::excerpt(
            project,
        )));
    }
    let limit = services.settings.api_requests_per_minute;
    if let Some(retry_after_secs) = over_limit(holder.requests_in_window, limit, now) {
        return Err(AppError::RateLimited {
            limit,
            retry_after_secs,
        });
    }
    if need == Need::Edit && holder.scope == ApiKeyScope::Read {
        return Err(AppError::ApiKeyReadOnly);
    }
    Ok(KeyAccess {
        project: holder.project,
        actor: named(&holder.name),
    })
}
