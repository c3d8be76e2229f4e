//! [`VariantStore`] over sea-orm: each change runs in one transaction, rules from the domain.

use super::change_log::{Noted, note};
use super::history_store::{Event, record};
use super::{SeaStore, corrupt, load};
use crate::db::entities::{number, published_version, published_version_variant, variant};
use app::domain::live::Change;
use app::domain::{
    E164, Environment, EventKind, LifecycleError, NumberState, ProjectSlug, PublishRecord, Variant,
    VariantId, VariantName, VariantNameError, check_assignment, placement, promoted_variants,
};
use app::ports::{ChangeError, StoreError, VariantStore};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, SqlErr, TransactionTrait,
};
use std::collections::HashMap;

impl SeaStore {
    async fn begin(&self) -> Result<DatabaseTransaction, StoreError> {
        self.db.begin().await.map_err(StoreError::from)
    }

    /// Notes `change` of project `project_id` by `actor` in `txn`, commits, and announces it.
    async fn commit_noted(
        &self,
        txn: DatabaseTransaction,
        slug: &ProjectSlug,
        project_id: i32,
        actor: &str,
        change: Change<'_>,
    ) -> Result<(), ChangeError> {
        let noted = Noted {
            project_id,
            actor,
            e164: None,
            change,
        };
        note(&txn, noted, self.now()).await?;
        Ok(self.commit_and_announce(txn, slug).await?)
    }
}

/// A write refused by the unique index on draft names: another member took `name` at the
/// same moment (the index, not the check before it, decides a race).
fn name_taken(err: DbErr, name: &VariantName) -> ChangeError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            ChangeError::Name(VariantNameError::Taken(name.as_str().into()))
        }
        _ => err.into(),
    }
}

/// A draft variant of the project (not deleted).
fn draft_variant(
    variants: &[variant::Model],
    id: VariantId,
) -> Result<&variant::Model, ChangeError> {
    variants
        .iter()
        .find(|v| i64::from(v.id) == id.0 && v.deleted_at.is_none())
        .ok_or(ChangeError::VariantNotFound(id))
}

/// Records a new published version of `env` holding `variants`, published `at`.
async fn record_version(
    conn: &impl ConnectionTrait,
    project_id: i32,
    env: Environment,
    variants: &[Variant],
    actor: &str,
    at: DateTime<Utc>,
) -> Result<(), ChangeError> {
    let previous = published_version::Entity::find()
        .filter(published_version::Column::ProjectId.eq(project_id))
        .filter(published_version::Column::Environment.eq(env.slug()))
        .order_by_desc(published_version::Column::Version)
        .one(conn)
        .await?;
    let version = published_version::ActiveModel {
        project_id: Set(project_id),
        environment: Set(env.slug().into()),
        version: Set(previous.map_or(1, |p| p.version + 1)),
        published_by: Set(actor.into()),
        published_at: Set(at),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for variant in variants {
        let variant_id =
            i32::try_from(variant.id.0).map_err(|_| ChangeError::VariantNotFound(variant.id))?;
        published_version_variant::ActiveModel {
            published_version_id: Set(version.id),
            variant_id: Set(variant_id),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl VariantStore for SeaStore {
    async fn publish_history(&self, slug: &ProjectSlug) -> Result<Vec<PublishRecord>, ChangeError> {
        let project = load::project(&self.db, slug).await?;
        let versions = published_version::Entity::find()
            .filter(published_version::Column::ProjectId.eq(project.id))
            .order_by_desc(published_version::Column::PublishedAt)
            .order_by_desc(published_version::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = versions.iter().map(|v| v.id).collect();
        let held = load::held_variants(&self.db, &ids).await?;
        let variants = load::variants_of(&self.db, project.id).await?;
        let names: HashMap<i32, &str> = variants.iter().map(|v| (v.id, v.name.as_str())).collect();
        versions
            .into_iter()
            .map(|v| {
                let in_version = held.get(&v.id).cloned().unwrap_or_default();
                Ok(PublishRecord {
                    environment: Environment::parse(&v.environment)
                        .map_err(|_| corrupt("published_versions", v.id, "environment"))?,
                    version: v.version,
                    published_by: v.published_by,
                    published_at: v.published_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    variants: variants
                        .iter()
                        .filter(|row| in_version.contains(&row.id))
                        .filter_map(|row| names.get(&row.id).map(|n| (*n).to_owned()))
                        .collect(),
                })
            })
            .collect()
    }

    async fn create_variant(
        &self,
        slug: &ProjectSlug,
        name: &VariantName,
        actor: &str,
    ) -> Result<Variant, ChangeError> {
        let txn = self.begin().await?;
        let project = load::project(&txn, slug).await?;
        let variants = load::variants_of(&txn, project.id).await?;
        name.check_unique(&load::draft(&variants), None)?;
        let position = variants
            .iter()
            .map(|v| v.position)
            .max()
            .map_or(0, |p| p + 1);
        let row = variant::ActiveModel {
            project_id: Set(project.id),
            name: Set(name.as_str().into()),
            name_key: Set(name.key()),
            position: Set(position),
            created_at: Set(self.now()),
            deleted_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|e| name_taken(e, name))?;
        let created = Change::VariantCreated(name.as_str());
        self.commit_noted(txn, slug, project.id, actor, created)
            .await?;
        Ok(load::to_variant(&row))
    }

    async fn rename_variant(
        &self,
        slug: &ProjectSlug,
        id: VariantId,
        name: &VariantName,
        actor: &str,
    ) -> Result<(), ChangeError> {
        let txn = self.begin().await?;
        let project = load::project(&txn, slug).await?;
        let variants = load::variants_of(&txn, project.id).await?;
        let row = draft_variant(&variants, id)?.clone();
        name.check_unique(&load::draft(&variants), Some(id))?;
        let before = row.name.clone();
        let mut row: variant::ActiveModel = row.into();
        row.name = Set(name.as_str().into());
        row.name_key = Set(name.key());
        row.update(&txn).await.map_err(|e| name_taken(e, name))?;
        let renamed = Change::VariantRenamed(&before, name.as_str());
        self.commit_noted(txn, slug, project.id, actor, renamed)
            .await
    }

    async fn delete_variant(
        &self,
        slug: &ProjectSlug,
        id: VariantId,
        actor: &str,
    ) -> Result<(), ChangeError> {
        let txn = self.begin().await?;
        let project = load::project(&txn, slug).await?;
        let variants = load::variants_of(&txn, project.id).await?;
        let deleted = draft_variant(&variants, id)?.clone();
        let name = deleted.name.clone();
        let mut row: variant::ActiveModel = deleted.into();
        row.deleted_at = Set(Some(self.now()));
        row.update(&txn).await?;
        let change = Change::VariantDeleted(&name);
        self.commit_noted(txn, slug, project.id, actor, change)
            .await
    }

    async fn publish_draft(&self, slug: &ProjectSlug, actor: &str) -> Result<(), ChangeError> {
        let txn = self.begin().await?;
        let project = load::project(&txn, slug).await?;
        let variants = load::variants_of(&txn, project.id).await?;
        record_version(
            &txn,
            project.id,
            Environment::Sandbox,
            &load::draft(&variants),
            actor,
            self.now(),
        )
        .await?;
        self.commit_noted(txn, slug, project.id, actor, Change::Published)
            .await
    }

    async fn promote(
        &self,
        slug: &ProjectSlug,
        target: Environment,
        actor: &str,
    ) -> Result<(), ChangeError> {
        let txn = self.begin().await?;
        let project = load::project(&txn, slug).await?;
        let variants = load::variants_of(&txn, project.id).await?;
        let publications = load::publications(&txn, project.id, &variants).await?;
        let promoted = promoted_variants(&publications, target)?;
        record_version(&txn, project.id, target, &promoted, actor, self.now()).await?;
        let promoted = Change::Promoted(target);
        self.commit_noted(txn, slug, project.id, actor, promoted)
            .await
    }

    async fn assign_variant(
        &self,
        slug: &ProjectSlug,
        e164: &E164,
        variant: VariantId,
        actor: &str,
    ) -> Result<(), ChangeError> {
        let txn = self.begin().await?;
        let project = load::project(&txn, slug).await?;
        // Locked until the transaction ends (PostgreSQL; SQLite serialises writers), so
        // concurrent reassigns of one number take turns and each reads the value it replaces.
        let row = number::Entity::find()
            .filter(number::Column::E164.eq(e164.as_str()))
            .filter(number::Column::ProjectId.eq(project.id))
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or_else(|| ChangeError::NumberNotFound(e164.clone()))?;
        if !load::state_of(&row)?.is_active() {
            return Err(LifecycleError::BeingDeleted.into());
        }
        let environment = Environment::parse(&row.environment)
            .map_err(|_| corrupt("numbers", row.id, "environment"))?;
        let variants = load::variants_of(&txn, project.id).await?;
        let chosen = variants
            .iter()
            .find(|v| i64::from(v.id) == variant.0)
            .ok_or(ChangeError::VariantNotFound(variant))?;
        let publications = load::publications(&txn, project.id, &variants).await?;
        check_assignment(&publications, environment, variant)?;
        let before = row
            .variant_id
            .and_then(|id| variants.iter().find(|v| v.id == id))
            .map(|v| v.name.clone());
        // Only while still active and still on the variant read: a delete or another
        // reassign committed meanwhile wins, and this one changes nothing.
        let unchanged_variant = match row.variant_id {
            Some(id) => number::Column::VariantId.eq(id),
            None => number::Column::VariantId.is_null(),
        };
        let updated = number::Entity::update_many()
            .col_expr(number::Column::VariantId, Expr::value(chosen.id))
            .filter(number::Column::Id.eq(row.id))
            .filter(number::Column::State.eq(NumberState::ACTIVE))
            .filter(unchanged_variant)
            .exec(&txn)
            .await?;
        if updated.rows_affected != 1 {
            return Err(ChangeError::Concurrent);
        }
        let changed = before.as_deref() != Some(chosen.name.as_str());
        if changed {
            record(
                &txn,
                Event {
                    project_id: project.id,
                    e164: &row.e164,
                    kind: EventKind::of_assignment(before.as_deref()),
                    actor,
                    at: self.now(),
                    before: before.map(|name| placement(environment, Some(&name))),
                    after: Some(placement(environment, Some(&chosen.name))),
                },
            )
            .await?;
            self.commit_and_announce(txn, slug).await?;
        } else {
            txn.commit().await?;
        }
        Ok(())
    }
}
