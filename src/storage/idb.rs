//! The shelf's IndexedDB database, through the `idb` crate: one object store of texts under string keys,
//! written in transactions that are waited for until committed, every failure a `StorageError`. In the
//! release bundle its code is a chunk of its own (`opener`), fetched when the shelf is first used: the first
//! view needs none of it.

use idb::{Factory, KeyRange, ObjectStoreParams, Query, TransactionMode};
use std::future::IntoFuture;

use wasm_bindgen::JsValue;

use super::StorageError;
use super::shelf::{Drawer, Pending};

/// What opens the database, once its code is there; `lost` is called when the connection is gone (the
/// browser closed it, or a newer version of the app wants to upgrade the database), so that the next use
/// opens it again.
pub type Opener = fn(lost: fn()) -> Pending<'static, Box<dyn Drawer>>;

fn open(lost: fn()) -> Pending<'static, Box<dyn Drawer>> {
    Box::pin(async move { Ok(Box::new(Database::open(lost).await?) as Box<dyn Drawer>) })
}

#[cfg(split)]
#[leptos::lazy]
pub fn opener() -> Opener {
    open
}

#[cfg(not(split))]
pub async fn opener() -> Opener {
    open
}

impl Drawer for Database {
    fn put_all<'a>(&'a self, items: &'a [(String, String)]) -> Pending<'a, ()> {
        Box::pin(Database::put_all(self, items))
    }

    fn get<'a>(&'a self, key: &'a str) -> Pending<'a, Option<String>> {
        Box::pin(Database::get(self, key))
    }

    fn with_prefix<'a>(&'a self, prefix: &'a str) -> Pending<'a, Vec<(String, String)>> {
        Box::pin(Database::with_prefix(self, prefix))
    }

    fn delete_all<'a>(&'a self, keys: &'a [String]) -> Pending<'a, ()> {
        Box::pin(Database::delete_all(self, keys))
    }

    fn clear(&self) -> Pending<'_, ()> {
        Box::pin(Database::clear(self))
    }
}

const NAME: &str = "masterplan-tracker";
const VERSION: u32 = 1;
const STORE: &str = "shelf";

pub struct Database(idb::Database);

fn failed(error: idb::Error) -> StorageError {
    match error {
        idb::Error::DomException(exception) => super::write_error(&exception.into()),
        idb::Error::TransactionCommitError(value) | idb::Error::UpdateFailed(value) => super::write_error(&value),
        // The crate's other errors are of its own use of the API (a wrong type back); their words are not
        // worth their weight in the bundle.
        _ => StorageError::WriteFailed("IndexedDB".into()),
    }
}

impl Database {
    /// Opens the database, creating its one store on the first opening; fails where the browser has no
    /// IndexedDB or blocks it.
    pub async fn open(lost: fn()) -> Result<Database, StorageError> {
        let mut request = Factory::new().map_err(failed)?.open(NAME, Some(VERSION)).map_err(failed)?;
        request.on_upgrade_needed(|event| {
            use idb::{DatabaseEvent as _, Event as _, Request as _};
            let created = event.database().and_then(|database| {
                if database.store_names().iter().any(|name| name == STORE) {
                    Ok(())
                } else {
                    database.create_object_store(STORE, ObjectStoreParams::new()).map(drop)
                }
            });
            // The upgrade cannot return an error: aborted, the opening fails instead.
            if created.is_err()
                && let Some(transaction) = event.target().ok().and_then(|request| request.transaction())
            {
                let _ = transaction.abort();
            }
        });
        let mut database = request.await.map_err(failed)?;
        database.on_close(move |_| lost());
        database.on_version_change(move |event| {
            // Closed at once, so that the newer version's upgrade is not blocked by this page.
            if let Some(database) =
                event.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::IdbDatabase>(t).ok())
            {
                database.close();
            }
            lost();
        });
        Ok(Database(database))
    }

    fn store(&self, mode: TransactionMode) -> Result<(idb::Transaction, idb::ObjectStore), StorageError> {
        let transaction = self.0.transaction(&[STORE], mode).map_err(failed)?;
        let store = transaction.object_store(STORE).map_err(failed)?;
        Ok((transaction, store))
    }

    /// Commits a transaction whose requests are all made and waits until it is done; an aborted one is an
    /// error. Every future is made before anything is awaited: the crate's futures listen for their events
    /// only from when they are made, and an event that fired before would be waited for forever.
    async fn finish<R, T>(transaction: idb::Transaction, requests: Vec<R>) -> Result<(), StorageError>
    where
        R: std::future::Future<Output = Result<T, idb::Error>>,
    {
        // Chromium aborts the transaction on a full quota rather than failing the request: its error says so.
        let raw: web_sys::IdbTransaction = transaction.into();
        let done = idb::Transaction::from(raw.clone()).commit().map_err(failed)?.into_future();
        // Each request's own failure (the quota) says more than the aborted transaction.
        for request in requests {
            request.await.map_err(failed)?;
        }
        if done.await.map_err(failed)?.is_committed() {
            Ok(())
        } else {
            Err(raw.error().map_or_else(
                || StorageError::WriteFailed("IndexedDB: the transaction was aborted".into()),
                |error| super::write_error(&error.into()),
            ))
        }
    }

    /// Writes every item in one transaction: all of them are kept, or none.
    pub async fn put_all(&self, items: &[(String, String)]) -> Result<(), StorageError> {
        let (transaction, store) = self.store(TransactionMode::ReadWrite)?;
        let mut requests = Vec::with_capacity(items.len());
        for (key, text) in items {
            let request = store.put(&JsValue::from_str(text), Some(&JsValue::from_str(key))).map_err(failed)?;
            requests.push(request.into_future());
        }
        Self::finish(transaction, requests).await
    }

    pub async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let (_transaction, store) = self.store(TransactionMode::ReadOnly)?;
        let value = store.get(JsValue::from_str(key)).map_err(failed)?.await.map_err(failed)?;
        Ok(value.and_then(|v| v.as_string()))
    }

    /// Every key starting with `prefix` and its text, in the order of the keys.
    pub async fn with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        let (_transaction, store) = self.store(TransactionMode::ReadOnly)?;
        let range = || {
            // Every key that starts with the prefix sorts between it and it followed by the last character.
            KeyRange::bound(&JsValue::from_str(prefix), &JsValue::from_str(&format!("{prefix}\u{ffff}")), None, None)
                .map(Query::from)
                .map_err(failed)
        };
        let keys = store.get_all_keys(Some(range()?), None).map_err(failed)?.into_future();
        let values = store.get_all(Some(range()?), None).map_err(failed)?.into_future();
        let keys = keys.await.map_err(failed)?;
        let values = values.await.map_err(failed)?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter_map(|(key, value)| Some((key.as_string()?, value.as_string()?)))
            .collect())
    }

    pub async fn delete_all(&self, keys: &[String]) -> Result<(), StorageError> {
        let (transaction, store) = self.store(TransactionMode::ReadWrite)?;
        let mut requests = Vec::with_capacity(keys.len());
        for key in keys {
            requests.push(store.delete(JsValue::from_str(key)).map_err(failed)?.into_future());
        }
        Self::finish(transaction, requests).await
    }

    pub async fn clear(&self) -> Result<(), StorageError> {
        let (transaction, store) = self.store(TransactionMode::ReadWrite)?;
        let request = store.clear().map_err(failed)?.into_future();
        Self::finish(transaction, vec![request]).await
    }
}
