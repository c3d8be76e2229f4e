//! `/projects/{project}/api-keys`: a project's API keys. Members with Edit create (the key is
//! shown once) and revoke them; members with Read see the list.

use super::focus::focus_soon;
use super::{PageData, here, project_in_url};
use crate::api::{CreateApiKey, RevokeApiKey, load_api_keys_page};
use crate::components::{
    ApiKeyForm, ApiKeyList, KEY_NAME_ID, NewApiKeyNotice, ReadOnlyNotice, RevokeApiKeyDialog,
    revoke_button_id,
};
use crate::domain::api_keys::{ApiKeyRow, ApiKeyScope, ApiKeysPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// What a member with Read is told.
const API_KEYS_READ_ONLY: &str = "You have Read access to this project, so you can see its API keys but not create or revoke them.";

/// The id of the new key's field (focus goes there once it is shown).
const NEW_KEY_ID: &str = "new-api-key";

/// The id of the keys' heading (focus goes there after a revoke).
const KEYS_HEADING: &str = "api-keys-heading";

/// The API keys page of the project named in the URL.
#[component]
pub fn ApiKeysScreen() -> impl IntoView {
    let project = project_in_url();
    let data = PageData::new(project.into(), load_api_keys_page);
    let create = ServerAction::<CreateApiKey>::new();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let revoking = RwSignal::new(None::<ApiKeyRow>);
    let outcome = RwSignal::new(None::<String>);
    Effect::new(move |_| match create.value().get() {
        Some(Ok(_)) => data.reload(|| focus_soon(NEW_KEY_ID.to_owned())),
        Some(Err(AppError::Invalid { .. })) => focus_soon(KEY_NAME_ID.to_owned()),
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            let name = revoking.get_untracked().map(|k| k.name).unwrap_or_default();
            data.reload(move || {
                revoking.set(None);
                outcome.set(Some(format!("API key \u{201c}{name}\u{201d} revoked.")));
                focus_soon(KEYS_HEADING.to_owned());
            });
        }
    });
    let on_create = Callback::new(move |(name, scope): (String, ApiKeyScope)| {
        outcome.set(None);
        create.dispatch(CreateApiKey {
            project: project.get_untracked(),
            name,
            access: scope.slug().to_owned(),
        });
    });
    let on_revoke = Callback::new(move |key: ApiKeyRow| {
        revoke.value().set(None);
        outcome.set(None);
        revoking.set(Some(key));
    });
    let create_error = Signal::derive(move || create.value().get().and_then(Result::err));
    let creating = Signal::derive(move || create.pending().get() || data.reloading().get());
    let new_key = move || {
        create.value().get().and_then(Result::ok).map(|created| {
            view! { <NewApiKeyNotice name=created.name key=created.key/> }
        })
    };
    let dialog = move || {
        let key = revoking.get()?;
        let id = key.id.clone();
        let close = Callback::new(move |()| {
            revoking.set(None);
            focus_soon(revoke_button_id(&id));
        });
        let key_id = key.id.clone();
        Some(view! {
            <RevokeApiKeyDialog
                name=key.name
                on_revoke=move |()| {
                    revoke.dispatch(RevokeApiKey {
                        project: project.get_untracked(),
                        key_id: key_id.clone(),
                    });
                }
                on_close=close
                pending=Signal::derive(move || revoke.pending().get() || data.reloading().get())
                error=Signal::derive(move || revoke.value().get().and_then(Result::err).map(|e| e.to_string()))
            />
        })
    };
    let content = move |page: ApiKeysPage| {
        let can_edit = page.can_edit;
        let slug = project.get_untracked();
        view! {
            <Title text=format!("API keys · {}", page.project_name)/>
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <ol>
                    <li><span>"Configure"</span></li>
                    <li><a href=crate::paths::numbers(&slug)>"Numbers"</a></li>
                    <li><span aria-current="page">"API keys"</span></li>
                </ol>
            </nav>
            <div class="page-head">
                <h1>"API keys"</h1>
                <p class="page-head__project">{page.project_name.clone()}</p>
            </div>
            <p>
                "Keys are for scripts and CI that manage this project's numbers through the REST "
                "API: send " <code>"Authorization: Bearer <key>"</code> " to "
                <code>{format!("/api/v1/projects/{slug}/phone-numbers")}</code> ". The "
                <a href=crate::paths::REST_API_DOCS rel="external">"API reference"</a>
                " describes every call. Every change made with a key is recorded in the project "
                "history under the key's name, as are creating and revoking keys."
            </p>
            {(!can_edit).then(|| view! { <ReadOnlyNotice message=API_KEYS_READ_ONLY/> })}
            {can_edit.then(|| view! {
                <section class="card" aria-labelledby="new-key-heading">
                    <h2 id="new-key-heading">"New key"</h2>
                    <ApiKeyForm on_create pending=creating error=create_error/>
                    {new_key}
                </section>
            })}
            <section class="card" aria-labelledby=KEYS_HEADING>
                <h2 id=KEYS_HEADING tabindex="-1">"Keys"</h2>
                <ApiKeyList keys=page.keys on_revoke=can_edit.then_some(on_revoke)/>
            </section>
        }
        .into_any()
    };
    view! {
        <div class="toast-region" role="status">{move || outcome.get()}</div>
        {data.view("Loading API keys…", here(), content)}
        {dialog}
    }
}
