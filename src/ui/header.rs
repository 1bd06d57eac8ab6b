//! The page header: the app's name, the city whose plan is shown (and, with several cities, the switch
//! between them), and the language switch. Its parts are drawn by the first view too, from what it read.

use leptos::prelude::*;

use crate::first_view::PlanHeading;
use crate::i18n::{Key, Lang};
use crate::storage::cities::{self, CityEntry, CityId};

use super::{TestIds, use_imports, use_navigation, use_settings, use_store};

#[component]
pub fn Header() -> impl IntoView {
    let settings = use_settings();
    let lang = settings.lang();
    let store = use_store();
    let imports = use_imports();
    let navigation = use_navigation();
    let plan = store.plan();
    let listed = Memo::new(move |_| {
        imports.cities_changed().track();
        store.storage().map(cities::list).unwrap_or_default()
    });
    // The list names each city as its plan says.
    Effect::new(move |_| {
        let plan = plan.get();
        if let Some(storage) = store.storage() {
            cities::rename(storage, store.city(), &plan.city, plan.province.as_deref());
        }
    });
    let heading = Memo::new(move |_| plan.with(PlanHeading::of));
    let switch_to = move |_: CityId| {
        store.flush();
        navigation.view.get_untracked().code().unwrap_or("").to_owned()
    };
    view! {
        <header class="header">
            <Brand plan=heading.into() lang=lang.into() ids=TestIds::Named/>
            <CitySwitch listed=listed.into() current=store.city() lang=lang.into() ids=TestIds::Named
                leaving=Callback::new(switch_to)/>
            <LanguageSwitch lang=lang.into() ids=TestIds::Named choose=Callback::new(move |choice| {
                settings.set_lang(choice);
                // A reload or a copied link keeps the language chosen.
                super::address::write_lang(choice);
            })/>
        </header>
    }
}

/// The app's name, the city's and the plan's line (title, province, years).
#[component]
pub fn Brand(plan: Signal<PlanHeading>, lang: Signal<Lang>, ids: TestIds) -> impl IntoView {
    view! {
        <div class="brand">
            <p class="app-title">{move || lang.get().t(Key::AppTitle)}</p>
            <h1 data-testid=ids.name("city-name")>{move || plan.with(|p| p.city.clone())}</h1>
            <p class="plan-title">{move || plan.with(|p| p.line(lang.get()))}</p>
        </div>
    }
}

/// The switch between the cities of the portfolio, with more than one. Another city is another page:
/// `leaving` is told before it opens, and gives the view it opens in.
#[component]
pub fn CitySwitch(
    listed: Signal<Vec<CityEntry>>,
    current: CityId,
    lang: Signal<Lang>,
    ids: TestIds,
    leaving: Callback<CityId, String>,
) -> impl IntoView {
    move || {
        (listed.with(Vec::len) > 1).then(|| {
            view! {
                <label class="city-switch">
                    <span>{move || lang.get().t(Key::CitySwitch)}</span>
                    <select data-testid=ids.name("city-switch") on:change=move |ev| {
                        let Ok(id) = event_target_value(&ev).parse::<u32>() else { return };
                        let view = leaving.run(CityId(id));
                        if let Some(window) = web_sys::window() {
                            let _ = window.location().set_href(&super::address::city_address(CityId(id), &view));
                        }
                    }>
                        {listed.get().into_iter().map(|c| view! {
                            <option value=c.id.0.to_string() selected={c.id == current}>{c.city}</option>
                        }).collect_view()}
                    </select>
                </label>
            }
        })
    }
}

/// The interface's language.
#[component]
pub fn LanguageSwitch(lang: Signal<Lang>, ids: TestIds, choose: Callback<Lang>) -> impl IntoView {
    view! {
        <label class="lang-switch">
            <span>{move || lang.get().t(Key::LanguageLabel)}</span>
            <select
                data-testid=ids.name("lang-switch")
                prop:value=move || lang.get().code()
                on:change=move |ev| {
                    if let Some(choice) = Lang::from_code(&event_target_value(&ev)) {
                        choose.run(choice);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code()>{l.endonym()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
