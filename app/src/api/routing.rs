//! Server functions of the routing preview.

use crate::domain::RoutingPreview;
use crate::error::AppError;
use leptos::prelude::*;

/// Where a call to `e164` of `project` would go right now, and its latest calls.
#[server]
pub async fn test_routing(project: String, e164: String) -> Result<RoutingPreview, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let number = super::number_of_project(&e164)?;
    crate::usecases::routing::test_routing(&allowed.services, &allowed.slug, number).await
}
