//! The browser's localStorage, wrapped so that every failure is a value: storage that is missing,
//! blocked by the browser's privacy settings, or full becomes a `StorageError` that the page shows,
//! never a panic (gloo-storage's own `raw()` panics when storage is unavailable, so it is reached only
//! once storage is known to exist).

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

pub mod envelope;

use envelope::{DecodeError, Origin, Settings, StoredDataset, decode_dataset, encode_dataset};

use crate::backups::Backups;
use crate::format::Dataset;

const DATASET_KEY: &str = "masterplan-tracker/dataset";
/// Where stored data that this version cannot read is moved, so that saving anew never destroys it.
const SET_ASIDE_KEY: &str = "masterplan-tracker/dataset-unreadable";
const SETTINGS_KEY: &str = "masterplan-tracker/settings";
const BACKUPS_KEY: &str = "masterplan-tracker/backups";

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
}

/// The browser store. Constructed only once storage is known to be reachable.
#[derive(Clone, Copy, Debug)]
pub struct Store(());

impl Store {
    /// Reaches localStorage; blocked storage (a `SecurityError`) and its absence both give `Unavailable`.
    pub fn open() -> Result<Store, StorageError> {
        let storage = web_sys::window().ok_or(StorageError::Unavailable)?.local_storage();
        match storage {
            Ok(Some(_)) => Ok(Store(())),
            _ => Err(StorageError::Unavailable),
        }
    }

    /// The stored dataset, `None` on a first visit. Stored data that cannot be read is set aside under
    /// another key before the error is returned, so the next save cannot overwrite it.
    pub fn load_dataset(self) -> Result<Option<StoredDataset>, StorageError> {
        let Some(text) = self.read(DATASET_KEY)? else {
            return Ok(None);
        };
        match decode_dataset(&text) {
            Ok(stored) => Ok(Some(stored)),
            Err(error) => {
                self.write(SET_ASIDE_KEY, &text)?;
                LocalStorage::delete(DATASET_KEY);
                Err(match error {
                    DecodeError::Unreadable(detail) => StorageError::Corrupt(detail),
                    DecodeError::Newer(version) => StorageError::Newer(version),
                })
            }
        }
    }

    pub fn save_dataset(self, dataset: &Dataset, origin: &Origin, saved_at: &str) -> Result<(), StorageError> {
        self.write(DATASET_KEY, &encode_dataset(dataset, origin, saved_at))
    }

    /// Whether a `storage` event (another tab saved) concerns the dataset or its backups.
    pub fn concerns_data(key: Option<&str>) -> bool {
        matches!(key, Some(DATASET_KEY | BACKUPS_KEY) | None)
    }

    pub fn load_settings(self) -> Settings {
        self.read(SETTINGS_KEY).ok().flatten().map(|text| Settings::decode(&text)).unwrap_or_default()
    }

    pub fn save_settings(self, settings: &Settings) -> Result<(), StorageError> {
        self.write(SETTINGS_KEY, &settings.encode())
    }

    /// The kept backups; unreadable ones count as none (they cannot be restored anyway).
    pub fn load_backups(self) -> Backups {
        self.read(BACKUPS_KEY).ok().flatten().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
    }

    /// Saves the backups, letting the oldest go while the browser has no room for them all.
    /// Returns how many were let go; fails only when not even the newest fits.
    pub fn save_backups(self, backups: &mut Backups) -> Result<usize, StorageError> {
        let mut dropped = 0;
        loop {
            let text = serde_json::to_string(backups).expect("backups always serialise");
            match self.write(BACKUPS_KEY, &text) {
                Ok(()) => return Ok(dropped),
                Err(StorageError::QuotaExceeded) if backups.drop_oldest() => dropped += 1,
                Err(error) => return Err(error),
            }
        }
    }

    fn read(self, key: &str) -> Result<Option<String>, StorageError> {
        LocalStorage::raw().get_item(key).map_err(|_| StorageError::Unavailable)
    }

    /// Writes raw text: gloo's `set` would encode it as a JSON string a second time.
    fn write(self, key: &str, text: &str) -> Result<(), StorageError> {
        LocalStorage::raw().set_item(key, text).map_err(|error| match error.dyn_ref::<web_sys::DomException>() {
            Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
            Some(e) => StorageError::WriteFailed(format!("{}: {}", e.name(), e.message())),
            None => StorageError::WriteFailed(format!("{error:?}")),
        })
    }
}
