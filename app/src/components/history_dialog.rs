//! The History dialog of one number.

use super::{DialogButtons, ErrorAlert, HistoryList, Modal};
use crate::domain::HistoryEntry;
use leptos::prelude::*;

/// Shows `entries` of `e164` (`None` while loading) or `error`; `project_href` links to the
/// project-wide history.
#[component]
pub fn HistoryDialog(
    #[prop(into)] e164: String,
    #[prop(into)] entries: Signal<Option<Vec<HistoryEntry>>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] project_href: String,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let body = move || {
        if let Some(message) = error.get() {
            return view! { <ErrorAlert message in_dialog=true/> }.into_any();
        }
        match entries.get() {
            None => view! { <p class="loading" aria-busy="true">"Loading history…"</p> }.into_any(),
            Some(entries) => view! { <HistoryList entries/> }.into_any(),
        }
    };
    view! {
        <Modal title=format!("History of {e164}") on_close>
            <div class="modal__body modal__body--wide">
                <p>"Every change to this number, newest first."</p>
                {body}
                <DialogButtons
                    cancel="Close"
                    on_cancel=on_close
                    leading=view! { <a class="button button--link" href=project_href>"Project history"</a> }.into_any()
                />
            </div>
        </Modal>
    }
}
