//! The audit log over sea-orm: [`record`] appends (inside the caller's transaction),
//! [`HistoryStore`] reads. Nothing updates or deletes an entry.

use super::change_log::{Noted, note, shown};
use super::{SeaStore, corrupt, load};
use crate::db::entities::number_event;
use app::domain::live::Change;
use app::domain::{E164, EventKind, HistoryEntry, ProjectSlug};
use app::ports::{ChangeError, HistoryStore, StoreError};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

/// One change to record.
pub(crate) struct Event<'a> {
    /// The number's project.
    pub project_id: i32,
    /// The number.
    pub e164: &'a str,
    /// What happened.
    pub kind: EventKind,
    /// Who did it.
    pub actor: &'a str,
    /// When.
    pub at: DateTime<Utc>,
    /// What it was before.
    pub before: Option<String>,
    /// What it is after.
    pub after: Option<String>,
}

/// Appends `event` to the log, and to the feed open pages follow (the caller announces it
/// once committed).
pub(crate) async fn record(
    conn: &impl ConnectionTrait,
    event: Event<'_>,
) -> Result<(), StoreError> {
    // The subject is a number, or the Twilio account, or an API key.
    let number = E164::parse(event.e164).is_ok().then_some(event.e164);
    let subject = number.map_or_else(|| event.e164.to_owned(), shown);
    note(
        conn,
        Noted {
            project_id: event.project_id,
            actor: event.actor,
            e164: number,
            change: Change::Logged(event.kind, &subject),
        },
        event.at,
    )
    .await?;
    number_event::ActiveModel {
        project_id: Set(event.project_id),
        e164: Set(event.e164.to_owned()),
        kind: Set(event.kind.slug().into()),
        actor: Set(event.actor.to_owned()),
        at: Set(event.at),
        before: Set(event.before),
        after: Set(event.after),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map(drop)
    .map_err(StoreError::from)
}

fn entry(row: number_event::Model) -> Result<HistoryEntry, StoreError> {
    Ok(HistoryEntry {
        kind: EventKind::parse(&row.kind)
            .ok_or_else(|| corrupt("number_events", row.id, "kind"))?,
        e164: row.e164,
        actor: row.actor,
        at: row.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        before: row.before,
        after: row.after,
    })
}

async fn project_id(store: &SeaStore, slug: &ProjectSlug) -> Result<i32, ChangeError> {
    Ok(load::project(&store.db, slug).await?.id)
}

#[async_trait::async_trait]
impl HistoryStore for SeaStore {
    async fn number_history(
        &self,
        slug: &ProjectSlug,
        e164: &E164,
    ) -> Result<Vec<HistoryEntry>, ChangeError> {
        let project_id = project_id(self, slug).await?;
        let rows = number_event::Entity::find()
            .filter(number_event::Column::ProjectId.eq(project_id))
            .filter(number_event::Column::E164.eq(e164.as_str()))
            .order_by_desc(number_event::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(entry).collect::<Result<_, _>>()?)
    }

    async fn project_history(
        &self,
        slug: &ProjectSlug,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<HistoryEntry>, u64), ChangeError> {
        let project_id = project_id(self, slug).await?;
        let pages = number_event::Entity::find()
            .filter(number_event::Column::ProjectId.eq(project_id))
            .order_by_desc(number_event::Column::Id)
            .paginate(&self.db, per_page.max(1));
        let total = pages.num_items().await?;
        // Past the end means the last page: the offset never grows beyond the rows there are.
        let last = total.div_ceil(per_page.max(1)).max(1);
        let rows = pages.fetch_page(page.clamp(1, last) - 1).await?;
        let entries = rows.into_iter().map(entry).collect::<Result<_, _>>()?;
        Ok((entries, total))
    }
}
