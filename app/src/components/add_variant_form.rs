//! The form that adds a variant to the draft, checking the name as you type.

use crate::domain::VariantName;
use leptos::prelude::*;

/// A `Variant name` textbox and an `Add variant` button; `on_add` gets the trimmed name.
/// `error` is the server's answer to the last attempt; `done` increments after each success.
#[component]
pub fn AddVariantForm(
    #[prop(into)] on_add: Callback<String>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] done: Signal<usize>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let touched = RwSignal::new(false);
    // Clear the field once the variant was added.
    Effect::new(move |previous: Option<usize>| {
        let now = done.get();
        if previous.is_some_and(|p| p != now) && error.get_untracked().is_none() {
            name.set(String::new());
            touched.set(false);
        }
        now
    });
    let local_error = move || {
        let value = name.get();
        (touched.get())
            .then(|| VariantName::parse(&value).err().map(|e| e.to_string()))
            .flatten()
    };
    let shown_error = move || local_error().or_else(|| error.get());
    view! {
        <form
            class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                touched.set(true);
                if let Ok(valid) = VariantName::parse(&name.get_untracked()) {
                    on_add.run(valid.as_str().to_owned());
                }
            }
        >
            <div class="field">
                <label for="variant-name">"Variant name"</label>
                <input
                    id="variant-name"
                    type="text"
                    autocomplete="off"
                    maxlength="80"
                    placeholder="e.g. Manchester"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
                        touched.set(true);
                    }
                    aria-invalid=move || shown_error().is_some().to_string()
                    aria-describedby=move || shown_error().map(|_| "variant-name-error")
                />
                {move || shown_error().map(|message| view! {
                    <p id="variant-name-error" class="field__error">{message}</p>
                })}
            </div>
            <button type="submit" class="button button--primary" disabled=move || pending.get()>
                "Add variant"
            </button>
        </form>
    }
}
