//! The Delete variant confirmation: what deleting a draft variant does to its numbers.

use super::{DialogButtons, Emphasis, Modal, SubmitButton};
use leptos::prelude::*;

/// Confirms deleting the draft variant `name`; `count` numbers are still assigned to it, which
/// keep routing to it until reassigned; `numbers` names the first few of them.
#[component]
pub fn DeleteVariantDialog(
    #[prop(into)] name: String,
    count: u64,
    numbers: Vec<String>,
    #[prop(into)] on_delete: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let more = count.saturating_sub(numbers.len() as u64);
    let numbers = match (count, more) {
        (0, _) => "No numbers are assigned to it.".to_owned(),
        (_, 0) => format!(
            "These numbers are still assigned to it and keep routing to it until you reassign them: {}.",
            numbers.join(", ")
        ),
        _ => format!(
            "{} numbers are still assigned to it and keep routing to it until you reassign them: {} and {} more.",
            crate::domain::numbers_view::grouped(count),
            numbers.join(", "),
            crate::domain::numbers_view::grouped(more)
        ),
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
