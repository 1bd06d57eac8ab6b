//! Agency (OPD) scorecards on the page: one scorecard laid out for reading and printing, each printable on
//! its own, and the dashboard's section that shows the scorecard of the agency chosen.

use leptos::prelude::*;

use crate::charts::BarChart;
use crate::format::Status;
use crate::i18n::{Key, Lang};
use crate::scorecard::Scorecard;

use super::{use_lang, use_store};

/// Marks on the page while one part of it is printed alone: on `<body>`, on the part, and on each element
/// that holds it. The print style sheet then hides every element that is none of these, with selectors every
/// browser in use knows (no `:has()`).
const PRINTING: &str = "data-printing";
const PRINT_TARGET: &str = "data-print-target";
const PRINT_PATH: &str = "data-print-path";

thread_local! {
    /// Whether the print dialog open now is `print_alone`'s: any other print is of the whole page.
    static PRINTING_ALONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Prints `element` and nothing else of the page. The marks come off on `afterprint`, and at the latest
/// before any other print (see `before_print`), so a later print never shows a part only.
pub fn print_alone(element: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    clear_print_marks();
    let _ = body.set_attribute(PRINTING, "one");
    let _ = element.set_attribute(PRINT_TARGET, "");
    let mut holder = element.parent_element();
    while let Some(ancestor) = holder {
        let _ = ancestor.set_attribute(PRINT_PATH, "");
        holder = ancestor.parent_element();
    }
    PRINTING_ALONE.set(true);
    let _ = window.print();
    PRINTING_ALONE.set(false);
}

/// On `beforeprint`: a print that is not `print_alone`'s (the browser's menu, Ctrl+P) prints the whole page.
pub fn before_print() {
    if !PRINTING_ALONE.get() {
        clear_print_marks();
    }
}

/// Takes the marks of `print_alone` off, so that the next print is the whole page again.
pub fn clear_print_marks() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(body) = document.body() {
        let _ = body.remove_attribute(PRINTING);
    }
    for mark in [PRINT_TARGET, PRINT_PATH] {
        let selector = format!("[{mark}]");
        while let Ok(Some(element)) = document.query_selector(&selector) {
            if element.remove_attribute(mark).is_err() {
                break;
            }
        }
    }
}

pub use crate::slides::{postponed_line, quick_wins_line, since_line};

/// One agency's scorecard: figures, quick wins, alignment, change since the latest round, postponements
/// and the programs. Drawn for one language; the caller draws it again when the language or data change.
pub fn scorecard_view(card: Scorecard, l: Lang, city: String) -> impl IntoView {
    let article = NodeRef::<leptos::html::Article>::new();
    let print = move |_| {
        if let Some(element) = article.get_untracked() {
            print_alone(&element);
        }
    };
    let shares = card.counts.shares();
    let chart = (!card.programs.is_empty())
        .then(|| BarChart::shares(&card.counts, "agency-status", l.t(Key::ChartStatusTitle).to_owned(), l).to_svg());
    let alignment = |name: &str, counts: [usize; 3]| {
        l.tf(
            Key::ScorecardAlignment,
            &[
                ("name", name),
                ("yes", &l.count(counts[0])),
                ("no", &l.count(counts[1])),
                ("unknown", &l.count(counts[2])),
            ],
        )
    };
    let quick_win_statuses = Status::ALL
        .iter()
        .filter(|s| card.quick_wins.get(**s) > 0)
        .map(|s| format!("{} {}", l.count(card.quick_wins.get(*s)), l.status(*s).to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    let quick_wins = quick_wins_line(&card, l);
    let quick_wins =
        if quick_win_statuses.is_empty() { quick_wins } else { format!("{quick_wins} ({quick_win_statuses})") };
    let since = card.since_round.as_ref().map(|since| {
        let line = since_line(since, l);
        let rows = Status::ALL
            .iter()
            .map(|s| {
                let (then, now) = (since.before.get(*s), since.after.get(*s));
                view! {
                    <tr>
                        <th scope="row">{l.status(*s)}</th>
                        <td class="number">{l.count(then)}</td>
                        <td class="number">{l.count(now)}</td>
                        <td class="number">{l.signed_count(now as i64 - then as i64)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p data-testid="scorecard-since">{line}</p>
            <table class="report-table scorecard-since">
                <thead>
                    <tr>
                        <th scope="col">{l.field("status")}</th>
                        <th scope="col">{format!("{} ({})", l.t(Key::ScorecardThen), since.label)}</th>
                        <th scope="col">{l.t(Key::ScorecardNow)}</th>
                        <th scope="col">{l.t(Key::IndexChangeHead)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let postponed = (!card.postponed.is_empty()).then(|| {
        view! {
            <h4>{l.tf(Key::PostponedHeading, &[("count", &l.count(card.postponed.len()))])}</h4>
            <ul class="scorecard-postponed">
                {card.postponed.iter().map(|(name, year, reason)| view! { <li>{postponed_line(name, *year, reason, l)}</li> }).collect_view()}
            </ul>
        }
    });
    let body = if card.programs.is_empty() {
        view! { <p class="empty">{l.t(Key::ScorecardNoPrograms)}</p> }.into_any()
    } else {
        view! {
            <div class="scorecard-body">
                <figure class="scorecard-chart" role="img" aria-label=l.t(Key::ChartStatusTitle) inner_html=chart></figure>
                <div class="scorecard-figures">
                    <table class="report-table">
                        <thead>
                            <tr>
                                <th scope="col">{l.field("status")}</th>
                                <th scope="col">{l.t(Key::SummaryCount)}</th>
                                <th scope="col">{l.t(Key::SummaryShare)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {Status::ALL.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{l.status(*s)}</th>
                                    <td class="number">{l.count(card.counts.get(*s))}</td>
                                    <td class="number">{l.share(shares.get(*s))}</td>
                                </tr>
                            }).collect_view()}
                            <tr class="total">
                                <th scope="row">{l.t(Key::SummaryTotal)}</th>
                                <td class="number">{l.count(card.counts.total())}</td>
                                <td></td>
                            </tr>
                        </tbody>
                    </table>
                    <p data-testid="scorecard-quick-wins">{quick_wins}</p>
                    <p>{alignment("RPJMD", card.rpjmd)}</p>
                    <p>{alignment("Renstra", card.renstra)}</p>
                </div>
            </div>
            {since.map_or_else(|| view! { <p>{l.t(Key::ScorecardNoRound)}</p> }.into_any(), IntoAny::into_any)}
            {postponed}
            <table class="report-table scorecard-programs">
                <thead>
                    <tr>
                        <th scope="col">{l.field("id")}</th>
                        <th scope="col">{l.field("name")}</th>
                        <th scope="col">{l.field("dimension")}</th>
                        <th scope="col">{l.field("status")}</th>
                        <th scope="col">{l.t(Key::QuickWinsLabel)}</th>
                    </tr>
                </thead>
                <tbody>
                    {card.programs.iter().map(|p| view! {
                        <tr>
                            <td>{p.id.clone()}</td>
                            <td>{p.name.clone()}</td>
                            <td>{l.dimension(p.dimension)}</td>
                            <td>{l.status(p.status)}</td>
                            <td>{p.quick_win.then(|| l.yes_no(true))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <article class="scorecard" data-testid="agency-scorecard" data-agency-id=card.agency_id.clone() node_ref=article>
            <div class="scorecard-head">
                <div>
                    <p class="scorecard-kicker">{l.tf(Key::ScorecardKicker, &[("city", &city)])}</p>
                    <h3>{card.agency.full_name()}</h3>
                </div>
                <button type="button" class="button small no-print" data-testid="scorecard-print" on:click=print>
                    {l.t(Key::ScorecardPrint)}
                </button>
            </div>
            {body}
        </article>
    }
}

/// The dashboard's scorecard section: the agency chosen, by default the first one of the data.
#[component]
pub fn AgencyScorecards() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let agencies = store.agencies();
    let plan = store.plan();
    let chosen = RwSignal::new(String::new());
    let card = Memo::new(move |_| {
        store.with(|d| {
            chosen.with(|id| Scorecard::of(d, id)).or_else(|| d.agencies.first().and_then(|a| Scorecard::of(d, &a.id)))
        })
    });
    view! {
        <section class="scorecards" aria-labelledby="scorecards-heading" data-testid="dashboard-scorecards">
            <div class="register-head">
                <h2 id="scorecards-heading">{move || lang.get().t(Key::ScorecardsHeading)}</h2>
                <label class="filter">
                    <span>{move || lang.get().t(Key::FieldAgency)}</span>
                    <select data-testid="scorecard-agency" prop:value=move || card.with(|c| c.as_ref().map(|c| c.agency_id.clone()).unwrap_or_default())
                        on:change=move |ev| chosen.set(event_target_value(&ev))>
                        // Options made anew (the data changed) are chosen by `selected`, or the select would show the first.
                        {move || agencies.with(|list| list.iter().map(|a| {
                            let id = a.id.clone();
                            view! { <option value=a.id.clone() prop:selected=move || card.with(|c| c.as_ref().is_some_and(|c| c.agency_id == id))>{a.full_name()}</option> }
                        }).collect_view())}
                    </select>
                </label>
            </div>
            {move || {
                let l = lang.get();
                match card.get() {
                    Some(card) => scorecard_view(card, l, plan.with(|p| p.city.clone())).into_any(),
                    None => view! { <p class="empty">{l.t(Key::ScorecardsEmpty)}</p> }.into_any(),
                }
            }}
        </section>
    }
}
