//! Rendering the same component many times on one page (the gallery) without clashing ids,
//! and showing dialogs in the flow of the page instead of over it.

use leptos::prelude::*;

/// A prefix for the element ids of the components rendered below it.
#[derive(Clone, Debug)]
pub struct IdScope(pub String);

/// `id`, prefixed with the nearest [`IdScope`] if there is one (call while rendering).
pub fn scoped_id(id: &str) -> String {
    match use_context::<IdScope>() {
        Some(IdScope(prefix)) => format!("{prefix}-{id}"),
        None => id.to_owned(),
    }
}

/// When provided, dialogs render open in the page flow (non-modal), so many can be seen at once.
#[derive(Clone, Copy, Debug)]
pub struct InlineDialogs;
