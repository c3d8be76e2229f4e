//! Previewing where a call to a number goes.

use crate::domain::{E164, ProjectSlug, RoutingPreview, route};
use crate::error::AppError;
use crate::ports::Services;

/// How many recent calls the preview lists.
const RECENT_CALLS: u64 = 10;

/// Where a call to `number` of `project` would go right now, and its latest calls.
pub async fn test_routing(
    services: &Services,
    project: &ProjectSlug,
    number: E164,
) -> Result<RoutingPreview, AppError> {
    super::overview(services, project).await?;
    if services.projects.number(project, &number).await?.is_none() {
        return Err(AppError::NumberNotFound(number.to_string()));
    }
    let facts = services.routing.route_facts(&number).await?;
    let calls = services.routing.recent_calls(&number, RECENT_CALLS).await?;
    Ok(RoutingPreview {
        e164: number.to_string(),
        decision: route(facts.as_ref()),
        calls,
    })
}
