//! Authorisation for server functions: who is asking, and may they do this to this project?

use crate::domain::{Denied, Need, Permission, ProjectSlug, authorise};
use crate::error::AppError;
use crate::ports::Services;
use http::StatusCode;

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
/// answers 401 (signed out), 404 (no access: the project is not confirmed to exist) or
/// 403 (Read asking to change).
pub(crate) async fn require(project: &str, need: Need) -> Result<Allowed, AppError> {
    let services = super::services()?;
    let member = super::session::current().member;
    let refuse = |status: StatusCode, err: AppError| {
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
        err
    };
    let not_found = || {
        refuse(
            StatusCode::NOT_FOUND,
            AppError::ProjectNotFound(project.to_owned()),
        )
    };
    let slug = ProjectSlug::parse(project);
    let permission = match (&member, &slug) {
        (None, _) => None,
        (Some(_), Err(_)) => Some(Permission::None),
        (Some(member), Ok(slug)) => Some(
            services
                .projects
                .permission(&member.email, slug)
                .await
                .map_err(|err| {
                    tracing::error!(%err, "reading a member's permission failed");
                    AppError::Unavailable
                })?,
        ),
    };
    match (authorise(permission, need), member, slug) {
        (Ok(permission), Some(member), Ok(slug)) => Ok(Allowed {
            services,
            slug,
            actor: member.email,
            permission,
        }),
        (Err(Denied::SignedOut), ..) => {
            Err(refuse(StatusCode::UNAUTHORIZED, AppError::SignInRequired))
        }
        (Err(Denied::ReadOnly), ..) => Err(refuse(StatusCode::FORBIDDEN, AppError::ReadOnly)),
        _ => Err(not_found()),
    }
}
