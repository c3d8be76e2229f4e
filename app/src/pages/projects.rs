//! `/projects`: the projects the signed-in member can see (where `/` sends members without any).

use crate::api::{SignedIn, signed_in_as};
use crate::components::ErrorAlert;
use leptos::prelude::*;
use leptos_meta::Title;

/// The member's projects, or why there are none.
#[component]
pub fn ProjectsScreen() -> impl IntoView {
    let member = Resource::<_, crate::api::wire::PageCodec>::new_with_options(
        || (),
        |()| signed_in_as(),
        false,
    );
    view! {
        <Title text="Projects · Numbers"/>
        <div class="page-head">
            <h1>"Projects"</h1>
        </div>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading projects…"</p> }>
            {move || Suspend::new(async move {
                match member.await {
                    Ok(Some(SignedIn { projects, .. })) if !projects.is_empty() => view! {
                        <ul class="project-list">
                            {projects
                                .into_iter()
                                .map(|p| view! {
                                    <li><a href=crate::paths::numbers(&p.slug)>{p.name}</a></li>
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Ok(Some(_)) => view! {
                        <p class="empty">
                            "You are not a member of any project yet. Ask a project admin to add you."
                        </p>
                    }
                    .into_any(),
                    Ok(None) => view! {
                        <p class="empty">"You are signed out. "<a href=format!("{}?next={}", crate::paths::SIGN_IN, crate::paths::PROJECTS)>"Sign in"</a>" to see your projects."</p>
                    }
                    .into_any(),
                    Err(err) => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
