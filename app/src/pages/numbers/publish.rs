//! Publish from the Numbers page's callouts: the draft goes to Sandbox, then the page reloads.
//! The call is made from the dialogs' lazy chunks ([`Publish::publish`]).

use super::NumbersData;
use super::lazy_dialogs::{self, ChunkUnavailable};
use crate::components::{ErrorAlert, publish_button_id, toggle_button_id};
use crate::domain::Environment;
use crate::pages::focus::focus_first_soon;
use leptos::prelude::*;

/// The callouts' Publish button and what it last did.
#[derive(Clone, Copy)]
pub struct Publish {
    project: Memo<String>,
    data: NumbersData,
    /// Publishes under way.
    running: RwSignal<u32>,
    /// Why the last publish failed, if it did.
    failed: RwSignal<Option<String>>,
}

impl Publish {
    /// Reloads `data` after each publish.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        Self {
            project,
            data,
            running: RwSignal::new(0),
            failed: RwSignal::new(None),
        }
    }

    /// Publishes the draft of the project in view (busy from the click; the call is made from
    /// its chunk): says why it failed, if it did, then reloads the page. Focus, lost when the
    /// buttons were disabled or their callout went, goes to the Sandbox section's heading (or
    /// back to Publish after a failure).
    pub fn run(self) -> Callback<()> {
        let Self {
            project,
            data,
            running,
            failed,
        } = self;
        Callback::new(move |()| {
            let project = project.get_untracked();
            running.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let failure = match lazy_dialogs::publish(project).await {
                    Ok(call) => call.await.err().map(|e| e.to_string()),
                    Err(ChunkUnavailable) => Some(ChunkUnavailable::SENTENCE.to_owned()),
                };
                running.update(|n| *n = n.saturating_sub(1));
                let sandbox = toggle_button_id(Environment::Sandbox);
                let focus = match failure {
                    Some(_) => vec![publish_button_id(0), sandbox],
                    None => vec![sandbox],
                };
                failed.set(failure);
                data.reload(move || focus_first_soon(focus));
            });
        })
    }

    /// Whether a publish is under way.
    pub fn pending(self) -> Signal<bool> {
        Signal::derive(move || self.running.get() > 0)
    }

    /// Why the last publish failed, if it did.
    pub fn error(self) -> impl IntoView {
        move || {
            self.failed
                .get()
                .map(|message| view! { <ErrorAlert message/> })
        }
    }
}
