//! The blocked state: a project without a telephony integration cannot have numbers.

use super::icons::PlugIcon;
use leptos::prelude::*;

/// Explains that an integration is needed and how to get one; `integrations_href` is the
/// project's Integrations page, where a Twilio account is connected.
#[component]
pub fn NoIntegration(#[prop(into)] integrations_href: String) -> impl IntoView {
    view! {
        <div class="blocked" role="status">
            <PlugIcon/>
            <div>
                <p class="blocked__title">"No telephony integration is set up for this project yet."</p>
                <p>
                    "Numbers become available once your telephony provider is connected to PolyAI "
                    "through the built-in number pool, your own Twilio account or SIP peering. "
                    "Connect your own Twilio account on the "
                    <a href=integrations_href>"Integrations"</a>
                    " page, or ask your PolyAI account manager to set up the built-in pool or SIP "
                    "peering; then come back here to add numbers."
                </p>
            </div>
        </div>
    }
}
