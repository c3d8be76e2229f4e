//! The Numbers page's dialogs as Leptos lazy functions: built with `cargo leptos build --split`,
//! each dialog's code is in wasm chunks of its own, which the page's first load does not carry.
//! [`preload`] fetches them in the background once the page is interactive, so a dialog opened
//! after that shows at once; one opened sooner shows when its chunks arrive ([`open`]). A chunk
//! that cannot be fetched is fatal to the page (Leptos's loader panics), one more reason to
//! fetch them early, while the page's own files have just arrived.

use crate::components::{
    AddNumberDialog, AddNumberDialogProps, DeleteDialog, DeleteDialogProps, HistoryDialog,
    HistoryDialogProps, ImportDialog, ImportDialogProps, ReassignDialog, ReassignDialogProps,
    RoutingDialog, RoutingDialogProps,
};
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The view of `dialog` (one of this module's functions called with its props): at once when
/// its chunks were loaded before, else when they arrive. The chunk loader's future is not
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
    let _ = lazy_preload!(routing);
    let _ = lazy_preload!(history);
    let _ = lazy_preload!(import);
}

/// The Add number dialog.
#[lazy]
pub fn add_number(props: AddNumberDialogProps) -> AnyView {
    AddNumberDialog(props).into_any()
}

/// The Reassign variant dialog.
#[lazy]
pub fn reassign(props: ReassignDialogProps) -> AnyView {
    ReassignDialog(props).into_any()
}

/// The Delete number dialog.
#[lazy]
pub fn delete(props: DeleteDialogProps) -> AnyView {
    DeleteDialog(props).into_any()
}

/// The Test routing dialog.
#[lazy]
pub fn routing(props: RoutingDialogProps) -> AnyView {
    RoutingDialog(props).into_any()
}

/// The number's History dialog.
#[lazy]
pub fn history(props: HistoryDialogProps) -> AnyView {
    HistoryDialog(props).into_any()
}

/// The Import dialog.
#[lazy]
pub fn import(props: ImportDialogProps) -> AnyView {
    ImportDialog(props).into_any()
}
