//! Publish from the Numbers page's callouts: the draft goes to Sandbox, then the page reloads.
//! The call is made from the dialogs' lazy chunks ([`Publish::publish`]).

use super::{NumbersData, lazy_dialogs};
use crate::api::publish_draft;
use crate::components::ErrorAlert;
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

    /// Publishes the draft of the project in view: busy from the click, then the call from
    /// its chunk.
    pub fn run(self) -> Callback<()> {
        Callback::new(move |()| {
            let project = self.project.get_untracked();
            self.running.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                if lazy_dialogs::publish((self, project)).await.is_err() {
                    self.running.update(|n| *n = n.saturating_sub(1));
                    let said = lazy_dialogs::ChunkUnavailable::SENTENCE.to_owned();
                    self.failed.set(Some(said));
                }
            });
        })
    }

    /// Publishes `project`'s draft (counted under way from the click): says why it failed, if
    /// it did, then reloads the page.
    pub fn publish(self, project: String) {
        let Self {
            data,
            running,
            failed,
            ..
        } = self;
        leptos::task::spawn_local(async move {
            let answer = publish_draft(project).await;
            running.update(|n| *n = n.saturating_sub(1));
            failed.set(answer.err().map(|e| e.to_string()));
            data.reload(|| ());
        });
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
