//! Where keyboard focus goes when a dialog closes or a row disappears.

use leptos::prelude::*;
use std::time::Duration;

/// Returns keyboard focus to the element with `id` once the page has re-rendered, unless
/// the person has already moved focus somewhere (only lost focus, on `<body>`, is restored).
pub fn focus_soon(id: String) {
    set_timeout(
        move || {
            use wasm_bindgen::JsCast;
            let document = document();
            let focus_lost = document
                .active_element()
                .is_none_or(|active| document.body().is_some_and(|body| active == *body.as_ref()));
            if !focus_lost {
                return;
            }
            if let Some(element) = document
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        },
        Duration::from_millis(30),
    );
}
