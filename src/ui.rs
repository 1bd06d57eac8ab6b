//! The page: the app shell that provides the state and lays out the components in `ui/`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{Key, Lang};
use crate::state::{AppState, Source};
use crate::storage::Store;

mod address;
mod agencies;
mod backups;
mod dashboard;
mod data_panel;
mod evaluations;
mod header;
mod notices;
mod overview;
mod presentation;
mod program_form;
mod register;
mod report;
mod scorecards;
mod slide_list;

use address::View;
use dashboard::Dashboard;
use data_panel::DataPanel;
use evaluations::Evaluations;
use header::Header;
use notices::{Notices, SampleNotice};
use overview::Overview;
use register::Register;
use report::Report;

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
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if Store::concerns_data(ev.key().as_deref()) {
            state.stored_elsewhere();
        }
    });
    undo_keys(state);

    let (start_view, start_query) = address::read();
    let view = RwSignal::new(start_view);
    let query = RwSignal::new(start_query);
    // Back and Forward move between views and the register's searches.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (v, q) = address::read();
        view.set(v);
        query.set(q);
    });
    let open = move |target: View| {
        view.set(target);
        query.with_untracked(|q| address::write(target, q, true));
    };
    // A scorecard printed alone marks the page for the print style sheet; the next print is the whole page.
    let _ = window_event_listener(leptos::ev::afterprint, move |_| scorecards::clear_print_marks());
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| scorecards::before_print());
    // Ctrl+P prints the evaluation report, whatever view is open.
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let print_keys = (ev.ctrl_key() || ev.meta_key()) && !ev.shift_key() && !ev.alt_key();
        if print_keys && ev.key().eq_ignore_ascii_case("p") {
            ev.prevent_default();
            scorecards::clear_print_marks();
            open(View::Report);
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
    });
    let tab = move |target: View, key: Key, testid: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" data-testid=testid
                aria-selected=move || (view.get() == target).to_string()
                on:click=move |_| open(target)>
                {move || state.lang.get().t(key)}
            </button>
        }
    };

    view! {
        {move || dragging.get().then(|| view! {
            <div class="drop-overlay" data-testid="import-drop-zone" aria-hidden="true">
                <p>{state.lang.get().t(Key::DropHere)}</p>
            </div>
        })}
        <Header/>
        <nav class="views" aria-label=move || state.lang.get().t(Key::ViewsLabel)>
            <div role="tablist" class="tabs">
                {tab(View::Overview, Key::ViewOverview, "view-overview")}
                {tab(View::Register, Key::ViewRegister, "view-register")}
                {tab(View::Dashboard, Key::ViewDashboard, "view-dashboard")}
                {tab(View::Evaluations, Key::ViewEvaluations, "view-evaluations")}
                {tab(View::Report, Key::ViewReport, "view-report")}
            </div>
            <div class="undo-redo">
                <button type="button" class="button small" data-testid="undo" disabled=move || !state.can_undo.get()
                    aria-keyshortcuts="Control+Z" title=move || state.lang.get().t(Key::UndoHint) on:click=move |_| state.undo()>
                    {move || state.lang.get().t(Key::Undo)}
                </button>
                <button type="button" class="button small" data-testid="redo" disabled=move || !state.can_redo.get()
                    aria-keyshortcuts="Control+Shift+Z" title=move || state.lang.get().t(Key::RedoHint) on:click=move |_| state.redo()>
                    {move || state.lang.get().t(Key::Redo)}
                </button>
            </div>
        </nav>
        <main id="main">
            <Notices/>
            <SampleNotice/>
            {move || match view.get() {
                View::Overview => view! { <Overview/><DataPanel/> }.into_any(),
                View::Register => view! { <Register query=query/> }.into_any(),
                View::Dashboard => view! { <Dashboard/> }.into_any(),
                View::Report => view! { <Report/> }.into_any(),
                View::Evaluations => view! { <Evaluations/> }.into_any(),
            }}
        </main>
        <footer class="footer">
            <p>{move || state.lang.get().t(Key::FooterPrivacy)}</p>
        </footer>
    }
}

/// Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes, except in a text field, where they keep their
/// usual meaning for the text being typed.
fn undo_keys(state: AppState) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        if is_text_entry(ev.target()) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => state.redo(),
            "z" => state.undo(),
            "y" => state.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
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
        let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text").ok()) else { return };
        if !is_text_entry(ev.target()) && text.trim_start().starts_with('{') {
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
