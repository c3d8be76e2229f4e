//! [`WorkLeases`] over sea-orm: one upsert decides who holds a lease (the row's lock serialises
//! instances racing for it); a day after expiry a lease row is dropped.

use super::SeaStore;
use crate::db::entities::work_lease;
use app::domain::UnixSeconds;
use app::ports::{StoreError, WorkLeases};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};

/// How long an expired lease row is kept, in seconds.
const KEPT_SECS: i64 = 24 * 60 * 60;

#[async_trait::async_trait]
impl WorkLeases for SeaStore {
    async fn take_lease(
        &self,
        subject: &str,
        holder: &str,
        now: UnixSeconds,
        until: UnixSeconds,
    ) -> Result<bool, StoreError> {
        let lease = work_lease::ActiveModel {
            subject: Set(subject.to_owned()),
            holder: Set(holder.to_owned()),
            held_until: Set(until),
        };
        // Taken over only once expired, or renewed by its own holder.
        let free = Expr::col((work_lease::Entity, work_lease::Column::HeldUntil))
            .lte(now)
            .or(Expr::col((work_lease::Entity, work_lease::Column::Holder)).eq(holder));
        let upsert = OnConflict::column(work_lease::Column::Subject)
            .update_columns([work_lease::Column::Holder, work_lease::Column::HeldUntil])
            .action_and_where(free)
            .to_owned();
        let taken = match work_lease::Entity::insert(lease)
            .on_conflict(upsert)
            .exec_without_returning(&self.db)
            .await
        {
            Ok(rows) => rows == 1,
            Err(DbErr::RecordNotInserted) => false,
            Err(err) => return Err(err.into()),
        };
        work_lease::Entity::delete_many()
            .filter(work_lease::Column::HeldUntil.lt(now - KEPT_SECS))
            .exec(&self.db)
            .await?;
        Ok(taken)
    }
}
