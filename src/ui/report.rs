//! The printable evaluation report: an A4 document laid out from the data (cover, summary figures, the
//! charts, a table per dimension, the postponed programs, each agency's scorecard), with a page break between
//! sections. "Print" (or Ctrl+P) prints it; the print style sheet leaves every control of the page out.

use leptos::prelude::*;

use crate::dashboard;
use crate::files;
use crate::format::{Dimension, Status};
use crate::i18n::Key;
use crate::metrics::{Overview, ProgramFilter};
use crate::scorecard::Scorecard;

use super::scorecards::scorecard_view;
use super::{use_lang, use_store};

#[component]
pub fn Report() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let plan = store.plan();
    let today = files::today();
    let charts = Memo::new(move |_| store.with(|d| dashboard::charts(d, &ProgramFilter::default(), lang.get())));
    // With several cities in the browser, the report ends its charts with their comparison.
    let compare_charts = Memo::new(move |_| {
        let cities: Vec<crate::format::Dataset> =
            crate::state::portfolio_cities(store).into_iter().map(|(_, d)| d).collect();
        if cities.len() < 2 {
            return Vec::new();
        }
        let comparison = crate::portfolio::Comparison::of(&cities, &crate::portfolio::CompareQuery::default());
        crate::portfolio::charts(&comparison, lang.get())
            .iter()
            .map(|c| (c.title.clone(), c.to_svg()))
            .collect::<Vec<_>>()
    });
    let map = Memo::new(move |_| {
        store.with(|d| {
            crate::map::MapChart::of(d, &d.programs, crate::map::MapView::default(), lang.get())
                .map(|m| (m.title.clone(), m.to_svg()))
        })
    });
    let overview = Memo::new(move |_| store.with(Overview::of));
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="report-tools no-print">
            <button type="button" class="button primary" data-testid="report-print" on:click=print>
                {move || lang.get().t(Key::ReportPrint)}
            </button>
            <span class="hint">{move || lang.get().t(Key::ReportHint)}</span>
        </div>
        <article class="report" data-testid="report" lang=move || lang.get().code()>
            <section class="report-section report-cover" data-testid="report-cover">
                <p class="report-kicker">{move || lang.get().t(Key::ReportKicker)}</p>
                <h1>{move || plan.with(|p| p.city.clone())}</h1>
                <p class="report-plan">{move || plan.with(|p| p.title.clone().unwrap_or_default())}</p>
                <p>{move || plan.with(|p| p.province.clone().unwrap_or_default())}</p>
                <p class="report-date">{move || lang.get().tf(Key::ReportDate, &[("date", &lang.get().date(&today))])}</p>
                {move || super::notices::sample_note(store, lang.get()).map(|text| view! {
                    <p class="report-note" data-testid="report-sample-note">{text}</p>
                })}
            </section>
            <section class="report-section" data-testid="report-summary">
                <h2>{move || lang.get().t(Key::OverviewHeading)}</h2>
                <table class="report-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || lang.get().field("status")}</th>
                            <th scope="col">{move || lang.get().t(Key::SummaryCount)}</th>
                            <th scope="col">{move || lang.get().t(Key::SummaryShare)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let l = lang.get();
                            overview.with(|o| Status::ALL.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{l.status(*s)}</th>
                                    <td class="number">{l.count(o.counts.get(*s))}</td>
                                    <td class="number">{l.share(o.shares.get(*s))}</td>
                                </tr>
                            }).collect_view())
                        }}
                        <tr class="total">
                            <th scope="row">{move || lang.get().t(Key::SummaryTotal)}</th>
                            <td class="number">{move || lang.get().count(overview.with(|o| o.programs))}</td>
                            <td></td>
                        </tr>
                    </tbody>
                </table>
            </section>
            <section class="report-section report-charts" data-testid="report-charts">
                <h2>{move || lang.get().t(Key::DashboardHeading)}</h2>
                {move || charts.with(|charts| charts.iter().map(|c| view! {
                    <figure class="report-chart" role="img" aria-label=c.title.clone() inner_html=c.to_svg()></figure>
                }).collect_view())}
            </section>
            {Dimension::ALL.into_iter().map(|dimension| view! {
                <section class="report-section" data-testid=format!("report-dimension-{}", dimension.code())>
                    <h2>{move || lang.get().dimension(dimension)}</h2>
                    <table class="report-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || lang.get().field("id")}</th>
                                <th scope="col">{move || lang.get().field("name")}</th>
                                <th scope="col">{move || lang.get().field("status")}</th>
                                <th scope="col">{move || lang.get().field("agency")}</th>
                                <th scope="col">{move || lang.get().field("target_year")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let l = lang.get();
                                store.with(|d| d.programs.iter().filter(|p| p.dimension == dimension).map(|p| {
                                    let agency = p.agency.as_deref().map(|a| d.agency(a).map_or_else(|| a.to_owned(), |a| a.full_name()));
                                    view! {
                                        <tr>
                                            <td>{p.id.clone()}</td>
                                            <td>{p.name.clone()}</td>
                                            <td>{l.status(p.status)}</td>
                                            <td>{agency}</td>
                                            <td class="number">{p.target_year}</td>
                                        </tr>
                                    }
                                }).collect_view())
                            }}
                        </tbody>
                    </table>
                </section>
            }).collect_view()}
            {move || map.get().map(|(title, svg)| view! {
                <section class="report-section report-map" data-testid="report-map">
                    <h2>{lang.get().t(Key::MapHeading)}</h2>
                    <figure class="report-chart" role="img" aria-label=title inner_html=svg></figure>
                </section>
            })}
            {move || (!compare_charts.with(Vec::is_empty)).then(|| view! {
                <section class="report-section report-compare" data-testid="report-compare">
                    <h2>{lang.get().t(Key::CitiesHeading)}</h2>
                    {compare_charts.get().into_iter().map(|(title, svg)| view! {
                        <figure class="report-chart" role="img" aria-label=title inner_html=svg></figure>
                    }).collect_view()}
                </section>
            })}
            <section class="report-section" data-testid="report-postponed">
                <h2>{move || lang.get().tf(Key::PostponedHeading, &[("count", &lang.get().count(store.with(|d| d.programs.iter().filter(|p| p.postponed_to.is_some()).count())))])}</h2>
                <table class="report-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || lang.get().field("id")}</th>
                            <th scope="col">{move || lang.get().field("name")}</th>
                            <th scope="col">{move || lang.get().field("postponed_to")}</th>
                            <th scope="col">{move || lang.get().field("delay_reason")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || store.with(|d| d.programs.iter().filter_map(|p| p.postponed_to.map(|year| view! {
                            <tr>
                                <td>{p.id.clone()}</td>
                                <td>{p.name.clone()}</td>
                                <td class="number">{year}</td>
                                <td>{p.delay_reason.clone()}</td>
                            </tr>
                        })).collect_view())}
                    </tbody>
                </table>
            </section>
            <section class="report-section report-scorecards" data-testid="report-scorecards">
                <h2>{move || lang.get().t(Key::ScorecardsHeading)}</h2>
                {move || {
                    let l = lang.get();
                    store.with(|d| {
                        if d.agencies.is_empty() {
                            return view! { <p class="empty">{l.t(Key::ScorecardsEmpty)}</p> }.into_any();
                        }
                        Scorecard::all(d).into_iter().map(|card| scorecard_view(card, l, d.plan.city.clone())).collect_view().into_any()
                    })
                }}
            </section>
        </article>
    }
}
