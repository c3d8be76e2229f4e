//! The Disconnect Twilio account confirmation: what happens to each connected number.

use super::{DialogButtons, Emphasis, ErrorAlert, Modal, SubmitButton};
use crate::domain::integrations_page::CarriedNumber;
use leptos::prelude::*;

/// Confirms disconnecting the Twilio account `account_sid` and the `numbers` it carries;
/// `error` is why the last attempt failed.
#[component]
pub fn DisconnectTwilioDialog(
    #[prop(into)] account_sid: String,
    numbers: Vec<CarriedNumber>,
    #[prop(into)] on_disconnect: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let bought = numbers.iter().filter(|n| n.bought).count();
    let consequence = match numbers.len() {
        0 => "No numbers are connected through it.".to_owned(),
        1 => "The number connected through it will stop reaching your agent: it gets its previous voice URL back in Twilio and leaves this project. Nothing is released; the number stays in your Twilio account.".to_owned(),
        n => format!("The {n} numbers connected through it will stop reaching your agent: each gets its previous voice URL back in Twilio and leaves this project. Nothing is released; the numbers stay in your Twilio account."),
    };
    view! {
        <Modal title="Disconnect Twilio account" alert=true on_close>
            <form
                class="modal__body"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if !pending.get_untracked() {
                        on_disconnect.run(());
                    }
                }
            >
                <p>{format!("Disconnect {account_sid} from this project? Its credentials are deleted.")}</p>
                <p>{consequence}</p>
                {(bought > 0).then(|| view! {
                    <p>{match bought {
                        1 => "The number marked bought was bought through this account: it stays in your Twilio account, billed there, until you release it in Twilio.".to_owned(),
                        n => format!("The {n} numbers marked bought were bought through this account: they stay in your Twilio account, billed there, until you release them in Twilio."),
                    }}</p>
                })}
                {(!numbers.is_empty()).then(|| view! {
                    <ul class="plain-list">
                        {numbers.into_iter().map(|n| view! {
                            <li>
                                <span class="number">{n.international}</span>" · "{n.environment.label()}
                                {n.bought.then_some(" · bought")}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {move || error.get().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton
                        label=Signal::derive(move || if pending.get() { "Disconnecting…" } else { "Disconnect" })
                        emphasis=Emphasis::Danger
                        pending
                    />
                </DialogButtons>
            </form>
        </Modal>
    }
}
