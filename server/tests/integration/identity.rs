//! Built-in accounts: sign-in, sessions (expiry, sign-out, rotation), limits on failures, and
//! the session cookie through the router.

use crate::support::TestDb;
use crate::support::http::{demo_router, get, send};
use app::ports::{Identity, SignInError};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use server::identity::BuiltInAccounts;

const PASSWORD: &str = "numbers-demo";

async fn accounts(t: &TestDb, ttl: i64) -> BuiltInAccounts {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    BuiltInAccounts::new(t.db.clone(), ttl)
}

async fn sessions_open_expire_and_close(t: &TestDb) {
    let ids = accounts(t, 3600).await;
    let session = ids
        .sign_in(" Viewer@Example.com ", PASSWORD, None, None, 1000)
        .await
        .unwrap();
    assert_eq!(session.max_age_secs, 3600);
    let member = ids.member(&session.token, 1001).await.unwrap().unwrap();
    assert_eq!(member.email, "viewer@example.com");
    assert_eq!(
        ids.member(&session.token, 1000 + 3600).await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(ids.member("forged", 1001).await.unwrap(), None);
    ids.sign_out(&session.token).await.unwrap();
    assert_eq!(
        ids.member(&session.token, 1001).await.unwrap(),
        None,
        "ended on the server"
    );
}

async fn signing_in_again_ends_the_session_the_browser_held(t: &TestDb) {
    let ids = accounts(t, 3600).await;
    let first = ids
        .sign_in("editor@example.com", PASSWORD, None, None, 1000)
        .await
        .unwrap();
    let second = ids
        .sign_in(
            "editor@example.com",
            PASSWORD,
            None,
            Some(&first.token),
            1001,
        )
        .await
        .unwrap();
    assert_ne!(first.token, second.token, "a new token at each sign-in");
    assert_eq!(ids.member(&first.token, 1002).await.unwrap(), None);
    assert!(ids.member(&second.token, 1002).await.unwrap().is_some());
}

async fn wrong_passwords_and_unknown_accounts_look_the_same_and_are_limited(t: &TestDb) {
    let ids = accounts(t, 3600).await;
    for (email, password) in [
        ("admin@example.com", "wrong"),
        ("nobody@example.com", PASSWORD),
    ] {
        assert_eq!(
            ids.sign_in(email, password, Some("10.0.0.1"), None, 1000)
                .await
                .unwrap_err(),
            SignInError::Mismatch
        );
    }
    for i in 0..4 {
        let _ = ids
            .sign_in(
                "admin@example.com",
                "wrong",
                Some("10.0.0.2"),
                None,
                1001 + i,
            )
            .await;
    }
    // Five failures for admin (from two addresses): even the right password waits now.
    let throttled = ids
        .sign_in("admin@example.com", PASSWORD, Some("10.0.0.9"), None, 1010)
        .await
        .unwrap_err();
    assert_eq!(throttled, SignInError::Throttled(15));
    assert_eq!(
        throttled.to_string(),
        "Too many failed sign-ins. Try again in 15 minutes."
    );
    // Another account is not held back from another address...
    assert!(
        ids.sign_in("editor@example.com", PASSWORD, Some("10.0.0.9"), None, 1010)
            .await
            .is_ok()
    );
    // ...but 10.0.0.2 made four failures, and one more blocks every account from it.
    let _ = ids
        .sign_in("viewer@example.com", "wrong", Some("10.0.0.2"), None, 1011)
        .await;
    assert!(matches!(
        ids.sign_in(
            "outsider@example.com",
            PASSWORD,
            Some("10.0.0.2"),
            None,
            1012
        )
        .await,
        Err(SignInError::Throttled(_))
    ));
    // The window passes.
    assert!(
        ids.sign_in(
            "admin@example.com",
            PASSWORD,
            Some("10.0.0.9"),
            None,
            1000 + 15 * 60 + 5
        )
        .await
        .is_ok()
    );
}

/// Two instances over one database: failures on either count against the same limit.
async fn the_sign_in_limit_holds_across_instances(t: &TestDb) {
    let first = accounts(t, 3600).await;
    let second = BuiltInAccounts::new(t.db.clone(), 3600);
    for (instance, at) in [
        (&first, 2000),
        (&second, 2001),
        (&first, 2002),
        (&second, 2003),
        (&first, 2004),
    ] {
        let refused = instance
            .sign_in("admin@example.com", "wrong", Some("10.0.0.3"), None, at)
            .await
            .unwrap_err();
        assert_eq!(refused, SignInError::Mismatch);
    }
    for instance in [&first, &second] {
        assert_eq!(
            instance
                .sign_in("admin@example.com", PASSWORD, Some("10.0.0.4"), None, 2005)
                .await
                .unwrap_err(),
            SignInError::Throttled(15)
        );
    }
}

on_both_backends!(
    the_sign_in_limit_holds_across_instances,
    sessions_open_expire_and_close,
    signing_in_again_ends_the_session_the_browser_held,
    wrong_passwords_and_unknown_accounts_look_the_same_and_are_limited,
);

/// The `name=value` part of the response's session cookie.
fn session_cookie(headers: &axum::http::HeaderMap) -> String {
    let set_cookie = headers[header::SET_COOKIE].to_str().unwrap();
    set_cookie.split(';').next().unwrap().to_owned()
}

/// acme's Numbers page as the holder of `cookie` sees it.
async fn acme_numbers_page(router: &axum::Router, cookie: &str) -> String {
    let request = Request::get("/projects/acme/numbers")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    send(router, request).await.2
}

/// A form POST; `html` makes it a browser's submit without JavaScript (answered by redirects).
fn form_post(path: &str, body: &str, cookie: Option<&str>, html: bool) -> Request<Body> {
    let mut request =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if html {
        request = request.header(header::ACCEPT, "text/html");
    }
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

#[tokio::test]
async fn the_session_cookie_signs_in_names_the_actor_and_signs_out() {
    use leptos::server_fn::ServerFn;
    let (router, _t) = demo_router().await;
    let (status, headers, _) = send(
        &router,
        form_post(
            app::api::SignIn::PATH,
            "email=editor%40example.com&password=numbers-demo&next=%2Fprojects%2Facme%2Fnumbers",
            None,
            true,
        ),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(headers[header::LOCATION], "/projects/acme/numbers");
    let set_cookie = headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    for flag in [
        "HttpOnly",
        "SameSite=Lax",
        "Path=/",
        "Max-Age=3600",
        "Secure",
    ] {
        assert!(set_cookie.contains(flag), "{flag} in {set_cookie}");
    }
    let cookie = session_cookie(&headers);

    let html = acme_numbers_page(&router, &cookie).await;
    assert!(
        html.contains("editor@example.com"),
        "the header names the member"
    );
    assert!(html.contains("Sign out"));

    // Changes are recorded under the member's name.
    let (status, _, _) = send(
        &router,
        form_post(
            app::api::DeleteNumber::PATH,
            "project=acme&e164=%2B442079460123&confirm_digits=",
            Some(&cookie),
            false,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, history) = send(
        &router,
        form_post(
            app::api::NumberHistory::PATH,
            "project=acme&e164=%2B442079460123",
            Some(&cookie),
            false,
        ),
    )
    .await;
    assert!(
        history.contains(r#""actor":"editor@example.com""#),
        "{history}"
    );

    let (status, headers, _) = send(
        &router,
        form_post(app::api::SignOut::PATH, "", Some(&cookie), true),
    )
    .await;
    assert!(status.is_redirection());
    assert!(
        headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let html = acme_numbers_page(&router, &cookie).await;
    assert!(
        !html.contains("editor@example.com"),
        "the old cookie no longer signs in"
    );

    let (status, _, body) = send(
        &router,
        form_post(
            app::api::SignIn::PATH,
            "email=editor%40example.com&password=nope&next=%2F",
            None,
            false,
        ),
    )
    .await;
    assert!(!status.is_success(), "{status}");
    assert!(
        body.contains("That email and password do not match an account."),
        "{body}"
    );

    // Without JavaScript the refusal comes back, in the URL, to the page the form was on.
    let request = Request::post(app::api::SignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::REFERER, "http://127.0.0.1:3000/signin?next=%2F")
        .body(Body::from(
            "email=editor%40example.com&password=nope&next=%2F",
        ))
        .unwrap();
    let (status, headers, _) = send(&router, request).await;
    assert!(status.is_redirection(), "{status}");
    let location = headers[header::LOCATION].to_str().unwrap();
    let path = location
        .strip_prefix("http://127.0.0.1:3000")
        .unwrap_or_else(|| panic!("back to the sign-in page: {location}"));
    assert!(
        path.starts_with("/signin?") && path.contains("__err="),
        "{path}"
    );
    let (_, _, html) = get(&router, path).await;
    assert!(
        html.contains("That email and password do not match an account."),
        "{html}"
    );
}

#[tokio::test]
async fn the_project_switcher_lists_only_the_members_projects() {
    use leptos::server_fn::ServerFn;
    let (router, _t) = demo_router().await;
    for (email, expected) in [
        (
            "admin@example.com",
            &["Acme Support", "Solo Clinic", "Fresh Start"][..],
        ),
        ("viewer@example.com", &["Acme Support"][..]),
        ("outsider@example.com", &[][..]),
    ] {
        let (_, headers, _) = send(
            &router,
            form_post(
                app::api::SignIn::PATH,
                &format!(
                    "email={}&password=numbers-demo&next=%2F",
                    email.replace('@', "%40")
                ),
                None,
                true,
            ),
        )
        .await;
        let cookie = session_cookie(&headers);
        let html = acme_numbers_page(&router, &cookie).await;
        let nav = html
            .split(r#"aria-label="Projects""#)
            .nth(1)
            .and_then(|rest| rest.split("</nav>").next())
            .unwrap_or_else(|| panic!("{email}: no project switcher"));
        for name in ["Acme Support", "Solo Clinic", "Fresh Start"] {
            assert_eq!(
                nav.contains(name),
                expected.contains(&name),
                "{email}: {name}"
            );
        }
        if !expected.is_empty() {
            assert!(
                nav.contains(r#"aria-current="page""#),
                "{email}: acme is marked current"
            );
        }
    }
}
