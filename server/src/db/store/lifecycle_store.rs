//! [`LifecycleStore`] over sea-orm: each step is checked by the domain's state machine and
//! applied with a compare-and-set on the state it was read in, with its history entry, in one
//! transaction.

use super::change_log::{Noted, note, shown};
use super::history_store::{Event, record};
use super::{SeaStore, corrupt, load};
use crate::db::entities::{number, project, telephony_integration};
use app::domain::lifecycle::{STALE_CLAIM_SECS, clock_utc};
use app::domain::live::{Change, SYSTEM_ACTOR};
use app::domain::{
    E164, Environment, EventKind, IntegrationKind, Next, NumberState, Ownership, ProjectSlug, Step,
    UnixSeconds, lifecycle, placement,
};
use app::ports::{ChangeError, DeletionFacts, LifecycleStore, StoreError};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};

/// A number row of the project, with its facts.
async fn facts_of(
    conn: &impl ConnectionTrait,
    slug: &ProjectSlug,
    e164: &E164,
) -> Result<Option<(number::Model, DeletionFacts)>, ChangeError> {
    let project = load::project(conn, slug).await?;
    let Some(row) = number::Entity::find()
        .filter(number::Column::ProjectId.eq(project.id))
        .filter(number::Column::E164.eq(e164.as_str()))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let integration = telephony_integration::Entity::find_by_id(row.integration_id)
        .one(conn)
        .await?
        .and_then(|i| IntegrationKind::parse(&i.kind))
        .ok_or_else(|| corrupt("numbers", row.id, "integration"))?;
    let facts = DeletionFacts {
        e164: e164.clone(),
        project: slug.clone(),
        environment: Environment::parse(&row.environment)
            .map_err(|_| corrupt("numbers", row.id, "environment"))?,
        source: integration,
        ownership: Ownership::parse(&row.ownership)
            .ok_or_else(|| corrupt("numbers", row.id, "ownership"))?,
        state: load::state_of(&row)?,
        previous_voice_url: row.previous_voice_url.clone(),
    };
    Ok(Some((row, facts)))
}

/// Matches the row only while it is still in the state it was read in.
fn unchanged(row: &number::Model) -> Condition {
    let claimed = match row.claimed_at {
        Some(at) => number::Column::ClaimedAt.eq(at),
        None => number::Column::ClaimedAt.is_null(),
    };
    Condition::all()
        .add(number::Column::Id.eq(row.id))
        .add(number::Column::State.eq(row.state.as_str()))
        .add(claimed)
}

/// What the history says the number was before and after `step`.
fn before_after(
    step: &Step,
    facts: &DeletionFacts,
    variant: Option<&str>,
    next: &Next,
) -> (Option<String>, Option<String>) {
    let here = placement(facts.environment, variant);
    match (step, next) {
        (Step::RequestRelease, Next::State(NumberState::PendingRelease { release_at })) => (
            Some(here),
            Some(format!("Release at {}", clock_utc(*release_at))),
        ),
        (Step::Undo, _) => (Some("Pending release".into()), Some(here)),
        (Step::Released, _) => (
            Some(here),
            Some(format!("Released to {}", facts.source.label())),
        ),
        (Step::ReleaseFailed(reason), _) => (Some("Releasing".into()), Some(reason.clone())),
        (Step::Retry, _) => (Some("Release failed".into()), Some("Releasing".into())),
        (Step::NotConnected(reason), _) => (
            Some("Connecting".into()),
            Some(format!("Not connected: {reason}")),
        ),
        (Step::Disconnect, _) => (
            Some(here),
            Some(match &facts.previous_voice_url {
                Some(url) => format!("Disconnected; voice URL back to {url}"),
                None => "Disconnected".into(),
            }),
        ),
        (Step::AccountDisconnected, _) => (
            Some(here),
            Some(match &facts.previous_voice_url {
                Some(url) => format!("Twilio account disconnected; voice URL back to {url}"),
                None => "Twilio account disconnected".into(),
            }),
        ),
        _ => (None, None),
    }
}

#[async_trait::async_trait]
impl LifecycleStore for SeaStore {
    async fn deletion_facts(
        &self,
        slug: &ProjectSlug,
        e164: &E164,
    ) -> Result<Option<DeletionFacts>, ChangeError> {
        Ok(facts_of(&self.db, slug, e164)
            .await?
            .map(|(_, facts)| facts))
    }

    async fn apply(
        &self,
        slug: &ProjectSlug,
        e164: &E164,
        step: Step,
        now: UnixSeconds,
        window: i64,
        actor: &str,
    ) -> Result<Option<NumberState>, ChangeError> {
        let txn = self.db.begin().await?;
        let (row, facts) = facts_of(&txn, slug, e164)
            .await?
            .ok_or_else(|| ChangeError::NumberNotFound(e164.clone()))?;
        let next = lifecycle::next(&facts.state, facts.ownership, &step, now, window)?;
        let changed = match &next {
            Next::Gone => {
                number::Entity::delete_many()
                    .filter(unchanged(&row))
                    .exec(&txn)
                    .await?
                    .rows_affected
            }
            Next::State(state) => {
                let (release_at, error) = match state {
                    NumberState::PendingRelease { release_at } => (Some(*release_at), None),
                    NumberState::ReleaseFailed { reason } => (None, Some(reason.clone())),
                    _ => (None, None),
                };
                let claimed_at = state.since();
                number::Entity::update_many()
                    .col_expr(number::Column::State, Expr::value(state.slug()))
                    .col_expr(number::Column::ReleaseAt, Expr::value(release_at))
                    .col_expr(number::Column::ClaimedAt, Expr::value(claimed_at))
                    .col_expr(number::Column::ReleaseError, Expr::value(error))
                    .filter(unchanged(&row))
                    .exec(&txn)
                    .await?
                    .rows_affected
            }
        };
        if changed != 1 {
            return Err(ChangeError::Concurrent);
        }
        if let Some(kind) = EventKind::of_step(&step) {
            let variants = load::variants_of(&txn, row.project_id).await?;
            let variant = row
                .variant_id
                .and_then(|id| variants.iter().find(|v| v.id == id))
                .map(|v| v.name.as_str());
            let (before, after) = before_after(&step, &facts, variant, &next);
            record(
                &txn,
                Event {
                    project_id: row.project_id,
                    e164: &row.e164,
                    kind,
                    actor,
                    at: super::utc(now),
                    before,
                    after,
                },
            )
            .await?;
        } else if let Some(change) = Change::of_unlogged_step(&step, &shown(&row.e164)) {
            // Twilio did not answer the member: the product checks, and says so.
            let actor = match change {
                Change::Checking(_) => SYSTEM_ACTOR,
                _ => actor,
            };
            note(
                &txn,
                Noted {
                    project_id: row.project_id,
                    actor,
                    e164: Some(&row.e164),
                    change,
                },
                super::utc(now),
            )
            .await?;
        }
        self.commit_and_announce(txn, slug).await?;
        Ok(match next {
            Next::Gone => None,
            Next::State(state) => Some(state),
        })
    }

    async fn due_releases(&self, now: UnixSeconds) -> Result<Vec<(ProjectSlug, E164)>, StoreError> {
        let rows = number::Entity::find()
            .filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(number::Column::State.eq(NumberState::PENDING_RELEASE))
                            .add(number::Column::ReleaseAt.lte(now)),
                    )
                    .add(
                        Condition::all()
                            .add(number::Column::State.eq(NumberState::RELEASING))
                            .add(number::Column::ClaimedAt.lte(now - STALE_CLAIM_SECS)),
                    ),
            )
            .all(&self.db)
            .await?;
        with_projects(&self.db, rows).await
    }

    async fn checks_due(
        &self,
        before: UnixSeconds,
    ) -> Result<Vec<(ProjectSlug, E164)>, StoreError> {
        let rows = number::Entity::find()
            .filter(
                number::Column::State.is_in([NumberState::CONNECTING, NumberState::DISCONNECTING]),
            )
            .filter(number::Column::ClaimedAt.lte(before))
            .all(&self.db)
            .await?;
        with_projects(&self.db, rows).await
    }
}

/// The project and number of each row.
async fn with_projects(
    db: &impl ConnectionTrait,
    rows: Vec<number::Model>,
) -> Result<Vec<(ProjectSlug, E164)>, StoreError> {
    let projects: Vec<project::Model> = project::Entity::find().all(db).await?;
    rows.into_iter()
        .map(|row| {
            let slug = projects
                .iter()
                .find(|p| p.id == row.project_id)
                .and_then(|p| ProjectSlug::parse(&p.slug).ok())
                .ok_or_else(|| corrupt("numbers", row.id, "project"))?;
            let e164 = E164::parse(&row.e164).map_err(|_| corrupt("numbers", row.id, "e164"))?;
            Ok((slug, e164))
        })
        .collect()
}
