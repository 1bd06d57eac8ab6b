//! The app's state, shared through context: the data store (the dataset, its revision, history, backups
//! and saving), the import flow, the downloads, the notices (one channel for every message) and the
//! settings. Each is a handle of signals, cheap to copy; `provide` makes them for the page.

pub mod exports;
pub mod imports;
pub mod notices;
pub mod settings;
pub mod store;

use leptos::prelude::*;

use crate::format::Dataset;
use crate::i18n::Lang;
use crate::storage::{BrowserStorage, CityId, cities};

use exports::Exports;
use imports::ImportFlow;
use notices::Notices;
use settings::Settings;
use store::DataStore;

/// Loads what the browser keeps and provides every part of the state as context; `lang_param` is `?lang=`
/// of the page's address, `city` its `?city=`.
pub fn provide(lang_param: Option<Lang>, city: Option<CityId>) -> (DataStore, ImportFlow, Settings, Notices, Exports) {
    let notices = Notices::new();
    // The city the address names, if the browser lists it; the first city otherwise.
    let city = BrowserStorage::open(CityId::FIRST).map_or(CityId::FIRST, |first| cities::resolve(first, city));
    let (storage, problem) = match BrowserStorage::open(city) {
        Ok(storage) => (Some(storage), None),
        Err(error) => (None, Some(error)),
    };
    let settings = Settings::load(storage, lang_param, notices);
    let store = DataStore::load(storage, problem, notices, settings);
    let imports = ImportFlow::new(store, notices);
    let exports = Exports::new(store, settings, notices);
    provide_context(notices);
    provide_context(settings);
    provide_context(store);
    provide_context(imports);
    provide_context(exports);
    (store, imports, settings, notices, exports)
}

/// Every city of the portfolio with its data: the page's own from the store (its latest edits), the others
/// as stored.
pub fn portfolio_cities(store: DataStore) -> Vec<(CityId, Dataset)> {
    let current = store.city();
    let Some(storage) = store.storage() else { return vec![(current, store.with(Dataset::clone))] };
    let listed = cities::list(storage);
    if listed.is_empty() {
        return vec![(current, store.with(Dataset::clone))];
    }
    listed
        .into_iter()
        .filter_map(|entry| {
            if entry.id == current {
                Some((entry.id, store.with(Dataset::clone)))
            } else {
                cities::dataset(entry.id).map(|d| (entry.id, d))
            }
        })
        .collect()
}
