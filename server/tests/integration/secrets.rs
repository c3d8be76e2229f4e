//! Twilio secrets at rest: sealed in the database, opened with the configured key, checked at
//! start-up, sealed when an earlier version left them in plain text, and re-sealed by rotation.

use crate::support::http::config_for;
use crate::support::{T0, TEST_SECRET_KEY, TestClock, TestDb, keyring};
use app::domain::ProjectSlug;
use app::domain::twilio_credentials::SecretText;
use app::ports::ConnectionStore;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::db::entities::telephony_integration;
use server::secrets::{SecretColumn, SecretKey, sealed_key_id};

/// The demo Twilio account's auth token, as `demo.rs` seeds it.
const DEMO_TOKEN: &str = "demo-token";

async fn twilio_rows(t: &TestDb) -> Vec<telephony_integration::Model> {
    telephony_integration::Entity::find()
        .filter(telephony_integration::Column::Kind.eq("twilio"))
        .all(&t.db)
        .await
        .unwrap()
}

/// Starts the server's preparation with `key` as `NUMBERS_SECRET_KEY`; the error text if refused.
async fn start_with(t: &TestDb, key: &str) -> Result<(), String> {
    let mut config = config_for(t);
    config.secret_key = Some(SecretText(key.to_owned()));
    match server::prepare(&config, TestClock::at(T0)).await {
        Ok(_) => Ok(()),
        Err(err) => Err(err.to_string()),
    }
}

async fn demo_secrets_are_sealed_and_open_with_the_key(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &keyring())
        .await
        .unwrap();
    let rows = twilio_rows(t).await;
    assert_eq!(rows.len(), 1);
    let stored = rows[0].twilio_auth_token.clone().unwrap();
    assert!(stored.starts_with("sealed.v1."), "{stored}");
    assert!(!stored.contains(DEMO_TOKEN));
    let account = crate::support::store(&t.db)
        .twilio_account(&ProjectSlug::parse("acme").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.auth_token, DEMO_TOKEN);
    if t.url.starts_with("sqlite:") {
        assert!(
            !t.files_hold(DEMO_TOKEN),
            "the database files hold the token in plain text"
        );
    }
}

async fn a_server_without_the_sealing_key_refuses_to_start(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &keyring())
        .await
        .unwrap();
    let other = SecretKey::generate();
    let err = start_with(t, other.to_base64()).await.unwrap_err();
    let sealing = keyring().newest().id();
    assert!(
        err.contains("NUMBERS_SECRET_KEY does not hold the key"),
        "{err}"
    );
    assert!(err.contains(&format!("1 under key {sealing}")), "{err}");
    assert!(err.contains(&other.id().to_string()), "{err}");
    let err = start_with(t, "c2hvcnQ=").await.unwrap_err();
    assert!(
        err.contains("NUMBERS_SECRET_KEY: key 1 is 5 bytes, not 32"),
        "{err}"
    );
    start_with(t, TEST_SECRET_KEY).await.unwrap();
}

async fn plain_text_an_earlier_version_stored_is_sealed_at_start(t: &TestDb) {
    crate::support::twilio_only_project(t).await;
    let row = twilio_rows(t).await.remove(0);
    let mut legacy: telephony_integration::ActiveModel = row.into();
    legacy.twilio_auth_token = Set(Some("legacy-token".into()));
    legacy.twilio_webhook_token = Set(Some("legacy-webhook-token".into()));
    legacy.update(&t.db).await.unwrap();
    start_with(t, TEST_SECRET_KEY).await.unwrap();
    let row = twilio_rows(t).await.remove(0);
    let ring = keyring();
    let token = row.twilio_auth_token.unwrap();
    let webhook = row.twilio_webhook_token.unwrap();
    assert_eq!(
        ring.open(SecretColumn::TwilioAuthToken, row.project_id, &token),
        Ok("legacy-token".into())
    );
    assert_eq!(
        ring.open(SecretColumn::TwilioWebhookToken, row.project_id, &webhook),
        Ok("legacy-webhook-token".into())
    );
    if t.url.starts_with("sqlite:") {
        assert!(
            !t.files_hold("legacy-"),
            "no plain text lingers in the database files"
        );
    }
}

async fn rotation_reseals_every_secret_under_the_newest_key(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &keyring())
        .await
        .unwrap();
    let new = SecretKey::generate();
    let both = format!("{},{TEST_SECRET_KEY}", new.to_base64());
    let mut config = config_for(t);
    config.secret_key = Some(SecretText(both.clone()));
    assert_eq!(server::rotate_secrets(&config).await.unwrap(), 1);
    let stored = twilio_rows(t).await.remove(0).twilio_auth_token.unwrap();
    assert_eq!(sealed_key_id(&stored), Some(new.id()));
    assert_eq!(
        server::rotate_secrets(&config).await.unwrap(),
        0,
        "nothing left to re-seal"
    );
    assert!(
        start_with(t, TEST_SECRET_KEY).await.is_err(),
        "the old key alone no longer opens them"
    );
    start_with(t, new.to_base64()).await.unwrap();
    let account = server::db::SeaStore::new(
        t.db.clone(),
        TestClock::at(T0),
        std::sync::Arc::new(server::secrets::Keyring::parse(new.to_base64()).unwrap()),
        server::live::LiveHub::in_process(),
    )
    .twilio_account(&ProjectSlug::parse("acme").unwrap())
    .await
    .unwrap()
    .unwrap();
    assert_eq!(account.auth_token, DEMO_TOKEN);
}

on_both_backends!(
    demo_secrets_are_sealed_and_open_with_the_key,
    a_server_without_the_sealing_key_refuses_to_start,
    plain_text_an_earlier_version_stored_is_sealed_at_start,
    rotation_reseals_every_secret_under_the_newest_key,
);
