//! `/projects/{project}/numbers`: loads the page, renders it, and wires each row action and
//! dialog (one file each beside this one) to it.

mod add_number;
mod delete_number;
mod dialog_state;
mod import_numbers;
mod lazy_dialogs;
mod number_history;
mod publish;
mod reassign;
mod test_routing;

use super::{PageData, here, project_in_url};
use crate::api::load_numbers_page;
use crate::components::{ExpandedSections, FinderControl, NumbersContent, RowActions};
use crate::domain::NumbersPage;
use leptos::prelude::*;
use leptos_meta::Title;

/// The Numbers page's data, keyed by project and the view in the URL's query.
type NumbersData = PageData<(String, String), NumbersPage>;

/// Loads the page for a (project, URL query) key.
async fn load((project, view): (String, String)) -> Result<NumbersPage, crate::error::AppError> {
    load_numbers_page(project, view).await
}

/// The Numbers page of the project named in the URL.
#[component]
pub fn NumbersScreen() -> impl IntoView {
    let project = project_in_url();
    let query = leptos_router::hooks::use_location().search;
    let key = Signal::derive(move || (project.get(), query.get()));
    let data: NumbersData = PageData::in_place(key, |(project, _)| project.clone(), load);
    let add = add_number::AddNumber::new(project, data);
    let import = import_numbers::ImportNumbers::new(project, data);
    let reassign = reassign::Reassign::new(project, data);
    let routing = test_routing::TestRouting::new(project);
    let history = number_history::NumberHistory::new(project);
    let delete = delete_number::DeleteNumber::new(project, data);
    let publish = publish::Publish::new(project, data);
    // The dialogs' code arrives in the background once the page is interactive.
    Effect::new(|_| lazy_dialogs::preload());
    // The sections' open state lives here, so it survives every reload.
    let expanded = ExpandedSections::new();
    // A new view is a new URL (reload, back/forward and shared links show it); the control
    // that asked for it gets focus back once it is shown.
    let refocus = StoredValue::new(None::<FinderControl>);
    let on_view = view_navigation(refocus);
    let actions = RowActions(vec![
        reassign.action(),
        routing.action(),
        history.action(),
        delete.action(),
    ]);
    let content = move |page: NumbersPage| {
        let finder_focus = refocus.get_value();
        refocus.set_value(None);
        view! {
            <Title text=format!("Numbers · {}", page.project.name)/>
            <NumbersContent
                page
                expanded
                actions=actions.clone()
                on_publish=Some(publish.run())
                on_add=Some(add.opener())
                on_import=Some(import.opener())
                on_undo=Some(delete.undo())
                on_retry=Some(delete.retry())
                publishing=publish.pending()
                busy=delete.busy()
                on_view
                finder_focus
            />
        }
        .into_any()
    };
    let live = super::live::reload_on_changes(project, data, move |change| {
        reassign.hear(change);
        delete.hear(change);
    });
    view! {
        {data.view("Loading numbers…", here(), content)}
        {live}
        {publish.error()}
        {delete.outcome()}
        {history.view()}
        {delete.view()}
        {routing.view()}
        {add.view()}
        {import.view()}
        {reassign.view()}
    }
}

/// Shows a new view of the page by navigating to its URL, remembering the control that asked
/// for it. In the browser only: the server renders the form, whose submissions are page loads
/// until the page hydrates.
fn view_navigation(
    refocus: StoredValue<Option<FinderControl>>,
) -> Option<Callback<(String, FinderControl)>> {
    #[cfg(feature = "hydrate")]
    {
        let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
        let location = leptos_router::hooks::use_location();
        Some(Callback::new(
            move |(href, control): (String, FinderControl)| {
                let (path, search) = (
                    location.pathname.get_untracked(),
                    location.search.get_untracked(),
                );
                let here = match search.as_str() {
                    "" => path,
                    search => format!("{path}?{search}"),
                };
                // The same view reloads nothing, so no later reload may take the focus.
                if href == here {
                    return;
                }
                refocus.set_value(Some(control));
                navigate.with_value(|navigate| {
                    navigate(
                        &href,
                        leptos_router::NavigateOptions {
                            scroll: false,
                            ..Default::default()
                        },
                    );
                });
            },
        ))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = refocus;
        None
    }
}
