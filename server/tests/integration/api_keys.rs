//! API keys: created by members with Edit and shown once, stored only as a hash, listed
//! without the key, revoked for good; every step in the project history.

use crate::support::http::{admin_router, call, load_page};
use crate::support::{T0, store};
use app::api::{CreateApiKey, LoadApiKeysPage, ProjectHistory, RevokeApiKey};
use app::domain::api_keys::{ApiKeyScope, ApiKeysPage, NewApiKey};
use app::domain::{EventKind, HistoryPage};
use app::ports::ApiKeyStore;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use sea_orm::EntityTrait;
use server::db::entities::api_key;

async fn create(
    router: &axum::Router,
    project: &str,
    name: &str,
    access: &str,
) -> (StatusCode, String) {
    call(
        router,
        CreateApiKey::PATH,
        &[("project", project), ("name", name), ("access", access)],
    )
    .await
}

async fn page(router: &axum::Router, project: &str) -> ApiKeysPage {
    load_page(router, LoadApiKeysPage::PATH, &[("project", project)], None)
        .await
        .unwrap_or_else(|(status, body)| panic!("{status}: {body}"))
}

#[tokio::test]
async fn a_key_is_shown_once_stored_as_a_hash_and_revoked_for_good() {
    let (router, t) = admin_router().await;
    let (status, body) = create(&router, "acme", "  CI deploys ", "read-write").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let created: NewApiKey = serde_json::from_str(&body).unwrap();
    assert_eq!(created.name, "CI deploys");
    assert!(created.key.starts_with("nmbr_"), "{}", created.key.len());

    let (twin, body) = create(&router, "acme", "ci DEPLOYS", "read").await;
    assert!(twin.is_client_error(), "{twin} {body}");
    assert!(body.contains("exists already"), "{body}");
    let rows = api_key::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(
        !format!("{rows:?}").contains(&created.key),
        "the key itself is never stored"
    );
    let listed = page(&router, "acme").await;
    assert!(
        !serde_json::to_string(&listed)
            .unwrap()
            .contains(&created.key)
    );
    assert_eq!(listed.keys.len(), 1);
    assert_eq!(listed.keys[0].scope, ApiKeyScope::ReadWrite);
    assert_eq!(listed.keys[0].last_used_at, None);
    assert!(
        page(&router, "solo").await.keys.is_empty(),
        "another project's page"
    );

    let keys = store(&t.db);
    let holder = keys
        .key_holder(&created.key, T0 + 60)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(holder.project.as_str(), "acme");
    assert_eq!(holder.name, "CI deploys");
    // Another last character (a random key may end in either).
    let other = if created.key.ends_with('x') { 'y' } else { 'x' };
    let tampered = format!("{}{other}", &created.key[..created.key.len() - 1]);
    assert_eq!(keys.key_holder(&tampered, T0).await.unwrap(), None);
    assert_eq!(keys.key_holder("Bearer nonsense", T0).await.unwrap(), None);
    assert!(page(&router, "acme").await.keys[0].last_used_at.is_some());

    let id = listed.keys[0].id.clone();
    let revoke = [("project", "acme"), ("key_id", id.as_str())];
    let (status, body) = call(&router, RevokeApiKey::PATH, &revoke).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(keys.key_holder(&created.key, T0).await.unwrap(), None);
    assert!(page(&router, "acme").await.keys.is_empty());
    let (again, body) = call(&router, RevokeApiKey::PATH, &revoke).await;
    assert!(again.is_client_error(), "{again} {body}");
    assert!(
        body.contains("does not exist or was revoked already"),
        "{body}"
    );

    let history: HistoryPage = load_page(
        &router,
        ProjectHistory::PATH,
        &[("project", "acme"), ("page", "1")],
        None,
    )
    .await
    .unwrap();
    let kinds: Vec<EventKind> = history.entries.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&EventKind::ApiKeyCreated), "{history:?}");
    assert!(kinds.contains(&EventKind::ApiKeyRevoked), "{history:?}");
    assert!(
        history
            .entries
            .iter()
            .any(|e| [Some(&e.e164), e.before.as_ref(), e.after.as_ref()]
                .into_iter()
                .flatten()
                .any(|text| text.contains("API key \"CI deploys\""))),
        "{history:?}"
    );
}

#[tokio::test]
async fn bad_names_and_access_are_refused_and_change_nothing() {
    let (router, t) = admin_router().await;
    for (name, access, field) in [
        ("   ", "read", "name"),
        (&"x".repeat(61)[..], "read", "name"),
        ("CI", "admin", "access"),
    ] {
        let (status, body) = create(&router, "acme", name, access).await;
        assert!(status.is_client_error(), "{status} {body}");
        assert!(body.contains(field), "{body}");
    }
    assert!(api_key::Entity::find().all(&t.db).await.unwrap().is_empty());
}
