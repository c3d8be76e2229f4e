//! The Numbers page below the site header, from loaded data.

use super::{
    AddNumberContext, CalloutList, DeletionList, EnvironmentPanel, FinderControl, NoIntegration,
    NumbersFinder, ProviderChecks, ReadOnlyNotice, RowActions, StatusCallbacks,
};
use crate::domain::{IntegrationKind, NumbersPage, PageBody};
use leptos::prelude::*;

/// Open state of the three sections, kept by the page so it survives a refresh.
#[derive(Clone, Copy, Debug)]
pub struct ExpandedSections([RwSignal<bool>; 3]);

impl ExpandedSections {
    /// All three expanded.
    pub fn new() -> Self {
        Self([
            RwSignal::new(true),
            RwSignal::new(true),
            RwSignal::new(true),
        ])
    }
}

impl Default for ExpandedSections {
    fn default() -> Self {
        Self::new()
    }
}

/// What a member with Read access is told on the Numbers page.
pub const NUMBERS_READ_ONLY: &str = "You have Read access to this project's numbers: you can view them, test their routing and read their history. Adding, reassigning and deleting numbers needs Edit access; ask a project admin.";

/// Breadcrumb, heading, callouts and the page body for `page`.
///
/// Without callbacks it is read-only: no actions menus, no Publish buttons. When the member
/// may not edit (`page.can_edit`), the changing callbacks are dropped and a note says why.

#[component]
pub fn NumbersContent(
    page: NumbersPage,
    #[prop(optional)] expanded: ExpandedSections,
    #[prop(optional)] actions: RowActions,
    #[prop(optional_no_strip)] on_publish: Option<Callback<()>>,
    #[prop(optional_no_strip)] on_add: Option<Callback<AddNumberContext>>,
    #[prop(optional_no_strip)] on_import: Option<Callback<crate::domain::Environment>>,
    #[prop(optional_no_strip)] on_undo: Option<Callback<String>>,
    #[prop(optional_no_strip)] on_retry: Option<Callback<String>>,
    #[prop(optional, into)] publishing: Signal<bool>,
    #[prop(optional, into)] busy: Signal<bool>,
    #[prop(optional_no_strip)] on_view: Option<Callback<(String, FinderControl)>>,
    #[prop(optional_no_strip)] finder_focus: Option<FinderControl>,
) -> impl IntoView {
    let can_edit = page.can_edit;
    let on_publish = on_publish.filter(|_| can_edit);
    let on_add = on_add.filter(|_| can_edit);
    let on_import = on_import.filter(|_| can_edit);
    let on_undo = on_undo.filter(|_| can_edit);
    let on_retry = on_retry.filter(|_| can_edit);
    let actions = actions.for_member(can_edit);
    let variants_href = crate::paths::variants(&page.project.slug);
    let history_href = crate::paths::history(&page.project.slug);
    let integrations_href = crate::paths::integrations(&page.project.slug);
    let api_keys_href = crate::paths::api_keys(&page.project.slug);
    let finder = page.finder;
    let body = match page.body {
        PageBody::NoIntegration => {
            view! { <NoIntegration integrations_href=integrations_href.clone()/> }.into_any()
        }
        PageBody::Sections {
            uses_variants,
            callouts,
            integrations,
            sections,
            deletions,
            checks,
        } => {
            let clear = finder.as_ref().and_then(|f| f.clear.clone());
            // Imports connect numbers of the project's Twilio account.
            let on_import = on_import.filter(|_| integrations.contains(&IntegrationKind::Twilio));
            let status = StatusCallbacks {
                undo: on_undo,
                retry: on_retry,
            };
            view! {
            <CalloutList callouts on_publish publishing/>
            <ProviderChecks notices=checks/>
            <DeletionList deletions on_undo on_retry busy/>
            {finder.map(|finder| view! {
                <NumbersFinder finder uses_variants on_view focus=finder_focus/>
            })}
            <div class="sections">
                {sections
                    .into_iter()
                    .zip(expanded.0)
                    .map(|(section, expanded)| {
                        let context = AddNumberContext {
                            environment: section.environment,
                            uses_variants,
                            variants: section.assignable.clone(),
                            // The pool sells when the project has it; otherwise its Twilio account.
                            can_buy: integrations.contains(&IntegrationKind::BuiltInPool)
                                || integrations.contains(&IntegrationKind::Twilio),
                            buys_through_twilio: !integrations.contains(&IntegrationKind::BuiltInPool)
                                && integrations.contains(&IntegrationKind::Twilio),
                            can_connect: integrations.contains(&IntegrationKind::Twilio),
                        };
                        let on_add = on_add.map(|open| Callback::new(move |_| open.run(context.clone())));
                        let actions = actions.clone();
                        let clear = clear.clone();
                        // Erased: the section's full type is too deep for release builds.
                        view! { <EnvironmentPanel section uses_variants expanded actions status on_add on_import clear/> }
                            .into_any()
                    })
                    .collect_view()}
            </div>
            }
            .into_any()
        }
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
            <a class="page-head__link" href=variants_href>"Manage variants"</a>
            <a class="page-head__link" href=history_href>"Project history"</a>
            <a class="page-head__link" href=integrations_href>"Integrations"</a>
            <a class="page-head__link" href=api_keys_href>"API keys"</a>
        </div>
        {(!can_edit).then(|| view! { <ReadOnlyNotice message=NUMBERS_READ_ONLY/> })}
        {body}
    }
}
