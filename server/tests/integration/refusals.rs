//! Every refusal answered with its status and a bounded message, never a 500 or a panic:
//! malformed requests (400, 413, 415), invalid fields (422), refusals as things stand (409),
//! not found (404); hostile values change nothing; redirects and unknown pages stay on this
//! site with the member's header.

use crate::support::http::{
    ADMIN, app_error, demo_router, form_request, get_as, load_page, send, send_for_bytes, sign_in,
};
use app::api::{
    AssignVariant, BuyNumber, ConnectNumber, CreateVariant, DeleteNumber, LoadNumbersPage,
    NumberHistory, ProjectHistory, Promote, RenameVariant, RetryRelease, SignIn, TestRouting,
    UndoDelete,
};
use app::error::AppError;
use axum::Router;
use axum::body::Body;
use axum::body::Bytes;
use axum::http::{Request, StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use server::db::entities::{number, number_event, published_version, purchase, variant};

/// Everything a request could change.
async fn snapshot(db: &DatabaseConnection) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{}",
        number::Entity::find().all(db).await.unwrap(),
        variant::Entity::find().all(db).await.unwrap(),
        published_version::Entity::find().all(db).await.unwrap(),
        purchase::Entity::find().all(db).await.unwrap(),
        number_event::Entity::find().count(db).await.unwrap(),
    )
}

/// A POST of `body` typed `content_type` to `path`, with the session `cookie`.
fn raw_post(path: &str, content_type: &str, body: Vec<u8>, cookie: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

/// The error a refused request answered with; the body must be an `AppError` of at most
/// 2 KB (messages quote inputs only in part).
fn error_of(status: StatusCode, body: &[u8], what: &str) -> AppError {
    assert!(
        body.len() < 2048,
        "{what}: {status} answered {} bytes",
        body.len()
    );
    app_error(&format!("{what}: {status}"), body)
}

async fn call(
    router: &Router,
    cookie: Option<&str>,
    path: &str,
    args: &[(&str, &str)],
) -> (StatusCode, Bytes) {
    let (status, _, body) = send_for_bytes(router, form_request(path, args, cookie)).await;
    (status, body)
}

#[tokio::test]
async fn each_kind_of_refusal_has_its_status_and_changes_nothing() {
    let (router, t) = demo_router().await;
    let admin = sign_in(&router, ADMIN).await;
    let viewer = sign_in(&router, "viewer@example.com").await;
    let before = snapshot(&t.db).await;
    let buy = |environment: &'static str,
               country: &'static str,
               area: &'static str,
               key: &'static str| {
        vec![
            ("project", "acme"),
            ("environment", environment),
            ("country", country),
            ("area_code", area),
            ("idempotency_key", key),
        ]
    };
    /// What, as whom, which function with which arguments, the status, and the error's check.
    type Case<'a> = (
        &'a str,
        Option<&'a str>,
        &'a str,
        Vec<(&'a str, &'a str)>,
        u16,
        fn(&AppError) -> bool,
    );
    let cases: Vec<Case> = vec![
        (
            "signed out",
            None,
            LoadNumbersPage::PATH,
            vec![("project", "acme")],
            401,
            |e| *e == AppError::SignInRequired,
        ),
        (
            "read only",
            Some(&viewer),
            CreateVariant::PATH,
            vec![("project", "acme"), ("name", "Madrid")],
            403,
            |e| *e == AppError::ReadOnly,
        ),
        (
            "unknown project",
            Some(&admin),
            LoadNumbersPage::PATH,
            vec![("project", "nope")],
            404,
            |e| matches!(e, AppError::ProjectNotFound(_)),
        ),
        (
            "unknown number",
            Some(&admin),
            AssignVariant::PATH,
            vec![
                ("project", "acme"),
                ("e164", "+447700900999"),
                ("variant", "1"),
            ],
            404,
            |e| *e == AppError::NumberNotFound("+447700900999".into()),
        ),
        (
            "malformed number",
            Some(&admin),
            NumberHistory::PATH,
            vec![("project", "acme"), ("e164", "nope")],
            404,
            |e| matches!(e, AppError::NumberNotFound(_)),
        ),
        (
            "a US area code for Canada",
            Some(&admin),
            BuyNumber::PATH,
            buy("sandbox", "CA", "212", "refusal-key-ca"),
            422,
            |e| e.for_field("area_code").as_deref() == Some("212 is not a Canadian area code."),
        ),
        (
            "a Canadian area code for the US",
            Some(&admin),
            BuyNumber::PATH,
            buy("sandbox", "US", "416", "refusal-key-us"),
            422,
            |e| {
                e.for_field("area_code").as_deref()
                    == Some("416 is a Canadian area code; choose Canada to buy in it.")
            },
        ),
        (
            "N11 area code",
            Some(&admin),
            BuyNumber::PATH,
            buy("sandbox", "US", "911", "refusal-key-1"),
            422,
            |e| e.for_field("area_code").is_some(),
        ),
        (
            "non-geographic area code",
            Some(&admin),
            BuyNumber::PATH,
            buy("sandbox", "US", "900", "refusal-key-2"),
            422,
            |e| {
                e.for_field("area_code")
                    .is_some_and(|m| m.contains("premium"))
            },
        ),
        (
            "unknown environment",
            Some(&admin),
            BuyNumber::PATH,
            buy("staging", "UK", "", "refusal-key-3"),
            422,
            |e| e.for_field("environment").is_some(),
        ),
        (
            "letters in a number",
            Some(&admin),
            ConnectNumber::PATH,
            vec![
                ("project", "acme"),
                ("environment", "sandbox"),
                ("phone_number", "+1 212 555 O142"),
            ],
            422,
            |e| {
                e.for_field("phone_number")
                    .is_some_and(|m| m.contains("letters"))
            },
        ),
        (
            "wrong confirmation digits",
            Some(&admin),
            DeleteNumber::PATH,
            vec![
                ("project", "acme"),
                ("e164", "+447700900321"),
                ("confirm_digits", "1234"),
            ],
            422,
            |e| e.for_field("confirm_digits").is_some(),
        ),
        (
            "control characters in a name",
            Some(&admin),
            CreateVariant::PATH,
            vec![("project", "acme"), ("name", "Lon\0don")],
            422,
            |e| e.for_field("name").is_some(),
        ),
        (
            "duplicate variant name",
            Some(&admin),
            CreateVariant::PATH,
            vec![("project", "acme"), ("name", "glasgow")],
            409,
            |e| matches!(e, AppError::Rejected(m) if m.contains("already a variant")),
        ),
        (
            "undo with nothing to undo",
            Some(&admin),
            UndoDelete::PATH,
            vec![("project", "acme"), ("e164", "+442079460123")],
            409,
            |e| matches!(e, AppError::Rejected(_)),
        ),
        (
            "bad idempotency key",
            Some(&admin),
            BuyNumber::PATH,
            buy("sandbox", "UK", "", "short"),
            400,
            |e| matches!(e, AppError::Malformed(_)),
        ),
        (
            "a number where a variant id goes",
            Some(&admin),
            AssignVariant::PATH,
            vec![
                ("project", "acme"),
                ("e164", "+442079460123"),
                ("variant", "abc"),
            ],
            400,
            |e| matches!(e, AppError::Malformed(_)),
        ),
        (
            "a missing field",
            Some(&admin),
            BuyNumber::PATH,
            vec![("project", "acme"), ("environment", "sandbox")],
            400,
            |e| matches!(e, AppError::Malformed(_)),
        ),
    ];
    for (what, cookie, path, args, status, check) in cases {
        let (got, body) = call(&router, cookie, path, &args).await;
        let err = error_of(got, &body, what);
        assert_eq!(got.as_u16(), status, "{what}: {err:?}");
        assert!(check(&err), "{what}: {err:?}");
        assert_eq!(
            err.status(),
            status,
            "{what}: the error names its own status"
        );
    }
    assert_eq!(snapshot(&t.db).await, before, "refusals change nothing");

    // A reused key for a different request is a conflict; the first purchase stands.
    let (status, _) = call(
        &router,
        Some(&admin),
        BuyNumber::PATH,
        &buy("sandbox", "UK", "", "refusal-key-5"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let after_buy = snapshot(&t.db).await;
    let (status, body) = call(
        &router,
        Some(&admin),
        BuyNumber::PATH,
        &buy("live", "UK", "", "refusal-key-5"),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body:?}");
    assert_eq!(snapshot(&t.db).await, after_buy);

    // No stock is a refusal as things stand; only the failed attempt is recorded, for retries.
    let numbers = number::Entity::find().all(&t.db).await.unwrap();
    let (status, body) = call(
        &router,
        Some(&admin),
        BuyNumber::PATH,
        &buy("sandbox", "US", "907", "refusal-key-4"),
    )
    .await;
    let err = error_of(status, &body, "buying in 907");
    assert_eq!(status, StatusCode::CONFLICT, "{err:?}");
    assert!(
        err.to_string()
            .contains("No numbers are available in area code 907"),
        "{err:?}"
    );
    assert_eq!(
        number::Entity::find().all(&t.db).await.unwrap(),
        numbers,
        "nothing bought"
    );
}

#[tokio::test]
async fn malformed_bodies_are_400_413_or_415_never_500() {
    let (router, t) = demo_router().await;
    let admin = sign_in(&router, ADMIN).await;
    let before = snapshot(&t.db).await;
    let form = "application/x-www-form-urlencoded";
    let cases: Vec<(&str, Request<Body>, u16)> = vec![
        (
            "JSON where a form is expected",
            raw_post(
                CreateVariant::PATH,
                "application/json",
                br#"{"project":"acme","name":"Madrid"}"#.to_vec(),
                &admin,
            ),
            415,
        ),
        (
            "invalid UTF-8, percent-encoded",
            raw_post(
                CreateVariant::PATH,
                form,
                b"project=acme&name=%FF%FE%FD".to_vec(),
                &admin,
            ),
            400,
        ),
        (
            "invalid UTF-8, raw",
            raw_post(
                CreateVariant::PATH,
                form,
                b"project=acme&name=\xff\xfe".to_vec(),
                &admin,
            ),
            400,
        ),
        (
            "a body past the limit",
            raw_post(
                CreateVariant::PATH,
                form,
                vec![b'a'; 2 * 1024 * 1024],
                &admin,
            ),
            413,
        ),
        (
            "an empty body",
            raw_post(CreateVariant::PATH, form, Vec::new(), &admin),
            400,
        ),
        (
            "a body that is not a form",
            raw_post(
                CreateVariant::PATH,
                form,
                b"\x00\x01\x02&&==".to_vec(),
                &admin,
            ),
            400,
        ),
    ];
    for (what, request, status) in cases {
        let (got, _, body) = send_for_bytes(&router, request).await;
        assert_eq!(got.as_u16(), status, "{what}: {body:?}");
        let err = error_of(got, &body, what);
        assert!(matches!(err, AppError::Malformed(_)), "{what}: {err:?}");
    }
    assert_eq!(snapshot(&t.db).await, before);
}

/// Values a script or a curious person might send anywhere.
fn hostile() -> Vec<String> {
    vec![
        String::new(),
        "9".repeat(100_000),
        "\0\r\n".into(),
        "東京".into(),
        "\u{202E}evil\u{200B}".into(),
        "'; DROP TABLE numbers; --".into(),
        "<script>alert(1)</script>".into(),
        "-1".into(),
        "1e308".into(),
        "../../etc/passwd".into(),
    ]
}

#[tokio::test]
async fn hostile_values_in_any_field_are_refused_with_a_4xx_and_change_nothing() {
    let (router, t) = demo_router().await;
    let admin = sign_in(&router, ADMIN).await;
    let before = snapshot(&t.db).await;
    // Each server function with valid arguments, and the fields a hostile value replaces.
    type Args<'a> = Vec<(&'a str, &'a str)>;
    let calls: Vec<(&str, Args, Vec<&str>)> = vec![
        (
            BuyNumber::PATH,
            vec![
                ("project", "acme"),
                ("environment", "sandbox"),
                ("country", "US"),
                ("area_code", "212"),
                ("idempotency_key", "hostile-key-1"),
            ],
            vec![
                "project",
                "environment",
                "country",
                "area_code",
                "idempotency_key",
            ],
        ),
        (
            ConnectNumber::PATH,
            vec![
                ("project", "acme"),
                ("environment", "sandbox"),
                ("phone_number", "+14155550100"),
            ],
            vec!["project", "environment", "phone_number"],
        ),
        (
            DeleteNumber::PATH,
            vec![
                ("project", "acme"),
                ("e164", "+447700900321"),
                ("confirm_digits", "0321"),
            ],
            vec!["project", "e164", "confirm_digits"],
        ),
        (
            UndoDelete::PATH,
            vec![("project", "acme"), ("e164", "+442079460123")],
            vec!["project", "e164"],
        ),
        (
            RetryRelease::PATH,
            vec![("project", "acme"), ("e164", "+442079460123")],
            vec!["project", "e164"],
        ),
        (
            AssignVariant::PATH,
            vec![
                ("project", "acme"),
                ("e164", "+442079460123"),
                ("variant", "1"),
            ],
            vec!["project", "e164", "variant"],
        ),
        (
            RenameVariant::PATH,
            vec![("project", "acme"), ("variant", "1"), ("name", "Renamed")],
            vec!["project", "variant"],
        ),
        (
            Promote::PATH,
            vec![("project", "acme"), ("to", "pre-release")],
            vec!["project", "to"],
        ),
        (
            NumberHistory::PATH,
            vec![("project", "acme"), ("e164", "+442079460123")],
            vec!["project", "e164"],
        ),
        (
            TestRouting::PATH,
            vec![("project", "acme"), ("e164", "+442079460123")],
            vec!["project", "e164"],
        ),
        (
            ProjectHistory::PATH,
            vec![("project", "acme"), ("page", "1")],
            vec!["project", "page"],
        ),
    ];
    for (path, valid, fields) in calls {
        for field in fields {
            for value in hostile() {
                // An empty area code means "any": valid, so not hostile there.
                if field == "area_code" && value.is_empty() {
                    continue;
                }
                let args: Vec<(&str, &str)> = valid
                    .iter()
                    .map(|(k, v)| (*k, if *k == field { value.as_str() } else { *v }))
                    .collect();
                let (status, body) = call(&router, Some(&admin), path, &args).await;
                let what = format!(
                    "{path} {field}={:?}",
                    value.chars().take(20).collect::<String>()
                );
                assert!(status.is_client_error(), "{what}: {status} {body:?}");
                error_of(status, &body, &what);
            }
        }
    }
    // Variant names: the hostile values a name may not be (others, such as 東京, are names).
    for value in ["", &"n".repeat(100_000), "\0\r\n", "\u{202E}evil\u{200B}"] {
        for (path, args) in [
            (
                CreateVariant::PATH,
                vec![("project", "acme"), ("name", value)],
            ),
            (
                RenameVariant::PATH,
                vec![("project", "acme"), ("variant", "1"), ("name", value)],
            ),
        ] {
            let (status, body) = call(&router, Some(&admin), path, &args).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body:?}");
            error_of(status, &body, path);
        }
    }
    // Sign-in with an email longer than any email address.
    let huge = "a".repeat(100_000);
    let sign_in_args = [("email", huge.as_str()), ("password", "x"), ("next", "/")];
    let (status, body) = call(&router, None, SignIn::PATH, &sign_in_args).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body:?}");
    error_of(status, &body, "sign-in");
    assert_eq!(
        snapshot(&t.db).await,
        before,
        "nothing hostile changed anything"
    );
}

#[tokio::test]
async fn a_huge_history_page_shows_the_last_page() {
    let (router, _t) = demo_router().await;
    let admin = sign_in(&router, ADMIN).await;
    let page: app::domain::HistoryPage = load_page(
        &router,
        ProjectHistory::PATH,
        &[("project", "acme"), ("page", "500000000000000000")],
        Some(&admin),
    )
    .await
    .unwrap_or_else(|(status, body)| panic!("{status}: {body}"));
    assert_eq!((page.page, page.pages), (1, 1));
    assert!(!page.entries.is_empty(), "the last page, not an empty one");
    for query in [
        "?page=99999999999999999999",
        "?page=18446744073709551615",
        "?page=0",
        "?page=-3",
        "?page=x",
    ] {
        let (status, _, body) =
            get_as(&router, &admin, &format!("/projects/acme/history{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        assert!(body.contains("Page 1 of 1"), "{query}");
    }
}

/// Signs in through the no-JavaScript form with `next`; returns the redirect's status and
/// `Location`, and how many cookies it set.
async fn sign_in_then(router: &Router, next: &str) -> (StatusCode, String, usize) {
    let mut request = form_request(
        SignIn::PATH,
        &[
            ("email", ADMIN),
            ("password", "numbers-demo"),
            ("next", next),
        ],
        None,
    );
    request
        .headers_mut()
        .insert(header::ACCEPT, "text/html".parse().unwrap());
    let (status, headers, _) = send(router, request).await;
    let location = headers
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (
        status,
        location,
        headers.get_all(header::SET_COOKIE).iter().count(),
    )
}

#[tokio::test]
async fn sign_in_redirects_stay_on_this_site_whatever_next_holds() {
    let (router, _t) = demo_router().await;
    let (status, location, _) = sign_in_then(&router, "/projects/acme/history?page=2").await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(location, "/projects/acme/history?page=2");
    for next in [
        "/\t/evil.example",
        "/\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "/.//evil.example",
        "/%2e//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
    ] {
        let (status, location, _) = sign_in_then(&router, next).await;
        assert!(status.is_redirection(), "{next:?}: {status}");
        // Where `/` would send the admin: their first project, on this site.
        assert_eq!(location, "/projects/acme/numbers", "{next:?}");
    }
    let (status, location, cookies) = sign_in_then(&router, "/x\r\nSet-Cookie: a=1").await;
    assert!(status.is_redirection(), "{status}");
    assert!(
        location.starts_with("/x") && !location.contains(['\r', '\n']),
        "{location}"
    );
    assert_eq!(cookies, 1, "only the session cookie, nothing smuggled");
}

#[tokio::test]
async fn an_unknown_page_under_a_project_is_page_not_found_with_the_members_header() {
    let (router, _t) = demo_router().await;
    let admin = sign_in(&router, ADMIN).await;
    for path in [
        "/projects/acme/../solo/numbers",
        "/projects/acme/nothing-here",
        "/nowhere",
    ] {
        let (status, _, body) = get_as(&router, &admin, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("Page not found"), "{path}");
        assert!(body.contains(ADMIN), "{path}: the signed-in header");
        assert!(!body.contains("Something went wrong"), "{path}");
    }
}
