//! The browser bundle under `/pkg/`: served by its own file service (so conditional requests,
//! ranges and `HEAD` work, and a missing file is a plain 404), as cargo-leptos precompressed it
//! (`.br`, `.gz`) when the browser accepts that; `Vary: Accept-Encoding` keeps shared caches
//! from handing Brotli to a browser that did not ask for it (RFC 9110 §12.5.5).
//!
//! Caching: a file whose name carries the hash of its own bytes (`name.{hash}.ext`, the MD5 in
//! unpadded base64url that cargo-leptos's `hash-files` writes) can never change under that name,
//! so it is cached for a year as `immutable` (RFC 8246). Every other file is revalidated on
//! each use (`no-cache`; `Last-Modified` makes that a 304, RFC 9111 §5.2.2.4). The check is made
//! on the bytes at start-up, not trusted from the name: cargo-leptos 0.3.10 rewrites the main JS,
//! the main wasm and the split manifest after naming them, so their names outlive a change of
//! content, and caching those for a year would run stale code after a deploy.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use leptos::prelude::LeptosOptions;
use md5::{Digest, Md5};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

/// How long a file named by its own hash is kept: a year, the most RFC 9111 caches honour.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The bundle's route (`/pkg/{*path}`) and the service that serves it from the site root.
pub fn bundle_route(options: &LeptosOptions) -> (String, tower_http::services::ServeDir) {
    (
        leptos_axum::site_pkg_dir_service_route_path(options),
        leptos_axum::site_pkg_dir_service(options),
    )
}

/// The bundle files (names under `/pkg/`) whose name holds the hash of their content, with
/// their precompressed copies.
#[derive(Clone, Debug, Default)]
pub struct ImmutableFiles(Arc<HashSet<String>>);

impl ImmutableFiles {
    /// Reads every file of `pkg` (a missing folder is an empty bundle).
    pub fn scan(pkg: &Path) -> Self {
        let Ok(entries) = std::fs::read_dir(pkg) else {
            return Self::default();
        };
        let names: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        let content_true: HashSet<String> = names
            .iter()
            .filter(|name| {
                stated_hash(name).is_some_and(|hash| {
                    std::fs::read(pkg.join(name.as_str()))
                        .is_ok_and(|bytes| URL_SAFE_NO_PAD.encode(Md5::digest(&bytes)) == hash)
                })
            })
            .cloned()
            .collect();
        let compressed = names.iter().filter(|name| {
            [".br", ".gz"].iter().any(|suffix| {
                name.strip_suffix(suffix)
                    .is_some_and(|original| content_true.contains(original))
            })
        });
        let all = compressed
            .cloned()
            .chain(content_true.iter().cloned())
            .collect();
        Self(Arc::new(all))
    }

    /// Whether `name` is one of them.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains(name)
    }
}

/// The hash a file name states: the 22 characters before its extension
/// (`chunk_3.rGO-o3WjVLwubEGussAXtw.wasm`), if it has them.
fn stated_hash(name: &str) -> Option<&str> {
    let (rest, _extension) = name.rsplit_once('.')?;
    let (_stem, hash) = rest.rsplit_once('.')?;
    (hash.len() == 22
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then_some(hash)
}

/// Adds `Cache-Control` (a year and `immutable` for [`ImmutableFiles`], else `no-cache`) and
/// `Vary: Accept-Encoding` to responses under `/pkg/` that do not set their own.
pub async fn cache_policy(
    State(immutable): State<ImmutableFiles>,
    request: Request,
    next: Next,
) -> Response {
    let bundle_file = request
        .uri()
        .path()
        .strip_prefix("/pkg/")
        .map(|name| immutable.contains(name));
    let mut response = next.run(request).await;
    if let Some(named_by_content) = bundle_file {
        let status = response.status();
        let found = status.is_success() || status == axum::http::StatusCode::NOT_MODIFIED;
        let cache = if named_by_content && found {
            IMMUTABLE
        } else {
            "no-cache"
        };
        let headers = response.headers_mut();
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(cache));
        headers
            .entry(header::VARY)
            .or_insert(HeaderValue::from_static("accept-encoding"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_holding_the_hash_of_their_bytes_are_immutable() {
        let pkg = tempfile::tempdir().unwrap();
        let write =
            |name: &str, bytes: &[u8]| std::fs::write(pkg.path().join(name), bytes).unwrap();
        let hash = URL_SAFE_NO_PAD.encode(Md5::digest(b"chunk bytes"));
        let named = format!("chunk_1.{hash}.wasm");
        write(&named, b"chunk bytes");
        write(&format!("{named}.br"), b"compressed");
        write(&format!("numbers.{hash}.js"), b"rewritten after naming");
        write("numbers.css", b"no hash in the name");
        let immutable = ImmutableFiles::scan(pkg.path());
        assert!(immutable.contains(&named));
        assert!(immutable.contains(&format!("{named}.br")));
        assert!(!immutable.contains(&format!("numbers.{hash}.js")));
        assert!(!immutable.contains("numbers.css"));
        assert_eq!(
            stated_hash("__wasm_split.______________________.js"),
            Some("______________________")
        );
        assert!(
            ImmutableFiles::scan(&pkg.path().join("missing"))
                .0
                .is_empty()
        );
    }
}
