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

/// Writes `text` to the system clipboard; false when the browser refuses. The Clipboard API
/// exists only in secure contexts (HTTPS or localhost); elsewhere (plain HTTP on an intranet
/// name) a hidden text area is selected and copied instead.
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !window.is_secure_context() {
        return copy_by_selection(text);
    }
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Copies `text` through a selected, off-screen text area (`document.execCommand("copy")`).
fn copy_by_selection(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let document = document();
    let Some(body) = document.body() else {
        return false;
    };
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    if body.append_child(&area).is_err() {
        return false;
    }
    let focused = document
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    // Selecting moved focus to the text area: give it back to the copy button.
    if let Some(focused) = focused {
        let _ = focused.focus();
    }
    copied
}
