//! The HTTP surface through the axum router, without a socket (`oneshot`).

use crate::support::TestDb;
use crate::support::http::{
    ADMIN, admin_router, app_error, demo_router, form_request, get, get_as, load_page,
    router_and_db, send, send_for_bytes, sign_in,
};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[tokio::test]
async fn health_and_readiness() {
    let t = TestDb::sqlite().await;
    let (router, db) = router_and_db(&t).await;
    let (status, headers, body) = get(&router, "/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    assert!(
        headers.contains_key("x-request-id"),
        "every response carries a request id"
    );
    let (status, _, body) = get(&router, "/readyz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ready"));

    db.close().await.unwrap();
    let (status, _, _) = get(&router, "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn root_goes_to_the_members_first_project_or_to_their_empty_project_list() {
    let (router, _t) = demo_router().await;
    let (status, headers, _) = get(&router, "/").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "signed out: sign in first");
    assert_eq!(headers[header::LOCATION], "/signin?next=%2F");
    for (email, first) in [
        ("admin@example.com", "/projects/acme/numbers"),
        ("viewer@example.com", "/projects/acme/numbers"),
        ("outsider@example.com", "/projects"),
    ] {
        let cookie = sign_in(&router, email).await;
        let (status, headers, _) = get_as(&router, &cookie, "/").await;
        assert_eq!(status, StatusCode::TEMPORARY_REDIRECT, "{email}");
        assert_eq!(headers[header::LOCATION], first, "{email}");
    }
    let cookie = sign_in(&router, "outsider@example.com").await;
    let (status, _, html) = get_as(&router, &cookie, "/projects").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("You are not a member of any project yet."),
        "{html}"
    );
    assert!(!html.contains("Acme Support"), "no project is named");
    let cookie = sign_in(&router, ADMIN).await;
    let (_, _, html) = get_as(&router, &cookie, "/projects").await;
    // Without the hydration markers (`<!>`) Leptos puts after dynamic text.
    let html = html.replace("<!>", "");
    for name in ["Acme Support", "Solo Clinic", "Fresh Start"] {
        assert!(html.contains(&format!(">{name}</a>")), "{name}: {html}");
    }
}

#[tokio::test]
async fn signed_out_page_requests_are_sent_to_sign_in_and_open_pages_stay_open() {
    let (router, _t) = demo_router().await;
    for (uri, back) in [
        ("/projects/acme/numbers", "%2Fprojects%2Facme%2Fnumbers"),
        ("/projects/nope/variants", "%2Fprojects%2Fnope%2Fvariants"),
        (
            "/projects/acme/history?page=2",
            "%2Fprojects%2Facme%2Fhistory%3Fpage%3D2",
        ),
        ("/projects", "%2Fprojects"),
    ] {
        let (status, headers, _) = get(&router, uri).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(
            headers[header::LOCATION],
            format!("/signin?next={back}"),
            "{uri}"
        );
    }
    for uri in ["/signin", "/gallery", "/healthz", "/readyz", "/favicon.svg"] {
        let (status, _, _) = get(&router, uri).await;
        assert_ne!(status, StatusCode::SEE_OTHER, "{uri} is open");
    }
    let (status, _, html) = get(&router, "/signin?next=/projects/acme/numbers").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Sign in"));
}

#[tokio::test]
async fn acme_page_is_server_rendered_with_sections_in_order() {
    let (router, _t) = admin_router().await;
    let (status, _, html) = get(&router, "/projects/acme/numbers").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Numbers</h1>"));
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(at(r#"data-testid="env-sandbox""#) < at(r#"data-testid="env-pre-release""#));
    assert!(at(r#"data-testid="env-pre-release""#) < at(r#"data-testid="env-live""#));
    assert!(at(r#"data-e164="+442079460123""#) < at(r#"data-testid="env-pre-release""#));
    assert!(at(r#"data-e164="+447700900321""#) > at(r#"data-testid="env-live""#));
    assert!(html.contains("+44 20 7946 0123"));
    assert!(html.contains("+1 212-555-0142"));
    assert!(html.contains(r#"aria-label="Copy +12125550142""#));
    assert!(html.contains("Assigned variant"));
    assert!(html.contains("Twilio") && html.contains("PolyAI"));
}

#[tokio::test]
async fn solo_has_no_variant_column_and_fresh_is_blocked() {
    let (router, _t) = admin_router().await;
    let (status, _, solo) = get(&router, "/projects/solo/numbers").await;
    assert_eq!(status, StatusCode::OK);
    assert!(solo.contains(r#"data-e164="+441632960001""#));
    assert!(!solo.contains("Assigned variant"));
    assert!(solo.contains("No numbers in Live"));

    let (status, _, fresh) = get(&router, "/projects/fresh/numbers").await;
    assert_eq!(status, StatusCode::OK);
    assert!(fresh.contains("No telephony integration"));
    assert!(!fresh.contains("data-testid=\"env-sandbox\""));
}

#[tokio::test]
async fn unknown_project_and_unknown_route_are_404() {
    let (router, _t) = admin_router().await;
    for uri in [
        "/projects/nope/numbers",
        "/projects/Bad%20Slug/numbers",
        "/nowhere",
    ] {
        let (status, _, html) = get(&router, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(html.contains("Page not found"), "{uri}");
    }
}

#[tokio::test]
async fn server_function_returns_data_and_typed_errors() {
    use leptos::server_fn::ServerFn;
    let (router, _t) = admin_router().await;
    let call = |project: &str| {
        Request::post(app::api::LoadNumbersPage::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("project={project}")))
            .unwrap()
    };
    let page: app::domain::NumbersPage = load_page(
        &router,
        app::api::LoadNumbersPage::PATH,
        &[("project", "solo")],
        None,
    )
    .await
    .unwrap();
    assert_eq!(page.project.name, "Solo Clinic");

    let (status, _, body) = send_for_bytes(&router, call("nope")).await;
    assert!(
        status.is_server_error() || status.is_client_error(),
        "{status}"
    );
    let err = app_error("loading nope", &body);
    assert_eq!(err, app::error::AppError::ProjectNotFound("nope".into()));
}

#[tokio::test]
async fn the_gallery_is_served_unless_turned_off() {
    let t = crate::support::TestDb::sqlite().await;
    let mut config = crate::support::http::config_for(&t);
    let on = server::http::router(crate::support::http::prepare(&config).await);
    let (status, _, html) = get(&on, "/gallery").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Component gallery"));
    assert!(
        html.contains("Delete number"),
        "dialogs render from fixtures"
    );
    config.gallery = false;
    let off = server::http::router(crate::support::http::prepare(&config).await);
    let (status, _, html) = get(&off, "/gallery").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!html.contains("Component gallery"));
}

#[tokio::test]
async fn cross_site_changes_are_refused_and_same_site_ones_pass() {
    use leptos::server_fn::ServerFn;
    let (router, t) = admin_router().await;
    let delete_path = app::api::DeleteNumber::PATH;
    let form = "project=acme&e164=%2B442079460123&confirm_digits=";
    let post = |origin: Option<(&'static str, &'static str)>| {
        let mut request = Request::post(delete_path)
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some((name, value)) = origin {
            request = request.header(name, value);
        }
        request.body(Body::from(form)).unwrap()
    };
    for source in [
        ("origin", "https://evil.example"),
        ("referer", "https://evil.example/attack.html"),
        ("origin", "null"),
    ] {
        let (status, _, _) = send(&router, post(Some(source))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{source:?}");
    }
    let events = |db| async move {
        use sea_orm::{EntityTrait, PaginatorTrait};
        server::db::entities::number_event::Entity::find()
            .count(db)
            .await
            .unwrap()
    };
    assert_eq!(
        events(&t.db).await,
        5,
        "only the demo's history: nothing was deleted"
    );
    // The configured public address (https://numbers.test in tests) is ours too.
    let (status, _, body) = send(&router, post(Some(("origin", "https://numbers.test")))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(events(&t.db).await, 6);
}

#[tokio::test]
async fn the_project_history_pages_through_every_change() {
    use app::domain::{E164, ProjectSlug};
    use app::ports::{ProjectStore, VariantStore};
    let (router, t) = admin_router().await;
    let store = crate::support::store(&t.db);
    let acme = ProjectSlug::parse("acme").unwrap();
    let overview = store.overview(&acme).await.unwrap().unwrap();
    let ids: Vec<_> = overview
        .draft_variants
        .iter()
        .filter(|v| v.name == "London" || v.name == "Leeds")
        .map(|v| v.id)
        .collect();
    let number = E164::parse("+442079460123").unwrap();
    for i in 0..26 {
        // London is assigned already: Leeds, London, Leeds, ... each a change.
        store
            .assign_variant(&acme, &number, ids[(i + 1) % 2], "tester")
            .await
            .unwrap();
    }
    // 4 demo entries + 26 changes = 30: two pages of 25.
    let (status, _, first) = get(&router, "/projects/acme/history").await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains("Page 1 of 2"), "{first}");
    assert!(first.contains(r#"href="/projects/acme/history?page=2""#));
    assert_eq!(first.matches("Variant changed").count(), 25);
    let (_, _, second) = get(&router, "/projects/acme/history?page=2").await;
    assert!(second.contains("Page 2 of 2"));
    assert!(second.contains(r#"href="/projects/acme/history?page=1""#));
    assert_eq!(second.matches("Variant changed").count(), 1);
    // Counted as rendered cells (the page's hydration data names kinds too).
    assert_eq!(
        second.matches(">Bought<").count() + second.matches(">Connected<").count(),
        4
    );
    let (status, _, _) = get(&router, "/projects/nope/history").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn pages_and_server_functions_are_compressed_for_browsers_that_accept_it() {
    use leptos::server_fn::ServerFn;
    let (router, _t) = admin_router().await;
    let page = |encoding: Option<&'static str>| {
        let mut request = Request::get("/projects/acme/numbers");
        if let Some(encoding) = encoding {
            request = request.header(header::ACCEPT_ENCODING, encoding);
        }
        request.body(Body::empty()).unwrap()
    };
    let (status, headers, _) = send(&router, page(Some("gzip, deflate, br"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert!(
        headers[header::VARY]
            .to_str()
            .unwrap()
            .contains("accept-encoding")
    );
    let (_, plain, body) = send(&router, page(None)).await;
    assert!(!plain.contains_key(header::CONTENT_ENCODING));
    assert!(body.contains("Sandbox"), "uncompressed for the others");

    let mut function = form_request(
        app::api::LoadNumbersPage::PATH,
        &[("project", "acme")],
        None,
    );
    function
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let (status, headers, _) = send(&router, function).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn the_bundle_is_served_precompressed_and_revalidated() {
    let t = TestDb::sqlite().await;
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("numbers.wasm"), b"\0asm plain").unwrap();
    std::fs::write(pkg.join("numbers.wasm.br"), b"brotli").unwrap();
    // A chunk named by the MD5 of its bytes (unpadded base64url), as `hash-files` names them.
    let chunk = "chunk_1.BijrHqDkvvmhb1Fy4JLhFg.wasm";
    std::fs::write(pkg.join(chunk), b"chunk bytes").unwrap();
    std::fs::write(
        pkg.join("numbers.AAAAAAAAAAAAAAAAAAAAAA.js"),
        b"renamed, then rewritten",
    )
    .unwrap();
    let mut config = crate::support::http::config_for(&t);
    config.site_root = site.path().display().to_string();
    let clock = crate::support::TestClock::at(crate::support::T0);
    let router = server::http::router(server::prepare(&config, clock).await.unwrap());
    let wasm = |headers: &[(header::HeaderName, &str)]| {
        let mut request = Request::get("/pkg/numbers.wasm");
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        request.body(Body::empty()).unwrap()
    };

    let (status, headers, body) = send(&router, wasm(&[(header::ACCEPT_ENCODING, "br")])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert_eq!(
        body, "brotli",
        "the file cargo-leptos compressed, sent as stored"
    );
    assert_eq!(headers[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(headers[header::VARY], "accept-encoding");

    let modified = headers[header::LAST_MODIFIED].to_str().unwrap().to_owned();
    let (status, _, body) = send(
        &router,
        wasm(&[(header::IF_MODIFIED_SINCE, modified.as_str())]),
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::NOT_MODIFIED, ""));

    let (status, _, body) = send(&router, wasm(&[])).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "\0asm plain"));
    let (status, headers, _) = get(&router, "/pkg/missing.wasm").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let (status, headers, _) = get(&router, &format!("/pkg/{chunk}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable",
        "named by its own hash: never changes under that name"
    );
    let (_, headers, _) = get(&router, "/pkg/numbers.AAAAAAAAAAAAAAAAAAAAAA.js").await;
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "no-cache",
        "a name whose hash is not its content's is revalidated"
    );
    let (_, page, _) = get(&router, "/signin").await;
    assert_ne!(
        page.get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap()),
        Some("no-cache"),
        "only the bundle's policy"
    );
}
