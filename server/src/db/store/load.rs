//! Queries shared by the stores, usable on a connection or inside a transaction.

use super::corrupt;
use crate::db::entities::{
    number, project, published_version, published_version_variant, telephony_integration, variant,
};
use app::domain::{
    Environment, IntegrationKind, NumberState, ProjectSlug, Publications, Variant, VariantId,
};
use app::ports::{ChangeError, StoreError};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The project with this slug, if any.
pub async fn project_by_slug(
    conn: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<project::Model>, StoreError> {
    project::Entity::find()
        .filter(project::Column::Slug.eq(slug))
        .one(conn)
        .await
        .map_err(StoreError::from)
}

/// The project with this slug, or [`ChangeError::ProjectNotFound`].
pub async fn project(
    conn: &impl ConnectionTrait,
    slug: &ProjectSlug,
) -> Result<project::Model, ChangeError> {
    project_by_slug(conn, slug.as_str())
        .await?
        .ok_or_else(|| ChangeError::ProjectNotFound(slug.clone()))
}

/// A number row's lifecycle state.
pub fn state_of(row: &number::Model) -> Result<NumberState, StoreError> {
    NumberState::from_stored(
        &row.state,
        row.release_at,
        row.claimed_at,
        row.release_error.as_deref(),
    )
    .ok_or_else(|| corrupt("numbers", row.id, "state"))
}

/// Every variant of a project, deleted ones included, in draft order.
pub async fn variants_of(
    conn: &impl ConnectionTrait,
    project_id: i32,
) -> Result<Vec<variant::Model>, StoreError> {
    variant::Entity::find()
        .filter(variant::Column::ProjectId.eq(project_id))
        .order_by_asc(variant::Column::Position)
        .order_by_asc(variant::Column::Id)
        .all(conn)
        .await
        .map_err(StoreError::from)
}

/// A project's telephony integrations (row id and kind), oldest first.
pub async fn integrations_of(
    conn: &impl ConnectionTrait,
    project_id: i32,
) -> Result<Vec<(i32, IntegrationKind)>, StoreError> {
    telephony_integration::Entity::find()
        .filter(telephony_integration::Column::ProjectId.eq(project_id))
        .order_by_asc(telephony_integration::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| {
            IntegrationKind::parse(&row.kind)
                .map(|kind| (row.id, kind))
                .ok_or_else(|| corrupt("telephony_integrations", row.id, "kind"))
        })
        .collect()
}

/// The draft: variants not deleted, in order.
pub fn draft(variants: &[variant::Model]) -> Vec<Variant> {
    variants
        .iter()
        .filter(|v| v.deleted_at.is_none())
        .map(to_variant)
        .collect()
}

/// A variant row as the domain sees it.
pub fn to_variant(row: &variant::Model) -> Variant {
    Variant {
        id: VariantId(i64::from(row.id)),
        name: row.name.clone(),
    }
}

/// The newest published version of each environment of a project.
pub async fn latest_versions(
    conn: &impl ConnectionTrait,
    project_id: i32,
) -> Result<Vec<(Environment, published_version::Model)>, StoreError> {
    // The newest row of each environment, through the (project, environment, version) index.
    let mut latest = Vec::new();
    for env in Environment::ALL {
        let newest = published_version::Entity::find()
            .filter(published_version::Column::ProjectId.eq(project_id))
            .filter(published_version::Column::Environment.eq(env.slug()))
            .order_by_desc(published_version::Column::Version)
            .one(conn)
            .await?;
        if let Some(row) = newest {
            latest.push((env, row));
        }
    }
    Ok(latest)
}

/// Variant ids held by each of `versions`.
pub async fn held_variants(
    conn: &impl ConnectionTrait,
    versions: &[i32],
) -> Result<HashMap<i32, Vec<i32>>, StoreError> {
    let rows = published_version_variant::Entity::find()
        .filter(
            published_version_variant::Column::PublishedVersionId.is_in(versions.iter().copied()),
        )
        .all(conn)
        .await?;
    let mut held: HashMap<i32, Vec<i32>> = HashMap::new();
    for row in rows {
        held.entry(row.published_version_id)
            .or_default()
            .push(row.variant_id);
    }
    Ok(held)
}

/// What each environment's newest published version holds, in draft order.
pub async fn publications(
    conn: &impl ConnectionTrait,
    project_id: i32,
    variants: &[variant::Model],
) -> Result<Publications, StoreError> {
    let latest = latest_versions(conn, project_id).await?;
    let ids: Vec<i32> = latest.iter().map(|(_, v)| v.id).collect();
    let held = held_variants(conn, &ids).await?;
    let mut publications = Publications::default();
    for (env, version) in latest {
        let in_version = held.get(&version.id).cloned().unwrap_or_default();
        let list = variants
            .iter()
            .filter(|v| in_version.contains(&v.id))
            .map(to_variant)
            .collect();
        publications = publications.with(env, list);
    }
    Ok(publications)
}
