//! The import flow: a colleague's data (a chosen or dropped file, pasted text, a share link) read, checked
//! and previewed, then replacing or merged into the current data, or cancelled; "undo import" and the
//! restore of a backup. Every replacement keeps a backup of what it replaces first; without room for one,
//! it stops and offers to download the current data before going on.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::backups::BackupReason;
use crate::change::Change;
use crate::diff;
use crate::files::{self, Reading};
use crate::format::{Dataset, Plan};
use crate::import::{self, MAX_FILE_BYTES, Origin, Preview, Source};
use crate::portfolio::{CityName, replaced_cities};
use crate::share_link;
use crate::storage::cities::CityEntry;
use crate::storage::{BrowserStorage, CityId, StorageError, cities};

use super::notices::{CitiesProblem, Confirmation, ImportFailure, Notice, Notices, Slot};
use super::store::{DataStore, ExampleWait, NoRoom};

/// The importer's readers (dataset JSON, portfolio, CSV, XLSX, and the comparison with the current data). In
/// the release bundle they are a chunk of their own (`readers`), fetched when something first comes in: the
/// first view needs none of them.
#[derive(Clone, Copy)]
struct Readers {
    file: fn(&[u8], &str, &Dataset) -> Result<Preview, crate::format::Refusal>,
    text: fn(&str, Option<&str>, &Dataset) -> Result<Preview, crate::format::Refusal>,
}

#[cfg(split)]
#[leptos::lazy]
fn readers() -> Readers {
    Readers { file: import::preview_file, text: import::preview }
}

#[cfg(not(split))]
async fn readers() -> Readers {
    Readers { file: import::preview_file, text: import::preview }
}

/// Data that passed the checks and waits for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub source: Source,
    pub preview: Preview,
    /// The data the preview compared with: what the import changes is measured from it, so that what
    /// another tab changed meanwhile is not undone by it.
    base: Arc<Dataset>,
}

/// Several files chosen or dropped at once: each checked, listed in one preview, added together.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub files: Vec<BatchFile>,
    /// Files still being read and checked.
    pub waiting: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BatchFile {
    pub name: String,
    /// The cities the file holds (a portfolio file holds several), or its problems with their places.
    pub outcome: Result<Vec<Dataset>, BatchRefusal>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BatchRefusal {
    Problems(Vec<crate::format::FormatError>),
    Unreadable(String),
    TooLarge(u64),
    /// A spreadsheet of programs names no city: it goes into a city's data, not beside it.
    Spreadsheet,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    Replace,
    Merge,
}

/// What replaces the current data, waiting while there is no room for a backup.
#[derive(Clone, Debug, PartialEq)]
pub enum Replacement {
    Import(ImportMode),
    Restore(u64),
    /// An empty plan of the user's own city.
    NewPlan(Plan),
    /// The built-in example of Kota Tanjungpinang (fetched first in the release bundle).
    Example(Box<Dataset>),
}

#[derive(Clone, Copy)]
pub struct ImportFlow {
    pending: RwSignal<Option<PendingImport>>,
    job: RwSignal<Option<ImportJob>>,
    /// The backup taken right before the last import (or new plan, or example), which "undo" in the
    /// message restores; and whether it was an import, for the words of that message.
    undo_backup: RwSignal<Option<u64>>,
    undo_of_import: StoredValue<bool>,
    /// A replacement stopped because the browser has no room for a backup of the current data.
    no_room: RwSignal<Option<Replacement>>,
    reading: StoredValue<Option<Reading>, LocalStorage>,
    /// Counts the changes to the portfolio's list of cities (added, removed, brought back).
    cities_changed: RwSignal<u64>,
    batch: RwSignal<Option<Batch>>,
    /// The readers of a batch's files, kept until each is done.
    batch_readers: StoredValue<Vec<Reading>, LocalStorage>,
    /// Which batch is the current one: a file of an earlier batch, read late, is not counted in it.
    batch_generation: StoredValue<u64>,
    /// A replacement waits for its backup to be kept: a second click starts no second one.
    replacing: StoredValue<bool>,
    /// Counts what came in (and cancellations): a check that ends after something newer came, or after a
    /// cancel, shows nothing (the readers may still be on their way).
    arrivals: StoredValue<u64>,
    store: DataStore,
    notices: Notices,
}

impl ImportFlow {
    pub fn new(store: DataStore, notices: Notices) -> ImportFlow {
        ImportFlow {
            pending: RwSignal::new(None),
            job: RwSignal::new(None),
            undo_backup: RwSignal::new(None),
            undo_of_import: StoredValue::new(true),
            no_room: RwSignal::new(None),
            reading: StoredValue::new_local(None),
            cities_changed: RwSignal::new(0),
            batch: RwSignal::new(None),
            batch_readers: StoredValue::new_local(Vec::new()),
            batch_generation: StoredValue::new(0),
            replacing: StoredValue::new(false),
            arrivals: StoredValue::new(0),
            store,
            notices,
        }
    }

    /// Changes when a city is added to or removed from the portfolio.
    pub fn cities_changed(&self) -> ReadSignal<u64> {
        self.cities_changed.read_only()
    }

    /// Marks the portfolio's list of cities as changed (a city removed or brought back elsewhere).
    pub fn note_cities_changed(&self) {
        self.cities_changed.update(|n| *n += 1);
    }

    /// Adds the waiting data as another city of the portfolio (a portfolio file's every city), leaving the
    /// city the page works on as it is.
    pub fn add_as_cities(&self) {
        let Some(pending) = self.pending.get_untracked() else { return };
        let file = pending.source.file_name().unwrap_or_default().to_owned();
        let datasets = std::iter::once(pending.preview.checked.dataset)
            .chain(pending.preview.other_cities)
            .map(|d| (file.clone(), d))
            .collect();
        self.pending.set(None);
        self.add_cities(datasets);
    }

    /// Stores each dataset as a city of the portfolio, with the file it came from, and says so.
    fn add_cities(&self, datasets: Vec<(String, Dataset)>) {
        match self.store_cities(datasets) {
            Ok(added) => self.notices.confirm(Confirmation::CitiesAdded { cities: added }),
            Err((added, error)) => {
                self.notices.confirm(Confirmation::CitiesNotAdded { added, problem: CitiesProblem::Storage(error) })
            }
        }
        self.note_cities_changed();
    }

    /// Stores each dataset as a city of the portfolio: the names of the cities added, or those added before
    /// one failed and why.
    fn store_cities(&self, datasets: Vec<(String, Dataset)>) -> Result<Vec<String>, (Vec<String>, StorageError)> {
        let Some(storage) = self.store.storage() else {
            return Err((Vec::new(), StorageError::Unavailable));
        };
        let saved_at = files::now_rfc3339();
        let current = self.store.with_untracked(|d| Dataset { programs: Vec::new(), ..d.clone() });
        let mut added = Vec::new();
        for (file, dataset) in &datasets {
            match cities::add(storage, &current, dataset, file, &saved_at) {
                Ok(_) => added.push(dataset.plan.city.clone()),
                Err(error) => return Err((added, error)),
            }
        }
        Ok(added)
    }

    pub fn pending(&self) -> ReadSignal<Option<PendingImport>> {
        self.pending.read_only()
    }

    pub fn job(&self) -> ReadSignal<Option<ImportJob>> {
        self.job.read_only()
    }

    pub fn undo_backup(&self) -> ReadSignal<Option<u64>> {
        self.undo_backup.read_only()
    }

    pub fn no_room(&self) -> ReadSignal<Option<Replacement>> {
        self.no_room.read_only()
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
            Err(error) => {
                self.notices.show(Notice::ImportFailed(ImportFailure::LinkDamaged { detail: error.to_string() }))
            }
        }
    }

    /// Several files chosen or dropped at once: one alone is an import like any; more are each read and
    /// checked, then listed together, to be added as cities together.
    pub fn receive_files(&self, files: Vec<web_sys::File>) {
        if files.len() < 2 {
            if let Some(file) = files.into_iter().next() {
                self.receive_file(file);
            }
            return;
        }
        // Data of the user's own comes: the example on its way no longer replaces what stands for it.
        self.store.stop_waiting_for_example();
        self.abort_reading_quietly();
        self.stop_batch();
        self.notices.clear(Slot::Toast);
        self.notices.clear(Slot::Import);
        self.pending.set(None);
        self.batch.set(Some(Batch { files: Vec::new(), waiting: files.len() }));
        let generation = self.batch_generation.get_value();
        let flow = *self;
        let base = self.store.with_untracked(|current| Arc::new(current.clone()));
        for file in files {
            let name = file.name();
            let bytes = file.size() as u64;
            if bytes > MAX_FILE_BYTES {
                flow.batch_done(generation, BatchFile { name, outcome: Err(BatchRefusal::TooLarge(bytes)) });
                continue;
            }
            let base = Arc::clone(&base);
            let done_name = name.clone();
            let reading = Reading::start(
                &file,
                |_| {},
                move |outcome| {
                    leptos::task::spawn_local(async move {
                        let outcome = match outcome {
                            Ok(bytes) => match (readers().await.file)(&bytes, &done_name, &base) {
                                Ok(preview) if preview.from_spreadsheet => Err(BatchRefusal::Spreadsheet),
                                Ok(preview) => {
                                    Ok(std::iter::once(preview.checked.dataset).chain(preview.other_cities).collect())
                                }
                                Err(refusal) => Err(BatchRefusal::Problems(refusal.errors)),
                            },
                            Err(detail) => Err(BatchRefusal::Unreadable(detail)),
                        };
                        flow.batch_done(generation, BatchFile { name: done_name, outcome });
                    });
                },
            );
            match reading {
                Ok(reading) => self.batch_readers.update_value(|r| r.push(reading)),
                Err(detail) => {
                    flow.batch_done(generation, BatchFile { name, outcome: Err(BatchRefusal::Unreadable(detail)) })
                }
            }
        }
    }

    /// Stops the batch being read, if any: its readers are aborted and its late files ignored.
    fn stop_batch(&self) {
        self.batch_generation.update_value(|g| *g += 1);
        let readers = self.batch_readers.try_update_value(std::mem::take).unwrap_or_default();
        readers.iter().for_each(Reading::abort);
        // Let go a tick later: an aborted reader may still be inside its own event handler.
        leptos::task::spawn_local(async move { drop(readers) });
    }

    fn batch_done(&self, generation: u64, file: BatchFile) {
        // Of an earlier batch, or the page is gone.
        if self.batch_generation.try_get_value() != Some(generation) {
            return;
        }
        self.batch.update(|batch| {
            if let Some(batch) = batch {
                batch.files.push(file);
                batch.waiting = batch.waiting.saturating_sub(1);
                batch.files.sort_by(|a, b| a.name.cmp(&b.name));
            }
        });
        if self.batch.with_untracked(|b| b.as_ref().is_some_and(|b| b.waiting == 0)) {
            let flow = *self;
            // Readers are let go a tick later (not from inside their own event handler), unless another
            // batch has begun meanwhile.
            leptos::task::spawn_local(async move {
                if flow.batch_generation.get_value() == generation {
                    flow.batch_readers.set_value(Vec::new());
                }
            });
        }
    }

    /// The files of a batch as they are checked.
    pub fn batch(&self) -> ReadSignal<Option<Batch>> {
        self.batch.read_only()
    }

    pub fn cancel_batch(&self) {
        self.stop_batch();
        self.batch.set(None);
        self.notices.confirm(Confirmation::Cancelled);
    }

    /// The accepted cities of the batch, each with the file it came from, in the order the preview lists them.
    fn batch_cities(batch: Batch) -> Vec<(String, Dataset)> {
        batch
            .files
            .into_iter()
            .filter_map(|f| f.outcome.ok().map(|cities| (f.name, cities)))
            .flat_map(|(name, cities)| cities.into_iter().map(move |d| (name.clone(), d)))
            .collect()
    }

    /// Adds every accepted file of the batch as cities of the portfolio; refused files change nothing.
    pub fn add_batch_as_cities(&self) {
        let Some(batch) = self.batch.get_untracked() else { return };
        self.batch.set(None);
        self.add_cities(Self::batch_cities(batch));
    }

    /// For each accepted city of the batch (in the preview's order), the city of this browser whose data it
    /// would replace, with that city's name: the same name and province (`portfolio::replaced_cities`).
    pub fn batch_replaces(&self, batch: &Batch) -> Vec<Option<(CityId, String)>> {
        let current = self.store.city();
        let plan = self.store.plan().get_untracked();
        let listed = match self.store.storage().map(cities::list) {
            Some(listed) if !listed.is_empty() => listed,
            _ => vec![CityEntry { id: current, city: plan.city.clone(), province: plan.province.clone() }],
        };
        // The page's own city by its latest name, which an edit may have changed since the list was written.
        let names: Vec<CityName> = listed
            .iter()
            .map(|entry| {
                if entry.id == current {
                    CityName { city: &plan.city, province: plan.province.as_deref() }
                } else {
                    CityName { city: &entry.city, province: entry.province.as_deref() }
                }
            })
            .collect();
        let incoming: Vec<&Dataset> =
            batch.files.iter().filter_map(|f| f.outcome.as_ref().ok()).flat_map(|cities| cities.iter()).collect();
        let incoming: Vec<CityName> = incoming.into_iter().map(CityName::of).collect();
        replaced_cities(&names, &incoming)
            .into_iter()
            .map(|at| at.map(|i| (listed[i].id, names[i].city.to_owned())))
            .collect()
    }

    /// Replaces the data of the cities already here with the batch's files of the same city (each keeping what
    /// it had as a backup first; the page's own city through the data store, so that "undo" puts it back), and
    /// adds the others as cities.
    pub fn replace_batch_cities(&self) {
        let Some(batch) = self.batch.get_untracked() else { return };
        let Some(storage) = self.store.storage() else {
            let problem = CitiesProblem::Storage(StorageError::Unavailable);
            self.notices.confirm(Confirmation::CitiesNotAdded { added: Vec::new(), problem });
            return;
        };
        if self.replacing.get_value() {
            return;
        }
        let replaces = self.batch_replaces(&batch);
        self.batch.set(None);
        // "Undo" in the message is for the page's own city, if the batch replaces it.
        self.undo_backup.set(None);
        self.replacing.set_value(true);
        let flow = *self;
        leptos::task::spawn_local(async move {
            flow.replace_batch(storage, batch, replaces).await;
            flow.replacing.try_set_value(false);
        });
    }

    async fn replace_batch(&self, storage: BrowserStorage, batch: Batch, replaces: Vec<Option<(CityId, String)>>) {
        let flow = *self;
        {
            let saved_at = files::now_rfc3339();
            let mut replaced = Vec::new();
            let mut to_add = Vec::new();
            for ((file, dataset), target) in Self::batch_cities(batch).into_iter().zip(replaces) {
                let Some((id, city)) = target else {
                    to_add.push((file, dataset));
                    continue;
                };
                let outcome = if id == flow.store.city() {
                    flow.replace_own_city(&file, dataset).await
                } else {
                    cities::replace(storage, id, &dataset, &file, &saved_at).await.map_err(CitiesProblem::Storage)
                };
                // The page may have gone meanwhile.
                if flow.replacing.try_get_value().is_none() {
                    return;
                }
                if let Err(problem) = outcome {
                    flow.notices.confirm(Confirmation::CitiesNotAdded { added: replaced, problem });
                    flow.note_cities_changed();
                    return;
                }
                replaced.push(city);
            }
            flow.note_cities_changed();
            match flow.store_cities(to_add) {
                Ok(added) => flow.notices.confirm(Confirmation::CitiesReplaced { replaced, added }),
                Err((added, error)) => {
                    replaced.extend(added);
                    let problem = CitiesProblem::Storage(error);
                    flow.notices.confirm(Confirmation::CitiesNotAdded { added: replaced, problem });
                }
            }
        }
    }

    /// The page's own city replaced by a batch's file: a backup first, then one undoable step.
    async fn replace_own_city(&self, file: &str, dataset: Dataset) -> Result<(), CitiesProblem> {
        let reason = BackupReason::BeforeImport { file: file.to_owned() };
        let backup = self
            .store
            .back_up_current(reason)
            .await
            .map_err(|NoRoom::ForBackup| CitiesProblem::Storage(StorageError::QuotaExceeded))?;
        if self.replacing.try_get_value().is_none() {
            return Ok(());
        }
        let change = self.store.with_untracked(|current| Change::between(current, &dataset));
        self.store.apply_from(change, Origin::Imported { file: file.to_owned() }).map_err(|rejected| {
            self.notices.show(Notice::StepRefused(rejected.0));
            CitiesProblem::Refused
        })?;
        self.undo_of_import.set_value(true);
        self.undo_backup.set(Some(backup));
        Ok(())
    }

    /// Starts reading a chosen or dropped file; files over the limit are refused before they are read.
    pub fn receive_file(&self, file: web_sys::File) {
        // Data of the user's own comes: the example on its way no longer replaces what stands for it.
        self.store.stop_waiting_for_example();
        self.abort_reading_quietly();
        self.notices.clear(Slot::Toast);
        self.notices.clear(Slot::Import);
        self.pending.set(None);
        let file_name = file.name();
        let bytes = file.size() as u64;
        if bytes > MAX_FILE_BYTES {
            self.refuse(ImportFailure::TooLarge { source: Source::File(file_name), bytes });
            return;
        }
        self.job.set(Some(ImportJob { file_name: file_name.clone(), bytes, fraction: 0.0, checking: false }));
        let flow = *self;
        let reading = Reading::start(
            &file,
            move |fraction| flow.job.update(|job| job.iter_mut().for_each(|j| j.fraction = fraction)),
            move |outcome| {
                // Dropping the reader from inside its own event handler is not allowed: let it go a tick later.
                leptos::task::spawn_local(async move { flow.reading.set_value(None) });
                match outcome {
                    Ok(bytes) => flow.check_after_paint(file_name, bytes),
                    Err(detail) => {
                        flow.job.set(None);
                        flow.refuse(ImportFailure::Unreadable { source: Source::File(file_name), detail });
                    }
                }
            },
        );
        match reading {
            Ok(reading) => self.reading.set_value(Some(reading)),
            Err(detail) => {
                self.job.set(None);
                self.refuse(ImportFailure::Unreadable { source: Source::File(file.name()), detail });
            }
        }
    }

    fn refuse(&self, failure: ImportFailure) {
        self.notices.show(Notice::ImportFailed(failure));
    }

    /// Shows "checking" before the checks run, since a large file keeps the page busy for a moment.
    fn check_after_paint(&self, file_name: String, bytes: Vec<u8>) {
        self.job.update(|job| job.iter_mut().for_each(|j| j.checking = true));
        let flow = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Cancelled while waiting for the paint.
                    if flow.job.get_untracked().is_some() {
                        flow.job.set(None);
                        flow.receive_file_bytes(file_name, bytes);
                    }
                },
                Duration::ZERO,
            )
        });
    }

    /// Stops reading a file; nothing changes.
    pub fn abort_reading(&self) {
        self.abort_reading_quietly();
        self.notices.confirm(Confirmation::Cancelled);
    }

    fn abort_reading_quietly(&self) {
        self.arrivals.update_value(|n| *n += 1);
        if let Some(reading) = self.reading.try_update_value(Option::take).flatten() {
            reading.abort();
        }
        self.job.set(None);
    }

    /// Checks a file's contents (a workbook, a dataset file, a CSV).
    fn receive_file_bytes(&self, file_name: String, bytes: Vec<u8>) {
        let flow = *self;
        let arrival = self.arrivals.get_value();
        leptos::task::spawn_local(async move {
            let read = readers().await.file;
            if flow.still_current(arrival) {
                flow.receive(Source::File(file_name.clone()), |base| read(&bytes, &file_name, base));
            }
        });
    }

    /// Whether nothing came in, and nothing was cancelled, since `arrival`, and the page is still there.
    fn still_current(&self, arrival: u64) -> bool {
        self.arrivals.try_get_value() == Some(arrival)
    }

    /// Checks incoming text; good data waits for the user's choice, bad data is reported and changes nothing.
    /// Pasted text (and a link's) has the limit of files, said before it is read.
    pub fn receive_text(&self, source: Source, text: &str) {
        // Data of the user's own comes: the example on its way no longer replaces what stands for it.
        self.store.stop_waiting_for_example();
        let bytes = text.len() as u64;
        if bytes > MAX_FILE_BYTES {
            self.pending.set(None);
            self.refuse(ImportFailure::TooLarge { source, bytes });
            return;
        }
        let file_name = source.file_name().map(str::to_owned);
        let text = text.to_owned();
        let flow = *self;
        self.arrivals.update_value(|n| *n += 1);
        let arrival = self.arrivals.get_value();
        leptos::task::spawn_local(async move {
            let read = readers().await.text;
            if flow.still_current(arrival) {
                flow.receive(source, |base| read(&text, file_name.as_deref(), base));
            }
        });
    }

    fn receive(&self, source: Source, check: impl FnOnce(&Dataset) -> Result<Preview, crate::format::Refusal>) {
        self.notices.clear(Slot::Toast);
        let base = self.store.with_untracked(|current| Arc::new(current.clone()));
        match check(&base) {
            Ok(preview) => {
                self.notices.clear(Slot::Import);
                self.pending.set(Some(PendingImport { source, preview, base }));
            }
            Err(refusal) => {
                self.pending.set(None);
                self.refuse(ImportFailure::Refused { source, errors: refusal.errors });
            }
        }
    }

    pub fn apply_import(&self, mode: ImportMode) {
        self.replace(Replacement::Import(mode), Backup::Needed);
    }

    pub fn cancel_import(&self) {
        self.arrivals.update_value(|n| *n += 1);
        self.pending.set(None);
        self.no_room.set(None);
        self.notices.confirm(Confirmation::Cancelled);
    }

    /// Restores a kept backup, keeping the current data as a backup first.
    pub fn restore_backup(&self, id: u64) {
        self.replace(Replacement::Restore(id), Backup::Needed);
    }

    /// Starts an empty plan of the user's own city (the six dimensions are the format's own), keeping what
    /// is there as a backup; undoable like an import.
    pub fn start_new_plan(&self, plan: Plan) {
        self.replace(Replacement::NewPlan(plan), Backup::Needed);
    }

    /// Opens the built-in example in place of the current data, keeping that as a backup.
    pub fn open_example(&self) {
        let flow = *self;
        leptos::task::spawn_local(async move {
            match crate::sample::fetch_example().await {
                Ok(example) => {
                    // The empty plan that stood for an example that could not be had is nothing to keep.
                    let stand_in = flow.store.example_wait().get_untracked() != ExampleWait::Here;
                    let backup = if stand_in { Backup::GoOnWithout } else { Backup::Needed };
                    flow.replace(Replacement::Example(Box::new(example)), backup)
                }
                Err(problem) => flow.notices.confirm(Confirmation::ExampleUnavailable { problem }),
            }
        });
    }

    /// Goes on with the replacement that waited for room, without a backup: the user has the current data
    /// (downloaded it, or chose not to).
    pub fn go_on_without_backup(&self) {
        if let Some(replacement) = self.no_room.get_untracked() {
            self.replace(replacement, Backup::GoOnWithout);
        }
    }

    /// Leaves the replacement that waited for room; nothing changes.
    pub fn stop_replacement(&self) {
        if self.no_room.with_untracked(|r| matches!(r, Some(Replacement::Import(_)))) {
            self.pending.set(None);
        }
        self.no_room.set(None);
        self.notices.confirm(Confirmation::Cancelled);
    }

    fn replace(&self, replacement: Replacement, backup: Backup) {
        // A backup an earlier release took may hold values beyond the later limits: kept, and listed.
        let mut beyond_limits = Vec::new();
        let (dataset_change, origin, confirmation, reason) = match &replacement {
            Replacement::Import(mode) => {
                let Some(PendingImport { source, preview, base }) = self.pending.get_untracked() else { return };
                let incoming = preview.checked.dataset;
                let result = match mode {
                    ImportMode::Replace => incoming,
                    ImportMode::Merge => diff::merge(&base, &incoming),
                };
                let label = match &source {
                    Source::File(name) => name.clone(),
                    Source::Pasted => "clipboard".to_owned(),
                    Source::Link => "link".to_owned(),
                };
                // The backup says in the reader's own language what replaced it, so it keeps the source.
                let reason = match &source {
                    Source::File(name) => BackupReason::BeforeImport { file: name.clone() },
                    Source::Pasted => BackupReason::BeforePastedImport,
                    Source::Link => BackupReason::BeforeLinkImport,
                };
                let confirmation = match mode {
                    ImportMode::Replace => Confirmation::Replaced { source },
                    ImportMode::Merge => Confirmation::Merged { source },
                };
                (
                    Target::Change(Box::new(Change::between(&base, &result))),
                    Origin::Imported { file: label },
                    confirmation,
                    reason,
                )
            }
            Replacement::Restore(id) => {
                let Some(backup) = self.store.backups().with_untracked(|b| b.get(*id).cloned()) else { return };
                match backup.dataset() {
                    Ok(saved) => {
                        beyond_limits = saved.beyond_limits;
                        let confirmation = Confirmation::Restored { taken_at: backup.taken_at.clone() };
                        (
                            Target::Whole(Box::new(saved.dataset)),
                            backup.origin.clone(),
                            confirmation,
                            BackupReason::BeforeRestore,
                        )
                    }
                    Err(error) => {
                        self.notices.confirm(Confirmation::BackupUnreadable { detail: error.to_string() });
                        return;
                    }
                }
            }
            Replacement::Example(example) => (
                Target::Whole(example.clone()),
                Origin::Sample,
                Confirmation::ExampleOpened,
                BackupReason::BeforeExample,
            ),
            Replacement::NewPlan(plan) => {
                let empty = Dataset::empty(plan.clone());
                let confirmation = Confirmation::NewPlanStarted { city: plan.city.clone() };
                (Target::Whole(Box::new(empty)), Origin::own_plan(), confirmation, BackupReason::BeforeNewPlan)
            }
        };
        let replaced = Replaced { replacement, change: dataset_change, origin, confirmation, beyond_limits };
        // The import waiting at the click: if it was cancelled or another came meanwhile, it is not made.
        let waiting = self.pending.with_untracked(|p| p.as_ref().map(|p| Arc::clone(&p.base)));
        match backup {
            Backup::GoOnWithout => self.finish(replaced, None),
            Backup::Needed => {
                if self.replacing.get_value() {
                    return;
                }
                self.replacing.set_value(true);
                let flow = *self;
                leptos::task::spawn_local(async move {
                    let kept = flow.store.back_up_current(reason).await;
                    // The page may have gone while the backup was written.
                    if flow.replacing.try_set_value(false).is_some() {
                        return;
                    }
                    let still_waiting = |p: &Option<PendingImport>| match (p, &waiting) {
                        (Some(p), Some(base)) => Arc::ptr_eq(&p.base, base),
                        _ => false,
                    };
                    if matches!(replaced.replacement, Replacement::Import(_))
                        && !flow.pending.with_untracked(still_waiting)
                    {
                        return;
                    }
                    match kept {
                        Ok(id) => flow.finish(replaced, Some(id)),
                        Err(NoRoom::ForBackup) => flow.no_room.set(Some(replaced.replacement)),
                    }
                });
            }
        }
    }

    /// Makes the replacement, once the current data is kept as backup `backup_id` (or the user chose to go on
    /// without one).
    fn finish(&self, replaced: Replaced, backup_id: Option<u64>) {
        let Replaced { replacement, change, origin, confirmation, beyond_limits } = replaced;
        let change = match change {
            Target::Change(change) => *change,
            // Measured from the data as it is now: an edit made while the backup was written is replaced too,
            // and stays in the history.
            Target::Whole(dataset) => self.store.with_untracked(|current| Change::between(current, &dataset)),
        };
        self.no_room.set(None);
        match self.store.apply_from(change, origin) {
            Ok(()) => {
                if matches!(replacement, Replacement::Import(_)) {
                    self.pending.set(None);
                }
                // "Undo" in the message puts back what an import or a new plan replaced.
                let undoable = !matches!(replacement, Replacement::Restore(_));
                self.undo_of_import.set_value(matches!(replacement, Replacement::Import(_)));
                self.undo_backup.set(backup_id.filter(|_| undoable));
                self.notices.clear(Slot::Import);
                if !beyond_limits.is_empty() {
                    self.notices.show(Notice::BeyondLimits(beyond_limits));
                }
                self.notices.confirm(confirmation);
            }
            Err(rejected) => self.notices.show(Notice::StepRefused(rejected.0)),
        }
    }

    /// Puts back the data as it was right before the last import.
    pub fn undo_import(&self) {
        let Some(id) = self.undo_backup.get_untracked() else { return };
        let Some(backup) = self.store.backups().with_untracked(|b| b.get(id).cloned()) else { return };
        match backup.dataset() {
            Ok(saved) => {
                let change = self.store.with_untracked(|current| Change::between(current, &saved.dataset));
                match self.store.apply_from(change, backup.origin.clone()) {
                    Ok(()) => {
                        self.undo_backup.set(None);
                        self.notices.confirm(if self.undo_of_import.get_value() {
                            Confirmation::Undone
                        } else {
                            Confirmation::StepUndone
                        });
                    }
                    Err(rejected) => self.notices.show(Notice::StepRefused(rejected.0)),
                }
            }
            Err(error) => self.notices.confirm(Confirmation::BackupUnreadable { detail: error.to_string() }),
        }
    }
}

/// A replacement made ready: what it changes, waiting for the backup of the data it replaces.
struct Replaced {
    replacement: Replacement,
    change: Target,
    origin: Origin,
    confirmation: Confirmation,
    beyond_limits: Vec<crate::format::FormatError>,
}

/// What a replacement makes of the data: an import's change, measured from the data its preview compared with
/// (so that another tab's changes meanwhile are not undone), or whole data (a backup, the example, a new plan).
enum Target {
    Change(Box<Change>),
    Whole(Box<Dataset>),
}

/// Whether a replacement takes a backup of the current data first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Backup {
    Needed,
    GoOnWithout,
}
