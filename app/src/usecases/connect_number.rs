//! Connecting a customer's own Twilio number: verify ownership, record it, point it at us.

use crate::domain::{
    Environment, IntegrationKind, Ownership, VariantId, check_assignment, phone_format,
};
use crate::error::AppError;
use crate::ports::{ChangeError, NewNumber, ProviderError, Services};

/// What the Connect form sent, unvalidated.
#[derive(Clone, Debug)]
pub struct ConnectForm {
    /// Project slug.
    pub project: String,
    /// Environment slug.
    pub environment: String,
    /// The number as typed.
    pub phone_number: String,
    /// Chosen variant, if any.
    pub variant: Option<i64>,
    /// Who is connecting it.
    pub actor: String,
}

fn provider_error(err: ProviderError) -> AppError {
    match err {
        ProviderError::Unavailable(detail) => {
            tracing::warn!(detail, "Twilio could not be reached");
            AppError::Provider(
                "Twilio could not be reached. Nothing was changed; please try again.".into(),
            )
        }
        other => AppError::Provider(other.to_string()),
    }
}

/// Connects the number to `form.environment`; on any failure nothing is left behind.
pub async fn connect_number(
    services: &Services,
    form: ConnectForm,
) -> Result<crate::domain::E164, AppError> {
    let slug = crate::api::project_slug(&form.project)?;
    let environment =
        Environment::parse(&form.environment).map_err(|e| AppError::invalid("environment", e))?;
    let e164 = phone_format::normalise(&form.phone_number)
        .map_err(|message| AppError::invalid("phone_number", message))?;
    let overview = crate::api::overview(services, &slug).await?;
    let variant = form.variant.map(VariantId);
    if let Some(id) = variant {
        check_assignment(&overview.publications, environment, id)
            .map_err(|e| AppError::invalid("variant", e))?;
    }
    let no_integration = || {
        AppError::Rejected("This project has no Twilio integration to connect numbers from.".into())
    };
    if !overview.integrations.contains(&IntegrationKind::Twilio) {
        return Err(no_integration());
    }
    let account = services
        .connections
        .twilio_account(&slug)
        .await
        .map_err(|e| crate::api::change_error(&slug, e))?
        .ok_or_else(no_integration)?;
    let owned = services
        .twilio
        .find_owned(&account, &e164)
        .await
        .map_err(provider_error)?
        .ok_or_else(|| {
            AppError::invalid(
                "phone_number",
                format!("{e164} is not in this project's Twilio account. Check the number, or buy it in Twilio first."),
            )
        })?;
    let number = NewNumber {
        project: slug.clone(),
        e164: e164.clone(),
        environment,
        source: IntegrationKind::Twilio,
        ownership: Ownership::Connected,
        variant,
        created_by: form.actor,
    };
    match services
        .connections
        .insert_connected(&number, owned.voice_url.as_deref())
        .await
    {
        Ok(()) => {}
        Err(ChangeError::NumberTaken) => {
            return Err(AppError::invalid(
                "phone_number",
                format!("{e164} is already connected to a project."),
            ));
        }
        Err(other) => return Err(crate::api::change_error(&slug, other)),
    }
    if let Err(err) = services
        .twilio
        .set_voice_url(&account, &owned.sid, &services.voice_webhook_url)
        .await
    {
        if let Err(store) = services
            .connections
            .remove_number(&e164, &err.to_string())
            .await
        {
            tracing::error!(%store, %e164, "removing a half-connected number failed");
        }
        return Err(provider_error(err));
    }
    Ok(e164)
}
