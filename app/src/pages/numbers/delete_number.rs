//! The Delete number row action, and Undo and Retry release on the deleted numbers above the
//! sections; one line says what the latest of them did.

use super::NumbersData;
use super::dialog_state::{Call, Meanwhile, StillOpen};
use super::lazy_dialogs::{self, ChunkUnavailable};
use crate::api::delete_number;
use crate::components::{
    DeleteDialog, DeleteDialogProps, DeleteTarget, ErrorAlert, RowAction, RowTarget,
    actions_button_id, add_button_id, retry_button_id, toggle_button_id, undo_button_id,
};
use crate::domain::live::LiveChange;
use crate::domain::{DeleteOutcome, Environment, PageBody};
use crate::pages::focus::{focus_first_soon, focus_soon};
use leptos::prelude::*;

/// What a button on a deleted number asks for.
#[derive(Clone, Copy)]
pub enum Restore {
    /// Undo the deletion.
    Undo,
    /// Retry a release the provider refused.
    Retry,
}

/// The dialog's target (when open), deletions, undos and retries under way, and the latest
/// outcome.
#[derive(Clone, Copy)]
pub struct DeleteNumber {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<DeleteTarget>>,
    /// Deletions under way.
    deleting: RwSignal<u32>,
    /// Undos and retries under way.
    restoring: RwSignal<u32>,
    /// What the latest delete, undo or retry did: the newest answer wins.
    /// (Its error as the page says it.)
    outcome: RwSignal<Option<Result<String, String>>>,
    meanwhile: Meanwhile,
}

impl DeleteNumber {
    /// Closed; after each delete, undo or retry the page reloads. A successful delete closes
    /// the dialog once its row is gone, focusing its Undo button (or the section).
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        Self {
            project,
            data,
            open: RwSignal::new(None),
            deleting: RwSignal::new(0),
            restoring: RwSignal::new(0),
            outcome: RwSignal::new(None),
            meanwhile: Meanwhile::new(),
        }
    }

    /// The `Delete number` menu item.
    pub fn action(self) -> RowAction {
        RowAction {
            label: "Delete number",
            changes: true,
            needs_variants: false,
            unassigned_shortcut: None,
            run: Callback::new(move |target: RowTarget| {
                self.meanwhile.clear();
                self.open.set(Some(DeleteTarget::from(&target)));
            }),
        }
    }

    /// Restores a deleted number (its E.164 form); the code arrives with the dialogs' chunks.
    pub fn undo(self) -> Callback<String> {
        Callback::new(move |e164| self.start_restore(e164, Restore::Undo))
    }

    /// Retries a failed release (its E.164 form).
    pub fn retry(self) -> Callback<String> {
        Callback::new(move |e164| self.start_restore(e164, Restore::Retry))
    }

    /// Runs an undo or a retry of the project in view (busy from the click; the call is made
    /// from its chunk), says what it did, then reloads the page. Focus, lost when the button
    /// went, goes to the number's row after an undo (or its button again after a failure),
    /// else to its section's heading.
    fn start_restore(self, e164: String, what: Restore) {
        let Self {
            project,
            data,
            restoring,
            outcome,
            ..
        } = self;
        let project = project.get_untracked();
        let section = toggle_button_id(deleted_in(data, &e164));
        restoring.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let said = match lazy_dialogs::restore((what, project, e164.clone())).await {
                Ok(call) => call.await.map_err(|e| e.to_string()).map(|()| match what {
                    Restore::Undo => "The number is back, with its environment and variant.",
                    Restore::Retry => "The number was released to the provider.",
                }),
                Err(ChunkUnavailable) => Err(ChunkUnavailable::SENTENCE.to_owned()),
            };
            restoring.update(|n| *n = n.saturating_sub(1));
            let focus = match (what, said.is_ok()) {
                (Restore::Undo, true) => vec![actions_button_id(&e164), section],
                (Restore::Undo, false) => vec![undo_button_id(&e164), section],
                (Restore::Retry, true) => vec![section],
                (Restore::Retry, false) => vec![retry_button_id(&e164), section],
            };
            outcome.set(Some(said.map(str::to_owned)));
            data.reload(move || focus_first_soon(focus));
        });
    }

    /// Whether an undo, a retry or the reload after one is under way.
    pub fn busy(self) -> Signal<bool> {
        Signal::derive(move || self.restoring.get() > 0 || self.data.reloading().get())
    }

    /// The latest outcome line.
    pub fn outcome(self) -> impl IntoView {
        move || {
            self.outcome.get().map(|result| match result {
                Ok(text) => view! { <p class="flash" role="status">{text}</p> }.into_any(),
                Err(message) => view! { <ErrorAlert message/> }.into_any(),
            })
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
                .map(|target| lazy_dialogs::open(lazy_dialogs::delete((self, target))))
        }
    }

    /// The open dialog for `target`. A disconnection says so in the outcome line; a success
    /// closes the dialog (if still open) once the row is gone, focusing its Undo button (or
    /// the section).
    pub fn dialog(self, target: DeleteTarget) -> AnyView {
        let Self {
            project,
            data,
            open,
            deleting,
            outcome,
            meanwhile,
            ..
        } = self;
        let delete = Call::<DeleteOutcome>::new(deleting);
        let still_open = StillOpen::new();
        let deleting = delete.clone();
        let e164 = target.e164.clone();
        let international = target.international.clone();
        let undo_window = data.current().map(|p| p.undo_window).unwrap_or_default();
        let props = DeleteDialogProps::builder()
            .target(target)
            .undo_window(undo_window)
            .on_delete(move |confirm_digits: String| {
                let call = delete_number(project.get_untracked(), e164.clone(), confirm_digits);
                let still_open = still_open.clone();
                let international = international.clone();
                deleting.run(call, move |answer| {
                    // The dialog that would show why is gone: the page says it instead.
                    if let Err(err) = answer
                        && !still_open.get()
                    {
                        outcome.set(Some(Err(format!("{international} was not deleted. {err}"))));
                    }
                    let said = match answer {
                        Ok(DeleteOutcome::Disconnected) => Some(
                            "The number was disconnected. It stays in your Twilio account.",
                        ),
                        Ok(DeleteOutcome::DisconnectChecking) => Some(
                            "Twilio did not answer in time, so we are checking that the number's own voice URL is back; the page shows when it is done. The number stays in your Twilio account.",
                        ),
                        _ => None,
                    };
                    if let Some(said) = said {
                        outcome.set(Some(Ok(said.to_owned())));
                    }
                    let deleted = answer.as_ref().ok().cloned();
                    data.reload(move || {
                        if let Some(deleted) = deleted
                            && still_open.get()
                            && let Some(target) = open.get_untracked()
                        {
                            // The row is gone: focus goes to its Undo button, or the section.
                            open.set(None);
                            focus_soon(match deleted {
                                DeleteOutcome::ReleasePending { .. } => {
                                    undo_button_id(&target.e164)
                                }
                                DeleteOutcome::Disconnected | DeleteOutcome::DisconnectChecking => {
                                    add_button_id(target.environment)
                                }
                            });
                        }
                    });
                });
            })
            .on_close(move |()| self.close())
            .pending(delete.busy(data))
            .error(delete.error_text())
            .changed(meanwhile.sentence())
            .build();
        DeleteDialog(props).into_any()
    }
}

/// The section of the deleted number `e164` as the page shows it (Sandbox if it is not there).
fn deleted_in(data: NumbersData, e164: &str) -> Environment {
    data.current()
        .and_then(|page| match page.body {
            PageBody::Sections { deletions, .. } => deletions
                .into_iter()
                .find(|d| d.e164 == e164)
                .map(|d| d.environment),
            PageBody::NoIntegration => None,
        })
        .unwrap_or(Environment::Sandbox)
}
