//! Buying a number: validate, record the attempt, buy, save; safe to retry with the same key.

use crate::domain::idempotency::{Attempt, Decision, IdempotencyKey, RequestFingerprint};
use crate::domain::{
    AreaCode, Country, E164, Environment, IntegrationKind, Ownership, ProjectSlug, VariantId,
    check_assignment,
};
use crate::error::{AppError, OrInvalid};
use crate::ports::{BuyRequest, NewNumber, ProviderError, Services, TwilioAccount};

/// Who sells the number: the built-in pool, or else the project's Twilio account.
enum Seller {
    Pool,
    Twilio(TwilioAccount),
}

impl Seller {
    fn source(&self) -> IntegrationKind {
        match self {
            Self::Pool => IntegrationKind::BuiltInPool,
            Self::Twilio(_) => IntegrationKind::Twilio,
        }
    }

    async fn take(
        &self,
        services: &Services,
        request: &BuyRequest,
        key: &str,
    ) -> Result<E164, ProviderError> {
        match self {
            Self::Pool => services.pool.buy(request, key).await,
            Self::Twilio(account) => {
                services
                    .twilio
                    .buy(account, request, key, &services.settings.voice_webhook_url)
                    .await
            }
        }
    }

    async fn give_back(
        &self,
        services: &Services,
        number: &E164,
        key: &str,
    ) -> Result<(), ProviderError> {
        match self {
            Self::Pool => services.pool.release(number, key).await,
            Self::Twilio(account) => services.twilio.release(account, number).await,
        }
    }

    async fn confirm(
        &self,
        services: &Services,
        number: &E164,
        key: &str,
    ) -> Result<(), ProviderError> {
        match self {
            Self::Pool => services.pool.confirm(number, key).await,
            Self::Twilio(_) => Ok(()),
        }
    }
}

/// A purchase, as the server function parsed it.
#[derive(Clone, Debug)]
pub struct BuyNumber {
    /// The project buying.
    pub project: ProjectSlug,
    /// Where the number will serve.
    pub environment: Environment,
    /// Where the number is from.
    pub country: Country,
    /// For US numbers, the area code asked for (`None`: any).
    pub area_code: Option<AreaCode>,
    /// The variant to assign, if any.
    pub variant: Option<VariantId>,
    /// One key per attempt; retries reuse it.
    pub key: IdempotencyKey,
    /// Who is buying.
    pub actor: String,
}

impl BuyNumber {
    /// What the request asked for, compared across retries with the same key.
    fn fingerprint(&self) -> RequestFingerprint {
        RequestFingerprint(format!(
            "buy|{}|{}|{}|{}",
            self.environment.slug(),
            self.country.code(),
            self.area_code.map(|a| a.to_string()).unwrap_or_default(),
            self.variant.map(|v| v.0.to_string()).unwrap_or_default()
        ))
    }
}

/// Buys a number into the command's environment (from the built-in pool, or else through the
/// project's Twilio account); returns it.
pub async fn buy_number(services: &Services, command: BuyNumber) -> Result<E164, AppError> {
    let slug = &command.project;
    let overview = super::overview(services, slug).await?;
    let seller = if overview
        .integrations
        .contains(&IntegrationKind::BuiltInPool)
    {
        Seller::Pool
    } else if overview.integrations.contains(&IntegrationKind::Twilio) {
        let account = services
            .connections
            .twilio_account(slug)
            .await?
            .ok_or(AppError::Unavailable)?;
        Seller::Twilio(account)
    } else {
        return Err(AppError::Rejected(
            "This project has no telephony integration to buy numbers through.".into(),
        ));
    };
    if let Some(id) = command.variant {
        check_assignment(&overview.publications, command.environment, id).or_invalid("variant")?;
    }

    let key = command.key.as_str();
    match services
        .purchases
        .start_purchase(slug, key, &command.fingerprint(), seller.source())
        .await?
    {
        Decision::Proceed => {}
        Decision::Replay(Attempt::Succeeded(e164)) => {
            return E164::parse(&e164).map_err(|_| AppError::Unavailable);
        }
        // The attempt under this key already failed: say so again (a new attempt needs a new key).
        Decision::Replay(Attempt::Failed(message)) => return Err(AppError::Rejected(message)),
        Decision::Replay(Attempt::Pending) | Decision::InProgress => {
            return Err(AppError::Rejected(
                "This purchase is still being completed; wait a moment and reload the page.".into(),
            ));
        }
        Decision::Conflict => {
            return Err(AppError::Rejected("This request was already used to buy a different number; reload the page and try again.".into()));
        }
    }

    let (country, area_code) = (command.country, command.area_code);
    let request = BuyRequest { country, area_code };
    let e164 = match seller.take(services, &request, key).await {
        Ok(e164) => e164,
        Err(err) => {
            let message = err.to_string();
            tracing::warn!(%err, key, "buying a number failed");
            if let Err(store) = services.purchases.fail_purchase(key, &message).await {
                tracing::error!(%store, key, "recording a failed purchase failed");
            }
            return Err(match err {
                // Our answer as things stand, not a failure of the provider.
                ProviderError::NoStock(_) | ProviderError::NoStockInArea(_) => {
                    AppError::Rejected(message)
                }
                ProviderError::Refused(_) | ProviderError::Unavailable(_) => {
                    AppError::Provider(message)
                }
            });
        }
    };
    let number = NewNumber {
        project: slug.clone(),
        e164: e164.clone(),
        environment: command.environment,
        source: seller.source(),
        ownership: Ownership::Purchased,
        variant: command.variant,
        created_by: command.actor,
    };
    if let Err(err) = services.purchases.finish_purchase(key, &number).await {
        // Give the number back so nothing is paid for but unknown.
        if let Err(release) = seller.give_back(services, &e164, key).await {
            tracing::error!(%release, %e164, key, "releasing after a failed save failed; reconciliation will retry");
        }
        let app_error = AppError::from(err);
        let _ = services
            .purchases
            .fail_purchase(key, &app_error.to_string())
            .await;
        return Err(app_error);
    }
    if let Err(err) = seller.confirm(services, &e164, key).await {
        tracing::warn!(%err, %e164, "confirming a bought number failed; reconciliation will finish it");
    }
    Ok(e164)
}
