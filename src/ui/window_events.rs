//! Every listener on the window and the document, in one place: other tabs' saves (`storage`), a share
//! link pasted into the address (`hashchange`), Back and Forward (`popstate`), printing, the keyboard's
//! undo, redo and print, files dropped and text pasted anywhere, and the page being hidden or closed
//! (`visibilitychange`, `pagehide`: unsaved changes are written at once; `beforeunload` asks only while
//! something could not be saved).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::import::Source;
use crate::state::imports::ImportFlow;
use crate::state::settings::Settings;
use crate::state::store::DataStore;
use crate::storage::{BrowserStorage, KeyKind};

use super::address::{Navigation, View};
use super::scorecards;

/// Listens for the page's lifetime; returns whether a file is being dragged over the page.
pub fn listen(store: DataStore, imports: ImportFlow, settings: Settings, navigation: Navigation) -> RwSignal<bool> {
    let _ = window_event_listener(leptos::ev::hashchange, move |_| imports.open_share_link());
    let _ = window_event_listener(leptos::ev::storage, move |ev| match BrowserStorage::key_kind(ev.key().as_deref()) {
        KeyKind::Settings => settings.reload(),
        KeyKind::Other => {}
        kind => store.stored_elsewhere(kind),
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| navigation.follow_address());
    // A scorecard printed alone marks the page for the print style sheet; the next print is the whole page.
    let _ = window_event_listener(leptos::ev::afterprint, move |_| scorecards::clear_print_marks());
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| scorecards::before_print());
    keyboard(store, navigation);
    leaving(store);
    paste_anywhere(imports);
    drop_anywhere(imports)
}

/// Ctrl+P prints the evaluation report, whatever view is open. Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y)
/// redoes, except in a text field, where they keep their usual meaning for the text being typed.
fn keyboard(store: DataStore, navigation: Navigation) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let key = ev.key().to_lowercase();
        if key == "p" && !ev.shift_key() {
            ev.prevent_default();
            print_report(navigation);
            return;
        }
        if is_text_entry(ev.target()) {
            return;
        }
        match key.as_str() {
            "z" if ev.shift_key() => store.redo(),
            "z" => store.undo(),
            "y" => store.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
}

fn print_report(navigation: Navigation) {
    scorecards::clear_print_marks();
    navigation.open(View::Report);
    // Print once the report is laid out.
    request_animation_frame(move || {
        set_timeout(
            || {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            },
            std::time::Duration::from_millis(200),
        )
    });
}

/// A page that is hidden may be closed without another event: what is not saved is written then. Leaving
/// asks for confirmation only while something could not be saved.
fn leaving(store: DataStore) {
    let _ = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        store.flush();
        if store.unsaved_at_leaving() {
            ev.prevent_default();
            // Older browsers ask only when a return value is set.
            ev.set_return_value("unsaved");
        }
    });
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let hidden = Closure::<dyn Fn()>::new(move || {
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
            store.flush();
        }
    });
    let _ = document.add_event_listener_with_callback("visibilitychange", hidden.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    hidden.forget();
}

/// Whether keys and pastes aimed at `target` are someone typing text (a text field, a text area, an editable
/// element), which keeps its own undo and paste.
fn is_text_entry(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|element| {
        match element.tag_name().as_str() {
            "TEXTAREA" => true,
            "INPUT" => {
                !matches!(element.get_attribute("type").as_deref(), Some("checkbox" | "radio" | "button" | "submit"))
            }
            _ => element.closest("[contenteditable]").ok().flatten().is_some(),
        }
    })
}

/// A file dropped anywhere on the page is imported; while one is dragged over it the page says so.
fn drop_anywhere(imports: ImportFlow) -> RwSignal<bool> {
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|t| t.types().iter().any(|kind| kind.as_string().as_deref() == Some("Files")))
    };
    let _ = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            // Without this the browser would open the file instead of handing it to the page.
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let _ = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window, not moving between the page's own elements.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|t| t.files()).and_then(|files| files.get(0)) {
            ev.prevent_default();
            imports.receive_file(file);
        }
    });
    dragging
}

/// Dataset text pasted onto the page (not into a field) is imported like a file.
fn paste_anywhere(imports: ImportFlow) {
    let _ = window_event_listener(leptos::ev::paste, move |ev| {
        let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text").ok()) else { return };
        if !is_text_entry(ev.target()) && text.trim_start().starts_with('{') {
            ev.prevent_default();
            imports.receive_text(Source::Pasted, &text);
        }
    });
}
