//! The Delete variant confirmation: what deleting a draft variant does to its numbers.

use super::{DialogButtons, Emphasis, Modal, SubmitButton};
use leptos::prelude::*;

/// Confirms deleting the draft variant `name`; `numbers` are those still assigned to it
/// (display form), which keep routing to it until reassigned.
#[component]
pub fn DeleteVariantDialog(
    #[prop(into)] name: String,
    numbers: Vec<String>,
    #[prop(into)] on_delete: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let numbers = if numbers.is_empty() {
        "No numbers are assigned to it.".to_owned()
    } else {
        format!(
            "These numbers are still assigned to it and keep routing to it until you reassign them: {}.",
            numbers.join(", ")
        )
    };
    view! {
        <Modal title="Delete variant" alert=true on_close>
            <form
                class="modal__body"
                on:submit=move |ev| {
                    ev.prevent_default();
                    on_delete.run(());
                }
            >
                <p>{format!("Delete {name} from the draft? Published versions keep it until you publish again.")}</p>
                <p>{numbers}</p>
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton label="Delete variant" emphasis=Emphasis::Danger/>
                </DialogButtons>
            </form>
        </Modal>
    }
}
