//! The port live updates read: the feed of changes to a project. Stores add to it in the
//! transaction of each change; the server's stream of a page reads it after every wake-up.

use super::StoreError;
use crate::domain::live::LiveChange;
use crate::domain::{ProjectSlug, UnixSeconds};

/// Reads the changes made to a project, by event id.
#[async_trait::async_trait]
pub trait ChangeFeed: Send + Sync {
    /// Up to `limit` changes of `project` with an id above `after`, oldest first (`by_you`
    /// unset: the use case knows who asks).
    async fn changes_after(
        &self,
        project: &ProjectSlug,
        after: i64,
        limit: u64,
    ) -> Result<Vec<LiveChange>, StoreError>;

    /// The id of `project`'s newest change, 0 when it has none: where a new stream starts.
    async fn newest(&self, project: &ProjectSlug) -> Result<i64, StoreError>;

    /// Drops the changes made before `before`; how many.
    async fn forget_before(&self, before: UnixSeconds) -> Result<u64, StoreError>;
}
