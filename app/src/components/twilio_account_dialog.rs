//! The Connect Twilio account dialog (also Update Twilio credentials): the Account SID, the
//! auth token, and optionally an API key, each with where to find it in the Twilio Console.

use super::{DialogButtons, ErrorAlert, Modal, SubmitButton};
use crate::domain::twilio_credentials::{CredentialsError, TwilioCredentials};
use crate::error::AppError;
use leptos::prelude::*;

/// The four fields as typed (no `Debug`: two are secrets).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TwilioForm {
    /// `AC…`.
    pub account_sid: String,
    /// The account's auth token.
    pub auth_token: String,
    /// `SK…`, or empty.
    pub api_key_sid: String,
    /// The API key's secret, or empty.
    pub api_key_secret: String,
}

/// One field: its form name, label, help, and whether it holds a secret (masked, never
/// autofilled).
struct Field {
    name: &'static str,
    label: &'static str,
    help: &'static str,
    secret: bool,
}

const FIELDS: [Field; 4] = [
    Field {
        name: "account_sid",
        label: "Account SID",
        help: "In the Twilio Console, Account Info on the dashboard: AC followed by 32 characters.",
        secret: false,
    },
    Field {
        name: "auth_token",
        label: "Auth token",
        help: "Under the Account SID in Account Info (click to reveal it). Twilio signs the calls it sends here with it, so it is needed even when you add an API key.",
        secret: true,
    },
    Field {
        name: "api_key_sid",
        label: "API key SID (optional)",
        help: "Account, then API keys & tokens: a Standard key's SID (SK…). With a key, Twilio calls use it instead of the auth token, and rotating the token elsewhere does not stop them.",
        secret: false,
    },
    Field {
        name: "api_key_secret",
        label: "API key secret (optional)",
        help: "Shown once, when the API key was created. Lost it? Create a new key.",
        secret: true,
    },
];

/// The dialog: `updating` is the connected account's SID (the dialog then replaces its
/// credentials); `error` is the server's answer to the last submit, shown next to its field
/// or in an alert. Stored secrets are never shown: they are typed again.
#[component]
pub fn TwilioAccountDialog(
    #[prop(optional_no_strip)] updating: Option<String>,
    #[prop(into)] on_submit: Callback<TwilioForm>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(optional, into)] error: Signal<Option<AppError>>,
    #[prop(optional)] typed: TwilioForm,
) -> impl IntoView {
    let (title, submit_label) = match updating {
        Some(_) => ("Update Twilio credentials", "Save"),
        None => ("Connect Twilio account", "Connect"),
    };
    let start = TwilioForm {
        account_sid: updating.clone().unwrap_or(typed.account_sid.clone()),
        ..typed
    };
    let values = [
        RwSignal::new(start.account_sid),
        RwSignal::new(start.auth_token),
        RwSignal::new(start.api_key_sid),
        RwSignal::new(start.api_key_secret),
    ];
    // The browser's own check of the last submit, every field in error.
    let checked = RwSignal::new(Vec::<CredentialsError>::new());
    // Fields changed, or a submit made, since the server's last answer: its errors for them
    // are out of date and no longer shown.
    let edited = RwSignal::new(Vec::<&'static str>::new());
    let resubmitted = RwSignal::new(false);
    let inputs: [NodeRef<leptos::html::Input>; 4] = std::array::from_fn(|_| NodeRef::new());
    let focus_field = move |name: &str| {
        let index = FIELDS.iter().position(|f| f.name == name).unwrap_or(0);
        if let Some(input) = inputs[index].get_untracked() {
            let _ = input.focus();
        }
    };
    // A new answer from the server: its errors are current; focus goes to the first field it
    // names (or the first field, under an alert), not to the page.
    Effect::new(move |first_run: Option<()>| {
        let answer = error.get();
        edited.set(Vec::new());
        resubmitted.set(false);
        // Only an answer that arrives while the dialog is open moves focus.
        if first_run.is_some() {
            match answer {
                Some(AppError::Invalid { field, .. }) => focus_field(&field),
                Some(_) => focus_field(FIELDS[0].name),
                None => {}
            }
        }
    });
    let form = move || TwilioForm {
        account_sid: values[0].get_untracked(),
        auth_token: values[1].get_untracked(),
        api_key_sid: values[2].get_untracked(),
        api_key_secret: values[3].get_untracked(),
    };
    let field_error = move |name: &'static str| {
        let local = checked
            .get()
            .into_iter()
            .find(|e| e.field == name)
            .map(|e| e.message);
        let current = !resubmitted.get() && !edited.get().contains(&name);
        local.or_else(|| {
            current
                .then(|| error.get().and_then(|e| e.for_field(name)))
                .flatten()
        })
    };
    let general_error = move || {
        (!resubmitted.get())
            .then(|| error.get().and_then(|e| e.outside_fields()))
            .flatten()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = form();
        resubmitted.set(true);
        match TwilioCredentials::parse(
            &typed.account_sid,
            &typed.auth_token,
            &typed.api_key_sid,
            &typed.api_key_secret,
        ) {
            Ok(_) => {
                checked.set(Vec::new());
                on_submit.run(typed);
            }
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus_field(first.field);
                }
                checked.set(errors);
            }
        }
    };
    let fields = FIELDS
        .iter()
        .zip(values)
        .zip(inputs)
        .map(|((field, value), input_ref)| {
            let id = super::scoped_id(&format!("twilio-{}", field.name));
            let (help_id, error_id) = (format!("{id}-help"), format!("{id}-error"));
            let name = field.name;
            let described = {
                let (help_id, error_id) = (help_id.clone(), error_id.clone());
                move || match field_error(name) {
                    Some(_) => format!("{error_id} {help_id}"),
                    None => help_id.clone(),
                }
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{field.label}</label>
                    <input
                        node_ref=input_ref
                        id=id
                        name=name
                        type="text"
                        class:field__secret=field.secret
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || value.get()
                        on:input=move |ev| {
                            value.set(event_target_value(&ev));
                            checked.update(|errors| errors.retain(|e| e.field != name));
                            if !edited.get_untracked().contains(&name) {
                                edited.update(|fields| fields.push(name));
                            }
                        }
                        aria-invalid=move || field_error(name).is_some().to_string()
                        aria-describedby=described
                    />
                    {move || field_error(name).map(|message| view! { <p id=error_id.clone() class="field__error">{message}</p> })}
                    <p id=help_id class="field__hint">{field.help}</p>
                </div>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <Modal title=title on_close>
            <form class="modal__body" on:submit=submit novalidate>
                <p>"Twilio checks these credentials before anything is saved. They are stored encrypted and are never shown again."</p>
                {fields}
                {move || general_error().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton
                        label=Signal::derive(move || if pending.get() { "Checking with Twilio…" } else { submit_label })
                        pending
                    />
                </DialogButtons>
            </form>
        </Modal>
    }
}
