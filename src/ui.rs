//! The page: the app shell that provides the state and lays out the components in `ui/`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{Key, Lang};
use crate::state::{AppState, Source};

mod backups;
mod data_panel;
mod header;
mod notices;
mod overview;

use data_panel::DataPanel;
use header::Header;
use notices::{Notices, SampleNotice};
use overview::Overview;

/// The whole app. Loads what the browser keeps and shares it through context.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(lang_from_url());
    provide_context(state);

    // The document's language and title follow the interface, for screen readers and the browser tab.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let city = state.dataset.with(|d| d.plan.city.clone());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            document.set_title(&format!("{city} · {}", lang.t(Key::AppTitle)));
        }
    });

    let dragging = drop_anywhere(state);
    paste_anywhere(state);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| state.open_share_link());

    view! {
        {move || dragging.get().then(|| view! {
            <div class="drop-overlay" data-testid="import-drop-zone" aria-hidden="true">
                <p>{state.lang.get().t(Key::DropHere)}</p>
            </div>
        })}
        <Header/>
        <main id="main">
            <Notices/>
            <SampleNotice/>
            <Overview/>
            <DataPanel/>
        </main>
        <footer class="footer">
            <p>{move || state.lang.get().t(Key::FooterPrivacy)}</p>
        </footer>
    }
}

/// A file dropped anywhere on the page is imported; while one is dragged over it the page says so.
fn drop_anywhere(state: AppState) -> RwSignal<bool> {
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
            state.receive_file(file);
        }
    });
    dragging
}

/// Dataset text pasted onto the page (not into a field) is imported like a file.
fn paste_anywhere(state: AppState) {
    let _ = window_event_listener(leptos::ev::paste, move |ev| {
        let in_field = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.closest("[contenteditable]").ok().flatten().is_some()
        });
        let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text").ok()) else { return };
        if !in_field && text.trim_start().starts_with('{') {
            ev.prevent_default();
            state.receive_text(Source::Pasted, &text);
        }
    });
}

/// `?lang=id|en` of the page's address.
fn lang_from_url() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    Lang::from_code(&params.get("lang")?)
}

/// The state every component reads; provided by `App`.
pub(crate) fn use_state() -> AppState {
    expect_context::<AppState>()
}
