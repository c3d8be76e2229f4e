//! Use cases (server only): typed commands in, domain results out. They see only the domain
//! and the ports; server functions build their commands and map nothing by hand.

pub mod api_keys;
pub mod buy_number;
pub mod connect_number;
pub mod delete_number;
pub mod history;
pub mod import_numbers;
pub mod integrations;
pub mod live;
pub mod numbers;
pub mod pages;
pub mod routing;
pub mod session;
pub mod settle;
pub mod variants;

use crate::domain::{ProjectOverview, ProjectSlug};
use crate::ports::{ChangeError, Services};

/// The project's stored overview, or [`ChangeError::ProjectNotFound`].
async fn overview(services: &Services, slug: &ProjectSlug) -> Result<ProjectOverview, ChangeError> {
    services
        .projects
        .overview(slug)
        .await?
        .ok_or_else(|| ChangeError::ProjectNotFound(slug.clone()))
}
