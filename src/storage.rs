//! The browser's localStorage, wrapped so that every failure is a value: storage that is missing,
//! blocked by the browser's privacy settings, or full becomes a `StorageError` that the page shows,
//! never a panic (gloo-storage's own `raw()` panics when storage is unavailable, so it is reached only
//! once storage is known to exist). What the app keeps, each under its own key: the dataset in its
//! envelope, the settings, and each piece of stored data this version could not read; each backup is on
//! the shelf (`shelf`: IndexedDB, or localStorage where the browser has none).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

pub mod cities;
pub mod coordination;
pub mod envelope;
mod idb;
pub mod quota;
pub mod shelf;

pub use cities::CityId;

use envelope::{
    DecodeError, Origin, Settings, StoredDataset, StoredHead, decode_dataset, decode_first_view, encode_dataset,
    encode_first_view, first_view_counted_from, stored_head,
};

use crate::backups::{Backup, Backups};
use crate::first_view::FirstView;
use crate::i18n::Lang;

/// Every key of the app starts with this, so that other pages of the same site are left alone.
const PREFIX: &str = "masterplan-tracker/";
const DATASET_KEY: &str = "masterplan-tracker/dataset";
const SETTINGS_KEY: &str = "masterplan-tracker/settings";
/// What the page draws before the app's code is there (`first_view`), beside the dataset it was counted from.
const FIRST_VIEW_KEY: &str = "masterplan-tracker/first-view";
/// Each backup under a key of its own, so that tabs that take backups never overwrite each other's.
const BACKUP_PREFIX: &str = "masterplan-tracker/backup/";
/// Each piece of stored data that a version could not read, under a key of its own: never overwritten.
const SET_ASIDE_PREFIX: &str = "masterplan-tracker/unreadable/";
/// Where versions before revisions kept all backups at once, and the one piece of unreadable data.
const LEGACY_BACKUPS_KEY: &str = "masterplan-tracker/backups";
const LEGACY_SET_ASIDE_KEY: &str = "masterplan-tracker/dataset-unreadable";

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("browser storage is unavailable")]
    Unavailable,
    #[error("browser storage is full")]
    QuotaExceeded,
    #[error("could not write to browser storage: {0}")]
    WriteFailed(String),
    #[error("the stored data could not be read: {0}")]
    Corrupt(String),
    #[error("the stored data was written by a newer app (storage version {0})")]
    Newer(u32),
    /// This tab's changes and another tab's saved data break a rule together (the detail says which).
    #[error("this tab's changes could not be combined with another tab's: {0}")]
    NotCombined(String),
}

/// What the browser holds under the dataset's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    Nothing,
    Head(StoredHead),
    /// Text this version cannot read the head of (damaged, or written by a newer version).
    Unreadable,
}

/// What a key that changed in another tab holds, for the `storage` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    Dataset,
    Backups,
    Settings,
    /// Not the app's, or everything at once (`localStorage.clear()` gives no key).
    Other,
    Everything,
}

/// Stored data that this version could not read, kept as it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The moment it was set aside, in milliseconds; also its key.
    pub id: u64,
    /// Its size in characters.
    pub chars: usize,
}

/// The browser store of one city's data. Constructed only once storage is known to be reachable.
#[derive(Clone, Copy, Debug)]
pub struct BrowserStorage {
    city: CityId,
}

impl BrowserStorage {
    /// Reaches localStorage; blocked storage (a `SecurityError`) and its absence both give `Unavailable`.
    /// Backups and unreadable data kept by older versions move to keys of their own.
    pub fn open(city: CityId) -> Result<BrowserStorage, StorageError> {
        let storage = web_sys::window().ok_or(StorageError::Unavailable)?.local_storage();
        match storage {
            Ok(Some(_)) => {
                let store = BrowserStorage { city };
                if city == CityId::FIRST {
                    store.move_legacy_keys();
                }
                Ok(store)
            }
            _ => Err(StorageError::Unavailable),
        }
    }

    pub fn city(self) -> CityId {
        self.city
    }

    /// What a key that another tab changed is to a page working on `city`: another city's data is none
    /// of its business.
    pub fn key_kind(city: CityId, key: Option<&str>) -> KeyKind {
        let keys = BrowserStorage { city };
        match key {
            None => KeyKind::Everything,
            Some(k) if k == SETTINGS_KEY || k == keys.settings_key() => KeyKind::Settings,
            Some(k) if k == keys.dataset_key() => KeyKind::Dataset,
            Some(k) if k.starts_with(&keys.backup_prefix()) || k.starts_with(&keys.set_aside_prefix()) => {
                KeyKind::Backups
            }
            Some(_) => KeyKind::Other,
        }
    }

    /// The first city keeps the keys of the versions before several cities, so that their data is the
    /// first city's as it is; every other city's keys are under its number.
    fn dataset_key(self) -> String {
        self.city.key(DATASET_KEY, "dataset")
    }

    fn first_view_key(self) -> String {
        self.city.key(FIRST_VIEW_KEY, "first-view")
    }

    fn settings_key(self) -> String {
        self.city.key(SETTINGS_KEY, "settings")
    }

    fn backup_prefix(self) -> String {
        self.city.key(BACKUP_PREFIX, "backup/")
    }

    fn set_aside_prefix(self) -> String {
        self.city.key(SET_ASIDE_PREFIX, "unreadable/")
    }

    /// Removes the city's stored dataset (the caller keeps a copy first); its backups and settings stay, to
    /// come back with it: a city's number is never given to another.
    pub fn delete_dataset(self) {
        local_delete(&self.dataset_key());
    }

    /// Whether anything is stored under the city's dataset key.
    pub fn has_dataset(self) -> bool {
        self.read(&self.dataset_key()).ok().flatten().is_some()
    }

    /// The stored dataset, `None` on a first visit. Damaged stored data is set aside under a key of its own
    /// before the error is returned, so the next save cannot overwrite it; data a newer version wrote is
    /// left where it is (that version reads it), and the caller writes nothing over it.
    pub fn load_dataset(self) -> Result<Option<StoredDataset>, StorageError> {
        let Some(text) = self.read(&self.dataset_key())? else {
            return Ok(None);
        };
        match decode_dataset(&text) {
            Ok(stored) => Ok(Some(stored)),
            Err(DecodeError::Newer(version)) => Err(StorageError::Newer(version)),
            Err(DecodeError::Unreadable(detail)) => {
                self.set_aside(&text)?;
                local_delete(&self.dataset_key());
                Err(StorageError::Corrupt(detail))
            }
        }
    }

    /// What is stored under the dataset's key: nothing, the head of its envelope (read without unpacking
    /// the dataset), or text this version cannot read.
    pub fn stored_head(self) -> Result<Stored, StorageError> {
        Ok(match self.read(&self.dataset_key())? {
            None => Stored::Nothing,
            Some(text) => stored_head(&text).map_or(Stored::Unreadable, Stored::Head),
        })
    }

    pub fn save_dataset(
        self,
        dataset: &crate::format::Dataset,
        origin: &Origin,
        saved_at: &str,
        revision: u64,
    ) -> Result<(), StorageError> {
        self.write(&self.dataset_key(), &encode_dataset(dataset, origin, saved_at, revision))?;
        // The first view is a convenience: one that cannot be written leaves the one kept before, which no
        // longer matches the data's head and is not drawn.
        let head = StoredHead { revision, saved_at: saved_at.to_owned() };
        let _ = self.keep_first_view(&head, &FirstView::of(dataset));
        Ok(())
    }

    /// Keeps the first view of the data stored under `head`.
    pub fn keep_first_view(self, head: &StoredHead, view: &FirstView) -> Result<(), StorageError> {
        self.write(&self.first_view_key(), &encode_first_view(head, view))
    }

    /// Whether the first view kept was counted from the data saved under `head` (read without the data).
    pub fn has_first_view_for(self, head: &StoredHead) -> bool {
        self.read(&self.first_view_key()).ok().flatten().is_some_and(|kept| first_view_counted_from(&kept, head))
    }

    /// The settings: the language (and whether the user chose how to start) are the browser's, whatever the
    /// city; whether the data changed since its export and the presenter's slides are the city's own.
    pub fn load_settings(self) -> Settings {
        let read = |key: &str| self.read(key).ok().flatten().map(|text| Settings::decode(&text)).unwrap_or_default();
        let shared = read(SETTINGS_KEY);
        if self.city == CityId::FIRST {
            return shared;
        }
        let own = read(&self.settings_key());
        Settings { lang: shared.lang, started: shared.started || own.started, ..own }
    }

    pub fn save_settings(self, settings: &Settings) -> Result<(), StorageError> {
        if self.city == CityId::FIRST {
            return self.write(SETTINGS_KEY, &settings.encode());
        }
        let mut shared = self.read(SETTINGS_KEY)?.map(|text| Settings::decode(&text)).unwrap_or_default();
        if shared.lang != settings.lang || shared.started != settings.started {
            shared.lang = settings.lang.clone();
            shared.started = settings.started;
            self.write(SETTINGS_KEY, &shared.encode())?;
        }
        let own = Settings { lang: None, started: false, ..settings.clone() };
        self.write(&self.settings_key(), &own.encode())
    }

    /// The kept backups, newest first; unreadable ones count as none (they cannot be restored anyway).
    pub async fn load_backups(self) -> Result<Backups, StorageError> {
        let list = shelf::with_prefix(&self.backup_prefix())
            .await?
            .into_iter()
            .filter_map(|(_, text)| serde_json::from_str::<Backup>(&text).ok())
            .collect();
        Ok(Backups::from_list(list))
    }

    /// Keeps a backup on the shelf.
    pub async fn keep_backup(self, backup: &Backup) -> Result<(), StorageError> {
        shelf::put(&self.backup_key(backup.id), &backup_text(backup)).await
    }

    /// Lets backups go from the shelf.
    pub async fn let_go_backups(self, ids: &[u64]) -> Result<(), StorageError> {
        shelf::delete(&ids.iter().map(|id| self.backup_key(*id)).collect::<Vec<_>>()).await
    }

    fn backup_key(self, id: u64) -> String {
        format!("{}{id}", self.backup_prefix())
    }

    /// Writes a backup to localStorage, where the shelf is localStorage (`shelf::on_local_storage`): what
    /// makes room for the dataset must happen before its write, at once.
    pub fn save_local_backup(self, backup: &Backup) -> Result<(), StorageError> {
        self.write(&self.backup_key(backup.id), &backup_text(backup))
    }

    pub fn delete_local_backup(self, id: u64) {
        local_delete(&self.backup_key(id));
    }

    /// The pieces of unreadable data kept, newest first.
    pub fn set_aside_list(self) -> Vec<SetAside> {
        let mut list: Vec<SetAside> = self
            .keys_with(&self.set_aside_prefix())
            .into_iter()
            .filter_map(|key| {
                let id = key.strip_prefix(&self.set_aside_prefix())?.parse().ok()?;
                let chars = self.read(&key).ok().flatten()?.chars().count();
                Some(SetAside { id, chars })
            })
            .collect();
        list.sort_by_key(|s| std::cmp::Reverse(s.id));
        list
    }

    /// The text of a piece of unreadable data, as it was found.
    pub fn set_aside_text(self, id: u64) -> Option<String> {
        self.read(&format!("{}{id}", self.set_aside_prefix())).ok().flatten()
    }

    /// Characters the app keeps in localStorage, keys included: what counts against the browser's limit
    /// of about five million per site.
    pub fn used_chars(self) -> usize {
        self.keys_with(PREFIX)
            .into_iter()
            .map(|key| key.chars().count() + local_read(&key).ok().flatten().map_or(0, |v| v.chars().count()))
            .sum()
    }

    /// Keeps text under a new key of its own, never overwriting an earlier one.
    fn set_aside(self, text: &str) -> Result<u64, StorageError> {
        let mut id = crate::files::now_ms();
        let prefix = self.set_aside_prefix();
        while self.read(&format!("{prefix}{id}"))?.is_some() {
            id += 1;
        }
        self.write(&format!("{prefix}{id}"), text)?;
        Ok(id)
    }

    /// Versions before revisions kept every backup under one key and unreadable data under another; each
    /// moves to a key of its own, and the old key goes only once all of it has moved.
    fn move_legacy_keys(self) {
        if let Ok(Some(text)) = self.read(LEGACY_BACKUPS_KEY) {
            let backups: Vec<Backup> = serde_json::from_str(&text).unwrap_or_default();
            if backups.iter().all(|b| self.save_local_backup(b).is_ok()) {
                local_delete(LEGACY_BACKUPS_KEY);
            }
        }
        if let Ok(Some(text)) = self.read(LEGACY_SET_ASIDE_KEY)
            && self.set_aside(&text).is_ok()
        {
            local_delete(LEGACY_SET_ASIDE_KEY);
        }
    }

    fn keys_with(self, prefix: &str) -> Vec<String> {
        local_keys_with(prefix)
    }

    pub(crate) fn read(self, key: &str) -> Result<Option<String>, StorageError> {
        local_read(key)
    }

    pub(crate) fn write(self, key: &str, text: &str) -> Result<(), StorageError> {
        local_write(key, text)
    }
}

/// What the first view needs of what the browser keeps, read without writing anything (the app moves and
/// sets aside what needs it): the city the page opens (`named` by its address), the language chosen, and
/// the first view kept for its data. `None` where storage cannot be reached.
pub fn kept_for_first_view(named: Option<CityId>) -> Option<KeptForFirstView> {
    local().ok()?;
    let city = cities::resolve(BrowserStorage { city: CityId::FIRST }, named);
    let storage = BrowserStorage { city };
    // The data's text once: it may be megabytes.
    let stored = local_read(&storage.dataset_key()).ok().flatten();
    let kept = local_read(&storage.first_view_key()).ok().flatten();
    Some(KeptForFirstView {
        lang: local_read(SETTINGS_KEY).ok().flatten().and_then(|text| Settings::decode(&text).lang()),
        cities: cities::list(storage),
        city,
        has_data: stored.is_some(),
        view: kept.zip(stored).and_then(|(kept, stored)| decode_first_view(&kept, &stored)),
    })
}

/// See `kept_for_first_view`.
pub struct KeptForFirstView {
    pub lang: Option<Lang>,
    /// The cities listed (none while there is one) and the one the page opens.
    pub cities: Vec<cities::CityEntry>,
    pub city: CityId,
    /// Whether the city has data of its own (else the page opens with the example).
    pub has_data: bool,
    pub view: Option<FirstView>,
}

fn backup_text(backup: &Backup) -> String {
    serde_json::to_string(backup).expect("a backup always serialises")
}

/// localStorage through gloo, once it is known to be there; `Unavailable` where it is missing or blocked
/// (gloo's `raw()` would panic).
fn local() -> Result<web_sys::Storage, StorageError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

fn local_read(key: &str) -> Result<Option<String>, StorageError> {
    local()?.get_item(key).map_err(|_| StorageError::Unavailable)
}

/// Writes raw text: gloo's `set` would encode it as a JSON string a second time.
fn local_write(key: &str, text: &str) -> Result<(), StorageError> {
    local()?.set_item(key, text).map_err(|error| write_error(&error))
}

fn local_delete(key: &str) {
    if let Ok(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// The keys of localStorage that start with `prefix`, in no particular order.
fn local_keys_with(prefix: &str) -> Vec<String> {
    let Ok(storage) = local() else { return Vec::new() };
    let count = storage.length().unwrap_or(0);
    (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect()
}

/// What a failed write of localStorage or IndexedDB says, as a `StorageError`.
fn write_error(error: &wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(e) => StorageError::WriteFailed(format!("{}: {}", e.name(), e.message())),
        None => StorageError::WriteFailed(format!("{error:?}")),
    }
}
