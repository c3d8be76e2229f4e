//! `/api/v1/projects/{project}/phone-numbers`: list, get, buy or connect, update, delete and
//! undo, each through the use case the Numbers page calls.

use super::idempotency::{IdempotencyHeader, MAX_KEY_CHARS, client_key, scoped};
use super::problem::Problem;
use super::request::{
    JsonBody, NumberPath, ProjectPath, bearer, path_number, query, typed, unplussed,
};
use super::schema::{
    AddPhoneNumber, BuyPhoneNumber, ConfirmLive, ConnectPhoneNumber, DeleteResult,
    DeletedPhoneNumber, EnvironmentName, PhoneNumber, PhoneNumberList, SourceName, StateFilterName,
    UpdatePhoneNumber, variant_choice,
};
use app::domain::idempotency::IdempotencyKey;
use app::domain::numbers_view::{MAX_LIST_LIMIT, NumbersQuery};
use app::domain::{
    AreaCode, Country, DeleteOutcome, E164, Environment, IntegrationKind, Need, NumbersView,
    StateFilter, VariantFilter, VariantId, phone_format,
};
use app::error::{AppError, OrInvalid};
use app::ports::Services;
use app::usecases::api_keys::{KeyAccess, key_access};
use app::usecases::delete_number::{LiveConfirmation, NumberChange};
use app::usecases::numbers::chosen_variant;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use utoipa::IntoParams;

/// Lets the request through for `project` if its bearer key allows `need`.
pub async fn access(
    services: &Services,
    headers: &HeaderMap,
    project: &str,
    need: Need,
) -> Result<KeyAccess, Problem> {
    Ok(key_access(services, bearer(headers), project, need).await?)
}

/// Lets the request through for the number its path names if its bearer key allows `need`
/// on the project: who acts, and the number.
async fn number_access(
    services: &Services,
    headers: &HeaderMap,
    path: NumberPath,
    need: Need,
) -> Result<(KeyAccess, E164), Problem> {
    let access = access(services, headers, &path.project, need).await?;
    Ok((access, path_number(&path.phone_number)?))
}

/// The list's query parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only this environment's numbers.
    #[param(value_type = Option<EnvironmentName>)]
    env: Option<String>,
    /// Only numbers from this source.
    #[param(value_type = Option<SourceName>)]
    source: Option<String>,
    /// Only numbers with this variant (its id), or `none` for numbers without one.
    #[param(pattern = "^(none|[0-9]{1,19})$")]
    variant: Option<String>,
    /// Numbers whose digits match, typed in any common form (`+44 20 7946`, `7946`).
    q: Option<String>,
    /// Numbers in this state (default `active`; `pending-release` also lists `releasing`).
    #[param(value_type = Option<StateFilterName>)]
    state: Option<String>,
    /// The `next_cursor` of the previous page (URL-encoded: `+` as `%2B`).
    cursor: Option<String>,
    /// Numbers per page, 1 to 200 (default 50).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 200)]
    limit: Option<String>,
}

impl ListParams {
    /// The query the use case takes; a bad value is an invalid field named as sent.
    fn query(self) -> Result<NumbersQuery, AppError> {
        let mut filters = NumbersView::default();
        let environment = self
            .env
            .as_deref()
            .map(|e| Environment::parse(e).or_invalid("env"))
            .transpose()?;
        if let Some(source) = self.source.as_deref() {
            filters.source = Some(match source {
                "polyai" => IntegrationKind::BuiltInPool,
                "twilio" => IntegrationKind::Twilio,
                _ => return Err(AppError::invalid("source", "source is polyai or twilio.")),
            });
        }
        if let Some(variant) = self.variant.as_deref() {
            filters.variant = match variant {
                "none" => VariantFilter::Unassigned,
                id => VariantFilter::Assigned(VariantId(
                    id.parse()
                        .ok()
                        .filter(|_| id.bytes().all(|b| b.is_ascii_digit()))
                        .ok_or_else(|| {
                            AppError::invalid("variant", "variant is a variant id or none.")
                        })?,
                )),
            };
        }
        if let Some(q) = self.q {
            filters.search = q
                .trim()
                .chars()
                .take(app::domain::numbers_view::MAX_SEARCH_CHARS)
                .collect();
        }
        if let Some(state) = self.state.as_deref() {
            filters.state = match state {
                "active" => StateFilter::Active,
                "pending-release" => StateFilter::BeingDeleted,
                "release-failed" => StateFilter::ReleaseFailed,
                _ => {
                    return Err(AppError::invalid(
                        "state",
                        "state is active, pending-release or release-failed.",
                    ));
                }
            };
        }
        let after = self
            .cursor
            .as_deref()
            .map(|c| {
                E164::parse(&unplussed(c)).map_err(|_| {
                    AppError::invalid("cursor", "cursor is the next_cursor of a previous page.")
                })
            })
            .transpose()?;
        let limit = match self.limit.as_deref() {
            None => app::domain::PAGE_SIZE,
            Some(limit) => limit
                .parse::<u64>()
                .ok()
                .filter(|l| (1..=MAX_LIST_LIMIT).contains(l))
                .ok_or_else(|| {
                    AppError::invalid("limit", "limit is a whole number from 1 to 200.")
                })?,
        };
        Ok(NumbersQuery {
            environment,
            filters,
            after,
            limit,
        })
    }
}

/// List the project's numbers.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{project}/phone-numbers",
    operation_id = "listPhoneNumbers",
    tag = "phone-numbers",
    params(ProjectPath, ListParams),
    responses((status = 200, description = "One page of numbers, in E.164 order.", body = PhoneNumberList)),
)]
pub async fn list(
    State(services): State<Services>,
    Path(ProjectPath { project }): Path<ProjectPath>,
    headers: HeaderMap,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<PhoneNumberList>, Problem> {
    let access = access(&services, &headers, &project, Need::Read).await?;
    let params = query(params)?;
    let chunk =
        app::usecases::numbers::list_numbers(&services, &access.project, &params.query()?).await?;
    Ok(Json(PhoneNumberList {
        phone_numbers: chunk.numbers.into_iter().map(Into::into).collect(),
        next_cursor: chunk.next.map(|n| n.to_string()),
    }))
}

/// Get one number.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{project}/phone-numbers/{phone_number}",
    operation_id = "getPhoneNumber",
    tag = "phone-numbers",
    params(NumberPath),
    responses((status = 200, description = "The number, in whatever state it is.", body = PhoneNumber)),
)]
pub async fn get_one(
    State(services): State<Services>,
    Path(path): Path<NumberPath>,
    headers: HeaderMap,
) -> Result<Json<PhoneNumber>, Problem> {
    let (access, number) = number_access(&services, &headers, path, Need::Read).await?;
    let record = app::usecases::numbers::number(&services, &access.project, &number).await?;
    Ok(Json(record.into()))
}

/// Buys or connects the number `body` asks for (`prefix` names its fields in a batch); a
/// purchase uses `key` as its idempotency key.
pub async fn add_one(
    services: &Services,
    access: &KeyAccess,
    body: serde_json::Value,
    key: IdempotencyKey,
    prefix: &str,
) -> Result<PhoneNumber, Problem> {
    let connecting = body.get("phone_number").is_some();
    let number = if connecting {
        let connect: ConnectPhoneNumber = typed(body, prefix)?;
        connect_one(services, access, connect).await
    } else {
        let buy: BuyPhoneNumber = typed(body, prefix)?;
        buy_one(services, access, buy, key).await
    };
    let number = number.map_err(|e| in_batch(e, prefix))?;
    Ok(
        app::usecases::numbers::number(services, &access.project, &number)
            .await?
            .into(),
    )
}

/// `error` with its field named under `prefix` (a batch row's `phone_numbers[3]`).
fn in_batch(error: AppError, prefix: &str) -> Problem {
    match error {
        AppError::Invalid { field, message } if !prefix.is_empty() => AppError::Invalid {
            field: format!("{prefix}.{field}"),
            message,
        }
        .into(),
        other => other.into(),
    }
}

async fn variant_of(
    services: &Services,
    access: &KeyAccess,
    environment: Environment,
    selector: Option<serde_json::Value>,
) -> Result<Option<VariantId>, AppError> {
    match selector.filter(|v| !v.is_null()) {
        None => Ok(None),
        Some(selector) => chosen_variant(
            services,
            &access.project,
            environment,
            variant_choice(selector)?,
        )
        .await
        .map(Some),
    }
}

async fn buy_one(
    services: &Services,
    access: &KeyAccess,
    buy: BuyPhoneNumber,
    key: IdempotencyKey,
) -> Result<E164, AppError> {
    use app::usecases::buy_number::{BuyNumber, buy_number};
    let environment: Environment = buy.environment.into();
    let country: Country = buy.country.into();
    let typed_area = phone_format::ascii_digits(buy.area_code.as_deref().unwrap_or_default());
    let command = BuyNumber {
        project: access.project.clone(),
        environment,
        country,
        area_code: AreaCode::parse_for(country, &typed_area).or_invalid("area_code")?,
        variant: variant_of(services, access, environment, buy.variant).await?,
        key,
        actor: access.actor.clone(),
    };
    buy_number(services, command).await
}

async fn connect_one(
    services: &Services,
    access: &KeyAccess,
    connect: ConnectPhoneNumber,
) -> Result<E164, AppError> {
    use app::usecases::connect_number::{ConnectNumber, connect_number};
    let environment: Environment = connect.environment.into();
    let command = ConnectNumber {
        project: access.project.clone(),
        environment,
        number: phone_format::normalise(&connect.phone_number).or_invalid("phone_number")?,
        variant: variant_of(services, access, environment, connect.variant).await?,
        actor: access.actor.clone(),
    };
    connect_number(services, command).await
}

/// Buy a number (with `country`) or connect a Twilio number (with `phone_number`).
///
/// Buying takes the number from the built-in pool, or through the project's Twilio account
/// when it has no pool. Retrying with the same `Idempotency-Key` returns the first result and
/// buys nothing more; the same key with another request is refused (409).
#[utoipa::path(
    post,
    path = "/api/v1/projects/{project}/phone-numbers",
    operation_id = "addPhoneNumber",
    tag = "phone-numbers",
    params(ProjectPath, IdempotencyHeader),
    request_body(content = AddPhoneNumber, description = "What to buy or connect."),
    responses((
        status = 201,
        description = "Bought or connected.",
        body = PhoneNumber,
        headers(("Location" = String, description = "The number's address in this API.")),
    )),
)]
pub async fn add(
    State(services): State<Services>,
    Path(ProjectPath { project }): Path<ProjectPath>,
    headers: HeaderMap,
    body: Result<JsonBody, Problem>,
) -> Result<impl IntoResponse, Problem> {
    let access = access(&services, &headers, &project, Need::Edit).await?;
    let JsonBody(body) = body?;
    let key = scoped(&access.project, &client_key(&headers, MAX_KEY_CHARS)?)?;
    let number = add_one(&services, &access, body, key, "").await?;
    let location = format!(
        "/api/v1/projects/{}/phone-numbers/{}",
        access.project.as_str(),
        number.phone_number.replace('+', "%2B")
    );
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(number),
    ))
}

/// Assign another variant to a number.
#[utoipa::path(
    patch,
    path = "/api/v1/projects/{project}/phone-numbers/{phone_number}",
    operation_id = "updatePhoneNumber",
    tag = "phone-numbers",
    params(NumberPath),
    request_body(content = UpdatePhoneNumber),
    responses((status = 200, description = "The number as it is now.", body = PhoneNumber)),
)]
pub async fn update(
    State(services): State<Services>,
    Path(path): Path<NumberPath>,
    headers: HeaderMap,
    body: Result<JsonBody, Problem>,
) -> Result<Json<PhoneNumber>, Problem> {
    use app::usecases::variants::{VariantChange, assign_variant};
    let (access, number) = number_access(&services, &headers, path, Need::Edit).await?;
    let JsonBody(body) = body?;
    let update: UpdatePhoneNumber = typed(body, "")?;
    let record = app::usecases::numbers::number(&services, &access.project, &number).await?;
    let variant = chosen_variant(
        &services,
        &access.project,
        record.environment,
        variant_choice(update.variant)?,
    )
    .await?;
    let change = VariantChange {
        project: access.project.clone(),
        actor: access.actor.clone(),
    };
    assign_variant(&services, change, number.clone(), variant).await?;
    let record = app::usecases::numbers::number(&services, &access.project, &number).await?;
    Ok(Json(record.into()))
}

/// The delete's query parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeleteParams {
    /// `live` to delete a Live number (its calls stop reaching the agent at once).
    #[param(value_type = Option<ConfirmLive>)]
    confirm: Option<String>,
}

/// Whether `confirm` says `live`; anything else sent is an invalid field.
pub fn confirms_live(confirm: Option<&str>) -> Result<bool, AppError> {
    match confirm {
        None => Ok(false),
        Some("live") => Ok(true),
        Some(_) => Err(AppError::invalid(
            "confirm",
            "confirm takes one value, live, to delete Live numbers.",
        )),
    }
}

/// Deletes `number`: a bought number is released after the undo window, a connected one is
/// disconnected now.
pub async fn delete_one(
    services: &Services,
    access: &KeyAccess,
    number: E164,
    live: bool,
) -> Result<DeletedPhoneNumber, AppError> {
    use app::usecases::delete_number::delete_number;
    let change = NumberChange {
        project: access.project.clone(),
        number: number.clone(),
        actor: access.actor.clone(),
    };
    let outcome = delete_number(services, change, &LiveConfirmation::ConfirmLive(live)).await?;
    let result = match outcome {
        DeleteOutcome::ReleasePending { .. } => DeleteResult::ReleasePending,
        DeleteOutcome::Disconnected => DeleteResult::Disconnected,
        DeleteOutcome::DisconnectChecking => DeleteResult::DisconnectChecking,
    };
    let now = app::usecases::numbers::number(services, &access.project, &number).await;
    Ok(match now {
        Ok(record) => DeletedPhoneNumber::of(record.into(), result),
        // Disconnected numbers are gone from the project.
        Err(AppError::NumberNotFound(_)) => DeletedPhoneNumber {
            phone_number: number.to_string(),
            result,
            release_at: None,
        },
        Err(other) => return Err(other),
    })
}

/// Delete a number: a bought number is released after the undo window (`POST …/undo` brings
/// it back until then), the customer's own number is disconnected now (it stays in their
/// Twilio account, its voice URL restored). Live numbers need `confirm=live`.
#[utoipa::path(
    delete,
    path = "/api/v1/projects/{project}/phone-numbers/{phone_number}",
    operation_id = "deletePhoneNumber",
    tag = "phone-numbers",
    params(NumberPath, DeleteParams),
    responses((status = 200, description = "Deleted; what became of it.", body = DeletedPhoneNumber)),
)]
pub async fn delete(
    State(services): State<Services>,
    Path(path): Path<NumberPath>,
    headers: HeaderMap,
    params: Result<Query<DeleteParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<DeletedPhoneNumber>, Problem> {
    let (access, number) = number_access(&services, &headers, path, Need::Edit).await?;
    let params = query(params)?;
    let live = confirms_live(params.confirm.as_deref())?;
    Ok(Json(delete_one(&services, &access, number, live).await?))
}

/// Undo a delete while the undo window is open: the number is back, with its environment and
/// variant.
#[utoipa::path(
    post,
    path = "/api/v1/projects/{project}/phone-numbers/{phone_number}/undo",
    operation_id = "undoDeletePhoneNumber",
    tag = "phone-numbers",
    params(NumberPath),
    responses((status = 200, description = "Restored.", body = PhoneNumber)),
)]
pub async fn undo(
    State(services): State<Services>,
    Path(path): Path<NumberPath>,
    headers: HeaderMap,
) -> Result<Json<PhoneNumber>, Problem> {
    use app::usecases::delete_number::undo_delete;
    let (access, number) = number_access(&services, &headers, path, Need::Edit).await?;
    let change = NumberChange {
        project: access.project.clone(),
        number: number.clone(),
        actor: access.actor.clone(),
    };
    undo_delete(&services, change).await?;
    let record = app::usecases::numbers::number(&services, &access.project, &number).await?;
    Ok(Json(record.into()))
}
