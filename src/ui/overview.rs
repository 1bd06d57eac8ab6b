//! The overview: the headline figures of the current dataset and its two charts.

use leptos::prelude::*;

use crate::charts::BarChart;
use crate::format::Status;
use crate::i18n::{Key, Lang};
use crate::metrics::Overview as Figures;

use super::{TestIds, use_lang, use_store};

#[component]
pub fn Overview() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let figures = Memo::new(move |_| store.with_programs(Figures::of));
    view! {
        <super::start::NextSteps/>
        <OverviewSection figures=figures.into() lang=lang.into() ids=TestIds::Named>
            <Postponed/>
        </OverviewSection>
    }
}

/// The headline figures and the two charts; the first view draws them too, from the figures it read.
#[component]
pub fn OverviewSection(
    figures: Signal<Figures>,
    lang: Signal<Lang>,
    ids: TestIds,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let status_chart = Memo::new(move |_| figures.with(|f| BarChart::status_shares(f, lang.get())));
    let dimension_chart = Memo::new(move |_| figures.with(|f| BarChart::dimensions_by_status(f, lang.get())));

    let status_figure = move |status: Status| {
        let code = status.code();
        view! {
            <div class=format!("figure status status-{code}")>
                <span class="swatch" aria-hidden="true"></span>
                <span class="figure-label">{move || lang.get().status(status)}</span>
                <span class="figure-value" data-testid=ids.name(format!("status-count-{code}"))>
                    {move || lang.get().count(figures.with(|f| f.counts.get(status)))}
                </span>
                <span class="figure-share" data-testid=ids.name(format!("status-share-{code}"))>
                    {move || lang.get().share(figures.with(|f| f.shares.get(status)))}
                </span>
            </div>
        }
    };

    view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{move || lang.get().t(Key::OverviewHeading)}</h2>
            <div class="figures">
                <div class="figure total">
                    <span class="figure-label">{move || lang.get().t(Key::ProgramsLabel)}</span>
                    <span class="figure-value" data-testid=ids.name("program-count")>
                        {move || lang.get().count(figures.with(|f| f.programs))}
                    </span>
                    <span class="figure-share">
                        {move || {
                            let quick_wins = figures.with(|f| f.quick_wins.total());
                            format!("{}: {}", lang.get().t(Key::QuickWinsLabel), lang.get().count(quick_wins))
                        }}
                    </span>
                </div>
                {Status::ALL.into_iter().map(status_figure).collect_view()}
            </div>
            <div class="charts">
                <ChartFigure testid=ids.name("chart-status") chart=status_chart/>
                <ChartFigure testid=ids.name("chart-dimension") chart=dimension_chart/>
            </div>
            {children.map(|children| children())}
        </section>
    }
}

/// A chart as inline SVG, labelled for screen readers by its title.
#[component]
fn ChartFigure(testid: Option<&'static str>, chart: Memo<BarChart>) -> impl IntoView {
    view! {
        <figure
            class="chart"
            data-testid=testid
            role="img"
            aria-label=move || chart.with(|c| c.title.clone())
            inner_html=move || chart.with(BarChart::to_svg)
        ></figure>
    }
}

/// The programs pushed back to a later year, with the new year and why.
#[component]
fn Postponed() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let postponed = Memo::new(move |_| {
        store.with_programs(|d| {
            d.programs
                .iter()
                .filter_map(|p| {
                    p.postponed_to
                        .map(|year| (p.id.clone(), p.name.clone(), year, p.delay_reason.clone().unwrap_or_default()))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let l = lang.get();
        let rows = postponed.get();
        (!rows.is_empty()).then(|| {
            view! {
                <details class="postponed" data-testid="postponed-list">
                    <summary>{l.tf(Key::PostponedHeading, &[("count", &l.count(rows.len()))])}</summary>
                    <table class="postponed-table">
                        <thead>
                            <tr>
                                <th scope="col">{l.field("id")}</th>
                                <th scope="col">{l.field("name")}</th>
                                <th scope="col">{l.field("postponed_to")}</th>
                                <th scope="col">{l.field("delay_reason")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(id, name, year, reason)| view! {
                                <tr><td>{id}</td><td>{name}</td><td>{year}</td><td>{reason}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            }
        })
    }
}
