//! What live updates say: [`LiveNotice`], the page's line about someone else's change (a
//! polite live region), and [`ChangedMeanwhile`], a dialog's warning that its number changed.

use leptos::prelude::*;

/// What the page says while its live updates are lost and being reopened.
pub const LIVE_PAUSED: &str = "Live updates paused: reconnecting…";

/// The latest change someone else made to the project (`editor@example.com deleted +44 20
/// 7946 0123`) as a polite `status`, inside a polite live region that is always there (so the
/// page holds no empty status meanwhile); `following` marks whether the page receives changes
/// (`data-live="on"`), so people and tests can tell; `paused` adds [`LIVE_PAUSED`] while a
/// lost stream could not be reopened yet (the page may be out of date meanwhile).
#[component]
pub fn LiveNotice(
    #[prop(into)] message: Signal<Option<String>>,
    #[prop(into)] following: Signal<bool>,
    #[prop(into)] paused: Signal<bool>,
) -> impl IntoView {
    view! {
        <div
            class="live-notice"
            aria-live="polite"
            data-live=move || if following.get() { "on" } else { "off" }
        >
            {move || {
                message.get().map(|text| view! { <p class="live-notice__text" role="status">{text}</p> })
            }}
            {move || {
                paused.get().then(|| view! { <p class="live-notice__text live-notice__text--paused">{LIVE_PAUSED}</p> })
            }}
        </div>
    }
}

/// In a dialog: `sentence` (someone else's change to the dialog's number since it opened),
/// when there is one; the dialog then offers only to close.
#[component]
pub fn ChangedMeanwhile(#[prop(into)] sentence: Signal<Option<String>>) -> impl IntoView {
    move || {
        sentence.get().map(|sentence| {
            view! {
                <div class="alert alert--warning" role="alert">
                    <p>
                        <strong>"Changed meanwhile: "</strong>
                        {sentence}
                        ". Close this dialog to see the number as it is now."
                    </p>
                </div>
            }
        })
    }
}
