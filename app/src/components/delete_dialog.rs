//! The Delete number confirmation: says whether the number is released or disconnected,
//! warns for Live numbers and asks for their last four digits.

use super::{
    ChangedMeanwhile, DialogButtons, Emphasis, ErrorAlert, Modal, RowTarget, SubmitButton,
};
use crate::domain::{DeleteAction, DeletePlan, Environment};
use leptos::prelude::*;

/// The number a Delete number dialog is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteTarget {
    /// E.164 form.
    pub e164: String,
    /// Readable international grouping.
    pub international: String,
    /// The environment it serves.
    pub environment: Environment,
    /// Its Source column text (`PolyAI`, `Twilio`).
    pub source: String,
    /// What deleting it does and asks for.
    pub plan: DeletePlan,
}

impl From<&RowTarget> for DeleteTarget {
    fn from(target: &RowTarget) -> Self {
        Self {
            e164: target.row.e164.clone(),
            international: target.row.display.international.clone(),
            environment: target.environment,
            source: target.row.source.clone(),
            plan: target.row.delete_plan.clone(),
        }
    }
}

/// Confirms deleting `target`; `undo_window` (e.g. `10 minutes`) is how long a release can be
/// undone. `on_delete` receives the typed digits (empty when none are asked for).
#[component]
pub fn DeleteDialog(
    target: DeleteTarget,
    #[prop(into)] undo_window: String,
    #[prop(into)] on_delete: Callback<String>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Someone else's change to the number since the dialog opened (live updates).
    #[prop(optional, into)]
    changed: Signal<Option<String>>,
) -> impl IntoView {
    let DeleteTarget {
        e164,
        international,
        environment,
        source,
        plan,
    } = target;
    let typed = RwSignal::new(String::new());
    let digits_id = super::scoped_id("delete-digits");
    let hint_id = super::scoped_id("delete-digits-hint");
    let check = plan.clone();
    let confirmed =
        Signal::derive(move || check.confirmed_by(&typed.get()) && changed.with(Option::is_none));
    let consequence = match plan.action {
        DeleteAction::Release => format!(
            "It will be released back to the provider ({source}): calls to it stop reaching the \
             agent, billing stops, and the number may later go to someone else. You can undo \
             this for {undo_window}."
        ),
        DeleteAction::Disconnect => "It will be disconnected: calls to it stop coming to this \
             project and its voice URL is set back to what it was. The number stays in your \
             Twilio account."
            .to_owned(),
    };
    let live_warning = plan.live_warning.then(|| {
        view! {
            <p class="alert alert--warning">
                <strong>"This is a Live number."</strong>
                " Calls to it stop reaching the agent immediately."
            </p>
        }
    });
    let digits_field = plan.confirm_digits.clone().map(|digits| {
        view! {
            <div class="field">
                <label for=digits_id.clone()>"Last four digits"</label>
                <input
                    id=digits_id
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="4"
                    aria-describedby=hint_id.clone()
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <p class="field__hint" id=hint_id>
                    {format!("Type {digits} to confirm.")}
                </p>
            </div>
        }
    });
    view! {
        <Modal title="Delete number" alert=true on_close>
            <form
                class="modal__body"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if confirmed.get_untracked() && !pending.get_untracked() {
                        on_delete.run(typed.get_untracked());
                    }
                }
            >
                <p>
                    "Delete "
                    <strong class="number" data-e164=e164>{international}</strong>
                    {format!(" from {}?", environment.label())}
                </p>
                <p>{consequence}</p>
                {live_warning}
                {digits_field}
                <ChangedMeanwhile sentence=changed/>
                {move || error.get().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton
                        label="Delete number"
                        emphasis=Emphasis::Danger
                        pending
                        disabled=Signal::derive(move || !confirmed.get())
                    />
                </DialogButtons>
            </form>
        </Modal>
    }
}
