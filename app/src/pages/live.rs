//! Live updates on a project's pages: once hydrated, a page follows its project's changes
//! (Server-Sent Events from `/live/projects/{project}`), reloads its data in place for each,
//! and says who changed what. A lost stream is reopened with backoff (1 s doubling to 30 s)
//! after the last change received, so none is missed.

use super::PageData;
use super::focus::FocusSnapshot;
use crate::components::LiveNotice;
use crate::domain::live::LiveChange;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// How long the line about a change stays on screen.
#[cfg(feature = "hydrate")]
const NOTICE_FOR: std::time::Duration = std::time::Duration::from_secs(15);

/// Follows `project`'s changes for a page showing `data`: each reloads it in place (focus and
/// unsent typing kept), after `also` (e.g. a dialog hears its number changed).
pub fn reload_on_changes<K, T>(
    project: Memo<String>,
    data: PageData<K, T>,
    also: impl Fn(&LiveChange) + 'static,
) -> impl IntoView
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    let reload = move || {
        let focus = FocusSnapshot::take();
        data.reload(move || {
            if let Some(focus) = focus {
                focus.restore_soon();
            }
        });
    };
    follow_changes(
        project,
        move |change| {
            also(change);
            reload();
        },
        reload,
    )
}

/// Follows `project`'s changes while the page is open: `on_change` runs for each (the page
/// reloads), `on_denied` when the member may no longer follow it (the page reloads to show
/// why). Returns the notice that says what others changed.
pub fn follow_changes(
    project: Memo<String>,
    on_change: impl Fn(&LiveChange) + 'static,
    on_denied: impl Fn() + 'static,
) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let following = RwSignal::new(false);
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
        let on_denied: Rc<dyn Fn()> = Rc::new(on_denied);
        Effect::new(move |_| {
            let stream = browser::Stream::open(
                project.get(),
                browser::Handlers {
                    on_change: on_change.clone(),
                    on_denied: on_denied.clone(),
                    following: Rc::new(move |on| following.set(on)),
                },
            );
            let stream = SendWrapper::new(stream);
            on_cleanup(move || drop(stream));
        });
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (project, on_change, on_denied);
    }
    view! { <LiveNotice message following/> }
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

    /// What the page does with the stream's events.
    pub struct Handlers {
        pub on_change: Rc<dyn Fn(&LiveChange)>,
        pub on_denied: Rc<dyn Fn()>,
        /// Told `true` once the server accepted the stream, `false` when it is lost.
        pub following: Rc<dyn Fn(bool)>,
    }

    /// Follows one project until dropped.
    pub struct Stream(Rc<State>);

    struct State {
        project: String,
        handlers: Handlers,
        /// The last event id received: a reopened stream resumes after it.
        last: Cell<Option<i64>>,
        failures: Cell<u32>,
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
            if let Some((id, _)) = message(event) {
                state.last.set(state.last.get().or(id));
            }
            state.failures.set(0);
            (state.handlers.following)(true);
        });
        let change = listener(state, |state, event| {
            let Some((_, data)) = message(event) else {
                return;
            };
            match serde_json::from_str::<LiveChange>(&data) {
                Ok(change) => {
                    state.last.set(Some(change.id));
                    (state.handlers.on_change)(&change);
                }
                Err(err) => leptos::logging::warn!("live updates: unreadable change: {err}"),
            }
        });
        let denied = listener(state, |state, _| {
            state.stopped.set(true);
            close(state);
            (state.handlers.following)(false);
            (state.handlers.on_denied)();
        });
        // Lost (the server went away, or answered with an error): reopen after a while.
        let lost = listener(state, |state, _| {
            close(state);
            (state.handlers.following)(false);
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
