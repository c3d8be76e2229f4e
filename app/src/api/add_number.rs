//! Server functions of the Add number dialog.

use crate::error::AppError;
use leptos::prelude::*;

/// Buys a UK or US number into `environment` of `project`; returns its E.164 form.
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
    use crate::usecases::buy_number::{BuyForm, buy_number};
    let allowed = super::require(&project, crate::domain::Need::Edit).await?;
    let form = BuyForm {
        project,
        environment,
        country,
        area_code,
        variant,
        idempotency_key,
        actor: allowed.actor,
    };
    buy_number(&allowed.services, form)
        .await
        .map(|e164| e164.as_str().to_owned())
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
    use crate::usecases::connect_number::{ConnectForm, connect_number};
    let allowed = super::require(&project, crate::domain::Need::Edit).await?;
    let form = ConnectForm {
        project,
        environment,
        phone_number,
        variant,
        actor: allowed.actor,
    };
    connect_number(&allowed.services, form)
        .await
        .map(|e164| e164.as_str().to_owned())
}
