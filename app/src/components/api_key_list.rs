//! The API keys page's parts: the create form, the new key shown once, the list of keys, and
//! the revoke confirmation (UI-CONTRACT "API keys page").

use super::{CopyButton, DialogButtons, Emphasis, ErrorAlert, Modal, SubmitButton};
use crate::domain::api_keys::{ApiKeyRow, ApiKeyScope, MAX_NAME_CHARS};
use crate::error::AppError;
use leptos::prelude::*;

/// The id of a key's Revoke button (focus returns there when its dialog is cancelled).
pub fn revoke_button_id(key_id: &str) -> String {
    format!("revoke-{key_id}")
}

/// The id of the Key name field (focus goes there after a refusal naming it).
pub const KEY_NAME_ID: &str = "api-key-name";

/// The form creating a key: `on_create` receives the name and the scope chosen; `error` is the
/// latest refusal (shown next to the field it names, or above the button).
#[component]
pub fn ApiKeyForm(
    #[prop(into)] on_create: Callback<(String, ApiKeyScope)>,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(optional, into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let scope = RwSignal::new(ApiKeyScope::Read);
    let field_error = move |field: &'static str| {
        Signal::derive(move || match error.get() {
            Some(AppError::Invalid { field: f, message }) if f == field => Some(message),
            _ => None,
        })
    };
    let name_error = field_error("name");
    let (name_id, error_id, access_id) = (
        super::scoped_id(KEY_NAME_ID),
        super::scoped_id("api-key-name-error"),
        super::scoped_id("api-key-access"),
    );
    let access_label = access_id.clone();
    let name_label = name_id.clone();
    let error_ref = error_id.clone();
    let other_error = move || match error.get() {
        Some(AppError::Invalid { .. }) | None => None,
        Some(err) => Some(view! { <ErrorAlert message=err.to_string()/> }),
    };
    let radio = move |value: ApiKeyScope| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="access"
                    value=value.slug()
                    prop:checked=move || scope.get() == value
                    on:change=move |_| scope.set(value)
                />
                {value.label()}
            </label>
        }
    };
    view! {
        <form
            class="api-key-form"
            on:submit=move |ev| {
                ev.prevent_default();
                if !pending.get_untracked() {
                    on_create.run((name.get_untracked(), scope.get_untracked()));
                }
            }
        >
            <div class="field">
                <label for=name_label>"Key name"</label>
                <input
                    id=name_id
                    type="text"
                    autocomplete="off"
                    maxlength=MAX_NAME_CHARS
                    aria-invalid=move || name_error.get().is_some().then_some("true")
                    aria-describedby=error_ref
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <p class="field__error" id=error_id>{move || name_error.get()}</p>
            </div>
            <div class="field" role="radiogroup" aria-labelledby=access_label>
                <span class="field__label" id=access_id>"Access"</span>
                {radio(ApiKeyScope::Read)}
                {radio(ApiKeyScope::ReadWrite)}
            </div>
            {other_error}
            <SubmitButton
                label=Signal::derive(move || if pending.get() { "Creating…" } else { "Create API key" })
                pending
            />
        </form>
    }
}

/// The key just created, shown once, with a button copying it.
#[component]
pub fn NewApiKeyNotice(#[prop(into)] name: String, #[prop(into)] key: String) -> impl IntoView {
    let field_id = super::scoped_id("new-api-key");
    let label_for = field_id.clone();
    view! {
        <div class="alert alert--success new-api-key" role="status">
            <p>
                <strong>{format!("API key \u{201c}{name}\u{201d} created.")}</strong>
                " Copy it now: it is shown only this once, and only its fingerprint is kept."
            </p>
            <div class="field">
                <label for=label_for>"New API key"</label>
                <input id=field_id type="text" readonly value=key.clone() class="mono"/>
            </div>
            <CopyButton value=key label="Copy API key"/>
        </div>
    }
}

/// The project's keys; with `on_revoke` (Edit), a `Revoke {name}` button per key.
#[component]
pub fn ApiKeyList(
    keys: Vec<ApiKeyRow>,
    #[prop(optional_no_strip)] on_revoke: Option<Callback<ApiKeyRow>>,
) -> impl IntoView {
    if keys.is_empty() {
        return view! { <p class="empty">"No API keys yet."</p> }.into_any();
    }
    view! {
        <table class="api-keys">
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Access"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">"Last used"</th>
                    {on_revoke.is_some().then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                </tr>
            </thead>
            <tbody>
                {keys
                    .into_iter()
                    .map(|key| {
                        let revoke = on_revoke.map(|on_revoke| {
                            let label = format!("Revoke {}", key.name);
                            let row = key.clone();
                            view! {
                                <td>
                                    <button
                                        type="button"
                                        class="button button--secondary"
                                        id=revoke_button_id(&key.id)
                                        aria-label=label
                                        on:click=move |_| on_revoke.run(row.clone())
                                    >
                                        "Revoke"
                                    </button>
                                </td>
                            }
                        });
                        view! {
                            <tr data-key-id=key.id.clone()>
                                <td>{key.name.clone()}<br/><span class="mono muted">{format!("nmbr_{}_…", key.id)}</span></td>
                                <td>{key.scope.label()}</td>
                                <td>{key.created_at.clone()}<br/><span class="muted">{format!("by {}", key.created_by)}</span></td>
                                <td>{key.last_used_at.clone().unwrap_or_else(|| "Never".into())}</td>
                                {revoke}
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

/// Confirms revoking the key `name`.
#[component]
pub fn RevokeApiKeyDialog(
    #[prop(into)] name: String,
    #[prop(into)] on_revoke: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Modal title="Revoke API key" alert=true on_close>
            <form
                class="modal__body"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if !pending.get_untracked() {
                        on_revoke.run(());
                    }
                }
            >
                <p>{format!("Revoke \u{201c}{name}\u{201d}? Requests with it are refused from now on; this cannot be undone.")}</p>
                {move || error.get().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton
                        label=Signal::derive(move || if pending.get() { "Revoking…" } else { "Revoke" })
                        emphasis=Emphasis::Danger
                        pending
                    />
                </DialogButtons>
            </form>
        </Modal>
    }
}
