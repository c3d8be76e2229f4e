//! Server functions of the routing preview.

use crate::domain::RoutingPreview;
use crate::error::AppError;
use leptos::prelude::*;

/// Where a call to `e164` of `project` would go right now, and its latest calls.
#[server]
pub async fn test_routing(project: String, e164: String) -> Result<RoutingPreview, AppError> {
    use crate::domain::{E164, route};
    let super::Allowed { services, slug, .. } =
        super::require(&project, crate::domain::Need::Read).await?;
    let not_found = || AppError::NumberNotFound(e164.clone());
    let number = E164::parse(&e164).map_err(|_| not_found())?;
    let overview = super::overview(&services, &slug).await?;
    if !overview.numbers.iter().any(|n| n.e164 == number) {
        return Err(not_found());
    }
    let storage = |e: crate::ports::StoreError| super::change_error(&slug, e.into());
    let facts = services
        .routing
        .route_facts(&number)
        .await
        .map_err(storage)?;
    let calls = services
        .routing
        .recent_calls(&number, 10)
        .await
        .map_err(storage)?;
    Ok(RoutingPreview {
        e164: number.as_str().to_owned(),
        decision: route(facts.as_ref()),
        calls,
    })
}
