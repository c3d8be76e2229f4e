//! Server functions' refusals with their HTTP status. Leptos answers every `Err` of a server
//! function with 500, a `serverfnerror` header and the [`AppError`] in its encoding (Postcard,
//! see `app::api::wire`); this layer reads that error and gives the response the status
//! [`AppError::status`] names, so a refusal is never a server error. Before
//! any server function runs it also refuses a body of the wrong type (415), too large (413) or
//! not UTF-8 once percent-decoded (400: Leptos would read it lossily, as U+FFFD).

use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ContentType;
use leptos::server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};

/// How server functions write an [`AppError`] (and browsers read it).
type ErrorEncoding = <AppError as FromServerFnError>::Encoder;

/// Where server functions are served.
const SERVER_FNS: &str = "/api/";

/// The largest error body read back (an `AppError` is a few hundred bytes).
const MAX_ERROR_BODY: usize = 64 * 1024;

/// The body type every server function takes (Leptos's `PostUrl` encoding, and HTML forms).
const FORM: &str = "application/x-www-form-urlencoded";

/// `err` as a server function's error response with its own status.
fn answer(err: &AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST);
    answer_with(status, err)
}

/// `err` as a server function's error response with `status` (415, 413: which malformation
/// it was).
fn answer_with(status: StatusCode, err: &AppError) -> Response {
    let content_type = [(header::CONTENT_TYPE, ErrorEncoding::CONTENT_TYPE)];
    (status, content_type, err.ser()).into_response()
}

/// Whether `request` posts a body that is not a form (a JSON body, say).
fn wrong_body_type(request: &Request) -> bool {
    request.method() == Method::POST
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| {
                !t.split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .eq_ignore_ascii_case(FORM)
            })
}

/// Whether every key and value of a form body is UTF-8 once percent-decoded.
fn is_utf8_form(body: &[u8]) -> bool {
    body.split(|b| *b == b'&')
        .flat_map(|pair| pair.split(|b| *b == b'='))
        .all(|part| percent_encoding::percent_decode(part).decode_utf8().is_ok())
}

/// The layer: see the module's documentation.
pub async fn with_status(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with(SERVER_FNS) || path.starts_with(app::paths::REST_API) {
        return next.run(request).await;
    }
    if wrong_body_type(&request) {
        let err = AppError::Malformed(format!("send the arguments as {FORM}"));
        return answer_with(StatusCode::UNSUPPORTED_MEDIA_TYPE, &err);
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, super::limits::MAX_REQUEST_BODY).await {
        Ok(bytes) => bytes,
        Err(err) => {
            let too_large = err.into_inner().is::<http_body_util::LengthLimitError>();
            if !too_large {
                return answer(&AppError::Malformed("the body could not be read".into()));
            }
            let limit = super::limits::MAX_REQUEST_BODY / 1024;
            let err = AppError::Malformed(format!(
                "it is larger than the {limit} KiB this server reads"
            ));
            return answer_with(StatusCode::PAYLOAD_TOO_LARGE, &err);
        }
    };
    if !is_utf8_form(&bytes) {
        return answer(&AppError::Malformed("the form is not UTF-8 text".into()));
    }
    let path = parts.uri.path().to_owned();
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return (parts, Body::empty()).into_response();
    };
    if let Ok(err) = app::api::wire::read_whole::<AppError>(&bytes) {
        let status = err.status();
        parts.status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match status {
            500.. => tracing::warn!(status, %err, path, "a server function failed"),
            _ => tracing::info!(status, %err, path, "a server function refused a request"),
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(content_type: Option<&str>) -> Request {
        let mut request = Request::post("/api/buy_number");
        if let Some(t) = content_type {
            request = request.header(header::CONTENT_TYPE, t);
        }
        request.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_form_bodies_are_taken() {
        assert!(!wrong_body_type(&post(Some(FORM))));
        assert!(!wrong_body_type(&post(Some(
            "Application/X-WWW-Form-Urlencoded; charset=UTF-8"
        ))));
        assert!(!wrong_body_type(&post(None)));
        assert!(wrong_body_type(&post(Some("application/json"))));
        assert!(wrong_body_type(&post(Some(
            "multipart/form-data; boundary=x"
        ))));
    }

    #[test]
    fn forms_must_be_utf8_once_decoded() {
        assert!(is_utf8_form(b"project=acme&name=M%C3%BCnchen+Nord"));
        assert!(is_utf8_form(b""));
        assert!(!is_utf8_form(b"project=acme&name=%FF%FE"));
        assert!(!is_utf8_form(b"name=\xff"));
        assert!(!is_utf8_form(b"%C3=x"), "a cut multi-byte sequence");
    }
}
