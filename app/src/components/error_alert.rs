//! A server error, in plain words, announced to assistive technology.

use leptos::prelude::*;

/// Shows `message` in an element with role `alert`: under a "Something went wrong" title on a
/// page, or as one plain line inside a dialog (`in_dialog`).
#[component]
pub fn ErrorAlert(
    #[prop(into)] message: String,
    #[prop(optional)] in_dialog: bool,
) -> impl IntoView {
    if in_dialog {
        return view! { <p class="alert alert--error" role="alert">{message}</p> }.into_any();
    }
    view! {
        <div class="alert alert--error" role="alert">
            <strong class="alert__title">"Something went wrong"</strong>
            <p>{message}</p>
        </div>
    }
    .into_any()
}
