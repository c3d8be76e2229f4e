//! Live updates: who may follow a project's changes, and what their stream sends.

use crate::domain::live::LiveChange;
use crate::domain::{Denied, Need, ProjectSlug, authorise};
use crate::error::AppError;
use crate::ports::{CurrentMember, Services};

/// How many changes one read of the feed returns at most (a page behind by more reads again).
pub const CHANGES_PER_READ: u64 = 200;

/// How long the feed keeps a change, in seconds: a page reconnecting later reloads anyway.
pub const KEPT_SECS: i64 = 24 * 60 * 60;

/// Drops changes older than [`KEPT_SECS`] (the background worker's chore); how many.
pub async fn forget_old_changes(services: &Services) -> Result<u64, AppError> {
    let before = services.clock.now() - KEPT_SECS;
    Ok(services.changes.forget_before(before).await?)
}

/// A member allowed to follow a project: the project, and the member's email.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watcher {
    /// The project followed.
    pub project: ProjectSlug,
    /// Who follows it.
    pub email: String,
}

/// Whether `current` may follow `project` now, asked when a stream opens and again while it
/// runs: the session must still be valid (built-in accounts) and the member still able to read
/// the project. Refusals are those of the project's pages: [`AppError::SignInRequired`], or
/// [`AppError::ProjectNotFound`] for a project the member may not see.
pub async fn may_watch(
    services: &Services,
    current: &CurrentMember,
    project: &str,
) -> Result<Watcher, AppError> {
    let member = match &current.token {
        Some(token) => {
            services
                .identity
                .member(token, services.clock.now())
                .await?
        }
        // Trusted-proxy mode: the proxy vouched for the member on this request.
        None => current.member.clone(),
    };
    let Some(member) = member else {
        return Err(AppError::SignInRequired);
    };
    let not_found = || AppError::ProjectNotFound(crate::domain::text::excerpt(project));
    let slug = ProjectSlug::parse(project).map_err(|_| not_found())?;
    let permission = services.projects.permission(&member.email, &slug).await?;
    match authorise(Some(permission), Need::Read) {
        Ok(_) => Ok(Watcher {
            project: slug,
            email: member.email,
        }),
        Err(Denied::SignedOut) => Err(AppError::SignInRequired),
        Err(_) => Err(not_found()),
    }
}

/// Where a new stream for `watcher` starts: after the project's newest change.
pub async fn newest_change(services: &Services, watcher: &Watcher) -> Result<i64, AppError> {
    Ok(services.changes.newest(&watcher.project).await?)
}

/// The changes of the watched project after event id `after`, oldest first, each marked when
/// the watcher made it.
pub async fn changes_after(
    services: &Services,
    watcher: &Watcher,
    after: i64,
) -> Result<Vec<LiveChange>, AppError> {
    let mut changes = services
        .changes
        .changes_after(&watcher.project, after, CHANGES_PER_READ)
        .await?;
    for change in &mut changes {
        change.by_you = change.actor == watcher.email;
    }
    Ok(changes)
}
