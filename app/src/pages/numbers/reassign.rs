//! The Reassign variant row action: choose one of the variants published to the number's
//! environment; the dialog closes once the new variant is on screen.

use super::dialog_state::{Call, Meanwhile, StillOpen};
use super::{NumbersData, lazy_dialogs};
use crate::api::assign_variant;
use crate::components::{
    ReassignDialog, ReassignDialogProps, ReassignTarget, RowAction, RowTarget, actions_button_id,
};
use crate::domain::VariantId;
use crate::domain::live::LiveChange;
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's target, when open, what was heard about it meanwhile, and the assignments
/// under way.
#[derive(Clone, Copy)]
pub struct Reassign {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<ReassignTarget>>,
    meanwhile: Meanwhile,
    running: RwSignal<u32>,
}

impl Reassign {
    /// Closed.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        Self {
            project,
            data,
            open: RwSignal::new(None),
            meanwhile: Meanwhile::new(),
            running: RwSignal::new(0),
        }
    }

    /// The `Reassign variant` menu item (also the `Assign variant` button of unassigned rows).
    pub fn action(self) -> RowAction {
        RowAction {
            label: "Reassign variant",
            changes: true,
            needs_variants: true,
            unassigned_shortcut: Some("Assign variant"),
            run: Callback::new(move |target: RowTarget| {
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

    /// The dialog, while open (its code arrives with its chunk).
    pub fn view(self) -> impl IntoView {
        move || {
            self.open
                .get()
                .map(|target| lazy_dialogs::open(lazy_dialogs::reassign((self, target))))
        }
    }

    /// The open dialog for `target`: a successful assignment closes it (if still open) once
    /// the page shows the new variant.
    pub fn dialog(self, target: ReassignTarget) -> AnyView {
        let Self {
            project,
            data,
            meanwhile,
            running,
            ..
        } = self;
        let assign = Call::<()>::new(running);
        let still_open = StillOpen::new();
        let e164 = target.e164.clone();
        let assigning = assign.clone();
        let props = ReassignDialogProps::builder()
            .target(target)
            .variants_href(crate::paths::variants(&project.get_untracked()))
            .on_assign(move |variant: VariantId| {
                let call = assign_variant(project.get_untracked(), e164.clone(), variant.0);
                let still_open = still_open.clone();
                assigning.run(call, move |answer| {
                    let done = answer.is_ok();
                    data.reload(move || {
                        if done && still_open.get() {
                            self.close();
                        }
                    });
                });
            })
            .on_close(move |()| self.close())
            .pending(assign.busy(data))
            .error(assign.error_text())
            .changed(meanwhile.sentence())
            .build();
        ReassignDialog(props).into_any()
    }
}
