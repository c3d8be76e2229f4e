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

/// `next` as a path and query on this site, else the site root: parsed as a URL against our
/// own origin the way a browser would (WHATWG URL: tabs and newlines dropped, `\\` read as
/// `/`), kept only if its origin is still ours, and returned percent-encoded, so it is safe in
/// a `Location` header and no browser can turn it into another site.
#[cfg(feature = "ssr")]
fn local_path(next: &str) -> String {
    const OURS: &str = "http://numbers.invalid/";
    let Ok(base) = url::Url::parse(OURS) else {
        return "/".into();
    };
    match base.join(next) {
        // A path that starts with `//` (from `/.//x`, say) would name a host in `Location`.
        Ok(target) if target.origin() == base.origin() && !target.path().starts_with("//") => {
            match target.query() {
                Some(query) => format!("{}?{query}", target.path()),
                None => target.path().to_owned(),
            }
        }
        _ => "/".into(),
    }
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
    use crate::usecases::session::{landing_page, sign_in};
    let services = super::services()?;
    let session = sign_in(&services, &current(), &email, &password).await?;
    // `/` is the server's own redirect, not a page: go where it would send this member.
    let target = match local_path(&next) {
        root if root == "/" => landing_page(&services, &session.member)
            .await
            .unwrap_or_else(|_| crate::paths::PROJECTS.to_owned()),
        path => path,
    };
    let secure = services.settings.secure_cookies;
    set_cookie(session_cookie(&session.token, session.max_age_secs, secure))?;
    leptos_axum::redirect(&target);
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
#[server(output = leptos::server_fn::codec::Postcard)]
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
        assert_eq!(
            local_path("/projects/acme/history?page=2"),
            "/projects/acme/history?page=2"
        );
        for outside in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            " //evil.example",
            "/.//evil.example",
            "/..//evil.example",
            "/%2e//evil.example",
            "/x/..//evil.example",
            "https:/evil.example",
            "javascript:alert(1)",
            "data:text/html,x",
        ] {
            assert_eq!(local_path(outside), "/", "{outside:?}");
        }
        assert_eq!(local_path(""), "/");
        // Relative to our own origin, whatever scheme it is served over: still this site.
        assert_eq!(local_path("http:evil.example"), "/evil.example");
    }

    #[test]
    fn what_comes_back_is_safe_in_a_header() {
        for next in [
            "/x\r\nSet-Cookie: a=1",
            "/x\0y",
            "/caf\u{e9}?q=\u{1F600}",
            &format!("/{}", "a".repeat(5000)),
        ] {
            let path = local_path(next);
            assert!(
                path.starts_with('/') && !path.starts_with("//"),
                "{next:?}: {path}"
            );
            assert!(
                http::HeaderValue::from_str(&path).is_ok(),
                "{next:?}: {path}"
            );
            assert!(!path.contains('\r') && !path.contains('\n'));
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
