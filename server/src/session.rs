//! Puts the signed-in member (from the session cookie) into each request's extensions, where
//! server functions and pages find it as [`CurrentMember`].

use app::ports::SESSION_COOKIE;
use app::ports::{CurrentMember, Services};
use app::usecases::delete_number::now;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

/// The session token in the request's cookies, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

/// Looks up the member of the request's session.
pub async fn resolve(
    State(services): State<Services>,
    mut request: Request,
    next: Next,
) -> Response {
    // The built bundle (WASM, JS, CSS) is the same for everyone: no session lookup for it.
    if request.uri().path().starts_with("/pkg/") {
        return next.run(request).await;
    }
    let token = session_token(request.headers());
    let member = match &token {
        Some(token) => services
            .identity
            .member(token, now())
            .await
            .unwrap_or_else(|err| {
                tracing::error!(%err, "session lookup failed; treating the request as signed out");
                None
            }),
        None => None,
    };
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string());
    request.extensions_mut().insert(CurrentMember {
        member,
        token,
        address,
    });
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn finds_the_session_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; numbers_session=abc123; other=1"),
        );
        assert_eq!(session_token(&headers).as_deref(), Some("abc123"));
        headers.insert(header::COOKIE, HeaderValue::from_static("numbers_session="));
        assert_eq!(session_token(&headers), None);
        assert_eq!(session_token(&HeaderMap::new()), None);
    }
}
