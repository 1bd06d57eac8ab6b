//! The printable evaluation report: an A4 document laid out from the data (cover, summary figures, the
//! charts, a table per dimension, the postponed programs, each agency's scorecard), with a page break between
//! sections. "Print" (or Ctrl+P) prints it; the print style sheet leaves every control of the page out.

use leptos::prelude::*;

use crate::dashboard;
use crate::evaluation::{self, RoundScores};
use crate::files;
use crate::format::{Dimension, Status};
use crate::i18n::Key;
use crate::metrics::{Overview, ProgramFilter};
use crate::scorecard::Scorecard;

use super::dashboard::ChartTable;
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
    // The budget charts' numbers in full, beside the charts above.
    let budget_tables = Memo::new(move |_| {
        charts.with(|charts| {
            charts
                .iter()
                .filter(|c| c.name.starts_with("budget-"))
                .map(|c| (c.name, c.title.clone(), c.table.clone()))
                .collect::<Vec<_>>()
        })
    });
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
            {move || (!budget_tables.with(Vec::is_empty)).then(|| view! {
                <section class="report-section" data-testid="report-budget">
                    <h2>{lang.get().t(Key::ReportBudgetHeading)}</h2>
                    {budget_tables.get().into_iter().map(|(name, title, table)| view! {
                        <ChartTable name=Signal::stored(name) table=Signal::stored(Some((title, table)))/>
                    }).collect_view()}
                </section>
            })}
            <section class="report-section" data-testid="report-scores">
                <h2>{move || lang.get().t(Key::ReportScoresHeading)}</h2>
                {move || {
                    let l = lang.get();
                    let rounds = store.with(evaluation::round_scores);
                    if rounds.is_empty() {
                        return view! { <p class="empty">{l.t(Key::ReportScoresEmpty)}</p> }.into_any();
                    }
                    rounds.into_iter().map(|round| round_scores_view(l, round)).collect_view().into_any()
                }}
            </section>
            <section class="report-section" data-testid="report-evidence">
                <h2>{move || lang.get().t(Key::ReportEvidenceHeading)}</h2>
                {move || {
                    let l = lang.get();
                    store.with(|d| {
                        let with_evidence: Vec<&crate::format::Program> = d.programs.iter().filter(|p| !p.evidence.is_empty()).collect();
                        if with_evidence.is_empty() {
                            return view! { <p class="empty">{l.t(Key::ReportEvidenceEmpty)}</p> }.into_any();
                        }
                        view! {
                            <table class="report-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{l.field("id")}</th>
                                        <th scope="col">{l.field("name")}</th>
                                        <th scope="col">{l.field("evidence")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {with_evidence.into_iter().map(|p| view! {
                                        <tr data-testid="report-evidence-row">
                                            <td>{p.id.clone()}</td>
                                            <td>{p.name.clone()}</td>
                                            <td><ul class="evidence">{p.evidence.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    })
                }}
            </section>
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

/// A round's scores, weights and each aspect's contribution to the index, as the assessors read them.
fn round_scores_view(l: crate::i18n::Lang, round: RoundScores) -> impl IntoView {
    let number = |n: Option<f64>| n.map(|n| l.decimal(n)).unwrap_or_default();
    let scale = match round.scale_max {
        Some(max) => l.tf(Key::ScaleStated, &[("max", &l.plain_number(max))]),
        None => l.t(Key::IndexAxisNoScale).to_owned(),
    };
    let index = match &round.index {
        Ok(value) => l.decimal(*value),
        Err(error) => l.no_index(error),
    };
    let weights: f64 = round.aspects.iter().filter_map(|a| a.weight).sum();
    view! {
        <table class="report-table scores-table" data-testid="report-scores-table" data-evaluation-id=round.id.clone()>
            <caption>{format!("{} ({}) · {scale}", round.label, l.date(&round.date))}</caption>
            <thead>
                <tr>
                    <th scope="col">{l.t(Key::AspectHead)}</th>
                    <th scope="col">{l.t(Key::Score)}</th>
                    <th scope="col">{l.t(Key::Weight)}</th>
                    <th scope="col">{l.t(Key::ContributionHead)}</th>
                </tr>
            </thead>
            <tbody>
                {round.aspects.iter().map(|a| view! {
                    <tr>
                        <th scope="row">{l.aspect(a.aspect)}</th>
                        <td class="number">{number(a.score)}</td>
                        <td class="number">{a.weight.map(|w| l.plain_number((w * 100.0).round() / 100.0))}</td>
                        <td class="number">{number(a.contribution)}</td>
                    </tr>
                }).collect_view()}
                <tr class="total">
                    <th scope="row">{l.t(Key::IndexAxis)}</th>
                    <td></td>
                    <td class="number">{l.plain_number((weights * 100.0).round() / 100.0)}</td>
                    <td class="number" data-testid="report-scores-index">{index}</td>
                </tr>
            </tbody>
        </table>
        {round.default_weights.then(|| view! { <p class="hint">{l.t(Key::DefaultWeightsNote)}</p> })}
    }
}
