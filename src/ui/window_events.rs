//! Every listener on the window and the document, in one place: other tabs' saves (`storage`, and the
//! shelf's channel for backups), a share
//! link pasted into the address (`hashchange`), Back and Forward (`popstate`), printing, the keyboard's
//! undo, redo and print, files dropped and text pasted anywhere, the page being hidden or closed
//! (`visibilitychange`, `pagehide`: unsaved changes are written at once; `beforeunload` asks only while
//! something could not be saved), a new build of the app waiting (`app-update-ready`, from boot.js), the
//! window's width (`resize`), and, while a presentation is open, its keys and full screen.

use leptos::leptos_dom::helpers::{WindowListenerHandle, window_event_listener_untyped};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::import::Source;
use crate::state::imports::ImportFlow;
use crate::state::settings::Settings;
use crate::state::store::DataStore;
use crate::storage::shelf::ShelfListener;
use crate::storage::{BrowserStorage, KeyKind};

use super::address::{Navigation, View};
use super::scorecards;

/// The widest window, in CSS pixels, laid out for a phone (the register as cards); the same breakpoint as
/// `@media (max-width: 720px)` in style/main.css.
const NARROW_MAX_WIDTH: f64 = 720.0;

/// How the page is laid out now, for the views whose geometry depends on it.
#[derive(Clone, Copy)]
pub struct Layout {
    /// The window is as narrow as a phone's.
    pub narrow: RwSignal<bool>,
}

fn window_is_narrow() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w <= NARROW_MAX_WIDTH)
}

/// What the page's listeners tell the view.
pub struct PageSignals {
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// A new build of the app is installed and waits for a reload (boot.js's `app-update-ready`).
    pub update_ready: RwSignal<bool>,
    pub layout: Layout,
}

/// Listens while the app is on the page (its listeners go with it).
pub fn listen(store: DataStore, imports: ImportFlow, settings: Settings, navigation: Navigation) -> PageSignals {
    let update_ready = RwSignal::new(false);
    let layout = Layout { narrow: RwSignal::new(window_is_narrow()) };
    let mut handles = vec![
        window_event_listener(leptos::ev::hashchange, move |_| imports.open_share_link()),
        window_event_listener(leptos::ev::storage, move |ev| {
            match BrowserStorage::key_kind(store.city(), ev.key().as_deref()) {
                KeyKind::Settings => settings.reload(),
                KeyKind::Other => {}
                kind => store.stored_elsewhere(kind),
            }
        }),
        window_event_listener(leptos::ev::popstate, move |_| navigation.follow_address()),
        // A scorecard printed alone marks the page for the print style sheet; the next print is the whole page.
        window_event_listener(leptos::ev::afterprint, move |_| scorecards::clear_print_marks()),
        window_event_listener(leptos::ev::beforeprint, move |_| scorecards::before_print()),
        keyboard(store, navigation),
        paste_anywhere(imports),
        window_event_listener_untyped("app-update-ready", move |_| update_ready.set(true)),
        // A phone turned, a window resized.
        window_event_listener(leptos::ev::resize, move |_| {
            // Resizing fires many events; the layout changes only when the width crosses the breakpoint.
            let narrow = window_is_narrow();
            if layout.narrow.get_untracked() != narrow {
                layout.narrow.set(narrow);
            }
        }),
    ];
    handles.extend(leaving(store));
    // Backups another tab kept or let go: IndexedDB tells no one, the tabs do.
    let shelf = StoredValue::new_local(ShelfListener::new(move || store.reload_backups()));
    on_cleanup(move || drop(shelf.try_update_value(|listener| listener.take())));
    let (dragging, drag_handles) = drop_anywhere(imports);
    handles.extend(drag_handles);
    on_cleanup(move || handles.into_iter().for_each(WindowListenerHandle::remove));
    PageSignals { dragging, update_ready, layout }
}

/// While a presentation is open: its keys, and the browser leaving full screen (which leaves the
/// presentation too). Both listeners go when the presentation closes.
pub fn while_presenting(on_key: impl Fn(web_sys::KeyboardEvent) + 'static, on_full_screen_left: impl Fn() + 'static) {
    let keys = window_event_listener(leptos::ev::keydown, on_key);
    let full_screen = window_event_listener(leptos::ev::fullscreenchange, move |_| {
        let still = web_sys::window().and_then(|w| w.document()).and_then(|d| d.fullscreen_element()).is_some();
        if !still {
            on_full_screen_left();
        }
    });
    on_cleanup(move || {
        keys.remove();
        full_screen.remove();
    });
}

/// Ctrl+P prints the evaluation report, whatever view is open. Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y)
/// redoes, except in a text field, where they keep their usual meaning for the text being typed.
fn keyboard(store: DataStore, navigation: Navigation) -> WindowListenerHandle {
    window_event_listener(leptos::ev::keydown, move |ev| {
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
    })
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
fn leaving(store: DataStore) -> [WindowListenerHandle; 3] {
    [
        window_event_listener(leptos::ev::pagehide, move |_| store.flush()),
        window_event_listener(leptos::ev::beforeunload, move |ev| {
            store.flush();
            if store.unsaved_at_leaving() {
                ev.prevent_default();
                // Older browsers ask only when a return value is set.
                ev.set_return_value("unsaved");
            }
        }),
        // Fired at the document, it reaches the window on its way.
        window_event_listener_untyped("visibilitychange", move |_| {
            if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
                store.flush();
            }
        }),
    ]
}

/// Whether keys and pastes aimed at `target` are someone typing text (a text field, a text area, an editable
/// element), which keeps its own undo and paste.
pub(super) fn is_text_entry(target: Option<web_sys::EventTarget>) -> bool {
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
fn drop_anywhere(imports: ImportFlow) -> (RwSignal<bool>, [WindowListenerHandle; 3]) {
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|t| t.types().iter().any(|kind| kind.as_string().as_deref() == Some("Files")))
    };
    let handles = [
        window_event_listener(leptos::ev::dragover, move |ev| {
            if carries_files(&ev) {
                // Without this the browser would open the file instead of handing it to the page.
                ev.prevent_default();
                dragging.set(true);
            }
        }),
        window_event_listener(leptos::ev::dragleave, move |ev| {
            // Leaving the window, not moving between the page's own elements.
            if ev.related_target().is_none() {
                dragging.set(false);
            }
        }),
        window_event_listener(leptos::ev::drop, move |ev| {
            dragging.set(false);
            let files: Vec<web_sys::File> = ev
                .data_transfer()
                .and_then(|t| t.files())
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            if !files.is_empty() {
                ev.prevent_default();
                imports.receive_files(files);
            }
        }),
    ];
    (dragging, handles)
}

/// Dataset text pasted onto the page (not into a field) is imported like a file.
fn paste_anywhere(imports: ImportFlow) -> WindowListenerHandle {
    window_event_listener(leptos::ev::paste, move |ev| {
        let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text").ok()) else { return };
        if !is_text_entry(ev.target()) && text.trim_start().starts_with('{') {
            ev.prevent_default();
            imports.receive_text(Source::Pasted, &text);
        }
    })
}
