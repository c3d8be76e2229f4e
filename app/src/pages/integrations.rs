//! `/projects/{project}/integrations`: the project's telephony integrations; members with Edit
//! connect, update and disconnect the Twilio account here.

use super::focus::focus_soon;
use super::{PageData, here, project_in_url};
use crate::api::{
    CheckTwilio, ConnectTwilio, DisconnectTwilio, UpdateTwilioCredentials, load_integrations_page,
};
use crate::components::{
    CONNECT_BUTTON, DISCONNECT_BUTTON, DisconnectTwilioDialog, ErrorAlert, IntegrationList,
    ReadOnlyNotice, TWILIO_HEADING, TwilioAccountDialog, TwilioActions, TwilioForm, UPDATE_BUTTON,
};
use crate::domain::integrations_page::IntegrationsPage;
use crate::domain::twilio_credentials::SecretText;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// What a member with Read access is told here.
const INTEGRATIONS_READ_ONLY: &str = "You have Read access to this project: you can see its integrations. Connecting, updating and disconnecting a Twilio account needs Edit access; ask a project admin.";

/// The dialog open on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Connect,
    Update,
    Disconnect,
}

/// The Integrations page of the project named in the URL.
#[component]
pub fn IntegrationsScreen() -> impl IntoView {
    let project = project_in_url();
    let data = PageData::new(project.into(), load_integrations_page);
    let connect = ServerAction::<ConnectTwilio>::new();
    let update = ServerAction::<UpdateTwilioCredentials>::new();
    let disconnect = ServerAction::<DisconnectTwilio>::new();
    let check = ServerAction::<CheckTwilio>::new();
    let open = RwSignal::new(None::<Open>);
    let outcome = RwSignal::new(None::<String>);
    // A failure that arrives after its dialog was closed: the page says it instead.
    let late_failure = RwSignal::new(None::<String>);
    let done = move |result: Option<Result<(), AppError>>,
                     dialog: Open,
                     message: &'static str,
                     failed: &'static str| match result {
        Some(Ok(())) => data.reload(move || {
            // Another dialog opened since stays open.
            if open.get_untracked() == Some(dialog) {
                open.set(None);
            }
            outcome.set(Some(message.to_owned()));
            focus_soon(TWILIO_HEADING.to_owned());
        }),
        Some(Err(err)) if open.get_untracked() != Some(dialog) => {
            late_failure.set(Some(format!("{failed}. {err}")));
        }
        _ => {}
    };
    for (answer, dialog, message, failed) in [
        (
            connect.value(),
            Open::Connect,
            "Twilio account connected.",
            "The Twilio account was not connected",
        ),
        (
            update.value(),
            Open::Update,
            "Twilio credentials updated.",
            "The Twilio credentials were not updated",
        ),
        (
            disconnect.value(),
            Open::Disconnect,
            "Twilio account disconnected.",
            "The Twilio account was not disconnected",
        ),
    ] {
        Effect::new(move |_| done(answer.get(), dialog, message, failed));
    }
    // Checking opens no dialog: success reloads the account's status, a refusal is an alert.
    Effect::new(move |_| {
        if let Some(Ok(())) = check.value().get() {
            data.reload(move || {
                outcome.set(Some("Twilio accepted the stored credentials.".into()))
            });
        }
    });
    let check_failure = move || {
        check
            .value()
            .get()
            .and_then(Result::err)
            .map(|err| view! { <ErrorAlert message=err.to_string()/> })
    };
    let show = move |which: Open| {
        connect.value().set(None);
        update.value().set(None);
        disconnect.value().set(None);
        check.value().set(None);
        outcome.set(None);
        late_failure.set(None);
        open.set(Some(which));
    };
    let actions = TwilioActions {
        connect: Callback::new(move |()| show(Open::Connect)),
        update: Callback::new(move |()| show(Open::Update)),
        disconnect: Callback::new(move |()| show(Open::Disconnect)),
        check: Callback::new(move |()| {
            outcome.set(None);
            late_failure.set(None);
            check.dispatch(CheckTwilio {
                project: project.get_untracked(),
            });
        }),
    };
    let pending = Signal::derive(move || {
        connect.pending().get()
            || update.pending().get()
            || disconnect.pending().get()
            || data.reloading().get()
    });
    let connect_error = Signal::derive(move || connect.value().get().and_then(Result::err));
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let disconnect_error = Signal::derive(move || {
        disconnect
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    });
    let dialog = move || {
        let which = open.get()?;
        let page: IntegrationsPage = data.current()?;
        let opener = match which {
            Open::Connect => CONNECT_BUTTON,
            Open::Update => UPDATE_BUTTON,
            Open::Disconnect => DISCONNECT_BUTTON,
        };
        let close = Callback::new(move |()| {
            open.set(None);
            focus_soon(opener.to_owned());
        });
        let twilio = page.twilio;
        let submit = move |form: TwilioForm, updating: bool| {
            let TwilioForm {
                account_sid,
                auth_token,
                api_key_sid,
                api_key_secret,
            } = form;
            let (auth_token, api_key_secret) = (SecretText(auth_token), SecretText(api_key_secret));
            let project = project.get_untracked();
            if updating {
                update.dispatch(UpdateTwilioCredentials {
                    project,
                    account_sid,
                    auth_token,
                    api_key_sid,
                    api_key_secret,
                });
            } else {
                connect.dispatch(ConnectTwilio {
                    project,
                    account_sid,
                    auth_token,
                    api_key_sid,
                    api_key_secret,
                });
            }
        };
        Some(match (which, twilio) {
            (Open::Connect, _) => view! {
                <TwilioAccountDialog
                    on_submit=move |form| submit(form, false)
                    on_close=close
                    pending
                    error=connect_error
                />
            }
            .into_any(),
            (Open::Update, Some(status)) => view! {
                <TwilioAccountDialog
                    updating=Some(status.account_sid)
                    on_submit=move |form| submit(form, true)
                    on_close=close
                    pending
                    error=update_error
                />
            }
            .into_any(),
            (Open::Disconnect, Some(status)) => view! {
                <DisconnectTwilioDialog
                    account_sid=status.account_sid
                    numbers=status.numbers
                    on_disconnect=move |()| {
                        disconnect.dispatch(DisconnectTwilio { project: project.get_untracked() });
                    }
                    on_close=close
                    pending
                    error=disconnect_error
                />
            }
            .into_any(),
            _ => return None,
        })
    };
    let content = move |page: IntegrationsPage| {
        let can_edit = page.can_edit;
        view! {
            <Title text=format!("Integrations · {}", page.project.name)/>
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <ol>
                    <li><span>"Configure"</span></li>
                    <li><a href=crate::paths::numbers(&page.project.slug)>"Numbers"</a></li>
                    <li><span aria-current="page">"Integrations"</span></li>
                </ol>
            </nav>
            <div class="page-head">
                <h1>"Integrations"</h1>
                <p class="page-head__project">{page.project.name.clone()}</p>
                <a class="page-head__link" href=crate::paths::numbers(&page.project.slug)>"Back to Numbers"</a>
            </div>
            <p>"How this project's numbers reach your agent. Every change here is recorded in the project history."</p>
            {(!can_edit).then(|| view! { <ReadOnlyNotice message=INTEGRATIONS_READ_ONLY/> })}
            <IntegrationList page actions=can_edit.then_some(actions)/>
        }
        .into_any()
    };
    view! {
        <div class="toast-region" role="status">{move || outcome.get()}</div>
        {check_failure}
        {move || late_failure.get().map(|message| view! { <ErrorAlert message/> })}
        {data.view("Loading integrations…", here(), content)}
        {super::live::reload_on_changes(project, data, |_| ())}
        {dialog}
    }
}
