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
    /// Starts reading `file`'s bytes (a workbook is no text; the importer tells). `on_progress` gets the
    /// fraction read so far; `on_done` the bytes or what went wrong. Neither is called after `abort`.
    pub fn start(
        file: &web_sys::File,
        on_progress: impl Fn(f64) + 'static,
        on_done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
    ) -> Result<Reading, String> {
        let reader = web_sys::FileReader::new().map_err(|e| format!("{e:?}"))?;
        let on_done = Rc::new(RefCell::new(Some(on_done)));
        let finish = {
            let on_done = on_done.clone();
            move |outcome: Result<Vec<u8>, String>| {
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
                let bytes = reader.result().ok().map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
                finish(bytes.ok_or_else(|| "the file could not be read".to_owned()));
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
        reader.read_as_array_buffer(file).map_err(|e| format!("{e:?}"))?;
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

/// Today's date where the user is, `YYYY-MM-DD`: the local calendar day, not UTC's (in Indonesia UTC is
/// still on yesterday until 07:00 WIB).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The local calendar day of a moment given in milliseconds since 1970, `YYYY-MM-DD`.
pub fn date_of_ms(ms: u64) -> String {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:04}-{:02}-{:02}", at.get_full_year(), at.get_month() + 1, at.get_date())
}

/// The moment given in milliseconds since 1970, as RFC 3339.
pub fn rfc3339_of_ms(ms: u64) -> String {
    String::from(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).to_iso_string())
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

/// An SVG drawing as PNG bytes at `scale` times its size, rendered by the browser (for slides).
pub async fn svg_to_png(svg: &str, scale: f64) -> Result<web_sys::Blob, String> {
    let error = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let url = ObjectUrl::from(Blob::new_with_options(svg, Some("image/svg+xml")));
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let image: web_sys::HtmlImageElement = document.create_element("img").map_err(error)?.unchecked_into();
    image.set_src(&url);
    wasm_bindgen_futures::JsFuture::from(image.decode()).await.map_err(error)?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(error)?.unchecked_into();
    let (width, height) = (f64::from(image.natural_width()) * scale, f64::from(image.natural_height()) * scale);
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(error)?.ok_or("no 2d context")?.unchecked_into();
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height).map_err(error)?;
    let blob = js_sys::Promise::new(&mut |resolve, reject| {
        let callback = Closure::once_into_js(move |blob: wasm_bindgen::JsValue| {
            let _ = if blob.is_null() {
                reject.call1(&wasm_bindgen::JsValue::NULL, &"no PNG".into())
            } else {
                resolve.call1(&wasm_bindgen::JsValue::NULL, &blob)
            };
        });
        let _ = canvas.to_blob(callback.unchecked_ref());
    });
    Ok(wasm_bindgen_futures::JsFuture::from(blob).await.map_err(error)?.unchecked_into())
}

/// Offers a blob to the user as a file called `file_name`.
pub fn download_blob(file_name: &str, blob: web_sys::Blob) -> Result<(), String> {
    offer(file_name, Blob::from(blob))
}

/// Puts a PNG image on the clipboard where the browser allows it.
pub async fn copy_png_to_clipboard(png: web_sys::Blob) -> Result<(), String> {
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &"image/png".into(), &png).map_err(|e| format!("{e:?}"))?;
    let item =
        web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&items).map_err(|e| format!("{e:?}"))?;
    let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
        .await
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}
