//! Puts the signed-in member into each request's extensions, where server functions and pages
//! find it as [`CurrentMember`]: from the session cookie (built-in accounts) or from a trusted
//! proxy's header. Signed-out requests for member pages are sent to sign in.

use app::paths;
use app::ports::SESSION_COOKIE;
use app::ports::{CurrentMember, Member, Services};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::{IpAddr, SocketAddr};

/// Identity set by a console's proxy after its own sign-on: `header` holds the member's email
/// and is believed only on requests from one of `proxies`.
#[derive(Clone, Debug)]
pub struct TrustedProxy {
    /// The header with the email.
    pub header: HeaderName,
    /// Addresses the header is accepted from.
    pub proxies: Vec<ipnet::IpNet>,
}

impl TrustedProxy {
    /// The member the header names, if the request came from a trusted proxy.
    pub fn member(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<Member> {
        let value = headers.get(&self.header)?;
        let trusted = peer.is_some_and(|ip| self.proxies.iter().any(|net| net.contains(&ip)));
        if !trusted {
            tracing::warn!(?peer, header = %self.header, "identity header from an untrusted address ignored");
            return None;
        }
        let email = value.to_str().ok().and_then(plausible_email);
        if email.is_none() {
            tracing::warn!(header = %self.header, "identity header is not an email address; ignored");
        }
        email.map(|email| Member { email })
    }
}

/// `text` as a lower-case email address, if it looks like one.
fn plausible_email(text: &str) -> Option<String> {
    let email = text.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let well_formed = !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    well_formed.then_some(email)
}

/// What the middleware needs: the ports, and the proxy when identity comes from one.
#[derive(Clone)]
pub struct Sessions {
    /// The ports (sessions of built-in accounts).
    pub services: Services,
    /// Set in trusted-proxy mode.
    pub proxy: Option<TrustedProxy>,
}

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

/// Looks up the member of the request; a signed-out page request is sent to sign in.
pub async fn resolve(
    State(sessions): State<Sessions>,
    mut request: Request,
    next: Next,
) -> Response {
    // The built bundle (WASM, JS, CSS) is the same for everyone: no session lookup for it.
    if request.uri().path().starts_with("/pkg/") {
        return next.run(request).await;
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let (member, token) = match &sessions.proxy {
        Some(proxy) => (proxy.member(peer, request.headers()), None),
        None => {
            let token = session_token(request.headers());
            let member = match &token {
                Some(token) => sessions
                    .services
                    .identity
                    .member(token, sessions.services.clock.now())
                    .await
                    .unwrap_or_else(|err| {
                        tracing::error!(%err, "session lookup failed; treating the request as signed out");
                        None
                    }),
                None => None,
            };
            (member, token)
        }
    };
    let page_for_members = matches!(*request.method(), Method::GET | Method::HEAD)
        && paths::is_member_page(request.uri().path());
    if member.is_none() && page_for_members {
        return match sessions.proxy {
            Some(_) => (
                StatusCode::UNAUTHORIZED,
                "No signed-in member reached this server. Open the Numbers page from your console.",
            )
                .into_response(),
            None => sign_in_first(request.uri()),
        };
    }
    request.extensions_mut().insert(CurrentMember {
        member,
        token,
        address: peer.map(|ip| ip.to_string()),
    });
    next.run(request).await
}

/// A redirect to the sign-in page that comes back to `uri` afterwards.
fn sign_in_first(uri: &axum::http::Uri) -> Response {
    let back = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
    Redirect::to(&format!("{}?next={next}", paths::SIGN_IN)).into_response()
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

    #[test]
    fn the_proxy_header_counts_only_from_the_proxies() {
        let proxy = TrustedProxy {
            header: HeaderName::from_static("x-forwarded-email"),
            proxies: vec!["10.0.0.0/24".parse().unwrap()],
        };
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-email",
            HeaderValue::from_static(" Viewer@Example.com "),
        );
        let from = |ip: &str, headers: &HeaderMap| proxy.member(Some(ip.parse().unwrap()), headers);
        assert_eq!(
            from("10.0.0.7", &headers).map(|m| m.email).as_deref(),
            Some("viewer@example.com")
        );
        assert_eq!(from("10.0.1.7", &headers), None, "outside the range");
        assert_eq!(proxy.member(None, &headers), None, "unknown peer");
        assert_eq!(
            proxy.member(Some("10.0.0.7".parse().unwrap()), &HeaderMap::new()),
            None
        );
        for bad in [
            "",
            "viewer",
            "@example.com",
            "a@b@example.com",
            "a b@example.com",
            "a@localhost",
        ] {
            headers.insert("x-forwarded-email", HeaderValue::from_str(bad).unwrap());
            assert_eq!(from("10.0.0.7", &headers), None, "{bad:?}");
        }
    }

    #[test]
    fn sign_in_comes_back_to_the_page_asked_for() {
        let response = sign_in_first(&"/projects/acme/history?page=2".parse().unwrap());
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION],
            "/signin?next=%2Fprojects%2Facme%2Fhistory%3Fpage%3D2"
        );
    }
}
