//! Small handlers: health probes, the `/` redirect, and the gallery when turned off.

use app::paths;
use app::ports::{CurrentMember, Services};
use app::usecases::session::landing_page;
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::DatabaseConnection;

/// `/gallery` when turned off by configuration.
pub async fn gallery_off() -> Response {
    (StatusCode::NOT_FOUND, "Page not found").into_response()
}

/// Liveness: the process answers.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers.
pub async fn readyz(State(db): State<DatabaseConnection>) -> Response {
    match db.ping().await {
        Ok(()) => "ready".into_response(),
        Err(err) => {
            tracing::warn!(%err, "readiness check failed: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

/// `/` goes to the Numbers page of the member's first project, or to their (empty) project list.
pub async fn redirect_to_first_project(
    State(services): State<Services>,
    Extension(current): Extension<CurrentMember>,
) -> Response {
    // The session middleware sends signed-out requests for `/` to sign in first.
    let Some(member) = current.member else {
        return Redirect::temporary(paths::SIGN_IN).into_response();
    };
    match landing_page(&services, &member).await {
        Ok(page) => Redirect::temporary(&page).into_response(),
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
