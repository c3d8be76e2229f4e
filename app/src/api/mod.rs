//! Server functions, one file per area. Each reads the same: authorise ([`require`]), build
//! the use case's typed command from the arguments, call the use case, `?`.

#[cfg(feature = "ssr")]
mod access;
mod add_number;
mod api_keys;
mod deletion;
mod history;
mod import;
mod integrations;
mod numbers;
mod routing;
mod session;
mod variants;
pub mod wire;

pub use add_number::*;
pub use api_keys::*;
pub use deletion::*;
pub use history::*;
pub use import::*;
pub use integrations::*;
pub use numbers::*;
pub use routing::*;
pub use session::*;
pub use variants::*;

#[cfg(feature = "ssr")]
pub(crate) use access::require;

/// The [`crate::ports::Services`] provided by the server, or an error if missing.
#[cfg(feature = "ssr")]
fn services() -> Result<crate::ports::Services, crate::error::AppError> {
    leptos::prelude::use_context::<crate::ports::Services>().ok_or_else(|| {
        tracing::error!("Services were not provided to the server function context");
        crate::error::AppError::Unavailable
    })
}

/// A number named in a request, in E.164 form; anything else is not a number of the project.
#[cfg(feature = "ssr")]
fn number_of_project(e164: &str) -> Result<crate::domain::E164, crate::error::AppError> {
    crate::domain::E164::parse(e164)
        .map_err(|_| crate::error::AppError::NumberNotFound(crate::domain::text::excerpt(e164)))
}
