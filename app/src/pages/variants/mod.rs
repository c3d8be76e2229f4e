//! `/projects/{project}/variants`: the draft's variants, publishing and promotion. The two
//! confirmations (delete a variant, promote to Live) are in files beside this one.

mod changes;
mod confirmations;

use super::{PageData, here, project_in_url};
use crate::api::load_variants_page;
use crate::components::{
    AddVariantForm, ErrorAlert, PublishHistory, PublishPanel, ReadOnlyNotice, VariantList,
};
use crate::domain::VariantsPage;
use changes::VariantChanges;
use confirmations::Confirmations;
use leptos::prelude::*;
use leptos_meta::Title;

/// What a member with Read access is told on the Variants page.
const VARIANTS_READ_ONLY: &str = "You have Read access to this project: you can see its variants and where they are published. Adding, renaming, deleting, publishing and promoting variants needs Edit access; ask a project admin.";

/// The Variants page of the project named in the URL.
#[component]
pub fn VariantsScreen() -> impl IntoView {
    let project = project_in_url();
    let data = PageData::new(project.into(), load_variants_page);
    let changes = VariantChanges::new(project, data);
    let confirm = Confirmations::new(changes);
    let content = move |page: VariantsPage| {
        let can_edit = page.can_edit;
        view! {
            <Title text=format!("Variants · {}", page.project.name)/>
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <ol>
                    <li><span>"Configure"</span></li>
                    <li><span aria-current="page">"Variants"</span></li>
                </ol>
            </nav>
            <div class="page-head">
                <h1>"Variants"</h1>
                <p class="page-head__project">{page.project.name}</p>
                <a class="page-head__link" href=crate::paths::numbers(&page.project.slug)>"Back to Numbers"</a>
            </div>
            {(!can_edit).then(|| view! { <ReadOnlyNotice message=VARIANTS_READ_ONLY/> })}
            <section class="card" aria-labelledby="draft-title">
                <h2 id="draft-title">"Draft"</h2>
                <p class="card__hint">"The first variant is the default. Changes here reach numbers once published."</p>
                {can_edit.then(|| view! {
                    <AddVariantForm
                        on_add=changes.create()
                        pending=changes.pending()
                        error=changes.create_error()
                        done=changes.created()
                    />
                })}
                <VariantList
                    rows=page.variants
                    on_rename=can_edit.then_some(changes.rename())
                    on_delete=can_edit.then_some(confirm.delete_variant())
                />
            </section>
            <section class="card" aria-labelledby="publish-title">
                <h2 id="publish-title">"Publishing"</h2>
                <p class="card__hint">"Publish puts the draft into Sandbox; promote copies Sandbox to Pre-release, and Pre-release to Live."</p>
                <PublishPanel
                    environments=page.environments
                    on_publish=can_edit.then_some(changes.publish())
                    on_promote=can_edit.then_some(confirm.promote())
                    pending=changes.pending()
                />
                <h3>"History"</h3>
                <PublishHistory records=page.history/>
            </section>
        }
        .into_any()
    };
    view! {
        <div class="toast-region" role="status">{move || changes.outcome()}</div>
        {move || changes.failure().map(|message| view! { <ErrorAlert message/> })}
        {data.view("Loading variants…", here(), content)}
        {super::live::reload_on_changes(project, data, |_| ())}
        {confirm.view()}
    }
}
