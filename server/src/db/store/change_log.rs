//! The feed of changes open pages follow: [`note`] adds to it inside the transaction of the
//! change (the audit log's [`super::history_store::record`] notes every entry it writes),
//! [`SeaStore::commit_and_announce`] wakes the streams once committed, and [`ChangeFeed`]
//! reads it back. A day of changes is kept: enough for any stream to resume.
//!
//! A stream reads "after the last id it sent", so one project's ids must become visible in
//! order. Ids are taken when a change is written and seen when it commits: on PostgreSQL
//! [`note`] first takes a transaction-scoped advisory lock on the project, so the transactions
//! noting one project's changes take turns from their note to their commit (SQLite serialises
//! every writer already).

use super::SeaStore;
use crate::db::entities::{project, project_change};
use app::domain::live::{Change, LiveChange, sentence};
use app::domain::{E164, ProjectSlug, UnixSeconds, phone_format};
use app::ports::{ChangeFeed, StoreError};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};

/// One change to add to the feed.
pub(crate) struct Noted<'a> {
    /// The project changed.
    pub project_id: i32,
    /// Who changed it.
    pub actor: &'a str,
    /// The number changed, E.164, if one.
    pub e164: Option<&'a str>,
    /// What changed.
    pub change: Change<'a>,
}

/// A stored E.164 number as people read it (`+44 20 7946 0123`), or as stored if unparsable.
pub(crate) fn shown(e164: &str) -> String {
    E164::parse(e164).map_or_else(
        |_| e164.to_owned(),
        |number| phone_format::display(&number).international,
    )
}

/// The first key of the advisory locks ordering a project's changes (the second is the
/// project's id); the start-up lock uses the one-key space, which never overlaps this one.
const CHANGE_LOCK_CLASS: i32 = 0x4e43;

/// Adds `noted` to the feed at `at`, in the caller's transaction (on PostgreSQL, holding the
/// project's change lock until it ends).
pub(crate) async fn note(
    conn: &impl ConnectionTrait,
    noted: Noted<'_>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        conn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1, $2)",
            [CHANGE_LOCK_CLASS.into(), noted.project_id.into()],
        ))
        .await?;
    }
    project_change::ActiveModel {
        project_id: Set(noted.project_id),
        at: Set(at),
        actor: Set(noted.actor.to_owned()),
        sentence: Set(sentence(noted.actor, noted.change)),
        e164: Set(noted.e164.map(str::to_owned)),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

impl SeaStore {
    /// Commits `txn`, then wakes the streams following `project` (here and, on PostgreSQL,
    /// on every instance).
    pub(super) async fn commit_and_announce(
        &self,
        txn: DatabaseTransaction,
        project: &ProjectSlug,
    ) -> Result<(), StoreError> {
        txn.commit().await?;
        self.live.changed(project).await;
        Ok(())
    }

    /// Like [`SeaStore::commit_and_announce`], for a project known by its row id.
    pub(super) async fn commit_and_announce_id(
        &self,
        txn: DatabaseTransaction,
        project_id: i32,
    ) -> Result<(), StoreError> {
        let slug = project::Entity::find_by_id(project_id)
            .one(&txn)
            .await?
            .and_then(|row| ProjectSlug::parse(&row.slug).ok());
        txn.commit().await?;
        if let Some(slug) = slug {
            self.live.changed(&slug).await;
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl ChangeFeed for SeaStore {
    async fn changes_after(
        &self,
        slug: &ProjectSlug,
        after: i64,
        limit: u64,
    ) -> Result<Vec<LiveChange>, StoreError> {
        let Some(project) = super::load::project_by_slug(&self.db, slug.as_str()).await? else {
            return Ok(Vec::new());
        };
        let rows = project_change::Entity::find()
            .filter(project_change::Column::ProjectId.eq(project.id))
            .filter(project_change::Column::Id.gt(after))
            .order_by_asc(project_change::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| LiveChange {
                id: row.id,
                actor: row.actor,
                sentence: row.sentence,
                number: row.e164,
                by_you: false,
            })
            .collect())
    }

    async fn forget_before(&self, before: UnixSeconds) -> Result<u64, StoreError> {
        let gone = project_change::Entity::delete_many()
            .filter(project_change::Column::At.lt(super::utc(before)))
            .exec(&self.db)
            .await?;
        Ok(gone.rows_affected)
    }

    async fn newest(&self, slug: &ProjectSlug) -> Result<i64, StoreError> {
        let Some(project) = super::load::project_by_slug(&self.db, slug.as_str()).await? else {
            return Ok(0);
        };
        let newest = project_change::Entity::find()
            .filter(project_change::Column::ProjectId.eq(project.id))
            .order_by_desc(project_change::Column::Id)
            .one(&self.db)
            .await?;
        Ok(newest.map_or(0, |row| row.id))
    }
}
