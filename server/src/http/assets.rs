//! The browser bundle under `/pkg/`: served by its own file service (so conditional requests,
//! ranges and `HEAD` work, and a missing file is a plain 404), as cargo-leptos precompressed it
//! (`.br`, `.gz`) when the browser accepts that. Its file names do not change between builds, so
//! browsers revalidate each use (`no-cache`; `Last-Modified` makes that a 304) and never run a
//! stale wasm against a newer page (RFC 9111 §5.2.2.4); `Vary: Accept-Encoding` keeps shared
//! caches from handing Brotli to a browser that did not ask for it (RFC 9110 §12.5.5).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::LeptosOptions;

/// The bundle's route (`/pkg/{*path}`) and the service that serves it from the site root.
pub fn bundle_route(options: &LeptosOptions) -> (String, tower_http::services::ServeDir) {
    (
        leptos_axum::site_pkg_dir_service_route_path(options),
        leptos_axum::site_pkg_dir_service(options),
    )
}

/// Adds `Cache-Control: no-cache` and `Vary: Accept-Encoding` to responses under `/pkg/` that
/// do not set their own.
pub async fn cache_policy(request: Request, next: Next) -> Response {
    let bundle = request.uri().path().starts_with("/pkg/");
    let mut response = next.run(request).await;
    if bundle {
        let headers = response.headers_mut();
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-cache"));
        headers
            .entry(header::VARY)
            .or_insert(HeaderValue::from_static("accept-encoding"));
    }
    response
}
