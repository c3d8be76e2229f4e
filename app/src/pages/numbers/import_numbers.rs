//! The Import dialog of a section: preview a pasted list or CSV file, then import it; the page
//! reloads once numbers are connected, and the dialog stays open on what the import did.

use super::dialog_state::Call;
use super::{NumbersData, lazy_dialogs};
use crate::api::{import_numbers, preview_import};
use crate::components::{ImportDialog, ImportDialogProps, import_button_id};
use crate::domain::Environment;
use crate::domain::import::ImportReport;
use crate::pages::focus::focus_soon;
use leptos::prelude::*;

/// The section whose dialog is open, if any, and the previews and imports under way.
#[derive(Clone, Copy)]
pub struct ImportNumbers {
    project: Memo<String>,
    data: NumbersData,
    open: RwSignal<Option<Environment>>,
    running: RwSignal<u32>,
}

impl ImportNumbers {
    /// Closed.
    pub fn new(project: Memo<String>, data: NumbersData) -> Self {
        Self {
            project,
            data,
            open: RwSignal::new(None),
            running: RwSignal::new(0),
        }
    }

    /// Opens the dialog for a section.
    pub fn opener(self) -> Callback<Environment> {
        Callback::new(move |environment| self.open.set(Some(environment)))
    }

    fn close(self) {
        if let Some(environment) = self.open.get_untracked() {
            self.open.set(None);
            focus_soon(import_button_id(environment));
        }
    }

    /// The dialog, while open (its code arrives with its chunk).
    pub fn view(self) -> impl IntoView {
        move || {
            self.open
                .get()
                .map(|environment| lazy_dialogs::open(lazy_dialogs::import((self, environment))))
        }
    }

    /// The open dialog for `environment`: the newest preview's or import's report; the page
    /// reloads after an import that connected numbers.
    pub fn dialog(self, environment: Environment) -> AnyView {
        let Self {
            project,
            data,
            running,
            ..
        } = self;
        let preview = Call::<ImportReport>::new(running);
        let import = Call::<ImportReport>::new(running);
        let report = RwSignal::new(None::<ImportReport>);
        let slug = environment.slug().to_owned();
        let for_import = slug.clone();
        let (previewing, importing) = (preview.clone(), import.clone());
        let busy = preview.busy(data);
        let (preview_error, import_error) = (preview.error(), import.error());
        let props = ImportDialogProps::builder()
            .environment(environment)
            .on_preview(move |text: String| {
                importing.clear();
                let call = preview_import(project.get_untracked(), slug.clone(), text);
                previewing.run(call, move |answer| {
                    if let Ok(found) = answer {
                        report.try_set(Some(found.clone()));
                    }
                });
            })
            .on_import(move |text: String| {
                preview.clear();
                let call = import_numbers(project.get_untracked(), for_import.clone(), text);
                import.run(call, move |answer| {
                    if let Ok(done) = answer {
                        report.try_set(Some(done.clone()));
                        if done.good() > 0 {
                            data.reload(|| {});
                        }
                    }
                });
            })
            .on_close(move |()| self.close())
            .report(report)
            .pending(busy)
            .error(Signal::derive(move || {
                preview_error.get().or_else(|| import_error.get())
            }))
            .build();
        ImportDialog(props).into_any()
    }
}
