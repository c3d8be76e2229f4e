//! Buying a number: validate, record the attempt, buy, save. Safe to retry with the same key:
//! a key that bought a number answers with it, a key whose attempt bought nothing tries again,
//! and an attempt whose provider did not answer is checked before anything else happens.

use crate::domain::idempotency::{Decision, IdempotencyKey, RequestFingerprint};
use crate::domain::{
    AreaCode, Country, E164, Environment, IntegrationKind, Ownership, ProjectSlug, VariantId,
    check_assignment,
};
use crate::error::{AppError, OrInvalid};
use crate::ports::{
    BuyRequest, ChangeError, NewNumber, ProviderError, PurchaseIntent, Services, TwilioAccount,
};

/// Who sells the number: the built-in pool, or else the project's Twilio account.
enum Seller {
    Pool,
    Twilio(TwilioAccount),
}

/// A number one attempt took: for Twilio, with the identifier of exactly that purchase.
struct Taken {
    e164: E164,
    sid: Option<String>,
}

impl Seller {
    fn source(&self) -> IntegrationKind {
        match self {
            Self::Pool => IntegrationKind::BuiltInPool,
            Self::Twilio(_) => IntegrationKind::Twilio,
        }
    }

    /// Takes a number for the purchase `key`; a `retry` through Twilio first looks for one an
    /// earlier attempt bought after all (its answer landed after it was found missing).
    async fn take(
        &self,
        services: &Services,
        request: &BuyRequest,
        key: &str,
        retry: bool,
    ) -> Result<Taken, ProviderError> {
        match self {
            Self::Pool => Ok(Taken {
                e164: services.pool.buy(request, key).await?,
                sid: None,
            }),
            Self::Twilio(account) => {
                if retry {
                    let earlier = services.twilio.find_tagged(account, key).await?;
                    if let Some(found) = earlier.into_iter().min_by(|a, b| a.sid.cmp(&b.sid)) {
                        tracing::info!(e164 = %found.e164, key, "an earlier attempt of this purchase had bought a number");
                        return Ok(Taken {
                            e164: found.e164,
                            sid: Some(found.sid),
                        });
                    }
                }
                let voice_url = &services.settings.voice_webhook_url;
                let bought = services
                    .twilio
                    .buy(account, request, key, voice_url)
                    .await?;
                Ok(Taken {
                    e164: bought.e164,
                    sid: Some(bought.sid),
                })
            }
        }
    }

    /// Gives back exactly what this attempt took (never a number by its E.164 alone).
    async fn give_back(
        &self,
        services: &Services,
        taken: &Taken,
        key: &str,
    ) -> Result<(), ProviderError> {
        match (self, &taken.sid) {
            (Self::Pool, _) => services.pool.release(&taken.e164, key).await,
            (Self::Twilio(account), Some(sid)) => services.twilio.release_sid(account, sid).await,
            (Self::Twilio(_), None) => Ok(()),
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
    /// One key per request; retries of it reuse it.
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

/// What the person is told when Twilio did not answer a purchase.
pub const PURCHASE_UNANSWERED: &str = "Twilio did not answer in time, so we are checking whether the number was bought. The page shows the answer; trying again with the same request is safe.";

/// The error a failed purchase answers with: no stock is our answer as things stand, a
/// provider's refusal or failure is the provider's.
fn purchase_error(err: &ProviderError) -> AppError {
    match err {
        ProviderError::NoStock(_) | ProviderError::NoStockInArea(_) => {
            AppError::Rejected(err.to_string())
        }
        ProviderError::OutcomeUnknown(_) => AppError::OutcomeUnknown(PURCHASE_UNANSWERED.into()),
        ProviderError::Refused(_) | ProviderError::Unavailable(_) => {
            AppError::Provider(err.to_string())
        }
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
    let intent = PurchaseIntent {
        project: slug.clone(),
        key: key.to_owned(),
        fingerprint: command.fingerprint(),
        provider: seller.source(),
        environment: command.environment,
        variant: command.variant,
        actor: command.actor.clone(),
    };
    let retry = match services.purchases.start_purchase(&intent).await? {
        Decision::Proceed => false,
        Decision::Retry => true,
        Decision::Replay(e164) => {
            return E164::parse(&e164).map_err(|_| AppError::Unavailable);
        }
        Decision::InProgress => {
            return Err(AppError::Rejected(
                "This purchase is still being completed or checked; wait a moment and reload the page.".into(),
            ));
        }
        Decision::Conflict => {
            return Err(AppError::Rejected("This request was already used to buy a different number; reload the page and try again.".into()));
        }
    };

    let request = BuyRequest {
        country: command.country,
        area_code: command.area_code,
    };
    let taken = match seller.take(services, &request, key, retry).await {
        Ok(taken) => taken,
        Err(err @ ProviderError::OutcomeUnknown(_)) => {
            // Twilio may have bought it: the settle worker finds out by the number's label.
            tracing::warn!(%err, key, "a purchase was not answered; it will be checked");
            services.purchases.doubt_purchase(key).await?;
            return Err(purchase_error(&err));
        }
        Err(err) => {
            tracing::warn!(%err, key, "buying a number failed");
            let app_error = purchase_error(&err);
            if let Err(store) = services
                .purchases
                .fail_purchase(key, &app_error.to_string())
                .await
            {
                tracing::error!(%store, key, "recording a failed purchase failed");
            }
            return Err(app_error);
        }
    };
    let number = NewNumber {
        project: slug.clone(),
        e164: taken.e164.clone(),
        environment: command.environment,
        source: seller.source(),
        ownership: Ownership::Purchased,
        variant: command.variant,
        created_by: command.actor,
    };
    if let Err(err) = services.purchases.finish_purchase(key, &number).await {
        return Err(unsaved(services, &seller, &taken, key, err).await);
    }
    if let Err(err) = seller.confirm(services, &taken.e164, key).await {
        tracing::warn!(%err, e164 = %taken.e164, "confirming a bought number failed; the next start removes it from stock");
    }
    Ok(taken.e164)
}

/// After a purchase whose number could not be saved: gives back exactly what this attempt
/// took, unless the number is someone's already, and records how the attempt ended.
async fn unsaved(
    services: &Services,
    seller: &Seller,
    taken: &Taken,
    key: &str,
    err: ChangeError,
) -> AppError {
    let given_back = match &err {
        // In use here already (the pool offered stock someone has, or Twilio answered with
        // a number saved under another record): never ours to release.
        ChangeError::NumberTaken(_) => {
            tracing::error!(e164 = %taken.e164, key, "a bought number is saved already; not released");
            seller.confirm(services, &taken.e164, key).await
        }
        _ => seller.give_back(services, taken, key).await,
    };
    let app_error = AppError::from(err);
    let recorded = match given_back {
        Ok(()) => {
            services
                .purchases
                .fail_purchase(key, &app_error.to_string())
                .await
        }
        Err(release) => {
            // Still taken and labelled with the key: the settle worker saves or returns it.
            tracing::error!(%release, e164 = %taken.e164, key, "giving back after a failed save failed; the purchase will be checked");
            services.purchases.doubt_purchase(key).await
        }
    };
    if let Err(store) = recorded {
        tracing::error!(%store, key, "recording a purchase whose save failed failed");
    }
    app_error
}
