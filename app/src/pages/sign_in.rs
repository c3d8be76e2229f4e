//! `/signin?next=…`: the built-in accounts' sign-in form (works without JavaScript too).

use crate::api::SignIn;
use crate::components::ErrorAlert;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Email, Password and Sign in; after signing in the member returns to `next`.
#[component]
pub fn SignInScreen() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".to_owned());
    let sign_in = ServerAction::<SignIn>::new();
    let error = move || {
        sign_in
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| view! { <ErrorAlert message=e.to_string()/> })
    };
    view! {
        <Title text="Sign in · Numbers"/>
        <div class="signin">
            <h1>"Sign in"</h1>
            <p class="signin__hint">"Use your Agent Console account."</p>
            <ActionForm action=sign_in attr:class="signin__form">
                <input type="hidden" name="next" value=next/>
                <div class="field">
                    <label for="signin-email">"Email"</label>
                    <input id="signin-email" name="email" type="email" autocomplete="username" required/>
                </div>
                <div class="field">
                    <label for="signin-password">"Password"</label>
                    <input id="signin-password" name="password" type="password" autocomplete="current-password" required/>
                </div>
                {error}
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || sign_in.pending().get()
                    aria-busy=move || sign_in.pending().get().to_string()
                >
                    "Sign in"
                </button>
            </ActionForm>
        </div>
    }
}
