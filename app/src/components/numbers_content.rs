//! The Numbers page below the site header, from loaded data.

use super::{EnvironmentPanel, NoIntegration};
use crate::domain::{NumbersPage, PageBody};
use leptos::prelude::*;

/// Breadcrumb, heading and the page body for `page`.
#[component]
pub fn NumbersContent(page: NumbersPage) -> impl IntoView {
    let body = match page.body {
        PageBody::NoIntegration => view! { <NoIntegration/> }.into_any(),
        PageBody::Sections {
            uses_variants,
            sections,
        } => view! {
            <div class="sections">
                {sections
                    .into_iter()
                    .map(|section| view! { <EnvironmentPanel section uses_variants/> })
                    .collect_view()}
            </div>
        }
        .into_any(),
    };
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li><span>"Configure"</span></li>
                <li><span aria-current="page">"Numbers"</span></li>
            </ol>
        </nav>
        <div class="page-head">
            <h1>"Numbers"</h1>
            <p class="page-head__project">{page.project.name}</p>
        </div>
        {body}
    }
}
