//! The Numbers page's dialogs, and the calls it makes on a click (Undo, Retry release,
//! Publish), as Leptos lazy functions: built with `cargo leptos build --split`, each one's code
//! (its view, the server functions it calls and their answers' types) is in wasm chunks of its
//! own, which the page's first load does not carry. The page itself keeps only which dialog is
//! open. [`preload`] fetches the chunks in the background once the page is interactive, so a
//! dialog opened after that shows at once; one opened sooner shows when its chunks arrive
//! ([`open`]). A chunk that cannot be fetched is fatal to the page (Leptos's loader panics), one
//! more reason to fetch them early, while the page's own files have just arrived.

use super::add_number::AddNumber;
use super::delete_number::{DeleteNumber, Restore};
use super::import_numbers::ImportNumbers;
use super::number_history::NumberHistory;
use super::publish::Publish;
use super::reassign::Reassign;
use super::test_routing::TestRouting;
use crate::components::{AddNumberContext, DeleteTarget, ReassignTarget};
use crate::domain::Environment;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The view of `dialog` (one of this module's functions called with its arguments): at once
/// when its chunks were loaded before, else when they arrive. The chunk loader's future is not
/// `Send` (the browser is single-threaded), hence the wrapper. (With a `<Suspense>` around it,
/// for an "Opening…" status, the Add number dialog no longer closed after a purchase in two
/// Playwright tests: left out until that is understood.)
pub fn open(dialog: impl Future<Output = AnyView> + 'static) -> impl IntoView {
    Suspend::new(SendWrapper::new(dialog))
}

/// Starts fetching every dialog's chunk (in the browser; nothing on the server). Call it from
/// an effect: effects first run once the page has hydrated.
pub fn preload() {
    let _ = lazy_preload!(add_number);
    let _ = lazy_preload!(reassign);
    let _ = lazy_preload!(delete);
    let _ = lazy_preload!(restore);
    let _ = lazy_preload!(publish);
    let _ = lazy_preload!(routing);
    let _ = lazy_preload!(history);
    let _ = lazy_preload!(import);
}

/// The Add number dialog of a section.
#[lazy]
pub fn add_number((page, context): (AddNumber, AddNumberContext)) -> AnyView {
    page.dialog(context)
}

/// The Reassign variant dialog of a number.
#[lazy]
pub fn reassign((page, target): (Reassign, ReassignTarget)) -> AnyView {
    page.dialog(target)
}

/// The Delete number dialog of a number.
#[lazy]
pub fn delete((page, target): (DeleteNumber, DeleteTarget)) -> AnyView {
    page.dialog(target)
}

/// Undo or Retry release on a deleted number of a project (E.164).
#[lazy]
pub fn restore((page, project, e164, what): (DeleteNumber, String, String, Restore)) {
    page.restore(project, e164, what);
}

/// Publish on the callouts: the project's draft goes to Sandbox.
#[lazy]
pub fn publish((page, project): (Publish, String)) {
    page.publish(project);
}

/// The Test routing dialog of a number (E.164).
#[lazy]
pub fn routing((page, e164): (TestRouting, String)) -> AnyView {
    page.dialog(e164)
}

/// The History dialog of a number (E.164).
#[lazy]
pub fn history((page, e164): (NumberHistory, String)) -> AnyView {
    page.dialog(e164)
}

/// The Import dialog of a section.
#[lazy]
pub fn import((page, environment): (ImportNumbers, Environment)) -> AnyView {
    page.dialog(environment)
}
