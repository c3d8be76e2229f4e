//! The Test routing dialog: where a call goes now, and the latest calls.

use super::{DialogButtons, ErrorAlert, Modal};
use crate::domain::{RouteDecision, RoutingPreview};
use leptos::prelude::*;

/// Shows `preview` (`None` while loading) or `error`.
#[component]
pub fn RoutingDialog(
    #[prop(into)] e164: String,
    #[prop(into)] preview: Signal<Option<RoutingPreview>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let body = move || {
        if let Some(message) = error.get() {
            return view! { <ErrorAlert message in_dialog=true/> }.into_any();
        }
        let Some(preview) = preview.get() else {
            return view! { <p class="loading" aria-busy="true">"Checking routing…"</p> }
                .into_any();
        };
        let decision = match preview.decision {
            RouteDecision::Dial { environment, variant, sip_uri, fallback_uri } => view! {
                <dl class="facts">
                    <dt>"Environment"</dt><dd>{environment.label()}</dd>
                    <dt>"Variant"</dt><dd>{variant.unwrap_or_else(|| "None (the project uses no variants)".into())}</dd>
                    <dt>"SIP URI"</dt><dd><code>{sip_uri}</code></dd>
                    <dt>"Fallback"</dt><dd><code>{fallback_uri}</code></dd>
                </dl>
            }
            .into_any(),
            RouteDecision::Refuse(why) => view! {
                <p class="notice">{format!("Calls are refused: {}.", why.reason())}</p>
            }
            .into_any(),
        };
        let calls = if preview.calls.is_empty() {
            view! { <p class="empty">"No calls received yet."</p> }.into_any()
        } else {
            view! {
                <table class="calls-table">
                    <thead><tr><th scope="col">"Time"</th><th scope="col">"From"</th><th scope="col">"Outcome"</th></tr></thead>
                    <tbody>
                        {preview.calls.into_iter().map(|c| view! {
                            <tr><td>{c.at}</td><td>{c.from}</td><td>{c.status}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        };
        view! {
            {decision}
            <h3 class="modal__subtitle">"Recent calls"</h3>
            {calls}
        }
        .into_any()
    };
    view! {
        <Modal title="Test routing" on_close>
            <div class="modal__body">
                <p>"Where a call to " <strong class="number">{e164}</strong> " goes right now:"</p>
                {body}
                <DialogButtons cancel="Close" on_cancel=on_close/>
            </div>
        </Modal>
    }
}
