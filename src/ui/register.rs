//! The program register: every program in a table that renders only the rows in sight (so that 20 000
//! programs stay smooth), with search, filters and sort kept in the address, the status changed in
//! place, several programs changed at once, and the form for one program.

use leptos::prelude::*;

use crate::edit::{self, BulkSet};
use crate::format::{
    Dataset, Dimension, Horizon, Program, Status, SubDimension, from_code, from_yes_no_code, yes_no_code,
};
use crate::geo::RegionIndex;
use crate::i18n::{Key, Lang};
use crate::register::{
    CITY_WIDE, Column, NO_AGENCY, Optional, RegisterQuery, SearchIndex, ShownColumns, reshown, shown,
};
use crate::state::store::ProgramsTouched;

use super::address::{self, View};
use super::agencies::AgencyPanel;
use super::program_form::{Editing, ProgramForm};
use super::{use_lang, use_navigation, use_settings, use_store};

/// The height of one row in pixels; the style sheet gives rows exactly this height.
const ROW_HEIGHT: f64 = 44.0;
/// On a phone each program is a card this tall (style/main.css, `.register-table tbody tr`).
const CARD_HEIGHT: f64 = 120.0;
/// Rows rendered above and below the visible ones, so that quick scrolling shows no gaps.
const OVERSCAN: usize = 8;

#[component]
pub fn Register() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let query = use_navigation().query;
    let changes = store.program_changes();
    // The search index and the rows follow an edit of a few programs by reading those again, not all of
    // them: what keeps an edit of one program of 20 000 quick to paint.
    let index = Memo::new_owning(move |previous: Option<(u64, SearchIndex)>| {
        let now = changes.get();
        let next = match (previous, &now.touched) {
            (Some((seen, mut index)), ProgramsTouched::Places(places)) if seen + 1 == now.generation => {
                store.with_untracked(|d| index.update(d, places));
                index
            }
            _ => store.with_untracked(SearchIndex::of),
        };
        ((now.generation, next), true)
    });
    let rows = Memo::new_owning(move |previous: Option<(u64, RegisterQuery, Vec<usize>)>| {
        let now = changes.get();
        let current = query.get();
        let next = index.with(|(_, index)| match (previous, &now.touched) {
            (Some((seen, was, rows)), _) if seen == now.generation && was == current => rows,
            (Some((seen, was, mut rows)), ProgramsTouched::Places(places))
                if seen + 1 == now.generation && was == current =>
            {
                store.with_untracked(|d| reshown(d, index, &current, &mut rows, places));
                rows
            }
            _ => store.with_untracked(|d| shown(d, index, &current)),
        });
        ((now.generation, current, next), true)
    });
    let rows = Memo::new(move |_| rows.with(|(_, _, rows)| rows.clone()));
    let selected = RwSignal::new(Vec::<String>::new());
    let editing = RwSignal::new(None::<Editing>);
    let navigation = use_navigation();
    // Asked from the overview of an empty plan: the register opens with the form of a new program.
    Effect::new(move |_| {
        if navigation.adding_program.get() {
            navigation.adding_program.set(false);
            editing.set(Some(Editing::New));
        }
    });

    // The address follows the view as it is typed and chosen.
    Effect::new(move |_| query.with(|q| address::write(View::Register, q, &Default::default(), false)));

    view! {
        <section class="register" aria-labelledby="register-heading">
            <div class="register-head">
                <h2 id="register-heading">{move || lang.get().t(Key::RegisterHeading)}</h2>
                <p class="shown-count" data-testid="register-shown-count" role="status">
                    {move || {
                        let l = lang.get();
                        l.tf(Key::RegisterShown, &[
                            ("shown", &l.count(rows.with(Vec::len))),
                            ("total", &l.count(store.with_programs(|d| d.programs.len()))),
                        ])
                    }}
                </p>
                <ColumnChooser/>
                <button type="button" class="button primary" data-testid="program-add"
                    on:click=move |_| editing.set(Some(Editing::New))>
                    {move || lang.get().t(Key::ProgramAdd)}
                </button>
            </div>
            <Filters query=query/>
            <BulkBar selected=selected/>
            <ProgramTable rows=rows selected=selected editing=editing query=query/>
            {move || editing.get().map(|e| view! { <ProgramForm editing=e close=move || editing.set(None)/> })}
            <AgencyPanel/>
        </section>
    }
}

/// Which of the optional columns the table shows; remembered by the browser, like the language.
#[component]
fn ColumnChooser() -> impl IntoView {
    let settings = use_settings();
    let lang = use_lang();
    let columns = settings.register_columns();
    view! {
        <details class="column-chooser" data-testid="register-columns">
            <summary class="button small">{move || lang.get().t(Key::RegisterColumns)}</summary>
            <fieldset>
                <legend>{move || lang.get().t(Key::RegisterColumnsHint)}</legend>
                {Optional::ALL.into_iter().map(|column| view! {
                    <label class="inline-label">
                        <input type="checkbox" data-testid=format!("register-column-{}", column.code())
                            prop:checked=move || columns.with(|c| c.shows(column))
                            on:change=move |ev| {
                                let shown = event_target_checked(&ev);
                                settings.show_register_columns(columns.with_untracked(|c| c.with(column, shown)));
                            }/>
                        {move || lang.get().field(column.code()).to_owned()}
                    </label>
                }).collect_view()}
            </fieldset>
        </details>
    }
}

#[component]
fn Filters(query: RwSignal<RegisterQuery>) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let places = use_places();
    let agencies = store.agencies();
    let years = Memo::new(move |_| {
        let mut years: Vec<i32> = store.with_programs(|d| d.programs.iter().filter_map(|p| p.target_year).collect());
        years.sort_unstable();
        years.dedup();
        years
    });
    // A select whose options are (value, label); "" means no filter.
    let select = move |testid: &'static str,
                       label: Key,
                       options: Signal<Vec<(String, String)>>,
                       current: Signal<String>,
                       set: Callback<String>| {
        view! {
            <label class="filter">
                <span>{move || lang.get().t(label)}</span>
                <select data-testid=testid prop:value=move || current.get()
                    on:change=move |ev| set.run(event_target_value(&ev))>
                    <option value="">{move || lang.get().t(Key::FilterAll)}</option>
                    // Options made anew (the data changed) are chosen by `selected`, or the select would show the first.
                    {move || options.get().into_iter().map(|(value, text)| {
                        let chosen = value.clone();
                        view! { <option value=value prop:selected=move || current.with(|c| *c == chosen)>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let yes_no_options = move || {
        vec![
            ("yes".to_owned(), lang.get().yes_no(true).to_owned()),
            ("no".to_owned(), lang.get().yes_no(false).to_owned()),
        ]
    };
    let yes_no_value = |v: Option<bool>| yes_no_code(v).to_owned();

    view! {
        <div class="filters" role="search">
            <label class="filter search">
                <span>{move || lang.get().t(Key::RegisterSearch)}</span>
                <input type="search" data-testid="register-search"
                    placeholder=move || lang.get().t(Key::RegisterSearchHint)
                    prop:value=move || query.with(|q| q.search.clone())
                    on:input=move |ev| query.update(|q| q.search = event_target_value(&ev))/>
            </label>
            {select("filter-dimension", Key::FieldDimension,
                Signal::derive(move || Dimension::ALL.iter().map(|d| (d.code().to_owned(), lang.get().dimension(*d).to_owned())).collect()),
                Signal::derive(move || query.with(|q| q.dimension.map(|d| d.code().to_owned()).unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.dimension = from_code(&v))))}
            {select("filter-subdimension", Key::FieldSubdimension,
                Signal::derive(move || {
                    let dimension = query.with(|q| q.dimension);
                    SubDimension::ALL.iter().filter(|s| dimension.is_none_or(|d| s.dimension() == d))
                        .map(|s| (s.code().to_owned(), lang.get().subdimension(*s).to_owned())).collect()
                }),
                Signal::derive(move || query.with(|q| q.subdimension.map(|s| s.code().to_owned()).unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.subdimension = from_code(&v))))}
            {select("filter-status", Key::FieldStatus,
                Signal::derive(move || Status::ALL.iter().map(|s| (s.code().to_owned(), lang.get().status(*s).to_owned())).collect()),
                Signal::derive(move || query.with(|q| q.status.map(|s| s.code().to_owned()).unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.status = from_code(&v))))}
            {select("filter-agency", Key::FieldAgency,
                Signal::derive(move || {
                    let mut options = vec![(NO_AGENCY.to_owned(), lang.get().t(Key::NoAgency).to_owned())];
                    options.extend(agencies.with(|list| list.iter().map(|a| (a.id.clone(), a.full_name())).collect::<Vec<_>>()));
                    options
                }),
                Signal::derive(move || query.with(|q| q.agency.clone().unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.agency = (!v.is_empty()).then_some(v))))}
            {select("filter-quick-win", Key::FieldQuickWin, Signal::derive(yes_no_options),
                Signal::derive(move || query.with(|q| yes_no_value(q.quick_win))),
                Callback::new(move |v: String| query.update(|q| q.quick_win = from_yes_no_code(&v))))}
            {select("filter-horizon", Key::FieldHorizon,
                Signal::derive(move || Horizon::ALL.iter().map(|h| (h.code().to_owned(), lang.get().horizon(*h).to_owned())).collect()),
                Signal::derive(move || query.with(|q| q.horizon.map(|h| h.code().to_owned()).unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.horizon = from_code(&v))))}
            {select("filter-target-year", Key::FieldTargetYear,
                Signal::derive(move || years.get().into_iter().map(|y| (y.to_string(), y.to_string())).collect()),
                Signal::derive(move || query.with(|q| q.target_year.map(|y| y.to_string()).unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.target_year = v.parse().ok())))}
            {select("filter-postponed", Key::FilterPostponed, Signal::derive(yes_no_options),
                Signal::derive(move || query.with(|q| yes_no_value(q.postponed))),
                Callback::new(move |v: String| query.update(|q| q.postponed = from_yes_no_code(&v))))}
            {select("filter-rpjmd", Key::FieldRpjmd, Signal::derive(yes_no_options),
                Signal::derive(move || query.with(|q| yes_no_value(q.rpjmd))),
                Callback::new(move |v: String| query.update(|q| q.rpjmd = from_yes_no_code(&v))))}
            {select("filter-renstra", Key::FieldRenstra, Signal::derive(yes_no_options),
                Signal::derive(move || query.with(|q| yes_no_value(q.renstra))),
                Callback::new(move |v: String| query.update(|q| q.renstra = from_yes_no_code(&v))))}
            {move || (places.with(|p| !p.entries.is_empty()) || query.with(|q| q.region.is_some())).then(|| select("filter-region", Key::FieldLocations,
                Signal::derive(move || {
                    let mut options = vec![(CITY_WIDE.to_owned(), lang.get().t(Key::MapCityWide).to_owned())];
                    options.extend(places.with(region_options));
                    if let Some(region) = query.with(|q| q.region.clone()).filter(|r| !options.iter().any(|(v, _)| v == r)) {
                        options.push((region.clone(), region));
                    }
                    options
                }),
                Signal::derive(move || query.with(|q| q.region.clone().unwrap_or_default())),
                Callback::new(move |v: String| query.update(|q| q.region = (!v.is_empty()).then_some(v)))))}
            {move || query.with(RegisterQuery::is_filtering).then(|| view! {
                <button type="button" class="button small" data-testid="filters-clear"
                    on:click=move |_| query.update(|q| *q = RegisterQuery { sort: q.sort, descending: q.descending, ..Default::default() })>
                    {lang.get().t(Key::FiltersClear)}
                </button>
            })}
        </div>
    }
}

/// What the bulk bar is to give the selected programs, chosen field by field and applied with one button.
#[derive(Clone, Debug, Default, PartialEq)]
struct BulkChoice {
    status: Option<Status>,
    /// `Some(None)`: no agency.
    agency: Option<Option<String>>,
    dimension: Option<Dimension>,
}

impl BulkChoice {
    fn sets(&self) -> Vec<BulkSet> {
        let mut sets = Vec::new();
        sets.extend(self.status.map(BulkSet::Status));
        sets.extend(self.agency.clone().map(BulkSet::Agency));
        sets.extend(self.dimension.map(BulkSet::Dimension));
        sets
    }
}

/// The value the selected programs share for a field, as its select writes it; empty when they differ.
fn shared_value(dataset: &Dataset, ids: &[String], value: impl Fn(&Program) -> String) -> String {
    let ids: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut values = dataset.programs.iter().filter(|p| ids.contains(p.id.as_str())).map(value);
    let first = values.next().unwrap_or_default();
    if values.all(|v| v == first) { first } else { String::new() }
}

/// Changes several selected programs at once. Each select shows the value the selection shares (so undo
/// and redo show in it) or the one chosen; the count says how many programs the choice will change, and one
/// button applies it.
#[component]
fn BulkBar(selected: RwSignal<Vec<String>>) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let agencies = store.agencies();
    let choice = RwSignal::new(BulkChoice::default());
    // A new selection starts from what it shares, not from a choice made for the one before.
    Effect::new(move |_| {
        if selected.with(Vec::is_empty) && choice.with_untracked(|c| *c != BulkChoice::default()) {
            choice.set(BulkChoice::default());
        }
    });
    // What the choice would change, on the data as it now is.
    let will_change = Memo::new(move |_| {
        let sets = choice.with(BulkChoice::sets);
        if sets.is_empty() {
            return 0;
        }
        selected.with(|ids| store.with_programs(|d| edit::bulk_change(d, ids, &sets).touched_programs().count()))
    });
    let apply = move || {
        let sets = choice.with_untracked(BulkChoice::sets);
        let ids = selected.get_untracked();
        let _ = store.apply(store.with_untracked(|d| edit::bulk_change(d, &ids, &sets)));
        choice.set(BulkChoice::default());
    };
    let shown = move |chosen: Option<String>, value: fn(&Program) -> String| {
        chosen.unwrap_or_else(|| selected.with(|ids| store.with_programs(|d| shared_value(d, ids, value))))
    };
    let confirming = RwSignal::new(false);
    move || {
        let count = selected.with(Vec::len);
        (count > 0).then(|| {
            let l = lang.get();
            view! {
                <div class="bulk-bar" role="region" aria-label=l.t(Key::BulkHeading) data-testid="bulk-bar">
                    <span>{l.tf(Key::BulkSelected, &[("programs", &l.programs(count))])}</span>
                    <label class="filter">
                        <span>{l.t(Key::BulkSetStatus)}</span>
                        <select data-testid="bulk-status"
                            prop:value=move || shown(choice.with(|c| c.status.map(|s| s.code().to_owned())), |p| p.status.code().to_owned())
                            on:change=move |ev| choice.update(|c| c.status = from_code::<Status>(&event_target_value(&ev)))>
                            <option value="">"—"</option>
                            {Status::ALL.iter().map(|s| view! { <option value=s.code()>{l.status(*s)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="filter">
                        <span>{l.t(Key::BulkSetAgency)}</span>
                        <select data-testid="bulk-agency"
                            prop:value=move || shown(
                                choice.with(|c| c.agency.clone().map(|a| a.unwrap_or_else(|| NO_AGENCY.to_owned()))),
                                |p| p.agency.clone().unwrap_or_else(|| NO_AGENCY.to_owned()),
                            )
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                choice.update(|c| c.agency = (!value.is_empty()).then(|| (value != NO_AGENCY).then_some(value)));
                            }>
                            <option value="">"—"</option>
                            <option value=NO_AGENCY>{l.t(Key::NoAgency)}</option>
                            {agencies.with(|list| list.iter().map(|a| view! { <option value=a.id.clone()>{a.full_name()}</option> }).collect_view())}
                        </select>
                    </label>
                    <label class="filter">
                        <span>{l.t(Key::BulkSetDimension)}</span>
                        <select data-testid="bulk-dimension"
                            prop:value=move || shown(choice.with(|c| c.dimension.map(|d| d.code().to_owned())), |p| p.dimension.code().to_owned())
                            on:change=move |ev| choice.update(|c| c.dimension = from_code::<Dimension>(&event_target_value(&ev)))>
                            <option value="">"—"</option>
                            {Dimension::ALL.iter().map(|d| view! { <option value=d.code()>{l.dimension(*d)}</option> }).collect_view()}
                        </select>
                    </label>
                    <span class="bulk-count" data-testid="bulk-count" aria-live="polite">
                        {move || {
                            let l = lang.get();
                            match will_change.get() {
                                0 if choice.with(|c| c.sets().is_empty()) => l.t(Key::BulkChooseValue).to_owned(),
                                0 => l.t(Key::BulkNothingToChange).to_owned(),
                                n => l.tf(Key::BulkWillChange, &[("programs", &l.programs(n))]),
                            }
                        }}
                    </span>
                    <button type="button" class="button small primary" data-testid="bulk-apply"
                        disabled=move || will_change.get() == 0 on:click=move |_| apply()>
                        {l.t(Key::BulkApply)}
                    </button>
                    {move || if confirming.get() {
                        view! {
                            <span class="confirm">
                                {lang.get().tf(Key::BulkDeleteConfirm, &[("programs", &lang.get().programs(selected.with(Vec::len)))])}
                                <button type="button" class="button small danger" data-testid="bulk-delete-confirm" on:click=move |_| {
                                    let ids = selected.get_untracked();
                                    let _ = store.apply(store.with_untracked(|d| edit::delete_programs(d, &ids)));
                                    selected.set(Vec::new());
                                    confirming.set(false);
                                }>{lang.get().t(Key::Delete)}</button>
                                <button type="button" class="button small" on:click=move |_| confirming.set(false)>{lang.get().t(Key::ImportCancel)}</button>
                            </span>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button small" data-testid="bulk-delete" on:click=move |_| confirming.set(true)>
                                {lang.get().t(Key::Delete)}
                            </button>
                        }.into_any()
                    }}
                    <button type="button" class="button small" on:click=move |_| selected.set(Vec::new())>{l.t(Key::BulkClear)}</button>
                </div>
            }
        })
    }
}

/// The table of programs: a header to sort by, and only the rows in sight rendered.
#[component]
fn ProgramTable(
    rows: Memo<Vec<usize>>,
    selected: RwSignal<Vec<String>>,
    editing: RwSignal<Option<Editing>>,
    query: RwSignal<RegisterQuery>,
) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let places = use_places();
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(640.0);
    // Without the app's layout (a component test) the rows are the table's.
    let narrow = use_context::<super::window_events::Layout>().map(|l| l.narrow);
    let row_height = move || if narrow.is_some_and(|n| n.get()) { CARD_HEIGHT } else { ROW_HEIGHT };
    let window = Memo::new(move |_| {
        let total = rows.with(Vec::len);
        let first = ((scroll_top.get() / row_height()) as usize).saturating_sub(OVERSCAN).min(total);
        let count = (viewport.get() / row_height()).ceil() as usize + 2 * OVERSCAN;
        (first, (first + count).min(total))
    });
    let on_scroll = move |ev: web_sys::Event| {
        if let Some(element) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
            scroll_top.set(f64::from(element.scroll_top()));
            // No more rows are ever in sight than the window is tall, whatever the box's own height says.
            let window_height =
                web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(900.0);
            viewport.set(f64::from(element.client_height()).min(window_height));
        }
    };
    let columns = use_settings().register_columns();
    let header = move |column: Column, class: &'static str| {
        let sorted = move || query.with(|q| q.sort == column);
        view! {
            <th scope="col" class=class aria-sort=move || if sorted() { if query.with(|q| q.descending) { "descending" } else { "ascending" } } else { "none" }>
                <button type="button" class="sort" data-testid=format!("sort-{}", column.code())
                    on:click=move |_| query.update(|q| {
                        if q.sort == column { q.descending = !q.descending } else { q.sort = column; q.descending = false }
                    })>
                    {move || lang.get().field(column.code()).to_owned()}
                    <span aria-hidden="true">{move || if sorted() { if query.with(|q| q.descending) { " ▼" } else { " ▲" } } else { "" }}</span>
                </button>
            </th>
        }
    };
    // "Select all shown": every row the search and filters show, for a bulk change or deletion.
    let shown_ids = move || {
        rows.with_untracked(|rows| {
            store.with_untracked(|d| rows.iter().map(|&i| d.programs[i].id.clone()).collect::<Vec<_>>())
        })
    };
    let all_shown_selected = move || {
        selected.with(|s| {
            let chosen: std::collections::HashSet<&str> = s.iter().map(String::as_str).collect();
            rows.with(|rows| {
                !rows.is_empty()
                    && store.with_programs(|d| rows.iter().all(|&i| chosen.contains(d.programs[i].id.as_str())))
            })
        })
    };
    view! {
        <div class="register-scroll" tabindex="-1" on:scroll=on_scroll data-testid="register-table">
            <table class="register-table">
                <thead>
                    <tr>
                        <th scope="col" class="select-column">
                            <input type="checkbox" data-testid="select-all-shown"
                                aria-label=move || lang.get().t(Key::SelectAllShown) title=move || lang.get().t(Key::SelectAllShown)
                                prop:checked=all_shown_selected
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let shown = shown_ids();
                                    selected.update(|s| {
                                        if on {
                                            let already: std::collections::HashSet<String> = s.iter().cloned().collect();
                                            s.extend(shown.into_iter().filter(|id| !already.contains(id)));
                                        } else {
                                            let shown: std::collections::HashSet<String> = shown.into_iter().collect();
                                            s.retain(|id| !shown.contains(id));
                                        }
                                    });
                                }/>
                        </th>
                        {header(Column::Id, "id")}
                        {header(Column::Name, "name")}
                        {header(Column::Status, "status")}
                        {move || columns.get().iter().map(|column| match column.sorted_by() {
                            Some(sorted) => header(sorted, column_class(column)).into_any(),
                            None => view! { <th scope="col" class=column_class(column)>{move || lang.get().field(column.code()).to_owned()}</th> }.into_any(),
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", window.get().0 as f64 * row_height())></tr>
                    {move || {
                        let (first, last) = window.get();
                        let l = lang.get();
                        columns.with(|columns| rows.with(|rows| store.with_programs(|d| places.with(|p| {
                            rows[first..last].iter().map(|&i| row(l, d, p, columns, i, selected, editing)).collect_view()
                        }))))
                    }}
                    <tr class="spacer" aria-hidden="true"
                        style:height=move || format!("{}px", (rows.with(Vec::len) - window.get().1) as f64 * row_height())></tr>
                </tbody>
            </table>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="empty">{lang.get().t(Key::RegisterEmpty)}</p> })}
        </div>
    }
}

fn row(
    l: Lang,
    dataset: &crate::format::Dataset,
    places: &RegionIndex,
    columns: &ShownColumns,
    index: usize,
    selected: RwSignal<Vec<String>>,
    editing: RwSignal<Option<Editing>>,
) -> impl IntoView + use<> {
    let store = use_store();
    let program = &dataset.programs[index];
    let id = program.id.clone();
    let agency = program
        .agency
        .as_deref()
        .map(|a| dataset.agency(a).map_or_else(|| a.to_owned(), |a| a.full_name()))
        .unwrap_or_default();
    let postponed = program.postponed_to.map(|year| (year, program.delay_reason.clone().unwrap_or_default()));
    let locations = if program.locations.is_empty() {
        l.t(Key::LocationsCityWide).to_owned()
    } else {
        program.locations.iter().map(|code| places.label(code)).collect::<Vec<_>>().join("; ")
    };
    let (id_select, id_status, id_edit, id_checked) = (id.clone(), id.clone(), id.clone(), id.clone());
    let status_label = format!("{} {}", l.t(Key::FieldStatus), program.name);
    view! {
        <tr data-testid="program-row" data-program-id=id.clone() class=format!("status-{}", program.status.code())>
            <td class="select-column">
                <input type="checkbox" aria-label=format!("{} {}", l.t(Key::SelectRow), id)
                    prop:checked=move || selected.with(|s| s.contains(&id_checked))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        selected.update(|s| if on { s.push(id_select.clone()) } else { s.retain(|x| x != &id_select) });
                    }/>
            </td>
            <td class="id">{id.clone()}</td>
            <td class="name">
                <button type="button" class="link" data-testid="program-open" on:click=move |_| editing.set(Some(Editing::Existing(id_edit.clone())))>
                    {program.name.clone()}
                </button>
            </td>
            <td class="status">
                <select data-testid="program-status-select" aria-label=status_label prop:value=program.status.code()
                    on:change=move |ev| {
                        if let Some(status) = from_code::<Status>(&event_target_value(&ev)) {
                            let _ = store.apply(store.with_untracked(|d| edit::set_status(d, &id_status, status)));
                        }
                    }>
                    {Status::ALL.iter().map(|s| view! { <option value=s.code()>{l.status(*s)}</option> }).collect_view()}
                </select>
            </td>
            {columns.iter().map(|column| {
                let class = column_class(column);
                match column {
                    Optional::Dimension => view! { <td class=class>{l.dimension(program.dimension)}</td> }.into_any(),
                    Optional::Subdimension => view! { <td class=class>{program.subdimension.map(|s| l.subdimension(s))}</td> }.into_any(),
                    Optional::Agency => view! { <td class=class title=agency.clone()>{agency.clone()}</td> }.into_any(),
                    Optional::QuickWin => view! { <td class=class>{program.quick_win.then(|| l.yes_no(true))}</td> }.into_any(),
                    Optional::Horizon => view! { <td class=class>{program.horizon.map(|h| l.horizon(h))}</td> }.into_any(),
                    Optional::TargetYear => view! { <td class=class>{program.target_year}</td> }.into_any(),
                    Optional::Progress => view! { <td class=class>{program.progress.map(|p| l.percent(p as u32))}</td> }.into_any(),
                    Optional::PostponedTo => view! {
                        <td class=class>{postponed.clone().map(|(year, reason)| view! {
                            <span title=reason.clone()>{year}{(!reason.is_empty()).then(|| format!(" · {reason}"))}</span>
                        })}</td>
                    }.into_any(),
                    Optional::Locations => view! { <td class=class data-testid="program-locations">{locations.clone()}</td> }.into_any(),
                }
            }).collect_view()}
        </tr>
    }
}

/// A column's class: its cells' look, and where the phone's card places them.
fn column_class(column: Optional) -> &'static str {
    match column {
        Optional::Dimension => "dimension",
        Optional::Subdimension => "subdimension",
        Optional::Agency => "agency",
        Optional::QuickWin => "quick-win",
        Optional::Horizon => "horizon",
        Optional::TargetYear => "number target-year",
        Optional::Progress => "number progress",
        Optional::PostponedTo => "postponed-to",
        Optional::Locations => "locations",
    }
}

/// The dataset's regions, indexed once per change of the data, for the register's filter and column.
fn use_places() -> Memo<RegionIndex> {
    let store = use_store();
    Memo::new(move |_| store.with(|d| d.regions.as_ref().map(RegionIndex::of).unwrap_or_default()))
}

/// The region filter's options: each kecamatan followed by its kelurahan, indented.
fn region_options(places: &RegionIndex) -> Vec<(String, String)> {
    let mut options = Vec::new();
    for (i, entry) in places.entries.iter().enumerate().filter(|(_, e)| e.parent.is_none()) {
        options.push((entry.code.clone(), entry.name.clone()));
        for child in places.entries.iter().filter(|e| e.parent == Some(i)) {
            options.push((child.code.clone(), format!("\u{2003}{}", child.name)));
        }
    }
    options
}
