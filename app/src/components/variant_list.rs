//! The draft's variants: name, default badge, where published, numbers; rename and delete.

use crate::domain::{VariantId, VariantName, VariantRow};
use leptos::prelude::*;

/// One row per draft variant. `on_rename` gets the id and the new name; `on_delete` the row;
/// without them the list is view only.
#[component]
pub fn VariantList(
    rows: Vec<VariantRow>,
    on_rename: Option<Callback<(VariantId, String)>>,
    on_delete: Option<Callback<VariantRow>>,
) -> impl IntoView {
    if rows.is_empty() {
        return view! {
            <p class="empty">"This project has no variants. Add one to route calls per site or market."</p>
        }
        .into_any();
    }
    view! {
        <ul class="variant-list">
            {rows
                .into_iter()
                .map(|row| view! { <VariantItem row on_rename on_delete/> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// One variant, with its inline rename form when editing.
#[component]
fn VariantItem(
    row: VariantRow,
    on_rename: Option<Callback<(VariantId, String)>>,
    on_delete: Option<Callback<VariantRow>>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let draft_name = RwSignal::new(row.variant.name.clone());
    let name = row.variant.name.clone();
    let id = row.variant.id;
    let input_id = format!("rename-{}", id.0);
    let error_id = format!("rename-{}-error", id.0);
    let error = move || {
        VariantName::parse(&draft_name.get())
            .err()
            .map(|e| e.to_string())
    };
    let published = if row.published_in.is_empty() {
        "Not published".to_owned()
    } else {
        let envs: Vec<&str> = row.published_in.iter().map(|e| e.label()).collect();
        format!("Published to {}", envs.join(", "))
    };
    let numbers = match row.number_count {
        0 => "No numbers".to_owned(),
        n => crate::domain::numbers_view::numbers_count(n),
    };
    let delete_row = row.clone();
    let view_name = name.clone();
    view! {
        <li class="variant-item">
            {move || if editing.get() {
                let (input_id, error_id) = (input_id.clone(), error_id.clone());
                let error_ref = error_id.clone();
                view! {
                    <form
                        class="inline-form"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            if let Ok(valid) = VariantName::parse(&draft_name.get_untracked())
                                && let Some(on_rename) = on_rename
                            {
                                on_rename.run((id, valid.as_str().to_owned()));
                                editing.set(false);
                            }
                        }
                    >
                        <div class="field">
                            <label for=input_id.clone()>{format!("New name for {}", view_name)}</label>
                            <input
                                id=input_id
                                type="text"
                                autofocus
                                prop:value=move || draft_name.get()
                                on:input=move |ev| draft_name.set(event_target_value(&ev))
                                aria-invalid=move || error().is_some().to_string()
                                aria-describedby=move || error().map(|_| error_ref.clone())
                            />
                            {move || error().map(|m| view! { <p id=error_id.clone() class="field__error">{m}</p> })}
                        </div>
                        <button type="submit" class="button button--primary">"Save"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <div class="variant-item__main">
                        <span class="variant-item__name">{view_name.clone()}</span>
                        {row.is_default.then(|| view! { <span class="tag">"Default"</span> })}
                        <span class="variant-item__meta">{published.clone()}" · "{numbers.clone()}</span>
                    </div>
                }
                .into_any()
            }}
            <div class="variant-item__actions" hidden=move || editing.get()>
                {on_rename.map(|_| view! {
                    <button
                        type="button"
                        class="button button--secondary"
                        aria-label=format!("Rename {name}")
                        on:click=move |_| editing.set(true)
                    >
                        "Rename"
                    </button>
                })}
                {on_delete.map(|on_delete| view! {
                    <button
                        type="button"
                        class="button button--danger"
                        aria-label=format!("Delete {}", row.variant.name)
                        on:click=move |_| on_delete.run(delete_row.clone())
                    >
                        "Delete"
                    </button>
                })}
            </div>
        </li>
    }
}
