//! Start-up reconciliation: purchases interrupted between the provider and our database
//! are undone, so no number is left bought but unknown, or known but not owned.

use crate::db::PENDING;
use crate::db::entities::{number, pool_number, purchase};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

/// What reconciliation did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Interrupted purchases marked failed (their reserved numbers returned to stock).
    pub interrupted: u64,
    /// Stock rows of numbers already in use, removed.
    pub finished: u64,
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
        purchase::Entity::update_many()
            .col_expr(purchase::Column::Status, Expr::value("failed"))
            .col_expr(purchase::Column::Error, Expr::value(INTERRUPTED))
            .filter(purchase::Column::Id.eq(p.id))
            .exec(db)
            .await?;
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
