//! `/projects/{project}/history?page=N`: every change to the project's numbers, newest first.

use super::NotFound;
use crate::api::project_history;
use crate::components::{ErrorAlert, HistoryList, SessionEnded};
use crate::domain::HistoryPage;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The project history named in the URL, one page at a time.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let params = use_params_map();
    let location = leptos_router::hooks::use_location();
    let here = Signal::derive(move || super::current_path(&location));
    let query = use_query_map();
    let project = Memo::new(move |_| params.read().get("project").unwrap_or_default());
    let page_number = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
            .max(1)
    });
    let page = Resource::new(
        move || (project.get(), page_number.get()),
        |(project, page)| project_history(project, page),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading history…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(history) => {
                        view! { <HistoryContent history project=project.get_untracked()/> }.into_any()
                    }
                    Err(err @ AppError::ProjectNotFound(_)) => {
                        view! { <NotFound what=err.to_string()/> }.into_any()
                    }
                    Err(AppError::SignInRequired) => {
                        view! { <SessionEnded here=here.get_untracked()/> }.into_any()
                    }
                    Err(err) => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Heading, entries and pager of one loaded page.
#[component]
fn HistoryContent(history: HistoryPage, project: String) -> impl IntoView {
    let HistoryPage {
        project_name,
        entries,
        page,
        pages,
    } = history;
    let href = move |n: u64| format!("/projects/{project}/history?page={n}");
    let numbers_href = href(0).replace("/history?page=0", "/numbers");
    view! {
        <Title text=format!("History · {project_name}")/>
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li><span>"Configure"</span></li>
                <li><a href=numbers_href>"Numbers"</a></li>
                <li><span aria-current="page">"History"</span></li>
            </ol>
        </nav>
        <div class="page-head">
            <h1>"History"</h1>
            <p class="page-head__project">{project_name}</p>
        </div>
        <p>"Every change to this project's numbers: who made it, when, and what it was before and after."</p>
        <HistoryList entries show_number=true/>
        <nav class="pager" aria-label="History pages">
            {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">"Newer"</a> })}
            <span class="pager__where">{format!("Page {page} of {pages}")}</span>
            {(page < pages).then(|| view! { <a href=href(page + 1) rel="next">"Older"</a> })}
        </nav>
    }
}
