//! Buying a number: validate, record the attempt, buy, save; safe to retry with the same key.

use crate::domain::idempotency::{Attempt, Decision, RequestFingerprint};
use crate::domain::{
    AreaCode, Country, E164, Environment, IntegrationKind, Ownership, VariantId, check_assignment,
};
use crate::error::AppError;
use crate::ports::{BuyRequest, ChangeError, NewNumber, ProviderError, Services, TwilioAccount};

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
                    .buy(account, request, key, &services.voice_webhook_url)
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

/// What the Add number dialog sent, unvalidated.
#[derive(Clone, Debug)]
pub struct BuyForm {
    /// Project slug.
    pub project: String,
    /// Environment slug.
    pub environment: String,
    /// `UK` or `US`.
    pub country: String,
    /// Area code as typed (US only; empty for any).
    pub area_code: String,
    /// Chosen variant, if any.
    pub variant: Option<i64>,
    /// One key per attempt; retries reuse it.
    pub idempotency_key: String,
    /// Who is buying.
    pub actor: String,
}

/// Checks an idempotency key's form: 8 to 100 letters, digits, `-` or `_`.
fn check_key(key: &str) -> Result<(), AppError> {
    let ok = (8..=100).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(AppError::Rejected(
            "The request has no valid idempotency key; reload the page and try again.".into(),
        ))
    }
}

/// Buys a number into the form's environment (from the built-in pool, or else through the
/// project's Twilio account); returns it.
pub async fn buy_number(services: &Services, form: BuyForm) -> Result<E164, AppError> {
    let slug = crate::api::project_slug(&form.project)?;
    let environment =
        Environment::parse(&form.environment).map_err(|e| AppError::invalid("environment", e))?;
    let country = Country::parse(&form.country).map_err(|e| AppError::invalid("country", e))?;
    let area_code = match country {
        Country::Us => AreaCode::parse_optional(&form.area_code)
            .map_err(|e| AppError::invalid("area_code", e))?,
        Country::Uk if form.area_code.trim().is_empty() => None,
        Country::Uk => {
            return Err(AppError::invalid(
                "area_code",
                "Area codes can only be chosen for US numbers.",
            ));
        }
    };
    check_key(&form.idempotency_key)?;
    let overview = crate::api::overview(services, &slug).await?;
    let seller = if overview
        .integrations
        .contains(&IntegrationKind::BuiltInPool)
    {
        Seller::Pool
    } else if overview.integrations.contains(&IntegrationKind::Twilio) {
        let account = services
            .connections
            .twilio_account(&slug)
            .await
            .map_err(|e| crate::api::change_error(&slug, e))?
            .ok_or(AppError::Unavailable)?;
        Seller::Twilio(account)
    } else {
        return Err(AppError::Rejected(
            "This project has no telephony integration to buy numbers through.".into(),
        ));
    };
    let variant = form.variant.map(VariantId);
    if let Some(id) = variant {
        check_assignment(&overview.publications, environment, id)
            .map_err(|e| AppError::invalid("variant", e))?;
    }

    let fingerprint = RequestFingerprint(format!(
        "buy|{}|{}|{}|{}",
        environment.slug(),
        country.code(),
        area_code.map(|a| a.to_string()).unwrap_or_default(),
        variant.map(|v| v.0.to_string()).unwrap_or_default()
    ));
    let key = form.idempotency_key.as_str();
    let fail = |err| crate::api::change_error(&slug, err);
    match services
        .purchases
        .start_purchase(&slug, key, &fingerprint, seller.source())
        .await
        .map_err(fail)?
    {
        Decision::Proceed => {}
        Decision::Replay(Attempt::Succeeded(e164)) => {
            return E164::parse(&e164).map_err(|_| AppError::Unavailable);
        }
        Decision::Replay(Attempt::Failed(message)) => return Err(AppError::Provider(message)),
        Decision::Replay(Attempt::Pending) | Decision::InProgress => {
            return Err(AppError::Rejected(
                "This purchase is still being completed; wait a moment and reload the page.".into(),
            ));
        }
        Decision::Conflict => {
            return Err(AppError::Rejected("This request was already used to buy a different number; reload the page and try again.".into()));
        }
    }

    let request = BuyRequest { country, area_code };
    let e164 = match seller.take(services, &request, key).await {
        Ok(e164) => e164,
        Err(err) => {
            let message = err.to_string();
            tracing::warn!(%err, key, "buying a number failed");
            if let Err(store) = services.purchases.fail_purchase(key, &message).await {
                tracing::error!(%store, key, "recording a failed purchase failed");
            }
            return Err(AppError::Provider(message));
        }
    };
    let number = NewNumber {
        project: slug.clone(),
        e164: e164.clone(),
        environment,
        source: seller.source(),
        ownership: Ownership::Purchased,
        variant,
        created_by: form.actor,
    };
    if let Err(err) = services.purchases.finish_purchase(key, &number).await {
        // Give the number back so nothing is paid for but unknown.
        if let Err(release) = seller.give_back(services, &e164, key).await {
            tracing::error!(%release, %e164, key, "releasing after a failed save failed; reconciliation will retry");
        }
        let app_error = match err {
            ChangeError::NumberTaken => AppError::Rejected(format!("{e164} is already in use.")),
            other => fail(other),
        };
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
