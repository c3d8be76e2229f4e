//! An environment's SIP addresses, read-only with copy buttons.

use super::CopyButton;
use crate::domain::SipRoute;
use leptos::prelude::*;

/// Main and fallback SIP addresses, and who manages them.
#[component]
pub fn SipSettings(sip: SipRoute) -> impl IntoView {
    view! {
        <div class="sip">
            <dl class="sip__list">
                <div class="sip__item">
                    <dt>"Main SIP"</dt>
                    <dd><code>{sip.main.clone()}</code><CopyButton value=sip.main label="Copy Main SIP address"/></dd>
                </div>
                <div class="sip__item">
                    <dt>"Fallback SIP"</dt>
                    <dd><code>{sip.fallback.clone()}</code><CopyButton value=sip.fallback label="Copy Fallback SIP address"/></dd>
                </div>
            </dl>
            <p class="sip__note">
                "Fallback, language and SIP REFER/INVITE settings are managed by the platform team; contact your PolyAI account manager to change them."
            </p>
        </div>
    }
}
