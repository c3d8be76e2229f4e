//! `…/phone-numbers`: list, get, buy, connect, update, delete and undo.

use super::{World, numbers_uri, world};
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

fn e164s(numbers: &[Value]) -> Vec<&str> {
    numbers
        .iter()
        .map(|n| n["phone_number"].as_str().unwrap())
        .collect()
}

async fn variant_id(w: &World, key: &str, name: &str) -> i64 {
    let list = w
        .get("/api/v1/projects/acme/variants", key)
        .await
        .expect(StatusCode::OK);
    list["variants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == name)
        .and_then(|v| v["id"].as_i64())
        .unwrap()
}

#[tokio::test]
async fn lists_filter_and_page_by_cursor_in_e164_order() {
    let w = world().await;
    let key = w.key("acme", "read").await;
    let all = w.all_numbers("acme", &key, "", 1).await;
    assert_eq!(
        e164s(&all),
        [
            "+12125550142",
            "+441134960456",
            "+442079460123",
            "+447700900321"
        ]
    );
    assert_eq!(all[2]["environment"], "sandbox");
    assert_eq!(all[2]["source"], "polyai");
    assert_eq!(all[2]["ownership"], "bought");
    assert_eq!(all[2]["state"], "active");
    assert_eq!(all[2]["variant"]["name"], "London");
    assert_eq!(all[0]["source"], "twilio");
    assert_eq!(all[0]["ownership"], "connected");

    let london = variant_id(&w, &key, "London").await;
    for (filter, expected) in [
        ("&env=sandbox", vec!["+12125550142", "+442079460123"]),
        ("&env=pre-release", vec!["+441134960456"]),
        ("&source=twilio", vec!["+12125550142"]),
        ("&q=020%207946", vec!["+442079460123"]),
        (
            "&q=%2B44",
            vec!["+441134960456", "+442079460123", "+447700900321"],
        ),
        ("&variant=none", vec![]),
        (
            &format!("&variant={london}"),
            vec!["+441134960456", "+442079460123"],
        ),
        ("&state=pending-release", vec![]),
    ] {
        let found = w.all_numbers("acme", &key, filter, 50).await;
        assert_eq!(e164s(&found), expected, "{filter}");
    }
    assert_eq!(
        e164s(
            &w.all_numbers("solo", &w.key("solo", "read").await, "", 50)
                .await
        ),
        ["+441632960001"]
    );

    for (query, field) in [
        ("env=staging", "env"),
        ("source=vonage", "source"),
        ("variant=london", "variant"),
        ("state=gone", "state"),
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("limit=ten", "limit"),
        ("cursor=abc", "cursor"),
    ] {
        let problem = w
            .get(&numbers_uri("acme", &format!("?{query}")), &key)
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["field"], field, "{query}");
        assert_eq!(problem["type"], "/api/v1/problems/invalid-field");
    }
}

#[tokio::test]
async fn gets_one_number_written_either_way_and_only_of_its_project() {
    let w = world().await;
    let key = w.key("acme", "read").await;
    for path in ["/+442079460123", "/%2B442079460123", "/020%207946%200123"] {
        let number = w
            .get(&numbers_uri("acme", path), &key)
            .await
            .expect(StatusCode::OK);
        assert_eq!(number["phone_number"], "+442079460123");
        assert_eq!(number["release_at"], Value::Null);
    }
    for path in ["/+441632960001", "/+15555550100", "/not-a-number"] {
        let problem = w
            .get(&numbers_uri("acme", path), &key)
            .await
            .expect(StatusCode::NOT_FOUND);
        assert_eq!(
            problem["type"], "/api/v1/problems/number-not-found",
            "{path}"
        );
    }
}

#[tokio::test]
async fn buys_once_per_idempotency_key_and_names_the_key_in_the_history() {
    let w = world().await;
    let key = w.key_named("acme", "CI deploys", "read-write").await;
    let buy = json!({"environment": "sandbox", "country": "GB", "variant": "london"});
    let headers = [("Idempotency-Key", "deploy-2026-12-01-a")];
    let first = w
        .call(
            Method::POST,
            &numbers_uri("acme", ""),
            Some(&key),
            Some(buy.clone()),
            &headers,
        )
        .await;
    let location = first.headers[header::LOCATION].to_str().unwrap().to_owned();
    let first = first.expect(StatusCode::CREATED);
    let bought = first["phone_number"].as_str().unwrap().to_owned();
    assert!(bought.starts_with("+44"), "{first}");
    assert_eq!(first["environment"], "sandbox");
    assert_eq!(first["variant"]["name"], "London");
    assert_eq!(
        location,
        format!("/api/v1/projects/acme/phone-numbers/%2B{}", &bought[1..])
    );

    let again = w
        .call(
            Method::POST,
            &numbers_uri("acme", ""),
            Some(&key),
            Some(buy),
            &headers,
        )
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(
        again["phone_number"],
        bought.as_str(),
        "a retry buys nothing more"
    );
    let other = json!({"environment": "live", "country": "GB"});
    let reused = w
        .call(
            Method::POST,
            &numbers_uri("acme", ""),
            Some(&key),
            Some(other),
            &headers,
        )
        .await
        .expect(StatusCode::CONFLICT);
    assert_eq!(reused["type"], "/api/v1/problems/conflict");

    let history = w.history("acme", &key).await;
    let bought_entries: Vec<_> = history
        .iter()
        .filter(|e| e["event"] == "bought" && e["subject"] == bought.as_str())
        .collect();
    assert_eq!(bought_entries.len(), 1, "{history:?}");
    assert_eq!(bought_entries[0]["actor"], "API key \"CI deploys\"");

    // A US area code in parentheses is read; one without stock is refused as things stand;
    // bad fields are named.
    let us = json!({"environment": "pre-release", "country": "US", "area_code": "(415)"});
    let bought_us = w
        .post(&numbers_uri("acme", ""), &key, us)
        .await
        .expect(StatusCode::CREATED);
    assert!(
        bought_us["phone_number"]
            .as_str()
            .unwrap()
            .starts_with("+1415")
    );
    let none = json!({"environment": "sandbox", "country": "US", "area_code": "907"});
    w.post(&numbers_uri("acme", ""), &key, none)
        .await
        .expect(StatusCode::CONFLICT);
    for (body, field) in [
        (
            json!({"environment": "sandbox", "country": "FR"}),
            "country",
        ),
        (
            json!({"environment": "sandbox", "country": "US", "area_code": "12"}),
            "area_code",
        ),
        (
            json!({"environment": "staging", "country": "GB"}),
            "environment",
        ),
        (json!({"country": "GB"}), "environment"),
        (json!({"environment": "sandbox"}), "country"),
        (
            json!({"environment": "sandbox", "country": "GB", "colour": "red"}),
            "colour",
        ),
        (
            json!({"environment": "sandbox", "country": "GB", "variant": "Glasgow"}),
            "variant",
        ),
        (
            json!({"environment": "live", "country": "GB", "variant": "London"}),
            "variant",
        ),
    ] {
        let problem = w
            .post(&numbers_uri("acme", ""), &key, body.clone())
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["field"], field, "{body}");
    }
    let bad_key = [("Idempotency-Key", "short")];
    let buy = json!({"environment": "sandbox", "country": "GB"});
    w.call(
        Method::POST,
        &numbers_uri("acme", ""),
        Some(&key),
        Some(buy),
        &bad_key,
    )
    .await
    .expect(StatusCode::BAD_REQUEST);
    let numbers = w.all_numbers("acme", &key, "", 50).await;
    assert_eq!(
        numbers.len(),
        6,
        "two bought, nothing by the refused requests"
    );
}

#[tokio::test]
async fn connects_a_number_of_the_projects_twilio_account() {
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    w.twilio
        .own("+14155550100", Some("https://customer.example/voice"));
    let body =
        json!({"environment": "sandbox", "phone_number": "(415) 555-0100", "variant": "Default"});
    let connected = w
        .post(&numbers_uri("acme", ""), &key, body)
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(connected["phone_number"], "+14155550100");
    assert_eq!(connected["ownership"], "connected");
    assert_eq!(connected["source"], "twilio");
    assert!(
        w.twilio.owned()["+14155550100"]
            .voice_url
            .as_deref()
            .is_some_and(|u| u.ends_with("/telephony/twilio/voice")),
        "Twilio now sends its calls here"
    );
    let not_owned = json!({"environment": "sandbox", "phone_number": "+14155550199"});
    let problem = w
        .post(&numbers_uri("acme", ""), &key, not_owned)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "phone_number");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("not in this project's Twilio account")
    );
    let solo = w.key("solo", "read-write").await;
    let body = json!({"environment": "sandbox", "phone_number": "+14155550100"});
    w.post(&numbers_uri("solo", ""), &solo, body)
        .await
        .expect(StatusCode::CONFLICT);
}

#[tokio::test]
async fn reassigns_a_variant_by_id_or_by_name() {
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    let uri = numbers_uri("acme", "/+442079460123");
    let leeds = json!({"variant": "leeds"});
    let changed = w
        .call(Method::PATCH, &uri, Some(&key), Some(leeds), &[])
        .await
        .expect(StatusCode::OK);
    assert_eq!(changed["variant"]["name"], "Leeds");
    let london = variant_id(&w, &key, "London").await;
    let by_id = json!({"variant": london});
    let changed = w
        .call(Method::PATCH, &uri, Some(&key), Some(by_id), &[])
        .await
        .expect(StatusCode::OK);
    assert_eq!(changed["variant"]["id"], london);
    let history = w.history("acme", &key).await;
    assert_eq!(history[0]["event"], "variant-changed");
    assert_eq!(history[0]["before"], "Sandbox · Leeds");
    assert_eq!(history[0]["after"], "Sandbox · London");

    for body in [
        json!({"variant": "Glasgow"}),
        json!({}),
        json!({"variant": true}),
    ] {
        let problem = w
            .call(Method::PATCH, &uri, Some(&key), Some(body.clone()), &[])
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["field"], "variant", "{body}");
    }
    let unknown_id = json!({"variant": 999_999});
    let problem = w
        .call(Method::PATCH, &uri, Some(&key), Some(unknown_id), &[])
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "variant", "as buying with it says");
    let missing = numbers_uri("acme", "/+442079460999");
    w.call(
        Method::PATCH,
        &missing,
        Some(&key),
        Some(json!({"variant": "London"})),
        &[],
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    let now = w.get(&uri, &key).await.expect(StatusCode::OK);
    assert_eq!(
        now["variant"]["name"], "London",
        "refused changes changed nothing"
    );
}

#[tokio::test]
async fn deletes_with_the_pages_rules_and_undoes_inside_the_window() {
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    let pool = numbers_uri("acme", "/+442079460123");
    let deleted = w
        .call(Method::DELETE, &pool, Some(&key), None, &[])
        .await
        .expect(StatusCode::OK);
    assert_eq!(deleted["result"], "release-pending");
    assert_eq!(
        deleted["release_at"], "2026-11-29T09:10:00Z",
        "T0 + the 10 minute window"
    );
    let now = w.get(&pool, &key).await.expect(StatusCode::OK);
    assert_eq!(now["state"], "pending-release");
    let listed = w
        .all_numbers("acme", &key, "&state=pending-release", 50)
        .await;
    assert_eq!(e164s(&listed), ["+442079460123"]);
    w.call(Method::DELETE, &pool, Some(&key), None, &[])
        .await
        .expect(StatusCode::CONFLICT);

    let undo = numbers_uri("acme", "/+442079460123/undo");
    let back = w
        .call(Method::POST, &undo, Some(&key), None, &[])
        .await
        .expect(StatusCode::OK);
    assert_eq!(back["state"], "active");
    assert_eq!(back["variant"]["name"], "London");
    w.call(Method::POST, &undo, Some(&key), None, &[])
        .await
        .expect(StatusCode::CONFLICT);

    let live = numbers_uri("acme", "/+447700900321");
    let problem = w
        .call(Method::DELETE, &live, Some(&key), None, &[])
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "confirm");
    w.call(
        Method::DELETE,
        &format!("{live}?confirm=yes"),
        Some(&key),
        None,
        &[],
    )
    .await
    .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        w.get(&live, &key).await.expect(StatusCode::OK)["state"],
        "active"
    );
    let deleted = w
        .call(
            Method::DELETE,
            &format!("{live}?confirm=live"),
            Some(&key),
            None,
            &[],
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(deleted["result"], "release-pending");

    let connected = numbers_uri("acme", "/+12125550142");
    let deleted = w
        .call(Method::DELETE, &connected, Some(&key), None, &[])
        .await
        .expect(StatusCode::OK);
    assert_eq!(deleted["result"], "disconnected");
    w.get(&connected, &key).await.expect(StatusCode::NOT_FOUND);

    let history = w.history("acme", &key).await;
    let kinds: Vec<&str> = history
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds[..4],
        [
            "disconnected",
            "deletion-requested",
            "deletion-undone",
            "deletion-requested"
        ]
    );
    assert!(
        history[..4]
            .iter()
            .all(|e| e["actor"] == "API key \"acme read-write\"")
    );
}

#[tokio::test]
async fn bodies_must_be_json_objects_of_the_documented_shape() {
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    let uri = numbers_uri("acme", "");
    let plain = [(header::CONTENT_TYPE.as_str(), "text/plain")];
    let reply = w.call(Method::POST, &uri, Some(&key), None, &plain).await;
    reply.expect(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let reply = w.call(Method::POST, &uri, Some(&key), None, &[]).await;
    reply.expect(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let request = axum::http::Request::post(&uri)
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from("{\"environment\": "))
        .unwrap();
    let (status, headers, body) = crate::support::http::send(&w.router, request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    for body in [json!([1, 2]), json!("sandbox"), json!(null)] {
        w.post(&uri, &key, body.clone())
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
    }
    let numbers = w.all_numbers("acme", &key, "", 50).await;
    assert_eq!(numbers.len(), 4, "nothing was added");
}

#[tokio::test]
async fn twilio_failing_is_a_502_and_twilio_not_answering_a_504_naming_what_is_checked() {
    use crate::support::fake_twilio::Op;
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    w.twilio.own("+14155550100", None);
    let body = json!({"environment": "sandbox", "phone_number": "+14155550100"});
    w.twilio.fail(Op::Read, 500, 20500);
    let problem = w
        .post(&numbers_uri("acme", ""), &key, body.clone())
        .await
        .expect(StatusCode::BAD_GATEWAY);
    assert_eq!(problem["type"], "/api/v1/problems/provider-failed");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("Nothing was changed")
    );
    w.get(&numbers_uri("acme", "/+14155550100"), &key)
        .await
        .expect(StatusCode::NOT_FOUND);

    w.twilio.heal();
    // Longer than the 2 s this world waits for Twilio.
    w.twilio.slow(Op::Update, std::time::Duration::from_secs(4));
    let problem = w
        .post(&numbers_uri("acme", ""), &key, body)
        .await
        .expect(StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(problem["type"], "/api/v1/problems/outcome-unknown");
    let number = w
        .get(&numbers_uri("acme", "/+14155550100"), &key)
        .await
        .expect(StatusCode::OK);
    assert_eq!(
        number["state"], "connecting",
        "being checked, as the detail says"
    );
}

#[tokio::test]
async fn storage_failing_is_a_503_problem_with_nothing_of_its_cause() {
    use sea_orm::ConnectionTrait;
    let w = world().await;
    let key = w.key("acme", "read").await;
    w.t.db
        .execute_unprepared("ALTER TABLE numbers RENAME TO numbers_gone")
        .await
        .unwrap();
    let problem = w
        .get(&numbers_uri("acme", ""), &key)
        .await
        .expect(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(problem["type"], "/api/v1/problems/unavailable");
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        !detail.contains("numbers_gone") && !detail.contains("table"),
        "the cause stays in the log: {problem}"
    );
}
