//! `GET /live/projects/{project}`: a project's changes as Server-Sent Events, for its open
//! pages. Authorised like the pages (401 signed out, 404 for a project the member may not
//! see), checked again every [`RECHECK`] while open (a member who loses access gets a `denied`
//! event and the stream ends). It opens with an event `ready` (id: where it starts); each
//! change is an event `change` whose id is the change's, data a `LiveChange` (Postcard in
//! base64, see `app::api::wire`); a reconnecting browser sends `Last-Event-ID` (or `?after=`
//! for a new stream) and receives what it missed. Nothing runs while no page is open: streams
//! wake on [`LiveHub`] notices.

use crate::live::{LiveHub, Wake};
use app::domain::live::LiveChange;
use app::error::AppError;
use app::ports::{CurrentMember, Services};
use app::usecases::live::{Watcher, changes_after, may_watch, newest_change};
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::{broadcast, watch};

/// How often an open stream checks its member may still follow the project, and reads the
/// feed even without a notice (one lost in a crash between a commit and its notice).
pub const RECHECK: Duration = Duration::from_secs(10);

/// How long the browser waits before reconnecting a stream that ended (`retry:`).
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// How long one stream lasts before it ends and the browser reconnects (after its last event,
/// so nothing is missed): the request is authorised afresh, through a console's proxy too.
pub const LIFETIME: Duration = Duration::from_secs(10 * 60);

/// `?after={event id}`: where a new stream resumes (a reconnecting `EventSource` sends the
/// `Last-Event-ID` header instead, which wins).
#[derive(Debug, serde::Deserialize)]
pub struct Resume {
    after: Option<i64>,
}

/// Opens the stream of `project`'s changes for the member of the request.
pub async fn follow(
    State(services): State<Services>,
    State(live): State<LiveHub>,
    Extension(current): Extension<CurrentMember>,
    Path(project): Path<String>,
    Query(resume): Query<Resume>,
    headers: HeaderMap,
) -> Response {
    let watcher = match may_watch(&services, &current, &project).await {
        Ok(watcher) => watcher,
        Err(err) => return refused(&err),
    };
    let last_event_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let start = match last_event_id.or(resume.after) {
        Some(id) => id.max(0),
        None => match newest_change(&services, &watcher).await {
            Ok(id) => id,
            Err(err) => return refused(&err),
        },
    };
    let mut recheck = tokio::time::interval_at(tokio::time::Instant::now() + RECHECK, RECHECK);
    recheck.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let follower = Follower {
        services,
        current,
        watcher,
        last: start,
        // `ready` says the stream is accepted, and from which event id it sends.
        queue: VecDeque::from([Event::default()
            .event("ready")
            .id(start.to_string())
            .data(start.to_string())
            .retry(RECONNECT_AFTER)]),
        wakes: live.subscribe(),
        closing: live.closing(),
        recheck,
        ends_at: tokio::time::Instant::now() + LIFETIME,
        read_now: true,
        ended: false,
    };
    Sse::new(futures_util::stream::unfold(follower, Follower::next))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// The answer to a stream that may not open.
fn refused(err: &AppError) -> Response {
    let status = match err {
        AppError::SignInRequired => StatusCode::UNAUTHORIZED,
        AppError::ProjectNotFound(_) => StatusCode::NOT_FOUND,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, err.to_string()).into_response()
}

/// One open stream.
struct Follower {
    services: Services,
    current: CurrentMember,
    watcher: Watcher,
    /// The newest event id sent (a project's ids become visible in order: see
    /// `db::store::change_log`).
    last: i64,
    queue: VecDeque<Event>,
    wakes: broadcast::Receiver<Wake>,
    closing: watch::Receiver<bool>,
    recheck: tokio::time::Interval,
    ends_at: tokio::time::Instant,
    read_now: bool,
    ended: bool,
}

impl Follower {
    /// The next event, waiting for one; `None` ends the stream.
    async fn next(mut self) -> Option<(Result<Event, Infallible>, Self)> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some((Ok(event), self));
            }
            if self.ended {
                return None;
            }
            if self.read_now {
                self.read_now = false;
                self.read().await;
                continue;
            }
            self.wait().await;
        }
    }

    /// Waits for a reason to read the feed (or to end).
    async fn wait(&mut self) {
        if *self.closing.borrow() {
            self.ended = true;
            return;
        }
        let project = self.watcher.project.as_str();
        tokio::select! {
            // It only ever turns true (or its hub is gone).
            _ = self.closing.changed() => self.ended = true,
            () = tokio::time::sleep_until(self.ends_at) => self.ended = true,
            wake = self.wakes.recv() => match wake {
                Ok(Wake::Project(changed)) => self.read_now = changed == project,
                Ok(Wake::All) | Err(broadcast::error::RecvError::Lagged(_)) => self.read_now = true,
                Err(broadcast::error::RecvError::Closed) => self.ended = true,
            },
            _ = self.recheck.tick() => {
                match may_watch(&self.services, &self.current, project).await {
                    Ok(_) => self.read_now = true,
                    Err(err @ (AppError::SignInRequired | AppError::ProjectNotFound(_))) => {
                        self.queue.push_back(Event::default().event("denied").data(err.to_string()));
                        self.ended = true;
                    }
                    // The database is unreachable: the member keeps the stream meanwhile.
                    Err(err) => tracing::warn!(%err, "live updates: checking a member's access failed"),
                }
            }
        }
    }

    /// Queues the changes after the last one sent.
    async fn read(&mut self) {
        let changes = match changes_after(&self.services, &self.watcher, self.last).await {
            Ok(changes) => changes,
            Err(err) => {
                tracing::warn!(%err, "live updates: reading the feed failed; retrying at the next notice");
                return;
            }
        };
        // A full read leaves more: read on once these are sent.
        self.read_now = changes.len() as u64 >= app::usecases::live::CHANGES_PER_READ;
        for change in changes {
            self.last = self.last.max(change.id);
            self.queue.push_back(event(&change));
        }
    }
}

/// A change as an SSE event: `event: change`, its id, its data as
/// [`app::api::wire::live_event_data`] writes it.
fn event(change: &LiveChange) -> Event {
    let event = Event::default().event("change").id(change.id.to_string());
    match app::api::wire::live_event_data(change) {
        Ok(data) => event.data(data),
        // Serialising plain strings and numbers cannot fail; say so if it ever does.
        Err(err) => {
            tracing::error!(%err, "live updates: a change could not be serialised");
            Event::default().comment("unserialisable change")
        }
    }
}
