//! The cities of a portfolio in the browser: which cities there are (their numbers and names, kept under one
//! key), the keys each city's data lives under, and a removed city's data kept to be brought back. The page
//! works on one city at a time, named in its address (`?city=2`).

use serde::{Deserialize, Serialize};

use super::{BrowserStorage, PREFIX, StorageError, shelf};
use crate::backups::{Backup, BackupReason};
use crate::format::Dataset;
use crate::import::Origin;

/// A city's number in this browser. The first city keeps the keys of the versions before several cities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CityId(pub u32);

impl CityId {
    pub const FIRST: CityId = CityId(0);

    /// The key of one of the city's things: the first city's as it always was (`first`), another's under
    /// its number (`masterplan-tracker/city/2/dataset`).
    pub(super) fn key(self, first: &str, rest: &str) -> String {
        if self == CityId::FIRST { first.to_owned() } else { format!("{PREFIX}city/{}/{rest}", self.0) }
    }
}

/// One city of the portfolio as the switcher lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityEntry {
    pub id: CityId,
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}

const CITIES_KEY: &str = "masterplan-tracker/cities";
/// The highest city number ever given: numbers only go up, so that a removed city's keys (kept to bring it
/// back) never become another city's.
const LAST_ID_KEY: &str = "masterplan-tracker/last-city";
/// Each removed city's dataset and list entry, under its number, to be brought back: on the shelf.
const REMOVED_PREFIX: &str = "masterplan-tracker/removed-city/";

/// The cities listed; empty while the browser holds one city only (the first, under its old keys).
pub fn list(storage: BrowserStorage) -> Vec<CityEntry> {
    storage.read(CITIES_KEY).ok().flatten().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
}

fn save_list(storage: BrowserStorage, cities: &[CityEntry]) -> Result<(), StorageError> {
    storage.write(CITIES_KEY, &serde_json::to_string(cities).expect("a list of cities always serialises"))
}

/// The city a page opens: the one its address names if it is listed, else the first city if it is listed,
/// else the first listed.
pub fn resolve(storage: BrowserStorage, named: Option<CityId>) -> CityId {
    let cities = list(storage);
    let listed = |id: CityId| cities.iter().any(|c| c.id == id);
    match named {
        _ if cities.is_empty() => CityId::FIRST,
        Some(id) if listed(id) => id,
        _ if listed(CityId::FIRST) => CityId::FIRST,
        _ => cities[0].id,
    }
}

/// Adds a dataset as another city, stored as if imported from `file`; returns its number. The city the page
/// works on is listed first if the list did not exist yet.
pub fn add(
    storage: BrowserStorage,
    current: &Dataset,
    dataset: &Dataset,
    file: &str,
    saved_at: &str,
) -> Result<CityId, StorageError> {
    let mut cities = list(storage);
    if cities.is_empty() {
        cities.push(CityEntry {
            id: storage.city(),
            city: current.plan.city.clone(),
            province: current.plan.province.clone(),
        });
    }
    let last: u32 = storage.read(LAST_ID_KEY)?.and_then(|t| t.parse().ok()).unwrap_or(0);
    let mut id = CityId(cities.iter().map(|c| c.id.0).max().unwrap_or(0).max(last) + 1);
    // Never over data a number already holds (a list lost). A removed city's number is at most the last
    // given, so it is never given again.
    while (BrowserStorage { city: id }).has_dataset() {
        id.0 += 1;
    }
    storage.write(LAST_ID_KEY, &id.0.to_string())?;
    let city = BrowserStorage { city: id };
    city.save_dataset(dataset, &Origin::Imported { file: file.to_owned() }, saved_at, 1)?;
    cities.push(CityEntry { id, city: dataset.plan.city.clone(), province: dataset.plan.province.clone() });
    if let Err(error) = save_list(storage, &cities) {
        city.delete_dataset();
        return Err(error);
    }
    Ok(id)
}

/// Replaces a listed city's data (not the page's own: that goes through the data store) with a dataset from
/// `file`. What was there is kept first as one of that city's backups, on the shelf; a newer version's data
/// is never written over. Another tab working on the city takes the new data as another tab's save.
pub async fn replace(
    storage: BrowserStorage,
    id: CityId,
    dataset: &Dataset,
    file: &str,
    saved_at: &str,
) -> Result<(), StorageError> {
    let city = BrowserStorage { city: id };
    // What is replaced is what the backup holds: if another tab saves the city while the backup is written,
    // that save is backed up in turn.
    let revision = loop {
        let head = city.stored_head()?;
        let revision = match city.load_dataset() {
            Ok(Some(old)) => {
                let mut backups = city.load_backups().await?;
                let reason = BackupReason::BeforeImport { file: file.to_owned() };
                let taken = backups.next_id(crate::files::now_ms());
                let backup = Backup::of(&old.dataset, old.origin, reason, taken, saved_at.to_owned());
                city.keep_backup(&backup).await?;
                let _ = city.let_go_backups(&backups.push(backup)).await;
                old.revision
            }
            Ok(None) => 0,
            // Damaged data was set aside, to be downloaded from that city's data panel.
            Err(StorageError::Corrupt(_)) => 0,
            Err(error) => return Err(error),
        };
        if city.stored_head()? == head {
            break revision;
        }
    };
    if !list(storage).iter().any(|c| c.id == id) {
        return Err(StorageError::WriteFailed("the city was removed meanwhile".into()));
    }
    city.save_dataset(dataset, &Origin::Imported { file: file.to_owned() }, saved_at, revision + 1)?;
    rename(storage, id, &dataset.plan.city, dataset.plan.province.as_deref());
    Ok(())
}

/// Keeps the city's name in the list as its plan says.
pub fn rename(storage: BrowserStorage, id: CityId, city: &str, province: Option<&str>) {
    let mut cities = list(storage);
    if let Some(entry) = cities.iter_mut().find(|c| c.id == id)
        && (entry.city != city || entry.province.as_deref() != province)
    {
        entry.city = city.to_owned();
        entry.province = province.map(str::to_owned);
        let _ = save_list(storage, &cities);
    }
}

/// The stored dataset of a listed city, for the comparison; `None` when it cannot be read.
pub fn dataset(id: CityId) -> Option<Dataset> {
    let city = BrowserStorage { city: id };
    city.read(&city.dataset_key())
        .ok()
        .flatten()
        .and_then(|text| super::envelope::decode_dataset(&text).ok())
        .map(|s| s.dataset)
}

/// The removed city kept: its list entry and its stored data, as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Removed {
    entry: CityEntry,
    stored: String,
}

/// Removes a city that the page is not working on: its dataset is kept on the shelf first (to bring it
/// back), then it leaves the list; its backups and settings stay under its number. The last city is never
/// removed.
pub async fn remove(storage: BrowserStorage, id: CityId) -> Result<CityEntry, StorageError> {
    let cities = list(storage);
    let Some(entry) = cities.iter().find(|c| c.id == id).cloned() else {
        return Err(StorageError::Corrupt("no such city".into()));
    };
    if cities.len() < 2 || id == storage.city() {
        return Err(StorageError::WriteFailed("the city the page works on stays".into()));
    }
    let city = BrowserStorage { city: id };
    // Another tab working on the city may save it while the copy is written: the copy kept is the last.
    loop {
        let stored = city.read(&city.dataset_key())?.unwrap_or_default();
        let removed = Removed { entry: entry.clone(), stored: stored.clone() };
        let text = serde_json::to_string(&removed).expect("a removed city always serialises");
        shelf::put(&removed_key(id), &text).await?;
        if city.read(&city.dataset_key())?.unwrap_or_default() == stored {
            break;
        }
    }
    // The list as it is now: another tab may have changed it while the copy was written.
    let mut cities = list(storage);
    cities.retain(|c| c.id != id);
    save_list(storage, &cities)?;
    city.delete_dataset();
    Ok(entry)
}

fn removed_key(id: CityId) -> String {
    format!("{REMOVED_PREFIX}{}", id.0)
}

/// Brings a removed city back, under its number (never given to another); `None` when it is not kept.
pub async fn bring_back(storage: BrowserStorage, id: CityId) -> Result<Option<CityEntry>, StorageError> {
    let kept = removed_key(id);
    let Some(text) = shelf::get(&kept).await? else { return Ok(None) };
    let Ok(removed) = serde_json::from_str::<Removed>(&text) else { return Ok(None) };
    let city = BrowserStorage { city: removed.entry.id };
    city.write(&city.dataset_key(), &removed.stored)?;
    let mut cities = list(storage);
    if !cities.iter().any(|c| c.id == removed.entry.id) {
        cities.push(removed.entry.clone());
        cities.sort_by_key(|c| c.id);
    }
    save_list(storage, &cities)?;
    shelf::delete(&[kept]).await?;
    Ok(Some(removed.entry))
}
