//! [`PurchaseStore`] over sea-orm.

use super::change_log::{Noted, note};
use super::history_store::{Event, record};
use super::{SeaStore, load};
use crate::db::entities::{number, project, purchase, telephony_integration, variant};
use app::domain::idempotency::{Attempt, Decision, RequestFingerprint, decide};
use app::domain::live::{Change, SYSTEM_ACTOR};
use app::domain::{
    CheckedPurchase, E164, Environment, EventKind, IntegrationKind, NumberState, Ownership,
    ProjectSlug, PurchaseCheck, UnixSeconds, VariantId, placement,
};
use app::ports::{ChangeError, NewNumber, PurchaseIntent, PurchaseStore, StoreError};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    SqlErr, TransactionTrait,
};

/// Purchase status values as stored.
pub const PENDING: &str = "pending";
/// The provider did not answer: whether it bought a number is being checked.
pub const CHECKING: &str = "checking";
const SUCCEEDED: &str = "succeeded";
const FAILED: &str = "failed";

/// The attempt a stored purchase row describes.
fn attempt(row: &purchase::Model) -> Attempt {
    match (row.status.as_str(), &row.e164, &row.error) {
        (SUCCEEDED, Some(e164), _) => Attempt::Succeeded(e164.clone()),
        (FAILED, _, error) => Attempt::Failed(error.clone().unwrap_or_default()),
        (CHECKING, _, _) => Attempt::Checking,
        _ => Attempt::Pending,
    }
}

/// What a stored purchase asked for, to finish it later.
fn intent(row: purchase::Model, project: ProjectSlug) -> Result<PurchaseIntent, StoreError> {
    let corrupt = |what| super::corrupt("purchases", row.id, what);
    Ok(PurchaseIntent {
        project,
        provider: IntegrationKind::parse(&row.provider).ok_or_else(|| corrupt("provider"))?,
        environment: row
            .environment
            .as_deref()
            .and_then(|e| Environment::parse(e).ok())
            .ok_or_else(|| corrupt("environment"))?,
        variant: row.variant_id.map(|v| VariantId(i64::from(v))),
        actor: row.actor.clone().unwrap_or_default(),
        fingerprint: RequestFingerprint(row.fingerprint),
        key: row.idempotency_key,
    })
}

async fn by_key(
    conn: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<purchase::Model>, StoreError> {
    purchase::Entity::find()
        .filter(purchase::Column::IdempotencyKey.eq(key))
        .one(conn)
        .await
        .map_err(StoreError::from)
}

/// Inserts `new` for its project, through the project's integration of its source kind, and
/// records it as bought or connected `at` in its history.
pub(super) async fn insert_number(
    conn: &impl ConnectionTrait,
    new: &NewNumber,
    previous_voice_url: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), ChangeError> {
    let project = load::project(conn, &new.project).await?;
    let integration = telephony_integration::Entity::find()
        .filter(telephony_integration::Column::ProjectId.eq(project.id))
        .filter(telephony_integration::Column::Kind.eq(new.source.slug()))
        .one(conn)
        .await?
        .ok_or_else(|| {
            StoreError(format!(
                "project {} has no {} integration",
                project.slug,
                new.source.slug()
            ))
        })?;
    let variant_id = new
        .variant
        .map(|v| i32::try_from(v.0).map_err(|_| ChangeError::VariantNotFound(v)))
        .transpose()?;
    let inserted = number::ActiveModel {
        e164: Set(new.e164.as_str().to_owned()),
        project_id: Set(project.id),
        environment: Set(new.environment.slug().into()),
        integration_id: Set(integration.id),
        ownership: Set(new.ownership.slug().into()),
        variant_id: Set(variant_id),
        previous_voice_url: Set(previous_voice_url.map(str::to_owned)),
        created_by: Set(new.created_by.clone()),
        created_at: Set(at),
        state: Set(NumberState::ACTIVE.into()),
        ..Default::default()
    }
    .insert(conn)
    .await;
    if let Err(err) = inserted {
        return Err(match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                ChangeError::NumberTaken(new.e164.clone())
            }
            _ => err.into(),
        });
    }
    let variant_name = match variant_id {
        Some(id) => variant::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|v| v.name),
        None => None,
    };
    record(
        conn,
        Event {
            project_id: project.id,
            e164: new.e164.as_str(),
            kind: match new.ownership {
                Ownership::Purchased => EventKind::Bought,
                Ownership::Connected => EventKind::Connected,
            },
            actor: &new.created_by,
            at,
            before: None,
            after: Some(placement(new.environment, variant_name.as_deref())),
        },
    )
    .await?;
    Ok(())
}

impl SeaStore {
    /// Notes `change` to purchase `row` (by the product: a check with Twilio) in `txn`, commits
    /// and announces it.
    async fn commit_noted_purchase(
        &self,
        txn: sea_orm::DatabaseTransaction,
        row: &purchase::Model,
        change: Change<'_>,
    ) -> Result<(), StoreError> {
        let noted = Noted {
            project_id: row.project_id,
            actor: SYSTEM_ACTOR,
            e164: None,
            change,
        };
        note(&txn, noted, self.now()).await?;
        self.commit_and_announce_id(txn, row.project_id).await
    }
}

#[async_trait::async_trait]
impl PurchaseStore for SeaStore {
    async fn start_purchase(&self, intent: &PurchaseIntent) -> Result<Decision, ChangeError> {
        let project = load::project(&self.db, &intent.project).await?;
        let key = intent.key.as_str();
        // A key is scoped to its project: another project's key is a conflict, whatever it asked.
        let seen = |row: &purchase::Model| {
            if row.project_id != project.id {
                return Decision::Conflict;
            }
            let recorded = RequestFingerprint(row.fingerprint.clone());
            decide(Some((&recorded, &attempt(row))), &intent.fingerprint)
        };
        if let Some(row) = by_key(&self.db, key).await? {
            return match seen(&row) {
                // It bought nothing: run again, if no concurrent retry took it first.
                Decision::Retry => {
                    // A new attempt: its own start, provider and check times.
                    let none = || Expr::value(Option::<DateTime<Utc>>::None);
                    let reopened = purchase::Entity::update_many()
                        .col_expr(purchase::Column::Status, Expr::value(PENDING))
                        .col_expr(purchase::Column::Error, Expr::value(Option::<String>::None))
                        .col_expr(
                            purchase::Column::Provider,
                            Expr::value(intent.provider.slug()),
                        )
                        .col_expr(purchase::Column::Actor, Expr::value(intent.actor.as_str()))
                        .col_expr(purchase::Column::CreatedAt, Expr::value(self.now()))
                        .col_expr(purchase::Column::CheckedAt, none())
                        .col_expr(purchase::Column::SettledAt, none())
                        .filter(purchase::Column::Id.eq(row.id))
                        .filter(purchase::Column::Status.eq(FAILED))
                        .exec(&self.db)
                        .await?;
                    Ok(match reopened.rows_affected {
                        1 => Decision::Retry,
                        _ => Decision::InProgress,
                    })
                }
                other => Ok(other),
            };
        }
        let insert = purchase::ActiveModel {
            idempotency_key: Set(key.to_owned()),
            project_id: Set(project.id),
            provider: Set(intent.provider.slug().into()),
            fingerprint: Set(intent.fingerprint.0.clone()),
            status: Set(PENDING.into()),
            e164: Set(None),
            error: Set(None),
            created_at: Set(self.now()),
            environment: Set(Some(intent.environment.slug().into())),
            variant_id: Set(intent.variant.and_then(|v| i32::try_from(v.0).ok())),
            actor: Set(Some(intent.actor.clone())),
            checked_at: Set(None),
            settled_at: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        match insert {
            Ok(_) => Ok(Decision::Proceed),
            // A concurrent request with the same key won the race: answer as it decides.
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                let row = by_key(&self.db, key)
                    .await?
                    .ok_or_else(|| StoreError(err.to_string()))?;
                Ok(match seen(&row) {
                    Decision::Retry => Decision::InProgress,
                    other => other,
                })
            }
            Err(err) => Err(err.into()),
        }
    }

    async fn finish_purchase(&self, key: &str, new: &NewNumber) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        // Only an attempt still pending or being checked can be finished, once.
        let finished = purchase::Entity::update_many()
            .col_expr(purchase::Column::Status, Expr::value(SUCCEEDED))
            .col_expr(purchase::Column::E164, Expr::value(new.e164.as_str()))
            .col_expr(purchase::Column::SettledAt, Expr::value(self.now()))
            .filter(purchase::Column::IdempotencyKey.eq(key))
            .filter(purchase::Column::Status.is_in([PENDING, CHECKING]))
            .exec(&txn)
            .await?;
        if finished.rows_affected != 1 {
            // Finished already with this very number (by the request or the settle worker)?
            let row = by_key(&txn, key).await?;
            let same = row.is_some_and(|r| {
                r.status == SUCCEEDED && r.e164.as_deref() == Some(new.e164.as_str())
            });
            return if same {
                Ok(())
            } else {
                Err(ChangeError::Concurrent)
            };
        }
        insert_number(&txn, new, None, self.now()).await?;
        self.commit_and_announce(txn, &new.project).await?;
        Ok(())
    }

    async fn fail_purchase(&self, key: &str, message: &str) -> Result<(), StoreError> {
        let txn = self.db.begin().await?;
        let failed = purchase::Entity::update_many()
            .col_expr(purchase::Column::Status, Expr::value(FAILED))
            .col_expr(purchase::Column::Error, Expr::value(message))
            .col_expr(purchase::Column::SettledAt, Expr::value(self.now()))
            .filter(purchase::Column::IdempotencyKey.eq(key))
            .filter(purchase::Column::Status.is_in([PENDING, CHECKING]))
            .exec(&txn)
            .await?;
        // Checked with Twilio (it showed on the page as being checked): news to open pages.
        let checked = by_key(&txn, key)
            .await?
            .filter(|row| failed.rows_affected == 1 && row.checked_at.is_some());
        match checked {
            Some(row) => {
                self.commit_noted_purchase(txn, &row, Change::NothingBought)
                    .await
            }
            None => Ok(txn.commit().await?),
        }
    }

    async fn doubt_purchase(&self, key: &str) -> Result<(), StoreError> {
        let txn = self.db.begin().await?;
        let doubted = purchase::Entity::update_many()
            .col_expr(purchase::Column::Status, Expr::value(CHECKING))
            .col_expr(purchase::Column::CheckedAt, Expr::value(self.now()))
            .filter(purchase::Column::IdempotencyKey.eq(key))
            .filter(purchase::Column::Status.eq(PENDING))
            .exec(&txn)
            .await?;
        match by_key(&txn, key).await? {
            Some(row) if doubted.rows_affected == 1 => {
                self.commit_noted_purchase(txn, &row, Change::PurchaseChecking)
                    .await
            }
            _ => Ok(txn.commit().await?),
        }
    }

    async fn doubt_abandoned_purchases(&self, before: UnixSeconds) -> Result<u64, StoreError> {
        let abandoned = purchase::Entity::find()
            .filter(purchase::Column::Status.eq(PENDING))
            .filter(purchase::Column::CreatedAt.lte(super::utc(before)))
            .all(&self.db)
            .await?;
        let mut doubted = 0;
        for row in abandoned {
            let txn = self.db.begin().await?;
            let changed = purchase::Entity::update_many()
                .col_expr(purchase::Column::Status, Expr::value(CHECKING))
                .col_expr(purchase::Column::CheckedAt, Expr::value(row.created_at))
                .filter(purchase::Column::Id.eq(row.id))
                .filter(purchase::Column::Status.eq(PENDING))
                .exec(&txn)
                .await?;
            if changed.rows_affected == 1 {
                doubted += 1;
                self.commit_noted_purchase(txn, &row, Change::PurchaseChecking)
                    .await?;
            } else {
                // Finished by its request meanwhile.
                txn.commit().await?;
            }
        }
        Ok(doubted)
    }

    async fn purchases_in_doubt(
        &self,
        before: UnixSeconds,
    ) -> Result<Vec<PurchaseIntent>, StoreError> {
        let rows = purchase::Entity::find()
            .filter(purchase::Column::Status.eq(CHECKING))
            .filter(purchase::Column::CheckedAt.lte(super::utc(before)))
            .order_by_asc(purchase::Column::Id)
            .all(&self.db)
            .await?;
        let projects: Vec<project::Model> = project::Entity::find().all(&self.db).await?;
        let read = |row: purchase::Model| {
            let slug = projects
                .iter()
                .find(|p| p.id == row.project_id)
                .and_then(|p| ProjectSlug::parse(&p.slug).ok())
                .ok_or_else(|| super::corrupt("purchases", row.id, "project"))?;
            intent(row, slug)
        };
        // One unreadable row must not stop every other check.
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                read(row)
                    .inspect_err(|err| tracing::error!(%err, "a purchase to check cannot be read"))
                    .ok()
            })
            .collect())
    }

    async fn checked_purchases(
        &self,
        slug: &ProjectSlug,
        since: UnixSeconds,
    ) -> Result<Vec<CheckedPurchase>, StoreError> {
        let Some(project) = load::project_by_slug(&self.db, slug.as_str()).await? else {
            return Ok(Vec::new());
        };
        let settled_lately = Condition::all()
            .add(purchase::Column::CheckedAt.is_not_null())
            .add(purchase::Column::SettledAt.gte(super::utc(since)));
        let rows = purchase::Entity::find()
            .filter(purchase::Column::ProjectId.eq(project.id))
            .filter(
                Condition::any()
                    .add(purchase::Column::Status.eq(CHECKING))
                    .add(settled_lately),
            )
            .order_by_asc(purchase::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let environment = Environment::parse(row.environment.as_deref()?).ok()?;
                let outcome = match (row.status.as_str(), row.e164.as_deref()) {
                    (CHECKING, _) => PurchaseCheck::Checking,
                    (SUCCEEDED, Some(e164)) => PurchaseCheck::Bought(E164::parse(e164).ok()?),
                    _ => PurchaseCheck::NothingBought,
                };
                Some(CheckedPurchase {
                    environment,
                    outcome,
                })
            })
            .collect())
    }
}
