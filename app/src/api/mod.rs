//! Server functions, one file per area: authorise, call a port, map the error.

mod numbers;

pub use numbers::*;

/// The [`Services`](crate::ports::Services) provided by the server, or an error if missing.
#[cfg(feature = "ssr")]
fn services() -> Result<crate::ports::Services, crate::error::AppError> {
    leptos::prelude::use_context::<crate::ports::Services>().ok_or_else(|| {
        tracing::error!("Services were not provided to the server function context");
        crate::error::AppError::Unavailable
    })
}
