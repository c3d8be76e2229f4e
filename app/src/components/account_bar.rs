//! The header's account area: the project switcher, who is signed in and Sign out; or a
//! Sign in link.

use crate::api::{SignOut, SignedIn};
use leptos::prelude::*;

/// `signed_in` (`None`: signed out) with the matching actions; `current` is the project in view.
/// `sign_out` is the action its Sign out form submits to (a form, so it works without
/// JavaScript); it is offered only when this server can sign the member out.
#[component]
pub fn AccountBar(
    signed_in: Option<SignedIn>,
    current: Option<String>,
    sign_out: ServerAction<SignOut>,
) -> impl IntoView {
    let Some(SignedIn {
        email,
        projects,
        signs_out_here,
    }) = signed_in
    else {
        return view! { <a class="account__signin" href=crate::paths::SIGN_IN>"Sign in"</a> }
            .into_any();
    };
    view! {
        <div class="account">
            <nav class="switcher" aria-label="Projects">
                <ul>
                    {projects
                        .into_iter()
                        .map(|p| {
                            let here = current.as_deref() == Some(p.slug.as_str());
                            view! {
                                <li>
                                    <a
                                        href=crate::paths::numbers(&p.slug)
                                        aria-current=here.then_some("page")
                                    >
                                        {p.name}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <span class="account__email">{email}</span>
            {signs_out_here.then(|| view! {
                <ActionForm action=sign_out>
                    <button type="submit" class="button button--secondary">"Sign out"</button>
                </ActionForm>
            })}
        </div>
    }
    .into_any()
}
