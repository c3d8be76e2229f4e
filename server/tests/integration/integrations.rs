//! Connecting, rotating and disconnecting a project's Twilio account against a fake Twilio:
//! nothing is stored until Twilio accepts the credentials, secrets are sealed and never
//! answered or recorded, and disconnecting gives every number back its voice URL.

use crate::support::TestDb;
use crate::support::http::{ADMIN, as_member, call, state_with_twilio};
use app::domain::ProjectSlug;
use app::domain::twilio_credentials::TwilioCredentials;
use app::error::AppError;
use app::ports::Services;
use app::usecases::integrations::{
    IntegrationChange, check_twilio, connect_twilio, disconnect_twilio, integrations_page,
    update_twilio,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::db::entities::{number, number_event, telephony_integration};
use wiremock::matchers::{basic_auth, body_string_contains, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SID: &str = "AC0123456789abcdef0123456789abcdef";
const KEY: &str = "SK0123456789abcdef0123456789abcdef";
const TOKEN: &str = "fresh-auth-token";
const KEY_SECRET: &str = "fresh-key-secret";
const ACCOUNT: &str = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef";

/// A fake Twilio that knows the account with [`TOKEN`] and with the API key [`KEY`].
async fn twilio() -> MockServer {
    let twilio = MockServer::start().await;
    let account = serde_json::json!({
        "sid": SID, "friendly_name": "Fresh Start Twilio", "status": "active", "type": "Trial"
    });
    for (user, password) in [(SID, TOKEN), (KEY, KEY_SECRET)] {
        Mock::given(method("GET"))
            .and(path(format!("{ACCOUNT}.json")))
            .and(basic_auth(user, password))
            .respond_with(ResponseTemplate::new(200).set_body_json(account.clone()))
            .mount(&twilio)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}.json")))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            serde_json::json!({"code": 20003, "message": "Authenticate", "status": 401}),
        ))
        .mount(&twilio)
        .await;
    twilio
}

async fn fresh(t: &TestDb, twilio: &MockServer) -> Services {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    state_with_twilio(t, &twilio.uri()).await.services
}

/// Records +14155550123 as connected to fresh's Sandbox through its Twilio account, its voice
/// URL before that being `previous`.
async fn connected_number(services: &Services, previous: Option<&str>) {
    services
        .connections
        .insert_connected(
            &app::ports::NewNumber {
                project: ProjectSlug::parse("fresh").unwrap(),
                e164: app::domain::E164::parse("+14155550123").unwrap(),
                environment: app::domain::Environment::Sandbox,
                source: app::domain::IntegrationKind::Twilio,
                ownership: app::domain::Ownership::Connected,
                variant: None,
                created_by: ADMIN.into(),
            },
            previous,
        )
        .await
        .unwrap();
}

fn change() -> IntegrationChange {
    IntegrationChange {
        project: ProjectSlug::parse("fresh").unwrap(),
        actor: ADMIN.into(),
    }
}

fn credentials(token: &str, key: Option<(&str, &str)>) -> TwilioCredentials {
    let (key_sid, key_secret) = key.unwrap_or_default();
    TwilioCredentials::parse(SID, token, key_sid, key_secret).unwrap()
}

async fn rows(t: &TestDb) -> Vec<telephony_integration::Model> {
    let fresh = server::db::entities::project::Entity::find()
        .filter(server::db::entities::project::Column::Slug.eq("fresh"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    telephony_integration::Entity::find()
        .filter(telephony_integration::Column::ProjectId.eq(fresh.id))
        .all(&t.db)
        .await
        .unwrap()
}

async fn events(t: &TestDb) -> Vec<number_event::Model> {
    number_event::Entity::find()
        .filter(number_event::Column::E164.eq("Twilio account"))
        .all(&t.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn nothing_is_stored_until_twilio_accepts_and_then_only_sealed() {
    let t = TestDb::sqlite().await;
    let twilio = twilio().await;
    let services = fresh(&t, &twilio).await;
    let wrong = connect_twilio(&services, change(), credentials("wrong-token", None))
        .await
        .unwrap_err();
    assert_eq!(
        wrong
            .for_field("auth_token")
            .map(|m| m.starts_with("Twilio refused this auth token")),
        Some(true),
        "{wrong:?}"
    );
    let wrong_key = connect_twilio(&services, change(), credentials(TOKEN, Some((KEY, "nope"))))
        .await
        .unwrap_err();
    assert!(
        wrong_key.for_field("api_key_secret").is_some(),
        "{wrong_key:?}"
    );
    let wrong_token_with_key = connect_twilio(
        &services,
        change(),
        credentials("nope", Some((KEY, KEY_SECRET))),
    )
    .await
    .unwrap_err();
    assert!(
        wrong_token_with_key.for_field("auth_token").is_some(),
        "{wrong_token_with_key:?}"
    );
    assert!(
        rows(&t).await.is_empty(),
        "refused credentials stored nothing"
    );
    assert!(events(&t).await.is_empty());

    connect_twilio(
        &services,
        change(),
        credentials(TOKEN, Some((KEY, KEY_SECRET))),
    )
    .await
    .unwrap();
    let stored = rows(&t).await.remove(0);
    let sealed = [&stored.twilio_auth_token, &stored.twilio_webhook_token];
    for value in sealed {
        let value = value.clone().unwrap();
        assert!(
            value.starts_with("sealed.v1.")
                && !value.contains(TOKEN)
                && !value.contains(KEY_SECRET)
        );
    }
    assert_eq!(stored.twilio_api_key_sid.as_deref(), Some(KEY));
    assert_eq!(stored.twilio_account_type.as_deref(), Some("trial"));
    let account = services
        .connections
        .twilio_account(&ProjectSlug::parse("fresh").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (account.auth_token.as_str(), account.api_key_sid.as_deref()),
        (KEY_SECRET, Some(KEY))
    );
    let page = integrations_page(&services, &ProjectSlug::parse("fresh").unwrap(), true)
        .await
        .unwrap();
    let status = page.twilio.unwrap();
    assert_eq!(status.account_name.as_deref(), Some("Fresh Start Twilio"));
    assert_eq!(status.account_type.as_deref(), Some("Trial"));
    let history = events(&t).await;
    assert_eq!(history.len(), 1);
    let recorded = format!("{history:?}");
    assert!(
        recorded.contains(SID) && recorded.contains(KEY),
        "{recorded}"
    );
    assert!(
        !recorded.contains(TOKEN) && !recorded.contains(KEY_SECRET),
        "{recorded}"
    );
    for secret in [TOKEN, KEY_SECRET, "wrong-token"] {
        assert!(!t.files_hold(secret), "the database files hold {secret}");
    }
    let again = connect_twilio(&services, change(), credentials(TOKEN, None)).await;
    assert!(matches!(again, Err(AppError::Rejected(_))), "{again:?}");
}

#[tokio::test]
async fn rotation_keeps_the_old_credentials_until_the_new_ones_verify() {
    let t = TestDb::sqlite().await;
    let twilio = twilio().await;
    let services = fresh(&t, &twilio).await;
    connect_twilio(&services, change(), credentials(TOKEN, None))
        .await
        .unwrap();
    let before = rows(&t).await.remove(0);
    let refused = update_twilio(&services, change(), credentials("rotated-wrong", None))
        .await
        .unwrap_err();
    assert!(refused.for_field("auth_token").is_some(), "{refused:?}");
    assert_eq!(rows(&t).await.remove(0), before, "the old credentials stay");
    update_twilio(
        &services,
        change(),
        credentials(TOKEN, Some((KEY, KEY_SECRET))),
    )
    .await
    .unwrap();
    let after = rows(&t).await.remove(0);
    assert_eq!(after.id, before.id);
    assert_eq!(after.twilio_api_key_sid.as_deref(), Some(KEY));
    assert_eq!(events(&t).await.len(), 2, "connected, then updated");
    let unreachable = state_with_twilio(&t, "http://127.0.0.1:9").await.services;
    let err = update_twilio(&unreachable, change(), credentials(TOKEN, None))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AppError::Provider(
            "Twilio could not be reached to check the credentials. Nothing was saved; please try again.".into()
        )
    );
}

#[tokio::test]
async fn disconnecting_gives_each_number_back_its_voice_url_and_forgets_the_secrets() {
    let t = TestDb::sqlite().await;
    let twilio = twilio().await;
    let services = fresh(&t, &twilio).await;
    connect_twilio(&services, change(), credentials(TOKEN, None))
        .await
        .unwrap();
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/IncomingPhoneNumbers.json")))
        .and(query_param("PhoneNumber", "+14155550123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "incoming_phone_numbers": [{"sid": "PN00000000000000000000000000000002", "phone_number": "+14155550123", "voice_url": "https://numbers.test/telephony/twilio/voice"}],
            "next_page_uri": null
        })))
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .and(path(format!(
            "{ACCOUNT}/IncomingPhoneNumbers/PN00000000000000000000000000000002.json"
        )))
        .and(body_string_contains(
            "VoiceUrl=https%3A%2F%2Fcustomer.example%2Foriginal",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "sid": "PN00000000000000000000000000000002", "phone_number": "+14155550123",
            "voice_url": "https://customer.example/original"
        })))
        .expect(1)
        .mount(&twilio)
        .await;
    connected_number(&services, Some("https://customer.example/original")).await;
    disconnect_twilio(&services, change()).await.unwrap();
    assert!(
        rows(&t).await.is_empty(),
        "the integration and its secrets are gone"
    );
    assert_eq!(
        number::Entity::find()
            .filter(number::Column::E164.eq("+14155550123"))
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    let history = events(&t).await;
    assert_eq!(history.last().unwrap().kind, "twilio-account-disconnected");
}

#[tokio::test]
async fn the_server_functions_never_answer_a_secret() {
    let t = TestDb::sqlite().await;
    let twilio = twilio().await;
    fresh(&t, &twilio).await;
    let mut config = crate::support::http::config_for(&t);
    config.twilio_base_url = twilio.uri();
    let router = as_member(
        server::http::router(crate::support::http::prepare(&config).await),
        ADMIN,
    )
    .await;
    let form = |token: &'static str| {
        vec![
            ("project", "fresh"),
            ("account_sid", SID),
            ("auth_token", token),
            ("api_key_sid", ""),
            ("api_key_secret", ""),
        ]
    };
    let (_, refused) = call(
        &router,
        app::api::ConnectTwilio::PATH,
        &form("wrong-secret-123"),
    )
    .await;
    assert!(
        refused.contains("auth_token") && !refused.contains("wrong-secret-123"),
        "{refused}"
    );
    let (status, _) = call(&router, app::api::ConnectTwilio::PATH, &form(TOKEN)).await;
    assert_eq!(status, 200);
    // The answer's bytes, as sent (Postcard writes strings as they are).
    let (_, page) = crate::support::http::call_for_bytes(
        &router,
        app::api::LoadIntegrationsPage::PATH,
        &[("project", "fresh")],
    )
    .await;
    let page = String::from_utf8_lossy(&page);
    assert!(page.contains(SID) && !page.contains(TOKEN), "{page}");
    let (_, _, html) = crate::support::http::get(&router, "/projects/fresh/integrations").await;
    assert!(html.contains(SID) && !html.contains(TOKEN), "{html}");
}

#[tokio::test]
async fn suspended_accounts_and_test_credentials_are_named_as_such() {
    let t = TestDb::sqlite().await;
    let twilio = MockServer::start().await;
    for (token, code) in [("suspended-token", 20005), ("test-token", 20008)] {
        let status = if code == 20005 { 401 } else { 403 };
        Mock::given(method("GET"))
            .and(path(format!("{ACCOUNT}.json")))
            .and(basic_auth(SID, token))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(
                    serde_json::json!({"code": code, "message": "m", "status": status}),
                ),
            )
            .mount(&twilio)
            .await;
    }
    let services = fresh(&t, &twilio).await;
    let suspended = connect_twilio(&services, change(), credentials("suspended-token", None))
        .await
        .unwrap_err();
    assert_eq!(
        suspended.for_field("account_sid").as_deref(),
        Some(
            format!("Twilio account {SID} is suspended or closed; reactivate it in Twilio first.")
                .as_str()
        )
    );
    let test = connect_twilio(&services, change(), credentials("test-token", None))
        .await
        .unwrap_err();
    assert!(
        test.for_field("account_sid")
            .is_some_and(|m| m.starts_with("These are Twilio test credentials")),
        "{test:?}"
    );
    assert!(rows(&t).await.is_empty());
}

#[tokio::test]
async fn another_account_cannot_replace_one_that_carries_numbers_and_disconnect_waits_for_purchases()
 {
    use sea_orm::{ActiveModelTrait, Set};
    let t = TestDb::sqlite().await;
    let twilio = twilio().await;
    let services = fresh(&t, &twilio).await;
    connect_twilio(&services, change(), credentials(TOKEN, None))
        .await
        .unwrap();
    connected_number(&services, None).await;
    let other =
        TwilioCredentials::parse("AC00000000000000000000000000000009", TOKEN, "", "").unwrap();
    let refused = update_twilio(&services, change(), other).await.unwrap_err();
    assert_eq!(
        refused.for_field("account_sid").as_deref(),
        Some(format!("Numbers are connected through {SID}; disconnect that account before connecting another.").as_str())
    );
    let fresh_id = rows(&t).await.remove(0).project_id;
    server::db::entities::purchase::ActiveModel {
        idempotency_key: Set("in-flight-purchase".into()),
        project_id: Set(fresh_id),
        provider: Set("twilio".into()),
        fingerprint: Set("buy|sandbox|US||".into()),
        status: Set("pending".into()),
        created_at: Set(crate::support::t0_utc()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    let waiting = disconnect_twilio(&services, change()).await.unwrap_err();
    assert!(
        matches!(&waiting, AppError::Rejected(m) if m.starts_with("A number is being bought through this Twilio account")),
        "{waiting:?}"
    );
    assert_eq!(rows(&t).await.len(), 1, "nothing was disconnected");
}

#[tokio::test]
async fn two_connects_at_once_store_one_account() {
    use app::ports::{IntegrationConflict, IntegrationStore, TwilioSave, VerifiedAccount};
    let t = TestDb::sqlite().await;
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let store = crate::support::store(&t.db);
    let save = TwilioSave {
        replacing: None,
        credentials: credentials(TOKEN, None),
        account: VerifiedAccount {
            name: "Fresh".into(),
            trial: false,
        },
        verified_at: crate::support::T0,
        actor: ADMIN.into(),
    };
    let slug = ProjectSlug::parse("fresh").unwrap();
    let (first, second) = tokio::join!(
        store.save_twilio(&slug, &save),
        store.save_twilio(&slug, &save)
    );
    let outcomes = [first, second];
    assert_eq!(
        outcomes.iter().filter(|o| o.is_ok()).count(),
        1,
        "{outcomes:?}"
    );
    assert!(outcomes.iter().any(|o| matches!(
        o,
        Err(app::ports::ChangeError::Integration(
            IntegrationConflict::AlreadyConnected
        ))
    )));
    assert_eq!(rows(&t).await.len(), 1);
}

#[tokio::test]
async fn checking_the_connection_asks_twilio_with_the_stored_credentials() {
    let t = TestDb::sqlite().await;
    let twilio = twilio().await;
    let services = fresh(&t, &twilio).await;
    connect_twilio(&services, change(), credentials(TOKEN, None))
        .await
        .unwrap();
    let before = events(&t).await.len();
    check_twilio(&services, change()).await.unwrap();
    assert_eq!(events(&t).await.len(), before, "a check records no change");
    // The customer rotates the token in the Twilio Console: the stored one is refused now.
    let rotated = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            serde_json::json!({"code": 20003, "message": "Authenticate", "status": 401}),
        ))
        .mount(&rotated)
        .await;
    let after_rotation = state_with_twilio(&t, &rotated.uri()).await.services;
    let refused = check_twilio(&after_rotation, change()).await.unwrap_err();
    assert_eq!(
        refused,
        AppError::Rejected(format!(
            "Twilio refused the stored credentials of account {SID} (rotated in the Twilio Console?). Update the credentials with the ones in the Twilio Console."
        ))
    );
    let page = integrations_page(&services, &ProjectSlug::parse("fresh").unwrap(), true)
        .await
        .unwrap();
    assert!(page.twilio.unwrap().verified_at.is_some());
}
