//! The Add number dialog of a section: buy a number or connect a Twilio one; the dialog
//! closes once the new row is on screen.

use super::{NumbersData, lazy_dialogs};
use crate::api::{BuyNumber, ConnectNumber};
use crate::components::{AddNumberContext, AddNumberDialogProps, BuyInput, add_button_id};
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

/// The dialog's section (when open), its two actions, and the current attempt's key.
#[derive(Clone, Copy)]
pub struct AddNumber {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<AddNumberContext>>,
    buy: ServerAction<BuyNumber>,
    connect: ServerAction<ConnectNumber>,
    /// One key per request: a double submit or a retry of the same request reuses it (safe:
    /// it buys at most one number), another request (country, area code, variant) gets a new
    /// one.
    key: RwSignal<String>,
    /// The request the key was made for.
    keyed: RwSignal<Option<BuyInput>>,
}

impl AddNumber {
    /// Closed; after each purchase or connection the page reloads, then a success closes the
    /// dialog.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        let this = Self {
            project,
            data,
            open: RwSignal::new(None),
            buy: ServerAction::new(),
            connect: ServerAction::new(),
            key: RwSignal::new(String::new()),
            keyed: RwSignal::new(None),
        };
        Effect::new(move |previous: Option<usize>| {
            let done = this.buy.version().get() + this.connect.version().get();
            if previous.is_some_and(|p| p != done) {
                data.reload(move || this.settle());
            }
            done
        });
        this
    }

    fn settle(self) {
        let bought = matches!(self.buy.value().get_untracked(), Some(Ok(_)));
        let connected = matches!(self.connect.value().get_untracked(), Some(Ok(_)));
        if bought || connected {
            self.close();
        }
    }

    /// The key for `input`: the current one if it was made for this request, else a new one.
    fn key_for(self, input: &BuyInput) -> String {
        if self.keyed.get_untracked().as_ref() != Some(input) {
            self.key.set(new_key());
            self.keyed.set(Some(input.clone()));
        }
        self.key.get_untracked()
    }

    /// Opens the dialog for a section.
    pub fn opener(self) -> Callback<AddNumberContext> {
        Callback::new(move |context| {
            self.buy.value().set(None);
            self.connect.value().set(None);
            self.keyed.set(None);
            self.open.set(Some(context));
        })
    }

    fn close(self) {
        if let Some(context) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(add_button_id(context.environment));
        }
    }

    /// The dialog, while open.
    pub fn view(self) -> impl IntoView {
        let Self {
            project,
            data,
            open,
            buy,
            connect,
            ..
        } = self;
        move || {
            open.get().map(|context| {
                let environment = context.environment.slug().to_owned();
                let for_connect = environment.clone();
                let props = AddNumberDialogProps::builder()
                    .context(context)
                    .on_buy(move |input: BuyInput| {
                        let idempotency_key = self.key_for(&input);
                        buy.dispatch(BuyNumber {
                            project: project.get_untracked(),
                            environment: environment.clone(),
                            country: input.country.code().to_owned(),
                            area_code: input.area_code,
                            variant: input.variant.map(|v| v.0),
                            idempotency_key,
                        });
                    })
                    .on_connect(
                        move |(phone_number, variant): (String, Option<VariantId>)| {
                            buy.value().set(None);
                            connect.dispatch(ConnectNumber {
                                project: project.get_untracked(),
                                environment: for_connect.clone(),
                                phone_number,
                                variant: variant.map(|v| v.0),
                            });
                        },
                    )
                    .on_close(move |()| self.close())
                    .pending(Signal::derive(move || {
                        buy.pending().get() || connect.pending().get() || data.reloading().get()
                    }))
                    .error(Signal::derive(move || {
                        buy.value()
                            .get()
                            .and_then(Result::err)
                            .or_else(|| connect.value().get().and_then(Result::err))
                    }))
                    .build();
                lazy_dialogs::open(lazy_dialogs::add_number(props))
            })
        }
    }
}
