//! The Reassign variant row action: choose one of the variants published to the number's
//! environment; the dialog closes once the new variant is on screen.

use super::{NumbersData, dialog_state, lazy_dialogs};
use crate::api::AssignVariant;
use crate::components::{
    ReassignDialogProps, ReassignTarget, RowAction, RowTarget, actions_button_id,
};
use crate::domain::VariantId;
use crate::domain::live::LiveChange;
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's target (when open) and its assignment.
#[derive(Clone, Copy)]
pub struct Reassign {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<ReassignTarget>>,
    assign: ServerAction<AssignVariant>,
    meanwhile: dialog_state::Meanwhile,
}

impl Reassign {
    /// Closed; after each assignment the page reloads, and a successful one closes the dialog.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        let this = Self {
            project,
            data,
            open: RwSignal::new(None),
            assign: ServerAction::new(),
            meanwhile: dialog_state::Meanwhile::new(),
        };
        Effect::new(move |previous: Option<usize>| {
            let done = this.assign.version().get();
            if previous.is_some_and(|p| p != done) {
                data.reload(move || {
                    if let Some(Ok(())) = this.assign.value().get_untracked() {
                        this.close();
                    }
                });
            }
            done
        });
        this
    }

    /// The `Reassign variant` menu item (also the `Assign variant` button of unassigned rows).
    pub fn action(self) -> RowAction {
        RowAction {
            label: "Reassign variant",
            changes: true,
            needs_variants: true,
            unassigned_shortcut: Some("Assign variant"),
            run: Callback::new(move |target: RowTarget| {
                self.assign.value().set(None);
                self.meanwhile.clear();
                self.open.set(Some(ReassignTarget::from(&target)));
            }),
        }
    }

    /// Hears a live change: the open dialog says so if it is to its number.
    pub fn hear(self, change: &LiveChange) {
        let open = self
            .open
            .with_untracked(|t| t.as_ref().map(|t| t.e164.clone()));
        self.meanwhile.hear(change, open.as_deref());
    }

    fn close(self) {
        if let Some(target) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(actions_button_id(&target.e164));
        }
    }

    /// The dialog, while open.
    pub fn view(self) -> impl IntoView {
        let Self {
            project,
            data,
            open,
            assign,
            meanwhile,
        } = self;
        move || {
            open.get().map(|target| {
                let e164 = target.e164.clone();
                let props = ReassignDialogProps::builder()
                    .target(target)
                    .variants_href(crate::paths::variants(&project.get_untracked()))
                    .on_assign(move |variant: VariantId| {
                        assign.dispatch(AssignVariant {
                            project: project.get_untracked(),
                            e164: e164.clone(),
                            variant: variant.0,
                        });
                    })
                    .on_close(move |()| self.close())
                    .pending(dialog_state::busy(assign, data))
                    .error(dialog_state::error_text(assign))
                    .changed(meanwhile.sentence())
                    .build();
                lazy_dialogs::open(lazy_dialogs::reassign(props))
            })
        }
    }
}
