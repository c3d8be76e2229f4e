//! Server functions for signing in and out, and for who is signed in.

use crate::domain::ProjectSummary;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who is signed in, for the header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    /// Their email.
    pub email: String,
    /// The projects they may see, for the project switcher.
    pub projects: Vec<ProjectSummary>,
    /// Whether this server can sign them out (not when a console's proxy signed them in).
    pub signs_out_here: bool,
}

/// The request's [`crate::ports::CurrentMember`] (signed out when the middleware left none).
#[cfg(feature = "ssr")]
pub(crate) fn current() -> crate::ports::CurrentMember {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<crate::ports::CurrentMember>()
                .cloned()
        })
        .unwrap_or_default()
}

/// `next` if it is a path on this site, else the site root (no open redirects).
#[cfg(feature = "ssr")]
fn local_path(next: &str) -> &str {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if local { next } else { "/" }
}

/// The `Set-Cookie` value for `token` lasting `max_age` seconds (0 clears it).
#[cfg(feature = "ssr")]
pub(crate) fn session_cookie(token: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        crate::ports::SESSION_COOKIE,
        if secure { "; Secure" } else { "" }
    )
}

#[cfg(feature = "ssr")]
fn set_cookie(value: String) -> Result<(), AppError> {
    let value = http::HeaderValue::from_str(&value).map_err(|_| AppError::Unavailable)?;
    expect_context::<leptos_axum::ResponseOptions>().append_header(http::header::SET_COOKIE, value);
    Ok(())
}

/// Signs in with `email` and `password`, then goes to `next` (a path on this site).
#[server]
pub async fn sign_in(email: String, password: String, next: String) -> Result<(), AppError> {
    let services = super::services()?;
    let session =
        crate::usecases::session::sign_in(&services, &current(), &email, &password).await?;
    let secure = services.settings.secure_cookies;
    set_cookie(session_cookie(&session.token, session.max_age_secs, secure))?;
    leptos_axum::redirect(local_path(&next));
    Ok(())
}

/// Ends the session on the server and clears its cookie, then goes to the sign-in page.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    let services = super::services()?;
    crate::usecases::session::sign_out(&services, &current()).await?;
    set_cookie(session_cookie("", 0, services.settings.secure_cookies))?;
    leptos_axum::redirect(crate::paths::SIGN_IN);
    Ok(())
}

/// The signed-in member and their projects, if anyone is signed in.
#[server]
pub async fn signed_in_as() -> Result<Option<SignedIn>, AppError> {
    let request = current();
    let Some(member) = &request.member else {
        return Ok(None);
    };
    let projects = crate::usecases::session::projects_of(&super::services()?, member).await?;
    Ok(Some(SignedIn {
        email: member.email.clone(),
        projects,
        signs_out_here: request.token.is_some(),
    }))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(
            local_path("/projects/acme/numbers"),
            "/projects/acme/numbers"
        );
        for outside in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "",
            "javascript:x",
        ] {
            assert_eq!(local_path(outside), "/", "{outside}");
        }
    }

    #[test]
    fn session_cookies_are_http_only_lax_and_secure_over_https() {
        assert_eq!(
            session_cookie("t0k", 60, true),
            "numbers_session=t0k; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(!session_cookie("t0k", 60, false).contains("Secure"));
    }
}
