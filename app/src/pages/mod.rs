//! Routed pages. A project's pages load their data through one [`PageData`] and hand it to
//! components; each dialog of a page keeps its open, close and focus state beside it, and the
//! Numbers page's dialogs make their server calls from their own lazy wasm chunks.

mod api_keys;
mod focus;
mod gallery;
mod history;
mod integrations;
mod lazy_routes;
mod live;
mod not_found;
mod numbers;
mod page_data;
mod projects;
mod sign_in;
mod variants;

use api_keys::ApiKeysScreen;
use gallery::GalleryScreen;
use history::HistoryScreen;
use integrations::IntegrationsScreen;
pub use lazy_routes::{
    ApiKeysRoute, GalleryRoute, HistoryRoute, IntegrationsRoute, ProjectsRoute, SignInRoute,
    VariantsRoute,
};
pub use not_found::NotFound;
pub use numbers::NumbersScreen;
use projects::ProjectsScreen;
use sign_in::SignInScreen;
use variants::VariantsScreen;

use leptos::prelude::*;
pub(crate) use page_data::PageData;

/// The project named in the URL (`/projects/{project}/…`).
fn project_in_url() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.read().get("project").unwrap_or_default())
}

/// The path and query of the page in view, to come back to it after signing in again.
fn here() -> Signal<String> {
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let query = location.search.get();
        let path = location.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.trim_start_matches('?'))
        }
    })
}
