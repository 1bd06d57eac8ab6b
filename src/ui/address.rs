//! The page's address as the place where the view lives: which view is open, and the register's search,
//! filters and sort, so that a view can be bookmarked, sent, and reached with the back button.

use crate::metrics::ProgramFilter;
use crate::register::RegisterQuery;

/// The views of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    Register,
    Dashboard,
    Report,
    Evaluations,
    /// Several cities side by side.
    Compare,
    /// The presenter's window of a presentation: a page of its own, without the app's tabs.
    Presenter,
}

impl View {
    pub fn code(self) -> Option<&'static str> {
        match self {
            View::Overview => None,
            View::Register => Some("register"),
            View::Dashboard => Some("dashboard"),
            View::Report => Some("report"),
            View::Evaluations => Some("evaluations"),
            View::Compare => Some("compare"),
            View::Presenter => Some("presenter"),
        }
    }
}

fn params() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return Vec::new() };
    let Ok(url_params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&url_params).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&entry);
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    pairs
}

/// The address of the page working on another city, in the same language and view.
pub fn city_address(id: crate::storage::CityId, view: &str) -> String {
    let lang = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"));
    let mut query = format!("?city={}", id.0);
    if !view.is_empty() {
        query.push_str(&format!("&view={view}"));
    }
    if let Some(lang) = lang {
        query.push_str(&format!("&lang={lang}"));
    }
    query
}

/// Writes the language into the page's address (`lang=en`), keeping the rest of it, in the same history entry.
pub fn write_lang(lang: crate::i18n::Lang) {
    let Some(url_params) = kept_params(|k| k != "lang") else { return };
    url_params.append("lang", lang.code());
    set_address(&url_params, false);
}

/// The address of the presenter's window: this page (its city and language) with `view=presenter`.
pub fn presenter_address() -> String {
    let Some(url_params) = kept_params(|k| k == "lang" || k == "city") else { return "?view=presenter".to_owned() };
    url_params.append("view", "presenter");
    format!("?{}", String::from(url_params.to_string()))
}

/// The parameters of the page's address that `keep` keeps, in their order.
fn kept_params(keep: impl Fn(&str) -> bool) -> Option<web_sys::UrlSearchParams> {
    let url_params = web_sys::UrlSearchParams::new().ok()?;
    for (k, v) in params().into_iter().filter(|(k, _)| keep(k)) {
        url_params.append(&k, &v);
    }
    Some(url_params)
}

/// Puts `url_params` in the page's address (its path kept; a share link's fragment is read and gone by
/// then): a new history entry, or the same.
fn set_address(url_params: &web_sys::UrlSearchParams, new_entry: bool) {
    let Some(window) = web_sys::window() else { return };
    let search = String::from(url_params.to_string());
    let Ok(path) = window.location().pathname() else { return };
    let url = if search.is_empty() { path } else { format!("{path}?{search}") };
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The city the address names (`?city=2`).
pub fn city() -> Option<crate::storage::CityId> {
    params().into_iter().find(|(k, _)| k == "city").and_then(|(_, v)| v.parse().ok()).map(crate::storage::CityId)
}

/// The view the address names.
pub fn view() -> View {
    view_named(&params())
}

fn view_named(pairs: &[(String, String)]) -> View {
    match pairs.iter().find(|(k, _)| k == "view").map(|(_, v)| v.as_str()) {
        Some("register") => View::Register,
        Some("dashboard") => View::Dashboard,
        Some("report") => View::Report,
        Some("evaluations") => View::Evaluations,
        Some("compare") => View::Compare,
        Some("presenter") => View::Presenter,
        _ => View::Overview,
    }
}

/// The view, the register's query and the dashboard's filter the address names.
pub fn read() -> (View, RegisterQuery, ProgramFilter) {
    let pairs = params();
    let view = view_named(&pairs);
    let pairs = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    // The two views name their filters with the same words; each reads only its own.
    match view {
        View::Dashboard => (view, RegisterQuery::default(), ProgramFilter::from_params(pairs)),
        _ => (view, RegisterQuery::from_params(pairs), ProgramFilter::default()),
    }
}

/// The address's parameters for `view`, the others (`lang`, `city`) kept.
fn view_params(view: View) -> Option<web_sys::UrlSearchParams> {
    let url_params = kept_params(|k| k == "lang" || k == "city")?;
    if let Some(code) = view.code() {
        url_params.append("view", code);
    }
    Some(url_params)
}

/// A view chosen before the app answers (in the first view): the address names it, in a new history entry,
/// and the app opens it when it starts.
pub fn ask_for(view: View) {
    if let Some(url_params) = view_params(view) {
        set_address(&url_params, true);
    }
}

/// Writes the view and its filters (the register's query, the dashboard's filter) into the address, keeping
/// other parameters (`lang`, `city`); a new history entry when the view changes (so that Back returns), the
/// same entry while a search is typed or a filter chosen.
pub fn write(view: View, query: &RegisterQuery, dashboard: &ProgramFilter, new_entry: bool) {
    let Some(url_params) = view_params(view) else { return };
    let filters = match view {
        View::Register => query.to_params(),
        View::Dashboard => dashboard.to_params(),
        _ => Vec::new(),
    };
    for (k, v) in filters {
        url_params.append(k, &v);
    }
    set_address(&url_params, new_entry);
}

/// The open view and the register's query, shared through context; both follow the address.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub view: leptos::prelude::RwSignal<View>,
    pub query: leptos::prelude::RwSignal<RegisterQuery>,
    /// The dashboard's filter (dimension, agency, quick wins), which its charts and its deck count.
    pub dashboard: leptos::prelude::RwSignal<ProgramFilter>,
    /// The register opens with the form of a new program (asked from the overview of an empty plan).
    pub adding_program: leptos::prelude::RwSignal<bool>,
}

impl Navigation {
    /// As the page's address names them.
    pub fn from_address() -> Navigation {
        let (view, query, dashboard) = read();
        Navigation {
            view: leptos::prelude::RwSignal::new(view),
            query: leptos::prelude::RwSignal::new(query),
            dashboard: leptos::prelude::RwSignal::new(dashboard),
            adding_program: leptos::prelude::RwSignal::new(false),
        }
    }

    /// Opens a view, with a new history entry so that Back returns.
    pub fn open(&self, target: View) {
        use leptos::prelude::*;
        self.view.set(target);
        self.query.with_untracked(|q| self.dashboard.with_untracked(|d| write(target, q, d, true)));
    }

    /// Opens the register with the form of a new program.
    pub fn add_program(&self) {
        use leptos::prelude::Set;
        self.adding_program.set(true);
        self.open(self::View::Register);
    }

    /// Back or Forward: the view and query follow the address.
    pub fn follow_address(&self) {
        use leptos::prelude::*;
        let (view, query, dashboard) = read();
        self.view.set(view);
        self.query.set(query);
        self.dashboard.set(dashboard);
    }
}
