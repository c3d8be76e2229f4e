//! The repository suite, run once on SQLite and once on PostgreSQL.

use crate::support::TestDb;
use app::domain::{Environment, IntegrationKind, Ownership, ProjectSlug, VariantCell};
use app::ports::ProjectStore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use server::db::SeaStore;
use server::db::entities::{
    number, project, published_version, published_version_variant, variant,
};
use server::demo::{Seeded, seed_if_empty};

fn slug(s: &str) -> ProjectSlug {
    ProjectSlug::parse(s).unwrap()
}

async fn seeded(db: &DatabaseConnection) -> SeaStore {
    assert_eq!(
        seed_if_empty(db, &crate::support::keyring()).await.unwrap(),
        Seeded::Yes
    );
    crate::support::store(db)
}

async fn migrations_can_run_again(t: &TestDb) {
    server::db::connect_and_migrate(&t.url)
        .await
        .expect("second migration run is a no-op");
}

async fn demo_is_seeded_once(t: &TestDb) {
    seeded(&t.db).await;
    assert_eq!(
        seed_if_empty(&t.db, &crate::support::keyring())
            .await
            .unwrap(),
        Seeded::SkippedNotEmpty
    );
    assert_eq!(project::Entity::find().count(&t.db).await.unwrap(), 3);
    assert_eq!(number::Entity::find().count(&t.db).await.unwrap(), 5);
}

async fn acme_overview_matches_the_demo(t: &TestDb) {
    let store = seeded(&t.db).await;
    let acme = store
        .overview(&slug("acme"))
        .await
        .unwrap()
        .expect("acme exists");
    assert_eq!(acme.project.name, "Acme Support");
    assert_eq!(
        acme.integrations,
        [IntegrationKind::BuiltInPool, IntegrationKind::Twilio]
    );
    let draft: Vec<_> = acme
        .draft_variants
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(draft, ["Default", "London", "Leeds", "Glasgow"]);
    let numbers = crate::support::numbers_in_use(&store, "acme").await;
    let numbers: Vec<_> = numbers
        .iter()
        .map(|n| {
            (
                n.e164.as_str(),
                n.environment,
                n.source,
                n.ownership,
                n.variant.as_ref().map(|v| v.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [
            (
                "+442079460123",
                Environment::Sandbox,
                IntegrationKind::BuiltInPool,
                Ownership::Purchased,
                Some("London")
            ),
            (
                "+12125550142",
                Environment::Sandbox,
                IntegrationKind::Twilio,
                Ownership::Connected,
                Some("Default")
            ),
            (
                "+441134960456",
                Environment::PreRelease,
                IntegrationKind::BuiltInPool,
                Ownership::Purchased,
                Some("London")
            ),
            (
                "+447700900321",
                Environment::Live,
                IntegrationKind::BuiltInPool,
                Ownership::Purchased,
                Some("Default")
            ),
        ]
    );
    let twilio = number::Entity::find()
        .filter(number::Column::E164.eq("+12125550142"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        twilio.previous_voice_url.as_deref(),
        Some("https://customer.example/original-voice")
    );
}

async fn solo_and_fresh(t: &TestDb) {
    let store = seeded(&t.db).await;
    let solo = store.overview(&slug("solo")).await.unwrap().unwrap();
    assert!(solo.draft_variants.is_empty());
    assert_eq!(
        crate::support::numbers_in_use(&store, "solo").await.len(),
        1
    );
    let fresh = store.overview(&slug("fresh")).await.unwrap().unwrap();
    assert!(fresh.integrations.is_empty());
    assert!(
        crate::support::numbers_in_use(&store, "fresh")
            .await
            .is_empty()
    );
    assert_eq!(store.overview(&slug("nope")).await.unwrap(), None);
}

async fn permissions_per_member_and_project(t: &TestDb) {
    use app::domain::Permission::{Edit, None, Read};
    let store = crate::support::store(&t.db);
    assert_eq!(
        store
            .permission("admin@example.com", &slug("acme"))
            .await
            .unwrap(),
        None,
        "no projects yet"
    );
    seeded(&t.db).await;
    for (email, project, expected) in [
        ("admin@example.com", "acme", Edit),
        ("Admin@Example.com", "solo", Edit),
        ("editor@example.com", "acme", Edit),
        ("editor@example.com", "solo", None),
        ("viewer@example.com", "acme", Read),
        ("viewer@example.com", "fresh", None),
        ("outsider@example.com", "acme", None),
        ("admin@example.com", "nope", None),
    ] {
        assert_eq!(
            store.permission(email, &slug(project)).await.unwrap(),
            expected,
            "{email} on {project}"
        );
    }
}

async fn published_versions_hold_their_variants(t: &TestDb) {
    seeded(&t.db).await;
    let acme = project::Entity::find()
        .filter(project::Column::Slug.eq("acme"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let mut held = Vec::new();
    for env in Environment::ALL {
        let version = published_version::Entity::find()
            .filter(published_version::Column::ProjectId.eq(acme.id))
            .filter(published_version::Column::Environment.eq(env.slug()))
            .one(&t.db)
            .await
            .unwrap()
            .expect("each environment is published");
        let ids: Vec<i32> = published_version_variant::Entity::find()
            .filter(published_version_variant::Column::PublishedVersionId.eq(version.id))
            .all(&t.db)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.variant_id)
            .collect();
        let mut names: Vec<String> = variant::Entity::find()
            .filter(variant::Column::Id.is_in(ids))
            .all(&t.db)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        names.sort();
        held.push(names);
    }
    assert_eq!(
        held,
        [
            vec!["Default", "Leeds", "London"],
            vec!["Default", "London"],
            vec!["Default"]
        ]
    );
}

async fn e164_is_unique_across_projects(t: &TestDb) {
    seeded(&t.db).await;
    let existing = number::Entity::find()
        .filter(number::Column::E164.eq("+441632960001"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let acme = project::Entity::find()
        .filter(project::Column::Slug.eq("acme"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let duplicate = number::ActiveModel {
        e164: Set(existing.e164.clone()),
        project_id: Set(acme.id),
        environment: Set("live".into()),
        integration_id: Set(existing.integration_id),
        ownership: Set("purchased".into()),
        variant_id: Set(None),
        previous_voice_url: Set(None),
        created_by: Set("test".into()),
        created_at: Set(crate::support::t0_utc()),
        ..Default::default()
    };
    assert!(
        duplicate.insert(&t.db).await.is_err(),
        "the same E.164 twice must be refused"
    );
}

async fn a_corrupt_row_is_an_error_not_a_panic(t: &TestDb) {
    let store = seeded(&t.db).await;
    number::Entity::update_many()
        .col_expr(
            number::Column::Environment,
            sea_orm::sea_query::Expr::value("staging"),
        )
        .filter(number::Column::E164.eq("+441632960001"))
        .exec(&t.db)
        .await
        .unwrap();
    let err = store
        .list_numbers(&slug("solo"), &app::domain::NumbersView::default(), None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("invalid environment"), "{err}");
}

async fn page_shows_deleted_variant(t: &TestDb) {
    let store = seeded(&t.db).await;
    variant::Entity::update_many()
        .col_expr(
            variant::Column::DeletedAt,
            sea_orm::sea_query::Expr::value(crate::support::t0_utc()),
        )
        .filter(variant::Column::Name.eq("London"))
        .exec(&t.db)
        .await
        .unwrap();
    let overview = store.overview(&slug("acme")).await.unwrap().unwrap();
    let view = app::domain::NumbersView::default();
    let listing = store
        .list_numbers(&slug("acme"), &view, None)
        .await
        .unwrap()
        .unwrap();
    let page = app::domain::NumbersPage::build(
        overview,
        app::domain::numbers_page::Listed {
            listing,
            view: &view,
            checked: &[],
        },
        app::domain::phone_format::display,
        600,
        true,
    );
    let app::domain::PageBody::Sections { sections, .. } = page.body else {
        panic!("acme has integrations");
    };
    assert_eq!(
        sections[0].rows[0].variant,
        VariantCell::Deleted("London".into())
    );
}

/// A work lease is one holder's until it expires (its holder may renew it); of many instances
/// racing for a free one, exactly one gets it.
async fn a_work_lease_has_one_holder_at_a_time(t: &TestDb) {
    use app::ports::WorkLeases;
    let store = crate::support::store(&t.db);
    let take = |holder: &'static str, now: i64| {
        let store = store.clone();
        async move {
            store
                .take_lease("purchase:k1", holder, now, now + 120)
                .await
                .unwrap()
        }
    };
    assert!(take("a", 1_000).await, "free: a takes it");
    assert!(!take("b", 1_050).await, "a holds it until 1120");
    assert!(take("a", 1_100).await, "a renews it, until 1220");
    assert!(!take("b", 1_200).await, "renewed");
    assert!(take("b", 1_220).await, "expired: b takes over");
    let mut racing = tokio::task::JoinSet::new();
    for n in 0..16 {
        let store = store.clone();
        racing.spawn(async move {
            store
                .take_lease("number:+15550100", &format!("i{n}"), 2_000, 2_120)
                .await
                .unwrap()
        });
    }
    let winners = racing
        .join_all()
        .await
        .into_iter()
        .filter(|won| *won)
        .count();
    assert_eq!(winners, 1, "one of 16 racing instances holds it");
}

on_both_backends!(
    a_work_lease_has_one_holder_at_a_time,
    migrations_can_run_again,
    demo_is_seeded_once,
    acme_overview_matches_the_demo,
    solo_and_fresh,
    permissions_per_member_and_project,
    published_versions_hold_their_variants,
    e164_is_unique_across_projects,
    a_corrupt_row_is_an_error_not_a_panic,
    page_shows_deleted_variant,
);
