//! Shown in place of a page whose data needs a session that has ended.

use leptos::prelude::*;

/// Says the member is signed out, with a link that reloads `here` from the server, which sends
/// a signed-out visitor to sign in and back.
#[component]
pub fn SessionEnded(#[prop(into)] here: String) -> impl IntoView {
    view! {
        <div class="alert alert--error" role="alert">
            <strong class="alert__title">"You are signed out"</strong>
            <p>
                "Your session has ended. "
                <a href=here rel="external">"Sign in again"</a>
                " to carry on where you were."
            </p>
        </div>
    }
}
