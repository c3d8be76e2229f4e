//! Signing in and out, and who is signed in.

use crate::domain::ProjectSummary;
use crate::error::AppError;
use crate::ports::{CurrentMember, Member, NewSession, Services, SignInError};

/// The longest email address there is (RFC 5321's path limit, less the angle brackets).
const MAX_EMAIL_LEN: usize = 254;

/// Checks `email` and `password` and opens a new session, ending the one `request` carried.
/// A wrong email or password is an invalid `password` (which of the two is not said), too
/// many failures answer when to try again.
pub async fn sign_in(
    services: &Services,
    request: &CurrentMember,
    email: &str,
    password: &str,
) -> Result<NewSession, AppError> {
    if email.trim().len() > MAX_EMAIL_LEN {
        return Err(AppError::invalid(
            "email",
            "That is longer than any email address.",
        ));
    }
    services
        .identity
        .sign_in(
            email,
            password,
            request.address.as_deref(),
            request.token.as_deref(),
            services.clock.now(),
        )
        .await
        .map_err(|err| match err {
            SignInError::Store(e) => e.into(),
            SignInError::Mismatch => AppError::invalid("password", SignInError::Mismatch),
            SignInError::Throttled(_) => AppError::TooManyRequests(err.to_string()),
            SignInError::Elsewhere => AppError::Rejected(err.to_string()),
        })
}

/// Ends the session `request` carried, if any.
pub async fn sign_out(services: &Services, request: &CurrentMember) -> Result<(), AppError> {
    if let Some(token) = &request.token {
        services.identity.sign_out(token).await?;
    }
    Ok(())
}

/// Where `/` takes `member`: the Numbers page of their first project, or their (empty)
/// project list.
pub async fn landing_page(services: &Services, member: &Member) -> Result<String, AppError> {
    let projects = projects_of(services, member).await?;
    Ok(match projects.first() {
        Some(first) => crate::paths::numbers(&first.slug),
        None => crate::paths::PROJECTS.to_owned(),
    })
}

/// The projects `member` may see, in display order.
pub async fn projects_of(
    services: &Services,
    member: &Member,
) -> Result<Vec<ProjectSummary>, AppError> {
    Ok(services.projects.projects_of(&member.email).await?)
}
