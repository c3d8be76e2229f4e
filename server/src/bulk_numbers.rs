//! Many numbers at once, for load tests and benchmarks: a project the size of a large contact
//! centre, written in one transaction.

use crate::db::entities::{
    number, project, published_version, published_version_variant, telephony_integration,
};
use app::domain::{Environment, IntegrationKind, NumberState, Ownership};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::collections::HashSet;

/// Ofcom's ranges for drama (numbers that never ring anyone), 1,000 numbers each: geographic
/// `01x1 496 0xxx`, `0191 498 0xxx` and London's `020 7946 0xxx`.
const DRAMA_PREFIXES: [&str; 13] = [
    "+44113496",
    "+44114496",
    "+44115496",
    "+44116496",
    "+44117496",
    "+44118496",
    "+44121496",
    "+44131496",
    "+44141496",
    "+44151496",
    "+44161496",
    "+44191498",
    "+44207946",
];

/// Adds `count` UK drama numbers not yet in use to `environment` of project `slug`, one
/// minute apart from `since`: bought from the built-in pool, or connected through Twilio for
/// every tenth when the project has it; assigned the variants published to `environment` in
/// turn, every fifth unassigned. No history is written. Returns how many were added (fewer when the ranges run
/// out).
pub async fn add_numbers(
    db: &DatabaseConnection,
    slug: &str,
    environment: Environment,
    count: usize,
    since: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let txn = db.begin().await?;
    let project = project::Entity::find()
        .filter(project::Column::Slug.eq(slug))
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("project {slug}")))?;
    let integrations = telephony_integration::Entity::find()
        .filter(telephony_integration::Column::ProjectId.eq(project.id))
        .all(&txn)
        .await?;
    let of_kind = |kind: IntegrationKind| {
        integrations
            .iter()
            .find(|i| i.kind == kind.slug())
            .map(|i| i.id)
    };
    let pool = of_kind(IntegrationKind::BuiltInPool);
    let twilio = of_kind(IntegrationKind::Twilio);
    // The variants published to the environment: the only ones its numbers may have.
    let newest = published_version::Entity::find()
        .filter(published_version::Column::ProjectId.eq(project.id))
        .filter(published_version::Column::Environment.eq(environment.slug()))
        .order_by_desc(published_version::Column::Version)
        .one(&txn)
        .await?;
    let variants: Vec<i32> = match newest {
        Some(version) => published_version_variant::Entity::find()
            .filter(published_version_variant::Column::PublishedVersionId.eq(version.id))
            .order_by_asc(published_version_variant::Column::VariantId)
            .all(&txn)
            .await?
            .into_iter()
            .map(|v| v.variant_id)
            .collect(),
        None => Vec::new(),
    };
    let taken: HashSet<String> = number::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|n| n.e164)
        .collect();
    let free = DRAMA_PREFIXES
        .iter()
        .flat_map(|prefix| (0..1000).map(move |n| format!("{prefix}{n:04}")))
        .filter(|e164| !taken.contains(e164))
        .take(count);
    let mut rows = Vec::with_capacity(count);
    for (i, e164) in free.enumerate() {
        let connected = twilio.is_some() && (i % 10 == 9 || pool.is_none());
        let Some(integration) = (if connected { twilio } else { pool }) else {
            break;
        };
        let variant = (!variants.is_empty() && i % 5 != 4).then(|| variants[i % variants.len()]);
        rows.push(number::ActiveModel {
            e164: Set(e164),
            project_id: Set(project.id),
            environment: Set(environment.slug().into()),
            integration_id: Set(integration),
            ownership: Set(if connected {
                Ownership::Connected
            } else {
                Ownership::Purchased
            }
            .slug()
            .into()),
            variant_id: Set(variant),
            previous_voice_url: Set(None),
            created_by: Set("bulk@example.com".into()),
            created_at: Set(since + Duration::minutes(i64::try_from(i).unwrap_or(0))),
            state: Set(NumberState::ACTIVE.into()),
            ..Default::default()
        });
    }
    let added = rows.len();
    // Bounded batches: SQLite allows at most 32,766 bound values in one statement.
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<_> = rows.by_ref().take(500).collect();
        number::Entity::insert_many(batch).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(added)
}
