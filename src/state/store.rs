//! The data store: the current dataset, the revision of the stored copy it stands on, the history of
//! changes, the backups, and saving. Its state is private: views read the dataset through `with` or the
//! memos of the parts they need (an edit of one program wakes what follows programs, not what follows
//! the plan), and every change goes through `apply` (undo, redo, imports and restores too).
//!
//! An edit paints first: it changes the data on screen at once, and is packed and written right after the
//! next paint, or at once when the page is hidden or closed. Before writing, the store checks the stored
//! revision: if another tab saved since, this tab's unsaved changes are carried over onto the newer data
//! record by record and field by field, and where both changed the same field the other tab's value stays
//! and the conflict waits for the user's choice. Nothing is overwritten unseen.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::backups::{Backup, BackupReason, Backups};
use crate::change::{self, Change, Conflict, LimitCheck, Outcome, Step};
use crate::edit::{self, Rejected};
use crate::files;
use crate::format::{Agency, Dataset, Evaluation, LaterLimits, Plan};
use crate::history::History;
use crate::i18n::Told;
use crate::import::Origin;
use crate::sample;
use crate::storage::envelope::StoredHead;
use crate::storage::quota::{self, Estimate};
use crate::storage::{BrowserStorage, KeyKind, SetAside, StorageError, Stored, coordination, shelf};

use super::notices::{BackupProblem, Confirmation, Notice, Notices, Slot};
use super::settings::Settings;

/// Why this tab's value of a conflict could not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeepMineRefused {
    /// The record is gone from the data, or the value no longer fits it.
    Gone,
    Rejected(Rejected),
}

/// What a replacement of the data (an import, a restore) needs before it may go on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoRoom {
    /// The browser has no room to keep a backup of the current data, even with older backups let go.
    ForBackup,
}

/// Whether the browser keeps the site's data for good.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Persistence {
    /// Not asked yet: the data is still the built-in example.
    #[default]
    NotAsked,
    /// Asked; the browser has not answered yet.
    Asking,
    /// The browser cannot be asked.
    Unsupported,
    Granted,
    Refused,
}

/// The room the app takes in the browser, as the data panel shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Room {
    /// Characters the app keeps in localStorage, which holds about five million per site.
    pub used_chars: usize,
    /// The browser's own estimate for the whole site.
    pub estimate: Option<Estimate>,
    pub persistence: Persistence,
}

/// How saving stands.
#[derive(Debug, Default)]
struct Saving {
    /// The stored data that the data on screen stands on: its revision and when it was written.
    seen: StoredHead,
    /// Changes on screen that are not stored yet, in the order they were made.
    unsaved: Vec<Step>,
    /// A save is waiting for the next paint.
    scheduled: bool,
    /// Why the last save failed; `None` once one succeeds.
    problem: Option<StorageError>,
    /// An unsaved change replaced the data's origin (an import, a restore).
    origin_changed: bool,
    /// The backup taken right before the last import or restore: never let go to make room for it.
    protected_backup: Option<u64>,
    /// The steps of this tab's last write, kept until a later revision is seen: if another tab wrote at
    /// the same moment without seeing it (a tab closing saves without waiting for the lock), they are
    /// carried over onto that tab's data and written again.
    last_written: Vec<Step>,
    /// A newer version of the app wrote the stored data: this tab writes nothing, so that it overwrites
    /// nothing.
    newer_stored: Option<u32>,
}

/// What the last change did to the programs and agencies, for views that follow programs one by one (the
/// register's search index and rows): which places changed in content, or everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgramsTouched {
    /// The programs at these places changed; no program came, went or moved, no agency changed.
    Places(Vec<usize>),
    All,
}

/// Counted, so that a view can tell whether it saw the change before this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramChanges {
    pub generation: u64,
    pub touched: ProgramsTouched,
}

/// The parts of the dataset that views follow apart.
#[derive(Clone, Copy)]
struct PartTriggers {
    plan: Trigger,
    agencies: Trigger,
    programs: Trigger,
    evaluations: Trigger,
    /// `exported_at` and unknown top-level fields: followed only by readers of the whole.
    other: Trigger,
}

impl PartTriggers {
    fn all(&self) -> [Trigger; 5] {
        [self.plan, self.agencies, self.programs, self.evaluations, self.other]
    }
}

#[derive(Clone, Copy)]
pub struct DataStore {
    dataset: StoredValue<Dataset>,
    parts: PartTriggers,
    program_changes: RwSignal<ProgramChanges>,
    origin: RwSignal<Origin>,
    plan: Memo<Plan>,
    agencies: Memo<Vec<Agency>>,
    evaluations: Memo<Vec<Evaluation>>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    conflicts: RwSignal<Vec<Conflict>>,
    backups: RwSignal<Backups>,
    set_aside: RwSignal<Vec<SetAside>>,
    /// The revision last written by this tab or read from another, for views of the room taken.
    stored_revision: RwSignal<u64>,
    /// Whether the data is a stand-in for the example on its way (or that could not be had).
    example: RwSignal<ExampleWait>,
    room: RwSignal<Room>,
    saving: StoredValue<Saving>,
    history: StoredValue<History>,
    storage: Option<BrowserStorage>,
    notices: Notices,
    settings: Settings,
}

impl DataStore {
    /// Loads what the browser keeps: the stored dataset, or the built-in example on a first visit.
    pub fn load(
        storage: Option<BrowserStorage>,
        problem: Option<StorageError>,
        notices: Notices,
        settings: Settings,
    ) -> Self {
        let mut problem = problem;
        let mut newer_stored = None;
        let mut example_awaited = false;
        let mut example = || {
            sample::example_at_hand().unwrap_or_else(|| {
                example_awaited = true;
                sample::stand_in()
            })
        };
        let (dataset, origin, seen) = match storage.map(BrowserStorage::load_dataset).transpose() {
            Ok(Some(Some(stored))) => {
                let seen = StoredHead { revision: stored.revision, saved_at: stored.saved_at };
                if !stored.beyond_limits.is_empty() {
                    notices.show(Notice::BeyondLimits(stored.beyond_limits));
                }
                (stored.dataset, stored.origin, seen)
            }
            Ok(_) => (example(), Origin::Sample, StoredHead::default()),
            Err(error) => {
                // Damaged data is set aside; data of a newer version stays where it is, and this page writes
                // nothing over it.
                newer_stored = if let StorageError::Newer(version) = error { Some(version) } else { None };
                problem = Some(error);
                (example(), Origin::Sample, StoredHead::default())
            }
        };
        let revision = seen.revision;
        if let Some(problem) = problem {
            notices.show(Notice::Storage(problem));
        }
        let dataset = StoredValue::new(dataset);
        let parts = PartTriggers {
            plan: Trigger::new(),
            agencies: Trigger::new(),
            programs: Trigger::new(),
            evaluations: Trigger::new(),
            other: Trigger::new(),
        };
        let plan = Memo::new(move |_| {
            parts.plan.track();
            dataset.with_value(|d| d.plan.clone())
        });
        let agencies = Memo::new(move |_| {
            parts.agencies.track();
            dataset.with_value(|d| d.agencies.clone())
        });
        let evaluations = Memo::new(move |_| {
            parts.evaluations.track();
            dataset.with_value(|d| d.evaluations.clone())
        });
        let store = DataStore {
            dataset,
            parts,
            program_changes: RwSignal::new(ProgramChanges { generation: 0, touched: ProgramsTouched::All }),
            origin: RwSignal::new(origin),
            plan,
            agencies,
            evaluations,
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            conflicts: RwSignal::new(Vec::new()),
            // Read from the shelf right after: IndexedDB answers later.
            backups: RwSignal::new(Backups::default()),
            set_aside: RwSignal::new(storage.map(BrowserStorage::set_aside_list).unwrap_or_default()),
            stored_revision: RwSignal::new(revision),
            example: RwSignal::new(if example_awaited { ExampleWait::OnItsWay } else { ExampleWait::Here }),
            room: RwSignal::new(Room::default()),
            saving: StoredValue::new(Saving { seen, newer_stored, ..Saving::default() }),
            history: StoredValue::new(History::default()),
            storage,
            notices,
            settings,
        };
        if example_awaited {
            store.wait_for_example();
        }
        // After the first view is painted: the shelf's code and database are not needed to draw it.
        after_paint(move || store.reload_backups());
        after_paint(move || store.keep_first_view());
        // Data of the user's own (not the untouched example) is worth asking the browser to keep.
        if revision > 0 || store.origin.get_untracked() != Origin::Sample {
            store.ask_to_persist();
        }
        store
    }

    /// Keeps the first view of the stored data where none is kept for it (an earlier version saved it, or
    /// another city's page added it), so that the next visit draws it at once. The data itself is read again
    /// only when there is something to keep: another tab may have saved (and kept its own) since.
    fn keep_first_view(&self) {
        let Some(storage) = self.storage else { return };
        let Some(seen) = self.saving.with_value(|s| s.unsaved.is_empty().then(|| s.seen.clone())) else { return };
        if seen.saved_at.is_empty() || storage.has_first_view_for(&seen) {
            return;
        }
        if !matches!(storage.stored_head(), Ok(Stored::Head(head)) if head == seen) {
            return;
        }
        let _ = self.dataset.with_value(|d| storage.keep_first_view(&seen, &crate::first_view::FirstView::of(d)));
    }

    // ---- Reading ----

    /// Reads the whole dataset, following every part of it.
    pub fn with<R>(&self, read: impl FnOnce(&Dataset) -> R) -> R {
        self.parts.all().iter().for_each(Trigger::track);
        self.dataset.with_value(read)
    }

    /// The city of the portfolio whose data this is.
    pub fn city(&self) -> crate::storage::CityId {
        self.storage.map_or(crate::storage::CityId::FIRST, |s| s.city())
    }

    /// The browser's storage of this city's data, when the browser has storage.
    pub fn storage(&self) -> Option<BrowserStorage> {
        self.storage
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&Dataset) -> R) -> R {
        self.dataset.with_value(read)
    }

    /// Reads the dataset following only its programs and agencies (what the register shows): an edit of
    /// the plan or of a round does not wake the reader.
    pub fn with_programs<R>(&self, read: impl FnOnce(&Dataset) -> R) -> R {
        self.program_changes.track();
        self.dataset.with_value(read)
    }

    /// What the last change did to the programs, followed.
    pub fn program_changes(&self) -> ReadSignal<ProgramChanges> {
        self.program_changes.read_only()
    }

    pub fn plan(&self) -> Memo<Plan> {
        self.plan
    }

    pub fn agencies(&self) -> Memo<Vec<Agency>> {
        self.agencies
    }

    pub fn evaluations(&self) -> Memo<Vec<Evaluation>> {
        self.evaluations
    }

    pub fn origin(&self) -> ReadSignal<Origin> {
        self.origin.read_only()
    }

    pub fn can_undo(&self) -> ReadSignal<bool> {
        self.can_undo.read_only()
    }

    pub fn can_redo(&self) -> ReadSignal<bool> {
        self.can_redo.read_only()
    }

    pub fn conflicts(&self) -> ReadSignal<Vec<Conflict>> {
        self.conflicts.read_only()
    }

    pub fn backups(&self) -> ReadSignal<Backups> {
        self.backups.read_only()
    }

    pub fn set_aside(&self) -> ReadSignal<Vec<SetAside>> {
        self.set_aside.read_only()
    }

    pub fn room(&self) -> ReadSignal<Room> {
        self.room.read_only()
    }

    // ---- Changing ----

    /// Makes a change and records it for undo. A change that breaks a rule of the format changes nothing
    /// and says why.
    pub fn apply(&self, change: Change) -> Result<(), Rejected> {
        self.apply_step(Step::forward(Arc::new(change)), Recorded::Yes, LimitCheck::Edit, Some(Told::Made))
    }

    /// Makes a change that also replaces where the data came from (an import, a restore); undone, the data
    /// is labelled as it was. What comes in was checked at its door (a file) or is the user's own (a backup
    /// an earlier release may have saved).
    pub fn apply_from(&self, change: Change, origin: Origin) -> Result<(), Rejected> {
        let change = change.from_origin(self.origin.get_untracked(), origin);
        self.apply_step(Step::forward(Arc::new(change)), Recorded::Yes, LimitCheck::AlreadyHeld, None)
    }

    pub fn undo(&self) {
        self.step_through_history(History::undo, History::redo, Told::Undone);
    }

    pub fn redo(&self) {
        self.step_through_history(History::redo, History::undo, Told::Redone);
    }

    /// Takes a step of the history and makes it; one that would break a rule (another tab changed the data
    /// meanwhile) goes back where it was, and the page says why.
    fn step_through_history(
        &self,
        take: fn(&mut History) -> Option<Step>,
        put_back: fn(&mut History) -> Option<Step>,
        told: Told,
    ) {
        let Some(step) = self.history.try_update_value(take).flatten() else { return };
        if let Err(rejected) = self.apply_step(step, Recorded::No, LimitCheck::AlreadyHeld, Some(told)) {
            self.history.update_value(|h| drop(put_back(h)));
            self.notices.show(Notice::StepRefused(rejected.0));
        }
        self.history_changed();
    }

    /// Makes a step; `told` is what the page says of it (an import or a restore says its own message).
    fn apply_step(
        &self,
        step: Step,
        recorded: Recorded,
        limits: LimitCheck,
        told: Option<Told>,
    ) -> Result<(), Rejected> {
        if step.change.is_empty() {
            return Ok(());
        }
        // A change made to the stand-in: the example no longer replaces it when it comes.
        self.stop_waiting_for_example();
        let make = match limits {
            LimitCheck::Edit => edit::apply,
            LimitCheck::AlreadyHeld => edit::replay,
        };
        let outcome = self
            .dataset
            .try_update_value(|d| make(d, &step.change, step.direction))
            .unwrap_or_else(|| Ok(Outcome::default()))?;
        self.touched(&step.change);
        let told_change = Arc::clone(&step.change);
        if let Some(origin) = step.change.origin_after(step.direction) {
            self.origin.set(origin.clone());
            self.saving.update_value(|s| s.origin_changed = true);
        }
        if recorded == Recorded::Yes {
            self.history.update_value(|h| h.record(Arc::clone(&step.change)));
        }
        let stored = self.storage.is_some();
        self.saving.update_value(|s| {
            // Without storage there is no other tab's data to carry changes over onto: the last step
            // stands for all of them.
            if !stored {
                s.unsaved.clear();
            }
            s.unsaved.push(step);
        });
        if let Some(told) = told {
            // Named on the data after the step: an agency the step took away is found in the step itself.
            let summary = self.dataset.with_value(|d| told_change.summary(d));
            self.notices.confirm(Confirmation::Changed { summary, told });
        }
        self.report(outcome);
        self.settings.set_unexported_changes(true);
        self.history_changed();
        self.schedule_save();
        Ok(())
    }

    /// Wakes the views of the parts a change touched.
    fn touched(&self, change: &Change) {
        let touched = change.parts();
        if touched.programs || touched.agencies {
            let programs = if touched.agencies || change.reshapes() {
                ProgramsTouched::All
            } else {
                ProgramsTouched::Places(self.dataset.with_value(|d| places_of(d, change)))
            };
            self.program_changes.update(|c| *c = ProgramChanges { generation: c.generation + 1, touched: programs });
        }
        let parts = self.parts;
        for (hit, trigger) in [
            (touched.plan, parts.plan),
            (touched.agencies, parts.agencies),
            (touched.programs, parts.programs),
            (touched.evaluations, parts.evaluations),
            (touched.other, parts.other),
        ] {
            if hit {
                trigger.notify();
            }
        }
    }

    fn replaced_whole(&self) {
        self.parts.all().iter().for_each(Trigger::notify);
        self.program_changes
            .update(|c| *c = ProgramChanges { generation: c.generation + 1, touched: ProgramsTouched::All });
    }

    fn report(&self, outcome: Outcome) {
        if !outcome.conflicts.is_empty() {
            // A conflict met again (changes carried over once more) replaces the one shown for that field.
            self.conflicts.update(|shown| {
                for conflict in outcome.conflicts {
                    shown.retain(|c| !(c.record == conflict.record && c.field == conflict.field));
                    shown.push(conflict);
                }
            });
        }
        if !outcome.renamed.is_empty() {
            self.history.update_value(|h| {
                for (from, to) in &outcome.renamed {
                    h.rename_program(from, to);
                }
            });
            self.notices.confirm(Confirmation::Renamed { ids: outcome.renamed });
        }
    }

    fn history_changed(&self) {
        self.can_undo.set(self.history.with_value(History::can_undo));
        self.can_redo.set(self.history.with_value(History::can_redo));
    }

    /// Keeps this tab's value of a conflict after all; the conflict stays, with the reason, when the value
    /// cannot be kept (the record is gone, or the value breaks a rule there now).
    pub fn keep_mine(&self, index: usize) -> Result<(), KeepMineRefused> {
        let Some(conflict) = self.conflicts.with_untracked(|c| c.get(index).cloned()) else { return Ok(()) };
        let change = self.dataset.with_value(|d| conflict.keep_mine(d)).ok_or(KeepMineRefused::Gone)?;
        self.apply(change).map_err(KeepMineRefused::Rejected)?;
        self.conflicts.update(|c| drop(c.remove(index)));
        Ok(())
    }

    /// Keeps the other tab's value, which the data already holds.
    pub fn keep_theirs(&self, index: usize) {
        self.conflicts.update(|c| {
            if index < c.len() {
                c.remove(index);
            }
        });
    }

    // ---- Saving ----

    /// Saves right after the next paint, so that the edit shows first.
    fn schedule_save(&self) {
        if self.saving.with_value(|s| s.scheduled) {
            return;
        }
        self.saving.update_value(|s| s.scheduled = true);
        let store = *self;
        let save = move || set_timeout(move || coordination::with_data_lock(move || store.save_now()), Duration::ZERO);
        // A hidden page paints no frames; its save need not wait for one.
        if page_hidden() { save() } else { request_animation_frame(save) }
    }

    /// Writes what is not saved yet, at once: the page is being hidden or closed.
    pub fn flush(&self) {
        if self.saving.try_with_value(|s| s.scheduled || !s.unsaved.is_empty()) == Some(true) {
            self.save_now();
        }
    }

    /// Whether leaving the page would lose something: a change that could not be saved, or a conflict
    /// still waiting for the user's choice.
    pub fn unsaved_at_leaving(&self) -> bool {
        let unsaved = self.saving.with_value(|s| s.problem.is_some() && !s.unsaved.is_empty());
        unsaved || self.conflicts.with_untracked(|c| !c.is_empty())
    }

    /// The one place that writes the dataset.
    fn save_now(&self) {
        // A save scheduled by a page that is gone by now (its app unmounted) has nothing to write to.
        if self.saving.try_update_value(|s| s.scheduled = false).is_none() {
            return;
        }
        if self.saving.with_value(|s| s.unsaved.is_empty()) {
            return;
        }
        let Some(storage) = self.storage else {
            self.save_failed(StorageError::Unavailable);
            return;
        };
        if let Some(version) = self.saving.with_value(|s| s.newer_stored) {
            return self.save_failed(StorageError::Newer(version));
        }
        let clock = SaveClock::start();
        let stored = match storage.stored_head() {
            Ok(stored) => stored,
            Err(error) => return self.save_failed(error),
        };
        // Revisions only go up, even past a save by a version that counted none.
        let stored_revision = if let Stored::Head(head) = &stored { head.revision } else { 0 };
        let revision = stored_revision.max(self.saving.with_value(|s| s.seen.revision)) + 1;
        let elsewhere = match &stored {
            Stored::Nothing => false,
            Stored::Unreadable => true,
            Stored::Head(head) => {
                self.requeue_if_overwritten(head);
                self.saving.with_value(|s| written_elsewhere(head, &s.seen))
            }
        };
        if elsewhere && let Err(error) = self.carry_over(storage) {
            return self.save_failed(error);
        }
        let protected = self.saving.with_value(|s| s.protected_backup);
        let origin = self.origin.get_untracked();
        let kept = self.backups.get_untracked();
        let mut let_go = 0;
        let saved_at = files::now_rfc3339();
        let written = loop {
            match self.dataset.with_value(|d| storage.save_dataset(d, &origin, &saved_at, revision)) {
                // Where backups share localStorage's room (no IndexedDB), the current data has priority over
                // old backups for the room there is.
                Err(StorageError::QuotaExceeded) if shelf::on_local_storage() => {
                    match self.backups.try_update(|b| b.drop_oldest(protected)).flatten() {
                        Some(id) => {
                            storage.delete_local_backup(id);
                            let_go += 1;
                        }
                        None => break Err(StorageError::QuotaExceeded),
                    }
                }
                outcome => break outcome,
            }
        };
        match written {
            Ok(()) => {
                if let_go > 0 {
                    self.notices.show(Notice::Backups(BackupProblem::Trimmed { count: let_go }));
                }
                self.saving.update_value(|s| {
                    s.seen = StoredHead { revision, saved_at };
                    s.last_written = std::mem::take(&mut s.unsaved);
                    s.origin_changed = false;
                    s.problem = None;
                });
                self.stored_revision.set(revision);
                // Problems of saving are over; what was said of data set aside stays.
                if let Some(Notice::Storage(
                    StorageError::QuotaExceeded | StorageError::WriteFailed(_) | StorageError::Unavailable,
                )) = self.notices.in_slot_untracked(Slot::Storage)
                {
                    self.notices.clear(Slot::Storage);
                }
                self.ask_to_persist();
            }
            Err(error) => {
                // Backups let go for a write that failed anyway come back: they fit before it.
                if let_go > 0 {
                    restore_backups(storage, &kept);
                    self.backups.set(kept);
                }
                self.save_failed(error);
            }
        }
        clock.stop();
    }

    fn save_failed(&self, error: StorageError) {
        self.saving.update_value(|s| s.problem = Some(error.clone()));
        self.notices.show(Notice::Storage(error));
    }

    /// The stored data is of this tab's revision or older but was written at another moment: another
    /// tab wrote over this tab's last write without seeing it (a closing tab writes without waiting for
    /// the lock). What this tab wrote then goes over again, with what it has not written yet.
    fn requeue_if_overwritten(&self, stored: &StoredHead) {
        self.saving.update_value(|s| {
            let overwritten = stored.revision <= s.seen.revision && stored.saved_at != s.seen.saved_at;
            if overwritten && !s.last_written.is_empty() {
                let mut again = std::mem::take(&mut s.last_written);
                again.append(&mut s.unsaved);
                s.unsaved = again;
            }
        });
    }

    /// Another tab saved since this tab's data was read: this tab's unsaved changes go onto its data. Fails,
    /// changing nothing, when they cannot go together (a newer version's data; a rule broken by the two).
    fn carry_over(&self, storage: BrowserStorage) -> Result<(), StorageError> {
        match storage.load_dataset() {
            Ok(Some(theirs)) => {
                let steps = self.saving.with_value(|s| s.unsaved.clone());
                let mut dataset = theirs.dataset;
                let outcome = change::rebase(&steps, &mut dataset);
                // Both tabs' changes were checked where they were made; the other tab's data may hold values
                // an earlier release saved beyond the later limits, which stay.
                let broken = dataset.violations_with(LaterLimits::Kept);
                if let Some(first) = broken.first() {
                    // Kept on screen and unsaved, to be exported: nothing of either tab is lost.
                    return Err(StorageError::NotCombined(first.to_string()));
                }
                self.dataset.set_value(dataset);
                self.replaced_whole();
                if !self.saving.with_value(|s| s.origin_changed) {
                    self.origin.set(theirs.origin);
                }
                self.saving.update_value(|s| {
                    s.seen = StoredHead { revision: theirs.revision, saved_at: theirs.saved_at };
                    s.last_written.clear();
                });
                self.report(outcome);
                self.notices.confirm(Confirmation::UpdatedByOtherTab);
                Ok(())
            }
            // Nothing readable is stored (it was cleared, or set aside as damaged): this tab's data is
            // written as it is.
            Ok(None) => Ok(()),
            Err(StorageError::Newer(version)) => {
                self.saving.update_value(|s| s.newer_stored = Some(version));
                Err(StorageError::Newer(version))
            }
            Err(error) => {
                // Set aside as damaged; this tab's data is written in its place, and the page says so.
                self.notices.show(Notice::Storage(error));
                self.set_aside.set(storage.set_aside_list());
                Ok(())
            }
        }
    }

    /// Another tab wrote to the browser's storage.
    pub fn stored_elsewhere(&self, kind: KeyKind) {
        let Some(storage) = self.storage else { return };
        if matches!(kind, KeyKind::Dataset | KeyKind::Everything) {
            if let Ok(Stored::Head(head)) = storage.stored_head() {
                self.requeue_if_overwritten(&head);
            }
            if self.saving.with_value(|s| s.unsaved.is_empty()) {
                self.take_stored(storage);
            } else {
                // This tab's own changes go onto the other tab's data when saving.
                self.schedule_save();
            }
        }
        if matches!(kind, KeyKind::Backups | KeyKind::Everything) {
            self.reload_backups();
            self.set_aside.set(storage.set_aside_list());
        }
    }

    fn take_stored(&self, storage: BrowserStorage) {
        match storage.load_dataset() {
            Ok(Some(stored)) => {
                let head = StoredHead { revision: stored.revision, saved_at: stored.saved_at };
                if !self.saving.with_value(|s| written_elsewhere(&head, &s.seen)) {
                    return;
                }
                let changed = self.dataset.with_value(|d| *d != stored.dataset);
                self.stored_revision.set(head.revision);
                self.saving.update_value(|s| {
                    s.seen = head;
                    s.last_written.clear();
                });
                if changed {
                    self.stop_waiting_for_example();
                    self.dataset.set_value(stored.dataset);
                    self.replaced_whole();
                    self.origin.set(stored.origin);
                    self.notices.confirm(Confirmation::UpdatedByOtherTab);
                }
            }
            Ok(None) => {}
            Err(error) => {
                if let StorageError::Newer(version) = error {
                    self.saving.update_value(|s| s.newer_stored = Some(version));
                }
                self.notices.show(Notice::Storage(error));
                self.set_aside.set(storage.set_aside_list());
            }
        }
    }

    /// Fetches the example that the page opened without (the release bundle's file, when boot.js did not
    /// fetch it), and shows it in place of the empty plan that stood for it.
    fn wait_for_example(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let fetched = sample::fetch_example().await;
            // Only over the stand-in as it was: a change made to it, an import received meanwhile or another
            // tab's data keeps the page as it is, and then there is nothing to say either.
            if store.example.get_untracked() != ExampleWait::OnItsWay {
                return;
            }
            match fetched {
                Ok(example) => {
                    store.dataset.set_value(example);
                    store.replaced_whole();
                    store.example.set(ExampleWait::Here);
                }
                Err(problem) => {
                    store.example.set(ExampleWait::Unavailable);
                    store.notices.confirm(Confirmation::ExampleUnavailable { problem });
                }
            }
        });
    }

    /// The example stands for nothing any more (data came, or a change was made to the stand-in): it is not
    /// swapped in when it comes.
    pub fn stop_waiting_for_example(&self) {
        if self.example.get_untracked() != ExampleWait::Here {
            self.example.set(ExampleWait::Here);
        }
    }

    /// Whether the data shown stands for the example on its way, or for one that could not be had.
    pub fn example_wait(&self) -> ReadSignal<ExampleWait> {
        self.example.read_only()
    }

    // ---- Backups ----

    /// Reads the city's backups from the shelf (at the start, and when another tab changed them). A shelf
    /// that cannot be read leaves the list as it is.
    pub fn reload_backups(&self) {
        let Some(storage) = self.storage else { return };
        let backups = self.backups;
        // A backup this page takes while the shelf is read has an id of that moment or later (ids are the
        // moment taken); an older one missing from the shelf was let go by another tab.
        let reading_since = files::now_ms();
        leptos::task::spawn_local(async move {
            if let Ok(stored) = storage.load_backups().await {
                let let_go = backups.try_update(|shown| {
                    let mut list = stored.list().to_vec();
                    list.extend(
                        shown.list().iter().filter(|b| b.id >= reading_since && stored.get(b.id).is_none()).cloned(),
                    );
                    let mut merged = Backups::default();
                    // Oldest first, so that what goes beyond the number kept is the oldest.
                    list.sort_by_key(|b| b.id);
                    let gone: Vec<u64> = list.into_iter().flat_map(|b| merged.push(b)).collect();
                    *shown = merged;
                    gone
                });
                // Tabs that took backups at the same moment may have left more than are kept.
                if let Some(gone) = let_go.filter(|g| !g.is_empty()) {
                    let _ = storage.let_go_backups(&gone).await;
                }
            }
        });
    }

    /// Keeps the current data as a backup before something replaces it, and waits until the shelf has it;
    /// older backups go if the browser has no room, but never the new one. Without room even for it, nothing
    /// changes and the caller is told.
    pub async fn back_up_current(self, reason: BackupReason) -> Result<u64, NoRoom> {
        let id = self.backups.with_untracked(|b| b.next_id(files::now_ms()));
        let origin = self.origin.get_untracked();
        let backup = self.dataset.with_value(|d| Backup::of(d, origin, reason, id, files::now_rfc3339()));
        let Some(storage) = self.storage else {
            // Nothing is stored, so nothing stored is replaced either: the backup lives on this page only.
            self.backups.update(|b| drop(b.push(backup)));
            self.notices.show(Notice::Backups(BackupProblem::NotKept));
            return Ok(id);
        };
        let kept = self.backups.get_untracked();
        let mut let_go = Vec::new();
        loop {
            match storage.keep_backup(&backup).await {
                Ok(()) => break,
                Err(StorageError::QuotaExceeded) => match self.backups.try_update(|b| b.drop_oldest(None)).flatten() {
                    Some(old) => {
                        let _ = storage.let_go_backups(&[old]).await;
                        let_go.push(old);
                    }
                    None => {
                        // No room even with every older backup gone: they come back, and nothing changes.
                        self.put_back(storage, kept, &let_go).await;
                        return Err(NoRoom::ForBackup);
                    }
                },
                Err(_) => {
                    self.put_back(storage, kept, &let_go).await;
                    return Err(NoRoom::ForBackup);
                }
            }
        }
        let gone = self.backups.try_update(|b| b.push(backup)).unwrap_or_default();
        let _ = storage.let_go_backups(&gone).await;
        self.saving.update_value(|s| s.protected_backup = Some(id));
        if !let_go.is_empty() {
            self.notices.show(Notice::Backups(BackupProblem::Trimmed { count: let_go.len() }));
        }
        Ok(id)
    }

    /// Backups let go for room that did not suffice come back: they fit before.
    async fn put_back(&self, storage: BrowserStorage, kept: Backups, let_go: &[u64]) {
        for backup in kept.list().iter().filter(|b| let_go.contains(&b.id)) {
            let _ = storage.keep_backup(backup).await;
        }
        self.backups.set(kept);
    }

    /// The text of a piece of unreadable data that was set aside.
    pub fn set_aside_text(&self, id: u64) -> Option<String> {
        self.storage?.set_aside_text(id)
    }

    // ---- Room ----

    /// Measures the room the app takes: localStorage by its own count, the site by the browser's estimate.
    pub fn measure_room(&self) {
        let Some(storage) = self.storage else { return };
        self.room.update(|r| r.used_chars = storage.used_chars());
        let room = self.room;
        leptos::task::spawn_local(async move {
            let estimate = quota::estimate().await;
            // The page may be gone by the time the browser answers.
            room.try_update(|r| r.estimate = estimate);
        });
    }

    /// Asks the browser to keep the data for good, once the data is the user's own, and records its answer.
    fn ask_to_persist(&self) {
        if self.storage.is_none() || self.room.with_untracked(|r| r.persistence != Persistence::NotAsked) {
            return;
        }
        // Asked once per page.
        self.room.update(|r| r.persistence = Persistence::Asking);
        let room = self.room;
        leptos::task::spawn_local(async move {
            let persistence = match quota::persisted().await {
                Some(true) => Persistence::Granted,
                Some(false) => match quota::persist().await {
                    Some(true) => Persistence::Granted,
                    Some(false) => Persistence::Refused,
                    None => Persistence::Unsupported,
                },
                None => Persistence::Unsupported,
            };
            room.try_update(|r| r.persistence = persistence);
        });
    }

    /// The stored revision, followed: views of the room measure again when it moves.
    pub fn stored_revision(&self) -> ReadSignal<u64> {
        self.stored_revision.read_only()
    }
}

/// Writes back backups that were let go from localStorage for room that did not suffice; they fit before.
fn restore_backups(storage: BrowserStorage, kept: &Backups) {
    for backup in kept.list() {
        let _ = storage.save_local_backup(backup);
    }
}

/// Whether the stored data is not what this tab last wrote or read: a later revision, or the same one
/// written at another moment (a version that counts no revisions wrote it).
fn written_elsewhere(stored: &StoredHead, seen: &StoredHead) -> bool {
    stored.revision > seen.revision || stored.saved_at != seen.saved_at
}

/// Where the programs a change touched stand now: at the place the change names, or found by id.
fn places_of(dataset: &Dataset, change: &Change) -> Vec<usize> {
    change
        .touched_programs()
        .filter_map(|(id, hint)| {
            if dataset.programs.get(hint).is_some_and(|p| p.id == id) {
                Some(hint)
            } else {
                dataset.programs.iter().position(|p| p.id == id)
            }
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Recorded {
    Yes,
    No,
}

fn page_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Times each save for the benchmarks, as a `masterplan-tracker:save` entry of the page's performance
/// timeline (the last one only).
struct SaveClock(Option<web_sys::Performance>);

const SAVE_MARK: &str = "masterplan-tracker:save-start";
const SAVE_MEASURE: &str = "masterplan-tracker:save";

impl SaveClock {
    fn start() -> SaveClock {
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark(SAVE_MARK);
        }
        SaveClock(performance)
    }

    fn stop(self) {
        if let Some(p) = self.0 {
            p.clear_measures_with_measure_name(SAVE_MEASURE);
            let _ = p.measure_with_start_mark(SAVE_MEASURE, SAVE_MARK);
            p.clear_marks_with_mark_name(SAVE_MARK);
        }
    }
}

/// The example on a page that opened without it (src/sample.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleWait {
    /// Not waited for: the data is the example, or other data.
    Here,
    /// Fetched: the data shown is an empty plan standing for it.
    OnItsWay,
    /// Could not be had (the page says why); the empty plan stays until the user chooses.
    Unavailable,
}

/// Runs `f` once the next frame is painted (at once on a hidden page, which paints none): for work that the
/// view on screen does not need, so that the view comes first.
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    if page_hidden() {
        f();
        return;
    }
    fn run<F: FnOnce()>(once: &std::cell::Cell<Option<F>>) {
        if let Some(f) = once.take() {
            f()
        }
    }
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let after_frame = std::rc::Rc::clone(&once);
    request_animation_frame(move || set_timeout(move || run(&after_frame), Duration::ZERO));
    // A page hidden before its next frame paints none until it is shown again: the work goes on anyway.
    set_timeout(move || run(&once), Duration::from_millis(500));
}

/// `after_paint` as a future, for parts of the page loaded after the view around them is painted. The frame
/// waited for is the next one from the call, not from the first poll.
pub(crate) fn painted() -> impl Future<Output = ()> {
    let painted =
        js_sys::Promise::new(&mut |resolve, _| after_paint(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL))));
    let painted = wasm_bindgen_futures::JsFuture::from(painted);
    async move {
        let _ = painted.await;
    }
}
