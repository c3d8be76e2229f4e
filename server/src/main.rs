//! `server`: serves the Numbers app (see `server --help`).

use clap::Parser;
use server::config::{Command, Config};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    server::telemetry::init(config.log_format, config.command.is_some());
    match &config.command {
        Some(Command::GenerateSecretKey) => {
            println!("{}", server::secrets::SecretKey::generate().to_base64());
            return ExitCode::SUCCESS;
        }
        Some(Command::RotateSecrets) => return rotate_secrets(&config).await,
        Some(Command::CreateApiKey {
            project,
            name,
            access,
        }) => {
            return match server::create_api_key(&config, project, name, access).await {
                Ok(key) => {
                    println!("{key}");
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("cannot create the API key: {err}");
                    ExitCode::FAILURE
                }
            };
        }
        None => {}
    }
    let clock = std::sync::Arc::new(server::clock::SystemClock);
    let state = match server::prepare(&config, clock).await {
        Ok(state) => state,
        Err(err) => {
            tracing::error!(%err, "cannot start");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.site_addr).await {
        Ok(listener) => listener,
        Err(err) => {
            tracing::error!(%err, addr = %config.site_addr, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("Numbers is running at http://{}/", config.site_addr);
    println!("Open http://{}/projects/acme/numbers", config.site_addr);
    let worker = server::telephony::worker::spawn(
        state.services.clone(),
        std::time::Duration::from_secs(config.release_check_secs),
    );
    let live = state.live.clone();
    let app = server::http::router(state);
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    // Open pages' streams end first (their browsers reconnect, to another instance behind a
    // load balancer); then in-flight requests finish.
    let shutdown = async move {
        shutdown_signal().await;
        live.close();
    };
    if let Err(err) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        tracing::error!(%err, "server stopped with an error");
        return ExitCode::FAILURE;
    }
    worker.abort();
    tracing::info!("stopped");
    ExitCode::SUCCESS
}

/// `server rotate-secrets`: re-seals every stored secret under the newest key.
async fn rotate_secrets(config: &Config) -> ExitCode {
    match server::rotate_secrets(config).await {
        Ok(count) => {
            println!(
                "Re-sealed {count} secrets under the newest key; older keys can now be removed."
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            tracing::error!(%err, "cannot rotate secrets");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests can finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C received, shutting down"),
        () = terminate => tracing::info!("SIGTERM received, shutting down"),
    }
}
