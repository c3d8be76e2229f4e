//! Trusted-proxy identity: the member named by the proxy's header, believed only from the
//! configured proxy addresses; permissions still come from the members table.

use crate::support::TestDb;
use crate::support::http::{config_for, form_request, send};
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use leptos::server_fn::ServerFn;
use server::config::IdentityMode;
use std::net::SocketAddr;

/// A demo router whose identity comes from `x-forwarded-email` set by proxies in 10.0.0.0/8.
async fn proxied() -> (Router, TestDb) {
    let t = TestDb::sqlite().await;
    let mut config = config_for(&t);
    config.demo = true;
    config.identity = IdentityMode::TrustedProxy;
    config.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
    let router = server::http::router(crate::support::http::prepare(&config).await);
    (router, t)
}

/// `request` arriving from `peer` with the identity header naming `email`.
fn from(peer: &str, email: Option<&str>, mut request: Request<Body>) -> Request<Body> {
    let addr: SocketAddr = format!("{peer}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(addr));
    if let Some(email) = email {
        request
            .headers_mut()
            .insert("x-forwarded-email", email.parse().unwrap());
    }
    request
}

fn page(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn the_header_names_the_member_only_when_a_proxy_sends_it() {
    let (router, _t) = proxied().await;
    let (status, _, html) = send(
        &router,
        from(
            "10.1.2.3",
            Some("viewer@example.com"),
            page("/projects/acme/numbers"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("viewer@example.com"));
    assert!(html.contains("View only"), "Read, from the members table");
    assert!(
        !html.contains("Sign out"),
        "the console signs members out, not this server"
    );

    for (peer, email) in [
        ("192.168.1.9", Some("admin@example.com")),
        ("10.1.2.3", None),
    ] {
        let (status, _, _) = send(&router, from(peer, email, page("/projects/acme/numbers"))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{peer} {email:?}");
    }
    let (status, _, _) = send(
        &router,
        from(
            "10.1.2.3",
            Some("outsider@example.com"),
            page("/projects/acme/numbers"),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A change as the proxy's member, and one smuggled past it.
    let delete = || {
        form_request(
            app::api::DeleteNumber::PATH,
            &[
                ("project", "acme"),
                ("e164", "+442079460123"),
                ("confirm_digits", ""),
            ],
            None,
        )
    };
    let (status, _, body) = send(
        &router,
        from("172.16.0.1", Some("admin@example.com"), delete()),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, _, body) = send(
        &router,
        from("10.1.2.3", Some("editor@example.com"), delete()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, _, history) = send(
        &router,
        from(
            "10.1.2.3",
            Some("editor@example.com"),
            form_request(
                app::api::NumberHistory::PATH,
                &[("project", "acme"), ("e164", "+442079460123")],
                None,
            ),
        ),
    )
    .await;
    assert!(
        history.contains(r#""actor":"editor@example.com""#),
        "{history}"
    );
}

#[tokio::test]
async fn there_is_no_sign_in_here_and_the_mode_needs_proxies() {
    let (router, _t) = proxied().await;
    let (status, headers, body) = send(
        &router,
        from(
            "10.1.2.3",
            None,
            form_request(
                app::api::SignIn::PATH,
                &[
                    ("email", "admin@example.com"),
                    ("password", "numbers-demo"),
                    ("next", "/"),
                ],
                None,
            ),
        ),
    )
    .await;
    assert!(!status.is_success());
    assert!(
        body.contains("Sign-in is handled by your console."),
        "{body}"
    );
    assert!(!headers.contains_key(header::SET_COOKIE));

    let t = TestDb::sqlite().await;
    let mut config = config_for(&t);
    config.identity = IdentityMode::TrustedProxy;
    let err = server::prepare(&config, crate::support::TestClock::at(crate::support::T0))
        .await
        .err()
        .expect("no proxies configured");
    assert!(err.to_string().contains("NUMBERS_TRUSTED_PROXIES"), "{err}");
}
