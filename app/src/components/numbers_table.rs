//! The table of one environment's numbers.

use super::{ActionsMenu, CopyButton, MenuItem, RowActions, RowTarget};
use crate::domain::{Environment, NumberRow, Variant, VariantCell};
use leptos::prelude::*;

/// The id of a row's actions button, so dialogs can return focus to it.
pub fn actions_button_id(e164: &str) -> String {
    format!("actions-{}", e164.trim_start_matches('+'))
}

/// Number / Source / (Assigned variant) for `rows` of `environment`.
///
/// With `actions`, each row gets an actions menu (those about variants only when variants are
/// in use); their targets carry `assignable`, the variants published to the environment.
#[component]
pub fn NumbersTable(
    rows: Vec<NumberRow>,
    uses_variants: bool,
    environment: Environment,
    #[prop(optional)] assignable: Vec<Variant>,
    #[prop(optional)] actions: RowActions,
) -> impl IntoView {
    let actions = actions.for_project(uses_variants);
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
                        let target = RowTarget {
                            row: row.clone(),
                            environment,
                            assignable: assignable.clone(),
                        };
                        let (items, shortcut) = menu_items(&target, &actions);
                        // Erased: the full row type is too deep for release builds.
                        view! { <NumberRowView row uses_variants items shortcut/> }.into_any()
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The actions menu of `target`'s row, bound to that row, and the shortcut shown in its
/// Assigned variant cell when it has no variant (text and action).
fn menu_items(
    target: &RowTarget,
    actions: &RowActions,
) -> (Vec<MenuItem>, Option<(&'static str, Callback<()>)>) {
    let bind = |run: Callback<RowTarget>| {
        let target = target.clone();
        Callback::new(move |()| run.run(target.clone()))
    };
    let items = actions
        .0
        .iter()
        .map(|action| MenuItem {
            label: action.label,
            on_select: bind(action.run),
        })
        .collect();
    let shortcut = actions
        .0
        .iter()
        .find_map(|a| a.unassigned_shortcut.map(|text| (text, bind(a.run))));
    (items, shortcut)
}

/// One number's row; `items` is its actions menu (none: no menu), `shortcut` the button its
/// Assigned variant cell shows while it has no variant.
#[component]
fn NumberRowView(
    row: NumberRow,
    uses_variants: bool,
    items: Vec<MenuItem>,
    shortcut: Option<(&'static str, Callback<()>)>,
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
                    {shortcut.filter(|_| unassigned).map(|(text, run)| view! {
                        <button type="button" class="link-button" on:click=move |_| run.run(())>
                            {text}
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
