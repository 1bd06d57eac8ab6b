//! Files in and out of the browser: reading a chosen or dropped file with progress (and abort), and
//! handing the user a download. Failures come back as text for the page to show.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A file being read. Keep it until `on_done` has run; `abort` stops it.
pub struct Reading {
    reader: web_sys::FileReader,
    _listeners: Vec<Closure<dyn FnMut(web_sys::ProgressEvent)>>,
}

impl Reading {
    /// Starts reading `file` as UTF-8 text. `on_progress` gets the fraction read so far; `on_done` the text
    /// or what went wrong. Neither is called after `abort`.
    pub fn start(
        file: &web_sys::File,
        on_progress: impl Fn(f64) + 'static,
        on_done: impl FnOnce(Result<String, String>) + 'static,
    ) -> Result<Reading, String> {
        let reader = web_sys::FileReader::new().map_err(|e| format!("{e:?}"))?;
        let on_done = Rc::new(RefCell::new(Some(on_done)));
        let finish = {
            let on_done = on_done.clone();
            move |outcome: Result<String, String>| {
                if let Some(done) = on_done.borrow_mut().take() {
                    done(outcome);
                }
            }
        };
        let progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                on_progress(event.loaded() / event.total());
            }
        });
        let load = {
            let reader = reader.clone();
            let finish = finish.clone();
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |_| {
                let text = reader.result().ok().and_then(|r| r.as_string());
                finish(text.ok_or_else(|| "the file is not text".to_owned()));
            })
        };
        let error = {
            let reader = reader.clone();
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |_| {
                let detail = reader
                    .error()
                    .map_or_else(|| "read error".to_owned(), |e| format!("{}: {}", e.name(), e.message()));
                finish(Err(detail));
            })
        };
        let abort = {
            let on_done = on_done.clone();
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |_| {
                on_done.borrow_mut().take();
            })
        };
        for (event, listener) in [("progress", &progress), ("load", &load), ("error", &error), ("abort", &abort)] {
            reader
                .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
                .map_err(|e| format!("{e:?}"))?;
        }
        reader.read_as_text(file).map_err(|e| format!("{e:?}"))?;
        Ok(Reading { reader, _listeners: vec![progress, load, error, abort] })
    }

    pub fn abort(&self) {
        self.reader.abort();
    }
}

thread_local! {
    /// The last download's object URL. It must outlive the click that starts the download, so it is
    /// released when the next download replaces it rather than at once.
    static LAST_DOWNLOAD: RefCell<Option<ObjectUrl>> = const { RefCell::new(None) };
}

/// Offers text to the user as a file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    offer(file_name, Blob::new_with_options(contents, Some(mime_type)))
}

/// Offers bytes to the user as a file called `file_name`.
pub fn download_bytes(file_name: &str, mime_type: &str, contents: &[u8]) -> Result<(), String> {
    offer(file_name, Blob::new_with_options(contents, Some(mime_type)))
}

fn offer(file_name: &str, blob: Blob) -> Result<(), String> {
    let url = ObjectUrl::from(blob);
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    LAST_DOWNLOAD.with(|last| last.replace(Some(url)));
    Ok(())
}

/// The current time as RFC 3339, for `exported_at` and `saved_at`.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The current time in milliseconds since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The page's address, and its fragment after `#` (empty when there is none).
pub fn page_address() -> Option<(String, String)> {
    let location = web_sys::window()?.location();
    Some((location.href().ok()?, location.hash().ok()?.trim_start_matches('#').to_owned()))
}

/// Removes the fragment from the address bar without a reload, so that a reload does not import again.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let (Ok(history), Ok(path), Ok(search)) =
        (window.history(), window.location().pathname(), window.location().search())
    else {
        return;
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// Puts text on the clipboard where the browser allows it.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(|e| format!("{e:?}"))
}
