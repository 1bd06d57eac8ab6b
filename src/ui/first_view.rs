//! The first view: the header, the tabs and the overview's figures and charts, drawn from what the browser
//! kept beside the data (`crate::first_view`) before the rest of the app's code is there. It reads and writes
//! no data: the tabs and the switches only change the address, which the app follows when it takes over.

use std::any::Any;

use leptos::prelude::*;

use crate::first_view::FirstView;
use crate::i18n::{Key, Lang};
use crate::storage::cities::{CityEntry, CityId};

use super::address::{self, View};
use super::header::{Brand, CitySwitch, LanguageSwitch};
use super::overview::OverviewSection;
use super::views_nav::ViewsNav;
use super::{Footer, TestIds};

/// The first view on the page, until it is dropped (the app draws the page then).
pub struct DrawnFirstView {
    _page: Box<dyn Any>,
    not_loaded: RwSignal<bool>,
}

/// Draws the first view where there is one to draw: the overview opens, and the browser keeps the figures of
/// the data the page opens, or the page opens with the example, which boot.js fetches.
pub fn draw() -> Option<DrawnFirstView> {
    // A share link is read by the app first (the address keeps it until then, and nothing here may change it).
    let shared =
        web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| crate::share_link::is_link(&h));
    if address::view() != View::Overview || shared {
        return None;
    }
    let kept = crate::storage::kept_for_first_view(address::city());
    let first = match &kept {
        Some(kept) if kept.has_data => kept.view.clone()?,
        _ if crate::sample::example_coming() => crate::sample::first_view()?,
        _ => return None,
    };
    let lang = language(kept.as_ref());
    let (cities, city) = kept.map_or((Vec::new(), CityId::FIRST), |k| (k.cities, k.city));
    let not_loaded = RwSignal::new(false);
    let body = document().body()?;
    let page = leptos::mount::mount_to(body, move || {
        view! { <FirstPage first cities city lang not_loaded=not_loaded.read_only()/> }.into_any()
    });
    Some(DrawnFirstView { _page: Box::new(page), not_loaded })
}

/// The rest of the app could not be fetched: the first view (or, where none was drawn, the message alone)
/// stays and says so.
pub fn not_loaded(first: Option<DrawnFirstView>) {
    match first {
        Some(first) => {
            first.not_loaded.set(true);
            std::mem::forget(first);
        }
        None => {
            let lang = language(crate::storage::kept_for_first_view(address::city()).as_ref());
            leptos::mount::mount_to_body(move || view! { <main id="main"><NotLoaded lang=lang.into()/></main> });
        }
    }
}

/// The language the app will open in: the address's, else the one chosen before, else Indonesian.
fn language(kept: Option<&crate::storage::KeptForFirstView>) -> Lang {
    super::lang_from_url().or(kept.and_then(|k| k.lang)).unwrap_or_default()
}

#[component]
fn FirstPage(
    first: FirstView,
    cities: Vec<CityEntry>,
    city: CityId,
    lang: Lang,
    not_loaded: ReadSignal<bool>,
) -> impl IntoView {
    let lang = RwSignal::new(lang);
    let chosen = RwSignal::new(View::Overview);
    view! {
        <header class="header">
            <Brand plan=Signal::stored(first.plan) lang=lang.into() ids=TestIds::Unnamed/>
            <CitySwitch listed=Signal::stored(cities) current=city lang=lang.into() ids=TestIds::Unnamed
                leaving=Callback::new(move |_| chosen.get_untracked().code().unwrap_or("").to_owned())/>
            <LanguageSwitch lang=lang.into() ids=TestIds::Unnamed choose=Callback::new(move |choice| {
                lang.set(choice);
                // The app reads the language from the address, and keeps it.
                address::write_lang(choice);
            })/>
        </header>
        <ViewsNav view=chosen.into() lang=lang.into() ids=TestIds::Unnamed undo=None
            open=Callback::new(move |target| {
                chosen.set(target);
                address::ask_for(target);
            })/>
        // Busy until the app takes over: the figures are there, the rest of the page is not.
        <main id="main" aria-busy="true" data-first-view="">
            {move || not_loaded.get().then(|| view! { <NotLoaded lang=lang.into()/> })}
            <OverviewSection figures=Signal::stored(first.figures) lang=lang.into() ids=TestIds::Unnamed/>
        </main>
        <Footer lang=lang.into()/>
    }
}

/// What the page says when the rest of the app could not be fetched, with the way out.
#[component]
fn NotLoaded(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert" data-app-not-loaded="">
            <p>{move || lang.get().t(Key::AppNotLoaded)}</p>
            <button type="button" class="button" on:click=|_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }>{move || lang.get().t(Key::ReloadPage)}</button>
        </div>
    }
}
