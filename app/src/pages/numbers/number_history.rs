//! The History row action: every change to the number, newest first.

use super::{dialog_state, lazy_dialogs};
use crate::api::NumberHistory as Load;
use crate::components::{HistoryDialogProps, RowAction, RowTarget, actions_button_id};
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's number (when open) and its history loading.
#[derive(Clone, Copy)]
pub struct NumberHistory {
    project: Memo<String>,
    open: RwSignal<Option<String>>,
    load: ServerAction<Load>,
}

impl NumberHistory {
    /// Closed.
    pub fn new(project: Memo<String>) -> Self {
        Self {
            project,
            open: RwSignal::new(None),
            load: ServerAction::new(),
        }
    }

    /// The `History` menu item: opens the dialog and loads the entries.
    pub fn action(self) -> RowAction {
        RowAction {
            label: "History",
            changes: false,
            needs_variants: false,
            unassigned_shortcut: None,
            run: Callback::new(move |target: RowTarget| {
                let e164 = target.row.e164;
                self.load.value().set(None);
                self.open.set(Some(e164.clone()));
                self.load.dispatch(Load {
                    project: self.project.get_untracked(),
                    e164,
                });
            }),
        }
    }

    fn close(self) {
        if let Some(e164) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(actions_button_id(&e164));
        }
    }

    /// The dialog, while open.
    pub fn view(self) -> impl IntoView {
        let loaded = self.load.value();
        move || {
            self.open.get().map(|e164| {
                let props = HistoryDialogProps::builder()
                    .e164(e164)
                    .entries(Signal::derive(move || loaded.get().and_then(Result::ok)))
                    .error(dialog_state::error_text(self.load))
                    .project_href(crate::paths::history(&self.project.get_untracked()))
                    .on_close(move |()| self.close())
                    .build();
                lazy_dialogs::open(lazy_dialogs::history(props))
            })
        }
    }
}
