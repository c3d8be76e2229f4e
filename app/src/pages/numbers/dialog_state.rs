//! What a row dialog shows of the server call behind it: busy while it runs or the page
//! reloads after it, the latest answer's error, and someone else's change meanwhile.
//!
//! [`Call`] is made when a dialog opens, in the dialog's own wasm chunk (see `lazy_dialogs`),
//! so its server function's client and answer types stay out of the page's first load; only
//! its count of calls under way belongs to the page, so a dialog closed and opened again while
//! one runs is still busy (and cannot send it twice).

use super::NumbersData;
use crate::domain::live::LiveChange;
use crate::error::AppError;
use leptos::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A server function an open dialog calls, and its latest answer. The answer is held by a
/// reference-counted signal, not by the dialog: one arriving after the dialog closed lands
/// harmlessly. When answers overlap, the last to arrive wins (as with `ServerAction`).
pub struct Call<T: 'static> {
    running: RwSignal<u32>,
    answer: ArcRwSignal<Option<Result<T, AppError>>>,
}

impl<T: 'static> Clone for Call<T> {
    fn clone(&self) -> Self {
        Self {
            running: self.running,
            answer: self.answer.clone(),
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Call<T> {
    /// Nothing asked yet; `running` counts calls under way (the page's, for calls that change
    /// something).
    pub fn new(running: RwSignal<u32>) -> Self {
        Self {
            running,
            answer: ArcRwSignal::new(None),
        }
    }

    /// Runs `call` (a server function's future); its answer replaces the latest, then `after`
    /// runs with it (e.g. reloads the page).
    pub fn run(
        &self,
        call: impl Future<Output = Result<T, AppError>> + 'static,
        after: impl FnOnce(&Result<T, AppError>) + 'static,
    ) {
        let this = self.clone();
        this.running.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let answer = call.await;
            this.running.update(|n| *n = n.saturating_sub(1));
            this.answer.set(Some(answer.clone()));
            after(&answer);
        });
    }

    /// Forgets the latest answer (the dialog asks something else).
    pub fn clear(&self) {
        self.answer.set(None);
    }

    /// The latest successful answer (tracked).
    pub fn value(&self) -> Signal<Option<T>> {
        let answer = self.answer.clone();
        Signal::derive(move || answer.with(|a| a.as_ref().and_then(|a| a.as_ref().ok()).cloned()))
    }

    /// True while a call runs or `data` reloads after one (the dialog closes once its change
    /// is on screen); a reload for someone else's change (live updates) does not count.
    pub fn busy(&self, data: NumbersData) -> Signal<bool> {
        let running = self.running;
        Signal::derive(move || running.get() > 0 || data.reloading().get())
    }

    /// The latest answer's error; `None` before any answer and after a success.
    pub fn error(&self) -> Signal<Option<AppError>> {
        let answer = self.answer.clone();
        Signal::derive(move || answer.with(|a| a.as_ref().and_then(|a| a.as_ref().err()).cloned()))
    }

    /// [`Call::error`] as the dialog's text.
    pub fn error_text(&self) -> Signal<Option<String>> {
        let answer = self.answer.clone();
        Signal::derive(move || {
            answer.with(|a| {
                a.as_ref()
                    .and_then(|a| a.as_ref().err())
                    .map(|e| e.to_string())
            })
        })
    }
}

/// Whether the dialog it was made in is still on screen: false once that dialog's view is gone
/// (closed, or replaced by a dialog opened since), so a late answer closes nothing else.
#[derive(Clone)]
pub struct StillOpen(Arc<AtomicBool>);

impl StillOpen {
    /// Made while a dialog's view is built: turns false when that view is cleaned up.
    pub fn new() -> Self {
        let open = Arc::new(AtomicBool::new(true));
        let view = open.clone();
        on_cleanup(move || view.store(false, Ordering::Relaxed));
        Self(open)
    }

    /// Whether the dialog is still on screen.
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Someone else's change to an open dialog's number, heard through live updates: the dialog
/// says so and no longer acts on what it showed.
#[derive(Clone, Copy)]
pub struct Meanwhile(RwSignal<Option<String>>);

impl Meanwhile {
    /// Nothing heard.
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    /// Forgets what was heard (the dialog opens on a number).
    pub fn clear(self) {
        self.0.set(None);
    }

    /// Notes `change` if it is someone else's, to `open` (the E.164 number of the dialog open).
    pub fn hear(self, change: &LiveChange, open: Option<&str>) {
        if !change.by_you && open.is_some() && change.number.as_deref() == open {
            self.0.set(Some(change.sentence.clone()));
        }
    }

    /// What the dialog says.
    pub fn sentence(self) -> Signal<Option<String>> {
        self.0.into()
    }
}
