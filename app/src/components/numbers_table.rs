//! The table of one environment's numbers.

use super::{ActionsMenu, CopyButton, MenuItem, RowActions, RowTarget};
use crate::domain::{Environment, NumberRow, StatusAction, Variant, VariantCell};
use leptos::prelude::*;

/// The id of a row's actions button, so dialogs can return focus to it.
pub fn actions_button_id(e164: &str) -> String {
    format!("actions-{}", e164.trim_start_matches('+'))
}

/// What rows of numbers not in use offer (by E.164): the deletion list's Undo and Retry.
#[derive(Clone, Copy, Debug, Default)]
pub struct StatusCallbacks {
    /// Undo a delete.
    pub undo: Option<Callback<String>>,
    /// Retry a failed release.
    pub retry: Option<Callback<String>>,
}

impl StatusCallbacks {
    /// The menu of a row whose number is not in use: its one action, if offered.
    fn items(self, e164: &str, action: Option<StatusAction>) -> Vec<MenuItem> {
        let run = match action {
            Some(StatusAction::Undo) => self.undo,
            Some(StatusAction::RetryRelease) => self.retry,
            None => None,
        };
        let (Some(run), Some(action)) = (run, action) else {
            return Vec::new();
        };
        let e164 = e164.to_owned();
        vec![MenuItem {
            label: action.label(),
            on_select: Callback::new(move |()| run.run(e164.clone())),
        }]
    }
}

/// Number / Source / (Assigned variant) for `rows` of `environment`.
///
/// With `actions`, each row gets an actions menu (those about variants only when variants are
/// in use); their targets carry `assignable`, the variants published to the environment. A
/// row whose number is not in use (listed by the State filter) offers only `status`'s action.
#[component]
pub fn NumbersTable(
    rows: Vec<NumberRow>,
    uses_variants: bool,
    environment: Environment,
    #[prop(optional)] assignable: Vec<Variant>,
    #[prop(optional)] actions: RowActions,
    #[prop(optional)] status: StatusCallbacks,
) -> impl IntoView {
    let actions = actions.for_project(uses_variants);
    let has_actions = actions.any() || status.undo.is_some() || status.retry.is_some();
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
                        let (items, shortcut) = if row.status.is_some() {
                            (status.items(&row.e164, row.status_action), None)
                        } else {
                            menu_items(&target, &actions)
                        };
                        // Erased: the full row type is too deep for release builds.
                        view! { <NumberRowView row uses_variants items shortcut has_actions/> }
                            .into_any()
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

/// One number's row; `items` is its actions menu (none: an empty cell when the table
/// `has_actions`), `shortcut` the button its Assigned variant cell shows while it has no
/// variant.
#[component]
fn NumberRowView(
    row: NumberRow,
    uses_variants: bool,
    items: Vec<MenuItem>,
    shortcut: Option<(&'static str, Callback<()>)>,
    has_actions: bool,
) -> impl IntoView {
    let NumberRow {
        e164,
        display,
        source,
        variant,
        status,
        ..
    } = row;
    let copy_label = format!("Copy {e164}");
    let row_id = e164.clone();
    let unassigned = variant == VariantCell::Unassigned;
    let actions = has_actions.then(|| {
        let menu = (!items.is_empty()).then(|| {
            view! {
                <ActionsMenu label=format!("Actions for {e164}") id=actions_button_id(&e164) items/>
            }
        });
        view! { <td class="cell-actions">{menu}</td> }.into_any()
    });
    view! {
        <tr data-e164=row_id>
            <td data-label="Number">
                <div class="cell-number">
                    <abbr class="country" title=display.country_name>{display.country}</abbr>
                    <span class="number">{display.international}</span>
                    <CopyButton value=e164 label=copy_label/>
                    {status.map(|status| view! { <span class="tag tag--warning">{status}</span> })}
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
