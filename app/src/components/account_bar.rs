//! The header's account area: who is signed in and Sign out, or a Sign in link.

use crate::api::SignOut;
use leptos::prelude::*;

/// `email` (`None`: signed out) with the matching action.
#[component]
pub fn AccountBar(email: Option<String>) -> impl IntoView {
    match email {
        Some(email) => {
            let sign_out = ServerAction::<SignOut>::new();
            view! {
                <div class="account">
                    <span class="account__email">{email}</span>
                    <ActionForm action=sign_out>
                        <button type="submit" class="button button--secondary">"Sign out"</button>
                    </ActionForm>
                </div>
            }
            .into_any()
        }
        None => view! { <a class="account__signin" href="/signin">"Sign in"</a> }.into_any(),
    }
}
