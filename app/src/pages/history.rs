//! `/projects/{project}/history?page=N`: every change to the project's numbers, newest first.

use super::{PageData, here, project_in_url};
use crate::api::project_history;
use crate::components::HistoryList;
use crate::domain::HistoryPage;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::future::Future;

/// Loads page `page` of `project`'s history.
fn load((project, page): (String, u64)) -> impl Future<Output = Result<HistoryPage, AppError>> {
    project_history(project, page)
}

/// The project history named in the URL, one page at a time.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let project = project_in_url();
    let query = use_query_map();
    let page_number = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
            .max(1)
    });
    let key = Signal::derive(move || (project.get(), page_number.get()));
    let data = PageData::new(key, load);
    view! {
        {data.view("Loading history…", here(), move |history| {
            view! { <HistoryContent history project=project.get_untracked()/> }.into_any()
        })}
        {super::live::reload_on_changes(project, data, |_| ())}
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
    let numbers_href = crate::paths::numbers(&project);
    let href = move |n: u64| crate::paths::history_page(&project, n);
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
