//! Connecting a customer's own Twilio number: verify ownership, record it, point it at us.

use crate::domain::{
    E164, Environment, IntegrationKind, Ownership, ProjectSlug, VariantId, check_assignment,
};
use crate::error::{AppError, OrInvalid};
use crate::ports::{ChangeError, NewNumber, ProviderError, Services};

/// A connection, as the server function parsed it.
#[derive(Clone, Debug)]
pub struct ConnectNumber {
    /// The project connecting it.
    pub project: ProjectSlug,
    /// Where the number will serve.
    pub environment: Environment,
    /// The customer's number.
    pub number: E164,
    /// The variant to assign, if any.
    pub variant: Option<VariantId>,
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

/// Connects the number to the command's environment; on any failure nothing is left behind.
pub async fn connect_number(services: &Services, command: ConnectNumber) -> Result<E164, AppError> {
    let ConnectNumber {
        project,
        environment,
        number: e164,
        variant,
        actor,
    } = command;
    let overview = super::overview(services, &project).await?;
    if let Some(id) = variant {
        check_assignment(&overview.publications, environment, id).or_invalid("variant")?;
    }
    let no_integration = || {
        AppError::Rejected("This project has no Twilio integration to connect numbers from.".into())
    };
    if !overview.integrations.contains(&IntegrationKind::Twilio) {
        return Err(no_integration());
    }
    let account = services
        .connections
        .twilio_account(&project)
        .await?
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
        project,
        e164: e164.clone(),
        environment,
        source: IntegrationKind::Twilio,
        ownership: Ownership::Connected,
        variant,
        created_by: actor,
    };
    match services
        .connections
        .insert_connected(&number, owned.voice_url.as_deref())
        .await
    {
        Ok(()) => {}
        Err(ChangeError::NumberTaken(_)) => {
            return Err(AppError::invalid(
                "phone_number",
                format!("{e164} is already connected to a project."),
            ));
        }
        Err(other) => return Err(other.into()),
    }
    if let Err(err) = services
        .twilio
        .set_voice_url(&account, &owned.sid, &services.settings.voice_webhook_url)
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
