//! Authorisation for server functions: who is asking, and may they do this to this project?

use crate::domain::{Denied, Need, Permission, ProjectSlug, authorise};
use crate::error::AppError;
use crate::ports::Services;

/// A request that passed [`require`]: what it may use and who it is for.
pub(crate) struct Allowed {
    /// The ports.
    pub services: Services,
    /// The project, parsed.
    pub slug: ProjectSlug,
    /// The member's email, for the histories.
    pub actor: String,
    /// What the member may do.
    pub permission: Permission,
}

/// Lets the request through if the signed-in member has `need` on `project`; otherwise
/// [`AppError::SignInRequired`] (signed out), [`AppError::ProjectNotFound`] (no access: the
/// project is not confirmed to exist) or [`AppError::ReadOnly`] (Read asking to change).
pub(crate) async fn require(project: &str, need: Need) -> Result<Allowed, AppError> {
    let services = super::services()?;
    let member = super::session::current().member;
    let slug = ProjectSlug::parse(project);
    let permission = match (&member, &slug) {
        (None, _) => None,
        (Some(_), Err(_)) => Some(Permission::None),
        (Some(member), Ok(slug)) => Some(services.projects.permission(&member.email, slug).await?),
    };
    match (authorise(permission, need), member, slug) {
        (Ok(permission), Some(member), Ok(slug)) => Ok(Allowed {
            services,
            slug,
            actor: member.email,
            permission,
        }),
        (Err(Denied::SignedOut), ..) => Err(AppError::SignInRequired),
        (Err(Denied::ReadOnly), ..) => Err(AppError::ReadOnly),
        _ => Err(AppError::ProjectNotFound(crate::domain::text::excerpt(
            project,
        ))),
    }
}
