//! The Promote to Live confirmation: Live serves production traffic.

use super::{DialogButtons, Modal, SubmitButton};
use leptos::prelude::*;

/// Confirms promoting Pre-release to Live.
#[component]
pub fn PromoteLiveDialog(
    #[prop(into)] on_promote: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    view! {
        <Modal title="Promote to Live" alert=true on_close>
            <form
                class="modal__body"
                on:submit=move |ev| {
                    ev.prevent_default();
                    on_promote.run(());
                }
            >
                <p>"Live serves production traffic. Promoting copies Pre-release's variants to Live, and calls to Live numbers use them at once."</p>
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton label="Promote"/>
                </DialogButtons>
            </form>
        </Modal>
    }
}
