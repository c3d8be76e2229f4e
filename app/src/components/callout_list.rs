//! The variant callouts above the sections, each with a Publish action.

use crate::domain::Callout;
use leptos::prelude::*;

/// The id of the `n`th callout's Publish button (from 0), where focus goes back after a
/// failed publish.
pub fn publish_button_id(n: usize) -> String {
    format!("publish-{n}")
}

/// One `status` per callout; `on_publish` publishes the draft (without it, for members who may
/// not publish, the callouts only inform), `publishing` disables the buttons.
#[component]
pub fn CalloutList(
    callouts: Vec<Callout>,
    on_publish: Option<Callback<()>>,
    #[prop(into)] publishing: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="callouts">
            {callouts
                .into_iter()
                .enumerate()
                .map(|(n, callout)| view! {
                    <div class="callout" role="status">
                        <p>
                            <strong>{callout.title()}</strong>
                            " – "
                            {callout.message()}
                        </p>
                        {on_publish.map(|on_publish| view! {
                            <button
                                type="button"
                                id=super::scoped_id(&publish_button_id(n))
                                class="button button--secondary"
                                disabled=move || publishing.get()
                                on:click=move |_| on_publish.run(())
                            >
                                "Publish"
                            </button>
                        })}
                    </div>
                })
                .collect_view()}
        </div>
    }
}
