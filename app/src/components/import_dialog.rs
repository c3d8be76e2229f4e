//! The Import dialog of an environment section: numbers of the project's Twilio account to
//! connect, pasted one per line or from a CSV file (a `phone_number` column and an optional
//! `variant` column); a preview says what each row will do before anything changes, then the
//! import says what it did.

use super::{DialogButtons, ErrorAlert, Modal, SubmitButton};
use crate::domain::Environment;
use crate::domain::import::{ImportReport, MAX_IMPORT_ROWS};
use crate::error::AppError;
use leptos::prelude::*;

/// The id of a section's Import button, so the dialog can return focus to it.
pub fn import_button_id(env: Environment) -> String {
    format!("import-{}", env.slug())
}

/// The rows of `report`: line, number, variant and outcome.
#[component]
fn ImportTable(report: ImportReport) -> impl IntoView {
    let caption = if report.applied {
        "Import result"
    } else {
        "Preview"
    };
    view! {
        <table class="import-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Line"</th>
                    <th scope="col">"Number"</th>
                    <th scope="col">"Variant"</th>
                    <th scope="col">"Outcome"</th>
                </tr>
            </thead>
            <tbody>
                {report.rows.into_iter().map(|row| {
                    let ok = row.outcome.is_ok();
                    view! {
                        <tr class:import-table__refused=!ok>
                            <td>{row.line}</td>
                            <td>{row.e164.unwrap_or(row.typed)}</td>
                            <td>{row.variant.unwrap_or_default()}</td>
                            <td>{row.outcome.text()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Reads the file chosen in `input` into `text` (in the browser; the server never renders a
/// chosen file).
fn read_chosen_file(input: web_sys::HtmlInputElement, text: RwSignal<String>) {
    #[cfg(feature = "hydrate")]
    {
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            if let Some(contents) = read.ok().and_then(|v| v.as_string()) {
                text.set(contents);
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (input, text);
}

/// The dialog for `environment`. `report` is the last preview or import; it is current only
/// for the text it was made from, so changing the text asks for a new preview first.
#[component]
pub fn ImportDialog(
    environment: Environment,
    #[prop(into)] on_preview: Callback<String>,
    #[prop(into)] on_import: Callback<String>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] report: Signal<Option<ImportReport>>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<AppError>>,
    /// Text already in the box (the gallery's states).
    #[prop(optional, into)]
    text: String,
) -> impl IntoView {
    let text = RwSignal::new(text);
    // The text the shown report was made from.
    let reported = RwSignal::new(report.get_untracked().map(|_| text.get_untracked()));
    let asked = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if report.get().is_some() {
            reported.set(asked.get_untracked().or_else(|| Some(text.get_untracked())));
        }
    });
    // A preview speaks only for the text it was made from; an import's result always shows.
    let current = move || {
        report
            .get()
            .filter(|r| r.applied || reported.get().as_deref() == Some(text.get().as_str()))
    };
    let applied = move || current().is_some_and(|r| r.applied);
    let importable = move || current().filter(|r| !r.applied).map_or(0, |r| r.good());
    let id = |name: &str| StoredValue::new(super::scoped_id(name));
    let (text_id, text_error_id, text_hint_id, file_id) = (
        id("import-text"),
        id("import-text-error"),
        id("import-text-hint"),
        id("import-file"),
    );
    // The submit button is busy (disabled) while the server checks: each answer takes the
    // focus where it is read, the summary of a new report or the text's error.
    let summary = NodeRef::<leptos::html::P>::new();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |shown: Option<Option<ImportReport>>| {
        let now = current();
        if shown.is_some_and(|shown| shown != now)
            && now.is_some()
            && let Some(summary) = summary.get_untracked()
        {
            let _ = summary.focus();
        }
        now
    });
    let text_error = move || error.get().and_then(|e| e.for_field("text"));
    Effect::new(move |first: Option<()>| {
        if text_error().is_some()
            && first.is_some()
            && let Some(textarea) = textarea.get_untracked()
        {
            let _ = textarea.focus();
        }
    });
    let general_error = move || error.get().and_then(|e| e.outside_fields());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() || applied() {
            return;
        }
        let typed = text.get_untracked();
        asked.set(Some(typed.clone()));
        // The submit button turns busy (disabled): the status, which says so, holds the focus.
        if let Some(summary) = summary.get_untracked() {
            let _ = summary.focus();
        }
        if importable() > 0 {
            on_import.run(typed);
        } else {
            on_preview.run(typed);
        }
    };
    let label = Signal::derive(move || match (importable(), pending.get()) {
        (0, false) => "Preview",
        (0, true) => "Checking…",
        (_, false) => "Import",
        (_, true) => "Importing…",
    });
    view! {
        <Modal title="Import numbers" on_close>
            <form class="modal__body" on:submit=submit novalidate>
                <p>{format!(
                    "Numbers already in this project's Twilio account, to connect to {}: importing points each one's voice webhook here, as Connect does (deleting a number later restores its old voice URL). Nothing changes until you import.",
                    environment.label()
                )}</p>
                <div class="field">
                    <label for=text_id.get_value()>"Numbers to connect"</label>
                    <textarea
                        node_ref=textarea
                        id=text_id.get_value()
                        rows="6"
                        spellcheck="false"
                        placeholder="+1 415 555 0100\n+1 415 555 0101, London"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                        readonly=move || applied() || pending.get()
                        aria-invalid=move || text_error().is_some().to_string()
                        aria-describedby=move || if text_error().is_some() { text_error_id.get_value() } else { text_hint_id.get_value() }
                    ></textarea>
                    {move || match text_error() {
                        Some(message) => view! { <p id=text_error_id.get_value() class="field__error">{message}</p> }.into_any(),
                        None => view! {
                            <p id=text_hint_id.get_value() class="field__hint">
                                {format!("One number per line, optionally followed by a comma and a variant; or CSV with a phone_number column and an optional variant column. At most {MAX_IMPORT_ROWS} numbers.")}
                            </p>
                        }.into_any(),
                    }}
                </div>
                <div class="field">
                    <label for=file_id.get_value()>"CSV file"</label>
                    <input
                        id=file_id.get_value()
                        type="file"
                        accept=".csv,.txt,text/csv,text/plain"
                        disabled=applied
                        on:change=move |ev| read_chosen_file(event_target(&ev), text)
                    />
                </div>
                // Always in the page, so screen readers announce what it comes to say.
                <p role="status" class="import-summary" node_ref=summary tabindex="-1">
                    {move || match (pending.get(), current()) {
                        (true, _) => Some(label.get().to_owned()),
                        (false, report) => report.map(|report| report.summary()),
                    }}
                </p>
                {move || current().map(|report| view! { <ImportTable report/> })}
                {move || general_error().map(|message| view! { <ErrorAlert message in_dialog=true/> })}
                {move || if applied() {
                    view! { <DialogButtons cancel="Close" on_cancel=on_close/> }.into_any()
                } else {
                    view! {
                        <DialogButtons cancel="Cancel" on_cancel=on_close>
                            <SubmitButton label pending/>
                        </DialogButtons>
                    }
                    .into_any()
                }}
            </form>
        </Modal>
    }
}
