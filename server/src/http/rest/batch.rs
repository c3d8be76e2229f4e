//! `POST …/phone-numbers/batch` and `…/batch-delete`: many numbers in one request, each done
//! on its own through the same use cases, with a result per number (one bad row never blocks
//! the others).

use super::idempotency::{BatchIdempotencyHeader, MAX_BATCH_KEY_CHARS, client_key, scoped};
use super::phone_numbers::{access, add_one, delete_one};
use super::problem::Problem;
use super::request::{JsonBody, ProjectPath, path_number, typed};
use super::schema::{BatchAdd, BatchAdded, BatchDelete, BatchDeleted, BatchError};
use app::domain::Need;
use app::ports::Services;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;

/// The most numbers one batch takes.
pub const MAX_BATCH: usize = 100;

/// A refused row, as the batch answers it.
fn row_error(index: usize, phone_number: Option<String>, problem: Problem) -> BatchError {
    BatchError {
        index,
        phone_number,
        code: problem.code().to_owned(),
        message: problem.detail,
        field: problem.field,
    }
}

/// A number as a batch names it: E.164, or any common typing of one; typing that is not a
/// number is told why (as connecting tells it).
fn typed_number(sent: &str) -> Result<app::domain::E164, Problem> {
    path_number(sent).or_else(|not_found| {
        app::domain::phone_format::normalise(sent)
            .map_err(|e| app::error::AppError::invalid("phone_number", e).into())
            .and(Err(not_found))
    })
}

/// Refuses a batch outside 1 to [`MAX_BATCH`] rows.
fn check_size(rows: usize) -> Result<(), Problem> {
    if (1..=MAX_BATCH).contains(&rows) {
        Ok(())
    } else {
        Err(app::error::AppError::invalid(
            "phone_numbers",
            format!("phone_numbers holds 1 to {MAX_BATCH} numbers; this batch has {rows}."),
        )
        .into())
    }
}

/// Buy or connect many numbers.
///
/// Each row is what `POST …/phone-numbers` takes. Purchases use the `Idempotency-Key` header
/// with `-{index}` added, so retrying the whole batch with the same key buys nothing twice.
#[utoipa::path(
    post,
    path = "/api/v1/projects/{project}/phone-numbers/batch",
    operation_id = "batchAddPhoneNumbers",
    tag = "phone-numbers",
    params(ProjectPath, BatchIdempotencyHeader),
    request_body(content = BatchAdd),
    responses((status = 200, description = "Each row's outcome.", body = BatchAdded)),
)]
pub async fn add(
    State(services): State<Services>,
    Path(ProjectPath { project }): Path<ProjectPath>,
    headers: HeaderMap,
    body: Result<JsonBody, Problem>,
) -> Result<Json<BatchAdded>, Problem> {
    let access = access(&services, &headers, &project, Need::Edit).await?;
    let JsonBody(body) = body?;
    let batch: BatchAdd = typed(body, "")?;
    check_size(batch.phone_numbers.len())?;
    // Checked whole before any row runs: a refused batch buys nothing.
    let key = client_key(&headers, MAX_BATCH_KEY_CHARS)?;
    let mut added = BatchAdded {
        done: Vec::new(),
        errors: Vec::new(),
    };
    // The row where the provider failed, and whether it connected (or bought): later rows of
    // that kind are not tried, each would wait for the provider too.
    let mut provider_failed: Option<(usize, bool)> = None;
    for (index, row) in batch.phone_numbers.into_iter().enumerate() {
        let sent = row
            .get("phone_number")
            .and_then(|n| n.as_str())
            .map(app::domain::text::excerpt);
        let prefix = format!("phone_numbers[{index}]");
        let row_key = scoped(&access.project, &format!("{key}-{index}"))?;
        let connects = row.contains_key("phone_number");
        if let Some((failed, _)) = provider_failed.filter(|(_, kind)| *kind == connects) {
            let problem = Problem::new(
                "provider-failed",
                502,
                format!(
                    "Not tried: the number provider failed on row {failed}. Send this row again."
                ),
            );
            added.errors.push(row_error(index, sent, problem));
            continue;
        }
        let row = serde_json::Value::Object(row);
        match add_one(&services, &access, row, row_key, &prefix).await {
            Ok(number) => added.done.push(number),
            Err(problem) => {
                // Each later row would wait for the provider too: they are not tried.
                if matches!(problem.code(), "provider-failed" | "outcome-unknown") {
                    provider_failed = Some((index, connects));
                }
                added.errors.push(row_error(index, sent, problem));
            }
        }
    }
    Ok(Json(added))
}

/// Delete many numbers.
///
/// Each number is deleted as `DELETE …/phone-numbers/{phone_number}` would; `confirm: "live"`
/// allows Live numbers.
#[utoipa::path(
    post,
    path = "/api/v1/projects/{project}/phone-numbers/batch-delete",
    operation_id = "batchDeletePhoneNumbers",
    tag = "phone-numbers",
    params(ProjectPath),
    request_body(content = BatchDelete),
    responses((status = 200, description = "Each number's outcome.", body = BatchDeleted)),
)]
pub async fn delete(
    State(services): State<Services>,
    Path(ProjectPath { project }): Path<ProjectPath>,
    headers: HeaderMap,
    body: Result<JsonBody, Problem>,
) -> Result<Json<BatchDeleted>, Problem> {
    let access = access(&services, &headers, &project, Need::Edit).await?;
    let JsonBody(body) = body?;
    let batch: BatchDelete = typed(body, "")?;
    check_size(batch.phone_numbers.len())?;
    let live = batch.confirm.is_some();
    let mut deleted = BatchDeleted {
        done: Vec::new(),
        errors: Vec::new(),
    };
    let mut provider_failed: Option<usize> = None;
    for (index, sent) in batch.phone_numbers.into_iter().enumerate() {
        let outcome = match (provider_failed, typed_number(&sent)) {
            (Some(failed), _) => Err(Problem::new(
                "provider-failed",
                502,
                format!(
                    "Not tried: the number provider failed on row {failed}. Send this number again."
                ),
            )),
            (None, Ok(number)) => delete_one(&services, &access, number, live)
                .await
                .map_err(Problem::from),
            (None, Err(problem)) => Err(problem),
        };
        match outcome {
            Ok(done) => deleted.done.push(done),
            Err(problem) => {
                if provider_failed.is_none()
                    && matches!(problem.code(), "provider-failed" | "outcome-unknown")
                {
                    provider_failed = Some(index);
                }
                let sent = app::domain::text::excerpt(&sent);
                deleted.errors.push(row_error(index, Some(sent), problem));
            }
        }
    }
    Ok(Json(deleted))
}
