//! The audit log: buying, connecting and reassigning are recorded with who, when, before and
//! after; a project's history pages newest first and never shows another project's entries.

use crate::support::TestDb;
use app::domain::{E164, EventKind, ProjectSlug};
use app::ports::{HistoryStore, VariantStore};
use server::db::SeaStore;

fn acme() -> ProjectSlug {
    ProjectSlug::parse("acme").unwrap()
}

async fn demo(t: &TestDb) -> SeaStore {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    crate::support::store(&t.db)
}

async fn seeded_numbers_start_with_how_they_came(t: &TestDb) {
    let store = demo(t).await;
    let bought = store
        .number_history(&acme(), &E164::parse("+442079460123").unwrap())
        .await
        .unwrap();
    assert_eq!(bought.len(), 1);
    assert_eq!(bought[0].kind, EventKind::Bought);
    assert_eq!(bought[0].after.as_deref(), Some("Sandbox · London"));
    assert_eq!(bought[0].actor, "admin@example.com");
    let connected = store
        .number_history(&acme(), &E164::parse("+12125550142").unwrap())
        .await
        .unwrap();
    assert_eq!(connected[0].kind, EventKind::Connected);
}

async fn reassigning_records_before_and_after(t: &TestDb) {
    let store = demo(t).await;
    let number = E164::parse("+442079460123").unwrap();
    let overview = app::ports::ProjectStore::overview(&store, &acme())
        .await
        .unwrap()
        .unwrap();
    let id = |name: &str| {
        overview
            .draft_variants
            .iter()
            .find(|v| v.name == name)
            .unwrap()
            .id
    };
    store
        .assign_variant(&acme(), &number, id("Leeds"), "editor@example.com")
        .await
        .unwrap();
    store
        .assign_variant(&acme(), &number, id("Leeds"), "editor@example.com")
        .await
        .unwrap();
    let history = store.number_history(&acme(), &number).await.unwrap();
    assert_eq!(
        history.len(),
        2,
        "assigning the same variant again changes nothing"
    );
    assert_eq!(history[0].kind, EventKind::VariantChanged);
    assert_eq!(history[0].actor, "editor@example.com");
    assert_eq!(history[0].before.as_deref(), Some("Sandbox · London"));
    assert_eq!(history[0].after.as_deref(), Some("Sandbox · Leeds"));
    assert!(history[0].at.ends_with(" UTC"), "{}", history[0].at);
}

async fn project_history_pages_newest_first(t: &TestDb) {
    let store = demo(t).await;
    let (first, total) = store.project_history(&acme(), 1, 3).await.unwrap();
    assert_eq!(total, 4, "acme's four demo numbers");
    let numbers: Vec<&str> = first.iter().map(|e| e.e164.as_str()).collect();
    assert_eq!(numbers, ["+447700900321", "+441134960456", "+12125550142"]);
    let (second, _) = store.project_history(&acme(), 2, 3).await.unwrap();
    assert_eq!(second.len(), 1);
    assert_eq!(second[0].e164, "+442079460123");
    let (past_the_end, _) = store.project_history(&acme(), 9, 3).await.unwrap();
    assert_eq!(past_the_end, second, "past the end reads the last page");
    let (huge, _) = store.project_history(&acme(), u64::MAX, 3).await.unwrap();
    assert_eq!(huge, second, "no offset overflow");
    let (zero, _) = store.project_history(&acme(), 0, 3).await.unwrap();
    assert_eq!(zero, first);
    let solo = ProjectSlug::parse("solo").unwrap();
    let (entries, total) = store.project_history(&solo, 1, 25).await.unwrap();
    assert_eq!(total, 1);
    assert_eq!(entries[0].e164, "+441632960001");
    assert!(
        store
            .number_history(&solo, &E164::parse("+442079460123").unwrap())
            .await
            .unwrap()
            .is_empty(),
        "another project's number has no history here"
    );
}

on_both_backends!(
    seeded_numbers_start_with_how_they_came,
    reassigning_records_before_and_after,
    project_history_pages_newest_first,
);
