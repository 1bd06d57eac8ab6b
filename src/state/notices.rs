//! The one channel of messages to the user: confirmations, refused data, problems with the browser's
//! storage and with backups. Each message has its slot on the page; a new message replaces the one in
//! its slot, so the page never stacks stale messages of the same kind.

use leptos::prelude::*;

use crate::change::Summary;
use crate::format::FormatError;
use crate::i18n::Told;
use crate::import::Source;
use crate::storage::StorageError;

/// A confirmation (the toast).
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
    /// A new plan, or the example opened, undone.
    StepUndone,
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
    NewPlanStarted {
        city: String,
    },
    ExampleOpened,
    /// The built-in example could not be fetched (the release bundle's file), and why.
    ExampleUnavailable {
        problem: crate::sample::ExampleProblem,
    },
    /// Cities added to the portfolio, by name.
    CitiesAdded {
        cities: Vec<String>,
    },
    /// The data of cities already here replaced by a batch's files of the same cities, the others added.
    CitiesReplaced {
        replaced: Vec<String>,
        added: Vec<String>,
    },
    /// Adding cities stopped (storage full): those added before it, and why.
    CitiesNotAdded {
        added: Vec<String>,
        problem: CitiesProblem,
    },
    /// A city that could not be removed, or brought back, and why; nothing changed.
    CityNotRemoved {
        error: StorageError,
    },
    CityNotBroughtBack {
        error: StorageError,
    },
    /// A city taken out of the portfolio (its data kept to bring back).
    CityRemoved {
        city: String,
    },
    /// New boundaries in place, with how many regions they have.
    BoundariesReplaced {
        regions: usize,
    },
    /// A change the user made, undid or redid, and what it did.
    Changed {
        summary: Summary,
        told: Told,
    },
    /// Programs added here under an id that another tab gave to another program meanwhile, and their new ids.
    Renamed {
        ids: Vec<(String, String)>,
    },
}

impl Confirmation {
    /// Whether the message stays until dismissed: a failure, or news the user must not miss (another tab
    /// made this tab's programs take other ids).
    pub fn stays(&self) -> bool {
        self.is_failure() || matches!(self, Confirmation::Renamed { .. })
    }

    /// Whether the data was replaced with a backup taken first, which the message's undo button restores.
    pub fn undoable_by_backup(&self) -> bool {
        self.tells_of_an_import() || matches!(self, Confirmation::NewPlanStarted { .. } | Confirmation::ExampleOpened)
    }

    /// Whether the message tells of data brought in (its undo undoes the import).
    pub fn tells_of_an_import(&self) -> bool {
        matches!(
            self,
            Confirmation::Replaced { .. } | Confirmation::Merged { .. } | Confirmation::CitiesReplaced { .. }
        )
    }

    /// A confirmation that tells of something that did not happen: it stays until dismissed, as errors do.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Confirmation::ExportFailed { .. }
                | Confirmation::BackupUnreadable { .. }
                | Confirmation::ExampleUnavailable { .. }
                | Confirmation::ChartNotCopied
                | Confirmation::CitiesNotAdded { .. }
                | Confirmation::CityNotRemoved { .. }
                | Confirmation::CityNotBroughtBack { .. }
        )
    }
}

/// Why adding or replacing cities stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum CitiesProblem {
    Storage(StorageError),
    /// The page's own city's data was refused (the message of the refused step says why).
    Refused,
}

/// Incoming data that was refused; the current data stayed as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailure {
    Refused { source: Source, errors: Vec<FormatError> },
    Unreadable { source: Source, detail: String },
    TooLarge { source: Source, bytes: u64 },
    LinkDamaged { detail: String },
}

/// Backups that the browser had no room for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupProblem {
    /// The oldest backups were let go to make room.
    Trimmed { count: usize },
    /// Not even the newest backup could be kept.
    NotKept,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Done(Confirmation),
    ImportFailed(ImportFailure),
    /// The browser's storage is blocked or full, or held data this version cannot read: shown until a
    /// save succeeds again.
    Storage(StorageError),
    Backups(BackupProblem),
    /// An undo or redo that would break a rule of the format (another tab changed the data meanwhile).
    StepRefused(Vec<FormatError>),
    /// The user's own data (as stored, or a backup restored) holds values beyond the ranges and limits the
    /// format gained after an earlier release saved them: kept, and listed to be mended.
    BeyondLimits(Vec<FormatError>),
}

/// Where a message shows; one message per slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Toast,
    Import,
    Storage,
    Backups,
}

impl Notice {
    pub fn slot(&self) -> Slot {
        match self {
            Notice::Done(_) => Slot::Toast,
            Notice::ImportFailed(_) | Notice::StepRefused(_) | Notice::BeyondLimits(_) => Slot::Import,
            Notice::Storage(_) => Slot::Storage,
            Notice::Backups(_) => Slot::Backups,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Notices {
    shown: RwSignal<Vec<Notice>>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices { shown: RwSignal::new(Vec::new()) }
    }

    /// Shows a message in its slot, in place of the one there.
    pub fn show(&self, notice: Notice) {
        self.shown.update(|shown| {
            shown.retain(|n| n.slot() != notice.slot());
            shown.push(notice);
        });
    }

    pub fn confirm(&self, confirmation: Confirmation) {
        self.show(Notice::Done(confirmation));
    }

    pub fn clear(&self, slot: Slot) {
        if self.shown.with_untracked(|shown| shown.iter().any(|n| n.slot() == slot)) {
            self.shown.update(|shown| shown.retain(|n| n.slot() != slot));
        }
    }

    /// The message in a slot, tracked.
    pub fn in_slot(&self, slot: Slot) -> Option<Notice> {
        self.shown.with(|shown| shown.iter().find(|n| n.slot() == slot).cloned())
    }

    /// The message in a slot, for the code that acts on it rather than shows it.
    pub fn in_slot_untracked(&self, slot: Slot) -> Option<Notice> {
        self.shown.with_untracked(|shown| shown.iter().find(|n| n.slot() == slot).cloned())
    }
}

impl Default for Notices {
    fn default() -> Self {
        Notices::new()
    }
}
