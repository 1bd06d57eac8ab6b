//! The shelf: what the app keeps that grows with the portfolio but is read only now and then (each city's
//! backups, each removed city kept to be brought back), in IndexedDB, whose room is the site's share of the
//! disk rather than localStorage's five million characters. Each city's dataset and the settings stay in
//! localStorage: its writes are synchronous, so an edit made as a tab closes is kept, and tabs hear of each
//! other's saves from it. Where the browser has no IndexedDB or blocks it, the shelf is localStorage, as in
//! earlier versions. Things keep the keys they had in localStorage; opening the shelf moves what earlier
//! versions left there over, and removes it from localStorage only once IndexedDB has it.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{PREFIX, StorageError, local_delete, local_keys_with, local_read, local_write};

/// An answer of the shelf's database, to wait for.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T, StorageError>> + 'a>>;

/// The shelf's database as the rest of the app uses it; its code comes in a chunk of its own.
pub trait Drawer {
    /// Writes every item in one transaction: all of them are kept, or none.
    fn put_all<'a>(&'a self, items: &'a [(String, String)]) -> Pending<'a, ()>;
    fn get<'a>(&'a self, key: &'a str) -> Pending<'a, Option<String>>;
    /// Every key starting with the prefix and its text, in the order of the keys.
    fn with_prefix<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<(String, String)>>;
    fn delete_all<'a>(&'a self, keys: &'a [String]) -> Pending<'a, ()>;
    fn clear(&self) -> Pending<'_, ()>;
}

/// Where things on the shelf moved from: each city's backups, each removed city.
const MOVED_PREFIXES: [&str; 2] = ["masterplan-tracker/backup/", "masterplan-tracker/removed-city/"];
/// Other cities' backups: `masterplan-tracker/city/<number>/backup/<id>`.
const CITY_PREFIX: &str = "masterplan-tracker/city/";
/// Tabs tell each other on this channel that they changed the shelf (a message of any content): IndexedDB
/// has no `storage` event.
pub const CHANGES_CHANNEL: &str = "masterplan-tracker/shelf";

/// Whether a localStorage key of an earlier version belongs on the shelf.
pub fn belongs_on_shelf(key: &str) -> bool {
    MOVED_PREFIXES.iter().any(|p| key.starts_with(p))
        || key.strip_prefix(CITY_PREFIX).and_then(|rest| rest.split_once('/')).is_some_and(|(number, rest)| {
            !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with("backup/")
        })
}

enum Backend {
    IndexedDb(Box<dyn Drawer>),
    /// No IndexedDB here: the shelf is localStorage.
    LocalStorage,
}

thread_local! {
    /// Opened once per page, on first use.
    static OPENED: RefCell<Option<Rc<Backend>>> = const { RefCell::new(None) };
    /// The page's one end of the tabs' channel: what it posts reaches the other tabs, not itself.
    static CHANNEL_END: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANGES_CHANNEL).ok();
}

async fn backend() -> Rc<Backend> {
    if let Some(opened) = OPENED.with(|o| o.borrow().clone()) {
        return opened;
    }
    let open = super::idb::opener().await;
    let backend = Rc::new(match open(forget_opened).await {
        // What earlier versions left in localStorage must be found: if it cannot move, the shelf stays in
        // localStorage for this page.
        Ok(database) if move_from_local_storage(&*database).await => Backend::IndexedDb(database),
        _ => Backend::LocalStorage,
    });
    // Two first uses at the same moment each open the database; the first one opened is kept.
    OPENED.with(|o| Rc::clone(o.borrow_mut().get_or_insert(backend)))
}

/// The connection is gone: the next use opens the database again.
fn forget_opened() {
    OPENED.with(|o| o.borrow_mut().take());
}

/// Whether the shelf is localStorage (the browser has no IndexedDB), so that backups share its room with
/// the datasets; `false` until the shelf is first opened.
pub fn on_local_storage() -> bool {
    OPENED.with(|o| o.borrow().as_deref().is_some_and(|b| matches!(b, Backend::LocalStorage)))
}

/// Moves what earlier versions kept in localStorage onto the shelf, in one transaction; each key leaves
/// localStorage only once the transaction is complete, and only if it still holds what moved. Whether
/// nothing is left behind: what cannot move stays where it is (and is moved on the next opening).
async fn move_from_local_storage(database: &dyn Drawer) -> bool {
    let items: Vec<(String, String)> = local_keys_with(PREFIX)
        .into_iter()
        .filter(|k| belongs_on_shelf(k))
        .filter_map(|k| local_read(&k).ok().flatten().map(|v| (k, v)))
        .collect();
    if items.is_empty() {
        return true;
    }
    if database.put_all(&items).await.is_err() {
        return false;
    }
    for (key, text) in &items {
        // Written again meanwhile (a tab of an earlier version): it moves on the next opening.
        if local_read(key).ok().flatten().as_ref() == Some(text) {
            local_delete(key);
        }
    }
    announce();
    true
}

/// Puts text on the shelf under `key`, replacing what was there.
pub async fn put(key: &str, text: &str) -> Result<(), StorageError> {
    match &*backend().await {
        Backend::IndexedDb(database) => {
            database.put_all(&[(key.to_owned(), text.to_owned())]).await?;
            announce();
            Ok(())
        }
        Backend::LocalStorage => local_write(key, text),
    }
}

/// The text under `key`, `None` when there is none.
pub async fn get(key: &str) -> Result<Option<String>, StorageError> {
    match &*backend().await {
        Backend::IndexedDb(database) => database.get(key).await,
        Backend::LocalStorage => local_read(key),
    }
}

/// Every key and its text whose key starts with `prefix`, in the order of the keys.
pub async fn with_prefix(prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
    match &*backend().await {
        Backend::IndexedDb(database) => database.with_prefix(prefix).await,
        Backend::LocalStorage => {
            let mut found: Vec<(String, String)> = local_keys_with(prefix)
                .into_iter()
                .filter_map(|k| local_read(&k).ok().flatten().map(|v| (k, v)))
                .collect();
            found.sort();
            Ok(found)
        }
    }
}

/// Removes the keys from the shelf.
pub async fn delete(keys: &[String]) -> Result<(), StorageError> {
    if keys.is_empty() {
        return Ok(());
    }
    match &*backend().await {
        Backend::IndexedDb(database) => {
            database.delete_all(keys).await?;
            announce();
            Ok(())
        }
        Backend::LocalStorage => {
            keys.iter().for_each(|k| local_delete(k));
            Ok(())
        }
    }
}

/// Empties the shelf: for tests that start from an empty browser, as `localStorage.clear()` does for the
/// rest.
pub async fn clear() -> Result<(), StorageError> {
    match &*backend().await {
        Backend::IndexedDb(database) => database.clear().await,
        Backend::LocalStorage => Ok(()),
    }
}

/// Tells the page's other tabs that the shelf changed.
fn announce() {
    CHANNEL_END.with(|end| {
        if let Some(end) = end {
            let _ = end.post_message(&JsValue::TRUE);
        }
    });
}

/// Calls `changed` whenever another tab changes the shelf, while the returned listener is kept.
pub struct ShelfListener {
    _callback: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl ShelfListener {
    pub fn new(mut changed: impl FnMut() + 'static) -> Option<ShelfListener> {
        let callback = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| changed());
        CHANNEL_END.with(|end| end.as_ref().map(|end| end.set_onmessage(Some(callback.as_ref().unchecked_ref()))))?;
        Some(ShelfListener { _callback: callback })
    }
}

impl Drop for ShelfListener {
    fn drop(&mut self) {
        CHANNEL_END.with(|end| end.as_ref().map(|end| end.set_onmessage(None)));
    }
}

#[cfg(test)]
mod tests {
    use super::belongs_on_shelf;

    #[test]
    fn backups_and_removed_cities_belong_on_the_shelf_datasets_and_settings_do_not() {
        for key in [
            "masterplan-tracker/backup/1764288000000",
            "masterplan-tracker/city/2/backup/1764288000000",
            "masterplan-tracker/removed-city/3",
        ] {
            assert!(belongs_on_shelf(key), "{key}");
        }
        for key in [
            "masterplan-tracker/dataset",
            "masterplan-tracker/settings",
            "masterplan-tracker/city/2/dataset",
            "masterplan-tracker/city/2/unreadable/1",
            "masterplan-tracker/city/x/backup/1",
            "masterplan-tracker/cities",
            "masterplan-tracker/backups",
            "other-site/backup/1",
        ] {
            assert!(!belongs_on_shelf(key), "{key}");
        }
    }
}
