//! Gallery states of the Integrations page's components, from fixture data.

use super::{Component, State};
use crate::components::{
    DisconnectTwilioDialog, IntegrationList, TwilioAccountDialog, TwilioActions, TwilioForm,
};
use crate::domain::integrations_page::{CarriedNumber, IntegrationsPage, TwilioStatus};
use crate::domain::{Environment, ProjectSummary};
use crate::error::AppError;
use leptos::prelude::*;

const SID: &str = "AC0123456789abcdef0123456789abcdef";

fn carried() -> Vec<CarriedNumber> {
    vec![
        CarriedNumber {
            e164: "+12125550142".into(),
            international: "+1 212-555-0142".into(),
            environment: Environment::Sandbox,
            bought: false,
        },
        CarriedNumber {
            e164: "+14165550100".into(),
            international: "+1 416-555-0100".into(),
            environment: Environment::Live,
            bought: true,
        },
    ]
}

fn page(twilio: Option<TwilioStatus>, built_in: bool) -> IntegrationsPage {
    IntegrationsPage {
        project: ProjectSummary {
            slug: "acme".into(),
            name: "Acme Support".into(),
        },
        can_edit: true,
        built_in,
        twilio,
    }
}

fn connected(verified: bool, key: bool) -> TwilioStatus {
    TwilioStatus {
        account_sid: SID.into(),
        api_key_sid: key.then(|| "SK0123456789abcdef0123456789abcdef".into()),
        account_name: verified.then(|| "Acme Twilio".into()),
        account_type: verified.then(|| "Full".into()),
        verified_at: verified.then(|| "2026-11-30 09:00 UTC".into()),
        credentials_readable: verified,
        numbers: if verified { carried() } else { vec![] },
    }
}

fn inert() -> TwilioActions {
    TwilioActions {
        connect: Callback::new(|()| ()),
        update: Callback::new(|()| ()),
        check: Callback::new(|()| ()),
        disconnect: Callback::new(|()| ()),
    }
}

/// The integration regions, the Twilio form and the disconnect confirmation in each state.
#[component]
pub fn IntegrationStates() -> impl IntoView {
    let dialog = |updating: Option<&str>, typed: TwilioForm, error: Option<AppError>| {
        view! {
            <TwilioAccountDialog
                updating=updating.map(str::to_owned)
                typed
                on_submit=|_| ()
                on_close=|()| ()
                error=Signal::stored(error)
            />
        }
    };
    let wrong_token = AppError::invalid(
        "auth_token",
        format!(
            "Twilio refused this auth token for account {SID}: copy it again from Account Info in the Twilio Console (it changes when it is rotated there)."
        ),
    );
    let typed = TwilioForm {
        account_sid: SID.into(),
        auth_token: "not-the-token".into(),
        ..TwilioForm::default()
    };
    view! {
        <Component id="integration-list">
            <State label="No Twilio account, built-in pool" scope="integrations-none">
                <IntegrationList page=page(None, true) actions=Some(inert())/>
            </State>
            <State label="Twilio connected with an API key" scope="integrations-twilio">
                <IntegrationList page=page(Some(connected(true, true)), true) actions=Some(inert())/>
            </State>
            <State label="Stored before verification, credentials unreadable, Read access" scope="integrations-read">
                <IntegrationList page=page(Some(connected(false, false)), false) actions=None/>
            </State>
        </Component>
        <Component id="twilio-account-dialog">
            <State label="Connect" scope="twilio-connect">
                {dialog(None, TwilioForm::default(), None)}
            </State>
            <State label="Twilio refused the auth token" scope="twilio-refused">
                {dialog(None, typed, Some(wrong_token))}
            </State>
            <State label="Twilio unreachable" scope="twilio-unreachable">
                {dialog(None, TwilioForm::default(), Some(AppError::Provider("Twilio could not be reached to check the credentials. Nothing was saved; please try again.".into())))}
            </State>
            <State label="Update credentials" scope="twilio-update">
                {dialog(Some(SID), TwilioForm::default(), None)}
            </State>
            <State label="Checking with Twilio" scope="twilio-checking">
                <TwilioAccountDialog
                    updating=None
                    typed=TwilioForm { account_sid: SID.into(), auth_token: "demo-token".into(), ..TwilioForm::default() }
                    on_submit=|_| ()
                    on_close=|()| ()
                    pending=true
                />
            </State>
        </Component>
        <Component id="disconnect-twilio-dialog">
            <State label="With connected numbers" scope="twilio-disconnect">
                <DisconnectTwilioDialog account_sid=SID numbers=carried() on_disconnect=|()| () on_close=|()| ()/>
            </State>
            <State label="Disconnecting" scope="twilio-disconnecting">
                <DisconnectTwilioDialog account_sid=SID numbers=carried() on_disconnect=|()| () on_close=|()| () pending=true/>
            </State>
            <State label="No numbers, after a failed attempt" scope="twilio-disconnect-failed">
                <DisconnectTwilioDialog
                    account_sid=SID
                    numbers=vec![]
                    on_disconnect=|()| ()
                    on_close=|()| ()
                    error=Signal::stored(Some("Twilio could not be reached, so the number is still connected. Please try again.".to_owned()))
                />
            </State>
        </Component>
    }
}
