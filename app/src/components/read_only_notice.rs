//! Tells a member with Read access why a page offers no changes.

use leptos::prelude::*;

/// "View only" and what Edit access would allow, in `message`.
#[component]
pub fn ReadOnlyNotice(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <p class="read-only" role="note">
            <strong>"View only"</strong>
            " – "
            {message}
        </p>
    }
}
