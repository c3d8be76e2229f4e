//! `/projects/{project}/numbers`: loads the page data and renders it.

use super::NotFound;
use crate::api::load_numbers_page;
use crate::components::{ErrorAlert, NumbersContent};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The Numbers page of the project named in the URL.
#[component]
pub fn NumbersScreen() -> impl IntoView {
    let params = use_params_map();
    let project = move || params.read().get("project").unwrap_or_default();
    let page = Resource::new(project, load_numbers_page);
    view! {
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading numbers…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <Title text=format!("Numbers · {}", page.project.name)/>
                        <NumbersContent page/>
                    }
                    .into_any(),
                    Err(err @ AppError::ProjectNotFound(_)) => {
                        view! { <NotFound what=err.to_string()/> }.into_any()
                    }
                    Err(err) => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
