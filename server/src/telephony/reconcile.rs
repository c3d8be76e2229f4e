//! Start-up reconciliation: purchases interrupted between the provider and our database
//! are undone, so no number is left bought but unknown, or known but not owned.

use super::twilio::TwilioClient;
use crate::db::PENDING;
use crate::db::entities::{number, pool_number, purchase, telephony_integration};
use app::domain::IntegrationKind;
use app::ports::TwilioAccount;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

/// What reconciliation did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Interrupted purchases marked failed (their reserved numbers returned to stock).
    pub interrupted: u64,
    /// Stock rows of numbers already in use, removed.
    pub finished: u64,
    /// Numbers released at Twilio because their purchase was interrupted.
    pub released: u64,
    /// Interrupted Twilio purchases left for the next start (Twilio unreachable).
    pub deferred: u64,
}

/// Marks the purchase failed as interrupted.
async fn mark_interrupted(db: &DatabaseConnection, id: i32) -> Result<(), DbErr> {
    purchase::Entity::update_many()
        .col_expr(purchase::Column::Status, Expr::value("failed"))
        .col_expr(purchase::Column::Error, Expr::value(INTERRUPTED))
        .filter(purchase::Column::Id.eq(id))
        .exec(db)
        .await
        .map(drop)
}

/// Releases numbers bought at Twilio whose purchase was interrupted (they carry the
/// purchase's key as their friendly name), then marks those purchases failed.
pub async fn reconcile_twilio(
    db: &DatabaseConnection,
    twilio: &TwilioClient,
) -> Result<Reconciled, DbErr> {
    let mut done = Reconciled::default();
    let pending = purchase::Entity::find()
        .filter(purchase::Column::Status.eq(PENDING))
        .filter(purchase::Column::Provider.eq(IntegrationKind::Twilio.slug()))
        .all(db)
        .await?;
    for p in pending {
        let integration = telephony_integration::Entity::find()
            .filter(telephony_integration::Column::ProjectId.eq(p.project_id))
            .filter(telephony_integration::Column::Kind.eq(IntegrationKind::Twilio.slug()))
            .one(db)
            .await?;
        let Some(account) = integration.and_then(|i| {
            Some(TwilioAccount {
                account_sid: i.twilio_account_sid?,
                auth_token: i.twilio_auth_token?,
                api_key_sid: i.twilio_api_key_sid,
            })
        }) else {
            mark_interrupted(db, p.id).await?;
            continue;
        };
        let released = async {
            let mut count = 0;
            for owned in twilio
                .find_by_friendly_name(&account, &p.idempotency_key)
                .await?
            {
                twilio.release(&account, &owned.sid).await?;
                count += 1;
            }
            Ok::<u64, super::twilio::TwilioError>(count)
        }
        .await;
        match released {
            Ok(count) => {
                done.released += count;
                mark_interrupted(db, p.id).await?;
                done.interrupted += 1;
            }
            Err(err) => {
                tracing::warn!(%err, key = p.idempotency_key, "cannot reconcile a Twilio purchase now; will retry at the next start");
                done.deferred += 1;
            }
        }
    }
    Ok(done)
}

/// Message recorded for a purchase interrupted before its number was saved.
pub const INTERRUPTED: &str =
    "The purchase was interrupted before it completed; nothing was bought. Please try again.";

/// Undoes interrupted pool purchases and finishes confirmations that did not happen.
pub async fn reconcile_pool(db: &DatabaseConnection) -> Result<Reconciled, DbErr> {
    let mut done = Reconciled::default();
    // A saved purchase is atomic with its number: pending means the number was never saved.
    let pending = purchase::Entity::find()
        .filter(purchase::Column::Status.eq(PENDING))
        .filter(purchase::Column::Provider.eq(IntegrationKind::BuiltInPool.slug()))
        .all(db)
        .await?;
    for p in pending {
        pool_number::Entity::update_many()
            .col_expr(
                pool_number::Column::ReservedBy,
                Expr::value(Option::<String>::None),
            )
            .filter(pool_number::Column::ReservedBy.eq(&p.idempotency_key))
            .exec(db)
            .await?;
        mark_interrupted(db, p.id).await?;
        done.interrupted += 1;
    }
    // Stock whose number is in use (a lost confirmation, or data added outside the pool).
    let in_use: Vec<String> = number::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.e164)
        .collect();
    for chunk in in_use.chunks(500) {
        let removed = pool_number::Entity::delete_many()
            .filter(pool_number::Column::E164.is_in(chunk.iter().cloned()))
            .exec(db)
            .await?;
        done.finished += removed.rows_affected;
    }
    Ok(done)
}
