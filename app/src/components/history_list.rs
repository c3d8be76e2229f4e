//! Audit log entries: what changed, before and after, who and when.

use crate::domain::HistoryEntry;
use leptos::prelude::*;

/// `entries` (newest first) as a table; `show_number` adds a Number column (project history).
#[component]
pub fn HistoryList(
    entries: Vec<HistoryEntry>,
    #[prop(optional)] show_number: bool,
) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="empty">"No changes recorded yet."</p> }.into_any();
    }
    view! {
        <table class="history-table">
            <thead>
                <tr>
                    <th scope="col">"When"</th>
                    {show_number.then(|| view! { <th scope="col">"Number"</th> })}
                    <th scope="col">"Change"</th>
                    <th scope="col">"Before"</th>
                    <th scope="col">"After"</th>
                    <th scope="col">"By"</th>
                </tr>
            </thead>
            <tbody>
                {entries
                    .into_iter()
                    .map(|entry| {
                        let none = || "—".to_owned();
                        view! {
                            <tr>
                                <td data-label="When"><time>{entry.at}</time></td>
                                {show_number.then(|| view! { <td data-label="Number">{entry.e164.clone()}</td> })}
                                <td data-label="Change">{entry.kind.label()}</td>
                                <td data-label="Before">{entry.before.unwrap_or_else(none)}</td>
                                <td data-label="After">{entry.after.unwrap_or_else(none)}</td>
                                <td data-label="By">{entry.actor}</td>
                            </tr>
                        }
                        .into_any()
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
