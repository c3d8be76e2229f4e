//! The Test routing row action: where a call to the number goes now, and its latest calls.

use super::{dialog_state, lazy_dialogs};
use crate::api::TestRouting as Preview;
use crate::components::{RoutingDialogProps, RowAction, actions_button_id};
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's number (when open) and the preview loading for it.
#[derive(Clone, Copy)]
pub struct TestRouting {
    project: Memo<String>,
    open: RwSignal<Option<String>>,
    load: ServerAction<Preview>,
}

impl TestRouting {
    /// Closed.
    pub fn new(project: Memo<String>) -> Self {
        Self {
            project,
            open: RwSignal::new(None),
            load: ServerAction::new(),
        }
    }

    /// The `Test routing` menu item: opens the dialog and loads the preview.
    pub fn action(self) -> RowAction {
        RowAction {
            label: "Test routing",
            changes: false,
            needs_variants: false,
            unassigned_shortcut: None,
            run: Callback::new(move |target: crate::components::RowTarget| {
                let e164 = target.row.e164;
                self.load.value().set(None);
                self.open.set(Some(e164.clone()));
                self.load.dispatch(Preview {
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
                let props = RoutingDialogProps::builder()
                    .e164(e164)
                    .preview(Signal::derive(move || loaded.get().and_then(Result::ok)))
                    .error(dialog_state::error_text(self.load))
                    .on_close(move |()| self.close())
                    .build();
                lazy_dialogs::open(lazy_dialogs::routing(props))
            })
        }
    }
}
