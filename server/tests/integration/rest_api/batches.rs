//! `…/phone-numbers/batch` and `…/batch-delete`: a result per number, one bad row never
//! blocking the others.

use super::{numbers_uri, world};
use axum::http::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn batch_add_does_every_good_row_and_names_each_bad_one() {
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    w.twilio.own("+14155550100", None);
    let body = json!({"phone_numbers": [
        {"environment": "sandbox", "phone_number": "+1 415 555 0100"},
        {"environment": "sandbox", "phone_number": "+14155550199"},
        {"environment": "live", "country": "GB", "variant": "Default"},
        {"environment": "sandbox", "country": "FR"},
        {"environment": "sandbox", "phone_number": "call me"},
        {"environment": "sandbox", "phone_number": 447_700_900_123_i64},
    ]});
    let headers = [("Idempotency-Key", "import-2026-12-01")];
    let uri = numbers_uri("acme", "/batch");
    let result = w
        .call(Method::POST, &uri, Some(&key), Some(body.clone()), &headers)
        .await
        .expect(StatusCode::OK);
    let done = result["done"].as_array().unwrap();
    assert_eq!(done.len(), 2, "{result}");
    assert_eq!(done[0]["phone_number"], "+14155550100");
    assert_eq!(done[1]["environment"], "live");
    let bought = done[1]["phone_number"].clone();
    let errors = result["errors"].as_array().unwrap();
    let rows: Vec<(u64, &str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e["index"].as_u64().unwrap(),
                e["code"].as_str().unwrap(),
                e["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (1, "invalid-field", "phone_numbers[1].phone_number"),
            (3, "invalid-field", "phone_numbers[3].country"),
            (4, "invalid-field", "phone_numbers[4].phone_number"),
            (5, "invalid-field", "phone_numbers[5].phone_number"),
        ]
    );
    assert_eq!(errors[0]["phone_number"], "+14155550199");
    assert_eq!(errors[1]["phone_number"], serde_json::Value::Null);
    assert!(
        errors
            .iter()
            .all(|e| !e["message"].as_str().unwrap().is_empty())
    );

    // The same batch again with the same key: the purchase is not made twice, the connected
    // number is refused as connected already.
    let again = w
        .call(Method::POST, &uri, Some(&key), Some(body), &headers)
        .await
        .expect(StatusCode::OK);
    assert_eq!(again["done"][0]["phone_number"], bought);
    assert_eq!(again["errors"][0]["index"], 0);
    assert_eq!(w.all_numbers("acme", &key, "", 50).await.len(), 6);

    for size in [0, 101] {
        let rows: Vec<_> = (0..size)
            .map(|_| json!({"environment": "sandbox", "country": "GB"}))
            .collect();
        let problem = w
            .post(&uri, &key, json!({"phone_numbers": rows}))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["field"], "phone_numbers");
    }
    let not_objects = json!({"phone_numbers": ["+14155550100"]});
    let problem = w
        .post(&uri, &key, not_objects)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "phone_numbers[0]");
    assert_eq!(w.all_numbers("acme", &key, "", 50).await.len(), 6);
}

#[tokio::test]
async fn batch_delete_deletes_each_number_it_may_and_says_why_not_for_the_rest() {
    let w = world().await;
    let key = w.key("acme", "read-write").await;
    let uri = numbers_uri("acme", "/batch-delete");
    let body = json!({"phone_numbers": [
        "+442079460123", "+447700900321", "+441632960001", "nonsense", "+442079460123"
    ]});
    let result = w.post(&uri, &key, body).await.expect(StatusCode::OK);
    let done = result["done"].as_array().unwrap();
    assert_eq!(done.len(), 1, "{result}");
    assert_eq!(done[0]["phone_number"], "+442079460123");
    assert_eq!(done[0]["result"], "release-pending");
    let errors: Vec<(u64, &str)> = result["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["index"].as_u64().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            (1, "invalid-field"),
            (2, "number-not-found"),
            (3, "invalid-field"),
            (4, "conflict"),
        ]
    );
    assert_eq!(result["errors"][0]["field"], "confirm");
    assert!(
        result["errors"][2]["message"]
            .as_str()
            .unwrap()
            .contains("letters"),
        "typing that is no number says why: {result}"
    );

    let live = json!({"phone_numbers": ["07700 900321"], "confirm": "live"});
    let result = w.post(&uri, &key, live).await.expect(StatusCode::OK);
    assert_eq!(result["done"][0]["phone_number"], "+447700900321");
    let bad_confirm = json!({"phone_numbers": ["+441134960456"], "confirm": "yes"});
    let problem = w
        .post(&uri, &key, bad_confirm)
        .await
        .expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["field"], "confirm");
    let active = w.all_numbers("acme", &key, "&state=active", 50).await;
    assert_eq!(active.len(), 2, "the refused batch deleted nothing");
}
