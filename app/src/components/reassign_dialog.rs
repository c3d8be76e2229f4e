//! The Reassign variant dialog: pick one of the variants published to the number's environment.

use super::{ChangedMeanwhile, DialogButtons, ErrorAlert, Modal, RowTarget, SubmitButton};
use crate::domain::{Environment, Variant, VariantId};
use leptos::prelude::*;

/// What the dialog is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReassignTarget {
    /// The number, E.164.
    pub e164: String,
    /// Its environment.
    pub environment: Environment,
    /// Variants published there.
    pub options: Vec<Variant>,
    /// Its current variant.
    pub current: Option<VariantId>,
}

impl From<&RowTarget> for ReassignTarget {
    fn from(target: &RowTarget) -> Self {
        Self {
            e164: target.row.e164.clone(),
            environment: target.environment,
            options: target.assignable.clone(),
            current: target.row.variant_id,
        }
    }
}

/// Offers `target.options`; with none, says to publish first and links to `variants_href`.
#[component]
pub fn ReassignDialog(
    target: ReassignTarget,
    #[prop(into)] variants_href: String,
    #[prop(into)] on_assign: Callback<VariantId>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Someone else's change to the number since the dialog opened (live updates).
    #[prop(optional, into)]
    changed: Signal<Option<String>>,
) -> impl IntoView {
    let ReassignTarget {
        e164,
        environment,
        options,
        current,
    } = target;
    let initial = current
        .filter(|c| options.iter().any(|o| o.id == *c))
        .or_else(|| options.first().map(|o| o.id));
    let selected = RwSignal::new(initial);
    let select_id = super::scoped_id("reassign-variant");
    let has_options = !options.is_empty();
    let body = if has_options {
        view! {
            <div class="field">
                <label for=select_id.clone()>"Variant"</label>
                <select
                    id=select_id
                    on:change=move |ev| {
                        selected.set(event_target_value(&ev).parse().ok().map(VariantId));
                    }
                >
                    {options
                        .into_iter()
                        .map(|o| {
                            let is_selected = Some(o.id) == initial;
                            view! { <option value=o.id.0.to_string() selected=is_selected>{o.name}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="field__hint">{format!("Only variants published to {} can be assigned.", environment.label())}</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="notice" role="status">
                {format!("No variants are published to {} yet. Publish the project first, then assign a variant. ", environment.label())}
                <a href=variants_href>"Go to Variants"</a>
            </p>
        }
        .into_any()
    };
    view! {
        <Modal title="Reassign variant" on_close>
            <form
                class="modal__body"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if let (Some(id), None) = (selected.get_untracked(), changed.get_untracked()) {
                        on_assign.run(id);
                    }
                }
            >
                <p>
                    "Choose the variant that answers calls to "
                    <strong class="number">{e164}</strong>
                    {format!(" in {}.", environment.label())}
                </p>
                {body}
                <ChangedMeanwhile sentence=changed/>
                {move || error.get().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton
                        label=Signal::derive(move || if pending.get() { "Assigning…" } else { "Assign" })
                        pending
                        disabled=Signal::derive(move || !has_options || changed.with(Option::is_some))
                    />
                </DialogButtons>
            </form>
        </Modal>
    }
}
