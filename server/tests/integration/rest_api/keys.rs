//! Who may call what: no key, malformed, revoked, Read, Read and write, another project's;
//! the rate limit; the description, its reference page and unknown addresses.

use super::{numbers_uri, world, world_limited};
use app::api::{LoadApiKeysPage, RevokeApiKey};
use app::domain::api_keys::ApiKeysPage;
use axum::http::{Method, StatusCode, header};
use leptos::server_fn::ServerFn;
use serde_json::{Value, json};

/// Every endpoint: method, address under `/api/v1/projects/{project}`, body, whether it
/// changes something.
fn endpoints() -> Vec<(Method, &'static str, Option<Value>, bool)> {
    let buy = json!({"environment": "sandbox", "country": "GB"});
    let batch = json!({"phone_numbers": [{"environment": "sandbox", "country": "GB"}]});
    let batch_delete = json!({"phone_numbers": ["+442079460123"]});
    vec![
        (Method::GET, "/phone-numbers", None, false),
        (Method::GET, "/phone-numbers/+442079460123", None, false),
        (Method::GET, "/variants", None, false),
        (Method::GET, "/history", None, false),
        (Method::POST, "/phone-numbers", Some(buy), true),
        (
            Method::PATCH,
            "/phone-numbers/+442079460123",
            Some(json!({"variant": "Leeds"})),
            true,
        ),
        (Method::POST, "/phone-numbers/batch", Some(batch), true),
        (Method::DELETE, "/phone-numbers/+442079460123", None, true),
        (
            Method::POST,
            "/phone-numbers/+442079460123/undo",
            None,
            true,
        ),
        (
            Method::POST,
            "/phone-numbers/batch-delete",
            Some(batch_delete),
            true,
        ),
    ]
}

#[tokio::test]
async fn each_kind_of_key_gets_the_answer_the_contract_names() {
    let w = world().await;
    let read = w.key("acme", "read").await;
    let solo = w.key("solo", "read-write").await;
    let revoked = w.key_named("acme", "Old", "read-write").await;
    let page: ApiKeysPage = crate::support::http::load_page(
        &w.admin,
        LoadApiKeysPage::PATH,
        &[("project", "acme")],
        None,
    )
    .await
    .unwrap();
    let old = page.keys.iter().find(|k| k.name == "Old").unwrap();
    let (status, body) = crate::support::http::call(
        &w.admin,
        RevokeApiKey::PATH,
        &[("project", "acme"), ("key_id", old.id.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Another last character (a random key may end in either).
    let other = if read.ends_with('A') { 'B' } else { 'A' };
    let tampered = format!("{}{other}", &read[..read.len() - 1]);

    for (method, path, body, changes) in endpoints() {
        let uri = format!("/api/v1/projects/acme{path}");
        for key in [
            None,
            Some("nmbr_nonsense"),
            Some(tampered.as_str()),
            Some(revoked.as_str()),
        ] {
            let reply = w.call(method.clone(), &uri, key, body.clone(), &[]).await;
            assert_eq!(
                reply.headers[header::WWW_AUTHENTICATE],
                "Bearer realm=\"numbers\""
            );
            let problem = reply.expect(StatusCode::UNAUTHORIZED);
            assert_eq!(
                problem["type"], "/api/v1/problems/api-key-required",
                "{method} {path}"
            );
        }
        let other = w
            .call(method.clone(), &uri, Some(&solo), body.clone(), &[])
            .await
            .expect(StatusCode::NOT_FOUND);
        let missing_uri = format!("/api/v1/projects/acme{path}").replacen("acme", "nope", 1);
        let missing = w
            .call(method.clone(), &missing_uri, Some(&solo), body.clone(), &[])
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(
            other["title"], missing["title"],
            "another project's key learns nothing"
        );
        assert_eq!(other["type"], "/api/v1/problems/project-not-found");
        let by_read = w
            .call(method.clone(), &uri, Some(&read), body.clone(), &[])
            .await;
        if changes {
            let problem = by_read.expect(StatusCode::FORBIDDEN);
            assert_eq!(
                problem["type"], "/api/v1/problems/read-only-key",
                "{method} {path}"
            );
        } else {
            by_read.expect(StatusCode::OK);
        }
    }
    // Nothing above changed anything.
    let numbers = w.all_numbers("acme", &read, "", 50).await;
    assert_eq!(numbers.len(), 4);
    assert!(numbers.iter().all(|n| n["state"] == "active"));
    let history = w.history("acme", &read).await;
    assert!(
        history
            .iter()
            .all(|e| !e["actor"].as_str().unwrap().starts_with("API key"))
    );

    // A Read and write key does everything, in order: buy, reassign, batches, delete, undo.
    let write = w.key("acme", "read-write").await;
    for (method, path, body, _) in endpoints() {
        let uri = format!("/api/v1/projects/acme{path}");
        let reply = w.call(method.clone(), &uri, Some(&write), body, &[]).await;
        assert!(
            reply.status.is_success(),
            "{method} {path}: {} {}",
            reply.status,
            reply.json
        );
    }
}

#[tokio::test]
async fn each_key_is_limited_per_minute_and_told_when_to_come_back() {
    let w = world_limited(3).await;
    let key = w.key("acme", "read").await;
    let other = w.key("acme", "read-write").await;
    let uri = numbers_uri("acme", "");
    for _ in 0..3 {
        w.get(&uri, &key).await.expect(StatusCode::OK);
    }
    let reply = w.get(&uri, &key).await;
    assert_eq!(
        reply.headers[header::RETRY_AFTER],
        "60",
        "T0 starts a minute"
    );
    let problem = reply.expect(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(problem["retry_after"], 60);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("more than 3 requests")
    );
    w.get(&uri, &other).await.expect(StatusCode::OK);
    w.clock.set(crate::support::T0 + 45);
    assert_eq!(w.get(&uri, &key).await.headers[header::RETRY_AFTER], "15");
    w.clock.set(crate::support::T0 + 60);
    w.get(&uri, &key).await.expect(StatusCode::OK);
}

#[tokio::test]
async fn the_description_and_its_reference_page_are_served_without_a_key() {
    let w = world().await;
    let reply = w
        .call(Method::GET, "/api/v1/openapi.json", None, None, &[])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = reply.json;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/projects/{project}/phone-numbers",
        "/api/v1/projects/{project}/phone-numbers/{phone_number}",
        "/api/v1/projects/{project}/phone-numbers/{phone_number}/undo",
        "/api/v1/projects/{project}/phone-numbers/batch",
        "/api/v1/projects/{project}/phone-numbers/batch-delete",
        "/api/v1/projects/{project}/variants",
        "/api/v1/projects/{project}/history",
    ] {
        assert!(paths.contains_key(path), "{path}");
    }
    let (status, headers, html) = crate::support::http::get(&w.router, "/api/v1/docs/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("https://"),
        "assets are served here, not from a CDN"
    );
    let (status, _, _) =
        crate::support::http::get(&w.router, "/api/v1/docs/swagger-ui-bundle.js").await;
    assert_eq!(status, StatusCode::OK);

    let key = w.key("acme", "read").await;
    let problem = w
        .get("/api/v1/projects/acme/numbers", &key)
        .await
        .expect(StatusCode::NOT_FOUND);
    assert_eq!(problem["type"], "/api/v1/problems/not-found");
    // Errors made before a handler runs are problems too.
    let put = w
        .call(
            Method::PUT,
            &numbers_uri("acme", "/+442079460123"),
            Some(&key),
            None,
            &[],
        )
        .await;
    assert!(
        put.headers[header::ALLOW]
            .to_str()
            .unwrap()
            .contains("PATCH")
    );
    put.expect(StatusCode::METHOD_NOT_ALLOWED);
    w.get("/api/v1", &key).await.expect(StatusCode::NOT_FOUND);
    let huge = json!({"phone_numbers": ["x".repeat(2 * 1024 * 1024)]});
    let write = w.key("acme", "read-write").await;
    w.post(&numbers_uri("acme", "/batch-delete"), &write, huge)
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);
    // A cursor pasted unencoded (its `+` read as a space) still pages.
    let page = w
        .get(&numbers_uri("acme", "?limit=1&cursor=+12125550142"), &key)
        .await
        .expect(StatusCode::OK);
    assert_eq!(page["phone_numbers"][0]["phone_number"], "+441134960456");
    // A problem's `type` leads somewhere.
    let (status, _, text) =
        crate::support::http::get(&w.router, "/api/v1/problems/invalid-field").await;
    assert_eq!(status, StatusCode::OK);
    assert!(text.starts_with("Invalid field"), "{text}");
}

#[tokio::test]
async fn variants_list_the_draft_and_where_each_is_published() {
    let w = world().await;
    let key = w.key("acme", "read").await;
    let list = w
        .get("/api/v1/projects/acme/variants", &key)
        .await
        .expect(StatusCode::OK);
    let rows: Vec<(String, Vec<String>)> = list["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["name"].as_str().unwrap().to_owned(),
                v["published_to"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = [
        ("Default", vec!["sandbox", "pre-release", "live"]),
        ("London", vec!["sandbox", "pre-release"]),
        ("Leeds", vec!["sandbox"]),
        ("Glasgow", vec![]),
    ]
    .into_iter()
    .map(|(n, e)| (n.to_owned(), e.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(rows, expected);
    let history = w
        .get(
            "/api/v1/projects/acme/history?phone_number=%2B442079460123",
            &key,
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(history["entries"][0]["subject"], "+442079460123");
    let at = history["entries"][0]["at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
    for query in ["page=0", "page=x", "phone_number=abc"] {
        let reply = w
            .get(&format!("/api/v1/projects/acme/history?{query}"), &key)
            .await;
        assert!(reply.status.is_client_error(), "{query}");
    }
}
