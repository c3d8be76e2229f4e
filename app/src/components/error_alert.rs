//! A server error, in plain words, announced to assistive technology.

use leptos::prelude::*;

/// Shows `message` in an element with role `alert`.
#[component]
pub fn ErrorAlert(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <div class="alert alert--error" role="alert">
            <strong class="alert__title">"Something went wrong"</strong>
            <p>{message}</p>
        </div>
    }
}
