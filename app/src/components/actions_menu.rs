//! A menu button (WAI-ARIA menu-button pattern): arrow keys move, Enter selects, Escape closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, Node};

/// One entry of an [`ActionsMenu`].
#[derive(Clone)]
pub struct MenuItem {
    /// Its text (and accessible name).
    pub label: &'static str,
    /// Called when chosen.
    pub on_select: Callback<()>,
}

/// Where to move focus inside the menu.
#[derive(Clone, Copy)]
enum Move {
    First,
    Last,
    By(i32),
}

/// A three-dot button named `label` opening a menu of `items`; `id` is the button's id,
/// so dialogs opened from the menu can return focus to it.
#[component]
pub fn ActionsMenu(
    #[prop(into)] label: String,
    #[prop(into)] id: String,
    items: Vec<MenuItem>,
    /// Starts open (the gallery shows it so).
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let id = super::scoped_id(&id);
    let (open, set_open) = signal(open);
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();

    let focus = move |to: Move| {
        request_animation_frame(move || {
            let Some(menu) = menu.get_untracked() else {
                return;
            };
            let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
                return;
            };
            let items: Vec<HtmlElement> = (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
                .collect();
            if items.is_empty() {
                return;
            }
            let active = document().active_element();
            let current = items.iter().position(|item| {
                active
                    .as_ref()
                    .is_some_and(|a| a == item.as_ref() as &web_sys::Element)
            });
            let len = items.len() as i32;
            let index = match (to, current) {
                (Move::First, _) | (Move::By(_), None) => 0,
                (Move::Last, _) => len - 1,
                (Move::By(step), Some(i)) => (i as i32 + step).rem_euclid(len),
            };
            let _ = items[index as usize].focus();
        });
    };
    let close = move |refocus: bool| {
        set_open.set(false);
        if refocus && let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let open_at = move |to: Move| {
        set_open.set(true);
        focus(to);
    };
    let on_button_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open_at(Move::First);
        }
        "ArrowUp" => {
            ev.prevent_default();
            open_at(Move::Last);
        }
        _ => {}
    };
    let on_menu_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            focus(Move::By(1));
        }
        "ArrowUp" => {
            ev.prevent_default();
            focus(Move::By(-1));
        }
        "Home" => {
            ev.prevent_default();
            focus(Move::First);
        }
        "End" => {
            ev.prevent_default();
            focus(Move::Last);
        }
        "Escape" => {
            ev.prevent_default();
            close(true);
        }
        "Tab" => close(false),
        _ => {}
    };
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<Node>().ok())
            .zip(wrapper.get_untracked())
            .is_some_and(|(target, wrapper)| wrapper.contains(Some(&target)));
        if !inside {
            set_open.set(false);
        }
    };
    let menu_label = label.clone();
    view! {
        <div class="menu-wrapper" node_ref=wrapper on:focusout=on_focus_out>
            <button
                type="button"
                id=id
                class="icon-button"
                node_ref=button
                aria-label=label
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| if open.get_untracked() { close(false) } else { open_at(Move::First) }
                on:keydown=on_button_key
            >
                <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <circle cx="8" cy="3" r="1.4" fill="currentColor"/>
                    <circle cx="8" cy="8" r="1.4" fill="currentColor"/>
                    <circle cx="8" cy="13" r="1.4" fill="currentColor"/>
                </svg>
            </button>
            <div class="menu" role="menu" aria-label=menu_label node_ref=menu hidden=move || !open.get() on:keydown=on_menu_key>
                {items
                    .into_iter()
                    .map(|item| {
                        let on_select = item.on_select;
                        view! {
                            <button
                                type="button"
                                role="menuitem"
                                tabindex="-1"
                                class="menu__item"
                                on:click=move |_| {
                                    set_open.set(false);
                                    on_select.run(());
                                }
                            >
                                {item.label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
