//! Publish from the Numbers page's callouts: the draft goes to Sandbox, then the page reloads.

use super::NumbersData;
use crate::api::PublishDraft;
use crate::components::ErrorAlert;
use leptos::prelude::*;

/// The callouts' Publish button and what it last did.
#[derive(Clone, Copy)]
pub struct Publish {
    project: Memo<String>,
    action: ServerAction<PublishDraft>,
}

impl Publish {
    /// Reloads `data` after each publish.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        let action = ServerAction::<PublishDraft>::new();
        Effect::new(move |previous: Option<usize>| {
            let done = action.version().get();
            if previous.is_some_and(|p| p != done) {
                data.reload(|| ());
            }
            done
        });
        Self { project, action }
    }

    /// Publishes the draft of the project in view.
    pub fn run(self) -> Callback<()> {
        Callback::new(move |()| {
            self.action.dispatch(PublishDraft {
                project: self.project.get_untracked(),
            });
        })
    }

    /// Whether a publish is under way.
    pub fn pending(self) -> Signal<bool> {
        self.action.pending().into()
    }

    /// Why the last publish failed, if it did.
    pub fn error(self) -> impl IntoView {
        move || {
            self.action
                .value()
                .get()
                .and_then(Result::err)
                .map(|e| view! { <ErrorAlert message=e.to_string()/> })
        }
    }
}
