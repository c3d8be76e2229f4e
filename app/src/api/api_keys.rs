//! Server functions of the API keys page. A new key travels once, in the answer to its
//! creation; nothing else ever sends one.

use crate::domain::api_keys::{ApiKeysPage, NewApiKey};
use crate::error::AppError;
use leptos::prelude::*;

/// The key change an Edit member of `project` asks for.
#[cfg(feature = "ssr")]
async fn change(
    project: &str,
) -> Result<
    (
        crate::ports::Services,
        crate::usecases::api_keys::ApiKeyChange,
    ),
    AppError,
> {
    let allowed = super::require(project, crate::domain::Need::Edit).await?;
    let change = crate::usecases::api_keys::ApiKeyChange {
        project: allowed.slug,
        actor: allowed.actor,
    };
    Ok((allowed.services, change))
}

/// Loads the API keys page of `project`.
#[server(output = leptos::server_fn::codec::Postcard)]
pub async fn load_api_keys_page(project: String) -> Result<ApiKeysPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let can_edit = allowed.permission.can_edit();
    crate::usecases::api_keys::api_keys_page(&allowed.services, &allowed.slug, can_edit).await
}

/// Creates an API key `name` for `project` with `access` (`read` or `read-write`); answers
/// the key, shown once.
#[server]
pub async fn create_api_key(
    project: String,
    name: String,
    access: String,
) -> Result<NewApiKey, AppError> {
    use crate::domain::api_keys::{ApiKeyName, ApiKeyScope};
    use crate::error::OrInvalid;
    let (services, change) = change(&project).await?;
    let name = ApiKeyName::parse(&name).or_invalid("name")?;
    let scope = ApiKeyScope::parse(&access)
        .ok_or_else(|| AppError::invalid("access", "Choose Read, or Read and write."))?;
    crate::usecases::api_keys::create_api_key(&services, change, name, scope).await
}

/// Revokes the API key `key_id` of `project`.
#[server]
pub async fn revoke_api_key(project: String, key_id: String) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    crate::usecases::api_keys::revoke_api_key(&services, change, &key_id).await
}
