//! The Variants page's changes: add, rename, delete, publish and promote, each reloading the
//! page when done and saying in one line what happened.

use crate::api::{CreateVariant, DeleteVariant, Promote, PublishDraft, RenameVariant};
use crate::domain::{Environment, VariantId, VariantsPage};
use crate::error::AppError;
use crate::pages::PageData;
use leptos::prelude::*;

/// The page's actions and the latest outcome.
#[derive(Clone, Copy)]
pub struct VariantChanges {
    project: Memo<String>,
    create: ServerAction<CreateVariant>,
    rename: ServerAction<RenameVariant>,
    delete: ServerAction<DeleteVariant>,
    publish: ServerAction<PublishDraft>,
    promote: ServerAction<Promote>,
    promoted_to: RwSignal<Environment>,
    outcome: RwSignal<Option<String>>,
    failure: RwSignal<Option<String>>,
}

impl VariantChanges {
    /// Reloads `data` after each change.
    pub fn new(project: Memo<String>, data: PageData<String, VariantsPage>) -> Self {
        let this = Self {
            project,
            create: ServerAction::new(),
            rename: ServerAction::new(),
            delete: ServerAction::new(),
            publish: ServerAction::new(),
            promote: ServerAction::new(),
            promoted_to: RwSignal::new(Environment::PreRelease),
            outcome: RwSignal::new(None),
            failure: RwSignal::new(None),
        };
        Effect::new(move |previous: Option<(usize, usize)>| {
            let added = this.create.version().get();
            let others = this.rename.version().get()
                + this.delete.version().get()
                + this.publish.version().get()
                + this.promote.version().get();
            if let Some((added_before, others_before)) = previous {
                let refused_add = matches!(this.create.value().get_untracked(), Some(Err(_)));
                if others != others_before || (added != added_before && !refused_add) {
                    data.reload(|| ());
                } else if added != added_before {
                    // A refused add changed nothing: reload quietly, so the name typed stays
                    // there to be corrected (a full reload renders the form afresh).
                    data.refresh(|| ());
                }
            }
            (added, others)
        });
        let report = move |result: Option<Result<(), AppError>>, success: String| match result {
            Some(Ok(())) => {
                this.failure.set(None);
                this.outcome.set(Some(success));
            }
            Some(Err(err)) => {
                this.outcome.set(None);
                this.failure.set(Some(err.to_string()));
            }
            None => {}
        };
        Effect::new(move |_| report(this.rename.value().get(), "Variant renamed.".into()));
        Effect::new(move |_| {
            report(
                this.delete.value().get(),
                "Variant deleted from the draft.".into(),
            )
        });
        Effect::new(move |_| {
            report(
                this.publish.value().get(),
                "Published the draft to Sandbox.".into(),
            )
        });
        Effect::new(move |_| {
            let target = this.promoted_to.get_untracked();
            report(
                this.promote.value().get(),
                format!("Promoted to {}.", target.label()),
            );
        });
        Effect::new(move |_| match this.create.value().get() {
            Some(Ok(())) => report(Some(Ok(())), "Variant added to the draft.".into()),
            // Shown next to the name field; what an earlier change said is no longer the news.
            Some(Err(_)) => {
                this.outcome.set(None);
                this.failure.set(None);
            }
            None => {}
        });
        this
    }

    /// Whether any change is under way.
    pub fn pending(self) -> Signal<bool> {
        Signal::derive(move || {
            self.create.pending().get()
                || self.rename.pending().get()
                || self.delete.pending().get()
                || self.publish.pending().get()
                || self.promote.pending().get()
        })
    }

    /// The latest success, for the toast region.
    pub fn outcome(self) -> Option<String> {
        self.outcome.get()
    }

    /// The latest failure (other than adding).
    pub fn failure(self) -> Option<String> {
        self.failure.get()
    }

    /// Adds a variant with the name given.
    pub fn create(self) -> Callback<String> {
        Callback::new(move |name| {
            self.create.dispatch(CreateVariant {
                project: self.project.get_untracked(),
                name,
            });
        })
    }

    /// Why the last add failed, shown next to the name field.
    pub fn create_error(self) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.create
                .value()
                .get()
                .and_then(Result::err)
                .map(|e| e.to_string())
        })
    }

    /// Counts finished adds, so the form clears its field.
    pub fn created(self) -> Signal<usize> {
        self.create.version().into()
    }

    /// Renames a variant.
    pub fn rename(self) -> Callback<(VariantId, String)> {
        Callback::new(move |(id, name): (VariantId, String)| {
            self.rename.dispatch(RenameVariant {
                project: self.project.get_untracked(),
                variant: id.0,
                name,
            });
        })
    }

    /// Deletes a variant from the draft (after its confirmation).
    pub fn delete(self, id: VariantId) {
        self.delete.dispatch(DeleteVariant {
            project: self.project.get_untracked(),
            variant: id.0,
        });
    }

    /// Publishes the draft to Sandbox.
    pub fn publish(self) -> Callback<()> {
        Callback::new(move |()| {
            self.publish.dispatch(PublishDraft {
                project: self.project.get_untracked(),
            });
        })
    }

    /// Promotes to `target` (Live only after its confirmation).
    pub fn promote(self, target: Environment) {
        self.promoted_to.set(target);
        self.promote.dispatch(Promote {
            project: self.project.get_untracked(),
            to: target.slug().to_owned(),
        });
    }
}
