//! Connecting a customer's own Twilio number: verify ownership, record it, point it at us.

use super::delete_number::SYSTEM_ACTOR;
use crate::domain::{
    E164, Environment, IntegrationKind, Ownership, ProjectSlug, Step, VariantId, check_assignment,
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
        ProviderError::Unavailable(detail) | ProviderError::OutcomeUnknown(detail) => {
            tracing::warn!(detail, "Twilio could not be reached");
            AppError::Provider(
                "Twilio could not be reached. Nothing was changed; please try again.".into(),
            )
        }
        other => AppError::Provider(other.to_string()),
    }
}

/// What the person is told when Twilio did not answer a connection.
pub const CONNECTION_UNANSWERED: &str = "Twilio did not answer in time, so we are checking whether the number now sends its calls here. The page shows the answer.";

/// `e164` as the project's Twilio `account` has it, if it can be connected: the account owns
/// it and Twilio routes its calls by its voice URL (not a TwiML App or SIP trunk). Refusals
/// name the `phone_number` field; Twilio unreachable is a provider error.
pub(super) async fn connectable(
    services: &Services,
    account: &crate::ports::TwilioAccount,
    e164: &E164,
) -> Result<crate::ports::OwnedNumber, AppError> {
    let owned = services
        .twilio
        .find_owned(account, e164)
        .await
        .map_err(provider_error)?
        .ok_or_else(|| {
            AppError::invalid(
                "phone_number",
                format!("{e164} is not in this project's Twilio account. Check the number, or buy it in Twilio first."),
            )
        })?;
    if let Some(elsewhere) = &owned.routed_elsewhere {
        // Twilio ignores a number's voice URL while a TwiML App or SIP trunk is set on it.
        let what = if elsewhere.starts_with("TK") {
            "a SIP trunk"
        } else {
            "a TwiML App"
        };
        return Err(AppError::invalid(
            "phone_number",
            format!(
                "{e164} sends its calls to {what} ({elsewhere}) in Twilio, so it would ignore us. In Twilio's console, set its \"A call comes in\" to Webhook (or take it out of the trunk), then connect it again."
            ),
        ));
    }
    Ok(owned)
}

/// Connects the number to the command's environment; on any failure nothing is left behind,
/// and when Twilio does not answer the number waits, not in use, until the check says.
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
    let owned = connectable(services, &account, &e164).await?;
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
        if let ProviderError::OutcomeUnknown(detail) = &err {
            // Twilio may have applied it: the settle worker reads the number's voice URL.
            tracing::warn!(detail, %e164, "a connection was not answered; it will be checked");
            let now = services.clock.now();
            let window = services.settings.undo_window_secs;
            services
                .lifecycle
                .apply(
                    &number.project,
                    &e164,
                    Step::ConnectUnanswered,
                    now,
                    window,
                    SYSTEM_ACTOR,
                )
                .await?;
            return Err(AppError::OutcomeUnknown(CONNECTION_UNANSWERED.into()));
        }
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
