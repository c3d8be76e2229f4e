//! `GET …/variants` and `GET …/history`: what automation reads besides numbers.

use super::phone_numbers::access;
use super::problem::Problem;
use super::request::{ProjectPath, path_number, query};
use super::schema::{HistoryList, VariantList};
use app::domain::Need;
use app::error::AppError;
use app::ports::Services;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use serde::Deserialize;
use utoipa::IntoParams;

/// List the project's variants.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{project}/variants",
    operation_id = "listVariants",
    tag = "variants",
    params(ProjectPath),
    responses((status = 200, description = "The variants.", body = VariantList)),
)]
pub async fn variants(
    State(services): State<Services>,
    Path(ProjectPath { project }): Path<ProjectPath>,
    headers: HeaderMap,
) -> Result<Json<VariantList>, Problem> {
    let access = access(&services, &headers, &project, Need::Read).await?;
    let variants = app::usecases::numbers::variants(&services, &access.project).await?;
    Ok(Json(VariantList {
        variants: variants.into_iter().map(Into::into).collect(),
    }))
}

/// The history's query parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryParams {
    /// The page, from 1 (past the end: the last); 25 entries a page.
    #[param(value_type = Option<i64>, minimum = 1)]
    page: Option<String>,
    /// Only this number's entries (E.164, `+` as `%2B`), all of them on one page.
    phone_number: Option<String>,
}

/// Read the project's history, newest first: who did what, including calls made with API keys
/// (`API key "name"`).
#[utoipa::path(
    get,
    path = "/api/v1/projects/{project}/history",
    operation_id = "listHistory",
    tag = "history",
    params(ProjectPath, HistoryParams),
    responses((status = 200, description = "One page of entries.", body = HistoryList)),
)]
pub async fn history(
    State(services): State<Services>,
    Path(ProjectPath { project }): Path<ProjectPath>,
    headers: HeaderMap,
    params: Result<Query<HistoryParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<HistoryList>, Problem> {
    use app::usecases::history::{number_history, project_history};
    let access = access(&services, &headers, &project, Need::Read).await?;
    let params = query(params)?;
    if let Some(sent) = params.phone_number.as_deref() {
        let number = path_number(sent)?;
        let entries = number_history(&services, &access.project, &number).await?;
        return Ok(Json(HistoryList {
            entries: entries.into_iter().map(Into::into).collect(),
            page: 1,
            pages: 1,
        }));
    }
    let page = match params.page.as_deref() {
        None => 1,
        Some(page) => page
            .parse::<i64>()
            .ok()
            .filter(|p| *p >= 1)
            .and_then(|p| u64::try_from(p).ok())
            .ok_or_else(|| AppError::invalid("page", "page is a whole number from 1."))?,
    };
    let found = project_history(&services, &access.project, page).await?;
    Ok(Json(HistoryList {
        entries: found.entries.into_iter().map(Into::into).collect(),
        page: found.page,
        pages: found.pages,
    }))
}
