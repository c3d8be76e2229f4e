//! The HTTP surface: health probes, the `/` redirect, Leptos pages, server functions and assets.

use app::ports::{CurrentMember, Services};
use app::{App, shell};
use axum::Extension;
use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::{HeaderName, Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::prelude::{LeptosOptions, provide_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// Everything a request handler may need.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos settings (site root, output name).
    pub leptos_options: LeptosOptions,
    /// The ports given to server functions.
    pub services: Services,
    /// The database, for the readiness probe.
    pub db: DatabaseConnection,
    /// Public base URL, to rebuild webhook URLs when checking Twilio signatures.
    pub public_url: String,
    /// Whether `/gallery` is served.
    pub gallery: bool,
    /// Where identity comes from in trusted-proxy mode (`None`: built-in accounts).
    pub proxy: Option<crate::session::TrustedProxy>,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Builds the whole router; tests drive it with `oneshot`, `main` serves it.
pub fn router(state: AppState) -> Router {
    let gallery = state.gallery;
    let public_host = state
        .public_url
        .parse::<axum::http::Uri>()
        .ok()
        .and_then(|u| u.authority().map(|a| a.as_str().to_ascii_lowercase()));
    let routes: Vec<_> = generate_route_list(App)
        .into_iter()
        .filter(|route| gallery || route.path() != "/gallery")
        .collect();
    let services = state.services.clone();
    let options = state.leptos_options.clone();
    let mut router = Router::new();
    if !gallery {
        router = router.route("/gallery", get(gallery_off));
    }
    router
        .route("/", get(redirect_to_first_project))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .merge(crate::telephony::webhook::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(services.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            crate::session::Sessions {
                services: state.services.clone(),
                proxy: state.proxy.clone(),
            },
            crate::session::resolve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            crate::same_origin::OwnHosts(public_host.into_iter().collect()),
            crate::same_origin::guard,
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
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

/// `/gallery` when turned off by configuration.
async fn gallery_off() -> Response {
    (StatusCode::NOT_FOUND, "Page not found").into_response()
}

/// Liveness: the process answers.
async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers.
async fn readyz(State(db): State<DatabaseConnection>) -> Response {
    match db.ping().await {
        Ok(()) => "ready".into_response(),
        Err(err) => {
            tracing::warn!(%err, "readiness check failed: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

/// `/` goes to the Numbers page of the member's first project, or to their (empty) project list.
async fn redirect_to_first_project(
    State(services): State<Services>,
    Extension(current): Extension<CurrentMember>,
) -> Response {
    // The session middleware sends signed-out requests for `/` to sign in first.
    let email = current.member.map(|m| m.email).unwrap_or_default();
    match services.projects.projects_of(&email).await {
        Ok(projects) => match projects.first() {
            Some(first) => {
                Redirect::temporary(&format!("/projects/{}/numbers", first.slug)).into_response()
            }
            None => Redirect::temporary("/projects").into_response(),
        },
        Err(err) => {
            tracing::error!(%err, "listing projects failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Projects could not be loaded.",
            )
                .into_response()
        }
    }
}
