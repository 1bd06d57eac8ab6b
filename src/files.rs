//! Files in and out of the browser: reading a file the user chose, and handing the user a download.
//! Failures come back as text for the page to show.

use std::cell::RefCell;

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

/// Reads a chosen file as UTF-8 text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    gloo_file::futures::read_as_text(&gloo_file::File::from(file)).await.map_err(|e| e.to_string())
}

thread_local! {
    /// The last download's object URL. It must outlive the click that starts the download, so it is
    /// released when the next download replaces it rather than at once.
    static LAST_DOWNLOAD: RefCell<Option<ObjectUrl>> = const { RefCell::new(None) };
}

/// Offers `contents` to the user as a file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let url = ObjectUrl::from(Blob::new_with_options(contents, Some(mime_type)));
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
