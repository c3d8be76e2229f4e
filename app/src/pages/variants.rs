//! `/projects/{project}/variants`: the draft's variants, publishing and promotion.

use super::NotFound;
use super::numbers::focus_soon;
use crate::api::{
    CreateVariant, DeleteVariant, Promote, PublishDraft, RenameVariant, load_variants_page,
};
use crate::components::{
    AddVariantForm, ErrorAlert, Modal, PublishHistory, PublishPanel, ReadOnlyNotice, SessionEnded,
    VariantList,
};

/// What a member with Read access is told on the Variants page.
const VARIANTS_READ_ONLY: &str = "You have Read access to this project: you can see its variants and where they are published. Adding, renaming, deleting, publishing and promoting variants needs Edit access; ask a project admin.";
use crate::domain::{Environment, VariantId, VariantRow, VariantsPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The Variants page of the project named in the URL.
#[component]
pub fn VariantsScreen() -> impl IntoView {
    let params = use_params_map();
    let location = leptos_router::hooks::use_location();
    let here = Signal::derive(move || super::current_path(&location));
    let project = Memo::new(move |_| params.read().get("project").unwrap_or_default());
    let create = ServerAction::<CreateVariant>::new();
    let rename = ServerAction::<RenameVariant>::new();
    let delete = ServerAction::<DeleteVariant>::new();
    let publish = ServerAction::<PublishDraft>::new();
    let promote = ServerAction::<Promote>::new();
    // First load through Suspense; after each action the data is reloaded in place.
    let page = Resource::new(move || project.get(), load_variants_page);
    let latest = RwSignal::new(None::<Result<VariantsPage, AppError>>);
    Effect::new(move |previous: Option<usize>| {
        let done = create.version().get()
            + rename.version().get()
            + delete.version().get()
            + publish.version().get()
            + promote.version().get();
        if previous.is_some_and(|p| p != done) {
            let project = project.get_untracked();
            leptos::task::spawn_local(async move {
                latest.set(Some(load_variants_page(project).await));
            });
        }
        done
    });
    let pending = Signal::derive(move || {
        create.pending().get()
            || rename.pending().get()
            || delete.pending().get()
            || publish.pending().get()
            || promote.pending().get()
    });
    let outcome = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let report = move |result: Option<Result<(), AppError>>, success: String| match result {
        Some(Ok(())) => {
            failure.set(None);
            outcome.set(Some(success));
        }
        Some(Err(err)) => {
            outcome.set(None);
            failure.set(Some(err.to_string()));
        }
        None => {}
    };
    let promoted_to = RwSignal::new(Environment::PreRelease);
    Effect::new(move |_| report(rename.value().get(), "Variant renamed.".into()));
    Effect::new(move |_| {
        report(
            delete.value().get(),
            "Variant deleted from the draft.".into(),
        )
    });
    Effect::new(move |_| {
        report(
            publish.value().get(),
            "Published the draft to Sandbox.".into(),
        )
    });
    Effect::new(move |_| {
        let target = promoted_to.get_untracked();
        report(
            promote.value().get(),
            format!("Promoted to {}.", target.label()),
        );
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = create.value().get() {
            failure.set(None);
            outcome.set(Some("Variant added to the draft.".into()));
        }
    });
    let create_error = Signal::derive(move || {
        create
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    });

    let deleting = RwSignal::new(None::<VariantRow>);
    let confirming_live = RwSignal::new(false);
    let do_promote = move |target: Environment| {
        promoted_to.set(target);
        promote.dispatch(Promote {
            project: project.get_untracked(),
            to: target.slug().to_owned(),
        });
    };
    let on_promote = Callback::new(move |target: Environment| {
        if target == Environment::Live {
            confirming_live.set(true);
        } else {
            do_promote(target);
        }
    });
    let content = move |page: VariantsPage| {
        let can_edit = page.can_edit;
        let on_rename = Callback::new(move |(id, name): (VariantId, String)| {
            rename.dispatch(RenameVariant {
                project: project.get_untracked(),
                variant: id.0,
                name,
            });
        });
        let on_delete = Callback::new(move |row: VariantRow| deleting.set(Some(row)));
        let on_publish = Callback::new(move |()| {
            publish.dispatch(PublishDraft {
                project: project.get_untracked(),
            });
        });
        let numbers_href = format!("/projects/{}/numbers", page.project.slug);
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
                <a class="page-head__link" href=numbers_href>"Back to Numbers"</a>
            </div>
            {(!can_edit).then(|| view! { <ReadOnlyNotice message=VARIANTS_READ_ONLY/> })}
            <section class="card" aria-labelledby="draft-title">
                <h2 id="draft-title">"Draft"</h2>
                <p class="card__hint">"The first variant is the default. Changes here reach numbers once published."</p>
                {can_edit.then(|| view! {
                    <AddVariantForm
                        on_add=move |name: String| {
                            create.dispatch(CreateVariant { project: project.get_untracked(), name });
                        }
                        pending
                        error=create_error
                        done=create.version()
                    />
                })}
                <VariantList
                    rows=page.variants
                    on_rename=can_edit.then_some(on_rename)
                    on_delete=can_edit.then_some(on_delete)
                />
            </section>
            <section class="card" aria-labelledby="publish-title">
                <h2 id="publish-title">"Publishing"</h2>
                <p class="card__hint">"Publish puts the draft into Sandbox; promote copies Sandbox to Pre-release, and Pre-release to Live."</p>
                <PublishPanel
                    environments=page.environments
                    on_publish=can_edit.then_some(on_publish)
                    on_promote=can_edit.then_some(on_promote)
                    pending
                />
                <h3>"History"</h3>
                <PublishHistory records=page.history/>
            </section>
        }
    };

    view! {
        <div class="toast-region" role="status">{move || outcome.get()}</div>
        {move || failure.get().map(|message| view! { <ErrorAlert message/> })}
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading variants…"</p> }>
            {move || Suspend::new(async move {
                let first = page.await;
                move || match latest.get().unwrap_or_else(|| first.clone()) {
                    Ok(page) => content(page).into_any(),
                    Err(err @ AppError::ProjectNotFound(_)) => view! { <NotFound what=err.to_string()/> }.into_any(),
                    Err(AppError::SignInRequired) => {
                        view! { <SessionEnded here=here.get_untracked()/> }.into_any()
                    }
                    Err(err) => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
        {move || deleting.get().map(|row| {
            let name = row.variant.name.clone();
            let id = row.variant.id;
            let close = move || {
                deleting.set(None);
                focus_soon("variant-name".into());
            };
            let numbers = if row.numbers.is_empty() {
                "No numbers are assigned to it.".to_owned()
            } else {
                format!(
                    "These numbers are still assigned to it and keep routing to it until you reassign them: {}.",
                    row.numbers.join(", ")
                )
            };
            view! {
                <Modal title="Delete variant" alert=true on_close=move |()| close()>
                    <div class="modal__body">
                        <p>{format!("Delete {name} from the draft? Published versions keep it until you publish again.")}</p>
                        <p>{numbers}</p>
                        <div class="modal__actions">
                            <button type="button" class="button button--secondary" on:click=move |_| close()>"Cancel"</button>
                            <button
                                type="button"
                                class="button button--danger"
                                on:click=move |_| {
                                    delete.dispatch(DeleteVariant { project: project.get_untracked(), variant: id.0 });
                                    close();
                                }
                            >
                                "Delete variant"
                            </button>
                        </div>
                    </div>
                </Modal>
            }
        })}
        {move || confirming_live.get().then(|| {
            let close = move || confirming_live.set(false);
            view! {
                <Modal title="Promote to Live" alert=true on_close=move |()| close()>
                    <div class="modal__body">
                        <p>"Live serves production traffic. Promoting copies Pre-release's variants to Live, and calls to Live numbers use them at once."</p>
                        <div class="modal__actions">
                            <button type="button" class="button button--secondary" on:click=move |_| close()>"Cancel"</button>
                            <button
                                type="button"
                                class="button button--primary"
                                on:click=move |_| {
                                    do_promote(Environment::Live);
                                    close();
                                }
                            >
                                "Promote"
                            </button>
                        </div>
                    </div>
                </Modal>
            }
        })}
    }
}
