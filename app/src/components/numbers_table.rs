//! The table of one environment's numbers.

use super::{ActionsMenu, CopyButton, DeleteTarget, MenuItem, ReassignTarget, RowActions};
use crate::domain::{Environment, NumberRow, Variant, VariantCell};
use leptos::prelude::*;

/// The id of a row's actions button, so dialogs can return focus to it.
pub fn actions_button_id(e164: &str) -> String {
    format!("actions-{}", e164.trim_start_matches('+'))
}

/// Number / Source / (Assigned variant) for `rows` of `environment`.
///
/// With `actions`, each row gets an actions menu; Reassign variant (only when variants are in
/// use) offers `assignable`.
#[component]
pub fn NumbersTable(
    rows: Vec<NumberRow>,
    uses_variants: bool,
    environment: Environment,
    #[prop(optional)] assignable: Vec<Variant>,
    #[prop(optional)] actions: RowActions,
) -> impl IntoView {
    let actions = RowActions {
        reassign: actions.reassign.filter(|_| uses_variants),
        ..actions
    };
    let has_actions = actions.any();
    view! {
        <table class="numbers-table">
            <thead>
                <tr>
                    <th scope="col">"Number"</th>
                    <th scope="col">"Source"</th>
                    {uses_variants.then(|| view! { <th scope="col">"Assigned variant"</th> })}
                    {has_actions.then(|| view! { <td class="cell-actions"></td> })}
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let (items, reassign) = menu_items(&row, environment, &assignable, actions);
                        // Erased: the full row type is too deep for release builds.
                        view! { <NumberRowView row uses_variants items reassign/> }.into_any()
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The actions menu of `row`, in menu order, bound to that row, and its reassign action alone
/// (also offered as the row's Assign variant button).
fn menu_items(
    row: &NumberRow,
    environment: Environment,
    assignable: &[Variant],
    actions: RowActions,
) -> (Vec<MenuItem>, Option<Callback<()>>) {
    let reassign = actions.reassign.map(|callback| {
        let target = ReassignTarget {
            e164: row.e164.clone(),
            environment,
            options: assignable.to_vec(),
            current: row.variant_id,
        };
        Callback::new(move |()| callback.run(target.clone()))
    });
    let for_number = |callback: Option<Callback<String>>| {
        let e164 = row.e164.clone();
        callback.map(|callback| Callback::new(move |()| callback.run(e164.clone())))
    };
    let delete = actions.delete.map(|callback| {
        let target = DeleteTarget {
            e164: row.e164.clone(),
            international: row.display.international.clone(),
            environment,
            source: row.source.clone(),
            plan: row.delete_plan.clone(),
        };
        Callback::new(move |()| callback.run(target.clone()))
    });
    let items = [
        ("Reassign variant", reassign),
        ("Test routing", for_number(actions.test_routing)),
        ("History", for_number(actions.history)),
        ("Delete number", delete),
    ]
    .into_iter()
    .filter_map(|(label, on_select)| on_select.map(|on_select| MenuItem { label, on_select }))
    .collect();
    (items, reassign)
}

/// One number's row; `items` is its actions menu (none: no menu).
#[component]
fn NumberRowView(
    row: NumberRow,
    uses_variants: bool,
    items: Vec<MenuItem>,
    reassign: Option<Callback<()>>,
) -> impl IntoView {
    let NumberRow {
        e164,
        display,
        source,
        variant,
        ..
    } = row;
    let copy_label = format!("Copy {e164}");
    let row_id = e164.clone();
    let unassigned = variant == VariantCell::Unassigned;
    let actions = (!items.is_empty()).then(|| {
        view! {
            <td class="cell-actions">
                <ActionsMenu label=format!("Actions for {e164}") id=actions_button_id(&e164) items/>
            </td>
        }
        .into_any()
    });
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
                <td data-label="Assigned variant">
                    <VariantLabel cell=variant/>
                    {reassign.filter(|_| unassigned).map(|reassign| view! {
                        <button type="button" class="link-button" on:click=move |_| reassign.run(())>
                            "Assign variant"
                        </button>
                    })}
                </td>
            })}
            {actions}
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
