//! How the browser bundle under `/pkg/` may be cached: its file names do not change between
//! builds, so a browser revalidates each use (`no-cache`; `Last-Modified` makes that a 304) and
//! never runs a stale wasm against a newer page (RFC 9111 §5.2.2.4).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The URL path of the bundle (cargo-leptos `site-pkg-dir`).
const PKG: &str = "/pkg/";

/// Adds `Cache-Control: no-cache` to responses under [`PKG`] that do not set their own.
pub async fn cache_policy(request: Request, next: Next) -> Response {
    let bundle = request.uri().path().starts_with(PKG);
    let mut response = next.run(request).await;
    if bundle {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-cache"));
    }
    response
}
