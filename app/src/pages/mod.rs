//! Routed pages: each loads its data and hands it to components.

mod not_found;
mod numbers;
mod variants;

pub use not_found::NotFound;
pub use numbers::NumbersScreen;
pub use variants::VariantsScreen;
