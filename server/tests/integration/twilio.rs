//! The Twilio client and the Connect flow against a fake Twilio (wiremock).

use crate::support::TestDb;
use crate::support::http::state_with_twilio;
use app::domain::E164;
use app::domain::{Environment, ProjectSlug, phone_format};
use app::error::AppError;
use app::ports::TwilioAccount;
use app::usecases::connect_number::{ConnectNumber, connect_number};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::db::entities::number;
use server::telephony::twilio::{TwilioClient, TwilioError};
use std::time::Duration;
use wiremock::matchers::{basic_auth, body_string_contains, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SID: &str = "AC0123456789abcdef0123456789abcdef";
const NUMBERS: &str =
    "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/IncomingPhoneNumbers.json";

fn account() -> TwilioAccount {
    TwilioAccount {
        account_sid: SID.into(),
        auth_token: "demo-token".into(),
        api_key_sid: None,
    }
}

fn owned(e164: &str, sid: &str, voice_url: &str) -> serde_json::Value {
    serde_json::json!({ "incoming_phone_numbers": [{
        "sid": sid, "phone_number": e164, "voice_url": voice_url, "friendly_name": null,
        "capabilities": {"voice": true, "SMS": true}, "status": "in-use", "latitude": "51.5",
        "date_created": "Tue, 02 Jan 2024 10:00:00 +0000", "some_new_field": {"nested": 1}
    }], "next_page_uri": null })
}

fn error(code: u32, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(serde_json::json!({
        "code": code, "message": "details", "more_info": "https://www.twilio.com/docs/errors", "status": status
    }))
}

fn client(server: &MockServer) -> TwilioClient {
    TwilioClient::new(&server.uri(), Duration::from_millis(500)).unwrap()
}

#[tokio::test]
async fn finds_an_owned_number_with_basic_auth_and_an_encoded_plus() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(NUMBERS))
        .and(query_param("PhoneNumber", "+12125550199"))
        .and(basic_auth(SID, "demo-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(owned(
            "+12125550199",
            "PN1",
            "https://old",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let number = E164::parse("+12125550199").unwrap();
    let found = client(&server)
        .find_incoming(&account(), &number)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (found.sid.as_str(), found.voice_url.as_deref()),
        ("PN1", Some("https://old"))
    );
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        sent.url.query(),
        Some("PhoneNumber=%2B12125550199"),
        "+ travels as %2B"
    );
}

#[tokio::test]
async fn updates_the_voice_url_form_encoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(
            "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/IncomingPhoneNumbers/PN1.json",
        ))
        .and(body_string_contains(
            "VoiceUrl=https%3A%2F%2Fnumbers.test%2Ftelephony%2Ftwilio%2Fvoice",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"sid": "PN1", "phone_number": "+1", "voice_url": "x"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    client(&server)
        .update_voice_url(
            &account(),
            "PN1",
            "https://numbers.test/telephony/twilio/voice",
        )
        .await
        .unwrap();
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        sent.headers["content-type"],
        "application/x-www-form-urlencoded"
    );
}

#[tokio::test]
async fn errors_are_mapped() {
    let server = MockServer::start().await;
    let cases = [
        ("+12125550101", error(20003, 401), TwilioError::AuthFailed),
        ("+12125550102", error(20429, 429), TwilioError::RateLimited),
        (
            "+12125550103",
            ResponseTemplate::new(503),
            TwilioError::NoAnswer("HTTP 503".into()),
        ),
        ("+12125550104", error(20404, 404), TwilioError::NotFound),
        (
            "+12125550105",
            ResponseTemplate::new(200).set_delay(Duration::from_secs(3)),
            TwilioError::NoAnswer("timed out".into()),
        ),
        (
            "+12125550106",
            ResponseTemplate::new(200).set_body_string("<html>"),
            TwilioError::NoAnswer(String::new()),
        ),
    ];
    for (number, response, _) in &cases {
        Mock::given(method("GET"))
            .and(query_param("PhoneNumber", *number))
            .respond_with(response.clone())
            .mount(&server)
            .await;
    }
    for (number, _, expected) in cases {
        let err = client(&server)
            .find_incoming(&account(), &E164::parse(number).unwrap())
            .await
            .unwrap_err();
        match expected {
            TwilioError::NoAnswer(ref m) if m.is_empty() => {
                assert!(matches!(err, TwilioError::NoAnswer(_)), "{number}: {err:?}")
            }
            other => assert_eq!(err, other, "{number}"),
        }
    }
    let refused = server.received_requests().await.unwrap().len();
    assert_eq!(refused, 6);
    let bad_sid = TwilioAccount {
        account_sid: "nope".into(),
        auth_token: "t".into(),
        api_key_sid: None,
    };
    let err = client(&server)
        .find_incoming(&bad_sid, &E164::parse("+1").unwrap())
        .await
        .unwrap_err();
    assert_eq!(
        err,
        TwilioError::AuthFailed,
        "a malformed SID never leaves the process"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), refused);
}

/// A connection of `typed` to `env` of `project`, as the Connect server function builds it.
fn connect(project: &str, env: &str, typed: &str) -> ConnectNumber {
    ConnectNumber {
        project: ProjectSlug::parse(project).unwrap(),
        environment: Environment::parse(env).unwrap(),
        number: phone_format::normalise(typed).unwrap(),
        variant: None,
        actor: "test".into(),
    }
}

async fn row(t: &TestDb, e164: &str) -> Option<number::Model> {
    number::Entity::find()
        .filter(number::Column::E164.eq(e164))
        .one(&t.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn connecting_an_owned_number_points_it_at_us_and_remembers_the_old_url() {
    let t = TestDb::sqlite().await;
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("PhoneNumber", "+14155550123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(owned(
            "+14155550123",
            "PN9",
            "https://customer.example/voice",
        )))
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .and(path(
            "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/IncomingPhoneNumbers/PN9.json",
        ))
        .and(body_string_contains(
            "VoiceUrl=https%3A%2F%2Fnumbers.test%2Ftelephony%2Ftwilio%2Fvoice",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"sid": "PN9"})))
        .expect(1)
        .mount(&twilio)
        .await;
    let services = state_with_twilio(&t, &twilio.uri()).await.services;
    let e164 = connect_number(&services, connect("acme", "live", "+1 (415) 555-0123"))
        .await
        .unwrap();
    assert_eq!(e164.as_str(), "+14155550123");
    let saved = row(&t, "+14155550123").await.unwrap();
    assert_eq!(
        (saved.environment.as_str(), saved.ownership.as_str()),
        ("live", "connected")
    );
    assert_eq!(
        saved.previous_voice_url.as_deref(),
        Some("https://customer.example/voice")
    );
}

#[tokio::test]
async fn unowned_taken_or_failing_numbers_leave_nothing_behind() {
    let t = TestDb::sqlite().await;
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("PhoneNumber", "+14155550124"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"incoming_phone_numbers": []})),
        )
        .mount(&twilio)
        .await;
    Mock::given(method("GET"))
        .and(query_param("PhoneNumber", "+12125550142"))
        .respond_with(ResponseTemplate::new(200).set_body_json(owned(
            "+12125550142",
            "PN2",
            "https://numbers.test/telephony/twilio/voice",
        )))
        .mount(&twilio)
        .await;
    Mock::given(method("GET"))
        .and(query_param("PhoneNumber", "+14155550125"))
        .respond_with(ResponseTemplate::new(200).set_body_json(owned(
            "+14155550125",
            "PN3",
            "https://c/v",
        )))
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_json(serde_json::json!({
            "code": 20008, "message": "Resource not accessible with Test Account Credentials",
            "more_info": "https://www.twilio.com/docs/errors/20008", "status": 403
        })))
        .mount(&twilio)
        .await;
    let services = state_with_twilio(&t, &twilio.uri()).await.services;

    let err = connect_number(&services, connect("acme", "sandbox", "415 555 0124"))
        .await
        .unwrap_err();
    assert!(
        err.for_field("phone_number")
            .is_some_and(|m| m.contains("not in this project's Twilio account")),
        "{err:?}"
    );
    assert!(row(&t, "+14155550124").await.is_none());

    let err = connect_number(&services, connect("acme", "sandbox", "+12125550142"))
        .await
        .unwrap_err();
    assert!(
        err.for_field("phone_number")
            .is_some_and(|m| m.contains("already connected")),
        "{err:?}"
    );

    let err = connect_number(&services, connect("acme", "sandbox", "+14155550125"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Provider(ref m) if m.contains("test credentials")),
        "{err:?}"
    );
    assert!(
        row(&t, "+14155550125").await.is_none(),
        "a failed connection leaves no row"
    );

    let router = crate::support::http::router_for(&t).await;
    let router = crate::support::http::as_member(router, crate::support::http::ADMIN).await;
    let (_, body) = crate::support::http::call_for_bytes(
        &router,
        <app::api::ConnectNumber as leptos::server_fn::ServerFn>::PATH,
        &[
            ("project", "acme"),
            ("environment", "sandbox"),
            ("phone_number", "call me"),
        ],
    )
    .await;
    let err = crate::support::http::app_error("connecting", &body);
    assert!(err.for_field("phone_number").is_some(), "{err:?}");
    let err = connect_number(&services, connect("solo", "sandbox", "+14155550124"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Rejected(ref m) if m.contains("no Twilio integration")),
        "{err:?}"
    );
}

#[tokio::test]
async fn twilio_unreachable_is_a_clear_message() {
    let t = TestDb::sqlite().await;
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let services = state_with_twilio(&t, "http://127.0.0.1:9").await.services;
    let err = connect_number(&services, connect("acme", "sandbox", "+14155550126"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AppError::Provider(
            "Twilio could not be reached. Nothing was changed; please try again.".into()
        )
    );
}

#[tokio::test]
async fn an_api_key_authenticates_instead_of_the_account_sid() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(NUMBERS))
        .and(basic_auth(
            "SK0123456789abcdef0123456789abcdef",
            "key-secret",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(owned(
            "+12125550199",
            "PN1",
            "https://old",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let with_key = TwilioAccount {
        account_sid: SID.into(),
        auth_token: "key-secret".into(),
        api_key_sid: Some("SK0123456789abcdef0123456789abcdef".into()),
    };
    let number = E164::parse("+12125550199").unwrap();
    let found = client(&server)
        .find_incoming(&with_key, &number)
        .await
        .unwrap();
    assert!(
        found.is_some(),
        "the account SID stays in the path, the key authenticates"
    );
    assert!(
        !format!("{with_key:?}").contains("key-secret"),
        "Debug never shows the secret"
    );
}
