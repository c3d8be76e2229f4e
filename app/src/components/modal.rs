//! A modal dialog on the native `<dialog>` element: focus is trapped, Escape closes it.

use leptos::prelude::*;

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
    view! {
        <dialog
            node_ref=dialog
            class="modal"
            class:modal--inline=inline
            open=inline
            role=if alert { "alertdialog" } else { "dialog" }
            aria-labelledby=title_id
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
