//! The blocked state: a project without a telephony integration cannot have numbers.

use super::icons::PlugIcon;
use leptos::prelude::*;

/// Explains that an integration is needed and how to get one.
#[component]
pub fn NoIntegration() -> impl IntoView {
    view! {
        <div class="blocked" role="status">
            <PlugIcon/>
            <div>
                <p class="blocked__title">"No telephony integration is set up for this project yet."</p>
                <p>
                    "Numbers become available once your telephony provider is connected to PolyAI "
                    "through the built-in number pool, your own Twilio account or SIP peering. "
                    "Ask your PolyAI account manager to set up an integration, or connect your "
                    "Twilio account from the Twilio integration page; then come back here to add numbers."
                </p>
            </div>
        </div>
    }
}
