//! A modal dialog on the native `<dialog>` element (WAI-ARIA dialog pattern): Escape closes
//! it, and Tab and Shift+Tab keep focus inside, wrapping from the last control to the first
//! and back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};

/// Controls that can take focus (disabled ones are dropped by [`tab_stops`]).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";

/// The controls Tab visits inside `root`, in order: enabled, shown, not taken out of the tab
/// order, and of each radio group only its checked radio (or its first, when none is checked).
fn tab_stops(root: &Element) -> Vec<HtmlElement> {
    let Ok(found) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    let elements: Vec<HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|e| !e.has_attribute("disabled") && e.offset_parent().is_some())
        .filter(|e| e.get_attribute("tabindex").as_deref() != Some("-1"))
        .collect();
    let radio = |e: &HtmlElement| {
        e.dyn_ref::<HtmlInputElement>()
            .filter(|input| input.type_() == "radio")
            .cloned()
    };
    let mut stops = Vec::new();
    for element in &elements {
        let Some(input) = radio(element) else {
            stops.push(element.clone());
            continue;
        };
        let group: Vec<HtmlInputElement> = elements
            .iter()
            .filter_map(radio)
            .filter(|other| other.name() == input.name())
            .collect();
        let stop = group
            .iter()
            .find(|r| r.checked())
            .or_else(|| group.first())
            .is_some_and(|chosen| chosen == &input);
        if stop {
            stops.push(element.clone());
        }
    }
    stops
}

/// Moves focus to the first or last stop when Tab would leave `root`; `true` if it did.
fn wrap_focus(root: &Element, backwards: bool) -> bool {
    let stops = tab_stops(root);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        return false;
    };
    let active = document().active_element();
    let is = |stop: &HtmlElement| active.as_ref() == Some(stop.as_ref() as &Element);
    let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
    let target = match (backwards, inside) {
        (true, true) if is(first) => last,
        (false, true) if is(last) => first,
        (true, false) => last,
        (false, false) => first,
        _ => return false,
    };
    let _ = target.focus();
    true
}

/// A modal named by `title`; `alert` makes it an `alertdialog` (confirmations).
/// Escape or the caller's buttons call `on_close`; the caller then stops rendering it.
#[component]
pub fn Modal(
    #[prop(into)] title: String,
    #[prop(optional)] alert: bool,
    #[prop(into)] on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let title_id = super::scoped_id(&format!(
        "modal-{}",
        title
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
    ));
    let heading_id = title_id.clone();
    let inline = use_context::<super::InlineDialogs>().is_some();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get()
            && !dialog.open()
            && !inline
        {
            let _ = dialog.show_modal();
        }
    });
    let keep_focus_inside = move |ev: KeyboardEvent| {
        if inline || ev.key() != "Tab" {
            return;
        }
        if let Some(dialog) = dialog.get_untracked()
            && wrap_focus(&dialog, ev.shift_key())
        {
            ev.prevent_default();
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="modal"
            class:modal--inline=inline
            open=inline
            role=if alert { "alertdialog" } else { "dialog" }
            aria-labelledby=title_id
            on:keydown=keep_focus_inside
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                on_close.run(());
            }
        >
            <h2 id=heading_id class="modal__title">{title}</h2>
            {children()}
        </dialog>
    }
}
