//! The header's account area: the project switcher, who is signed in and Sign out; or a
//! Sign in link.

use crate::api::{SignOut, SignedIn};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// `signed_in` (`None`: signed out) with the matching actions; `current` is the project in view.
/// Sign out is a plain form posting to its server function, which answers a browser's form
/// with a redirect to the sign-in page: it works without JavaScript, and the first load
/// carries no code for it. It is offered only when this server can sign the member out.
#[component]
pub fn AccountBar(signed_in: Option<SignedIn>, current: Option<String>) -> impl IntoView {
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
                <form method="post" action=SignOut::url()>
                    <button type="submit" class="button button--secondary">"Sign out"</button>
                </form>
            })}
        </div>
    }
    .into_any()
}
