//! `make bench`: how the Numbers page's cost grows with a project's size. For SQLite and for
//! PostgreSQL, starts the built server on acme with 100 and then 10,000 extra Sandbox numbers
//! (`NUMBERS_DEMO_BULK_NUMBERS`), drives it from 16 concurrent connections for a few seconds
//! per target (`/healthz` as the same run's baseline, the Numbers page's HTML, its loading
//! server function, one search, page 100 of the Sandbox) and prints requests/s, p50/p99 latency, response bytes and the
//! server's resident memory, then the 10,000 : 100 ratios. It measures; it asserts nothing.
//!
//! Usage: `numbers-bench [SERVER_BINARY]` (default `target/release/server`); PostgreSQL at
//! `NUMBERS_BENCH_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`), whose
//! user may create databases. Traffic goes to 127.0.0.1 only.

use leptos::server_fn::ServerFn;
use sea_orm::{ConnectionTrait, Database};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CONCURRENCY: usize = 16;
const SECONDS_PER_TARGET: u64 = 5;
const SIZES: [usize; 2] = [100, 10_000];

/// What one target measured.
#[derive(Clone, Copy, Debug, Default)]
struct Figures {
    per_sec: f64,
    p50_ms: f64,
    p99_ms: f64,
    bytes: usize,
    failed: usize,
}

/// One request the load loop repeats.
#[derive(Clone)]
enum Target {
    Get(String),
    Post(String, String),
}

/// A running server, killed when dropped; `cookie` is the demo admin's session.
struct Server {
    child: Child,
    base: String,
    cookie: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Peak and current resident memory (`VmHWM`, `VmRSS`), in MiB.
    fn memory_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
                .map_or(0.0, |kb| kb / 1024.0)
        };
        (field("VmHWM:"), field("VmRSS:"))
    }
}

/// A loopback port no one listens on.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Starts `binary` on `database_url` with acme holding `bulk` extra numbers, once ready and
/// signed in.
async fn start(binary: &str, database_url: &str, bulk: usize) -> Server {
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = Server {
        child: Command::new(binary)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("DATABASE_URL", database_url)
            .env(
                "NUMBERS_SECRET_KEY",
                server::secrets::SecretKey::generate().to_base64(),
            )
            .env("NUMBERS_DEMO", "1")
            .env("NUMBERS_DEMO_BULK_NUMBERS", bulk.to_string())
            .env("NUMBERS_GALLERY", "0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}")),
        base: base.clone(),
        cookie: String::new(),
    };
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .map_or(true, |r| !r.status().is_success())
    {
        assert!(Instant::now() < deadline, "the server did not become ready");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server.cookie = sign_in(&client, &base).await;
    server
}

/// Signs the demo admin in through the sign-in page's own form; returns the session cookie.
async fn sign_in(client: &reqwest::Client, base: &str) -> String {
    let html = client
        .get(format!("{base}/signin"))
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .expect("the sign-in page")
        .text()
        .await
        .unwrap_or_default();
    let action = html
        .split("action=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a sign-in form")
        .to_owned();
    let response = client
        .post(format!("{base}{action}"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=admin%40example.com&password=numbers-demo&next=%2F")
        .send()
        .await
        .expect("signing in");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Repeats `target` from [`CONCURRENCY`] connections for [`SECONDS_PER_TARGET`].
async fn measure(server: &Server, target: &Target) -> Figures {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(SECONDS_PER_TARGET);
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let (client, target, base, cookie) = (
            client.clone(),
            target.clone(),
            server.base.clone(),
            server.cookie.clone(),
        );
        workers.spawn(async move {
            let mut latencies = Vec::new();
            let (mut bytes, mut failed) = (0, 0);
            while Instant::now() < deadline {
                let request = match &target {
                    Target::Get(path) => client.get(format!("{base}{path}")),
                    Target::Post(path, body) => client
                        .post(format!("{base}{path}"))
                        .header("origin", &base)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(body.clone()),
                };
                let sent = Instant::now();
                match request.header("cookie", &cookie).send().await {
                    Ok(response) if response.status().is_success() => {
                        let body = response.bytes().await.map(|b| b.len()).unwrap_or(0);
                        latencies.push(sent.elapsed());
                        bytes = body;
                    }
                    _ => failed += 1,
                }
            }
            (latencies, bytes, failed)
        });
    }
    let mut latencies = Vec::new();
    let mut figures = Figures::default();
    for (mut each, bytes, failed) in workers.join_all().await {
        latencies.append(&mut each);
        figures.bytes = figures.bytes.max(bytes);
        figures.failed += failed;
    }
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    figures.per_sec = latencies.len() as f64 / started.elapsed().as_secs_f64();
    figures.p50_ms = at(0.5);
    figures.p99_ms = at(0.99);
    figures
}

/// The targets, in print order.
fn targets() -> Vec<(&'static str, Target)> {
    let function = <app::api::LoadNumbersPage as ServerFn>::PATH.to_owned();
    vec![
        ("healthz", Target::Get("/healthz".into())),
        ("page (SSR)", Target::Get("/projects/acme/numbers".into())),
        (
            "function",
            Target::Post(function.clone(), "project=acme".into()),
        ),
        (
            "search",
            Target::Post(function, "project=acme&view=q%3D0113%2B496%2B05".into()),
        ),
        (
            "deep page",
            Target::Get("/projects/acme/numbers?sandbox_page=100".into()),
        ),
    ]
}

/// A fresh database URL for `size` on `backend` (a PostgreSQL database is dropped by
/// [`drop_database`] afterwards).
async fn database(backend: &str, size: usize, scratch: &std::path::Path) -> String {
    match backend {
        "sqlite" => format!(
            "sqlite://{}?mode=rwc",
            scratch.join(format!("bench-{size}.sqlite")).display()
        ),
        _ => {
            let admin = admin_url();
            let name = format!("numbers_bench_{size}");
            drop_database(size).await;
            admin_execute(&format!("CREATE DATABASE {name}")).await;
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
            format!("{base}/{name}")
        }
    }
}

/// The PostgreSQL URL whose user creates and drops the bench's databases.
fn admin_url() -> String {
    std::env::var("NUMBERS_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Runs `sql` as [`admin_url`]'s user.
async fn admin_execute(sql: &str) {
    let admin = admin_url();
    let db = Database::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin}: {e}"));
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Drops the PostgreSQL database of `size`, if there is one.
async fn drop_database(size: usize) {
    admin_execute(&format!(
        "DROP DATABASE IF EXISTS numbers_bench_{size} WITH (FORCE)"
    ))
    .await;
}

#[tokio::main]
async fn main() {
    let binary = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/server".into());
    let scratch = std::env::temp_dir().join(format!("numbers-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    println!(
        "{CONCURRENCY} connections, {SECONDS_PER_TARGET} s per target, server {binary}; acme's Sandbox holds the demo's 2 numbers plus N"
    );
    for backend in ["sqlite", "postgres"] {
        let mut by_size = Vec::new();
        for size in SIZES {
            let url = database(backend, size, &scratch).await;
            let server = start(&binary, &url, size).await;
            println!("\n{backend}, N = {size}");
            println!(
                "  {:<12} {:>9} {:>9} {:>9} {:>10} {:>7}",
                "target", "req/s", "p50 ms", "p99 ms", "bytes", "failed"
            );
            let mut figures = Vec::new();
            for (name, target) in targets() {
                let f = measure(&server, &target).await;
                println!(
                    "  {name:<12} {:>9.1} {:>9.2} {:>9.2} {:>10} {:>7}",
                    f.per_sec, f.p50_ms, f.p99_ms, f.bytes, f.failed
                );
                figures.push(f);
            }
            let (peak, now) = server.memory_mib();
            println!("  server RSS: {now:.1} MiB now, {peak:.1} MiB peak");
            by_size.push(figures);
            drop(server);
            if backend == "postgres" {
                drop_database(size).await;
            }
        }
        let (small, large) = (&by_size[0], &by_size[1]);
        println!(
            "\n{backend}: 10,000 : 100 (target: page and function at least 0.5x, page under 150 KB)"
        );
        for (i, (name, _)) in targets().iter().enumerate() {
            let ratio = large[i].per_sec / small[i].per_sec.max(f64::MIN_POSITIVE);
            let vs_healthz = large[i].per_sec / large[0].per_sec.max(f64::MIN_POSITIVE);
            println!(
                "  {name:<12} {ratio:>6.2}x req/s   ({:.3} of /healthz at 10,000)   {} bytes",
                vs_healthz, large[i].bytes
            );
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
