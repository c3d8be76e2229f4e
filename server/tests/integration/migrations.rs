//! Upgrading a database whose data predates a migration's rule.

use crate::support::TestDb;
use sea_orm::{ConnectionTrait, Database, Statement};
use sea_orm_migration::MigratorTrait;
use server::db::migrations::Migrator;

#[tokio::test]
async fn draft_names_that_raced_in_before_the_unique_index_are_renamed_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("old.sqlite").display()
    );
    let db = Database::connect(&url).await.unwrap();
    // The schema before draft names were unique, with what racing creates left behind.
    Migrator::up(&db, Some(7)).await.unwrap();
    db.execute_unprepared(
        "INSERT INTO projects (id, slug, name, created_at) VALUES (1, 'acme', 'Acme', '2026-11-01T00:00:00Z');
         INSERT INTO variants (project_id, name, position, created_at, deleted_at) VALUES
           (1, 'Paris', 0, '2026-11-01T00:00:00Z', NULL),
           (1, 'paris', 1, '2026-11-01T00:00:00Z', NULL),
           (1, 'PARIS', 2, '2026-11-01T00:00:00Z', NULL),
           (1, 'Paris', 3, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');",
    )
    .await
    .unwrap();

    Migrator::up(&db, None).await.unwrap();
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT name, name_key FROM variants ORDER BY id",
        ))
        .await
        .unwrap();
    let names: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get("", "name").unwrap(),
                r.try_get("", "name_key").unwrap(),
            )
        })
        .collect();
    let expected = [
        ("Paris", "paris"),
        ("paris (2)", "paris (2)"),
        ("PARIS (3)", "paris (3)"),
        ("Paris", "paris"),
    ];
    assert_eq!(
        names,
        expected.map(|(n, k)| (n.to_owned(), k.to_owned())),
        "later drafts get a suffix; a deleted variant keeps its name"
    );
}

async fn the_database_holds_each_draft_name_once_whatever_its_case(t: &TestDb) {
    use sea_orm::{ActiveModelTrait, Set};
    use server::db::entities::{project, variant};
    let acme = project::ActiveModel {
        slug: Set("acme".into()),
        name: Set("Acme".into()),
        created_at: Set(crate::support::t0_utc()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    // Straight to the table, past the use case's own check, as a racing create would be.
    let row = |name: &str, deleted: bool| variant::ActiveModel {
        project_id: Set(acme.id),
        name: Set(name.into()),
        name_key: Set(name.to_lowercase()),
        position: Set(0),
        created_at: Set(crate::support::t0_utc()),
        deleted_at: Set(deleted.then(crate::support::t0_utc)),
        ..Default::default()
    };
    row("Paris", false).insert(&t.db).await.unwrap();
    let second = row("paris", false).insert(&t.db).await.unwrap_err();
    assert!(
        matches!(
            second.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ),
        "{second}"
    );
    row("paris", true).insert(&t.db).await.unwrap();
}

on_both_backends!(the_database_holds_each_draft_name_once_whatever_its_case);

/// Two instances started at the same moment on one empty PostgreSQL database: both come up,
/// the schema is created and the demo seeded and stocked once.
#[tokio::test]
async fn instances_started_together_migrate_and_seed_once() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    use server::db::entities::{pool_number, project};
    let t = crate::support::TestDb::postgres_unmigrated().await;
    let mut config = crate::support::http::config_for(&t);
    config.demo = true;
    let clock = || crate::support::TestClock::at(crate::support::T0);
    let (first, second) = tokio::join!(
        server::prepare(&config, clock()),
        server::prepare(&config, clock())
    );
    for started in [first, second] {
        if let Err(err) = started {
            panic!("an instance did not start: {err}");
        }
    }
    assert_eq!(project::Entity::find().count(&t.db).await.unwrap(), 3);
    assert_eq!(
        pool_number::Entity::find().count(&t.db).await.unwrap(),
        4500 - 5,
        "the pool is stocked once"
    );
    t.drop_database().await;
}
