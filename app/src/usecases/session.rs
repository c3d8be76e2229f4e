//! Signing in and out, and who is signed in.

use crate::domain::ProjectSummary;
use crate::error::AppError;
use crate::ports::{CurrentMember, Member, NewSession, Services, SignInError};

/// Checks `email` and `password` and opens a new session, ending the one `request` carried.
pub async fn sign_in(
    services: &Services,
    request: &CurrentMember,
    email: &str,
    password: &str,
) -> Result<NewSession, AppError> {
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
            other => AppError::Rejected(other.to_string()),
        })
}

/// Ends the session `request` carried, if any.
pub async fn sign_out(services: &Services, request: &CurrentMember) -> Result<(), AppError> {
    if let Some(token) = &request.token {
        services.identity.sign_out(token).await?;
    }
    Ok(())
}

/// The projects `member` may see, in display order.
pub async fn projects_of(
    services: &Services,
    member: &Member,
) -> Result<Vec<ProjectSummary>, AppError> {
    Ok(services.projects.projects_of(&member.email).await?)
}
