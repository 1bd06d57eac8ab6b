//! The app state shared through context: the current dataset and what the page shows about it, and the
//! actions that change it. Every change of the dataset goes through `commit`, the one place that saves;
//! every import and restore keeps a backup of what it replaces first.

use std::time::Duration;

use leptos::prelude::*;

use crate::backups::{Backup, BackupReason, Backups};
use crate::diff;
use crate::edit::Rejected;
use crate::files::{self, Reading};
use crate::format::{Dataset, FormatError};
use crate::history::{Change, History};
use crate::i18n::{Key, Lang};
use crate::import::{self, MAX_FILE_BYTES, Preview};
use crate::sample::sample_dataset;
use crate::share_link::{self, LinkError};
use crate::slides::Arrangement;
use crate::spreadsheet::{self, Delimiter};
use crate::storage::envelope::{Origin, Settings};
use crate::storage::{StorageError, Store};

/// Where incoming data came from, for the messages about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(String),
    Pasted,
    Link,
}

impl Source {
    fn file_name(&self) -> Option<&str> {
        match self {
            Source::File(name) => Some(name),
            _ => None,
        }
    }
}

/// Data that passed the checks and waits for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub source: Source,
    pub preview: Preview,
}

/// A file being read or checked, with how far it has come.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportJob {
    pub file_name: String,
    pub bytes: u64,
    /// 0 to 1 while reading.
    pub fraction: f64,
    pub checking: bool,
}

/// Incoming data that was refused; the current data stayed as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailure {
    Refused { source: Source, errors: Vec<FormatError> },
    Unreadable { source: Source, detail: String },
    TooLarge { source: Source, bytes: u64 },
    LinkDamaged { detail: String },
}

/// A confirmation for the toast.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirmation {
    Replaced {
        source: Source,
    },
    Merged {
        source: Source,
    },
    Cancelled,
    Undone,
    Restored {
        taken_at: String,
    },
    Exported {
        file_name: String,
    },
    ExportFailed {
        detail: String,
    },
    /// A backup to restore (or to undo an import with) could not be read back.
    BackupUnreadable {
        detail: String,
    },
    LinkCopied,
    UpdatedByOtherTab,
    ChartCopied,
    ChartNotCopied,
    OtherTabKeptOwn,
    Saved,
}

/// What a download holds: the current data (which then counts as exported), or something else (a backup,
/// a chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportOf {
    CurrentData,
    Other,
}

/// Backups that the browser had no room for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupProblem {
    /// The oldest backups were let go to make room.
    Trimmed { count: usize },
    /// Not even the newest backup could be kept.
    NotKept,
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
    pub import_job: RwSignal<Option<ImportJob>>,
    pub import_failure: RwSignal<Option<ImportFailure>>,
    pub confirmation: RwSignal<Option<Confirmation>>,
    /// The last problem with the browser's storage: shown until a save succeeds again.
    pub storage_problem: RwSignal<Option<StorageError>>,
    pub backups: RwSignal<Backups>,
    pub backup_problem: RwSignal<Option<BackupProblem>>,
    /// The backup taken right before the last import, which "undo import" restores.
    pub undo_backup: RwSignal<Option<u64>>,
    /// The data changed since it was last exported.
    pub unexported_changes: RwSignal<bool>,
    /// The presenter's choice and order of slides, remembered with the settings.
    pub slides: RwSignal<Arrangement>,
    pub share_link: RwSignal<Option<Result<String, LinkError>>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History>,
    store: StoredValue<Option<Store>>,
    reading: StoredValue<Option<Reading>, LocalStorage>,
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
        let (dataset, origin) = match store.map(Store::load_dataset).transpose() {
            Ok(Some(Some(stored))) => (stored.dataset, stored.origin),
            Ok(_) => (sample_dataset(), Origin::Sample),
            Err(error) => {
                problem = Some(error);
                (sample_dataset(), Origin::Sample)
            }
        };
        let state = AppState {
            dataset: RwSignal::new(dataset),
            origin: RwSignal::new(origin),
            lang: RwSignal::new(lang),
            pending_import: RwSignal::new(None),
            import_job: RwSignal::new(None),
            import_failure: RwSignal::new(None),
            confirmation: RwSignal::new(None),
            storage_problem: RwSignal::new(problem),
            backups: RwSignal::new(store.map(Store::load_backups).unwrap_or_default()),
            backup_problem: RwSignal::new(None),
            undo_backup: RwSignal::new(None),
            unexported_changes: RwSignal::new(settings.unexported_changes),
            slides: RwSignal::new(settings.slides.clone().unwrap_or_default()),
            share_link: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            store: StoredValue::new(store),
            reading: StoredValue::new_local(None),
        };
        if lang_param.is_some_and(|l| settings.lang() != Some(l)) {
            state.save_settings();
        }
        state.open_share_link();
        state
    }

    /// A share link in the page's address leads to the usual preview; the fragment is then removed so
    /// that a reload does not offer it again. Called at start and whenever the fragment changes (a link
    /// pasted into the address bar of an open page changes only the fragment, without a reload).
    pub fn open_share_link(&self) {
        let Some((_, fragment)) = files::page_address() else { return };
        let Some(text) = share_link::text_in_fragment(&fragment) else { return };
        files::clear_fragment();
        match text {
            Ok(text) => self.receive_text(Source::Link, &text),
            Err(error) => self.import_failure.set(Some(ImportFailure::LinkDamaged { detail: error.to_string() })),
        }
    }

    fn save_settings(&self) {
        let Some(store) = self.store.get_value() else { return };
        let arrangement = self.slides.get_untracked();
        let settings = Settings {
            lang: Some(self.lang.get_untracked().code().into()),
            unexported_changes: self.unexported_changes.get_untracked(),
            slides: (arrangement != Arrangement::default()).then_some(arrangement),
        };
        if let Err(error) = store.save_settings(&settings) {
            self.storage_problem.set(Some(error));
        }
    }

    /// Replaces the dataset and saves it. When saving fails the new data stays on screen and the page
    /// says that it is not saved. The current data has priority over old backups for the room there is.
    fn commit(&self, dataset: Dataset, origin: Origin) {
        // Every change of the data can be undone, imports and restores included.
        if let Some(change) = self.dataset.with_untracked(|current| Change::between(current, &dataset)) {
            self.history.update_value(|h| h.record(change));
        }
        self.save_as_current(dataset, origin);
    }

    /// Saves and shows a dataset without recording it in the history (undo and redo themselves).
    fn save_as_current(&self, dataset: Dataset, origin: Origin) {
        let saved = match self.store.get_value() {
            None => Err(StorageError::Unavailable),
            Some(store) => loop {
                match store.save_dataset(&dataset, &origin, &files::now_rfc3339()) {
                    Err(StorageError::QuotaExceeded) if self.backups.try_update(Backups::drop_oldest) == Some(true) => {
                        self.save_backups(store);
                    }
                    outcome => break outcome,
                }
            },
        };
        self.storage_problem.set(saved.err());
        self.dataset.set(dataset);
        self.origin.set(origin);
        // The settings are written when the flag turns, not on every edit.
        if !self.unexported_changes.get_untracked() {
            self.unexported_changes.set(true);
            self.save_settings();
        }
        self.history_changed();
    }

    fn history_changed(&self) {
        self.can_undo.set(self.history.with_value(History::can_undo));
        self.can_redo.set(self.history.with_value(History::can_redo));
    }

    /// Makes an edit; a rejected one changes nothing and says why.
    pub fn edit(&self, make: impl FnOnce(&Dataset) -> Result<Dataset, Rejected>) -> Result<(), Rejected> {
        let edited = self.dataset.with_untracked(make)?;
        self.commit(edited, self.origin.get_untracked());
        Ok(())
    }

    pub fn undo(&self) {
        if let Some(previous) = self.dataset.with_untracked(|d| self.history.try_update_value(|h| h.undo(d)).flatten())
        {
            self.save_as_current(previous, self.origin.get_untracked());
        }
    }

    pub fn redo(&self) {
        if let Some(next) = self.dataset.with_untracked(|d| self.history.try_update_value(|h| h.redo(d)).flatten()) {
            self.save_as_current(next, self.origin.get_untracked());
        }
    }

    /// Another tab of this page saved: take its data, unless this tab holds changes it could not save.
    pub fn stored_elsewhere(&self) {
        let Some(store) = self.store.get_value() else { return };
        if self
            .storage_problem
            .with_untracked(|p| matches!(p, Some(StorageError::QuotaExceeded | StorageError::WriteFailed(_))))
        {
            self.confirmation.set(Some(Confirmation::OtherTabKeptOwn));
            return;
        }
        match store.load_dataset() {
            Ok(Some(stored)) if self.dataset.with_untracked(|d| *d != stored.dataset) => {
                self.history.update_value(History::clear);
                self.dataset.set(stored.dataset);
                self.origin.set(stored.origin);
                self.backups.set(store.load_backups());
                self.unexported_changes.set(store.load_settings().unexported_changes);
                self.history_changed();
                self.confirmation.set(Some(Confirmation::UpdatedByOtherTab));
            }
            Ok(_) => {}
            Err(error) => self.storage_problem.set(Some(error)),
        }
    }

    fn save_backups(&self, store: Store) {
        let mut backups = self.backups.get_untracked();
        let outcome = store.save_backups(&mut backups);
        self.backups.set(backups);
        self.backup_problem.set(match outcome {
            Ok(0) => None,
            Ok(count) => Some(BackupProblem::Trimmed { count }),
            Err(_) => Some(BackupProblem::NotKept),
        });
    }

    /// Keeps the current dataset as a backup before it is replaced; returns the backup's id.
    fn back_up_current(&self, reason: BackupReason) -> u64 {
        let id = self.backups.with_untracked(|b| b.next_id(files::now_ms()));
        let origin = self.origin.get_untracked();
        let backup = self.dataset.with_untracked(|d| Backup::of(d, origin, reason, id, files::now_rfc3339()));
        self.backups.update(|b| b.push(backup));
        match self.store.get_value() {
            Some(store) => self.save_backups(store),
            None => self.backup_problem.set(Some(BackupProblem::NotKept)),
        }
        id
    }

    pub fn arrange_slides(&self, arrangement: Arrangement) {
        self.slides.set(arrangement);
        self.save_settings();
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.save_settings();
    }

    /// Starts reading a chosen or dropped file; files over the limit are refused before they are read.
    pub fn receive_file(&self, file: web_sys::File) {
        self.abort_reading_quietly();
        self.confirmation.set(None);
        self.pending_import.set(None);
        self.import_failure.set(None);
        let file_name = file.name();
        let bytes = file.size() as u64;
        if bytes > MAX_FILE_BYTES {
            self.import_failure.set(Some(ImportFailure::TooLarge { source: Source::File(file_name), bytes }));
            return;
        }
        self.import_job.set(Some(ImportJob { file_name: file_name.clone(), bytes, fraction: 0.0, checking: false }));
        let state = *self;
        let reading = Reading::start(
            &file,
            move |fraction| state.import_job.update(|job| job.iter_mut().for_each(|j| j.fraction = fraction)),
            move |outcome| {
                // Dropping the reader from inside its own event handler is not allowed: let it go a tick later.
                leptos::task::spawn_local(async move { state.reading.set_value(None) });
                match outcome {
                    Ok(text) => state.check_after_paint(Source::File(file_name), text),
                    Err(detail) => {
                        state.import_job.set(None);
                        state
                            .import_failure
                            .set(Some(ImportFailure::Unreadable { source: Source::File(file_name), detail }));
                    }
                }
            },
        );
        match reading {
            Ok(reading) => self.reading.set_value(Some(reading)),
            Err(detail) => {
                self.import_job.set(None);
                self.import_failure.set(Some(ImportFailure::Unreadable { source: Source::File(file.name()), detail }));
            }
        }
    }

    /// Shows "checking" before the checks run, since a large file keeps the page busy for a moment.
    fn check_after_paint(&self, source: Source, text: String) {
        self.import_job.update(|job| job.iter_mut().for_each(|j| j.checking = true));
        let state = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Cancelled while waiting for the paint.
                    if state.import_job.get_untracked().is_some() {
                        state.import_job.set(None);
                        state.receive_text(source, &text);
                    }
                },
                Duration::ZERO,
            )
        });
    }

    /// Stops reading a file; nothing changes.
    pub fn abort_reading(&self) {
        self.abort_reading_quietly();
        self.confirmation.set(Some(Confirmation::Cancelled));
    }

    fn abort_reading_quietly(&self) {
        if let Some(reading) = self.reading.try_update_value(Option::take).flatten() {
            reading.abort();
        }
        self.import_job.set(None);
    }

    /// Checks incoming text; good data waits for the user's choice, bad data is reported and changes nothing.
    pub fn receive_text(&self, source: Source, text: &str) {
        self.confirmation.set(None);
        let checked = self.dataset.with_untracked(|current| import::preview(text, source.file_name(), current));
        match checked {
            Ok(preview) => {
                self.import_failure.set(None);
                self.pending_import.set(Some(PendingImport { source, preview }));
            }
            Err(refusal) => {
                self.pending_import.set(None);
                self.import_failure.set(Some(ImportFailure::Refused { source, errors: refusal.errors }));
            }
        }
    }

    pub fn apply_import(&self, mode: ImportMode) {
        let Some(PendingImport { source, preview }) = self.pending_import.get_untracked() else { return };
        let incoming = preview.checked.dataset;
        let dataset = match mode {
            ImportMode::Replace => incoming,
            ImportMode::Merge => self.dataset.with_untracked(|current| diff::merge(current, &incoming)),
        };
        let label = match &source {
            Source::File(name) => name.clone(),
            Source::Pasted => "clipboard".to_owned(),
            Source::Link => "link".to_owned(),
        };
        // The backup says in the reader's own language what replaced it, so it keeps the source, not a label.
        let reason = match &source {
            Source::File(name) => BackupReason::BeforeImport { file: name.clone() },
            Source::Pasted => BackupReason::BeforePastedImport,
            Source::Link => BackupReason::BeforeLinkImport,
        };
        let backup = self.back_up_current(reason);
        self.pending_import.set(None);
        self.commit(dataset, Origin::Imported { file: label });
        self.undo_backup.set(Some(backup));
        self.confirmation.set(Some(match mode {
            ImportMode::Replace => Confirmation::Replaced { source },
            ImportMode::Merge => Confirmation::Merged { source },
        }));
    }

    pub fn cancel_import(&self) {
        self.pending_import.set(None);
        self.confirmation.set(Some(Confirmation::Cancelled));
    }

    /// Puts back the data as it was right before the last import.
    pub fn undo_import(&self) {
        let Some(id) = self.undo_backup.get_untracked() else { return };
        let Some(backup) = self.backups.with_untracked(|b| b.get(id).cloned()) else { return };
        match backup.dataset() {
            Ok(dataset) => {
                self.undo_backup.set(None);
                self.commit(dataset, backup.origin.clone());
                self.confirmation.set(Some(Confirmation::Undone));
            }
            Err(error) => self.confirmation.set(Some(Confirmation::BackupUnreadable { detail: error.to_string() })),
        }
    }

    /// Restores a kept backup, keeping the current data as a backup first.
    pub fn restore_backup(&self, id: u64) {
        let Some(backup) = self.backups.with_untracked(|b| b.get(id).cloned()) else { return };
        match backup.dataset() {
            Ok(dataset) => {
                self.back_up_current(BackupReason::BeforeRestore);
                self.undo_backup.set(None);
                self.commit(dataset, backup.origin.clone());
                self.confirmation.set(Some(Confirmation::Restored { taken_at: backup.taken_at.clone() }));
            }
            Err(error) => self.confirmation.set(Some(Confirmation::BackupUnreadable { detail: error.to_string() })),
        }
    }

    pub fn download_backup(&self, id: u64) {
        let Some(backup) = self.backups.with_untracked(|b| b.get(id).cloned()) else { return };
        let date = backup.taken_at.get(..10).unwrap_or_default();
        let word = self.lang.get_untracked().t(Key::BackupFileWord);
        let file_name = format!("{} {word} {date}.masterplan.json", crate::format::file_stem(&backup.city));
        let outcome = backup
            .file_text()
            .map_err(|e| e.to_string())
            .and_then(|text| files::download(&file_name, "application/json", &text));
        self.report_export(file_name, outcome, ExportOf::Other);
    }

    /// Downloads the dataset as `<city>.masterplan.json`.
    pub fn export_json(&self) {
        let (file_name, text) = self
            .dataset
            .with_untracked(|dataset| (dataset.file_name(), dataset.exported(files::now_rfc3339()).to_file_json()));
        let outcome = files::download(&file_name, "application/json", &text);
        self.report_export(file_name, outcome, ExportOf::CurrentData);
    }

    /// Downloads the programs as `<city>.programs.csv`.
    pub fn export_csv(&self, delimiter: Delimiter) {
        let (file_name, text) = self.dataset.with_untracked(|dataset| {
            (dataset.file_name_with(".programs.csv"), spreadsheet::to_csv(dataset, delimiter))
        });
        let outcome = files::download(&file_name, "text/csv;charset=utf-8", &text);
        self.report_export(file_name, outcome, ExportOf::CurrentData);
    }

    /// Downloads the programs and a summary as `<city>.xlsx`.
    pub fn export_xlsx(&self) {
        let lang = self.lang.get_untracked();
        let today = files::today();
        let (file_name, bytes) = self
            .dataset
            .with_untracked(|dataset| (dataset.file_name_with(".xlsx"), spreadsheet::to_xlsx(dataset, lang, &today)));
        let outcome = bytes.map_err(|e| e.to_string()).and_then(|bytes| {
            files::download_bytes(
                &file_name,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &bytes,
            )
        });
        self.report_export(file_name, outcome, ExportOf::CurrentData);
    }

    /// Says how a download went; one of the current data clears the "changed since last export" note.
    pub fn report_export(&self, file_name: String, outcome: Result<(), String>, of: ExportOf) {
        match outcome {
            Ok(()) => {
                if of == ExportOf::CurrentData {
                    self.unexported_changes.set(false);
                    self.save_settings();
                }
                self.confirmation.set(Some(Confirmation::Exported { file_name }));
            }
            Err(detail) => self.confirmation.set(Some(Confirmation::ExportFailed { detail })),
        }
    }

    /// Makes the share link of the current dataset, or says why there is none.
    pub fn create_share_link(&self) {
        let page = files::page_address().map(|(href, _)| href).unwrap_or_default();
        self.share_link.set(Some(self.dataset.with_untracked(|dataset| share_link::link_for(&page, dataset))));
    }

    pub fn copy_share_link(&self) {
        let Some(Ok(link)) = self.share_link.get_untracked() else { return };
        let state = *self;
        leptos::task::spawn_local(async move {
            state.confirmation.set(Some(match files::copy_to_clipboard(&link).await {
                Ok(()) => Confirmation::LinkCopied,
                Err(detail) => Confirmation::ExportFailed { detail },
            }));
        });
    }
}
