//! The map card of the dashboard: the chosen measure and level, the regions drawn, each focusable and a
//! click or Enter away from the register filtered to it, the same numbers as a table, the downloads, and
//! the boundaries' source credited under it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::geo::Level;
use crate::i18n::Key;
use crate::map::{MapChart, MapView, Measure, level_key};
use crate::metrics::ProgramFilter;

use super::address::View;
use super::dashboard::{ChartActions, ChartTable};
use super::{use_lang, use_navigation, use_store};

/// The map under the dashboard's filter; without boundaries, what to do to get them.
#[component]
pub fn MapCard(filter: Signal<ProgramFilter>) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let navigation = use_navigation();
    let view_choice = RwSignal::new(MapView::default());
    let chart = Memo::new(move |_| {
        let view = view_choice.get();
        let lang = lang.get();
        store.with(|d| filter.with(|f| MapChart::of(d, &f.apply(d).programs, view, lang)))
    });
    let svg = Memo::new(move |_| chart.with(|c| c.as_ref().map(MapChart::to_svg).unwrap_or_default()));
    let as_table = RwSignal::new(false);
    let name = Signal::derive(|| "map");
    let table = Signal::derive(move || chart.with(|c| c.as_ref().map(|c| (c.title.clone(), c.table.clone()))));
    // A region chosen by a click, or by Enter or Space on the focused region: the register shows its programs.
    let open_region = move |target: Option<web_sys::EventTarget>| {
        let code = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-region-code]").ok().flatten())
            .and_then(|e| e.get_attribute("data-region-code"));
        if let Some(code) = code {
            navigation.query.update(|q| {
                *q = crate::register::RegisterQuery {
                    region: Some(code),
                    sort: q.sort,
                    descending: q.descending,
                    ..Default::default()
                }
            });
            navigation.open(View::Register);
        }
    };
    let has_locations = move || store.with(|d| d.programs.iter().any(|p| !p.locations.is_empty()));
    view! {
        <figure class="chart-card map-card" data-testid="chart-map">
            {move || match chart.with(|c| c.as_ref().map(|c| (c.levels.clone(), c.level))) {
                None => view! {
                    <div class="map-empty" data-testid="map-no-boundaries">
                        <h3>{move || lang.get().t(Key::MapHeading)}</h3>
                        <p>{move || lang.get().t(if has_locations() { Key::MapNoBoundariesLocated } else { Key::MapNoBoundaries })}</p>
                    </div>
                }.into_any(),
                Some((levels, level)) => view! {
                    <div class="map-controls filters">
                        <label class="filter">
                            <span>{move || lang.get().t(Key::MapMeasure)}</span>
                            <select data-testid="map-measure" prop:value=move || view_choice.with(|v| v.measure.code())
                                on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    view_choice.update(|v| v.measure = Measure::from_code(&value).unwrap_or_default());
                                }>
                                {move || Measure::ALL.iter().map(|m| view! {
                                    <option value=m.code() prop:selected=move || view_choice.with(|v| v.measure == *m)>{m.name(lang.get())}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        {(levels.len() > 1).then(move || view! {
                            <label class="filter">
                                <span>{move || lang.get().t(Key::MapLevel)}</span>
                                <select data-testid="map-level" prop:value=level.code()
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        view_choice.update(|v| v.level = Level::from_code(&value));
                                    }>
                                    {levels.into_iter().map(|l| view! {
                                        <option value=l.code() selected={l == level}>{move || lang.get().t(level_key(l))}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        })}
                    </div>
                    {move || if as_table.get() {
                        view! { <ChartTable name=name table=table/> }.into_any()
                    } else {
                        view! {
                            <div class="map-drawing" role="group"
                                aria-label=move || chart.with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default())
                                on:click=move |ev| open_region(ev.target())
                                on:keydown=move |ev: web_sys::KeyboardEvent| {
                                    if ev.key() == "Enter" || ev.key() == " " {
                                        ev.prevent_default();
                                        open_region(ev.target());
                                    }
                                }
                                inner_html=move || svg.get()></div>
                        }.into_any()
                    }}
                    <figcaption class="chart-actions">
                        <ChartActions name=name svg=svg as_table=as_table/>
                    </figcaption>
                    <p class="map-hint">{move || lang.get().t(Key::MapHint)}</p>
                    {move || chart.with(|c| c.as_ref().and_then(|c| c.source.clone())).map(|source| view! {
                        <p class="map-source" data-testid="map-source">{move || lang.get().tf(Key::MapSource, &[("source", &source)])}</p>
                    })}
                }.into_any(),
            }}
        </figure>
    }
}
