//! The History dialog of one number.

use super::{HistoryList, Modal};
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
            return view! { <p class="alert alert--error" role="alert">{message}</p> }.into_any();
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
                <div class="modal__actions">
                    <a class="button button--link" href=project_href>"Project history"</a>
                    <button type="button" class="button button--secondary" on:click=move |_| on_close.run(())>"Close"</button>
                </div>
            </div>
        </Modal>
    }
}
