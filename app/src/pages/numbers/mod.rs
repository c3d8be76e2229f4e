//! `/projects/{project}/numbers`: loads the page, renders it, and wires each row action and
//! dialog (one file each beside this one) to it.

mod add_number;
mod delete_number;
mod number_history;
mod publish;
mod reassign;
mod test_routing;

use super::{PageData, here, project_in_url};
use crate::api::load_numbers_page;
use crate::components::{ExpandedSections, NumbersContent, RowActions};
use crate::domain::NumbersPage;
use leptos::prelude::*;
use leptos_meta::Title;

/// The Numbers page's data, keyed by project.
type NumbersData = PageData<String, NumbersPage>;

/// The Numbers page of the project named in the URL.
#[component]
pub fn NumbersScreen() -> impl IntoView {
    let project = project_in_url();
    let data: NumbersData = PageData::new(project.into(), load_numbers_page);
    let add = add_number::AddNumber::new(project, data);
    let reassign = reassign::Reassign::new(project, data);
    let routing = test_routing::TestRouting::new(project);
    let history = number_history::NumberHistory::new(project);
    let delete = delete_number::DeleteNumber::new(project, data);
    let publish = publish::Publish::new(project, data);
    // The sections' open state lives here, so it survives every reload.
    let expanded = ExpandedSections::new();
    let actions = RowActions(vec![
        reassign.action(),
        routing.action(),
        history.action(),
        delete.action(),
    ]);
    let content = move |page: NumbersPage| {
        view! {
            <Title text=format!("Numbers · {}", page.project.name)/>
            <NumbersContent
                page
                expanded
                actions=actions.clone()
                on_publish=Some(publish.run())
                on_add=Some(add.opener())
                on_undo=Some(delete.undo())
                on_retry=Some(delete.retry())
                publishing=publish.pending()
                busy=delete.busy()
            />
        }
        .into_any()
    };
    view! {
        {data.view("Loading numbers…", here(), content)}
        {publish.error()}
        {delete.outcome()}
        {history.view()}
        {delete.view()}
        {routing.view()}
        {add.view()}
        {reassign.view()}
    }
}
