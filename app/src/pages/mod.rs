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
