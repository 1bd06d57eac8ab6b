//! Where this tab and another changed the same field: which program (or agency, round, the plan) and
//! field, both values, and the choice between them. Until the user chooses, the data holds the other
//! tab's value and this tab's waits here.

use leptos::prelude::*;
use serde_json::Value;

use crate::change::{Conflict, Record};
use crate::format::Dataset;
use crate::i18n::{Key, Lang};
use crate::state::store::KeepMineRefused;

use super::{use_lang, use_store};

#[component]
pub fn Conflicts() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let refusal = RwSignal::new(None::<KeepMineRefused>);
    let conflicts = store.conflicts();
    move || {
        let list = conflicts.get();
        (!list.is_empty()).then(|| {
            let l = lang.get();
            let several = list.len() > 1;
            let keep_all = move |mine: bool| {
                // From the last, so that the places of those still to go stay put.
                let count = conflicts.with_untracked(Vec::len);
                for index in (0..count).rev() {
                    if mine {
                        if let Err(refused) = store.keep_mine(index) {
                            refusal.set(Some(refused));
                        }
                    } else {
                        store.keep_theirs(index);
                    }
                }
            };
            view! {
                <section class="notice notice-error conflict" role="alert" data-testid="edit-conflict"
                    aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading" class="notice-title">{l.t(Key::ConflictHeading)}</h2>
                    <p>{l.t(Key::ConflictExplainer)}</p>
                    <ul class="conflicts">
                        {list.iter().enumerate().map(|(index, conflict)| {
                            let (record, field) = store.with_untracked(|d| describe(l, d, conflict));
                            let mine = side_value(l, conflict, &conflict.mine, store);
                            let theirs = side_value(l, conflict, &conflict.theirs, store);
                            view! {
                                <li data-testid="edit-conflict-item" data-record=record_code(&conflict.record)
                                    data-field=conflict.field.clone().unwrap_or_default()>
                                    <p><strong>{record}</strong>" · "{field}</p>
                                    <dl class="conflict-values">
                                        <dt>{l.t(Key::ConflictMine)}</dt>
                                        <dd data-testid="edit-conflict-mine">{mine}</dd>
                                        <dt>{l.t(Key::ConflictTheirs)}</dt>
                                        <dd data-testid="edit-conflict-theirs">{theirs}</dd>
                                    </dl>
                                    <span class="actions">
                                        <button type="button" class="button small primary" data-testid="edit-conflict-keep-mine"
                                            on:click=move |_| match store.keep_mine(index) {
                                                Ok(()) => refusal.set(None),
                                                Err(refused) => refusal.set(Some(refused)),
                                            }>
                                            {l.t(Key::ConflictKeepMine)}
                                        </button>
                                        <button type="button" class="button small" data-testid="edit-conflict-keep-theirs"
                                            on:click=move |_| store.keep_theirs(index)>
                                            {l.t(Key::ConflictKeepTheirs)}
                                        </button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {several.then(|| view! {
                        <span class="actions">
                            <button type="button" class="button small" data-testid="edit-conflict-keep-all-mine"
                                on:click=move |_| keep_all(true)>{l.t(Key::ConflictKeepAllMine)}</button>
                            <button type="button" class="button small" data-testid="edit-conflict-keep-all-theirs"
                                on:click=move |_| keep_all(false)>{l.t(Key::ConflictKeepAllTheirs)}</button>
                        </span>
                    })}
                    {move || refusal.get().map(|refused| {
                        let l = lang.get();
                        let text = match refused {
                            KeepMineRefused::Gone => l.t(Key::ConflictCannotKeep).to_owned(),
                            KeepMineRefused::Rejected(rejected) => {
                                rejected.0.iter().map(|e| l.problem(e)).collect::<Vec<_>>().join(" ")
                            }
                        };
                        view! { <p class="field-error" role="alert" data-testid="edit-conflict-refused">{text}</p> }
                    })}
                </section>
            }
        })
    }
}

/// The record and field in the user's words: "Program GOV-04 «Tanjak»", "Status".
fn describe(l: Lang, dataset: &Dataset, conflict: &Conflict) -> (String, String) {
    let named = |value: &Option<Value>, key: &str| {
        value.as_ref().and_then(|v| v.get(key)).and_then(Value::as_str).map(str::to_owned)
    };
    let record = match &conflict.record {
        Record::Plan => l.t(Key::RecordPlan).to_owned(),
        Record::Other => l.t(Key::RecordOther).to_owned(),
        Record::Agency(id) => {
            let name = dataset.agency(id).map(|a| a.name.clone()).or_else(|| named(&conflict.mine, "name"));
            l.tf(Key::RecordAgency, &[("name", &name.unwrap_or_else(|| id.clone()))])
        }
        Record::Program(id) => {
            let name = dataset
                .programs
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.name.clone())
                .or_else(|| named(&conflict.mine, "name"))
                .unwrap_or_default();
            l.tf(Key::RecordProgram, &[("id", id), ("name", &name)])
        }
        Record::Evaluation(id) => {
            let label = dataset
                .evaluations
                .iter()
                .find(|e| &e.id == id)
                .map(|e| e.label.clone())
                .or_else(|| named(&conflict.mine, "label"))
                .unwrap_or_else(|| id.clone());
            l.tf(Key::RecordRound, &[("label", &label)])
        }
    };
    let field =
        conflict.field.as_deref().map_or_else(|| l.t(Key::ConflictWholeRecord).to_owned(), |f| l.field(f).to_owned());
    (record, field)
}

/// One side's value: the field's value in words, or for a whole record whether it was deleted or kept.
fn side_value(l: Lang, conflict: &Conflict, value: &Option<Value>, store: super::DataStore) -> String {
    match (&conflict.field, value) {
        (None, None) => l.t(Key::ConflictDeleted).to_owned(),
        (None, Some(_)) => l.t(Key::ConflictKept).to_owned(),
        (Some(field), Some(Value::String(agency))) if field == "agency" => {
            store.with_untracked(|d| d.agency(agency).map(|a| a.name.clone())).unwrap_or_else(|| agency.clone())
        }
        (Some(field), value) => l.field_value(field, value.as_ref()),
    }
}

/// The record as `data-record` names it for tests: `program:GOV-04`, `plan`.
fn record_code(record: &Record) -> String {
    match record {
        Record::Plan => "plan".to_owned(),
        Record::Other => "other".to_owned(),
        Record::Agency(id) => format!("agency:{id}"),
        Record::Program(id) => format!("program:{id}"),
        Record::Evaluation(id) => format!("evaluation:{id}"),
    }
}
