//! The header's account area: the project switcher, who is signed in and Sign out; or a
//! Sign in link.

use crate::api::{SignOut, SignedIn};
use leptos::prelude::*;

/// `signed_in` (`None`: signed out) with the matching actions; `current` is the project in view.
#[component]
pub fn AccountBar(signed_in: Option<SignedIn>, current: Option<String>) -> impl IntoView {
    let Some(SignedIn {
        email,
        projects,
        signs_out_here,
    }) = signed_in
    else {
        return view! { <a class="account__signin" href="/signin">"Sign in"</a> }.into_any();
    };
    let sign_out = ServerAction::<SignOut>::new();
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
                                        href=format!("/projects/{}/numbers", p.slug)
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
