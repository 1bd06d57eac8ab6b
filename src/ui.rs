//! The page: the app shell that provides the state and lays out the components in `ui/`.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::state::AppState;

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

    view! {
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
