//! Live updates: `/live/projects/{project}` streams a project's changes to its open pages,
//! across instances on PostgreSQL, authorised like the pages, resumable by event id.

use crate::support::TestDb;
use crate::support::http::{ADMIN, as_member, form_request, get, send, state_for};
use app::api::{CreateVariant, DeleteNumber};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use server::live::Wake;
use std::time::Duration;

const EDITOR: &str = "editor@example.com";

/// How long a change may take to reach another page: the one second.
const WITHIN: Duration = Duration::from_secs(1);

/// One Server-Sent Event.
#[derive(Debug)]
struct Sse {
    event: String,
    id: Option<String>,
    data: String,
}

/// An open stream, read event by event.
struct Stream {
    body: Body,
    buffer: String,
}

impl Stream {
    /// Opens `uri` on `router` (as whoever the router signs requests for), with `headers`.
    async fn open(router: &Router, uri: &str, headers: &[(&str, &str)]) -> Self {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response =
            tower::ServiceExt::oneshot(router.clone(), request.body(Body::empty()).unwrap())
                .await
                .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "opening {uri}");
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/event-stream",
            "{uri}"
        );
        Self {
            body: response.into_body(),
            buffer: String::new(),
        }
    }

    /// The next event (keep-alive comments skipped), waiting at most `within`.
    async fn next(&mut self, within: Duration) -> Option<Sse> {
        tokio::time::timeout(within, async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    if let Some(event) = parse(&block) {
                        return Some(event);
                    }
                    continue;
                }
                let frame = self.body.frame().await?.ok()?;
                if let Ok(bytes) = frame.into_data() {
                    self.buffer.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
        })
        .await
        .ok()
        .flatten()
    }

    /// The next `change` event's `LiveChange`, read as the browser reads it, as JSON (for
    /// indexing), within `within`.
    async fn change(&mut self, within: Duration) -> serde_json::Value {
        let event = self.next(within).await.expect("a change within the time");
        assert_eq!(event.event, "change", "{event:?}");
        let change = app::api::wire::read_live_event(&event.data)
            .unwrap_or_else(|| panic!("not a live change: {event:?}"));
        let data = serde_json::to_value(change).unwrap();
        assert_eq!(event.id.as_deref(), Some(data["id"].to_string().as_str()));
        data
    }
}

/// An event block's fields; `None` for a block of comments only.
fn parse(block: &str) -> Option<Sse> {
    let mut event = Sse {
        event: "message".into(),
        id: None,
        data: String::new(),
    };
    let mut any = false;
    for line in block.lines() {
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => event.event = value.into(),
            "id" => event.id = Some(value.into()),
            "data" => event.data.push_str(value),
            _ => continue,
        }
        any = true;
    }
    any.then_some(event)
}

/// `router` signed in as `email`.
async fn member(router: &Router, email: &str) -> Router {
    as_member(router.clone(), email).await
}

/// Opens acme's stream as `router`'s member and reads its `ready` event; returns the stream and
/// the event id it starts after.
async fn follow_acme(router: &Router) -> (Stream, i64) {
    let mut stream = Stream::open(router, "/live/projects/acme", &[]).await;
    let ready = stream.next(WITHIN).await.expect("ready");
    assert_eq!(ready.event, "ready");
    let start = ready.data.parse().unwrap();
    assert_eq!(ready.id, Some(ready.data));
    (stream, start)
}

async fn create_variant(router: &Router, name: &str) {
    let (status, _, body) = send(
        router,
        form_request(
            CreateVariant::PATH,
            &[("project", "acme"), ("name", name)],
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn delete_london_number(router: &Router) {
    let args = [
        ("project", "acme"),
        ("e164", "+442079460123"),
        ("confirm_digits", ""),
    ];
    let (status, _, body) = send(router, form_request(DeleteNumber::PATH, &args, None)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn demo(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
}

/// A change reaches an open page at once, saying who did what to which number; the member's
/// own changes are marked theirs.
async fn a_change_reaches_an_open_page_within_a_second(t: &TestDb) {
    demo(t).await;
    let router = server::http::router(state_for(t).await);
    let (mut watching, _) = follow_acme(&member(&router, ADMIN).await).await;
    let editor = member(&router, EDITOR).await;
    delete_london_number(&editor).await;
    let change = watching.change(WITHIN).await;
    assert_eq!(
        change["sentence"],
        "editor@example.com deleted +44 20 7946 0123"
    );
    assert_eq!(change["number"], "+442079460123");
    assert_eq!(change["by_you"], false);

    let (mut own, _) = follow_acme(&editor).await;
    create_variant(&editor, "Madrid").await;
    let mine = own.change(WITHIN).await;
    assert_eq!(
        mine["sentence"],
        "editor@example.com added the variant Madrid"
    );
    assert_eq!(mine["by_you"], true);
    assert_eq!(watching.change(WITHIN).await["by_you"], false);
}

/// A stream reopened after its last event id receives what it missed, in order; one that
/// says nothing starts after the newest change.
async fn a_reopened_stream_resumes_after_its_last_event(t: &TestDb) {
    demo(t).await;
    let router = server::http::router(state_for(t).await);
    let admin = member(&router, ADMIN).await;
    let (stream, start) = follow_acme(&admin).await;
    drop(stream);
    create_variant(&admin, "Madrid").await;
    create_variant(&admin, "Paris").await;
    let last = start.to_string();
    let mut resumed =
        Stream::open(&admin, "/live/projects/acme", &[("last-event-id", &last)]).await;
    assert_eq!(resumed.next(WITHIN).await.unwrap().event, "ready");
    let first = resumed.change(WITHIN).await;
    let second = resumed.change(WITHIN).await;
    assert!(first["sentence"].as_str().unwrap().ends_with("Madrid"));
    assert!(second["sentence"].as_str().unwrap().ends_with("Paris"));
    let after = format!("/live/projects/acme?after={}", first["id"]);
    let mut by_query = Stream::open(&admin, &after, &[]).await;
    assert_eq!(by_query.next(WITHIN).await.unwrap().event, "ready");
    assert_eq!(by_query.change(WITHIN).await["id"], second["id"]);
    let (mut fresh, newest) = follow_acme(&admin).await;
    assert_eq!(newest.to_string(), second["id"].to_string());
    assert!(
        fresh.next(Duration::from_millis(300)).await.is_none(),
        "nothing old is sent again"
    );
}

/// Streams are authorised like the pages: signed out 401; a project the member may not see,
/// or none, 404 (the same answer).
async fn streams_are_authorised_like_pages(t: &TestDb) {
    demo(t).await;
    let router = server::http::router(state_for(t).await);
    let (status, _, _) = get(&router, "/live/projects/acme").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let outsider = member(&router, "outsider@example.com").await;
    let (hidden, _, _) = get(&outsider, "/live/projects/acme").await;
    let (missing, _, _) = get(&outsider, "/live/projects/nowhere").await;
    assert_eq!(hidden, StatusCode::NOT_FOUND);
    assert_eq!(missing, StatusCode::NOT_FOUND);
    let viewer = member(&router, "viewer@example.com").await;
    let (mut watching, _) = follow_acme(&viewer).await;
    create_variant(&member(&router, ADMIN).await, "Madrid").await;
    assert_eq!(watching.change(WITHIN).await["by_you"], false);
}

on_both_backends!(
    a_change_reaches_an_open_page_within_a_second,
    a_reopened_stream_resumes_after_its_last_event,
    streams_are_authorised_like_pages,
);

/// Members who lose access are cut off at the next check: one signs out, another is removed
/// from the project; each stream gets a `denied` event, then ends.
#[tokio::test]
async fn members_who_lose_access_are_cut_off() {
    let t = TestDb::sqlite().await;
    demo(&t).await;
    let router = server::http::router(state_for(&t).await);
    let cookie = crate::support::http::sign_in(&router, ADMIN).await;
    let mut signed_out = Stream::open(&router, "/live/projects/acme", &[("cookie", &cookie)]).await;
    assert_eq!(signed_out.next(WITHIN).await.unwrap().event, "ready");
    let (mut removed, _) = follow_acme(&member(&router, EDITOR).await).await;
    let (status, _, body) = send(
        &router,
        form_request(app::api::SignOut::PATH, &[], Some(&cookie)),
    )
    .await;
    assert!(
        status.is_success() || status.is_redirection(),
        "{status} {body}"
    );
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    server::db::entities::member::Entity::delete_many()
        .filter(server::db::entities::member::Column::Email.eq(EDITOR))
        .exec(&t.db)
        .await
        .unwrap();
    let recheck = server::http::LIVE_RECHECK + Duration::from_secs(2);
    for stream in [&mut signed_out, &mut removed] {
        let denied = stream.next(recheck).await.expect("told it is cut off");
        assert_eq!(denied.event, "denied");
        assert!(stream.next(WITHIN).await.is_none(), "the stream ended");
    }
}

/// At shutdown every open stream ends (its browser reconnects, to another instance).
#[tokio::test]
async fn shutting_down_ends_open_streams() {
    let t = TestDb::sqlite().await;
    demo(&t).await;
    let state = state_for(&t).await;
    let live = state.live.clone();
    let router = server::http::router(state);
    let (mut stream, _) = follow_acme(&member(&router, ADMIN).await).await;
    live.close();
    assert!(stream.next(WITHIN).await.is_none(), "the stream ended");
}

/// Two instances on one PostgreSQL database: a change made through one reaches a page
/// following the project on the other within a second (`LISTEN/NOTIFY`).
#[tokio::test]
async fn a_change_on_one_instance_reaches_pages_on_another() {
    let t = TestDb::postgres().await;
    demo(&t).await;
    let first = server::http::router(state_for(&t).await);
    let second = state_for(&t).await;
    let mut hears_others = second.live.hears_others();
    let hub = second.live.clone();
    let second = server::http::router(second);
    let (mut watching, _) = follow_acme(&member(&second, ADMIN).await).await;
    // Its listener has connected (and woken its streams once); from now on only a NOTIFY
    // from the first instance wakes the second.
    hears_others.wait_for(|on| *on).await.unwrap();
    let mut wakes = hub.subscribe();
    delete_london_number(&member(&first, EDITOR).await).await;
    let woken = tokio::time::timeout(WITHIN, wakes.recv()).await;
    assert_eq!(
        woken.ok().and_then(Result::ok),
        Some(Wake::Project("acme".into()))
    );
    let change = watching.change(WITHIN).await;
    assert_eq!(
        change["sentence"],
        "editor@example.com deleted +44 20 7946 0123"
    );
    t.drop_database().await;
}
