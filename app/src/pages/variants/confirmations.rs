//! The Variants page's confirmations: Delete variant, and Promote to Live. Each owns its open
//! state and returns focus when it closes.

use super::changes::VariantChanges;
use crate::components::{DeleteVariantDialog, PromoteLiveDialog};
use crate::domain::{Environment, VariantRow};
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// Which confirmation is open.
#[derive(Clone, Copy)]
pub struct Confirmations {
    changes: VariantChanges,
    deleting: RwSignal<Option<VariantRow>>,
    promoting_to_live: RwSignal<bool>,
}

impl Confirmations {
    /// Both closed.
    pub fn new(changes: VariantChanges) -> Self {
        Self {
            changes,
            deleting: RwSignal::new(None),
            promoting_to_live: RwSignal::new(false),
        }
    }

    /// A row's Delete button: asks first.
    pub fn delete_variant(self) -> Callback<VariantRow> {
        Callback::new(move |row| self.deleting.set(Some(row)))
    }

    /// Publishing panel's Promote buttons: Live asks first, Pre-release goes at once.
    pub fn promote(self) -> Callback<Environment> {
        Callback::new(move |target| {
            if target == Environment::Live {
                self.promoting_to_live.set(true);
            } else {
                self.changes.promote(target);
            }
        })
    }

    /// The open confirmation, if any.
    pub fn view(self) -> impl IntoView {
        let close_delete = move || {
            self.deleting.set(None);
            focus_soon("variant-name".into());
        };
        let close_promote = move || self.promoting_to_live.set(false);
        view! {
            {move || self.deleting.get().map(|row| {
                let id = row.variant.id;
                view! {
                    <DeleteVariantDialog
                        name=row.variant.name
                        count=row.number_count
                        numbers=row.numbers
                        on_delete=move |()| {
                            self.changes.delete(id);
                            close_delete();
                        }
                        on_close=move |()| close_delete()
                    />
                }
            })}
            {move || self.promoting_to_live.get().then(|| view! {
                <PromoteLiveDialog
                    on_promote=move |()| {
                        self.changes.promote(Environment::Live);
                        close_promote();
                    }
                    on_close=move |()| close_promote()
                />
            })}
        }
    }
}
