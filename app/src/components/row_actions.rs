//! What a number's row can do: the items of its actions menu, each with the callback that
//! opens its dialog. The page lists them; the table shows the ones that apply to each row.

use crate::domain::{Environment, NumberRow, Variant};
use leptos::prelude::*;

/// The row an action is about, with what its dialog needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowTarget {
    /// The number's row as shown.
    pub row: NumberRow,
    /// The environment it serves.
    pub environment: Environment,
    /// Variants published to that environment (what it may be assigned).
    pub assignable: Vec<Variant>,
}

/// One item of every row's actions menu.
#[derive(Clone, Copy)]
pub struct RowAction {
    /// The item's text and accessible name, e.g. `Delete number`.
    pub label: &'static str,
    /// It changes the number, so members with Read access are not offered it.
    pub changes: bool,
    /// It is about variants, so it is offered only when the project uses them.
    pub needs_variants: bool,
    /// Also shown as a button with this text in the Assigned variant cell of unassigned rows.
    pub unassigned_shortcut: Option<&'static str>,
    /// Opens the action for a row.
    pub run: Callback<RowTarget>,
}

/// The row actions on offer, in menu order. Without any, rows have no actions menu.
#[derive(Clone, Default)]
pub struct RowActions(pub Vec<RowAction>);

impl RowActions {
    /// The actions a member may take: without Edit (`can_edit` false), none that change.
    pub fn for_member(self, can_edit: bool) -> Self {
        Self(
            self.0
                .into_iter()
                .filter(|a| can_edit || !a.changes)
                .collect(),
        )
    }

    /// The actions of a project's rows: without variants, none about variants.
    pub fn for_project(self, uses_variants: bool) -> Self {
        Self(
            self.0
                .into_iter()
                .filter(|a| uses_variants || !a.needs_variants)
                .collect(),
        )
    }

    /// Whether rows get an actions menu at all.
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }
}
