//! The page: the app shell that provides the state and lays out the components in `ui/`.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::state::exports::Exports;
use crate::state::imports::ImportFlow;
use crate::state::notices::Notices;
use crate::state::settings::Settings;
use crate::state::store::DataStore;

mod address;
mod agencies;
mod backups;
mod boundaries;
mod compare;
mod conflicts;
mod dashboard;
mod data_panel;
mod deck_channel;
mod evaluations;
mod first_view;
mod header;
mod locations_field;
mod map;
mod notices;
mod overview;
mod presentation;
mod presenter;
mod program_form;
mod register;
mod report;
mod scorecards;
mod slide_list;
mod start;
mod update;
mod views_nav;
mod window_events;

use address::{Navigation, View};
use dashboard::Dashboard;
use data_panel::DataPanel;
use evaluations::Evaluations;
use header::Header;
use notices::{Notices as NoticeArea, SampleNotice};
use overview::Overview;
use register::Register;
use report::Report;
use views_nav::{UndoRedo, ViewsNav};

/// The whole app. Loads what the browser keeps and shares it through context.
#[component]
pub fn App() -> impl IntoView {
    let (store, imports, settings, _, _) = crate::state::provide(lang_from_url(), address::city());
    let navigation = Navigation::from_address();
    provide_context(navigation);
    let lang = settings.lang();

    // The document's language and title follow the interface, for screen readers and the browser tab.
    let plan = store.plan();
    Effect::new(move |_| {
        let lang = lang.get();
        let city = plan.with(|p| p.city.clone());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            document.set_title(&format!("{city} · {}", lang.t(Key::AppTitle)));
        }
    });

    let first_visit = start::first_visit();
    // How many parts of the page are waiting for their code.
    let loading = RwSignal::new(0usize);
    // After the first render, that is after the first view is drawn.
    Effect::new(move |_| preload_the_other_views());
    let window_events::PageSignals { dragging, update_ready, layout } =
        window_events::listen(store, imports, settings, navigation);
    provide_context(layout);
    // The app taken off the page (not only the page closed) writes what it has not saved yet.
    on_cleanup(move || store.flush());
    imports.open_share_link();
    // Only a change of view redraws the page's main part: an address followed again (Back, Forward, a link's
    // fragment) that names the same view keeps it as it is.
    let view = Memo::new(move |_| navigation.view.get());
    // The presenter's window of a presentation is a page of its own: the slides, the notes, the clock.
    if view.get_untracked() == View::Presenter {
        return view! { <main id="main" class="presenter-page">{when_loaded(loading, presenter_page())}</main> }
            .into_any();
    }

    view! {
        {move || dragging.get().then(|| view! {
            <div class="drop-overlay" data-testid="import-drop-zone" aria-hidden="true">
                <p>{lang.get().t(Key::DropHere)}</p>
            </div>
        })}
        <Header/>
        <ViewsNav view=view.into() lang=lang.into() ids=TestIds::Named
            open=Callback::new(move |target| navigation.open(target))
            undo=Some(UndoRedo {
                can_undo: store.can_undo().into(),
                can_redo: store.can_redo().into(),
                undo: Callback::new(move |()| store.undo()),
                redo: Callback::new(move |()| store.redo()),
            })/>
        <main id="main" aria-busy=move || (loading.get() > 0).to_string()>
            <update::UpdateNotice ready=update_ready/>
            <NoticeArea/>
            <SampleNotice/>
            {move || (view.get() == View::Overview && first_visit.get()).then(|| when_loaded(loading, after_paint(start_choices())))}
            {move || match view.get() {
                View::Overview => view! { <Overview/>{when_loaded(loading, after_paint(data_panel()))} }.into_any(),
                View::Register => when_loaded(loading, register_page()).into_any(),
                View::Dashboard => when_loaded(loading, dashboard_page()).into_any(),
                View::Report => when_loaded(loading, report_page()).into_any(),
                View::Evaluations => when_loaded(loading, evaluations_page()).into_any(),
                View::Compare => when_loaded(loading, compare_page()).into_any(),
                // Opened as a window of its own (see above); reached here only by going Back or Forward into it.
                View::Presenter => when_loaded(loading, presenter_page()).into_any(),
            }}
        </main>
        <Footer lang=lang.into()/>
    }
    .into_any()
}

/// The line at the foot of every page: the data stays in the browser.
#[component]
fn Footer(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <footer class="footer">
            <p>{move || lang.get().t(Key::FooterPrivacy)}</p>
        </footer>
    }
}

/// Whether a part of the page carries the names the end-to-end tests find it by (`data-testid`, listed in
/// tests/README.md). The app's parts do; the first view, drawn before the app answers, does not, so that no
/// test finds a part of it and acts on a page that cannot answer yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestIds {
    Named,
    Unnamed,
}

impl TestIds {
    fn name<T>(self, name: T) -> Option<T> {
        (self == TestIds::Named).then_some(name)
    }
}

/// Starts the page. Where the browser keeps the figures of the data the page opens (or the example comes
/// with it), the first view draws them at once from this module's code, and the rest of the app (its own
/// chunk in the release bundle) is fetched meanwhile; then the app takes the page over. Nothing of the
/// page answers in between but the tabs and the switches, which the address remembers for the app.
pub fn start() {
    mark("page-start");
    let first = first_view::draw();
    if first.is_some() {
        mark("first-view");
    }
    let painted = first.as_ref().map(|_| crate::state::store::painted());
    // Leptos' own spawning needs a page mounted first; this task mounts it.
    wasm_bindgen_futures::spawn_local(async move {
        // The first view is painted before the app's chunks are fetched and readied (their work would hold
        // its frame back), and before the app draws over it.
        if let Some(painted) = painted {
            painted.await;
        }
        let app = whole_app().await;
        match app {
            Ok(app) => {
                mark("app-start");
                // The app is built beside the first view, which then goes: nothing is painted in between, and
                // the page never stands empty while the app builds.
                if let Some(body) = document().body() {
                    let page = leptos::mount::mount_to(body, app);
                    drop(first);
                    page.forget();
                }
                mark("app-mounted");
            }
            Err(_) => first_view::not_loaded(first),
        }
    });
}

/// Notes a moment of the page's start for the page-load benchmark (benches/page_load.rs).
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The app's code that the first view does not need: all of it but the header, the tabs, the overview's
/// figures and charts, and the translations. A download that fails is said, not a panic.
#[cfg(split)]
#[leptos::wasm_split::wasm_split(whole_app, wasm_split_path = ::leptos::wasm_split, fallible)]
fn whole_app() -> Result<fn() -> AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(|| view! { <App/> }.into_any())
}

#[cfg(not(split))]
async fn whole_app() -> Result<fn() -> AnyView, std::convert::Infallible> {
    Ok(|| view! { <App/> }.into_any())
}

/// A part of the page loaded on demand. In the release bundle (`--cfg split`, built by `cargo xtask dist`)
/// its code is a wasm chunk of its own, fetched the first time it is needed, so the first view comes sooner;
/// elsewhere (component tests, a plain `cargo build`) it is an ordinary async function. What comes back is the
/// function that draws the part, so that the part is drawn like any other, owned by the page around it.
macro_rules! on_demand {
    ($name:ident, $view:expr) => {
        #[cfg(split)]
        #[lazy]
        fn $name() -> fn() -> AnyView {
            || $view.into_any()
        }

        #[cfg(not(split))]
        async fn $name() -> fn() -> AnyView {
            || $view.into_any()
        }
    };
}

on_demand!(start_choices, view! { <start::StartChoices/> });
on_demand!(data_panel, view! { <DataPanel/> });
on_demand!(register_page, view! { <Register/> });
on_demand!(dashboard_page, view! { <Dashboard/> });
on_demand!(report_page, view! { <Report/> });
on_demand!(evaluations_page, view! { <Evaluations/> });
on_demand!(compare_page, view! { <compare::Compare/> });
on_demand!(presenter_page, view! { <presenter::PresenterView/> });

/// Draws a part of the page once its code is there (at once when it was loaded before). While any part is on
/// its way, `loading` counts it (the page says so with `aria-busy` on `<main>`).
fn when_loaded(loading: RwSignal<usize>, load: impl Future<Output = fn() -> AnyView> + 'static) -> impl IntoView {
    let ready = RwSignal::new(None::<fn() -> AnyView>);
    loading.update(|n| *n += 1);
    leptos::task::spawn_local(async move {
        let draw = load.await;
        // The part may have been left meanwhile: then there is nothing to draw it in.
        let _ = ready.try_set(Some(draw));
        loading.update(|n| *n = n.saturating_sub(1));
    });
    move || ready.get().map(|draw| draw())
}

/// A part of the page that waits until the view around it is painted: the overview's charts come first.
async fn after_paint(load: impl Future<Output = fn() -> AnyView>) -> fn() -> AnyView {
    crate::state::store::painted().await;
    load.await
}

/// Once the first view is on screen, the chunks of the others are fetched and made ready, so that opening a
/// view later is at once, and a page left open across a new deploy never needs a file of its own build again.
fn preload_the_other_views() {
    #[cfg(split)]
    leptos::task::spawn_local(async {
        crate::state::store::painted().await;
        __preload_start_choices().await;
        __preload_data_panel().await;
        __preload_register_page().await;
        __preload_dashboard_page().await;
        __preload_report_page().await;
        __preload_evaluations_page().await;
        __preload_compare_page().await;
    });
}

/// `?lang=id|en` of the page's address.
fn lang_from_url() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    Lang::from_code(&params.get("lang")?)
}

fn use_store() -> DataStore {
    expect_context::<DataStore>()
}

fn use_imports() -> ImportFlow {
    expect_context::<ImportFlow>()
}

fn use_settings() -> Settings {
    expect_context::<Settings>()
}

fn use_notices() -> Notices {
    expect_context::<Notices>()
}

fn use_exports() -> Exports {
    expect_context::<Exports>()
}

fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}

/// The interface language, which nearly every component reads.
fn use_lang() -> ReadSignal<Lang> {
    use_settings().lang()
}
