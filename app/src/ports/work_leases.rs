//! The port background work takes turns through when several instances share one database.

use super::StoreError;
use crate::domain::UnixSeconds;

/// Leases on pieces of background work: an instance acts on a row only while it holds the
/// row's lease, so no two act on one row at once; a lease expires, so what a stopped instance
/// held is taken over.
#[async_trait::async_trait]
pub trait WorkLeases: Send + Sync {
    /// Takes (or renews) the lease on `subject` for `holder` until `until`, unless another
    /// holder's lease runs past `now`; whether `holder` now holds it.
    async fn take_lease(
        &self,
        subject: &str,
        holder: &str,
        now: UnixSeconds,
        until: UnixSeconds,
    ) -> Result<bool, StoreError>;
}
