//! A section's pages: where the shown rows stand among all, and links to the neighbouring
//! pages (plain links, so paging works before hydration and without JavaScript).

use crate::domain::Environment;
use crate::domain::numbers_page::Pager;
use leptos::prelude::*;

/// The `navigation` named `Sandbox pages` (etc.): `Previous page`, the range, `Next page`;
/// at an end the link is disabled (`aria-disabled`, no `href`), still read as a link.
#[component]
pub fn SectionPager(pager: Pager, environment: Environment) -> impl IntoView {
    let link = |href: Option<String>, label: &'static str, rel: &'static str| match href {
        Some(href) => view! {
            <a class="pager__link" href=href rel=rel data-noscroll="">{label}</a>
        }
        .into_any(),
        None => view! {
            <a class="pager__link pager__link--disabled" role="link" aria-disabled="true">
                {label}
            </a>
        }
        .into_any(),
    };
    view! {
        <nav class="pager" aria-label=format!("{} pages", environment.label())>
            {link(pager.previous, "Previous page", "prev")}
            <span class="pager__range">{pager.range}</span>
            {link(pager.next, "Next page", "next")}
        </nav>
    }
}
