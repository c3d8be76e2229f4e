//! Where keyboard focus goes when a dialog closes or a row disappears.

use leptos::prelude::*;
use std::time::Duration;

/// Returns keyboard focus to the element with `id` once the page has re-rendered, unless
/// the person has already moved focus somewhere (only lost focus, on `<body>`, is restored).
pub fn focus_soon(id: String) {
    focus_first_soon(vec![id]);
}

/// Like [`focus_soon`], to the first of `ids` the re-rendered page has and can focus (e.g.
/// the row a number came back to, else its section's heading).
pub fn focus_first_soon(ids: Vec<String>) {
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
            // An element can be there and still refuse focus (hidden in a collapsed section).
            for id in &ids {
                let Some(element) = document
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                let _ = element.focus();
                if document
                    .active_element()
                    .is_some_and(|active| active == *element.as_ref())
                {
                    return;
                }
            }
        },
        Duration::from_millis(30),
    );
}

/// What a re-render of the page (a live update) must put back: where keyboard focus is (an
/// element with an id), with the focused text field's selection, and the text typed but not
/// sent in every text field with an id. Re-rendering may replace a node or reuse it for another
/// row, so all of it is found again by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusSnapshot {
    /// The focused element's id, and a focused text field's selection (start, end).
    focus: Option<(String, Option<(u32, u32)>)>,
    /// Text fields whose value differs from the page's (typed, not sent): id and value.
    drafts: Vec<(String, String)>,
}

impl FocusSnapshot {
    /// The page as it is now (browser only).
    pub fn take() -> Self {
        use wasm_bindgen::JsCast;
        let document = document();
        let focus = document.active_element().and_then(|active| {
            let id = active.id();
            let selection = active
                .dyn_ref::<web_sys::HtmlInputElement>()
                .and_then(
                    |input| match (input.selection_start(), input.selection_end()) {
                        (Ok(Some(start)), Ok(Some(end))) => Some((start, end)),
                        _ => None,
                    },
                );
            (!id.is_empty()).then_some((id, selection))
        });
        let mut drafts = Vec::new();
        if let Ok(fields) = document.query_selector_all("input[id]") {
            for n in 0..fields.length() {
                let Some(input) = fields
                    .item(n)
                    .and_then(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
                else {
                    continue;
                };
                let typed = matches!(input.type_().as_str(), "text" | "search")
                    && !input.read_only()
                    && input.value() != input.default_value();
                if typed {
                    drafts.push((input.id(), input.value()));
                }
            }
        }
        Self { focus, drafts }
    }

    /// Once the page has re-rendered: every draft goes back into the field with its id, then
    /// focus (without scrolling) and the selection to the element with the focused id.
    pub fn restore_soon(self) {
        set_timeout(
            move || {
                use wasm_bindgen::JsCast;
                let document = document();
                let input = |id: &str| {
                    document
                        .get_element_by_id(id)
                        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                };
                for (id, value) in &self.drafts {
                    if let Some(field) = input(id)
                        && field.value() != *value
                    {
                        field.set_value(value);
                    }
                }
                let Some((id, selection)) = &self.focus else {
                    return;
                };
                let Some(element) = document
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    return;
                };
                let on_it = document
                    .active_element()
                    .is_some_and(|active| active == *element.as_ref());
                if !on_it {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = element.focus_with_options(&options);
                }
                if let (Some((start, end)), Some(field)) = (selection, input(id)) {
                    let _ = field.set_selection_range(*start, *end);
                }
            },
            Duration::from_millis(30),
        );
    }
}
