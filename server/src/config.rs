//! Configuration from flags and environment variables (`server --help`).

use app::domain::twilio_credentials::SecretText;
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Readable lines for a terminal.
    Human,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Where the signed-in member comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum IdentityMode {
    /// Accounts and sessions of this server, with its own sign-in page.
    BuiltIn,
    /// A header set by the console's proxy after its single sign-on, trusted only from the
    /// configured proxy addresses.
    TrustedProxy,
}

/// What the `server` binary does besides serving.
#[derive(Clone, Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Creates an API key of a project and prints it (shown this once), then exits: for
    /// provisioning automation without a browser. The history names `server create-api-key`
    /// as its creator.
    CreateApiKey {
        /// The project, as in its address (e.g. `acme`).
        #[arg(long)]
        project: String,
        /// The key's name; the history names the key's calls by it.
        #[arg(long)]
        name: String,
        /// `read`, or `read-write`.
        #[arg(long, default_value = "read")]
        access: String,
    },
    /// Re-seals every stored Twilio secret under the newest key (the first of
    /// `NUMBERS_SECRET_KEY`, or of the key file), then exits.
    RotateSecrets,
    /// Prints a new random key for `NUMBERS_SECRET_KEY` (standard base64 of 32 bytes), then exits.
    GenerateSecretKey,
}

/// Everything the server needs to start.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "server",
    version,
    about = "Serves the Numbers page of the agent console."
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub site_addr: SocketAddr,

    /// Folder holding the built site (pkg/ with the WASM, JS and CSS, plus public assets).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    /// Database: `sqlite://path?mode=rwc` or `postgres://user@host/db`.
    /// Default: an SQLite file in the data folder, created on first start.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Folder for the default SQLite database.
    #[arg(long, env = "NUMBERS_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Keys sealing the Twilio credentials stored in the database: standard base64 of 32 bytes
    /// each (`server generate-secret-key`), comma-separated, newest first. Required with
    /// PostgreSQL (the same on every instance); on SQLite, unset means the key file
    /// `secret.key` in the data folder, created on first start.
    #[arg(long, env = "NUMBERS_SECRET_KEY", hide_env_values = true,
          value_parser = |text: &str| Ok::<_, String>(SecretText(text.to_owned())))]
    pub secret_key: Option<SecretText>,

    /// Seed the demo projects into an empty database (`NUMBERS_DEMO=1`).
    #[arg(long, env = "NUMBERS_DEMO", value_parser = clap::builder::BoolishValueParser::new(),
          default_value = "false", num_args = 0..=1, default_missing_value = "true")]
    pub demo: bool,

    /// With `NUMBERS_DEMO`: this many more drama numbers in acme's Sandbox (up to 13,000), for
    /// trying the page, and benchmarking it, at a large contact centre's size.
    #[arg(long, env = "NUMBERS_DEMO_BULK_NUMBERS", default_value_t = 0)]
    pub demo_bulk_numbers: usize,

    /// US area codes the built-in pool is stocked with (`NXX-555-01XX` in each).
    #[arg(
        long,
        env = "NUMBERS_POOL_US_AREA_CODES",
        value_delimiter = ',',
        default_value = "212,415,646"
    )]
    pub pool_us_area_codes: Vec<u16>,

    /// Canadian area codes the built-in pool is stocked with (`NXX-555-01XX` in each).
    #[arg(
        long,
        env = "NUMBERS_POOL_CA_AREA_CODES",
        value_delimiter = ',',
        default_value = "416,604"
    )]
    pub pool_ca_area_codes: Vec<u16>,

    /// Twilio's API base URL (a local fake in tests).
    #[arg(
        long,
        env = "TWILIO_BASE_URL",
        default_value = "https://api.twilio.com"
    )]
    pub twilio_base_url: String,

    /// Seconds to wait for Twilio before giving up, 1 to 13: a purchase (one search and up to
    /// 20 buys) must end well within the 300 s after which every instance treats it as
    /// abandoned (`app::domain::idempotency::ABANDONED_AFTER_SECS`).
    #[arg(
        long,
        env = "TWILIO_TIMEOUT_SECS",
        default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=13)
    )]
    pub twilio_timeout_secs: u64,

    /// Public base URL of this server, for webhook URLs given to Twilio and for checking
    /// their signatures. Default: `http://` + the listen address.
    #[arg(long, env = "NUMBERS_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Main SIP URI template for project environments without routing settings, e.g.
    /// `sip:{project}-{environment}@sip.example.net` (set with the fallback template).
    #[arg(
        long,
        env = "NUMBERS_SIP_MAIN_TEMPLATE",
        requires = "sip_fallback_template"
    )]
    pub sip_main_template: Option<String>,

    /// Fallback SIP URI template, e.g. `sip:{project}-{environment}-fallback@sip.example.net`.
    #[arg(
        long,
        env = "NUMBERS_SIP_FALLBACK_TEMPLATE",
        requires = "sip_main_template"
    )]
    pub sip_fallback_template: Option<String>,

    /// Seconds a deleted number can be restored (Undo) before it is released to its provider.
    #[arg(long, env = "NUMBERS_UNDO_WINDOW_SECS", default_value_t = 600)]
    pub undo_window_secs: u32,

    /// Seconds between the background worker's passes: releasing numbers whose undo window
    /// has closed, and checking what Twilio did not answer.
    #[arg(long, env = "NUMBERS_RELEASE_CHECK_SECS", default_value_t = 15,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub release_check_secs: u64,

    /// Seconds after Twilio failed to answer a purchase, connection or disconnection before
    /// the worker asks Twilio what happened (time for a late request to land).
    #[arg(long, env = "NUMBERS_CHECK_AFTER_SECS", default_value_t = 30)]
    pub check_after_secs: u32,

    /// Requests one API key may make per minute of the clock; more are answered 429 with
    /// `Retry-After` (counted in the database, so across every instance).
    #[arg(long, env = "NUMBERS_API_RATE_LIMIT", default_value_t = 600)]
    pub api_rate_limit: u64,

    /// Seconds a sign-in lasts before the member must sign in again.
    #[arg(long, env = "NUMBERS_SESSION_TTL_SECS", default_value_t = 43_200)]
    pub session_ttl_secs: u32,

    /// Where identity comes from: `built-in` accounts, or `trusted-proxy` (a console's single
    /// sign-on in front of this server, with `NUMBERS_TRUSTED_PROXIES` and the header below).
    #[arg(long, env = "NUMBERS_IDENTITY", value_enum, default_value = "built-in")]
    pub identity: IdentityMode,

    /// With `trusted-proxy`: the request header holding the member's email.
    #[arg(
        long,
        env = "NUMBERS_PROXY_IDENTITY_HEADER",
        default_value = "x-forwarded-email"
    )]
    pub proxy_identity_header: String,

    /// With `trusted-proxy`: the proxies' addresses (IPs or CIDR ranges, comma-separated);
    /// the identity header is ignored on requests from anywhere else.
    #[arg(long, env = "NUMBERS_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_proxy)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Serve the component gallery at `/gallery` (`NUMBERS_GALLERY=0` turns it off).
    #[arg(long, env = "NUMBERS_GALLERY", value_parser = clap::builder::BoolishValueParser::new(),
          default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub gallery: bool,

    /// Log format.
    #[arg(long, env = "NUMBERS_LOG_FORMAT", value_enum, default_value = "human")]
    pub log_format: LogFormat,

    /// Something other than serving.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// One proxy address: an IP (`10.0.0.5`) or a CIDR range (`10.0.0.0/24`).
fn parse_proxy(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is neither an IP address nor a CIDR range"))
}

impl Config {
    /// The public base URL, without a trailing slash.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.site_addr))
            .trim_end_matches('/')
            .to_owned()
    }

    /// Whether the database is SQLite (one instance by design).
    pub fn database_is_sqlite(&self) -> bool {
        self.database_url().starts_with("sqlite:")
    }

    /// The database URL to connect to: the configured one, or the SQLite file in the data folder.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("numbers.sqlite").display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        Config::try_parse_from(std::iter::once("server").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn defaults_to_sqlite_in_the_data_folder() {
        let config = parse(&["--data-dir", "/tmp/x"]);
        assert_eq!(
            config.database_url(),
            "sqlite:///tmp/x/numbers.sqlite?mode=rwc"
        );
        assert!(!config.demo);
        assert_eq!(config.log_format, LogFormat::Human);
        assert_eq!(config.pool_us_area_codes, [212, 415, 646]);
        assert_eq!(config.pool_ca_area_codes, [416, 604]);
        assert_eq!(config.twilio_base_url, "https://api.twilio.com");
        assert_eq!(config.public_url(), "http://127.0.0.1:3000");
    }

    #[test]
    fn flags_override() {
        let config = parse(&[
            "--database-url",
            "postgres://root@127.0.0.1/db",
            "--demo",
            "--log-format",
            "json",
            "--site-addr",
            "0.0.0.0:8080",
        ]);
        assert_eq!(config.database_url(), "postgres://root@127.0.0.1/db");
        assert!(config.demo);
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(config.site_addr.port(), 8080);
        assert!(
            Config::try_parse_from([
                "server",
                "--sip-main-template",
                "sip:{project}-{environment}@x"
            ])
            .is_err(),
            "a main template needs a fallback template"
        );
    }

    #[test]
    fn trusted_proxies_are_ips_or_ranges() {
        let config = parse(&[
            "--identity",
            "trusted-proxy",
            "--trusted-proxies",
            "10.0.0.5, 192.168.0.0/16,::1",
        ]);
        assert_eq!(config.identity, IdentityMode::TrustedProxy);
        assert_eq!(config.proxy_identity_header, "x-forwarded-email");
        let shown: Vec<String> = config
            .trusted_proxies
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(shown, ["10.0.0.5/32", "192.168.0.0/16", "::1/128"]);
        assert!(Config::try_parse_from(["server", "--trusted-proxies", "proxy.local"]).is_err());
        assert_eq!(parse(&[]).identity, IdentityMode::BuiltIn);
    }

    #[test]
    fn the_secret_key_never_shows_in_debug_output() {
        let config = parse(&["--secret-key", "c2VjcmV0LWtleQ=="]);
        assert_eq!(
            config.secret_key.as_ref().map(|k| k.0.as_str()),
            Some("c2VjcmV0LWtleQ==")
        );
        assert!(!format!("{config:?}").contains("c2VjcmV0LWtleQ=="));
    }

    #[test]
    fn demo_flag_reads_one_and_zero() {
        assert!(parse(&["--demo", "1"]).demo);
        assert!(!parse(&["--demo", "0"]).demo);
        assert!(Config::try_parse_from(["server", "--demo", "maybe"]).is_err());
    }
}
