//! What is being checked with the provider (purchases, connections and disconnections Twilio
//! did not answer), and what the checks found.

use crate::domain::ProviderNotice;
use leptos::prelude::*;

/// One polite `status` per notice; nothing when there are none.
#[component]
pub fn ProviderChecks(notices: Vec<ProviderNotice>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <div class="checks">
                {notices
                    .into_iter()
                    .map(|notice| {
                        view! {
                            <p
                                class="check"
                                class:check--done=!notice.checking
                                role="status"
                                data-environment=notice.environment.slug()
                            >
                                {notice.text}
                            </p>
                        }
                    })
                    .collect_view()}
            </div>
        }
    })
}
