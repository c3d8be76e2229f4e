//! Shared helpers: test databases (a fresh SQLite file or PostgreSQL database per test), a
//! clock tests set by hand, and driving the router without a socket ([`http`]).

pub mod fake_twilio;
pub mod http;

use app::domain::UnixSeconds;
use app::ports::Clock;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Database, DatabaseConnection, Set};
use server::db::connect_and_migrate;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// 2026-11-30 09:00:00 UTC: where test clocks start unless a test says otherwise.
pub const T0: UnixSeconds = 1_795_942_800;

/// [`T0`] as stored.
pub fn t0_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(T0, 0).unwrap()
}

/// A clock that stands still until the test moves it, so recorded times are deterministic.
#[derive(Debug)]
pub struct TestClock(AtomicI64);

impl TestClock {
    /// A clock showing `secs`.
    pub fn at(secs: UnixSeconds) -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(secs)))
    }

    /// Moves the clock to `secs`.
    pub fn set(&self, secs: UnixSeconds) {
        self.0.store(secs, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> UnixSeconds {
        self.0.load(Ordering::SeqCst)
    }
}

/// A purchase of a Sandbox number by `key` in `project`, as the Buy server function records it.
pub fn intent(
    project: &str,
    key: &str,
    provider: app::domain::IntegrationKind,
) -> app::ports::PurchaseIntent {
    app::ports::PurchaseIntent {
        project: app::domain::ProjectSlug::parse(project).unwrap(),
        key: key.into(),
        fingerprint: app::domain::idempotency::RequestFingerprint("buy|sandbox|UK||".into()),
        provider,
        environment: app::domain::Environment::Sandbox,
        variant: None,
        actor: "test".into(),
    }
}

/// A store over `db` whose clock shows [`T0`], opening secrets with [`keyring`].
pub fn store(db: &DatabaseConnection) -> server::db::SeaStore {
    server::db::SeaStore::new(
        db.clone(),
        TestClock::at(T0),
        Arc::new(keyring()),
        server::live::LiveHub::in_process(),
    )
}

/// The secret key tests configure (`NUMBERS_SECRET_KEY`): bytes 0 to 31, in base64.
pub const TEST_SECRET_KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

/// The keyring of [`TEST_SECRET_KEY`].
pub fn keyring() -> server::secrets::Keyring {
    server::secrets::Keyring::parse(TEST_SECRET_KEY).expect("test key")
}

/// `plain` sealed for `column` of project `project_id`'s row, as the server stores it.
pub fn sealed(column: server::secrets::SecretColumn, project_id: i32, plain: &str) -> String {
    keyring().seal(column, project_id, plain)
}

/// Env var naming a PostgreSQL server URL whose user may create databases.
pub const POSTGRES_URL_VAR: &str = "NUMBERS_TEST_POSTGRES_URL";

/// A migrated, empty database that lives as long as this value.
pub struct TestDb {
    /// The connection.
    pub db: DatabaseConnection,
    /// Its URL, to connect again.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    /// The folder is removed when dropped.
    Sqlite {
        _folder: tempfile::TempDir,
    },
    Postgres {
        admin_url: String,
        name: String,
    },
}

impl TestDb {
    /// A new SQLite file in its own temporary folder.
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("test.sqlite").display()
        );
        let db = connect_and_migrate(&url).await.expect("migrate SQLite");
        Self {
            db,
            url,
            cleanup: Cleanup::Sqlite { _folder: dir },
        }
    }

    /// A new database on the PostgreSQL server named by [`POSTGRES_URL_VAR`].
    ///
    /// Panics when the variable is unset or the server is unreachable: in CI that
    /// must fail loudly; locally, set the variable (the Makefile does).
    pub async fn postgres() -> Self {
        let t = Self::postgres_unmigrated().await;
        connect_and_migrate(&t.url)
            .await
            .expect("migrate PostgreSQL");
        t
    }

    /// A new, empty database (no tables yet) on the PostgreSQL server named by
    /// [`POSTGRES_URL_VAR`], for starting servers on.
    pub async fn postgres_unmigrated() -> Self {
        let admin_url = std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| {
            panic!("{POSTGRES_URL_VAR} is unset: point it at a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test")
        });
        let name = format!("numbers_test_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(&admin_url)
            .await
            .unwrap_or_else(|err| panic!("PostgreSQL at {admin_url} is unreachable: {err}"));
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let url = replace_database(&admin_url, &name);
        let db = Database::connect(&url)
            .await
            .expect("connect to the test database");
        Self {
            db,
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }

    /// Whether any file of this SQLite database (main file, WAL, journal) holds `text`.
    pub fn files_hold(&self, text: &str) -> bool {
        let Cleanup::Sqlite { _folder: folder } = &self.cleanup else {
            panic!("only an SQLite database has files to read");
        };
        std::fs::read_dir(folder.path()).unwrap().any(|entry| {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            bytes.windows(text.len()).any(|w| w == text.as_bytes())
        })
    }

    /// Closes the connection and removes the database.
    pub async fn drop_database(self) {
        self.db.close().await.ok();
        if let Cleanup::Postgres { admin_url, name } = self.cleanup {
            let admin = Database::connect(&admin_url)
                .await
                .expect("reconnect as admin");
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .expect("drop test database");
            admin.close().await.ok();
        }
    }
}

/// Declares each listed `async fn(&TestDb)` as a test on SQLite and on PostgreSQL,
/// each run in a fresh database.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                let t = super::TestDb::sqlite().await;
                super::$name(&t).await;
                t.drop_database().await;
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                let t = super::TestDb::postgres().await;
                super::$name(&t).await;
                t.drop_database().await;
            })*
        }
    };
}

/// `postgres://u@h:p/old?x` with its database replaced by `name`.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..path_start], name);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[test]
fn replaces_the_database_in_a_url() {
    assert_eq!(
        replace_database("postgres://root@127.0.0.1:5432/test", "x"),
        "postgres://root@127.0.0.1:5432/x"
    );
    assert_eq!(replace_database("postgres://h", "x"), "postgres://h/x");
    assert_eq!(
        replace_database("postgres://h/db?sslmode=disable", "x"),
        "postgres://h/x?sslmode=disable"
    );
}

/// The Twilio account of [`twilio_only_project`].
pub const TWILIO_ACCOUNT_SID: &str = "AC00000000000000000000000000000001";

/// Project `tw`, whose only integration is the Twilio account [`TWILIO_ACCOUNT_SID`].
pub async fn twilio_only_project(t: &TestDb) {
    let p = server::db::entities::project::ActiveModel {
        slug: Set("tw".into()),
        name: Set("Twilio Only".into()),
        created_at: Set(t0_utc()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    server::db::entities::telephony_integration::ActiveModel {
        project_id: Set(p.id),
        kind: Set("twilio".into()),
        twilio_account_sid: Set(Some(TWILIO_ACCOUNT_SID.into())),
        twilio_auth_token: Set(Some(sealed(
            server::secrets::SecretColumn::TwilioAuthToken,
            p.id,
            "secret",
        ))),
        created_at: Set(t0_utc()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
}

/// Every number in use of `project` (sections in order, oldest first), through the listing
/// the Numbers page uses; for projects of less than a page per section.
pub async fn numbers_in_use(
    store: &impl app::ports::ProjectStore,
    project: &str,
) -> Vec<app::domain::NumberRecord> {
    let listing = store
        .list_numbers(
            &app::domain::ProjectSlug::parse(project).unwrap(),
            &app::domain::NumbersView::default(),
            None,
        )
        .await
        .unwrap()
        .unwrap();
    listing
        .sections
        .into_iter()
        .flat_map(|s| s.numbers)
        .collect()
}
