//! The table of one environment's numbers.

use super::CopyButton;
use crate::domain::{NumberRow, VariantCell};
use leptos::prelude::*;

/// Number / Source / (Assigned variant) for `rows`.
#[component]
pub fn NumbersTable(rows: Vec<NumberRow>, uses_variants: bool) -> impl IntoView {
    view! {
        <table class="numbers-table">
            <thead>
                <tr>
                    <th scope="col">"Number"</th>
                    <th scope="col">"Source"</th>
                    {uses_variants.then(|| view! { <th scope="col">"Assigned variant"</th> })}
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| view! { <NumberRowView row uses_variants/> })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// One number's row.
#[component]
fn NumberRowView(row: NumberRow, uses_variants: bool) -> impl IntoView {
    let NumberRow {
        e164,
        display,
        source,
        variant,
    } = row;
    let copy_label = format!("Copy {e164}");
    let row_id = e164.clone();
    view! {
        <tr data-e164=row_id>
            <td data-label="Number">
                <div class="cell-number">
                    <abbr class="country" title=display.country_name>{display.country}</abbr>
                    <span class="number">{display.international}</span>
                    <CopyButton value=e164 label=copy_label/>
                </div>
            </td>
            <td data-label="Source">
                <span class="badge">{source}</span>
            </td>
            {uses_variants.then(|| view! {
                <td data-label="Assigned variant"><VariantLabel cell=variant/></td>
            })}
        </tr>
    }
}

/// The Assigned variant cell's content.
#[component]
fn VariantLabel(cell: VariantCell) -> impl IntoView {
    match cell {
        VariantCell::Assigned(name) => view! { <span class="variant">{name}</span> }.into_any(),
        VariantCell::Unassigned => {
            view! { <span class="variant variant--none">"Unassigned"</span> }.into_any()
        }
        VariantCell::Deleted(name) => view! {
            <span class="variant variant--deleted">
                {name}
                <span class="tag tag--warning">"deleted"</span>
            </span>
        }
        .into_any(),
    }
}
