//! Errors as RFC 9457 problem details (`application/problem+json`): `type`, `title`,
//! `status`, `detail` (the words the Numbers page shows), and `field` for a field's error.

use app::error::AppError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of a problem (RFC 9457 §3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem detail object (RFC 9457).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Problem {
    /// Identifies the kind of problem: `/api/v1/problems/{code}`.
    #[schema(example = "/api/v1/problems/invalid-field")]
    #[serde(rename = "type")]
    pub kind: String,
    /// The kind, for people; the same for every problem of a kind.
    #[schema(example = "Invalid field")]
    pub title: String,
    /// The HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// What went wrong in this request, in plain words.
    #[schema(example = "Area code 907 has no numbers available; try another.")]
    pub detail: String,
    /// For an invalid field: its name in the request (`environment`, `area_code`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "area_code")]
    pub field: Option<String>,
    /// For 429: seconds until requests are accepted again (also `Retry-After`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem of kind `code` (see [`code_of`]) with `status` and `detail`.
    pub fn new(code: &str, status: u16, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("/api/v1/problems/{code}"),
            title: title_of(code).into(),
            status,
            detail: detail.into(),
            field: None,
            retry_after: None,
        }
    }

    /// The request could not be read: `detail` says what, `field` where (if known).
    pub fn malformed(detail: impl Into<String>, field: Option<String>) -> Self {
        Self {
            field,
            ..Self::new("malformed-request", 400, detail)
        }
    }

    /// The short name of this problem's kind (the last part of `type`).
    pub fn code(&self) -> &str {
        self.kind.rsplit('/').next().unwrap_or_default()
    }
}

/// The short name of an error's kind.
pub fn code_of(error: &AppError) -> &'static str {
    match error {
        AppError::SignInRequired | AppError::ApiKeyRequired => "api-key-required",
        AppError::ReadOnly | AppError::ApiKeyReadOnly => "read-only-key",
        AppError::ProjectNotFound(_) => "project-not-found",
        AppError::VariantNotFound => "variant-not-found",
        AppError::NumberNotFound(_) => "number-not-found",
        AppError::Invalid { .. } => "invalid-field",
        AppError::TooManyRequests(_) | AppError::RateLimited { .. } => "rate-limited",
        AppError::Provider(_) | AppError::Transport(_) => "provider-failed",
        AppError::Rejected(_) => "conflict",
        AppError::Malformed(_) => "malformed-request",
        AppError::OutcomeUnknown(_) => "outcome-unknown",
        AppError::Unavailable => "unavailable",
    }
}

/// Every kind of problem: its code and its title.
const KINDS: [(&str, &str); 16] = [
    ("api-key-required", "API key required"),
    ("read-only-key", "Read-only API key"),
    ("project-not-found", "Project not found"),
    ("variant-not-found", "Variant not found"),
    ("number-not-found", "Number not found"),
    ("invalid-field", "Invalid field"),
    ("rate-limited", "Too many requests"),
    ("provider-failed", "Number provider failed"),
    ("conflict", "Refused as things stand"),
    ("malformed-request", "Malformed request"),
    ("unsupported-media-type", "Unsupported media type"),
    ("outcome-unknown", "Outcome being checked"),
    ("not-found", "Not found"),
    ("method-not-allowed", "Method not allowed"),
    ("body-too-large", "Body too large"),
    ("unavailable", "Service unavailable"),
];

/// What each kind is called.
fn title_of(code: &str) -> &'static str {
    KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Service unavailable", |(_, title)| title)
}

/// `GET /api/v1/problems/{code}`: what a problem `type` names, for people following it.
pub async fn kind(axum::extract::Path(code): axum::extract::Path<String>) -> Response {
    match KINDS.iter().find(|(c, _)| *c == code) {
        Some((_, title)) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{title}: see `detail` in the problem for what went wrong, and `field` for which field."),
        )
            .into_response(),
        None => Problem::new("not-found", 404, "There is no such kind of problem.").into_response(),
    }
}

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        let status = error.status();
        let detail = match &error {
            // The page's wording asks to reload the page; a script cannot.
            AppError::Malformed(what) => format!("The request was malformed ({what})."),
            other => other.to_string(),
        };
        let mut problem = Self::new(code_of(&error), status, detail);
        match error {
            AppError::Invalid { field, .. } => problem.field = Some(field),
            AppError::RateLimited {
                retry_after_secs, ..
            } => problem.retry_after = Some(retry_after_secs),
            _ => {}
        }
        problem
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after = self.retry_after;
        let unauthenticated = status == StatusCode::UNAUTHORIZED;
        let mut response = (
            status,
            [(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
            serde_json::to_string(&self).unwrap_or_default(),
        )
            .into_response();
        let headers = response.headers_mut();
        if let Some(secs) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if unauthenticated {
            // RFC 6750 §3: the scheme and realm the client should authenticate with.
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"numbers\""),
            );
        }
        response
    }
}

/// Whether `path` is under the REST API.
pub fn is_rest(path: &str) -> bool {
    path == "/api/v1" || path.starts_with(app::paths::REST_API)
}

/// Answers every error under `/api/v1` as problem details, also those made before a handler
/// runs (a body over the limit, a method the address does not take, a path that does not
/// decode, an unknown address): status and headers kept, a problem body in place of theirs.
pub async fn errors_as_problems(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if !is_rest(request.uri().path()) {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (code, detail) = match status.as_u16() {
        404 => (
            "not-found",
            "There is nothing at this address of the REST API; see /api/v1/openapi.json.",
        ),
        405 => (
            "method-not-allowed",
            "This address does not take that method; the Allow header lists those it takes.",
        ),
        413 => (
            "body-too-large",
            "The body is larger than the 1,024 KiB this server reads.",
        ),
        400..=499 => (
            "malformed-request",
            "The request could not be read (its address or headers).",
        ),
        _ => (
            "unavailable",
            "The server could not answer; please try again.",
        ),
    };
    let (parts, _) = response.into_parts();
    let mut answer = Problem::new(code, status.as_u16(), detail).into_response();
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            answer.headers_mut().insert(name.clone(), value.clone());
        }
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_the_field_and_keep_the_pages_words() {
        let problem = Problem::from(AppError::invalid("area_code", "No stock in 907."));
        assert_eq!(problem.status, 422);
        assert_eq!(problem.kind, "/api/v1/problems/invalid-field");
        assert_eq!(problem.code(), "invalid-field");
        assert_eq!(problem.field.as_deref(), Some("area_code"));
        assert_eq!(problem.detail, "No stock in 907.");
    }

    #[test]
    fn rate_limits_say_when_to_retry() {
        let problem = Problem::from(AppError::RateLimited {
            limit: 5,
            retry_after_secs: 12,
        });
        let response = problem.into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "12");
        assert_eq!(response.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
    }

    #[test]
    fn every_kind_has_a_title_and_a_status_of_its_own() {
        for error in [
            AppError::ApiKeyRequired,
            AppError::ApiKeyReadOnly,
            AppError::ProjectNotFound("x".into()),
            AppError::NumberNotFound("x".into()),
            AppError::Rejected("x".into()),
            AppError::Malformed("x".into()),
        ] {
            let problem = Problem::from(error.clone());
            assert_ne!(problem.title, "Service unavailable", "{error:?}");
            assert_eq!(problem.status, error.status());
        }
    }
}
