//! Variant changes, publishing and assignment rules, on SQLite and on PostgreSQL.

use crate::support::TestDb;
use app::domain::{
    E164, Environment, ProjectSlug, PublishError, VariantId, VariantName, VariantNameError,
};
use app::ports::{ChangeError, ProjectStore, VariantStore};
use server::db::SeaStore;
use server::demo::seed_if_empty;

/// Who makes the changes.
const ACTOR: &str = "admin@example.com";

fn slug(s: &str) -> ProjectSlug {
    ProjectSlug::parse(s).unwrap()
}

fn name(s: &str) -> VariantName {
    VariantName::parse(s).unwrap()
}

async fn demo(t: &TestDb) -> SeaStore {
    seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    crate::support::store(&t.db)
}

async fn variant_id(store: &SeaStore, project: &str, variant: &str) -> VariantId {
    let overview = store.overview(&slug(project)).await.unwrap().unwrap();
    overview
        .draft_variants
        .iter()
        .find(|v| v.name == variant)
        .map(|v| v.id)
        .unwrap_or_else(|| panic!("{variant} not in {project}'s draft"))
}

async fn published(store: &SeaStore, env: Environment) -> Vec<String> {
    let overview = store.overview(&slug("acme")).await.unwrap().unwrap();
    overview
        .publications
        .variants_in(env)
        .unwrap_or_default()
        .iter()
        .map(|v| v.name.clone())
        .collect()
}

async fn publish_and_promote_are_recorded(t: &TestDb) {
    let store = demo(t).await;
    assert_eq!(
        published(&store, Environment::Sandbox).await,
        ["Default", "London", "Leeds"]
    );
    store.publish_draft(&slug("acme"), "ann").await.unwrap();
    assert_eq!(
        published(&store, Environment::Sandbox).await,
        ["Default", "London", "Leeds", "Glasgow"]
    );
    assert_eq!(
        published(&store, Environment::PreRelease).await,
        ["Default", "London"]
    );
    store
        .promote(&slug("acme"), Environment::PreRelease, "bob")
        .await
        .unwrap();
    assert_eq!(
        published(&store, Environment::PreRelease).await,
        ["Default", "London", "Leeds", "Glasgow"]
    );
    assert_eq!(published(&store, Environment::Live).await, ["Default"]);
    store
        .promote(&slug("acme"), Environment::Live, "cat")
        .await
        .unwrap();
    assert_eq!(
        published(&store, Environment::Live).await,
        ["Default", "London", "Leeds", "Glasgow"]
    );

    let history = store.publish_history(&slug("acme")).await.unwrap();
    let summary: Vec<_> = history
        .iter()
        .map(|r| (r.environment, r.version, r.published_by.as_str()))
        .collect();
    assert_eq!(
        &summary[..3],
        [
            (Environment::Live, 2, "cat"),
            (Environment::PreRelease, 2, "bob"),
            (Environment::Sandbox, 2, "ann")
        ]
    );
    assert_eq!(history.len(), 6, "three demo versions and three new ones");
}

async fn promotion_needs_a_published_source(t: &TestDb) {
    let store = demo(t).await;
    let err = store
        .promote(&slug("solo"), Environment::PreRelease, "x")
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        ChangeError::Publish(PublishError::SourceNotPublished(Environment::Sandbox))
    ));
    let err = store
        .promote(&slug("solo"), Environment::Sandbox, "x")
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        ChangeError::Publish(PublishError::SandboxIsPublished)
    ));
    assert!(
        store
            .publish_history(&slug("solo"))
            .await
            .unwrap()
            .is_empty()
    );
}

async fn names_are_unique_per_project(t: &TestDb) {
    let store = demo(t).await;
    let err = store
        .create_variant(&slug("acme"), &name("LONDON"), ACTOR)
        .await
        .unwrap_err();
    assert!(matches!(err, ChangeError::Name(VariantNameError::Taken(_))));
    // Another project may use the same name.
    store
        .create_variant(&slug("solo"), &name("London"), ACTOR)
        .await
        .unwrap();
    let leeds = variant_id(&store, "acme", "Leeds").await;
    let err = store
        .rename_variant(&slug("acme"), leeds, &name("london"), ACTOR)
        .await
        .unwrap_err();
    assert!(matches!(err, ChangeError::Name(VariantNameError::Taken(_))));
    store
        .rename_variant(&slug("acme"), leeds, &name("leeds"), ACTOR)
        .await
        .unwrap();
    assert_eq!(variant_id(&store, "acme", "leeds").await, leeds);
}

async fn deleting_keeps_assignments_and_the_next_variant_becomes_default(t: &TestDb) {
    let store = demo(t).await;
    let default = variant_id(&store, "acme", "Default").await;
    store
        .delete_variant(&slug("acme"), default, ACTOR)
        .await
        .unwrap();
    let overview = store.overview(&slug("acme")).await.unwrap().unwrap();
    assert_eq!(
        overview.draft_variants[0].name, "London",
        "the next variant is first, so default"
    );
    let live = store
        .number(&slug("acme"), &E164::parse("+447700900321").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        live.variant.as_ref().map(|v| v.id),
        Some(default),
        "routes do not change by themselves"
    );
    let err = store
        .delete_variant(&slug("acme"), default, ACTOR)
        .await
        .unwrap_err();
    assert!(
        matches!(err, ChangeError::VariantNotFound(_)),
        "already deleted"
    );
}

async fn assignment_rules_hold(t: &TestDb) {
    let store = demo(t).await;
    let acme = slug("acme");
    let sandbox_number = E164::parse("+442079460123").unwrap();
    let leeds = variant_id(&store, "acme", "Leeds").await;
    let glasgow = variant_id(&store, "acme", "Glasgow").await;
    store
        .assign_variant(&acme, &sandbox_number, leeds, "tester")
        .await
        .unwrap();

    let err = store
        .assign_variant(&acme, &sandbox_number, glasgow, "tester")
        .await
        .unwrap_err();
    assert!(
        matches!(err, ChangeError::Assign(_)),
        "Glasgow is not published: {err:?}"
    );
    let live_number = E164::parse("+447700900321").unwrap();
    let err = store
        .assign_variant(&acme, &live_number, leeds, "tester")
        .await
        .unwrap_err();
    assert!(
        matches!(err, ChangeError::Assign(_)),
        "Leeds is not in Live: {err:?}"
    );

    let solo_variant = store
        .create_variant(&slug("solo"), &name("Clinic"), ACTOR)
        .await
        .unwrap();
    let err = store
        .assign_variant(&acme, &sandbox_number, solo_variant.id, "tester")
        .await
        .unwrap_err();
    assert!(
        matches!(err, ChangeError::VariantNotFound(_)),
        "another project's variant"
    );
    let solo_number = E164::parse("+441632960001").unwrap();
    let err = store
        .assign_variant(&acme, &solo_number, leeds, "tester")
        .await
        .unwrap_err();
    assert!(
        matches!(err, ChangeError::NumberNotFound(_)),
        "another project's number"
    );

    let row = store.number(&acme, &sandbox_number).await.unwrap().unwrap();
    assert_eq!(
        row.variant.as_ref().map(|v| v.name.as_str()),
        Some("Leeds"),
        "refusals changed nothing"
    );
}

on_both_backends!(
    publish_and_promote_are_recorded,
    promotion_needs_a_published_source,
    names_are_unique_per_project,
    deleting_keeps_assignments_and_the_next_variant_becomes_default,
    assignment_rules_hold,
);
