//! Deleted numbers not yet released: Undo while the window is open, Retry when a release failed.

use crate::domain::{DeletionNotice, DeletionStatus};
use leptos::prelude::*;

/// The id of a deleted number's Undo button, so focus can go there after the delete.
pub fn undo_button_id(e164: &str) -> String {
    format!("undo-{}", e164.trim_start_matches('+'))
}

/// The id of a deleted number's Retry release button.
pub fn retry_button_id(e164: &str) -> String {
    format!("retry-{}", e164.trim_start_matches('+'))
}

/// One `status` per deleted number; `on_undo` / `on_retry` receive its E.164 form.
/// Without callbacks the notices are read-only.
#[component]
pub fn DeletionList(
    deletions: Vec<DeletionNotice>,
    #[prop(optional_no_strip)] on_undo: Option<Callback<String>>,
    #[prop(optional_no_strip)] on_retry: Option<Callback<String>>,
    #[prop(optional, into)] busy: Signal<bool>,
) -> impl IntoView {
    (!deletions.is_empty()).then(|| {
        view! {
            <div class="deletions">
                {deletions
                    .into_iter()
                    .map(|notice| view! { <DeletionItem notice on_undo on_retry busy/> }.into_any())
                    .collect_view()}
            </div>
        }
    })
}

/// One deleted number's notice.
#[component]
fn DeletionItem(
    notice: DeletionNotice,
    on_undo: Option<Callback<String>>,
    on_retry: Option<Callback<String>>,
    busy: Signal<bool>,
) -> impl IntoView {
    let DeletionNotice {
        e164,
        international,
        environment,
        status,
    } = notice;
    let number = format!("{international} ({})", environment.label());
    let (class, text, action) = match status {
        DeletionStatus::Pending { until } => (
            "deletion",
            format!(
                "{number} was deleted. It will be released to the provider at {until} unless you undo."
            ),
            on_undo.map(|run| ("Undo", run, undo_button_id(&e164))),
        ),
        DeletionStatus::Releasing => (
            "deletion",
            format!("{number} was deleted and is being released to the provider now."),
            None,
        ),
        DeletionStatus::Failed { reason } => (
            "deletion deletion--failed",
            format!(
                "Releasing {number} failed: {reason}. The number is kept (and still billed) until the release succeeds."
            ),
            on_retry.map(|run| ("Retry release", run, retry_button_id(&e164))),
        ),
    };
    let text_id = super::scoped_id(&format!("deletion-{}", e164.trim_start_matches('+')));
    let row_e164 = e164.clone();
    view! {
        <div class=class role="status" data-e164=row_e164>
            <p id=text_id.clone()>{text}</p>
            {action.map(|(label, run, id)| view! {
                <button
                    type="button"
                    id=super::scoped_id(&id)
                    class="button button--secondary"
                    aria-describedby=text_id
                    disabled=move || busy.get()
                    on:click=move |_| run.run(e164.clone())
                >
                    {label}
                </button>
            })}
        </div>
    }
}
