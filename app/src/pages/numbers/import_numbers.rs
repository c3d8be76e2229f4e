//! The Import dialog of a section: preview a pasted list or CSV file, then import it; the page
//! reloads once numbers are connected, and the dialog stays open on what the import did.

use super::{NumbersData, lazy_dialogs};
use crate::api::{ImportNumbers as Import, PreviewImport};
use crate::components::{ImportDialogProps, import_button_id};
use crate::domain::Environment;
use crate::domain::import::ImportReport;
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The dialog's section (when open), its preview and import, and the last report.
#[derive(Clone, Copy)]
pub struct ImportNumbers {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<Environment>>,
    preview: ServerAction<PreviewImport>,
    import: ServerAction<Import>,
    /// The newest preview or import's report.
    report: RwSignal<Option<ImportReport>>,
}

impl ImportNumbers {
    /// Closed.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        let this = Self {
            project,
            data,
            open: RwSignal::new(None),
            preview: ServerAction::new(),
            import: ServerAction::new(),
            report: RwSignal::new(None),
        };
        Effect::new(move |_| {
            if let Some(Ok(report)) = this.preview.value().get() {
                this.report.set(Some(report));
            }
        });
        Effect::new(move |previous: Option<usize>| {
            let done = this.import.version().get();
            if let Some(Ok(report)) = this.import.value().get_untracked()
                && previous.is_some_and(|p| p != done)
            {
                let connected = report.good() > 0;
                this.report.set(Some(report));
                if connected {
                    data.reload(|| {});
                }
            }
            done
        });
        this
    }

    /// Opens the dialog for a section.
    pub fn opener(self) -> Callback<Environment> {
        Callback::new(move |environment| {
            self.preview.value().set(None);
            self.import.value().set(None);
            self.report.set(None);
            self.open.set(Some(environment));
        })
    }

    fn close(self) {
        if let Some(environment) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(import_button_id(environment));
        }
    }

    /// The dialog, while open.
    pub fn view(self) -> impl IntoView {
        let Self {
            project,
            data,
            open,
            preview,
            import,
            report,
        } = self;
        move || {
            open.get().map(|environment| {
                let slug = environment.slug().to_owned();
                let for_import = slug.clone();
                let props = ImportDialogProps::builder()
                    .environment(environment)
                    .on_preview(move |text: String| {
                        import.value().set(None);
                        preview.dispatch(PreviewImport {
                            project: project.get_untracked(),
                            environment: slug.clone(),
                            text,
                        });
                    })
                    .on_import(move |text: String| {
                        preview.value().set(None);
                        import.dispatch(Import {
                            project: project.get_untracked(),
                            environment: for_import.clone(),
                            text,
                        });
                    })
                    .on_close(move |()| self.close())
                    .report(report)
                    .pending(Signal::derive(move || {
                        preview.pending().get() || import.pending().get() || data.reloading().get()
                    }))
                    .error(Signal::derive(move || {
                        preview
                            .value()
                            .get()
                            .and_then(Result::err)
                            .or_else(|| import.value().get().and_then(Result::err))
                    }))
                    .build();
                lazy_dialogs::open(lazy_dialogs::import(props))
            })
        }
    }
}
