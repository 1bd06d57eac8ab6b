//! The app state shared through context: the current dataset and what the page shows about it, and the
//! actions that change it. Every change of the dataset goes through `commit`, the one place that saves.

use leptos::prelude::*;

use crate::files;
use crate::format::{Checked, Dataset, FormatError};
use crate::i18n::Lang;
use crate::sample::sample_dataset;
use crate::storage::envelope::{Origin, Settings};
use crate::storage::{StorageError, Store};

/// A file that passed the checks and waits for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub file_name: String,
    pub checked: Checked,
}

/// A file that was refused; the data stayed as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailure {
    Refused { file_name: String, errors: Vec<FormatError> },
    Unreadable { file_name: String, detail: String },
}

/// A confirmation for the toast.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirmation {
    Replaced { file_name: String },
    Merged { file_name: String },
    Cancelled,
    Exported { file_name: String },
    ExportFailed { detail: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    Replace,
    Merge,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub dataset: RwSignal<Dataset>,
    pub origin: RwSignal<Origin>,
    pub lang: RwSignal<Lang>,
    pub pending_import: RwSignal<Option<PendingImport>>,
    pub import_failure: RwSignal<Option<ImportFailure>>,
    pub confirmation: RwSignal<Option<Confirmation>>,
    /// The last problem with the browser's storage: shown until a save succeeds again.
    pub storage_problem: RwSignal<Option<StorageError>>,
    store: StoredValue<Option<Store>>,
}

impl AppState {
    /// Loads what the browser keeps; `lang_param` is `?lang=` of the page's URL, which wins and is remembered.
    pub fn load(lang_param: Option<Lang>) -> AppState {
        let (store, mut problem) = match Store::open() {
            Ok(store) => (Some(store), None),
            Err(error) => (None, Some(error)),
        };
        let settings = store.map(Store::load_settings).unwrap_or_default();
        let lang = lang_param.or(settings.lang()).unwrap_or_default();
        if let (Some(store), Some(lang)) = (store, lang_param)
            && settings.lang() != Some(lang)
        {
            problem = problem.or(store.save_settings(&Settings { lang: Some(lang.code().into()) }).err());
        }
        let (dataset, origin) = match store.map(Store::load_dataset).transpose() {
            Ok(Some(Some(stored))) => (stored.dataset, stored.origin),
            Ok(_) => (sample_dataset(), Origin::Sample),
            Err(error) => {
                problem = Some(error);
                (sample_dataset(), Origin::Sample)
            }
        };
        AppState {
            dataset: RwSignal::new(dataset),
            origin: RwSignal::new(origin),
            lang: RwSignal::new(lang),
            pending_import: RwSignal::new(None),
            import_failure: RwSignal::new(None),
            confirmation: RwSignal::new(None),
            storage_problem: RwSignal::new(problem),
            store: StoredValue::new(store),
        }
    }

    /// Replaces the dataset and saves it. When saving fails the new data stays on screen and the page
    /// says that it is not saved.
    fn commit(&self, dataset: Dataset, origin: Origin) {
        let saved = match self.store.get_value() {
            Some(store) => store.save_dataset(&dataset, &origin, &files::now_rfc3339()),
            None => Err(StorageError::Unavailable),
        };
        self.storage_problem.set(saved.err());
        self.dataset.set(dataset);
        self.origin.set(origin);
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Some(store) = self.store.get_value()
            && let Err(error) = store.save_settings(&Settings { lang: Some(lang.code().into()) })
        {
            self.storage_problem.set(Some(error));
        }
    }

    /// Checks a file's text; a good file waits for the user's choice, a bad one is reported and changes nothing.
    pub fn receive_file(&self, file_name: String, text: &str) {
        self.confirmation.set(None);
        match Dataset::parse(text) {
            Ok(checked) => {
                self.import_failure.set(None);
                self.pending_import.set(Some(PendingImport { file_name, checked }));
            }
            Err(refusal) => {
                self.pending_import.set(None);
                self.import_failure.set(Some(ImportFailure::Refused { file_name, errors: refusal.errors }));
            }
        }
    }

    pub fn file_unreadable(&self, file_name: String, detail: String) {
        self.pending_import.set(None);
        self.import_failure.set(Some(ImportFailure::Unreadable { file_name, detail }));
    }

    pub fn apply_import(&self, mode: ImportMode) {
        let Some(PendingImport { file_name, checked }) = self.pending_import.get_untracked() else {
            return;
        };
        let dataset = match mode {
            ImportMode::Replace => checked.dataset,
            ImportMode::Merge => self.dataset.with_untracked(|current| current.merged_with(&checked.dataset)),
        };
        self.pending_import.set(None);
        self.commit(dataset, Origin::Imported { file: file_name.clone() });
        self.confirmation.set(Some(match mode {
            ImportMode::Replace => Confirmation::Replaced { file_name },
            ImportMode::Merge => Confirmation::Merged { file_name },
        }));
    }

    pub fn cancel_import(&self) {
        self.pending_import.set(None);
        self.confirmation.set(Some(Confirmation::Cancelled));
    }

    /// Downloads the dataset as `<city>.masterplan.json`.
    pub fn export_json(&self) {
        let (file_name, text) = self
            .dataset
            .with_untracked(|dataset| (dataset.file_name(), dataset.exported(files::now_rfc3339()).to_file_json()));
        self.confirmation.set(Some(match files::download(&file_name, "application/json", &text) {
            Ok(()) => Confirmation::Exported { file_name },
            Err(detail) => Confirmation::ExportFailed { detail },
        }));
    }
}
