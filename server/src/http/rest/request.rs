//! Reading a REST API request: its JSON body (the field that does not fit is named), its
//! bearer key, and a number in its path.

use super::problem::Problem;
use app::domain::E164;
use app::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

/// A request body that is a JSON document (`Content-Type: application/json`), not yet typed.
pub struct JsonBody(pub serde_json::Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<mime_type::Essence>().ok())
            .is_some_and(|m| m.is_json());
        if !json {
            return Err(Problem::new(
                "unsupported-media-type",
                415,
                "Send the body as JSON, with the header \"Content-Type: application/json\".",
            ));
        }
        let bytes = Bytes::from_request(request, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                // Sent without a length (chunked): found too large while reading.
                return Problem::new(
                    "body-too-large",
                    413,
                    "The body is larger than the 1,024 KiB this server reads.",
                );
            }
            Problem::malformed("The body could not be read.", None)
        })?;
        serde_json::from_slice(&bytes)
            .map(Self)
            .map_err(|e| Problem::malformed(format!("The body is not valid JSON: {e}."), None))
    }
}

/// Media types, as far as telling JSON apart needs.
mod mime_type {
    /// A media type's `type/subtype`, lowercased, without parameters.
    pub struct Essence(String);

    impl std::str::FromStr for Essence {
        type Err = ();

        fn from_str(value: &str) -> Result<Self, ()> {
            let essence = value.split(';').next().unwrap_or_default().trim();
            if essence.contains('/') {
                Ok(Self(essence.to_ascii_lowercase()))
            } else {
                Err(())
            }
        }
    }

    impl Essence {
        /// `application/json` or a `+json` type (RFC 6839).
        pub fn is_json(&self) -> bool {
            self.0 == "application/json"
                || (self.0.starts_with("application/") && self.0.ends_with("+json"))
        }
    }
}

/// The most characters of a parser's message a problem quotes.
const MAX_DETAIL_CHARS: usize = 200;

/// `value` as a `T`; a part that does not fit is an invalid field, named by its path
/// (`environment`, `phone_numbers[2]`) under `prefix`.
pub fn typed<T: DeserializeOwned>(value: serde_json::Value, prefix: &str) -> Result<T, Problem> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        // Quoted input is cut short: an answer is never much larger than a message.
        // serde's "variant" is an enum's value; here a variant is something else.
        let inner: String = err
            .inner()
            .to_string()
            .replace("unknown variant", "unknown value")
            .chars()
            .take(MAX_DETAIL_CHARS)
            .collect();
        let path = app::domain::text::excerpt(&err.path().to_string());
        let named = if path == "." {
            // serde names a missing or unknown field only in its message.
            inner
                .split('`')
                .nth(1)
                .filter(|_| {
                    inner.starts_with("missing field") || inner.starts_with("unknown field")
                })
                .map(app::domain::text::excerpt)
        } else {
            Some(path)
        };
        let field = match (prefix, named) {
            ("", named) => named,
            (prefix, Some(named)) if named.starts_with('[') => Some(format!("{prefix}{named}")),
            (prefix, Some(named)) => Some(format!("{prefix}.{named}")),
            (prefix, None) => Some(prefix.to_owned()),
        };
        match field {
            Some(field) => AppError::Invalid {
                message: format!("{field}: {inner}."),
                field,
            }
            .into(),
            None => Problem::new(
                "invalid-field",
                422,
                "The body is a JSON object with the fields the API reference (/api/v1/docs/) names for this call.",
            ),
        }
    })
}

/// A project's address in the path.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ProjectPath {
    /// The project, e.g. `acme`.
    pub project: String,
}

/// A number's address in the path.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct NumberPath {
    /// The project, e.g. `acme`.
    pub project: String,
    /// The number, E.164 (`+` may be sent as `%2B`).
    #[param(example = "+442079460123")]
    pub phone_number: String,
}

/// The query's parameters, or a problem saying why they cannot be read.
pub fn query<T>(
    params: Result<axum::extract::Query<T>, axum::extract::rejection::QueryRejection>,
) -> Result<T, Problem> {
    params
        .map(|axum::extract::Query(params)| params)
        .map_err(|e| Problem::malformed(e.body_text(), None))
}

/// The key of `Authorization: Bearer <key>` (RFC 6750 §2.1; the scheme in any case), if sent.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, key) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| key.trim())
        .filter(|k| !k.is_empty())
}

/// The number a path names: E.164 (`+` may arrive as `%2B`) or any common typing of one;
/// anything else is not a number of the project (404, as the page answers).
pub fn path_number(e164: &str) -> Result<E164, Problem> {
    let sent = unplussed(e164);
    E164::parse(&sent)
        .or_else(|_| app::domain::phone_format::normalise(&sent))
        .map_err(|_| AppError::NumberNotFound(app::domain::text::excerpt(e164)).into())
}

/// `sent` with a leading space read as the `+` it was before a query string decoded it
/// (`?cursor=+4420…` unencoded arrives as ` 4420…`), trimmed.
pub fn unplussed(sent: &str) -> String {
    match sent.strip_prefix(' ') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("+{rest}"),
        _ => sent.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        environment: String,
        count: Option<u8>,
    }

    #[test]
    fn the_field_that_does_not_fit_is_named() {
        let field = |v: serde_json::Value, prefix| typed::<Body>(v, prefix).unwrap_err().field;
        assert_eq!(field(serde_json::json!({}), ""), Some("environment".into()));
        assert_eq!(
            field(serde_json::json!({"environment": "x", "count": "no"}), ""),
            Some("count".into())
        );
        assert_eq!(
            field(serde_json::json!({"environment": "x", "colour": 1}), ""),
            Some("colour".into())
        );
        assert_eq!(
            field(serde_json::json!({"environment": 3}), "phone_numbers[1]"),
            Some("phone_numbers[1].environment".into())
        );
        assert_eq!(
            field(serde_json::json!("sandbox"), "phone_numbers[0]"),
            Some("phone_numbers[0]".into())
        );
        assert!(typed::<Body>(serde_json::json!({"environment": "x"}), "").is_ok());
    }

    #[test]
    fn bearer_keys_are_read_in_any_scheme_case() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        for (sent, read) in [
            ("Bearer nmbr_1", Some("nmbr_1")),
            ("bearer  nmbr_2 ", Some("nmbr_2")),
            ("Basic abc", None),
            ("Bearer ", None),
            ("Bearer", None),
        ] {
            headers.insert(header::AUTHORIZATION, HeaderValue::from_static(sent));
            assert_eq!(bearer(&headers), read, "{sent}");
        }
    }

    #[test]
    fn json_media_types() {
        let json = |t: &str| t.parse::<mime_type::Essence>().is_ok_and(|m| m.is_json());
        assert!(json("application/json"));
        assert!(json("Application/JSON; charset=utf-8"));
        assert!(json("application/merge-patch+json"));
        assert!(!json("text/plain"));
        assert!(!json("json"));
    }
}
