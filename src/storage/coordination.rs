//! Coordination between tabs of the page: the Web Locks API where the browser has it, so that no two tabs
//! check and write the stored data at the same moment. Where there is none (an old browser, a page not
//! served over https or from localhost), the work runs at once and the revision check alone guards the data.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`; web-sys has it only behind its unstable APIs.
    type LockManager;

    #[wasm_bindgen(method, catch)]
    fn request(this: &LockManager, name: &str, callback: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// The one lock the tabs share for the stored data.
const DATA_LOCK: &str = "masterplan-tracker/data";

/// How long a tab keeps the lock after writing. Other tabs hear of a localStorage write a moment later
/// (each keeps a copy that the browser updates); a tab granted the lock next must read the new data, not
/// its copy of the old.
const HOLD_AFTER_WRITE_MS: i32 = 50;

thread_local! {
    /// What a lock request that fails later does: nothing (the page is going away); one handler for all.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

/// Whether this browser coordinates tabs with Web Locks.
pub fn has_locks() -> bool {
    lock_manager().is_some()
}

fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Runs `work` while this tab alone holds the data lock, or at once where there are no Web Locks.
pub fn with_data_lock(work: impl FnOnce() + 'static) {
    let work = Rc::new(RefCell::new(Some(work)));
    let Some(locks) = lock_manager() else {
        run(&work);
        return;
    };
    let granted = Rc::clone(&work);
    let callback = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        run(&granted);
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, HOLD_AFTER_WRITE_MS);
            }
        })
    });
    match locks.request(DATA_LOCK, &callback) {
        Ok(promise) => IGNORE.with(|ignore| drop(promise.catch(ignore))),
        Err(_) => run(&work),
    }
}

fn run<F: FnOnce()>(work: &Rc<RefCell<Option<F>>>) {
    let taken = work.borrow_mut().take();
    if let Some(work) = taken {
        work();
    }
}
