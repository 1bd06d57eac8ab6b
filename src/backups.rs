//! Backups of the dataset kept in the browser before anything replaces it: the last few, newest first,
//! each packed small with its date, city and counts, so that no import can lose work.

use serde::{Deserialize, Serialize};

use crate::compress::{Effort, UnpackError, pack, unpack};
use crate::format::{Dataset, Refusal, Saved};
use crate::import::Origin;

/// How many backups are kept; the oldest goes first.
pub const KEEP: usize = 5;

/// Why a backup was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BackupReason {
    BeforeImport {
        file: String,
    },
    /// Before importing pasted text.
    BeforePastedImport,
    /// Before importing the data of a share link.
    BeforeLinkImport,
    BeforeRestore,
    /// Before starting a plan of one's own.
    BeforeNewPlan,
    /// Before opening the built-in example.
    BeforeExample,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// Unique among the backups: the moment it was taken, in milliseconds.
    pub id: u64,
    /// RFC 3339.
    pub taken_at: String,
    pub reason: BackupReason,
    /// Where the backed-up data had come from, so that a restored sample is labelled as the sample again.
    pub origin: Origin,
    pub city: String,
    pub programs: usize,
    /// The dataset file, packed.
    data: String,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RestoreError {
    #[error("the backup is damaged: {0}")]
    Damaged(#[from] UnpackError),
    #[error("the backup does not read back: {0}")]
    Unreadable(#[from] Refusal),
}

impl Backup {
    pub fn of(dataset: &Dataset, origin: Origin, reason: BackupReason, id: u64, taken_at: String) -> Backup {
        Backup {
            id,
            taken_at,
            reason,
            origin,
            city: dataset.plan.city.clone(),
            programs: dataset.programs.len(),
            data: pack(&dataset.to_file_json(), Effort::Fast),
        }
    }

    /// The dataset file's text, as it was when the backup was taken.
    pub fn file_text(&self) -> Result<String, RestoreError> {
        Ok(unpack(&self.data)?)
    }

    /// The data as it was, read as the user's own: values beyond the ranges and limits the format gained
    /// after an earlier release took the backup are kept, and listed.
    pub fn dataset(&self) -> Result<Saved, RestoreError> {
        Ok(Dataset::parse_saved(&self.file_text()?)?)
    }

    /// The size it takes in storage, roughly.
    pub fn stored_size(&self) -> usize {
        self.data.len() + self.city.len() + 128
    }
}

/// The kept backups, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Backups(Vec<Backup>);

impl Backups {
    /// From backups in any order: newest first.
    pub fn from_list(mut list: Vec<Backup>) -> Backups {
        list.sort_by_key(|b| std::cmp::Reverse(b.id));
        Backups(list)
    }

    pub fn list(&self) -> &[Backup] {
        &self.0
    }

    /// Adds a backup in front; returns the ids of the oldest that go beyond `KEEP`.
    pub fn push(&mut self, backup: Backup) -> Vec<u64> {
        self.0.insert(0, backup);
        self.0.split_off(self.0.len().min(KEEP)).into_iter().map(|b| b.id).collect()
    }

    /// Lets the oldest backup go, to make room, except the one with id `keep` (taken right before the
    /// import or restore it makes undoable); returns the id of the one let go, `None` when there is none.
    pub fn drop_oldest(&mut self, keep: Option<u64>) -> Option<u64> {
        let at = self.0.iter().rposition(|b| Some(b.id) != keep)?;
        Some(self.0.remove(at).id)
    }

    pub fn get(&self, id: u64) -> Option<&Backup> {
        self.0.iter().find(|b| b.id == id)
    }

    pub fn newest(&self) -> Option<&Backup> {
        self.0.first()
    }

    /// A unique id for a backup taken at `now_ms`, even when two are taken in the same millisecond.
    pub fn next_id(&self, now_ms: u64) -> u64 {
        self.0.iter().map(|b| b.id + 1).max().unwrap_or(0).max(now_ms)
    }
}
