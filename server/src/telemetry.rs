//! Logging with tracing-subscriber: human or JSON lines, filtered by `RUST_LOG`.

use crate::config::LogFormat;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; `RUST_LOG` overrides the default `info` level.
///
/// Serving logs to standard output; a command whose standard output is its result (a key)
/// logs to standard error (`to_stderr`).
pub fn init(format: LogFormat, to_stderr: bool) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match (format, to_stderr) {
        (LogFormat::Human, false) => builder.init(),
        (LogFormat::Json, false) => builder.json().init(),
        (LogFormat::Human, true) => builder.with_writer(std::io::stderr).init(),
        (LogFormat::Json, true) => builder.json().with_writer(std::io::stderr).init(),
    }
}
