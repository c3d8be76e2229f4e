//! The History row action: every change to the number, newest first.

use super::dialog_state::Call;
use super::lazy_dialogs;
use crate::api::number_history;
use crate::components::{
    HistoryDialog, HistoryDialogProps, RowAction, RowTarget, actions_button_id,
};
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's number (E.164), when open.
#[derive(Clone, Copy)]
pub struct NumberHistory {
    project: Memo<String>,
    open: RwSignal<Option<String>>,
}

impl NumberHistory {
    /// Closed.
    pub fn new(project: Memo<String>) -> Self {
        Self {
            project,
            open: RwSignal::new(None),
        }
    }

    /// The `History` menu item: opens the dialog, which loads the entries.
    pub fn action(self) -> RowAction {
        RowAction {
            label: "History",
            changes: false,
            needs_variants: false,
            unassigned_shortcut: None,
            run: Callback::new(move |target: RowTarget| {
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
                .map(|e164| lazy_dialogs::open(lazy_dialogs::history((self, e164))))
        }
    }

    /// The open dialog for `e164`, loading its entries.
    pub fn dialog(self, e164: String) -> AnyView {
        let project = self.project.get_untracked();
        let load = Call::new(RwSignal::new(0));
        load.run(number_history(project.clone(), e164.clone()), |_| {});
        let props = HistoryDialogProps::builder()
            .e164(e164)
            .entries(load.value())
            .error(load.error_text())
            .project_href(crate::paths::history(&project))
            .on_close(move |()| self.close())
            .build();
        HistoryDialog(props).into_any()
    }
}
