//! The Add number dialog of a section: buy a number or connect a Twilio one; the dialog
//! closes once the new row is on screen.

use super::dialog_state::{Call, StillOpen};
use super::{NumbersData, lazy_dialogs};
use crate::api::{buy_number, connect_number};
use crate::components::{
    AddNumberContext, AddNumberDialog, AddNumberDialogProps, BuyInput, add_button_id,
};
use crate::domain::VariantId;
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// A fresh idempotency key: 128 random bits from the browser, as hex. `getRandomValues` works
/// on plain-HTTP origins too, unlike `randomUUID` (secure contexts only).
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        return String::new();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The section whose dialog is open, if any, and the purchases and connections under way.
#[derive(Clone, Copy)]
pub struct AddNumber {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<AddNumberContext>>,
    running: RwSignal<u32>,
}

impl AddNumber {
    /// Closed.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        Self {
            project,
            data,
            open: RwSignal::new(None),
            running: RwSignal::new(0),
        }
    }

    /// Opens the dialog for a section.
    pub fn opener(self) -> Callback<AddNumberContext> {
        Callback::new(move |context| self.open.set(Some(context)))
    }

    fn close(self) {
        if let Some(context) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(add_button_id(context.environment));
        }
    }

    /// The dialog, while open (its code arrives with its chunk).
    pub fn view(self) -> impl IntoView {
        move || {
            self.open
                .get()
                .map(|context| lazy_dialogs::open(lazy_dialogs::add_number((self, context))))
        }
    }

    /// The open dialog for `context`: its purchase and connection, each closing the dialog
    /// once the page shows the new number. One idempotency key per request: a double submit
    /// or a retry of the same request reuses it (it buys at most one number), another request
    /// (country, area code, variant) gets a new one.
    pub fn dialog(self, context: AddNumberContext) -> AnyView {
        let Self {
            project,
            data,
            running,
            ..
        } = self;
        let buy = Call::<String>::new(running);
        let connect = Call::<String>::new(running);
        let still_open = StillOpen::new();
        let keyed = StoredValue::new(None::<(BuyInput, String)>);
        let environment = context.environment.slug().to_owned();
        let for_connect = environment.clone();
        // A success closes the dialog (if still open) once the page shows the new number.
        let settle = move |answer: &Result<String, _>| {
            let done = answer.is_ok();
            data.reload(move || {
                if done && still_open.get() {
                    self.close();
                }
            });
        };
        let (buying, settle_buy) = (buy.clone(), settle.clone());
        let props = AddNumberDialogProps::builder()
            .context(context)
            .on_buy(move |input: BuyInput| {
                let idempotency_key = match keyed.get_value() {
                    Some((keyed, key)) if keyed == input => key,
                    _ => {
                        let key = new_key();
                        keyed.set_value(Some((input.clone(), key.clone())));
                        key
                    }
                };
                let call = buy_number(
                    project.get_untracked(),
                    environment.clone(),
                    input.country.code().to_owned(),
                    input.area_code,
                    input.variant.map(|v| v.0),
                    idempotency_key,
                );
                buying.run(call, settle_buy.clone());
            })
            .on_connect({
                let buy = buy.clone();
                let connect = connect.clone();
                move |(phone_number, variant): (String, Option<VariantId>)| {
                    buy.clear();
                    let call = connect_number(
                        project.get_untracked(),
                        for_connect.clone(),
                        phone_number,
                        variant.map(|v| v.0),
                    );
                    connect.run(call, settle.clone());
                }
            })
            .on_close(move |()| self.close())
            .pending(buy.busy(data))
            .error({
                let (buy_error, connect_error) = (buy.error(), connect.error());
                Signal::derive(move || buy_error.get().or_else(|| connect_error.get()))
            })
            .build();
        AddNumberDialog(props).into_any()
    }
}
