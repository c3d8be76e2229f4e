//! [`PageData`]: a page's one resource. Rendered on the server and hydrated through
//! `<Suspense>`, then reloaded in place after the page's actions, so the page never flashes
//! its loading state and open dialogs, focus and scroll stay where they are. (`<Transition>`
//! under async SSR broke hydration here; the hydration test in `end2end/` covers this.)

use super::NotFound;
use super::focus::FocusSnapshot;
use crate::api::wire::PageCodec;
use crate::components::{ErrorAlert, SessionEnded};
use crate::error::AppError;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

type Loaded<T> = Result<T, AppError>;
type Fetch<K, T> = Arc<dyn Fn(K) -> Pin<Box<dyn Future<Output = Loaded<T>> + Send>> + Send + Sync>;

/// The data of a page keyed by `K` (e.g. the project in the URL), of type `T`.
pub struct PageData<K: Send + Sync + 'static, T: Send + Sync + 'static> {
    key: Signal<K>,
    first: Resource<Loaded<T>, PageCodec>,
    /// The latest reload and the key it was for; newer than `first` while the key matches.
    latest: RwSignal<Option<(K, Loaded<T>)>>,
    reloading: RwSignal<bool>,
    /// What the page last rendered, and for which key (a quiet refresh bringing the same
    /// re-renders nothing).
    rendered: StoredValue<Option<(K, Loaded<T>)>>,
    /// Whether what the page renders shows its project (see [`PageData::shows_project`]).
    showing_project: RwSignal<bool>,
    /// Counts reloads started.
    started: StoredValue<u64>,
    /// The newest reload shown as under way ([`PageData::reloading`] until it ends).
    busy_with: StoredValue<u64>,
    /// The newest reload whose answer is shown; an older answer arriving later is dropped.
    shown: StoredValue<u64>,
    fetch: StoredValue<Fetch<K, T>>,
    /// With [`PageData::in_place`]: which page a key is for (keys of one page differ in view).
    page_of: Option<fn(&K) -> String>,
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Clone for PageData<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Copy for PageData<K, T> {}

impl<K, T> PageData<K, T>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// Loads `load(key)` now and whenever `key` changes.
    pub fn new<Fut>(key: Signal<K>, load: fn(K) -> Fut) -> Self
    where
        Fut: Future<Output = Loaded<T>> + Send + 'static,
    {
        let fetch: Fetch<K, T> = Arc::new(move |k| Box::pin(load(k)));
        Self {
            key,
            first: Resource::new_with_options(move || key.get(), load, false),
            latest: RwSignal::new(None),
            reloading: RwSignal::new(false),
            rendered: StoredValue::new(None),
            showing_project: RwSignal::new(false),
            started: StoredValue::new(0),
            busy_with: StoredValue::new(0),
            shown: StoredValue::new(0),
            fetch: StoredValue::new(fetch),
            page_of: None,
        }
    }

    /// Like [`PageData::new`], but a change of `key` within one page (`page_of` the same, e.g.
    /// the project) is a new view of it: reloaded in place, the current view shown meanwhile,
    /// never the loading state.
    pub fn in_place<Fut>(key: Signal<K>, page_of: fn(&K) -> String, load: fn(K) -> Fut) -> Self
    where
        Fut: Future<Output = Loaded<T>> + Send + 'static,
    {
        let fetch: Fetch<K, T> = Arc::new(move |k| Box::pin(load(k)));
        let page = Memo::new(move |_| key.with(page_of));
        let this = Self {
            key,
            first: Resource::new_with_options(
                move || {
                    page.track();
                    key.get_untracked()
                },
                load,
                false,
            ),
            latest: RwSignal::new(None),
            reloading: RwSignal::new(false),
            rendered: StoredValue::new(None),
            showing_project: RwSignal::new(false),
            started: StoredValue::new(0),
            busy_with: StoredValue::new(0),
            shown: StoredValue::new(0),
            fetch: StoredValue::new(fetch),
            page_of: Some(page_of),
        };
        Effect::new(move |previous: Option<K>| {
            let now = key.get();
            if previous.is_some_and(|p| p != now && page_of(&p) == page_of(&now)) {
                this.reload(|| ());
            }
            now
        });
        this
    }

    /// Loads the data again, shows it in place, then runs `then` (e.g. closes a dialog once
    /// its change is on screen); [`PageData::reloading`] meanwhile. When reloads overlap, an
    /// answer arriving after a newer one is dropped (the newer one, started later, already
    /// holds its change). Once the page is gone, nothing loads and `then` is dropped unrun.
    pub fn reload(self, then: impl FnOnce() + 'static) {
        self.load_again(true, then);
    }

    /// Like [`PageData::reload`], for changes made elsewhere (live updates): not shown as a
    /// reload under way (the page's open dialog must not look busy), nothing re-rendered when
    /// the data is the same, and the focused field keeps focus and what was typed in it.
    pub fn refresh(self, then: impl FnOnce() + 'static) {
        self.load_again(false, then);
    }

    /// Whether `loaded` for `key` is what the page shows already.
    fn on_screen(self, key: &K, loaded: &Loaded<T>) -> bool {
        self.rendered.with_value(|rendered| {
            rendered
                .as_ref()
                .is_some_and(|(k, shown)| k == key && shown == loaded)
        })
    }

    /// Does nothing once the page is gone (navigated away from): a dialog's answer or a live
    /// change may arrive after that. A reload of the view on screen that fails for a passing
    /// reason (the server unreachable) keeps that view: the action that asked for it says why
    /// it failed, and live updates reload once the server is back.
    fn load_again(self, shown_busy: bool, then: impl FnOnce() + 'static) {
        if self.started.is_disposed() {
            return;
        }
        let key = self.key.get_untracked();
        let fetch = self.fetch.get_value();
        self.started.update_value(|n| *n += 1);
        let this_reload = self.started.get_value();
        if shown_busy {
            self.busy_with.set_value(this_reload);
            self.reloading.set(true);
        }
        leptos::task::spawn_local(async move {
            let loaded = fetch(key.clone()).await;
            if self.shown.is_disposed() {
                return;
            }
            if this_reload > self.shown.get_value() && !self.keeps_view(&key, &loaded) {
                self.shown.set_value(this_reload);
                if shown_busy {
                    self.latest.set(Some((key, loaded)));
                } else if !self.on_screen(&key, &loaded) {
                    // Taken now, not when the reload started: typing goes on meanwhile.
                    let focus = FocusSnapshot::take();
                    self.latest.set(Some((key, loaded)));
                    focus.restore_soon();
                }
            }
            if shown_busy && this_reload == self.busy_with.get_value() {
                self.reloading.set(false);
            }
            then();
        });
    }

    /// Whether `loaded` failed for a passing reason while the page shows `key`'s data.
    fn keeps_view(self, key: &K, loaded: &Loaded<T>) -> bool {
        matches!(loaded, Err(err) if !ends_project(err))
            && self
                .rendered
                .with_value(|r| matches!(r, Some((k, Ok(_))) if k == key))
    }

    fn same_page(self, a: &K, b: &K) -> bool {
        self.page_of.is_some_and(|page_of| page_of(a) == page_of(b))
    }

    /// Whether a reload is under way.
    pub fn reloading(self) -> Signal<bool> {
        self.reloading.into()
    }

    /// Whether the page shows its project: false until [`PageData::view`] first renders it,
    /// and while what it renders says the project is not there or the session ended (live
    /// updates follow only then). Changes only when that flips.
    pub fn shows_project(self) -> Signal<bool> {
        self.showing_project.into()
    }

    /// The data on screen, if it loaded (not tracked).
    pub fn current(self) -> Option<T> {
        let key = self.key.get_untracked();
        match self.latest.get_untracked() {
            Some((k, loaded)) if k == key => loaded.ok(),
            _ => self.first.get_untracked().and_then(Result::ok),
        }
    }

    /// The page: `render` for the data, or the shared states for not found, a session that
    /// ended (with `here`, to come back to) and other errors; `loading` while it first loads.
    pub fn view(
        self,
        loading: &'static str,
        here: Signal<String>,
        render: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
    ) -> impl IntoView {
        view! {
            <Suspense fallback=move || view! { <p class="loading" aria-busy="true">{loading}</p> }>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move {
                        let first = self.first.await;
                        move || {
                            let key = self.key.get();
                            let shown = match self.latest.get() {
                                Some((k, loaded)) if k == key => loaded,
                                // Another view of this page is loading: keep the current one.
                                Some((k, loaded)) if self.same_page(&k, &key) => loaded,
                                _ => first.clone(),
                            };
                            let showing = !gone(&shown);
                            if self.showing_project.get_untracked() != showing {
                                self.showing_project.set(showing);
                            }
                            self.rendered.set_value(Some((key, shown.clone())));
                            match shown {
                                Ok(data) => render(data),
                                Err(err) => failed(err, here),
                            }
                        }
                    })
                }}
            </Suspense>
        }
    }
}

/// Whether `loaded` says the page has no project to show: not found, or signed out.
fn gone<T>(loaded: &Loaded<T>) -> bool {
    loaded.as_ref().err().is_some_and(ends_project)
}

/// Whether `err` means the project is not there for this member (not found, or signed out).
fn ends_project(err: &AppError) -> bool {
    matches!(err, AppError::ProjectNotFound(_) | AppError::SignInRequired)
}

/// What a page shows when its data did not load.
fn failed(err: AppError, here: Signal<String>) -> AnyView {
    match err {
        err @ AppError::ProjectNotFound(_) => view! { <NotFound what=err.to_string()/> }.into_any(),
        AppError::SignInRequired => view! { <SessionEnded here=here.get_untracked()/> }.into_any(),
        err => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::gone;
    use crate::error::AppError;

    #[test]
    fn only_a_missing_project_or_an_ended_session_leave_the_page_without_its_project() {
        assert!(gone::<()>(&Err(AppError::ProjectNotFound("nope".into()))));
        assert!(gone::<()>(&Err(AppError::SignInRequired)));
        // The page shows an error but may recover: live updates keep following.
        assert!(!gone::<()>(&Err(AppError::Unavailable)));
        assert!(!gone::<()>(&Err(AppError::Transport("reset".into()))));
        assert!(!gone(&Ok(())));
    }
}
