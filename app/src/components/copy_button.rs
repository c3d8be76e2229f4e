//! A small button that copies a value to the clipboard and says whether it worked.

use super::icons::{CheckIcon, CopyIcon};
use leptos::prelude::*;
use std::time::Duration;

/// What the last copy attempt did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

/// Copies `value`; `label` is the button's accessible name (e.g. `Copy +447700900123`).
#[component]
pub fn CopyButton(#[prop(into)] value: String, #[prop(into)] label: String) -> impl IntoView {
    let (state, set_state) = signal(CopyState::Idle);
    let copy = move |_| {
        let value = value.clone();
        leptos::task::spawn_local(async move {
            let copied = write_clipboard(&value).await;
            set_state.set(if copied {
                CopyState::Copied
            } else {
                CopyState::Failed
            });
            set_timeout(
                move || set_state.set(CopyState::Idle),
                Duration::from_secs(2),
            );
        });
    };
    let feedback = move || match state.get() {
        CopyState::Idle => "",
        CopyState::Copied => "Copied",
        CopyState::Failed => "Copy failed",
    };
    view! {
        <button type="button" class="icon-button" aria-label=label.clone() title=label on:click=copy>
            {move || match state.get() {
                CopyState::Copied => view! { <CheckIcon/> }.into_any(),
                _ => view! { <CopyIcon/> }.into_any(),
            }}
        </button>
        <span class="copy-feedback" aria-live="polite">{feedback}</span>
    }
}

/// Writes `text` to the system clipboard; false when the browser refuses.
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
