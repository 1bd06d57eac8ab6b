//! Evaluation rounds: record one from today's statuses, rename, re-date or delete it (undoable), compare
//! two rounds or a round and today (moves, and the shift per dimension and per agency), enter the assessors'
//! scores and weights for the achievement index, and chart the rounds' status shares and the index trend.

use leptos::prelude::*;

use crate::dashboard;
use crate::edit;
use crate::evaluation::{self, ASPECTS, Aspect, Comparison, IndexError, achievement_index, default_weights};
use crate::files;
use crate::format::{Aspects, FormatError, Problem, Status, ValueKind};
use crate::i18n::{DateProblem, Key, Lang};
use crate::metrics::StatusCounts;

use super::dashboard::ChartCard;
use super::{use_lang, use_store};

/// The compare choice meaning "the data as it is now".
const TODAY: &str = "";

#[component]
pub fn Evaluations() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let label = RwSignal::new(String::new());
    // The date as typed, in the language's way; read when the round is recorded.
    let date = RwSignal::new(lang.get_untracked().date_field(&files::today()));
    let message = RwSignal::new(None::<Refusal>);
    let record = move |_| {
        let (label_text, typed) = (label.get_untracked(), date.get_untracked());
        let day = match lang.get_untracked().read_date(&typed) {
            Ok(day) => day,
            Err(problem) => return message.set(Some(Refusal::Date { typed, problem })),
        };
        let (change, _) = store.with_untracked(|d| edit::record_round(d, &label_text, &day));
        match store.apply(change) {
            Ok(()) => {
                label.set(String::new());
                message.set(None);
            }
            Err(rejected) => message.set(rejected.0.into_iter().next().map(Refusal::Format)),
        }
    };
    view! {
        <section class="evaluations" aria-labelledby="evaluations-heading">
            <h2 id="evaluations-heading">{move || lang.get().t(Key::EvaluationsHeading)}</h2>
            <form class="record-round" on:submit=move |ev| { ev.prevent_default(); record(()) }>
                <label class="filter">
                    <span>{move || lang.get().t(Key::FieldLabel)}</span>
                    <input type="text" data-testid="evaluation-label" placeholder=move || lang.get().t(Key::EvaluationLabelExample) prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                </label>
                <label class="filter">
                    <span>{move || lang.get().t(Key::FieldDate)}</span>
                    <input type="text" inputmode="numeric" class="date" data-testid="evaluation-date" placeholder=move || lang.get().date_pattern()
                        prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))
                        on:change=move |ev| {
                            // Refused at the field, as soon as it is left; read as the language writes dates.
                            let typed = event_target_value(&ev);
                            match lang.get_untracked().read_date(&typed) {
                                Ok(day) => {
                                    date.set(lang.get_untracked().date_field(&day));
                                    message.set(None);
                                }
                                Err(problem) => message.set(Some(Refusal::Date { typed, problem })),
                            }
                        }/>
                </label>
                <button type="submit" class="button primary" data-testid="evaluation-record">{move || lang.get().t(Key::EvaluationRecord)}</button>
                <p class="field-error" data-testid="evaluation-date-error" role="alert">{move || message.get().map(|r| r.text(lang.get()))}</p>
            </form>
            <RoundList/>
            <Compare/>
        </section>
    }
}

#[component]
fn RoundList() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    // The cards are made anew only when rounds come or go, not on every edit (their fields follow the data).
    let ids = Memo::new(move |_| {
        store
            .evaluations()
            .with(|rounds| evaluation::chronological_rounds(rounds).iter().map(|e| e.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <div class="rounds" data-testid="evaluation-rounds">
            {move || {
                let ids = ids.get();
                if ids.is_empty() {
                    return view! { <p class="empty">{lang.get().t(Key::EvaluationsEmpty)}</p> }.into_any();
                }
                ids.into_iter().map(|id| view! { <RoundCard id=id/> }).collect_view().into_any()
            }}
        </div>
    }
}

#[component]
fn RoundCard(id: String) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let round =
        Memo::new(move |_| store.evaluations().with(|rounds| rounds.iter().find(|e| e.id == id.get_value()).cloned()));
    // Why the last change to this round was refused (an empty label, a date that is none, a score that is
    // not a number); the round keeps its data, the field keeps what was typed so it can be mended.
    let refusal = RwSignal::new(None::<Refusal>);
    let update = move |change: Box<dyn FnOnce(&mut crate::format::Evaluation)>| {
        let outcome = store.apply(store.with_untracked(|d| edit::update_round(d, &id.get_value(), change)));
        refusal.set(outcome.err().and_then(|rejected| rejected.0.into_iter().next()).map(Refusal::Format));
    };
    let index = Memo::new(move |_| {
        round.with(|r| {
            r.as_ref().map(|r| {
                let weights = r.weights.clone().unwrap_or_else(default_weights);
                r.scores
                    .as_ref()
                    .map_or(Err(IndexError::MissingScore(Aspect::Baseline)), |s| achievement_index(s, &weights))
            })
        })
    });
    // The change of the index since the previous round that has one.
    let change = Memo::new(move |_| {
        store.evaluations().with(|rounds| {
            evaluation::index_trend_of(rounds)
                .into_iter()
                .find(|point| point.id == id.get_value())
                .and_then(|point| point.change)
        })
    });
    let aspect_input = move |aspect: Aspect, row: AspectRow| {
        let value = move || {
            let l = lang.get();
            round.with(|r| {
                let source = r.as_ref().and_then(|r| match row {
                    AspectRow::Weight => r.weights.clone().or_else(|| Some(default_weights())),
                    AspectRow::Score => r.scores.clone(),
                });
                source.and_then(|a| aspect.of(&a)).map(|n| l.plain_number(n)).unwrap_or_default()
            })
        };
        view! {
            // Text, not type="number": Indonesian writes 72,5, which a number field refuses in most browsers.
            <input type="text" inputmode="decimal" class="aspect" data-testid=format!("{}-{}", row.field(), aspect.code())
                aria-label=move || format!("{} {}", lang.get().t(row.key()), lang.get().aspect(aspect))
                prop:value=value
                on:change=move |ev| {
                    let text = event_target_value(&ev).trim().to_owned();
                    let number = text.replace(',', ".").parse::<f64>().ok().and_then(serde_json::Number::from_f64);
                    if number.is_none() && !text.is_empty() {
                        let kind = Problem::WrongType { expected: Some(ValueKind::Number), found: Some(ValueKind::Text), detail: text };
                        refusal.set(Some(Refusal::Format(FormatError::new(format!("{}s.{}", row.field(), aspect.code()), kind))));
                        return;
                    }
                    update(Box::new(move |r| {
                        let target = match row {
                            AspectRow::Weight => r.weights.get_or_insert_with(default_weights),
                            AspectRow::Score => r.scores.get_or_insert_with(Aspects::default),
                        };
                        aspect.set_in(target, number);
                    }));
                }/>
        }
    };
    let confirming = RwSignal::new(false);
    let exists = Memo::new(move |_| round.with(Option::is_some));
    let text = move |get: fn(&crate::format::Evaluation) -> String| {
        move || round.with(|r| r.as_ref().map(get).unwrap_or_default())
    };
    move || {
        if !exists.get() {
            return None;
        }
        let r = round.get_untracked()?;
        let l = lang.get();
        Some(view! {
            <article class="round-card" data-testid="evaluation-round" data-evaluation-id=r.id.clone()>
                <div class="round-head">
                    <input type="text" data-testid="evaluation-round-label" aria-label=l.t(Key::FieldLabel) prop:value=text(|r| r.label.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); update(Box::new(move |r| r.label = v)); }/>
                    <input type="text" inputmode="numeric" class="date" data-testid="evaluation-round-date" aria-label=l.t(Key::FieldDate)
                        placeholder=l.date_pattern() prop:value=move || lang.get().date_field(&round.with(|r| r.as_ref().map(|r| r.date.clone()).unwrap_or_default()))
                        on:change=move |ev| {
                            let typed = event_target_value(&ev);
                            match lang.get_untracked().read_date(&typed) {
                                Ok(day) => update(Box::new(move |r| r.date = day)),
                                // The field keeps what was typed, to be mended; the round keeps its date.
                                Err(problem) => refusal.set(Some(Refusal::Date { typed, problem })),
                            }
                        }/>
                    <span class="hint">{move || lang.get().tf(Key::RoundPrograms, &[("programs", &lang.get().programs(round.with(|r| r.as_ref().map_or(0, |r| r.statuses.len()))))])}</span>
                    {move || if confirming.get() {
                        view! {
                            <button type="button" class="button small danger" data-testid="evaluation-delete-confirm" on:click=move |_| {
                                let _ = store.apply(store.with_untracked(|d| edit::delete_round(d, &id.get_value())));
                            }>{lang.get().t(Key::Delete)}</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="button small" data-testid="evaluation-delete" on:click=move |_| confirming.set(true)>{lang.get().t(Key::Delete)}</button> }.into_any()
                    }}
                </div>
                <table class="scores">
                    <thead><tr><th scope="col"></th>{ASPECTS.iter().map(|a| view! { <th scope="col">{l.aspect(*a)}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        <tr><th scope="row">{l.t(Key::Score)}</th>{ASPECTS.iter().map(|a| view! { <td>{aspect_input(*a, AspectRow::Score)}</td> }).collect_view()}</tr>
                        <tr><th scope="row">{l.t(Key::Weight)}</th>{ASPECTS.iter().map(|a| view! { <td>{aspect_input(*a, AspectRow::Weight)}</td> }).collect_view()}</tr>
                    </tbody>
                </table>
                <label class="filter scale-max">
                    <span>{l.t(Key::FieldScaleMax)}</span>
                    <input type="text" inputmode="decimal" class="aspect" data-testid="evaluation-scale-max"
                        placeholder=l.t(Key::ScaleNotStated)
                        prop:value=move || { let l = lang.get(); round.with(|r| r.as_ref().and_then(|r| r.scale_max.as_ref()?.as_f64()).map(|n| l.plain_number(n)).unwrap_or_default()) }
                        on:change=move |ev| {
                            let text = event_target_value(&ev).trim().to_owned();
                            let number = text.replace(',', ".").parse::<f64>().ok().and_then(serde_json::Number::from_f64);
                            if number.is_none() && !text.is_empty() {
                                let kind = Problem::WrongType { expected: Some(ValueKind::Number), found: Some(ValueKind::Text), detail: text };
                                refusal.set(Some(Refusal::Format(FormatError::new("scale_max", kind))));
                                return;
                            }
                            // Written as typed: 4 stays 4, not 4.0.
                            let number = number.map(|n| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map_or(n, |f| serde_json::Number::from(f as i64)));
                            let outcome = store.apply(store.with_untracked(|d| edit::update_round(d, &id.get_value(), |r| r.scale_max = number)));
                            // A scale below a score is refused at the scale's field, where it was typed.
                            refusal.set(outcome.err().and_then(|rejected| rejected.0.into_iter().next()).map(|mut error| {
                                error.path = "scale_max".into();
                                Refusal::Format(error)
                            }));
                        }/>
                </label>
                <p class="field-error" data-testid="evaluation-error" role="alert">{move || refusal.get().map(|r| r.text(lang.get()))}</p>
                <p class="index" data-testid="achievement-index" role="status">
                    {move || match index.get() {
                        Some(Ok(value)) => {
                            let l = lang.get();
                            let mut text = l.tf(Key::IndexValue, &[("value", &l.decimal(value))]);
                            if let Some(delta) = change.get() {
                                text.push_str(&l.tf(Key::IndexChange, &[("change", &l.signed_decimal(delta))]));
                            }
                            text
                        }
                        Some(Err(error)) => lang.get().no_index(&error),
                        None => String::new(),
                    }}
                </p>
            </article>
        })
    }
}

/// Why what was typed into a round's field was not taken; said beside the field, by its label.
#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    Format(FormatError),
    Date { typed: String, problem: DateProblem },
}

impl Refusal {
    fn text(&self, l: Lang) -> String {
        match self {
            Refusal::Format(error) => l.field_problem(error),
            Refusal::Date { typed, problem } => format!("{}: {}", l.t(Key::FieldDate), l.date_problem(typed, problem)),
        }
    }
}

/// The two rows of a round's aspects: the assessors' scores and the weights that year.
#[derive(Clone, Copy)]
enum AspectRow {
    Score,
    Weight,
}

impl AspectRow {
    /// As in the format (`scores`, `weights`) without the plural, and in `data-testid`s.
    fn field(self) -> &'static str {
        match self {
            AspectRow::Score => "score",
            AspectRow::Weight => "weight",
        }
    }

    fn key(self) -> Key {
        match self {
            AspectRow::Score => Key::Score,
            AspectRow::Weight => Key::Weight,
        }
    }
}

/// Two rounds, or a round and today, side by side.
#[component]
fn Compare() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let from = RwSignal::new(
        store.with_untracked(|d| evaluation::chronological(d).first().map(|e| e.id.clone()).unwrap_or_default()),
    );
    let to = RwSignal::new(TODAY.to_owned());
    let comparison = Memo::new(move |_| {
        store.with(|d| {
            let statuses = |id: &str| {
                if id == TODAY {
                    Some(evaluation::current_statuses(d))
                } else {
                    d.evaluations.iter().find(|e| e.id == id).map(|e| e.statuses.clone())
                }
            };
            let (earlier, later) = (statuses(&from.get())?, statuses(&to.get())?);
            let l = lang.get();
            let unknown = || l.t(Key::NoLongerInData).to_owned();
            let by_dimension = evaluation::shift_by(d, &earlier, &later, |p| p.dimension)
                .into_iter()
                .map(|s| (s.group.map_or_else(unknown, |g| l.dimension(g).to_owned()), s.before, s.after))
                .collect::<Vec<_>>();
            let mut by_agency = evaluation::shift_by(d, &earlier, &later, |p| p.agency.clone())
                .into_iter()
                .map(|s| {
                    // Agencies by name, as people look them up; the groups that are not agencies last.
                    let (rank, label) = match s.group {
                        Some(Some(id)) => (0, d.agency(&id).map_or(id, |a| a.name.clone())),
                        Some(None) => (1, l.t(Key::NoAgency).to_owned()),
                        None => (2, unknown()),
                    };
                    ((rank, label.to_lowercase()), (label, s.before, s.after))
                })
                .collect::<Vec<_>>();
            by_agency.sort_by(|a, b| a.0.cmp(&b.0));
            let by_agency = by_agency.into_iter().map(|(_, row)| row).collect::<Vec<_>>();
            Some((Comparison::between(&earlier, &later), by_dimension, by_agency))
        })
    });
    // Memos: each chart is read by its card several times (SVG, name, label), and drawn once per change.
    let rounds_chart = Memo::new(move |_| store.with(|d| dashboard::rounds_chart(d, |_| true, lang.get())));
    let trend_chart = Memo::new(move |_| store.with(|d| dashboard::index_trend_chart(d, lang.get())));
    // The cards come and go with their charts, not on every edit.
    let has_rounds = Memo::new(move |_| rounds_chart.with(Option::is_some));
    let has_trend = Memo::new(move |_| trend_chart.with(Option::is_some));
    // The choices change only when rounds do: options made anew would reset what the select shows.
    let rounds = Memo::new(move |_| {
        let l = lang.get();
        store.evaluations().with(|rounds| {
            evaluation::chronological_rounds(rounds)
                .iter()
                .map(|e| (e.id.clone(), format!("{} ({})", e.label, l.date(&e.date))))
                .collect::<Vec<_>>()
        })
    });
    let options = move |with_today: bool, chosen: RwSignal<String>| {
        let l = lang.get();
        let today = with_today.then(|| (TODAY.to_owned(), l.t(Key::Today).to_owned()));
        today
            .into_iter()
            .chain(rounds.get())
            .map(|(v, t)| {
                let value = v.clone();
                view! { <option value=v prop:selected=move || chosen.with(|c| *c == value)>{t}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="compare" data-testid="evaluation-compare">
            <h3>{move || lang.get().t(Key::CompareHeading)}</h3>
            <div class="filters">
                <label class="filter"><span>{move || lang.get().t(Key::CompareFrom)}</span>
                    <select data-testid="compare-from" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))>{move || options(false, from)}</select>
                </label>
                <label class="filter"><span>{move || lang.get().t(Key::CompareTo)}</span>
                    <select data-testid="compare-to" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))>{move || options(true, to)}</select>
                </label>
            </div>
            {move || comparison.get().map(|(c, by_dimension, by_agency)| {
                let l = lang.get();
                let name_of = move |id: &str| store.with_programs(|d| d.programs.iter().find(|p| p.id == id).map(|p| p.name.clone()));
                let moves = c.forward.len() + c.back.len();
                let open_moves = moves <= MOVES_OPEN;
                view! {
                    <ul class="compare-summary" data-testid="compare-summary">
                        <li>{l.tf(Key::CompareForward, &[("programs", &l.programs(c.forward.len()))])}</li>
                        <li>{l.tf(Key::CompareBack, &[("programs", &l.programs(c.back.len()))])}</li>
                        <li>{l.tf(Key::CompareAdded, &[("programs", &l.programs(c.added.len()))])}</li>
                        <li>{l.tf(Key::CompareRemoved, &[("programs", &l.programs(c.removed.len()))])}</li>
                        <li>{l.tf(Key::CompareUnchanged, &[("programs", &l.programs(c.unchanged))])}</li>
                    </ul>
                    {(moves > 0).then(|| view! {
                        <details class="compare-moves" data-testid="compare-moves" open=open_moves>
                            <summary>{l.t(Key::CompareMoves)}</summary>
                            <ul>
                                {c.forward.iter().chain(c.back.iter()).take(MOVES_LISTED).map(|(id, before, after)| {
                                    let name = name_of(id).map(|n| format!(" {n}")).unwrap_or_default();
                                    view! { <li>{format!("{id}{name}: {} → {}", l.status(*before), l.status(*after))}</li> }
                                }).collect_view()}
                                {(moves > MOVES_LISTED).then(|| view! {
                                    <li>{l.tf(Key::CompareMovesMore, &[("programs", &l.programs(moves - MOVES_LISTED))])}</li>
                                })}
                            </ul>
                        </details>
                    })}
                    <p class="hint">{l.t(Key::ShiftHint)}</p>
                    {shift_table("shift-dimension", l.t(Key::ShiftByDimension), l.field("dimension"), by_dimension, l)}
                    {shift_table("shift-agency", l.t(Key::ShiftByAgency), l.field("agency"), by_agency, l)}
                }
            })}
            <div class="chart-grid">
                {move || has_rounds.get().then(|| view! { <ChartCard chart=rounds_chart.into()/> })}
                {move || has_trend.get().then(|| view! { <ChartCard chart=trend_chart.into()/> })}
            </div>
        </div>
    }
}

/// How many moved programs are named one by one; the rest are counted.
const MOVES_LISTED: usize = 100;
/// Up to this many moves the list shows open; a longer one waits for a click.
const MOVES_OPEN: usize = 20;

/// Status counts per group in the earlier and the later record: unchanged cells show one number, changed
/// ones "before → after (difference)".
fn shift_table(
    testid: &'static str,
    title: &'static str,
    group_head: &str,
    rows: Vec<(String, StatusCounts, StatusCounts)>,
    l: Lang,
) -> impl IntoView {
    let cell = move |before: usize, after: usize| {
        if before == after {
            view! { <td class="number">{l.count(after)}</td> }
        } else {
            let text =
                format!("{} → {} ({})", l.count(before), l.count(after), l.signed_count(after as i64 - before as i64));
            view! { <td class="number changed">{text}</td> }
        }
    };
    view! {
        <div class="table-wrap">
            <table class="report-table shift" data-testid=testid>
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{group_head.to_owned()}</th>
                        {Status::ALL.iter().map(|s| view! { <th scope="col">{l.status(*s)}</th> }).collect_view()}
                        <th scope="col">{l.t(Key::SummaryTotal)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(label, before, after)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {Status::ALL.iter().map(|s| cell(before.get(*s), after.get(*s))).collect_view()}
                            {cell(before.total(), after.total())}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
