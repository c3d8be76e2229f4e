//! The Add number dialog: buy a UK, US or Canadian number, or connect an existing Twilio number.

use super::{DialogButtons, ErrorAlert, Modal, SubmitButton};
use crate::domain::{AreaCode, Country, Environment, Variant, VariantId};
use crate::error::AppError;
use leptos::prelude::*;

/// A purchase as the dialog submits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuyInput {
    /// The country chosen.
    pub country: Country,
    /// Area code as typed (US and Canada only).
    pub area_code: String,
    /// Chosen variant.
    pub variant: Option<VariantId>,
}

/// What the dialog knows about the project and the environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddNumberContext {
    /// Where the number goes.
    pub environment: Environment,
    /// Whether the project uses variants (shows the Variant field).
    pub uses_variants: bool,
    /// Variants published to the environment.
    pub variants: Vec<Variant>,
    /// The project can buy: through the built-in pool, or else its Twilio account.
    pub can_buy: bool,
    /// Purchases go through the project's Twilio account (no built-in pool): billed there.
    pub buys_through_twilio: bool,
    /// The project has a Twilio integration (can connect).
    pub can_connect: bool,
}

/// How the dialog opens, for showing its states in the gallery: buy (in `country`, UK when
/// `None`) or `connect`, with `text` already typed into the area code or phone number field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddNumberPreset {
    /// Open on Connect an existing Twilio number.
    pub connect: bool,
    /// The country chosen when it opens (when `None`: UK, or US when buying through Twilio,
    /// whose UK numbers need a regulatory bundle first).
    pub country: Option<Country>,
    /// Text already in the area code (buy) or phone number (connect) field.
    pub text: String,
}

/// Which way of adding a number is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Buy,
    Connect,
}

/// A light check of a typed phone number, in the same words as the server's (which reads
/// digits of every script and applies each country's rules).
fn phone_error(input: &str) -> Option<String> {
    crate::domain::phone_input::check_in_browser(input)
        .err()
        .map(|e| e.to_string())
}

/// What the dialog can say about an area code typed for `country` (full-width digits read as
/// digits); other scripts' digits are left to the server, which reads them all.
fn area_code_error(country: Country, typed: &str) -> Option<String> {
    use crate::domain::phone_input::{common_digit, fold_digits};
    let folded = fold_digits(typed, common_digit);
    if folded
        .chars()
        .any(|c| c.is_numeric() && !c.is_ascii_digit())
    {
        return None;
    }
    AreaCode::parse_for(country, &folded)
        .err()
        .map(|e| e.to_string())
}

/// The area code field's hint for `country`, with one of its own codes as the example.
fn area_hint(country: Country) -> &'static str {
    match country {
        Country::Ca => "3 digits, e.g. 416. Leave empty for any area.",
        _ => "3 digits, e.g. 212. Leave empty for any area.",
    }
}

/// The dialog. `error` is the server's answer to the last submit: field errors are shown
/// next to their field, others in an alert.
#[component]
pub fn AddNumberDialog(
    context: AddNumberContext,
    #[prop(into)] on_buy: Callback<BuyInput>,
    #[prop(into)] on_connect: Callback<(String, Option<VariantId>)>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] preset: AddNumberPreset,
) -> impl IntoView {
    let AddNumberContext {
        environment,
        uses_variants,
        variants,
        can_buy,
        buys_through_twilio,
        can_connect,
    } = context;
    let mode = RwSignal::new(if preset.connect || !can_buy {
        Mode::Connect
    } else {
        Mode::Buy
    });
    let country = RwSignal::new(preset.country.unwrap_or(if buys_through_twilio {
        Country::Us
    } else {
        Country::Uk
    }));
    let typed = |field_is_phone: bool| {
        if preset.connect == field_is_phone {
            preset.text.clone()
        } else {
            String::new()
        }
    };
    let area_code = RwSignal::new(typed(false));
    let variant = RwSignal::new(None::<VariantId>);
    let phone = RwSignal::new(typed(true));
    let phone_touched = RwSignal::new(preset.connect && !preset.text.is_empty());
    let (area_input, phone_input) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    // A refusal arriving while the dialog is open puts focus on the field it names (the
    // submit button was disabled meanwhile, so focus would otherwise fall to the page).
    Effect::new(move |first_run: Option<()>| {
        let answer = error.get();
        if first_run.is_none() {
            return;
        }
        let field = match answer {
            Some(AppError::Invalid { field, .. }) => field,
            Some(_) if mode.get_untracked() == Mode::Connect => "phone_number".into(),
            Some(_) if country.get_untracked().has_area_codes() => "area_code".into(),
            _ => return,
        };
        let target = match field.as_str() {
            "phone_number" => phone_input.get_untracked(),
            "area_code" => area_input.get_untracked(),
            _ => None,
        };
        if let Some(input) = target {
            let _ = input.focus();
        }
    });
    let id = |name: &str| StoredValue::new(super::scoped_id(name));
    let (add_variant_id, add_variant_error_id) = (id("add-variant"), id("add-variant-error"));
    let (country_label_id, mode_label_id) = (id("country-label"), id("mode-label"));
    let (area_id, area_error_id, area_hint_id) =
        (id("area-code"), id("area-code-error"), id("area-code-hint"));
    let (phone_id, phone_error_id, phone_help_id) = (
        id("twilio-number"),
        id("twilio-number-error"),
        id("twilio-number-help"),
    );

    let area_error = move || {
        let server = error.get().and_then(|e| e.for_field("area_code"));
        let local = country
            .get()
            .has_area_codes()
            .then(|| area_code_error(country.get(), &area_code.get()))
            .flatten();
        local.or(server)
    };
    let variant_error = move || error.get().and_then(|e| e.for_field("variant"));
    let phone_error_text = move || {
        let local = phone_touched
            .get()
            .then(|| phone_error(&phone.get()))
            .flatten();
        local.or_else(|| error.get().and_then(|e| e.for_field("phone_number")))
    };
    let general_error = move || error.get().and_then(|e| e.outside_fields());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match mode.get_untracked() {
            Mode::Buy => {
                let chosen = country.get_untracked();
                let local = chosen.has_area_codes();
                if local && area_code_error(chosen, &area_code.get_untracked()).is_some() {
                    return;
                }
                on_buy.run(BuyInput {
                    country: chosen,
                    area_code: if local {
                        area_code.get_untracked()
                    } else {
                        String::new()
                    },
                    variant: variant.get_untracked(),
                });
            }
            Mode::Connect => {
                phone_touched.set(true);
                if phone_error(&phone.get_untracked()).is_none() {
                    on_connect.run((phone.get_untracked(), variant.get_untracked()));
                }
            }
        }
    };
    let radio = move |name: &'static str,
                      label: &'static str,
                      checked: Signal<bool>,
                      disabled: bool,
                      on: Callback<()>| {
        view! {
            <label class="choice" class:choice--disabled=disabled>
                <input type="radio" name=name prop:checked=checked disabled=disabled on:change=move |_| on.run(())/>
                <span>{label}</span>
            </label>
        }
    };
    let variant_field = move || {
        let variants = variants.clone();
        view! {
            {uses_variants.then(|| view! {
                <div class="field">
                    <label for=add_variant_id.get_value()>"Variant (optional)"</label>
                    <select
                        id=add_variant_id.get_value()
                        on:change=move |ev| variant.set(event_target_value(&ev).parse().ok().map(VariantId))
                        aria-invalid=move || variant_error().is_some().to_string()
                        aria-describedby=move || variant_error().map(|_| add_variant_error_id.get_value())
                    >
                        <option value="">"No variant"</option>
                        {variants.iter().map(|v| view! { <option value=v.id.0.to_string()>{v.name.clone()}</option> }).collect_view()}
                    </select>
                    {move || match variant_error() {
                        Some(message) => view! { <p id=add_variant_error_id.get_value() class="field__error">{message}</p> }.into_any(),
                        None => view! { <p class="field__hint">{format!("Only variants published to {} are listed.", environment.label())}</p> }.into_any(),
                    }}
                </div>
            })}
        }
    };
    let buy_fields = move || {
        view! {
            {buys_through_twilio.then(|| view! {
                <p class="field__hint">"Bought through this project's Twilio account, and billed there."</p>
            })}
            <div role="radiogroup" aria-labelledby=country_label_id.get_value() class="choices choices--inline">
                <span id=country_label_id.get_value() class="choices__label">"Country"</span>
                {[(Country::Uk, "UK"), (Country::Us, "US"), (Country::Ca, "Canada")].map(|(choice, label)| {
                    radio("country", label, Signal::derive(move || country.get() == choice), false, Callback::new(move |()| country.set(choice)))
                }).collect_view()}
            </div>
            <Show when=move || country.get().has_area_codes()>
                <div class="field">
                    <label for=area_id.get_value()>"Area code (optional)"</label>
                    <input
                        node_ref=area_input
                        id=area_id.get_value()
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        maxlength="3"
                        placeholder="Any"
                        prop:value=move || area_code.get()
                        on:input=move |ev| area_code.set(event_target_value(&ev))
                        aria-invalid=move || area_error().is_some().to_string()
                        aria-describedby=move || if area_error().is_some() { area_error_id.get_value() } else { area_hint_id.get_value() }
                    />
                    {move || match area_error() {
                        Some(message) => view! { <p id=area_error_id.get_value() class="field__error">{message}</p> }.into_any(),
                        None => view! { <p id=area_hint_id.get_value() class="field__hint">{move || area_hint(country.get())}</p> }.into_any(),
                    }}
                </div>
            </Show>
        }
    };
    let connect_fields = move || {
        if !can_connect {
            return view! {
                <p class="notice" role="status">
                    "This project has no Twilio account. To connect numbers you already own, connect "
                    "your Twilio account on this project's Integrations page (linked at the top of the "
                    "Numbers page); the numbers in it can then be connected here."
                </p>
            }
            .into_any();
        }
        view! {
            <div class="field">
                <label for=phone_id.get_value()>"Twilio phone number"</label>
                <input
                    node_ref=phone_input
                    id=phone_id.get_value()
                    type="tel"
                    autocomplete="off"
                    placeholder="+1 212 555 0142"
                    prop:value=move || phone.get()
                    on:input=move |ev| phone.set(event_target_value(&ev))
                    on:blur=move |_| phone_touched.set(true)
                    aria-invalid=move || phone_error_text().is_some().to_string()
                    aria-describedby=move || if phone_error_text().is_some() { phone_error_id.get_value() } else { phone_help_id.get_value() }
                />
                {move || phone_error_text().map(|m| view! { <p id=phone_error_id.get_value() class="field__error">{m}</p> })}
            </div>
            <div id=phone_help_id.get_value() class="instructions">
                <p><strong>"What happens in Twilio"</strong></p>
                <ol>
                    <li>"The number must already be in the Twilio account linked to this project."</li>
                    <li>"We point its voice webhook (A call comes in) at PolyAI, so calls reach your agent."</li>
                    <li>"Nothing is bought and nothing is billed by PolyAI; the number stays yours in Twilio. If you later delete it here, we restore its previous voice URL."</li>
                </ol>
            </div>
        }
        .into_any()
    };
    view! {
        <Modal title="Add number" on_close>
            <form class="modal__body" on:submit=submit novalidate>
                <p>{format!("The number will serve {}.", environment.label())}</p>
                <div role="radiogroup" aria-labelledby=mode_label_id.get_value() class="choices">
                    <span id=mode_label_id.get_value() class="choices__label">"How do you want to add a number?"</span>
                    {radio("mode", "Buy a new number", Signal::derive(move || mode.get() == Mode::Buy), !can_buy, Callback::new(move |()| mode.set(Mode::Buy)))}
                    {radio("mode", "Connect an existing Twilio number", Signal::derive(move || mode.get() == Mode::Connect), false, Callback::new(move |()| mode.set(Mode::Connect)))}
                </div>
                {move || match mode.get() {
                    Mode::Buy => buy_fields().into_any(),
                    Mode::Connect => connect_fields(),
                }}
                {move || (mode.get() == Mode::Buy || can_connect).then(&variant_field)}
                {move || general_error().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                <DialogButtons cancel="Cancel" on_cancel=on_close>
                    <SubmitButton
                        label=Signal::derive(move || match (mode.get(), pending.get()) {
                            (Mode::Buy, false) => "Add",
                            (Mode::Buy, true) => "Adding…",
                            (Mode::Connect, false) => "Connect",
                            (Mode::Connect, true) => "Connecting…",
                        })
                        pending
                        disabled=Signal::derive(move || mode.get() == Mode::Connect && !can_connect)
                    />
                </DialogButtons>
            </form>
        </Modal>
    }
}
