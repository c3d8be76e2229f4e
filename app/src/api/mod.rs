//! Server functions, one file per area: parse, call a port, map the error.

#[cfg(feature = "ssr")]
mod access;
mod add_number;
mod deletion;
mod history;
mod numbers;
mod routing;
mod session;
mod variants;

pub use add_number::*;
pub use deletion::*;
pub use history::*;
pub use numbers::*;
pub use routing::*;
pub use session::*;
pub use variants::*;

#[cfg(feature = "ssr")]
use crate::{domain::ProjectSlug, error::AppError, ports::Services};
#[cfg(feature = "ssr")]
pub(crate) use access::{Allowed, require};

/// The [`Services`] provided by the server, or an error if missing.
#[cfg(feature = "ssr")]
fn services() -> Result<Services, AppError> {
    leptos::prelude::use_context::<Services>().ok_or_else(|| {
        tracing::error!("Services were not provided to the server function context");
        AppError::Unavailable
    })
}

/// Parses a project identifier; a malformed one names no project.
#[cfg(feature = "ssr")]
pub(crate) fn project_slug(project: &str) -> Result<ProjectSlug, AppError> {
    ProjectSlug::parse(project).map_err(|_| AppError::ProjectNotFound(project.to_owned()))
}

/// The project's stored overview, or `ProjectNotFound`.
#[cfg(feature = "ssr")]
pub(crate) async fn overview(
    services: &Services,
    slug: &ProjectSlug,
) -> Result<crate::domain::ProjectOverview, AppError> {
    services
        .projects
        .overview(slug)
        .await
        .map_err(|e| change_error(slug, e.into()))?
        .ok_or_else(|| AppError::ProjectNotFound(slug.as_str().to_owned()))
}

/// A refused or failed change, as the person should read it.
#[cfg(feature = "ssr")]
pub(crate) fn change_error(project: &ProjectSlug, err: crate::ports::ChangeError) -> AppError {
    use crate::ports::ChangeError;
    match err {
        ChangeError::ProjectNotFound => AppError::ProjectNotFound(project.as_str().to_owned()),
        ChangeError::VariantNotFound => AppError::VariantNotFound,
        ChangeError::NumberNotFound => AppError::NumberNotFound(String::new()),
        ChangeError::NumberTaken => AppError::Rejected("That number is already in use.".into()),
        ChangeError::Name(e) => AppError::Rejected(e.to_string()),
        ChangeError::Publish(e) => AppError::Rejected(e.to_string()),
        ChangeError::Assign(e) => AppError::Rejected(e.to_string()),
        ChangeError::Lifecycle(e) => AppError::Rejected(e.to_string()),
        ChangeError::Concurrent => AppError::Rejected(
            "Someone changed this number at the same moment. Reload the page and try again.".into(),
        ),
        ChangeError::Store(e) => {
            tracing::error!(err = %e, project = project.as_str(), "a change failed in storage");
            AppError::Unavailable
        }
    }
}
