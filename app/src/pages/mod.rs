//! Routed pages: each loads its data and hands it to components.

mod not_found;
mod numbers;

pub use not_found::NotFound;
pub use numbers::NumbersScreen;
