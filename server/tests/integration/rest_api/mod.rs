//! The REST API through the router (`oneshot`): every endpoint, every error, keys of every
//! kind, on the demo data with a fake Twilio.

mod batches;
mod csv;
mod keys;
mod numbers;

use crate::support::fake_twilio::FakeTwilio;
use crate::support::http::{ADMIN, as_member, call, config_for, send};
use crate::support::{T0, TestClock, TestDb};
use app::api::CreateApiKey;
use app::domain::api_keys::NewApiKey;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use leptos::server_fn::ServerFn;
use serde_json::Value;
use std::sync::Arc;

/// The demo data behind the router, a fake Twilio owning nothing yet, and a clock.
struct World {
    router: Router,
    admin: Router,
    twilio: FakeTwilio,
    clock: Arc<TestClock>,
    /// The database (kept for as long as the world lives).
    t: TestDb,
}

/// An answer: status, headers and the JSON body (`Null` if none).
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    json: Value,
}

impl Reply {
    /// Asserts `status` and, for an error, the problem details' shape; returns the body.
    fn expect(self, status: StatusCode) -> Value {
        assert_eq!(self.status, status, "{}", self.json);
        if status.is_client_error() || status.is_server_error() {
            assert_eq!(
                self.headers[header::CONTENT_TYPE],
                "application/problem+json"
            );
            assert_eq!(self.json["status"], status.as_u16());
            for member in ["type", "title", "detail"] {
                assert!(self.json[member].is_string(), "{member}: {}", self.json);
            }
        }
        self.json
    }
}

/// The world with each key allowed `rate_limit` requests a minute.
async fn world_limited(rate_limit: u64) -> World {
    let t = TestDb::sqlite().await;
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let twilio = FakeTwilio::start(&[]).await;
    let clock = TestClock::at(T0);
    let mut config = config_for(&t);
    config.twilio_base_url = twilio.url.clone();
    config.api_rate_limit = rate_limit;
    let state = server::prepare(&config, clock.clone()).await.unwrap();
    let router = server::http::router(state);
    let admin = as_member(router.clone(), ADMIN).await;
    World {
        router,
        admin,
        twilio,
        clock,
        t,
    }
}

async fn world() -> World {
    world_limited(600).await
}

impl World {
    /// A new key of `project` named `name` with `access` (`read` or `read-write`), created by
    /// the admin on the API keys page's server function.
    async fn key_named(&self, project: &str, name: &str, access: &str) -> String {
        let (status, body) = call(
            &self.admin,
            CreateApiKey::PATH,
            &[("project", project), ("name", name), ("access", access)],
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_str::<NewApiKey>(&body).unwrap().key
    }

    async fn key(&self, project: &str, access: &str) -> String {
        self.key_named(project, &format!("{project} {access}"), access)
            .await
    }

    /// `method uri` with `key` as bearer, a JSON `body` if any, and extra `headers`.
    async fn call(
        &self,
        method: Method,
        uri: &str,
        key: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(key) = key {
            request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
        }
        if body.is_some() {
            request = request.header(header::CONTENT_TYPE, "application/json");
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
        let (status, headers, text) = send(&self.router, request.body(body).unwrap()).await;
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
        };
        Reply {
            status,
            headers,
            json,
        }
    }

    async fn get(&self, uri: &str, key: &str) -> Reply {
        self.call(Method::GET, uri, Some(key), None, &[]).await
    }

    async fn post(&self, uri: &str, key: &str, body: Value) -> Reply {
        self.call(Method::POST, uri, Some(key), Some(body), &[])
            .await
    }

    /// Every number of `project` the list gives, following the cursor, `limit` a page.
    async fn all_numbers(&self, project: &str, key: &str, filter: &str, limit: u64) -> Vec<Value> {
        let mut out = Vec::new();
        let mut cursor = String::new();
        loop {
            let uri =
                format!("/api/v1/projects/{project}/phone-numbers?limit={limit}{filter}{cursor}");
            let page = self.get(&uri, key).await.expect(StatusCode::OK);
            let numbers = page["phone_numbers"].as_array().unwrap();
            assert!(numbers.len() as u64 <= limit);
            out.extend(numbers.iter().cloned());
            match page["next_cursor"].as_str() {
                Some(next) => cursor = format!("&cursor={}", next.replace('+', "%2B")),
                None => return out,
            }
        }
    }

    /// The project's history entries (first page).
    async fn history(&self, project: &str, key: &str) -> Vec<Value> {
        let uri = format!("/api/v1/projects/{project}/history");
        let page = self.get(&uri, key).await.expect(StatusCode::OK);
        page["entries"].as_array().unwrap().clone()
    }
}

/// `/api/v1/projects/{project}/phone-numbers` and what follows.
fn numbers_uri(project: &str, rest: &str) -> String {
    format!("/api/v1/projects/{project}/phone-numbers{rest}")
}
