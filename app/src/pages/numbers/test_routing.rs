//! The Test routing row action: where a call to the number goes now, and its latest calls.

use super::dialog_state::Call;
use super::lazy_dialogs;
use crate::api::test_routing;
use crate::components::{RoutingDialog, RoutingDialogProps, RowAction, actions_button_id};
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's number (E.164), when open.
#[derive(Clone, Copy)]
pub struct TestRouting {
    project: Memo<String>,
    open: RwSignal<Option<String>>,
}

impl TestRouting {
    /// Closed.
    pub fn new(project: Memo<String>) -> Self {
        Self {
            project,
            open: RwSignal::new(None),
        }
    }

    /// The `Test routing` menu item: opens the dialog, which loads the preview.
    pub fn action(self) -> RowAction {
        RowAction {
            label: "Test routing",
            changes: false,
            needs_variants: false,
            unassigned_shortcut: None,
            run: Callback::new(move |target: crate::components::RowTarget| {
                self.open.set(Some(target.row.e164));
            }),
        }
    }

    fn close(self) {
        if let Some(e164) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(actions_button_id(&e164));
        }
    }

    /// The dialog, while open (its code arrives with its chunk).
    pub fn view(self) -> impl IntoView {
        move || {
            self.open
                .get()
                .map(|e164| lazy_dialogs::open(lazy_dialogs::routing((self, e164))))
        }
    }

    /// The open dialog for `e164`, loading its preview.
    pub fn dialog(self, e164: String) -> AnyView {
        let load = Call::new(RwSignal::new(0));
        load.run(
            test_routing(self.project.get_untracked(), e164.clone()),
            |_| {},
        );
        let props = RoutingDialogProps::builder()
            .e164(e164)
            .preview(load.value())
            .error(load.error_text())
            .on_close(move |()| self.close())
            .build();
        RoutingDialog(props).into_any()
    }
}
