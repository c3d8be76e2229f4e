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

/// Where keyboard focus is (an element with an id), with what a focused text field holds, so
/// a re-render of the page (a live update) can put both back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusSnapshot {
    id: String,
    /// A text field's value and selection (start, end).
    field: Option<(String, Option<(u32, u32)>)>,
}

impl FocusSnapshot {
    /// The focused element, if it has an id (browser only).
    pub fn take() -> Option<Self> {
        use wasm_bindgen::JsCast;
        let active = document().active_element()?;
        let id = active.id();
        if id.is_empty() {
            return None;
        }
        let field = active.dyn_ref::<web_sys::HtmlInputElement>().map(|input| {
            let selection = match (input.selection_start(), input.selection_end()) {
                (Ok(Some(start)), Ok(Some(end))) => Some((start, end)),
                _ => None,
            };
            (input.value(), selection)
        });
        Some(Self { id, field })
    }

    /// Once the page has re-rendered: the element with the same id gets back the text it held
    /// (unsent typing survives a re-render that replaced or reset it), then focus if focus
    /// was lost, and the selection. Left alone if the person moved focus elsewhere meanwhile.
    pub fn restore_soon(self) {
        set_timeout(
            move || {
                use wasm_bindgen::JsCast;
                let document = document();
                let Some(element) = document.get_element_by_id(&self.id) else {
                    return;
                };
                let active = document.active_element();
                let focus_lost = active
                    .as_ref()
                    .is_none_or(|a| document.body().is_some_and(|body| a == body.as_ref()));
                if !focus_lost && active.as_ref() != Some(&element) {
                    return;
                }
                let input = element.dyn_ref::<web_sys::HtmlInputElement>();
                if let (Some((value, _)), Some(input)) = (&self.field, input)
                    && input.value() != *value
                {
                    input.set_value(value);
                }
                if focus_lost && let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
                if let (Some((_, Some((start, end)))), Some(input)) = (&self.field, input) {
                    let _ = input.set_selection_range(*start, *end);
                }
            },
            Duration::from_millis(30),
        );
    }
}
