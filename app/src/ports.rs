//! Traits the server functions call; their implementations live in the `server` crate.

use crate::domain::{ProjectOverview, ProjectSlug};
use std::sync::Arc;

/// Storage failed (connection lost, query error). The message is for logs only.
#[derive(Clone, Debug, thiserror::Error)]
#[error("storage error: {0}")]
pub struct StoreError(pub String);

/// Reads projects and their numbers.
#[async_trait::async_trait]
pub trait ProjectStore: Send + Sync {
    /// Everything the Numbers page needs about one project, or `None` if it does not exist.
    async fn overview(&self, project: &ProjectSlug) -> Result<Option<ProjectOverview>, StoreError>;

    /// The first project in display order, if any.
    async fn first_project(&self) -> Result<Option<ProjectSlug>, StoreError>;
}

/// The ports bundled together and provided to server functions through Leptos context.
#[derive(Clone)]
pub struct Services {
    /// Project and number storage.
    pub projects: Arc<dyn ProjectStore>,
}
