//! `/projects/{project}/numbers`: loads the page data, renders it, and runs its actions.

use super::NotFound;
use crate::api::{
    AssignVariant, BuyNumber, ConnectNumber, DeleteNumber, PublishDraft, RetryRelease, UndoDelete,
    load_numbers_page, number_history, test_routing,
};
use crate::components::{
    AddNumberContext, AddNumberDialog, BuyInput, DeleteDialog, DeleteTarget, ErrorAlert,
    ExpandedSections, HistoryDialog, NumbersContent, ReassignDialog, ReassignTarget, RoutingDialog,
    RowActions, SessionEnded, actions_button_id, add_button_id, undo_button_id,
};
use crate::domain::{DeleteOutcome, HistoryEntry, NumbersPage, RoutingPreview};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::time::Duration;

/// Returns keyboard focus to the element with `id` once the page has re-rendered, unless
/// the person has already moved focus somewhere (only lost focus, on `<body>`, is restored).
pub(crate) fn focus_soon(id: String) {
    set_timeout(
        move || {
            use wasm_bindgen::JsCast;
            let document = document();
            let focus_lost = document
                .active_element()
                .is_none_or(|active| document.body().is_some_and(|body| active == *body.as_ref()));
            if !focus_lost {
                return;
            }
            if let Some(element) = document
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        },
        Duration::from_millis(30),
    );
}

/// A fresh idempotency key (a random UUID from the browser).
fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_default()
}

/// The Numbers page of the project named in the URL.
#[component]
pub fn NumbersScreen() -> impl IntoView {
    let params = use_params_map();
    let location = leptos_router::hooks::use_location();
    let here = Signal::derive(move || super::current_path(&location));
    let project = Memo::new(move |_| params.read().get("project").unwrap_or_default());
    let assign = ServerAction::<AssignVariant>::new();
    let buy = ServerAction::<BuyNumber>::new();
    let connect = ServerAction::<ConnectNumber>::new();
    let adding = RwSignal::new(None::<AddNumberContext>);
    // One idempotency key per attempt: a double submit reuses it, a new attempt gets a new one.
    let attempt_key = RwSignal::new(String::new());
    let publish = ServerAction::<PublishDraft>::new();
    // The first load goes through Suspense (server-rendered); after each action the data is
    // reloaded in place, so the page never flashes its loading state.
    let page = Resource::new(move || project.get(), load_numbers_page);
    let latest = RwSignal::new(None::<Result<NumbersPage, AppError>>);
    let reloading = RwSignal::new(false);
    let expanded = ExpandedSections::new();
    let target = RwSignal::new(None::<ReassignTarget>);
    let delete = ServerAction::<DeleteNumber>::new();
    let undo = ServerAction::<UndoDelete>::new();
    let retry = ServerAction::<RetryRelease>::new();
    let deleting = RwSignal::new(None::<DeleteTarget>);

    let open_reassign = Callback::new(move |t: ReassignTarget| {
        assign.value().set(None);
        target.set(Some(t));
    });
    let close_reassign = move || {
        if let Some(t) = target.get_untracked() {
            target.set(None);
            focus_soon(actions_button_id(&t.e164));
        }
    };
    let close_delete = move || {
        if let Some(t) = deleting.get_untracked() {
            deleting.set(None);
            focus_soon(actions_button_id(&t.e164));
        }
    };
    let close_add = move || {
        if let Some(context) = adding.get_untracked() {
            adding.set(None);
            focus_soon(add_button_id(context.environment));
        }
    };
    // After each action, reload the data in place; a successful assignment closes its dialog
    // once the updated row is on screen.
    Effect::new(move |previous: Option<usize>| {
        let done = assign.version().get()
            + publish.version().get()
            + buy.version().get()
            + connect.version().get()
            + delete.version().get()
            + undo.version().get()
            + retry.version().get();
        if previous.is_some_and(|p| p != done) {
            let project = project.get_untracked();
            reloading.set(true);
            leptos::task::spawn_local(async move {
                latest.set(Some(load_numbers_page(project).await));
                reloading.set(false);
                if let Some(Ok(())) = assign.value().get_untracked() {
                    close_reassign();
                }
                match buy.value().get_untracked() {
                    Some(Ok(_)) => close_add(),
                    Some(Err(_)) => attempt_key.set(new_key()),
                    None => {}
                }
                if let Some(Ok(_)) = connect.value().get_untracked() {
                    close_add();
                }
                if let Some(Ok(outcome)) = delete.value().get_untracked()
                    && let Some(t) = deleting.get_untracked()
                {
                    // The row is gone: focus goes to its Undo button, or to the section.
                    deleting.set(None);
                    focus_soon(match outcome {
                        DeleteOutcome::ReleasePending { .. } => undo_button_id(&t.e164),
                        DeleteOutcome::Disconnected => add_button_id(t.environment),
                    });
                }
            });
        }
        done
    });
    let open_add = Callback::new(move |context: AddNumberContext| {
        buy.value().set(None);
        connect.value().set(None);
        attempt_key.set(new_key());
        adding.set(Some(context));
    });
    // Test routing: the preview is loaded when the dialog opens.
    let testing = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<RoutingPreview>);
    let preview_error = RwSignal::new(None::<String>);
    let open_test_routing = Callback::new(move |e164: String| {
        preview.set(None);
        preview_error.set(None);
        testing.set(Some(e164.clone()));
        let project = project.get_untracked();
        leptos::task::spawn_local(async move {
            match test_routing(project, e164).await {
                Ok(found) => preview.set(Some(found)),
                Err(err) => preview_error.set(Some(err.to_string())),
            }
        });
    });
    let close_test_routing = move || {
        if let Some(e164) = testing.get_untracked() {
            testing.set(None);
            focus_soon(actions_button_id(&e164));
        }
    };
    // History: loaded when the dialog opens.
    let history_of = RwSignal::new(None::<String>);
    let history = RwSignal::new(None::<Vec<HistoryEntry>>);
    let history_error = RwSignal::new(None::<String>);
    let open_history = Callback::new(move |e164: String| {
        history.set(None);
        history_error.set(None);
        history_of.set(Some(e164.clone()));
        let project = project.get_untracked();
        leptos::task::spawn_local(async move {
            match number_history(project, e164).await {
                Ok(found) => history.set(Some(found)),
                Err(err) => history_error.set(Some(err.to_string())),
            }
        });
    });
    let close_history = move || {
        if let Some(e164) = history_of.get_untracked() {
            history_of.set(None);
            focus_soon(actions_button_id(&e164));
        }
    };
    let open_delete = Callback::new(move |t: DeleteTarget| {
        delete.value().set(None);
        deleting.set(Some(t));
    });
    let on_undo = Callback::new(move |e164: String| {
        undo.dispatch(UndoDelete {
            project: project.get_untracked(),
            e164,
        });
    });
    let on_retry = Callback::new(move |e164: String| {
        retry.dispatch(RetryRelease {
            project: project.get_untracked(),
            e164,
        });
    });
    let actions = RowActions {
        reassign: Some(open_reassign),
        test_routing: Some(open_test_routing),
        history: Some(open_history),
        delete: Some(open_delete),
    };
    // What the latest delete, undo or retry did, in one line: the newest answer wins.
    let flash = RwSignal::new(None::<Result<String, AppError>>);
    Effect::new(move |_| {
        if let Some(Ok(DeleteOutcome::Disconnected)) = delete.value().get() {
            flash.set(Some(Ok(
                "The number was disconnected. It stays in your Twilio account.".into(),
            )));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = undo.value().get() {
            flash.set(Some(result.map(|()| {
                "The number is back, with its environment and variant.".into()
            })));
        }
    });
    Effect::new(move |_| {
        if let Some(result) = retry.value().get() {
            flash.set(Some(
                result.map(|()| "The number was released to the provider.".into()),
            ));
        }
    });
    let outcome = move || {
        flash.get().map(|result| match result {
            Ok(text) => view! { <p class="flash" role="status">{text}</p> }.into_any(),
            Err(err) => view! { <ErrorAlert message=err.to_string()/> }.into_any(),
        })
    };
    let assign_error = Signal::derive(move || {
        assign
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    });
    let publish_error = move || {
        publish
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| view! { <ErrorAlert message=e.to_string()/> })
    };
    let on_publish = Callback::new(move |()| {
        publish.dispatch(PublishDraft {
            project: project.get_untracked(),
        });
    });

    view! {
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading numbers…"</p> }>
            {move || Suspend::new(async move {
                let first = page.await;
                move || match latest.get().unwrap_or_else(|| first.clone()) {
                    Ok(page) => view! {
                        <Title text=format!("Numbers · {}", page.project.name)/>
                        <NumbersContent
                            page
                            expanded
                            actions
                            on_publish=Some(on_publish)
                            on_add=Some(open_add)
                            on_undo=Some(on_undo)
                            on_retry=Some(on_retry)
                            publishing=publish.pending()
                            busy=Signal::derive(move || {
                                undo.pending().get() || retry.pending().get() || reloading.get()
                            })
                        />
                    }
                    .into_any(),
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
        {publish_error}
        {outcome}
        {move || history_of.get().map(|e164| view! {
            <HistoryDialog
                e164
                entries=history
                error=history_error
                project_href=format!("/projects/{}/history", project.get_untracked())
                on_close=move |()| close_history()
            />
        })}
        {move || deleting.get().map(|t| {
            let e164 = t.e164.clone();
            let undo_window = latest
                .get_untracked()
                .or_else(|| page.get_untracked())
                .and_then(Result::ok)
                .map(|p| p.undo_window)
                .unwrap_or_default();
            view! {
                <DeleteDialog
                    target=t
                    undo_window
                    on_delete=move |confirm_digits: String| {
                        delete.dispatch(DeleteNumber {
                            project: project.get_untracked(),
                            e164: e164.clone(),
                            confirm_digits,
                        });
                    }
                    on_close=move |()| close_delete()
                    pending=Signal::derive(move || delete.pending().get() || reloading.get())
                    error=Signal::derive(move || {
                        delete.value().get().and_then(Result::err).map(|e| e.to_string())
                    })
                />
            }
        })}
        {move || testing.get().map(|e164| view! {
            <RoutingDialog e164 preview error=preview_error on_close=move |()| close_test_routing()/>
        })}
        {move || adding.get().map(|context| {
            let environment = context.environment;
            view! {
                <AddNumberDialog
                    context
                    on_buy=move |input: BuyInput| {
                        buy.dispatch(BuyNumber {
                            project: project.get_untracked(),
                            environment: environment.slug().to_owned(),
                            country: input.country.to_owned(),
                            area_code: input.area_code,
                            variant: input.variant.map(|v| v.0),
                            idempotency_key: attempt_key.get_untracked(),
                        });
                    }
                    on_connect=move |(phone_number, variant): (String, Option<crate::domain::VariantId>)| {
                        buy.value().set(None);
                        connect.dispatch(ConnectNumber {
                            project: project.get_untracked(),
                            environment: environment.slug().to_owned(),
                            phone_number,
                            variant: variant.map(|v| v.0),
                        });
                    }
                    on_close=move |()| close_add()
                    pending=Signal::derive(move || {
                        buy.pending().get() || connect.pending().get() || reloading.get()
                    })
                    error=Signal::derive(move || {
                        buy.value()
                            .get()
                            .and_then(Result::err)
                            .or_else(|| connect.value().get().and_then(Result::err))
                    })
                />
            }
        })}
        {move || target.get().map(|t| {
            let e164 = t.e164.clone();
            view! {
                <ReassignDialog
                    target=t
                    variants_href=format!("/projects/{}/variants", project.get_untracked())
                    on_assign=move |variant: crate::domain::VariantId| {
                        assign.dispatch(AssignVariant {
                            project: project.get_untracked(),
                            e164: e164.clone(),
                            variant: variant.0,
                        });
                    }
                    on_close=move |()| close_reassign()
                    pending=Signal::derive(move || assign.pending().get() || reloading.get())
                    error=assign_error
                />
            }
        })}
    }
}
