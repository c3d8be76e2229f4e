//! The 404 page, for unknown routes and unknown projects.

use leptos::prelude::*;
use leptos_meta::Title;

/// Says the page does not exist and answers HTTP 404 when rendered on the server.
#[component]
pub fn NotFound(#[prop(into, optional)] what: Option<String>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let message = what.unwrap_or_else(|| "There is nothing at this address.".to_owned());
    view! {
        <Title text="Not found · Numbers"/>
        <div class="not-found">
            <p class="not-found__code">"404"</p>
            <h1>"Page not found"</h1>
            <p>{message}</p>
            <p><a href="/" rel="external">"Go to your projects"</a></p>
        </div>
    }
}
