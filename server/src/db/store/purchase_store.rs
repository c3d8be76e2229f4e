//! [`PurchaseStore`] over sea-orm.

use super::history_store::{Event, record};
use super::{SeaStore, load};
use crate::db::entities::{number, purchase, telephony_integration, variant};
use app::domain::idempotency::{Attempt, Decision, RequestFingerprint, decide};
use app::domain::{EventKind, IntegrationKind, NumberState, Ownership, ProjectSlug, placement};
use app::ports::{ChangeError, NewNumber, PurchaseStore, StoreError};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, SqlErr,
    TransactionTrait,
};

/// Purchase status values as stored.
pub const PENDING: &str = "pending";
const SUCCEEDED: &str = "succeeded";
const FAILED: &str = "failed";

/// The attempt a stored purchase row describes.
fn attempt(row: &purchase::Model) -> Attempt {
    match (row.status.as_str(), &row.e164, &row.error) {
        (SUCCEEDED, Some(e164), _) => Attempt::Succeeded(e164.clone()),
        (FAILED, _, error) => Attempt::Failed(error.clone().unwrap_or_default()),
        _ => Attempt::Pending,
    }
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

#[async_trait::async_trait]
impl PurchaseStore for SeaStore {
    async fn start_purchase(
        &self,
        slug: &ProjectSlug,
        key: &str,
        fingerprint: &RequestFingerprint,
        provider: IntegrationKind,
    ) -> Result<Decision, ChangeError> {
        let project = load::project(&self.db, slug).await?;
        // A key is scoped to its project: another project's key is a conflict, whatever it asked.
        let seen = |row: &purchase::Model| {
            if row.project_id != project.id {
                return Decision::Conflict;
            }
            let recorded = RequestFingerprint(row.fingerprint.clone());
            decide(Some((&recorded, &attempt(row))), fingerprint)
        };
        if let Some(row) = by_key(&self.db, key).await? {
            return Ok(seen(&row));
        }
        let insert = purchase::ActiveModel {
            idempotency_key: Set(key.to_owned()),
            project_id: Set(project.id),
            provider: Set(provider.slug().into()),
            fingerprint: Set(fingerprint.0.clone()),
            status: Set(PENDING.into()),
            e164: Set(None),
            error: Set(None),
            created_at: Set(self.now()),
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
                Ok(seen(&row))
            }
            Err(err) => Err(err.into()),
        }
    }

    async fn finish_purchase(&self, key: &str, new: &NewNumber) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        insert_number(&txn, new, None, self.now()).await?;
        let mut row: purchase::ActiveModel = by_key(&txn, key)
            .await?
            .ok_or_else(|| StoreError(format!("no purchase recorded under {key}")))?
            .into();
        row.status = Set(SUCCEEDED.into());
        row.e164 = Set(Some(new.e164.as_str().to_owned()));
        row.update(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn fail_purchase(&self, key: &str, message: &str) -> Result<(), StoreError> {
        purchase::Entity::update_many()
            .col_expr(
                purchase::Column::Status,
                sea_orm::sea_query::Expr::value(FAILED),
            )
            .col_expr(
                purchase::Column::Error,
                sea_orm::sea_query::Expr::value(message),
            )
            .filter(purchase::Column::IdempotencyKey.eq(key))
            .exec(&self.db)
            .await
            .map_err(StoreError::from)
            .map(drop)
    }
}
