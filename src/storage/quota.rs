//! What the browser says of the room it gives the site and whether it keeps the site's data for good: the
//! StorageManager API (`navigator.storage`), where there is one. localStorage has a limit of its own
//! (about five million characters per site), which the app counts itself.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The browser's estimate for the whole site, in bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!storage.is_undefined() && !storage.is_null()).then(|| storage.unchecked_into())
}

async fn call(method: &str) -> Option<JsValue> {
    let manager = manager()?;
    let function: js_sys::Function =
        js_sys::Reflect::get(&manager, &JsValue::from_str(method)).ok()?.dyn_into().ok()?;
    let promise: js_sys::Promise = function.call0(&manager).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

/// `navigator.storage.estimate()`; `None` where the browser has no such thing.
pub async fn estimate() -> Option<Estimate> {
    let value = call("estimate").await?;
    let number = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok()?.as_f64();
    Some(Estimate { usage: number("usage")?, quota: number("quota")? })
}

/// Whether the browser already keeps the site's data for good; `None` where it cannot say.
pub async fn persisted() -> Option<bool> {
    call("persisted").await?.as_bool()
}

/// Asks the browser to keep the site's data for good; its answer, `None` where it cannot be asked.
pub async fn persist() -> Option<bool> {
    call("persist").await?.as_bool()
}
