//! Server functions of the Integrations page. Credentials arrive in the request body only, are
//! never sent back, and their secrets are [`SecretText`] (hidden from `Debug`).

use crate::domain::integrations_page::IntegrationsPage;
use crate::domain::twilio_credentials::SecretText;
use crate::error::AppError;
use leptos::prelude::*;

/// The integration change an Edit member of `project` asks for.
#[cfg(feature = "ssr")]
async fn change(
    project: &str,
) -> Result<
    (
        crate::ports::Services,
        crate::usecases::integrations::IntegrationChange,
    ),
    AppError,
> {
    let allowed = super::require(project, crate::domain::Need::Edit).await?;
    let change = crate::usecases::integrations::IntegrationChange {
        project: allowed.slug,
        actor: allowed.actor,
    };
    Ok((allowed.services, change))
}

/// The four fields of the Twilio form, checked ([`AppError::Invalid`] names the field).
#[cfg(feature = "ssr")]
fn credentials(
    account_sid: &str,
    auth_token: &str,
    api_key_sid: &str,
    api_key_secret: &str,
) -> Result<crate::domain::twilio_credentials::TwilioCredentials, AppError> {
    crate::domain::twilio_credentials::TwilioCredentials::parse(
        account_sid,
        auth_token,
        api_key_sid,
        api_key_secret,
    )
    .map_err(|errors| match errors.into_iter().next() {
        Some(first) => AppError::invalid(first.field, first.message),
        None => AppError::Malformed("credentials refused without a reason".into()),
    })
}

/// Loads the Integrations page of `project`.
#[server(output = leptos::server_fn::codec::Postcard)]
pub async fn load_integrations_page(project: String) -> Result<IntegrationsPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let can_edit = allowed.permission.can_edit();
    crate::usecases::integrations::integrations_page(&allowed.services, &allowed.slug, can_edit)
        .await
}

/// Connects a Twilio account to `project` once Twilio accepts the credentials.
#[server]
pub async fn connect_twilio(
    project: String,
    account_sid: String,
    auth_token: SecretText,
    api_key_sid: String,
    api_key_secret: SecretText,
) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    let credentials = credentials(&account_sid, &auth_token.0, &api_key_sid, &api_key_secret.0)?;
    crate::usecases::integrations::connect_twilio(&services, change, credentials).await
}

/// Replaces the Twilio credentials of `project` once Twilio accepts the new ones.
#[server]
pub async fn update_twilio_credentials(
    project: String,
    account_sid: String,
    auth_token: SecretText,
    api_key_sid: String,
    api_key_secret: SecretText,
) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    let credentials = credentials(&account_sid, &auth_token.0, &api_key_sid, &api_key_secret.0)?;
    crate::usecases::integrations::update_twilio(&services, change, credentials).await
}

/// Asks Twilio again with the stored credentials of `project` (Check connection).
#[server]
pub async fn check_twilio(project: String) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    crate::usecases::integrations::check_twilio(&services, change).await
}

/// Disconnects the Twilio account of `project` and every number it carries.
#[server]
pub async fn disconnect_twilio(project: String) -> Result<(), AppError> {
    let (services, change) = change(&project).await?;
    crate::usecases::integrations::disconnect_twilio(&services, change).await
}
