//! The comparison of the portfolio's cities (`?view=compare`): a row per city and a totals row, sorted by any
//! column and filtered by province; the status shares per city and each city's latest index as charts; the
//! portfolio exported as one file; a city opened, or removed (its data kept, and brought back by undo).

use leptos::prelude::*;

use crate::format::{Dataset, Dimension, Status};
use crate::i18n::{Key, Lang};
use crate::portfolio::{CityFigures, CompareColumn, CompareQuery, Comparison, Portfolio, weights_text};
use crate::state::exports::ExportOf;
use crate::state::notices::Confirmation;
use crate::storage::{CityId, cities};

use super::dashboard::ChartCard;
use super::{use_exports, use_imports, use_lang, use_notices, use_store};

#[component]
pub fn Compare() -> impl IntoView {
    let store = use_store();
    let imports = use_imports();
    let notices = use_notices();
    let exports = use_exports();
    let lang = use_lang();
    let query = RwSignal::new(CompareQuery::default());
    let cities = Memo::new(move |_| {
        imports.cities_changed().track();
        crate::state::portfolio_cities(store)
    });
    // Counts the lists of cities read: rows are drawn again for a new one, moved for a new sort.
    let generation = Memo::new(move |previous: Option<&u64>| {
        cities.track();
        previous.map_or(0, |n| n + 1)
    });
    let comparison = Memo::new(move |_| {
        cities.with(|c| {
            let datasets: Vec<&Dataset> = c.iter().map(|(_, d)| d).collect();
            query.with(|q| Comparison::of(&datasets, q))
        })
    });
    let id_of = move |row: &CityFigures| row.at.and_then(|at| cities.with(|c| c.get(at).map(|(id, _)| *id)));
    let confirming = RwSignal::new(None::<CityId>);
    let removed = RwSignal::new(None::<(CityId, String)>);
    let charts = Memo::new(move |_| comparison.with(|c| crate::portfolio::charts(c, lang.get())));
    let chart =
        move |name: &'static str| Signal::derive(move || charts.with(|c| c.iter().find(|c| c.name == name).cloned()));
    let (status_chart, index_chart) = (chart("compare-status"), chart("compare-index"));
    let export_portfolio = move |_| {
        let datasets: Vec<Dataset> = cities.with_untracked(|c| c.iter().map(|(_, d)| d.clone()).collect());
        let file = format!(
            "{} {}.masterplan-portfolio.json",
            lang.get_untracked().t(Key::PortfolioFileName),
            crate::files::today()
        );
        let outcome = crate::files::download(
            &file,
            "application/json",
            &Portfolio { datasets }.to_file_json(&crate::files::now_rfc3339()),
        );
        exports.report(file, outcome, ExportOf::Other);
    };
    let export_table = move |xlsx: bool| {
        let l = lang.get_untracked();
        let stem = format!("{} {}", l.t(Key::CompareFileName), crate::files::today());
        let (file, outcome) = comparison.with_untracked(|c| {
            if xlsx {
                let file = format!("{stem}.xlsx");
                let outcome = crate::spreadsheet::comparison_xlsx(c, l).and_then(|bytes| {
                    crate::files::download_bytes(
                        &file,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    )
                });
                (file, outcome)
            } else {
                let file = format!("{stem}.csv");
                let outcome =
                    crate::files::download(&file, "text/csv;charset=utf-8", &crate::spreadsheet::comparison_csv(c, l));
                (file, outcome)
            }
        });
        exports.report(file, outcome, ExportOf::Other);
    };
    let remove = move |id: CityId| {
        let Some(storage) = store.storage() else { return };
        confirming.set(None);
        leptos::task::spawn_local(async move {
            match cities::remove(storage, id).await {
                Ok(entry) => {
                    removed.try_set(Some((entry.id, entry.city.clone())));
                    notices.confirm(Confirmation::CityRemoved { city: entry.city });
                }
                Err(error) => notices.confirm(Confirmation::CityNotRemoved { error }),
            }
            imports.note_cities_changed();
        });
    };
    let bring_back = move |_| {
        let Some(storage) = store.storage() else { return };
        let Some((id, _)) = removed.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            match cities::bring_back(storage, id).await {
                Ok(_) => {
                    removed.try_set(None);
                    imports.note_cities_changed();
                }
                Err(error) => notices.confirm(Confirmation::CityNotBroughtBack { error }),
            }
        });
    };
    let header = move |column: CompareColumn, label: String| {
        let sorted = move || query.with(|q| q.sort == column);
        view! {
            <th scope="col" aria-sort=move || if sorted() { if query.with(|q| q.descending) { "descending" } else { "ascending" } } else { "none" }>
                <button type="button" class="sort" data-testid=format!("compare-sort-{}", column.code())
                    on:click=move |_| query.update(|q| {
                        if q.sort == column { q.descending = !q.descending } else { q.sort = column; q.descending = column != CompareColumn::City && column != CompareColumn::Province }
                    })>
                    {label}
                    <span aria-hidden="true">{move || if sorted() { if query.with(|q| q.descending) { " ▼" } else { " ▲" } } else { "" }}</span>
                </button>
            </th>
        }
    };
    let current = store.city();

    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <div class="register-head">
                <h2 id="compare-heading">{move || lang.get().t(Key::CitiesHeading)}</h2>
                <div class="actions">
                    <button type="button" class="button" data-testid="export-portfolio" on:click=export_portfolio>
                        {move || lang.get().t(Key::ExportPortfolio)}
                    </button>
                    <button type="button" class="button" data-testid="compare-export-csv" on:click=move |_| export_table(false)>
                        {move || lang.get().t(Key::CompareExportCsv)}
                    </button>
                    <button type="button" class="button" data-testid="compare-export-xlsx" on:click=move |_| export_table(true)>
                        {move || lang.get().t(Key::CompareExportXlsx)}
                    </button>
                </div>
            </div>
            <p class="explainer">{move || lang.get().tf(Key::CompareExplainer, &[("count", &lang.get().count(cities.with(Vec::len)))])}</p>
            {move || removed.get().map(|(_, city)| view! {
                <p class="notice notice-ok" role="status" data-testid="city-removed">
                    {lang.get().tf(Key::CityRemoved, &[("city", &city)])}
                    " "
                    <button type="button" class="button small" data-testid="city-remove-undo" on:click=bring_back>{lang.get().t(Key::Undo)}</button>
                </p>
            })}
            <div class="filters">
                <label class="filter">
                    <span>{move || lang.get().t(Key::FieldProvince)}</span>
                    <select data-testid="compare-province" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        query.update(|q| q.province = (!value.is_empty()).then_some(value));
                    }>
                        <option value="">{move || lang.get().t(Key::FilterAll)}</option>
                        {move || comparison.with(|c| c.provinces.iter().map(|p| {
                            let chosen = p.clone();
                            view! { <option value=p.clone() prop:selected=move || query.with(|q| q.province.as_ref() == Some(&chosen))>{p.clone()}</option> }
                        }).collect_view())}
                    </select>
                </label>
            </div>
            <div class="compare-scroll">
                <table class="compare-table" data-testid="compare-table">
                    <thead>
                        <tr>
                            {move || {
                                let l = lang.get();
                                let mut heads = vec![
                                    header(CompareColumn::City, l.t(Key::CompareCity).to_owned()).into_any(),
                                    header(CompareColumn::Province, l.t(Key::FieldProvince).to_owned()).into_any(),
                                    header(CompareColumn::Programs, l.t(Key::ProgramsLabel).to_owned()).into_any(),
                                ];
                                for s in Status::ALL {
                                    heads.push(header(CompareColumn::Count(s), l.status(s).to_owned()).into_any());
                                    heads.push(header(CompareColumn::Share(s), format!("{} (%)", l.status(s))).into_any());
                                }
                                heads.push(header(CompareColumn::QuickWins, l.t(Key::QuickWinsLabel).to_owned()).into_any());
                                heads.push(header(CompareColumn::Postponed, l.t(Key::MapMeasurePostponed).to_owned()).into_any());
                                for d in Dimension::ALL {
                                    heads.push(header(CompareColumn::Active(d), l.tf(Key::CompareActiveIn, &[("dimension", l.dimension(d))])).into_any());
                                }
                                heads.push(header(CompareColumn::RoundDate, l.t(Key::CompareLatestRound).to_owned()).into_any());
                                heads.push(header(CompareColumn::Index, l.t(Key::CompareIndex).to_owned()).into_any());
                                heads.push(view! { <th scope="col">{l.t(Key::CompareActions)}</th> }.into_any());
                                heads
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let l = lang.get();
                            // Keyed by the city's place and the cities' generation: a sort or a filter moves the
                            // rows drawn before, which a new list of cities or a new language draws again.
                            view! {
                                <For
                                    each=move || {
                                        let generation = generation.get();
                                        comparison.with(|c| c.rows.iter().map(|row| (generation, row.clone())).collect::<Vec<_>>())
                                    }
                                    key=|(generation, row)| (*generation, row.at)
                                    children=move |(_, row)| {
                                let id = id_of(&row);
                                let actions = id.map(|id| {
                                    let open = super::address::city_address(id, "");
                                    view! {
                                        <a class="button small" data-testid="compare-open" href=open>{l.t(Key::CompareOpen)}</a>
                                        {(id != current).then(|| view! {
                                            {move || if confirming.get() == Some(id) {
                                                view! {
                                                    <span class="confirm">
                                                        <button type="button" class="button small danger" data-testid="city-remove-confirm"
                                                            on:click=move |_| remove(id)>{lang.get().t(Key::Delete)}</button>
                                                        <button type="button" class="button small" on:click=move |_| confirming.set(None)>{lang.get().t(Key::ImportCancel)}</button>
                                                    </span>
                                                }.into_any()
                                            } else {
                                                view! {
                                                    <button type="button" class="button small" data-testid="city-remove"
                                                        on:click=move |_| confirming.set(Some(id))>{lang.get().t(Key::CityRemove)}</button>
                                                }.into_any()
                                            }}
                                        })}
                                    }
                                });
                                view! {
                                    <tr data-testid="compare-city-row" data-city=row.city.clone() class:current={id == Some(current)}>
                                        <th scope="row">{row.city.clone()}</th>
                                        {figure_cells(&row, l)}
                                        <td class="actions">{actions}</td>
                                    </tr>
                                }
                                    }
                                />
                            }
                        }}
                    </tbody>
                    <tfoot>
                        {move || {
                            let l = lang.get();
                            comparison.with(|c| view! {
                                <tr data-testid="compare-total">
                                    <th scope="row">{l.tf(Key::CompareTotal, &[("count", &l.count(c.rows.len()))])}</th>
                                    {figure_cells(&c.total, l)}
                                    <td></td>
                                </tr>
                            })
                        }}
                    </tfoot>
                </table>
            </div>
            <div class="chart-grid">
                {move || status_chart.with(Option::is_some).then(|| view! { <ChartCard chart=status_chart/> })}
                {move || index_chart.with(Option::is_some).then(|| view! { <ChartCard chart=index_chart/> })}
            </div>
        </section>
    }
}

/// A row's figures after its name: province, programs, each status' count and share, quick wins,
/// postponed, the share running or done per dimension (shaded by quarter), the latest round and its index.
fn figure_cells(row: &CityFigures, l: Lang) -> impl IntoView + use<> {
    let mut cells = vec![
        view! { <td class="province">{row.province.clone().unwrap_or_default()}</td> }.into_any(),
        view! { <td class="number" data-testid="compare-programs">{l.count(row.programs)}</td> }.into_any(),
    ];
    for s in Status::ALL {
        cells.push(view! { <td class="number" data-testid=format!("compare-count-{}", s.code())>{l.count(row.counts.get(s))}</td> }.into_any());
        cells.push(view! { <td class="number" data-testid=format!("compare-share-{}", s.code())>{l.share(row.shares.get(s))}</td> }.into_any());
    }
    cells.push(view! { <td class="number" data-testid="compare-quick-wins">{l.count(row.quick_wins)}</td> }.into_any());
    cells.push(view! { <td class="number" data-testid="compare-postponed">{l.count(row.postponed)}</td> }.into_any());
    for (share, d) in row.active_by_dimension.iter().zip(Dimension::ALL) {
        let quarter = share.map_or(0, |s| 1 + (s.as_fraction() * 4.0).min(3.0) as usize);
        cells.push(
            view! {
                <td class=format!("number shade-{quarter}") data-testid=format!("compare-active-{}", d.code())>
                    {share.map_or_else(|| "–".to_owned(), |s| l.share(s))}
                </td>
            }
            .into_any(),
        );
    }
    let round = row.latest_round.as_ref();
    cells.push(
        view! {
            <td data-testid="compare-round">{round.map(|r| format!("{} ({})", r.label, l.date(&r.date)))}</td>
        }
        .into_any(),
    );
    cells.push(
        view! {
            <td class="number" data-testid="compare-index">
                {round.map(|r| {
                    let index = r.index.map_or_else(|| "–".to_owned(), |i| l.decimal(i));
                    let change = r.change.map(|c| format!(" ({})", l.signed_decimal(c))).unwrap_or_default();
                    let weights = l.tf(Key::CompareWeights, &[("weights", &weights_text(&r.weights, l))]);
                    view! { {index}{change}<br/><small class="weights">{weights}</small> }
                })}
            </td>
        }
        .into_any(),
    );
    cells
}
