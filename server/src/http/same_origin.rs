//! Cross-site request forgery guard: a state-changing request from a browser must come from a
//! page of ours. Browsers send `Origin` (or at least `Referer`) with every cross-site POST, so a
//! request naming another site is refused; Twilio's webhooks, which are signed, and the REST
//! API, authenticated by bearer key, are exempt.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The hosts (`host[:port]`) our own pages are served from, besides the request's `Host`.
#[derive(Clone, Debug)]
pub struct OwnHosts(pub Vec<String>);

/// `host[:port]` of a URL, lower-cased; `None` for `null` or anything unparsable.
fn authority(url: &str) -> Option<String> {
    let uri: Uri = url.parse().ok()?;
    uri.authority().map(|a| a.as_str().to_ascii_lowercase())
}

/// Whether `headers` name a source other than `own` hosts (no source named: not cross-site).
pub fn is_cross_site(headers: &HeaderMap, own: &[String]) -> bool {
    let named = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER));
    let Some(named) = named else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    match named.to_str().ok().and_then(authority) {
        Some(source) => !(host.as_deref() == Some(source.as_str()) || own.contains(&source)),
        None => true,
    }
}

/// Refuses cross-site state-changing requests with 403, except Twilio's signed webhooks.
pub async fn guard(State(own): State<OwnHosts>, request: Request, next: Next) -> Response {
    let reads = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let path = request.uri().path();
    // Webhooks are signed; the REST API authenticates by bearer key only (never a cookie),
    // which no other site can make a browser send.
    let exempt =
        path.starts_with(app::paths::TWILIO_WEBHOOKS) || path.starts_with(app::paths::REST_API);
    if !reads && !exempt && is_cross_site(request.headers(), &own.0) {
        tracing::warn!(
            path = request.uri().path(),
            origin = ?request.headers().get(header::ORIGIN),
            referer = ?request.headers().get(header::REFERER),
            "refused a cross-site request"
        );
        return (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn same_host_or_configured_public_host_passes() {
        let own = vec!["numbers.example.com".to_owned()];
        let host = (header::HOST, "127.0.0.1:3000");
        for origin in [
            "http://127.0.0.1:3000",
            "https://numbers.example.com",
            "HTTP://127.0.0.1:3000",
        ] {
            assert!(
                !is_cross_site(&headers(&[host.clone(), (header::ORIGIN, origin)]), &own),
                "{origin}"
            );
        }
        assert!(
            !is_cross_site(&headers(std::slice::from_ref(&host)), &own),
            "no source named"
        );
        assert!(!is_cross_site(
            &headers(&[
                host.clone(),
                (
                    header::REFERER,
                    "http://127.0.0.1:3000/projects/acme/numbers"
                )
            ]),
            &own
        ));
    }

    #[test]
    fn another_site_or_an_opaque_origin_is_refused() {
        let own = vec![];
        let host = (header::HOST, "127.0.0.1:3000");
        for origin in ["https://evil.example", "http://127.0.0.1:3001", "null"] {
            assert!(
                is_cross_site(&headers(&[host.clone(), (header::ORIGIN, origin)]), &own),
                "{origin}"
            );
        }
        assert!(is_cross_site(
            &headers(&[host.clone(), (header::REFERER, "https://evil.example/page")]),
            &own
        ));
        assert!(
            is_cross_site(
                &headers(&[
                    host,
                    (header::ORIGIN, "https://evil.example"),
                    (header::REFERER, "http://127.0.0.1:3000/")
                ]),
                &own
            ),
            "Origin wins over Referer"
        );
    }
}
