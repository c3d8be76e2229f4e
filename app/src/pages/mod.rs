//! Routed pages: each loads its data and hands it to components.

mod gallery;
mod history;
mod not_found;
mod numbers;
mod projects;
mod sign_in;
mod variants;

pub use gallery::GalleryScreen;
pub use history::HistoryScreen;
pub use not_found::NotFound;
pub use numbers::NumbersScreen;
pub use projects::ProjectsScreen;
pub use sign_in::SignInScreen;
pub use variants::VariantsScreen;

/// The path and query of the page in view (from `use_location`), to come back to it.
fn current_path(location: &leptos_router::location::Location) -> String {
    use leptos::prelude::GetUntracked;
    let query = location.search.get_untracked();
    let path = location.pathname.get_untracked();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.trim_start_matches('?'))
    }
}
