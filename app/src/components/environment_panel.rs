//! One collapsible environment section: header with count, then its table or empty state.

use super::icons::{ChevronIcon, PlusIcon};
use super::{NumbersTable, RowActions, SectionPager, SipSettings, StatusCallbacks};
use crate::domain::{Environment, EnvironmentSection};
use leptos::prelude::*;

/// The id of a section's add button, so the Add number dialog can return focus to it.
pub fn add_button_id(env: Environment) -> String {
    format!("add-{}", env.slug())
}

/// The id of a section's heading button (which expands and collapses it), where focus goes
/// when what had it left the page.
pub fn toggle_button_id(env: Environment) -> String {
    format!("toggle-{}", env.slug())
}

/// The section of `section.environment`. `expanded` holds its open state (kept by the
/// caller so it survives a refresh; expanded when not given). `clear` is the URL without
/// search and filters, offered when they leave the section empty.
#[component]
pub fn EnvironmentPanel(
    section: EnvironmentSection,
    uses_variants: bool,
    #[prop(optional_no_strip)] clear: Option<String>,
    #[prop(optional)] expanded: Option<RwSignal<bool>>,
    #[prop(optional)] actions: RowActions,
    #[prop(optional)] status: StatusCallbacks,
    #[prop(optional_no_strip)] on_add: Option<Callback<Environment>>,
    #[prop(optional_no_strip)] on_import: Option<Callback<Environment>>,
) -> impl IntoView {
    let env = section.environment;
    let expanded = expanded.unwrap_or_else(|| RwSignal::new(true));
    let body_id = super::scoped_id(&format!("env-{}-body", env.slug()));
    let add_id = super::scoped_id(&add_button_id(env));
    let import_id = super::scoped_id(&super::import_button_id(env));
    let count_text = crate::domain::numbers_view::numbers_count(section.total);
    let body = if section.rows.is_empty() {
        view! {
            <p class="empty">
                {section.empty_text}
                {clear.map(|href| view! {
                    " "
                    <a href=href data-noscroll="">"Clear filters"</a>
                })}
            </p>
        }
        .into_any()
    } else {
        view! {
            <NumbersTable
                rows=section.rows
                uses_variants
                environment=env
                assignable=section.assignable
                actions
                status
            />
            {section.pager.map(|pager| view! { <SectionPager pager environment=env/> })}
        }
        .into_any()
    };
    view! {
        <section class="env" aria-label=env.label() data-testid=format!("env-{}", env.slug())>
            <header class="env__header">
                <h2 class="env__title">
                    <button
                        type="button"
                        id=super::scoped_id(&toggle_button_id(env))
                        class="env__toggle"
                        aria-expanded=move || expanded.get().to_string()
                        aria-controls=body_id.clone()
                        on:click=move |_| expanded.update(|open| *open = !*open)
                    >
                        <ChevronIcon/>
                        {env.label()}
                    </button>
                </h2>
                <span class="env__count">{count_text}</span>
                {on_add.map(|on_add| view! {
                    <button
                        type="button"
                        id=add_id.clone()
                        class="button button--secondary env__add"
                        aria-label=format!("Add number to {}", env.label())
                        on:click=move |_| on_add.run(env)
                    >
                        <PlusIcon/>
                        "Number"
                    </button>
                })}
                {on_import.map(|on_import| view! {
                    <button
                        type="button"
                        id=import_id.clone()
                        class="button button--secondary env__import"
                        aria-label=format!("Import numbers to {}", env.label())
                        on:click=move |_| on_import.run(env)
                    >
                        "Import"
                    </button>
                })}
                <p class="env__desc">{env.description()}</p>
                {section.sip.map(|sip| view! { <SipSettings sip/> }.into_any())}
            </header>
            <div id=body_id class="env__body" hidden=move || !expanded.get()>
                {body}
            </div>
        </section>
    }
}
