//! What a row dialog shows of the server action behind it: busy while it runs or the page
//! reloads after it, the latest answer's error as text, and someone else's change meanwhile.

use super::NumbersData;
use crate::domain::live::LiveChange;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::fmt::Display;

/// True while `action` runs or `data` reloads after it (the dialog closes once its change is
/// on screen); a reload for someone else's change (live updates) does not count.
pub fn busy<S>(action: ServerAction<S>, data: NumbersData) -> Signal<bool>
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    Signal::derive(move || action.pending().get() || data.reloading().get())
}

/// The error of `action`'s latest answer, as the dialog shows it; `None` before any answer
/// and after a success.
pub fn error_text<S>(action: ServerAction<S>) -> Signal<Option<String>>
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Display + Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    })
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
