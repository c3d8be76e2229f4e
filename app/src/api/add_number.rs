//! Server functions of the Add number dialog.

use crate::error::AppError;
use leptos::prelude::*;

/// Buys a UK, US or Canadian number into `environment` of `project`; returns its E.164 form.
/// Retrying with the same `idempotency_key` returns the first result and buys nothing more.
#[server]
pub async fn buy_number(
    project: String,
    environment: String,
    country: String,
    area_code: String,
    variant: Option<i64>,
    idempotency_key: String,
) -> Result<String, AppError> {
    use crate::domain::idempotency::IdempotencyKey;
    use crate::domain::{AreaCode, Country, Environment, Need, VariantId, phone_format};
    use crate::error::OrInvalid;
    use crate::usecases::buy_number::{BuyNumber, buy_number};
    let allowed = super::require(&project, Need::Edit).await?;
    let environment = Environment::parse(&environment).or_invalid("environment")?;
    let country = Country::parse(&country).or_invalid("country")?;
    let command = BuyNumber {
        project: allowed.slug,
        environment,
        country,
        area_code: AreaCode::parse_for(country, &phone_format::ascii_digits(&area_code))
            .or_invalid("area_code")?,
        variant: variant.map(VariantId),
        key: IdempotencyKey::parse(&idempotency_key)
            .map_err(|_| AppError::Malformed("no valid idempotency key".into()))?,
        actor: allowed.actor,
    };
    Ok(buy_number(&allowed.services, command).await?.to_string())
}

/// Connects the customer's own Twilio number `phone_number` (any common typing) to
/// `environment` of `project`; returns its E.164 form.
#[server]
pub async fn connect_number(
    project: String,
    environment: String,
    phone_number: String,
    variant: Option<i64>,
) -> Result<String, AppError> {
    use crate::domain::{Environment, Need, VariantId, phone_format};
    use crate::error::OrInvalid;
    use crate::usecases::connect_number::{ConnectNumber, connect_number};
    let allowed = super::require(&project, Need::Edit).await?;
    let command = ConnectNumber {
        project: allowed.slug,
        environment: Environment::parse(&environment).or_invalid("environment")?,
        number: phone_format::normalise(&phone_number).or_invalid("phone_number")?,
        variant: variant.map(VariantId),
        actor: allowed.actor,
    };
    Ok(connect_number(&allowed.services, command)
        .await?
        .to_string())
}
