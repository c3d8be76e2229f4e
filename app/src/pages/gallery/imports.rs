//! Gallery states of the Import dialog, from fixture data.

use super::{Component, State};
use crate::components::ImportDialog;
use crate::domain::Environment;
use crate::domain::import::{ImportReport, ImportRow, RowOutcome};
use crate::error::AppError;
use leptos::prelude::*;

/// What the fixture's rows typed.
const TYPED: &str =
    "phone_number,variant\n+1 415 555 0100,London\n+1 415 555 0199\n+1 415 555 0100\ncall me";

fn row(
    line: usize,
    typed: &str,
    e164: Option<&str>,
    variant: Option<&str>,
    outcome: RowOutcome,
) -> ImportRow {
    ImportRow {
        line,
        typed: typed.into(),
        e164: e164.map(Into::into),
        variant: variant.map(Into::into),
        outcome,
    }
}

/// A preview (or, `applied`, the result) of [`TYPED`].
fn report(applied: bool) -> ImportReport {
    let first = if applied {
        RowOutcome::Connected
    } else {
        RowOutcome::WillConnect
    };
    ImportReport {
        environment: Environment::Sandbox,
        rows: vec![
            row(2, "+1 415 555 0100", Some("+14155550100"), Some("London"), first),
            row(3, "+1 415 555 0199", Some("+14155550199"), None, RowOutcome::Refused(
                "+14155550199 is not in this project's Twilio account. Check the number, or buy it in Twilio first.".into(),
            )),
            row(4, "+1 415 555 0100", Some("+14155550100"), None, RowOutcome::Refused("Listed already, on line 2.".into())),
            row(5, "call me", None, None, RowOutcome::Refused("A phone number has only digits, and this one has letters (callme). Type the digits instead.".into())),
        ],
        applied,
    }
}

/// The Import dialog's states.
#[component]
pub fn ImportStates() -> impl IntoView {
    let dialog =
        |text: &str, report: Option<ImportReport>, pending: bool, error: Option<AppError>| {
            view! {
                <ImportDialog
                    environment=Environment::Sandbox
                    text=text.to_owned()
                    on_preview=|_| ()
                    on_import=|_| ()
                    on_close=|()| ()
                    report=Signal::stored(report)
                    pending=pending
                    error=Signal::stored(error)
                />
            }
        };
    view! {
        <Component id="import-dialog">
            <State label="Empty" scope="import-empty">
                {dialog("", None, false, None)}
            </State>
            <State label="Nothing to read (from the server)" scope="import-nothing">
                {dialog("phone_number", None, false, Some(AppError::invalid("text", "The file has a header but no numbers.")))}
            </State>
            <State label="Checking" scope="import-checking">
                {dialog(TYPED, None, true, None)}
            </State>
            <State label="Preview with good and bad rows" scope="import-preview">
                {dialog(TYPED, Some(report(false)), false, None)}
            </State>
            <State label="Imported" scope="import-result">
                {dialog(TYPED, Some(report(true)), false, None)}
            </State>
            <State label="Twilio could not be reached" scope="import-twilio-down">
                {dialog(TYPED, None, false, Some(AppError::Provider("Twilio could not be reached. Nothing was changed; please try again.".into())))}
            </State>
        </Component>
    }
}
