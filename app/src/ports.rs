//! Traits the server functions call; their implementations live in the `server` crate.

use crate::domain::{
    AssignError, E164, Environment, ProjectOverview, ProjectSlug, PublishError, PublishRecord,
    Variant, VariantId, VariantName, VariantNameError,
};
use std::sync::Arc;

/// Storage failed (connection lost, query error). The message is for logs only.
#[derive(Clone, Debug, thiserror::Error)]
#[error("storage error: {0}")]
pub struct StoreError(pub String);

/// Why a change was refused or failed.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ChangeError {
    /// No such project.
    #[error("project not found")]
    ProjectNotFound,
    /// No such variant in this project.
    #[error("variant not found")]
    VariantNotFound,
    /// No such number in this project.
    #[error("number not found")]
    NumberNotFound,
    /// The variant name was refused.
    #[error(transparent)]
    Name(#[from] VariantNameError),
    /// A publish or promote was refused.
    #[error(transparent)]
    Publish(#[from] PublishError),
    /// An assignment was refused.
    #[error(transparent)]
    Assign(#[from] AssignError),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads projects and their numbers.
#[async_trait::async_trait]
pub trait ProjectStore: Send + Sync {
    /// Everything the Numbers page needs about one project, or `None` if it does not exist.
    async fn overview(&self, project: &ProjectSlug) -> Result<Option<ProjectOverview>, StoreError>;

    /// The first project in display order, if any.
    async fn first_project(&self) -> Result<Option<ProjectSlug>, StoreError>;
}

/// Changes a project's variants, publications and number assignments.
#[async_trait::async_trait]
pub trait VariantStore: Send + Sync {
    /// Publishes and promotions of a project, newest first.
    async fn publish_history(
        &self,
        project: &ProjectSlug,
    ) -> Result<Vec<PublishRecord>, ChangeError>;

    /// Adds a variant at the end of the draft.
    async fn create_variant(
        &self,
        project: &ProjectSlug,
        name: &VariantName,
    ) -> Result<Variant, ChangeError>;

    /// Renames a draft variant.
    async fn rename_variant(
        &self,
        project: &ProjectSlug,
        id: VariantId,
        name: &VariantName,
    ) -> Result<(), ChangeError>;

    /// Removes a variant from the draft; published versions and numbers keep pointing at it.
    async fn delete_variant(&self, project: &ProjectSlug, id: VariantId)
    -> Result<(), ChangeError>;

    /// Publishes the draft's variants to Sandbox.
    async fn publish_draft(&self, project: &ProjectSlug, actor: &str) -> Result<(), ChangeError>;

    /// Copies the previous environment's published version into `target`.
    async fn promote(
        &self,
        project: &ProjectSlug,
        target: Environment,
        actor: &str,
    ) -> Result<(), ChangeError>;

    /// Assigns a variant published to the number's environment.
    async fn assign_variant(
        &self,
        project: &ProjectSlug,
        number: &E164,
        variant: VariantId,
    ) -> Result<(), ChangeError>;
}

/// The ports bundled together and provided to server functions through Leptos context.
#[derive(Clone)]
pub struct Services {
    /// Project and number storage.
    pub projects: Arc<dyn ProjectStore>,
    /// Variant, publication and assignment changes.
    pub variants: Arc<dyn VariantStore>,
}
