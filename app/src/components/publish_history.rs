//! The record of publishes and promotions, newest first.

use crate::domain::PublishRecord;
use leptos::prelude::*;

/// One line per publish or promote: where, version, who, when and which variants.
#[component]
pub fn PublishHistory(records: Vec<PublishRecord>) -> impl IntoView {
    if records.is_empty() {
        return view! { <p class="empty">"Nothing has been published yet."</p> }.into_any();
    }
    view! {
        <ol class="history">
            {records
                .into_iter()
                .map(|r| {
                    let variants = if r.variants.is_empty() { "no variants".to_owned() } else { r.variants.join(", ") };
                    view! {
                        <li>
                            <strong>{format!("{} v{}", r.environment.label(), r.version)}</strong>
                            {format!(" · {} · {} · {}", variants, r.published_by, r.published_at)}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}
