//! The Numbers server: configuration, persistence, demo data and HTTP routing.

pub mod bulk_numbers;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod identity;
pub mod live;
pub mod secrets;
pub mod telemetry;
pub mod telephony;

use app::ports::{Clock, Services, Settings};
use config::Config;
use http::AppState;
use http::session::TrustedProxy;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use telephony::twilio::TwilioClient;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The data folder could not be created.
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        /// The folder.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A setting is unusable.
    #[error("configuration error: {0}")]
    Config(String),
    /// The keys for stored secrets are missing, malformed, or not the ones they were sealed with.
    #[error("secret key error: {0}")]
    SecretKey(String),
    /// The database could not be reached, migrated or seeded.
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
}

/// Connects, migrates, seeds and stocks (one instance at a time on a shared database:
/// [`db::StartupLock`]), then returns the router's state, whose times come from `clock`
/// ([`clock::SystemClock`] in production).
pub async fn prepare(config: &Config, clock: Arc<dyn Clock>) -> Result<AppState, StartError> {
    let hashed = bundle_is_hashed(&config.site_root)?;
    let opened = open(config, clock).await?;
    Ok(state(
        config,
        opened.db,
        opened.services,
        opened.proxy,
        hashed,
        opened.live,
    ))
}

/// What serving and the commands that change data share: the database, ready, and the ports.
struct Opened {
    db: DatabaseConnection,
    services: Services,
    proxy: Option<TrustedProxy>,
    live: live::LiveHub,
}

/// Connects, migrates, seeds and stocks, then builds the ports over the database.
async fn open(config: &Config, clock: Arc<dyn Clock>) -> Result<Opened, StartError> {
    let (keyring, source) = keyring(config)?;
    let twilio = TwilioClient::new(
        &config.twilio_base_url,
        std::time::Duration::from_secs(config.twilio_timeout_secs),
    )
    .map_err(StartError::Config)?;
    let lock =
        db::StartupLock::acquire(&config.database_url(), !config.database_is_sqlite()).await?;
    let db = open_database(config, &keyring).await?;
    let check = secrets::resealing::check_at_start(&db, &keyring, &source)
        .await
        .map_err(StartError::SecretKey)?;
    tracing::info!(keys = ?keyring.ids(), from = %source, ?check, "secret keys");
    fill_and_stock(config, &db).await?;
    lock.release().await?;
    let proxy = trusted_proxy(config)?;
    let live = if config.database_is_sqlite() {
        live::LiveHub::in_process()
    } else {
        live::LiveHub::on_postgres(db.clone(), config.database_url())
    };
    let store = db::SeaStore::new(db.clone(), clock.clone(), Arc::new(keyring), live.clone());
    let services = services(config, &db, store, twilio, clock, proxy.is_some());
    Ok(Opened {
        db,
        services,
        proxy,
        live,
    })
}

/// `server rotate-secrets`: connects, migrates, and re-seals every stored secret under the
/// newest key; returns how many it re-sealed.
pub async fn rotate_secrets(config: &Config) -> Result<usize, StartError> {
    let (keyring, _) = keyring(config)?;
    let lock =
        db::StartupLock::acquire(&config.database_url(), !config.database_is_sqlite()).await?;
    let db = db::connect_and_migrate(&config.database_url()).await?;
    let resealed = secrets::resealing::rotate(&db, &keyring)
        .await
        .map_err(StartError::SecretKey)?;
    lock.release().await?;
    Ok(resealed)
}

/// `server create-api-key`: prepares the database as serving does, then creates a key of
/// `project` named `name` with `access` (`read` or `read-write`); returns the key (its only
/// showing) or why not, in the page's words.
pub async fn create_api_key(
    config: &Config,
    project: &str,
    name: &str,
    access: &str,
) -> Result<String, String> {
    use app::domain::ProjectSlug;
    use app::domain::api_keys::{ApiKeyName, ApiKeyScope};
    use app::usecases::api_keys::{ApiKeyChange, create_api_key};
    // Not `prepare`: a command needs no built site.
    let opened = open(config, Arc::new(clock::SystemClock))
        .await
        .map_err(|e| e.to_string())?;
    let project = ProjectSlug::parse(project).map_err(|e| e.to_string())?;
    let name = ApiKeyName::parse(name)?;
    let scope = ApiKeyScope::parse(access).ok_or("access is read or read-write")?;
    let change = ApiKeyChange {
        project,
        actor: "server create-api-key".into(),
    };
    create_api_key(&opened.services, change, name, scope)
        .await
        .map(|created| created.key)
        .map_err(|e| e.to_string())
}

/// The keys sealing stored secrets, and where they came from.
fn keyring(
    config: &Config,
) -> Result<(secrets::Keyring, secrets::key_source::KeySource), StartError> {
    secrets::key_source::load(
        config.secret_key.as_ref().map(|key| key.0.as_str()),
        config.database_is_sqlite(),
        &config.data_dir,
    )
    .map_err(StartError::SecretKey)
}

/// Creates the data folder when needed, connects, migrates, and seeds the demo data (its
/// Twilio secrets sealed with `keyring`) if asked.
async fn open_database(
    config: &Config,
    keyring: &secrets::Keyring,
) -> Result<DatabaseConnection, StartError> {
    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir).map_err(|source| StartError::DataDir {
            path: config.data_dir.display().to_string(),
            source,
        })?;
    }
    let db = db::connect_and_migrate(&config.database_url()).await?;
    if config.demo {
        let seeded = demo::seed_if_empty(&db, keyring).await?;
        tracing::info!(?seeded, "demo data");
        if seeded == demo::Seeded::Yes && config.demo_bulk_numbers > 0 {
            let added = bulk_numbers::add_numbers(
                &db,
                "acme",
                app::domain::Environment::Sandbox,
                config.demo_bulk_numbers,
                demo::BULK_SINCE,
            )
            .await?;
            tracing::info!(added, "bulk demo numbers in acme's Sandbox");
        }
    }
    Ok(db)
}

/// Fills routing settings from the SIP templates and stocks the built-in pool (purchases an
/// earlier run left half-way are the worker's: it settles those pending too long).
async fn fill_and_stock(config: &Config, db: &DatabaseConnection) -> Result<(), StartError> {
    if let (Some(main), Some(fallback)) = (&config.sip_main_template, &config.sip_fallback_template)
    {
        let templates = telephony::sip_templates::SipTemplates::parse(main, fallback)
            .map_err(StartError::Config)?;
        let added = telephony::sip_templates::fill_missing(db, &templates).await?;
        if added > 0 {
            tracing::info!(added, "routing settings filled from the SIP templates");
        }
    }
    for (variable, country, codes) in [
        (
            "NUMBERS_POOL_US_AREA_CODES",
            app::domain::Country::Us,
            &config.pool_us_area_codes,
        ),
        (
            "NUMBERS_POOL_CA_AREA_CODES",
            app::domain::Country::Ca,
            &config.pool_ca_area_codes,
        ),
    ] {
        for code in codes {
            app::domain::AreaCode::parse_for(country, &format!("{code:03}"))
                .map_err(|err| StartError::Config(format!("{variable}: {err}")))?;
        }
    }
    let groups =
        telephony::pool::drama_ranges(&config.pool_us_area_codes, &config.pool_ca_area_codes);
    let stocked = telephony::pool::stock_new_groups(db, &groups).await?;
    if stocked > 0 {
        tracing::info!(
            stocked,
            "stocked the built-in number pool from the drama ranges"
        );
    }
    // Interrupted purchases need no start-up step: the worker settles those pending too long.
    let removed = telephony::pool::remove_stock_in_use(db).await?;
    if removed > 0 {
        tracing::warn!(removed, "removed pool stock already in use");
    }
    Ok(())
}

/// The ports over `store`, `db` and `twilio`, with the settings from `config`.
fn services(
    config: &Config,
    db: &DatabaseConnection,
    store: db::SeaStore,
    twilio: TwilioClient,
    clock: Arc<dyn Clock>,
    proxied: bool,
) -> Services {
    let store = Arc::new(store);
    let identity: Arc<dyn app::ports::Identity> = if proxied {
        Arc::new(identity::ProxySignOn)
    } else {
        Arc::new(identity::BuiltInAccounts::new(
            db.clone(),
            i64::from(config.session_ttl_secs),
        ))
    };
    let public_url = config.public_url();
    Services {
        projects: store.clone(),
        variants: store.clone(),
        purchases: store.clone(),
        pool: Arc::new(telephony::pool::BuiltInPool::new(db.clone())),
        connections: store.clone(),
        routing: store.clone(),
        lifecycle: store.clone(),
        history: store.clone(),
        changes: store.clone(),
        leases: store.clone(),
        api_keys: store.clone(),
        identity,
        twilio: Arc::new(twilio),
        integrations: store,
        clock,
        settings: Settings {
            undo_window_secs: i64::from(config.undo_window_secs),
            secure_cookies: public_url.starts_with("https://"),
            voice_webhook_url: format!("{public_url}{}", app::paths::TWILIO_VOICE),
            check_after_secs: i64::from(config.check_after_secs),
            instance: instance_name(),
            api_requests_per_minute: config.api_rate_limit,
        },
    }
}

/// This process's name in work leases: the host, the process id and a random part (a
/// restarted process with a reused id is someone else).
fn instance_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "host".into());
    format!(
        "{host}/{}/{:08x}",
        std::process::id(),
        rand::random::<u32>()
    )
}

/// The router's state: Leptos options (`hashed`: pages name hashed bundle files), the services,
/// the live updates hub and what the middleware needs.
fn state(
    config: &Config,
    db: DatabaseConnection,
    services: Services,
    proxy: Option<TrustedProxy>,
    hashed: bool,
    live: live::LiveHub,
) -> AppState {
    let leptos_options = LeptosOptions::builder()
        .output_name(env!("LEPTOS_OUTPUT_NAME"))
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .hash_files(hashed)
        .build();
    let pkg = std::path::Path::new(&config.site_root).join("pkg");
    let immutable_bundle = http::assets::ImmutableFiles::scan(&pkg);
    tracing::info!(hashed, "bundle file names");
    AppState {
        leptos_options,
        services,
        db,
        public_url: config.public_url(),
        gallery: config.gallery,
        proxy,
        immutable_bundle,
        live,
    }
}

/// Whether pages name hashed bundle files: when cargo-leptos's `hash.txt` lies beside this
/// binary (where `cargo leptos build` writes it and Leptos reads it). The files it names must
/// be in the site's `pkg/`: a binary and a bundle from different builds would serve pages that
/// never load, so that is a start-up error. A binary without it (a test binary) names plain
/// files.
fn bundle_is_hashed(site_root: &str) -> Result<bool, StartError> {
    let Some(hash_file) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .filter(|file| file.is_file())
    else {
        return Ok(false);
    };
    let text = std::fs::read_to_string(&hash_file)
        .map_err(|err| StartError::Config(format!("cannot read {}: {err}", hash_file.display())))?;
    let pkg = std::path::Path::new(site_root).join("pkg");
    for line in text.lines() {
        let Some((kind, hash)) = line.split_once(':') else {
            continue;
        };
        let (kind, hash) = (kind.trim(), hash.trim());
        if !matches!(kind, "js" | "wasm" | "css") {
            continue;
        }
        let name = format!("{}.{hash}.{kind}", env!("LEPTOS_OUTPUT_NAME"));
        if !pkg.join(&name).is_file() {
            return Err(StartError::Config(format!(
                "{} has no {name}, which {} names: the server binary and the bundle come from different builds; rebuild both with `cargo leptos build` (with --release for a release binary)",
                pkg.display(),
                hash_file.display()
            )));
        }
    }
    Ok(true)
}

/// The trusted proxy, in trusted-proxy mode (which needs at least one proxy address).
fn trusted_proxy(config: &Config) -> Result<Option<TrustedProxy>, StartError> {
    if config.identity != config::IdentityMode::TrustedProxy {
        return Ok(None);
    }
    if config.trusted_proxies.is_empty() {
        return Err(StartError::Config(
            "NUMBERS_IDENTITY=trusted-proxy needs NUMBERS_TRUSTED_PROXIES (the proxies' addresses)"
                .into(),
        ));
    }
    let header = config
        .proxy_identity_header
        .parse::<axum::http::HeaderName>()
        .map_err(|_| {
            StartError::Config(format!(
                "NUMBERS_PROXY_IDENTITY_HEADER {:?} is not a header name",
                config.proxy_identity_header
            ))
        })?;
    tracing::info!(%header, proxies = ?config.trusted_proxies, "identity from a trusted proxy");
    Ok(Some(TrustedProxy {
        header,
        proxies: config.trusted_proxies.clone(),
    }))
}
