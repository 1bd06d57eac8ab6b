//! The dashboard: every chart of the data, filtered together by dimension, agency or quick wins; each can
//! be shown as a table, downloaded as SVG or as PNG (twice the size, for slides) and copied.

use leptos::prelude::*;

use crate::charts::{BarChart, Table};
use crate::dashboard;
use crate::files;
use crate::format::Dimension;
use crate::i18n::Key;
use crate::state::exports::ExportOf;
use crate::state::notices::Confirmation;

use super::address::{self, View};
use super::map::MapCard;
use super::presentation::Presentation;
use super::scorecards::AgencyScorecards;
use super::slide_list::SlideList;
use super::{use_exports, use_lang, use_navigation, use_notices, use_store};

#[component]
pub fn Dashboard() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let agencies = store.agencies();
    // The filter lives in the address, so that a filtered dashboard can be bookmarked, reloaded and shared.
    let filter = use_navigation().dashboard;
    Effect::new(move |_| filter.with(|f| address::write(View::Dashboard, &Default::default(), f, false)));
    let charts = Memo::new(move |_| store.with(|d| filter.with(|f| dashboard::charts(d, f, lang.get()))));
    let chart_indexes = move || 0..charts.with(Vec::len);
    let presenting = RwSignal::new(false);
    view! {
        <section class="dashboard" aria-labelledby="dashboard-heading">
            <div class="register-head">
                <h2 id="dashboard-heading">{move || lang.get().t(Key::DashboardHeading)}</h2>
                <button type="button" class="button primary" data-testid="present-start" on:click=move |_| presenting.set(true)>
                    {move || lang.get().t(Key::PresentationStart)}
                </button>
            </div>
            {move || presenting.get().then(|| view! { <Presentation close=move || presenting.set(false) filter=filter.into()/> })}
            <SlideList/>
            <div class="filters" role="group" aria-label=move || lang.get().t(Key::DashboardFilters)>
                <label class="filter">
                    <span>{move || lang.get().t(Key::FieldDimension)}</span>
                    <select data-testid="dashboard-dimension" prop:value=move || filter.with(|f| f.dimension.map(|d| d.code()).unwrap_or(""))
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            filter.update(|f| f.dimension = Dimension::ALL.into_iter().find(|d| d.code() == value));
                        }>
                        <option value="">{move || lang.get().t(Key::FilterAll)}</option>
                        {move || Dimension::ALL.iter().map(|d| view! { <option value=d.code()>{lang.get().dimension(*d)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    <span>{move || lang.get().t(Key::FieldAgency)}</span>
                    <select data-testid="dashboard-agency" prop:value=move || filter.with(|f| f.agency.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            filter.update(|f| f.agency = (!value.is_empty()).then_some(value));
                        }>
                        <option value="">{move || lang.get().t(Key::FilterAll)}</option>
                        {move || agencies.with(|list| list.iter().map(|a| {
                            let id = a.id.clone();
                            view! { <option value=a.id.clone() prop:selected=move || filter.with(|f| f.agency.as_ref() == Some(&id))>{a.full_name()}</option> }
                        }).collect_view())}
                    </select>
                </label>
                <label class="filter checkbox-filter">
                    <input type="checkbox" data-testid="dashboard-quick-wins" prop:checked=move || filter.with(|f| f.quick_wins_only)
                        on:change=move |ev| filter.update(|f| f.quick_wins_only = event_target_checked(&ev))/>
                    <span>{move || lang.get().t(Key::DashboardQuickWinsOnly)}</span>
                </label>
            </div>
            <div class="chart-grid">
                <For each=chart_indexes key=|i| *i let:index>
                    <ChartCard chart=Signal::derive(move || charts.with(|c| c.get(index).cloned()))/>
                </For>
            </div>
            <MapCard filter=filter.into()/>
        </section>
        <AgencyScorecards/>
    }
}

/// One chart with its title, its table on request, and its downloads.
#[component]
pub fn ChartCard(chart: Signal<Option<BarChart>>) -> impl IntoView {
    let as_table = RwSignal::new(false);
    let svg = Memo::new(move |_| chart.with(|c| c.as_ref().map(BarChart::to_svg).unwrap_or_default()));
    let name = Signal::derive(move || chart.with(|c| c.as_ref().map_or("", |c| c.name)));
    let table = Signal::derive(move || chart.with(|c| c.as_ref().map(|c| (c.title.clone(), c.table.clone()))));
    view! {
        <figure class="chart-card" data-testid=move || format!("chart-{}", name.get())>
            {move || if as_table.get() {
                Some(view! { <ChartTable name=name table=table/> }.into_any())
            } else {
                Some(view! {
                    <div class="chart" role="img" aria-label=move || chart.with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default())
                        inner_html=move || svg.get()></div>
                }.into_any())
            }}
            <figcaption class="chart-actions">
                <ChartActions name=name svg=svg as_table=as_table/>
            </figcaption>
        </figure>
    }
}

/// A chart's numbers as a table, under the chart's title.
#[component]
pub fn ChartTable(name: Signal<&'static str>, table: Signal<Option<(String, Table)>>) -> impl IntoView {
    move || {
        table.with(|t| {
            t.as_ref().map(|(title, table)| {
                view! {
                    <table class="chart-table" data-testid=format!("chart-{}-table", name.get())>
                        <caption>{title.clone()}</caption>
                        <thead><tr>{table.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {table.rows.iter().map(|row| view! {
                                <tr>
                                    {row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                        view! { <th scope="row">{cell.clone()}</th> }.into_any()
                                    } else {
                                        view! { <td class="number">{cell.clone()}</td> }.into_any()
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })
        })
    }
}

/// Show as a table, download as SVG or PNG (twice the size, for slides), copy as an image.
#[component]
pub fn ChartActions(name: Signal<&'static str>, svg: Memo<String>, as_table: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let exports = use_exports();
    let notices = use_notices();
    let lang = use_lang();
    let file_name =
        move |ext: &str| store.with_untracked(|d| d.file_name_with(&format!(" - {}.{ext}", name.get_untracked())));
    let download_svg = move |_| {
        let file = file_name("svg");
        let outcome = files::download(&file, "image/svg+xml", &svg.get_untracked());
        exports.report(file, outcome, ExportOf::Other);
    };
    let download_png = move |_| {
        let file = file_name("png");
        let svg = svg.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = match files::svg_to_png(&svg, 2.0).await {
                Ok(png) => files::download_blob(&file, png),
                Err(detail) => Err(detail),
            };
            exports.report(file, outcome, ExportOf::Other);
        });
    };
    let copy = move |_| {
        let svg = svg.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = match files::svg_to_png(&svg, 2.0).await {
                Ok(png) => files::copy_png_to_clipboard(png).await,
                Err(detail) => Err(detail),
            };
            notices.confirm(match outcome {
                Ok(()) => Confirmation::ChartCopied,
                Err(_) => Confirmation::ChartNotCopied,
            });
        });
    };
    view! {
        <button type="button" class="button small" data-testid="chart-table-toggle" aria-pressed=move || as_table.get().to_string()
            on:click=move |_| as_table.update(|t| *t = !*t)>
            {move || lang.get().t(if as_table.get() { Key::ChartShowChart } else { Key::ChartShowTable })}
        </button>
        <button type="button" class="button small" data-testid="chart-download-svg" on:click=download_svg>"SVG"</button>
        <button type="button" class="button small" data-testid="chart-download-png" on:click=download_png>"PNG"</button>
        <button type="button" class="button small" data-testid="chart-copy" on:click=copy>{move || lang.get().t(Key::ChartCopy)}</button>
    }
}
