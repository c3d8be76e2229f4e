//! The Delete number row action, and Undo and Retry release on the deleted numbers above the
//! sections; one line says what the latest of them did.

use super::{NumbersData, dialog_state, lazy_dialogs};
use crate::api::{DeleteNumber as Delete, RetryRelease, UndoDelete};
use crate::components::{
    DeleteDialogProps, DeleteTarget, ErrorAlert, RowAction, RowTarget, actions_button_id,
    add_button_id, undo_button_id,
};
use crate::domain::DeleteOutcome;
use crate::domain::live::LiveChange;
use crate::error::AppError;
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's target (when open), the delete, undo and retry actions, and the latest outcome.
#[derive(Clone, Copy)]
pub struct DeleteNumber {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<DeleteTarget>>,
    delete: ServerAction<Delete>,
    undo: ServerAction<UndoDelete>,
    retry: ServerAction<RetryRelease>,
    /// What the latest delete, undo or retry did: the newest answer wins.
    outcome: RwSignal<Option<Result<String, AppError>>>,
    meanwhile: dialog_state::Meanwhile,
}

impl DeleteNumber {
    /// Closed; after each delete, undo or retry the page reloads. A successful delete closes
    /// the dialog once its row is gone, focusing its Undo button (or the section).
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        let this = Self {
            project,
            data,
            open: RwSignal::new(None),
            delete: ServerAction::new(),
            undo: ServerAction::new(),
            retry: ServerAction::new(),
            outcome: RwSignal::new(None),
            meanwhile: dialog_state::Meanwhile::new(),
        };
        Effect::new(move |previous: Option<usize>| {
            let done = this.delete.version().get()
                + this.undo.version().get()
                + this.retry.version().get();
            if previous.is_some_and(|p| p != done) {
                data.reload(move || this.settle());
            }
            done
        });
        let say = move |result: Option<Result<String, AppError>>| {
            if result.is_some() {
                this.outcome.set(result);
            }
        };
        Effect::new(move |_| {
            match this.delete.value().get() {
            Some(Ok(DeleteOutcome::Disconnected)) => say(Some(Ok(
                "The number was disconnected. It stays in your Twilio account.".into(),
            ))),
            Some(Ok(DeleteOutcome::DisconnectChecking)) => say(Some(Ok(
                "Twilio did not answer in time, so we are checking that the number's own voice URL is back; the page shows when it is done. The number stays in your Twilio account.".into(),
            ))),
            _ => {}
        }
        });
        Effect::new(move |_| {
            say(this.undo.value().get().map(|result| {
                result.map(|()| "The number is back, with its environment and variant.".into())
            }))
        });
        Effect::new(move |_| {
            say(this
                .retry
                .value()
                .get()
                .map(|result| result.map(|()| "The number was released to the provider.".into())))
        });
        this
    }

    fn settle(self) {
        if let Some(Ok(outcome)) = self.delete.value().get_untracked()
            && let Some(target) = self.open.get_untracked()
        {
            // The row is gone: focus goes to its Undo button, or to the section.
            self.open.set(None);
            focus_soon(match outcome {
                DeleteOutcome::ReleasePending { .. } => undo_button_id(&target.e164),
                DeleteOutcome::Disconnected | DeleteOutcome::DisconnectChecking => {
                    add_button_id(target.environment)
                }
            });
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
                self.delete.value().set(None);
                self.meanwhile.clear();
                self.open.set(Some(DeleteTarget::from(&target)));
            }),
        }
    }

    /// Restores a deleted number (its E.164 form).
    pub fn undo(self) -> Callback<String> {
        Callback::new(move |e164| {
            self.undo.dispatch(UndoDelete {
                project: self.project.get_untracked(),
                e164,
            });
        })
    }

    /// Retries a failed release (its E.164 form).
    pub fn retry(self) -> Callback<String> {
        Callback::new(move |e164| {
            self.retry.dispatch(RetryRelease {
                project: self.project.get_untracked(),
                e164,
            });
        })
    }

    /// Whether an undo, a retry or the reload after one is under way.
    pub fn busy(self) -> Signal<bool> {
        Signal::derive(move || {
            self.undo.pending().get() || self.retry.pending().get() || self.data.reloading().get()
        })
    }

    /// The latest outcome line.
    pub fn outcome(self) -> impl IntoView {
        move || {
            self.outcome.get().map(|result| match result {
                Ok(text) => view! { <p class="flash" role="status">{text}</p> }.into_any(),
                Err(err) => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
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

    /// The dialog, while open.
    pub fn view(self) -> impl IntoView {
        let Self {
            project,
            data,
            open,
            delete,
            meanwhile,
            ..
        } = self;
        move || {
            open.get().map(|target| {
                let e164 = target.e164.clone();
                let undo_window = data.current().map(|p| p.undo_window).unwrap_or_default();
                let props = DeleteDialogProps::builder()
                    .target(target)
                    .undo_window(undo_window)
                    .on_delete(move |confirm_digits: String| {
                        delete.dispatch(Delete {
                            project: project.get_untracked(),
                            e164: e164.clone(),
                            confirm_digits,
                        });
                    })
                    .on_close(move |()| self.close())
                    .pending(dialog_state::busy(delete, data))
                    .error(dialog_state::error_text(delete))
                    .changed(meanwhile.sentence())
                    .build();
                lazy_dialogs::open(lazy_dialogs::delete(props))
            })
        }
    }
}
