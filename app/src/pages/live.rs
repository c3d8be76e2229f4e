//! Live updates on a project's pages: once hydrated, a page follows its project's changes
//! (Server-Sent Events from `/live/projects/{project}`), reloads its data in place for each,
//! and says who changed what. A lost stream is reopened with backoff (1 s doubling to 30 s)
//! after the last change received, so none is missed; while a reopening fails the page says
//! its updates are paused. A page that shows no project (not found, or the session ended)
//! follows nothing.

use super::PageData;
use crate::components::LiveNotice;
use crate::domain::live::LiveChange;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// How long the line about a change stays on screen.
#[cfg(feature = "hydrate")]
const NOTICE_FOR: std::time::Duration = std::time::Duration::from_secs(15);

/// Follows `project`'s changes for a page showing `data`: each reloads it in place
/// ([`PageData::refresh`]: focus and unsent typing kept; at most one reload under way and one
/// waiting, however many changes arrive), after `also` (e.g. a dialog hears its number changed). A stream that (re)opens
/// reloads too: changes made before it opened are on screen then. Follows only while `data`
/// shows the project ([`PageData::shows_project`]).
pub fn reload_on_changes<K, T>(
    project: Memo<String>,
    data: PageData<K, T>,
    also: impl Fn(&LiveChange) + 'static,
) -> impl IntoView
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    let under_way = StoredValue::new(false);
    let again = StoredValue::new(false);
    let reload = move || refresh(data, under_way, again);
    follow_changes(
        project,
        data.shows_project(),
        move |change| {
            also(change);
            reload();
        },
        reload,
    )
}

/// Reloads `data` quietly, or asks for one more reload once the one `under_way` ends.
fn refresh<K, T>(data: PageData<K, T>, under_way: StoredValue<bool>, again: StoredValue<bool>)
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    if under_way.get_value() {
        again.set_value(true);
        return;
    }
    under_way.set_value(true);
    data.refresh(move || {
        under_way.set_value(false);
        if again.get_value() {
            again.set_value(false);
            refresh(data, under_way, again);
        }
    });
}

/// Follows `project`'s changes while the page is open and `wanted` holds: `on_change` runs
/// for each (the page reloads); `reload` when the stream (re)opens, and when the member may no
/// longer follow the project (the page then shows why). Returns the notice that says what
/// others changed, and that updates are paused while a lost stream cannot be reopened.
pub fn follow_changes(
    project: Memo<String>,
    wanted: Signal<bool>,
    on_change: impl Fn(&LiveChange) + 'static,
    reload: impl Fn() + 'static,
) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let following = RwSignal::new(false);
    let paused = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        use send_wrapper::SendWrapper;
        use std::rc::Rc;
        let shown = StoredValue::new(0u64);
        let on_change: Rc<dyn Fn(&LiveChange)> = Rc::new(move |change: &LiveChange| {
            if !change.by_you {
                shown.update_value(|n| *n += 1);
                let this_one = shown.get_value();
                message.set(Some(change.sentence.clone()));
                set_timeout(
                    move || {
                        if shown.try_get_value() == Some(this_one) {
                            message.set(None);
                        }
                    },
                    NOTICE_FOR,
                );
            }
            on_change(change);
        });
        let reload: Rc<dyn Fn()> = Rc::new(reload);
        Effect::new(move |_| {
            let project = project.get();
            // A new stream (or none) says for itself.
            following.set(false);
            paused.set(false);
            if !wanted.get() {
                return;
            }
            let stream = browser::Stream::open(
                project,
                browser::Handlers {
                    on_change: on_change.clone(),
                    reload: reload.clone(),
                    following: Rc::new(move |on| following.set(on)),
                    paused: Rc::new(move |on| paused.set(on)),
                },
            );
            let stream = SendWrapper::new(stream);
            on_cleanup(move || drop(stream));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (project, wanted, on_change, reload);
    }
    view! { <LiveNotice message following paused/> }
}

/// The stream in the browser: an `EventSource`, reopened with backoff when it fails.
#[cfg(feature = "hydrate")]
mod browser {
    use crate::domain::live::LiveChange;
    use std::cell::{Cell, RefCell};
    use std::rc::{Rc, Weak};
    use std::time::Duration;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{EventSource, MessageEvent};

    const FIRST_RETRY_MS: u64 = 1_000;
    const LONGEST_RETRY_MS: u64 = 30_000;
    /// A stream that lasted this long was healthy: the next loss retries quickly again.
    const HEALTHY_AFTER_MS: f64 = 30_000.0;

    /// What the page does with the stream's events.
    pub struct Handlers {
        pub on_change: Rc<dyn Fn(&LiveChange)>,
        /// Reload the page: the stream (re)opened, or the member may no longer follow it.
        pub reload: Rc<dyn Fn()>,
        /// Told `true` once the server accepted the stream, `false` when it is lost.
        pub following: Rc<dyn Fn(bool)>,
        /// Told `true` when opening a stream failed (the page may be out of date until one
        /// opens), `false` once one is accepted or the stream stops for good.
        pub paused: Rc<dyn Fn(bool)>,
    }

    /// Follows one project until dropped.
    pub struct Stream(Rc<State>);

    struct State {
        project: String,
        handlers: Handlers,
        /// The newest event id received: a reopened stream resumes after it.
        last: Cell<Option<i64>>,
        failures: Cell<u32>,
        /// When the current stream was accepted (`Date.now()`, ms).
        opened_at: Cell<Option<f64>>,
        stopped: Cell<bool>,
        open: RefCell<Option<Open>>,
    }

    /// An `EventSource` and the listeners it calls (kept alive while it is).
    struct Open {
        source: EventSource,
        _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    }

    impl Stream {
        pub fn open(project: String, handlers: Handlers) -> Self {
            let state = Rc::new(State {
                project,
                handlers,
                last: Cell::new(None),
                failures: Cell::new(0),
                opened_at: Cell::new(None),
                stopped: Cell::new(false),
                open: RefCell::new(None),
            });
            connect(&state);
            Self(state)
        }
    }

    impl Drop for Stream {
        fn drop(&mut self) {
            self.0.stopped.set(true);
            if let Some(open) = self.0.open.borrow_mut().take() {
                open.source.close();
            }
        }
    }

    fn listener(
        state: &Rc<State>,
        run: impl Fn(&Rc<State>, &web_sys::Event) + 'static,
    ) -> Closure<dyn FnMut(web_sys::Event)> {
        let state: Weak<State> = Rc::downgrade(state);
        Closure::new(move |event: web_sys::Event| {
            if let Some(state) = state.upgrade().filter(|s| !s.stopped.get()) {
                run(&state, &event);
            }
        })
    }

    /// The event's id and data, if it is a message.
    fn message(event: &web_sys::Event) -> Option<(Option<i64>, String)> {
        let message = event.dyn_ref::<MessageEvent>()?;
        Some((
            message.last_event_id().parse().ok(),
            message.data().as_string()?,
        ))
    }

    fn connect(state: &Rc<State>) {
        let url = match state.last.get() {
            Some(id) => format!("{}?after={id}", crate::paths::live(&state.project)),
            None => crate::paths::live(&state.project),
        };
        let Ok(source) = EventSource::new(&url) else {
            retry_later(state);
            return;
        };
        let ready = listener(state, |state, event| {
            if let Some((Some(id), _)) = message(event) {
                state
                    .last
                    .set(Some(state.last.get().map_or(id, |last| last.max(id))));
            }
            state.opened_at.set(Some(js_sys::Date::now()));
            (state.handlers.following)(true);
            (state.handlers.paused)(false);
            (state.handlers.reload)();
        });
        let change = listener(state, |state, event| {
            let Some((_, data)) = message(event) else {
                return;
            };
            match crate::api::wire::read_live_event(&data) {
                // Sent again after a reconnect: already heard.
                Some(change) if state.last.get().is_some_and(|last| change.id <= last) => {}
                Some(change) => {
                    state.last.set(Some(change.id));
                    (state.handlers.on_change)(&change);
                }
                None => leptos::logging::warn!("live updates: unreadable change: {data}"),
            }
        });
        let denied = listener(state, |state, _| {
            state.stopped.set(true);
            close(state);
            (state.handlers.following)(false);
            (state.handlers.paused)(false);
            (state.handlers.reload)();
        });
        // Lost (the server went away, or answered with an error): reopen after a while.
        let lost = listener(state, |state, _| {
            close(state);
            (state.handlers.following)(false);
            let lasted = state
                .opened_at
                .take()
                .map(|opened| js_sys::Date::now() - opened);
            match lasted {
                Some(ms) if ms >= HEALTHY_AFTER_MS => state.failures.set(0),
                Some(_) => {}
                // Never accepted: the server could not be reached or refused it.
                None => (state.handlers.paused)(true),
            }
            retry_later(state);
        });
        let listeners = [
            ("ready", ready),
            ("change", change),
            ("denied", denied),
            ("error", lost),
        ];
        for (name, listener) in &listeners {
            let _ =
                source.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        // Replacing the previous one here, outside its listeners, drops them safely.
        state.open.replace(Some(Open {
            source,
            _listeners: listeners.into_iter().map(|(_, l)| l).collect(),
        }));
    }

    /// Closes the current `EventSource` (its listeners stay until it is replaced).
    fn close(state: &State) {
        if let Some(open) = state.open.borrow().as_ref() {
            open.source.close();
        }
    }

    fn retry_later(state: &Rc<State>) {
        let failures = state.failures.get();
        state.failures.set(failures.saturating_add(1));
        let delay = FIRST_RETRY_MS
            .saturating_mul(1 << failures.min(5))
            .min(LONGEST_RETRY_MS);
        let state = Rc::downgrade(state);
        leptos::prelude::set_timeout(
            move || {
                if let Some(state) = state.upgrade().filter(|s| !s.stopped.get()) {
                    connect(&state);
                }
            },
            Duration::from_millis(delay),
        );
    }
}
