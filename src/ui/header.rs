//! The page header: the app's name, the city whose plan is shown (and, with several cities, the switch
//! between them), and the language switch.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};

use crate::storage::cities;

use super::{use_imports, use_navigation, use_settings, use_store};

#[component]
pub fn Header() -> impl IntoView {
    let settings = use_settings();
    let lang = settings.lang();
    let store = use_store();
    let imports = use_imports();
    let navigation = use_navigation();
    let plan = store.plan();
    let plan = move || plan.get();
    let listed = Memo::new(move |_| {
        imports.cities_changed().track();
        store.storage().map(cities::list).unwrap_or_default()
    });
    // The list names each city as its plan does.
    Effect::new(move |_| {
        let plan = plan();
        if let Some(storage) = store.storage() {
            cities::rename(storage, store.city(), &plan.city, plan.province.as_deref());
        }
    });
    let current = store.city();
    view! {
        <header class="header">
            <div class="brand">
                <p class="app-title">{move || lang.get().t(Key::AppTitle)}</p>
                <h1 data-testid="city-name">{move || plan().city}</h1>
                <p class="plan-title">
                    {move || {
                        let plan = plan();
                        let period = match (plan.start_year, plan.end_year) {
                            (Some(start), Some(end)) => Some(
                                lang.get().tf(Key::PlanPeriod, &[("start", &start.to_string()), ("end", &end.to_string())]),
                            ),
                            _ => None,
                        };
                        [plan.title, plan.province, period].into_iter().flatten().collect::<Vec<_>>().join(" · ")
                    }}
                </p>
            </div>
            {move || (listed.with(Vec::len) > 1).then(|| view! {
                <label class="city-switch">
                    <span>{move || lang.get().t(Key::CitySwitch)}</span>
                    <select data-testid="city-switch" on:change=move |ev| {
                        let Ok(id) = event_target_value(&ev).parse::<u32>() else { return };
                        store.flush();
                        let view = navigation.view.get_untracked().code().unwrap_or("");
                        if let Some(window) = web_sys::window() {
                            let _ = window.location().set_href(&super::address::city_address(cities::CityId(id), view));
                        }
                    }>
                        {listed.get().into_iter().map(|c| view! {
                            <option value=c.id.0.to_string() selected={c.id == current}>{c.city}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label class="lang-switch">
                <span>{move || lang.get().t(Key::LanguageLabel)}</span>
                <select
                    data-testid="lang-switch"
                    prop:value=move || lang.get().code()
                    on:change=move |ev| {
                        if let Some(choice) = Lang::from_code(&event_target_value(&ev)) {
                            settings.set_lang(choice);
                            // A reload or a copied link keeps the language chosen.
                            super::address::write_lang(choice);
                        }
                    }
                >
                    {Lang::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.code() lang=l.code()>{l.endonym()}</option> })
                        .collect_view()}
                </select>
            </label>
        </header>
    }
}
