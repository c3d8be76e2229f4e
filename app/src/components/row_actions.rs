//! What a number's row can do: the callbacks behind its actions menu.

use super::ReassignTarget;
use crate::domain::{DeletePlan, Environment};
use leptos::prelude::*;

/// The number a Delete number dialog is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteTarget {
    /// E.164 form.
    pub e164: String,
    /// Readable international grouping.
    pub international: String,
    /// The environment it serves.
    pub environment: Environment,
    /// Its Source column text (`PolyAI`, `Twilio`).
    pub source: String,
    /// What deleting it does and asks for.
    pub plan: DeletePlan,
}

/// The row actions on offer; a missing callback leaves its menu item out. Without any, rows
/// have no actions menu (read-only views).
#[derive(Clone, Copy, Default)]
pub struct RowActions {
    /// Reassign variant (offered only when the project uses variants).
    pub reassign: Option<Callback<ReassignTarget>>,
    /// Test routing, given the number.
    pub test_routing: Option<Callback<String>>,
    /// History, given the number.
    pub history: Option<Callback<String>>,
    /// Delete number.
    pub delete: Option<Callback<DeleteTarget>>,
}

impl RowActions {
    /// Whether rows get an actions menu at all.
    pub fn any(&self) -> bool {
        self.reassign.is_some()
            || self.test_routing.is_some()
            || self.history.is_some()
            || self.delete.is_some()
    }
}
