//! Builds the whole router: probes, webhooks, Leptos pages and server functions, assets, and
//! the middleware around them. Tests drive it with `oneshot`; `main` serves it.

use super::state::AppState;
use super::{
    assets, csv_export, live_stream, probes, rest, same_origin, server_fn_errors, session, webhooks,
};
use app::{App, paths, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderName, Request};
use axum::routing::get;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The router over `state`.
pub fn router(state: AppState) -> Router {
    let gallery = state.gallery;
    let public_host = state
        .public_url
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|u| u.authority().map(|a| a.as_str().to_ascii_lowercase()));
    let routes: Vec<_> = generate_route_list(App)
        .into_iter()
        .filter(|route| gallery || route.path() != paths::GALLERY)
        .collect();
    let services = state.services.clone();
    let fallback_services = state.services.clone();
    let options = state.leptos_options.clone();
    let (bundle_path, bundle) = assets::bundle_route(&options);
    let immutable_bundle = state.immutable_bundle.clone();
    let mut router = Router::new();
    if !gallery {
        router = router.route(paths::GALLERY, get(probes::gallery_off));
    }
    router
        .route("/", get(probes::redirect_to_first_project))
        .route(paths::HEALTHZ, get(probes::healthz))
        .route(paths::READYZ, get(probes::readyz))
        .route(paths::LIVE_ROUTE, get(live_stream::follow))
        .route(paths::NUMBERS_CSV_ROUTE, get(csv_export::numbers_csv))
        .merge(webhooks::routes())
        .merge(rest::routes())
        .route_service(&bundle_path, bundle)
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(services.clone()),
            move || shell(options.clone()),
        )
        // Unknown addresses render the app's Page not found with the member's header.
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || provide_context(fallback_services.clone()), shell
        ))
        .layer(RequestBodyLimitLayer::new(super::limits::MAX_REQUEST_BODY))
        .layer(axum::middleware::from_fn(rest::errors_as_problems))
        .layer(axum::middleware::from_fn(server_fn_errors::with_status))
        .layer(axum::middleware::from_fn_with_state(
            session::Sessions::from_ref(&state),
            session::resolve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            same_origin::OwnHosts(public_host.into_iter().collect()),
            same_origin::guard,
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", method = %request.method(), uri = %request.uri(), id)
            }),
        )
        // Pages, server functions and the bundle, as Brotli or gzip when the browser accepts
        // it; files cargo-leptos precompressed (`--precompress`) are sent as stored.
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(
            immutable_bundle,
            assets::cache_policy,
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}
