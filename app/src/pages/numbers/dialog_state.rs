//! What a row dialog shows of the server action behind it: busy while it runs or the page
//! reloads after it, and the latest answer's error as text.

use super::NumbersData;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::fmt::Display;

/// True while `action` runs or `data` reloads after it (the dialog closes once its change is
/// on screen).
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
