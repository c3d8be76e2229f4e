//! The variant callouts above the sections, each with a Publish action.

use crate::domain::Callout;
use leptos::prelude::*;

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
                .map(|callout| view! {
                    <div class="callout" role="status">
                        <p>
                            <strong>{callout.title()}</strong>
                            " – "
                            {callout.message()}
                        </p>
                        {on_publish.map(|on_publish| view! {
                            <button
                                type="button"
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
