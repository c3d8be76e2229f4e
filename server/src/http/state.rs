//! [`AppState`]: what the router's handlers and middleware are given, and the part each takes.

use super::session::{Sessions, TrustedProxy};
use super::webhooks::WebhookState;
use app::ports::Services;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

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
    pub proxy: Option<TrustedProxy>,
    /// The bundle files cached as immutable (named by the hash of their bytes).
    pub immutable_bundle: super::assets::ImmutableFiles,
    /// Wakes the live updates streams of open pages.
    pub live: crate::live::LiveHub,
}

impl FromRef<AppState> for WebhookState {
    fn from_ref(state: &AppState) -> Self {
        Self {
            routing: state.services.routing.clone(),
            public_url: state.public_url.clone(),
        }
    }
}

impl FromRef<AppState> for Sessions {
    fn from_ref(state: &AppState) -> Self {
        Self {
            services: state.services.clone(),
            proxy: state.proxy.clone(),
        }
    }
}
