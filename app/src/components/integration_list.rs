//! A project's integrations, one region each: the built-in pool (read-only) and the Twilio
//! account with its status and actions.

use crate::domain::integrations_page::{IntegrationsPage, TwilioStatus};
use leptos::prelude::*;

/// Id of the Connect Twilio account button (focus returns to it when its dialog closes).
pub const CONNECT_BUTTON: &str = "twilio-connect";
/// Id of the Update credentials button.
pub const UPDATE_BUTTON: &str = "twilio-update";
/// Id of the Disconnect Twilio account button.
pub const DISCONNECT_BUTTON: &str = "twilio-disconnect";
/// Id of the Twilio region's heading (focused once a change is on screen).
pub const TWILIO_HEADING: &str = "integration-twilio";

/// What the Twilio region's buttons do; `None` for a member without Edit.
#[derive(Clone, Copy)]
pub struct TwilioActions {
    /// Opens the Connect Twilio account dialog.
    pub connect: Callback<()>,
    /// Opens the Update Twilio credentials dialog.
    pub update: Callback<()>,
    /// Asks Twilio again with the stored credentials.
    pub check: Callback<()>,
    /// Opens the Disconnect Twilio account confirmation.
    pub disconnect: Callback<()>,
}

/// The regions of `page`; `actions` when the member may change the Twilio account.
#[component]
pub fn IntegrationList(page: IntegrationsPage, actions: Option<TwilioActions>) -> impl IntoView {
    let IntegrationsPage {
        built_in, twilio, ..
    } = page;
    let region = |id: &'static str, title: &'static str, body: AnyView| {
        let heading = super::scoped_id(id);
        let labelled = heading.clone();
        view! {
            <section class="card" role="region" aria-labelledby=labelled>
                <h2 id=heading tabindex="-1">{title}</h2>
                {body}
            </section>
        }
    };
    let pool = if built_in {
        view! { <p>"Managed by the platform: numbers bought here come from PolyAI's own inventory. Nothing to set up."</p> }.into_any()
    } else {
        view! { <p>"Not enabled for this project. Ask your PolyAI account manager to turn it on."</p> }.into_any()
    };
    let twilio_body = match twilio {
        Some(status) => connected(status, actions),
        None => view! {
            <p>"No Twilio account is connected. Connect yours to bring the numbers you already have in Twilio to your agent, or to buy new ones through it."</p>
            {actions.map(|a| view! {
                <button type="button" id=super::scoped_id(CONNECT_BUTTON) class="button button--primary" on:click=move |_| a.connect.run(())>"Connect Twilio account"</button>
            })}
        }
        .into_any(),
    };
    view! {
        {region("integration-pool", "Built-in numbers", pool)}
        {region(TWILIO_HEADING, "Twilio", twilio_body)}
    }
}

/// The connected account: its SID, what Twilio said about it, and its numbers.
fn connected(status: TwilioStatus, actions: Option<TwilioActions>) -> AnyView {
    let TwilioStatus {
        account_sid,
        api_key_sid,
        account_name,
        account_type,
        verified_at,
        credentials_readable,
        numbers,
    } = status;
    let unknown = || "Not verified yet".to_owned();
    let numbers_view = if numbers.is_empty() {
        view! { <p>"No numbers are connected through it yet."</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {numbers.into_iter().map(|n| view! {
                    <li><span class="number">{n.international}</span>" · "{n.environment.label()}</li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        {if credentials_readable {
            view! { <p class="status-line"><span class="badge badge--ok">"Connected"</span></p> }.into_any()
        } else {
            view! {
                <p class="status-line" role="alert">
                    <span class="badge badge--warning">"Credentials unreadable"</span>
                    " The stored credentials cannot be opened with this server's secret key; enter them again with Update credentials."
                </p>
            }
            .into_any()
        }}
        <dl class="facts">
            <dt>"Account SID"</dt><dd><code>{account_sid}</code></dd>
            <dt>"Account name"</dt><dd>{account_name.unwrap_or_else(unknown)}</dd>
            <dt>"Account type"</dt><dd>{account_type.unwrap_or_else(unknown)}</dd>
            <dt>"Signs in with"</dt><dd>{match api_key_sid {
                Some(key) => format!("API key {key}"),
                None => "Auth token".to_owned(),
            }}</dd>
            <dt>"Last verified"</dt><dd>{verified_at.unwrap_or_else(unknown)}</dd>
        </dl>
        <h3>"Numbers connected through it"</h3>
        {numbers_view}
        {actions.map(|a| view! {
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=move |_| a.check.run(())>"Check connection"</button>
                <button type="button" id=super::scoped_id(UPDATE_BUTTON) class="button button--secondary" on:click=move |_| a.update.run(())>"Update credentials"</button>
                <button type="button" id=super::scoped_id(DISCONNECT_BUTTON) class="button button--danger" on:click=move |_| a.disconnect.run(())>"Disconnect Twilio account"</button>
            </div>
        })}
    }
    .into_any()
}
