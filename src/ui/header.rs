//! The page header: the app's name, the city whose plan is shown, and the language switch.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};

use super::{use_settings, use_store};

#[component]
pub fn Header() -> impl IntoView {
    let settings = use_settings();
    let lang = settings.lang();
    let plan = use_store().plan();
    let plan = move || plan.get();
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
            <label class="lang-switch">
                <span>{move || lang.get().t(Key::LanguageLabel)}</span>
                <select
                    data-testid="lang-switch"
                    prop:value=move || lang.get().code()
                    on:change=move |ev| {
                        if let Some(choice) = Lang::from_code(&event_target_value(&ev)) {
                            settings.set_lang(choice);
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
