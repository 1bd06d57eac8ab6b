//! The form for one program: every field of the format, checked on saving by the same rules as an
//! import, with each message beside its field; duplicate and delete (with a confirmation, and undo).

use std::collections::HashMap;

use leptos::prelude::*;

use crate::edit;
use crate::format::{
    Dimension, FormatError, Horizon, Problem, Program, Status, SubDimension, ValueKind, from_code, from_yes_no_code,
    yes_no_code,
};
use crate::i18n::{Key, Lang};

use super::locations_field::LocationsField;
use super::{use_lang, use_store};

/// Which program the form edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Editing {
    New,
    Existing(String),
}

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Fields {
    id: String,
    name: String,
    dimension: String,
    subdimension: String,
    status: String,
    agency: String,
    quick_win: bool,
    horizon: String,
    start_year: String,
    target_year: String,
    progress: String,
    budget_planned: String,
    budget_realized: String,
    rpjmd: String,
    renstra: String,
    postponed_to: String,
    delay_reason: String,
    apps: String,
    evidence: String,
    /// Region codes, chosen in the picker (not typed).
    locations: Vec<String>,
    notes: String,
}

impl Fields {
    /// The program's fields as the form shows them; budgets grouped as the language writes amounts.
    fn of(program: &Program, lang: Lang) -> Fields {
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        let amount = |n: Option<i64>| n.map(|n| lang.integer(n)).unwrap_or_default();
        Fields {
            id: program.id.clone(),
            name: program.name.clone(),
            dimension: program.dimension.code().to_owned(),
            subdimension: program.subdimension.map(|s| s.code().to_owned()).unwrap_or_default(),
            status: program.status.code().to_owned(),
            agency: program.agency.clone().unwrap_or_default(),
            quick_win: program.quick_win,
            horizon: program.horizon.map(|h| h.code().to_owned()).unwrap_or_default(),
            start_year: number(program.start_year.map(i64::from)),
            target_year: number(program.target_year.map(i64::from)),
            progress: number(program.progress),
            budget_planned: amount(program.budget_planned),
            budget_realized: amount(program.budget_realized),
            rpjmd: yes_no_code(program.rpjmd).to_owned(),
            renstra: yes_no_code(program.renstra).to_owned(),
            postponed_to: number(program.postponed_to.map(i64::from)),
            delay_reason: program.delay_reason.clone().unwrap_or_default(),
            apps: program.apps.join("; "),
            evidence: program.evidence.join("\n"),
            locations: program.locations.clone(),
            notes: program.notes.clone().unwrap_or_default(),
        }
    }

    /// The program the fields describe, on top of `base` (so that fields the form does not show are kept),
    /// with every problem of its fields at once: text that is not of the field's kind, the format's rules, and,
    /// when `postponement` is being written, that a postponement names both its new year and its reason.
    fn program(&self, base: Option<&Program>, postponement: bool) -> (Program, Vec<FormatError>) {
        let mut errors = Vec::new();
        let mut whole = |field: &str, text: &str| -> Option<i64> {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            // Grouped as people write amounts (150.000.000, 150 000 000); `1.5` is no whole number.
            let parsed = crate::spreadsheet::whole_number(&text.replace(' ', ""));
            if parsed.is_none() {
                errors.push(FormatError::new(
                    field,
                    Problem::WrongType {
                        expected: Some(ValueKind::WholeNumber),
                        found: Some(ValueKind::Text),
                        detail: text.to_owned(),
                    },
                ));
            }
            parsed
        };
        let start_year = whole("start_year", &self.start_year);
        let target_year = whole("target_year", &self.target_year);
        let progress = whole("progress", &self.progress);
        let budget_planned = whole("budget_planned", &self.budget_planned);
        let budget_realized = whole("budget_realized", &self.budget_realized);
        let postponed_to = whole("postponed_to", &self.postponed_to);
        // A year too large for the program to hold is refused as out of range, never dropped.
        let mut year = |field: &str, n: Option<i64>| {
            let n = n?;
            let year = i32::try_from(n).ok();
            if year.is_none() {
                errors.push(FormatError::new(field, Problem::YearOutOfRange { year: n }));
            }
            year
        };
        let (start_year, target_year, postponed_to) =
            (year("start_year", start_year), year("target_year", target_year), year("postponed_to", postponed_to));
        let dimension: Dimension = from_code(&self.dimension).unwrap_or(Dimension::Governance);
        let text = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_owned());
        let program = Program {
            id: self.id.trim().to_owned(),
            name: self.name.trim().to_owned(),
            dimension,
            subdimension: from_code(&self.subdimension),
            status: from_code(&self.status).unwrap_or(Status::NotStarted),
            agency: text(&self.agency),
            quick_win: self.quick_win,
            horizon: from_code(&self.horizon),
            start_year,
            target_year,
            progress,
            budget_planned,
            budget_realized,
            rpjmd: from_yes_no_code(&self.rpjmd),
            renstra: from_yes_no_code(&self.renstra),
            postponed_to,
            delay_reason: text(&self.delay_reason),
            apps: self.apps.split([';', ',']).map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
            evidence: self.evidence.lines().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned).collect(),
            locations: self.locations.clone(),
            notes: text(&self.notes),
            extra: base.map(|b| b.extra.clone()).unwrap_or_default(),
        };
        // Beside the fields that are no number, the rules the others break, all in one go (as a save would
        // name them, a value the program already held beyond a later limit aside).
        let held = base.map(Program::problems).unwrap_or_default();
        for (field, problem) in program.problems() {
            let named = errors.iter().any(|e| e.path == field);
            let held_before = problem.is_later_limit() && held.iter().any(|(f, p)| *f == field && *p == problem);
            if !named && !held_before {
                errors.push(FormatError::new(field, problem));
            }
        }
        // The format lets a file leave either out; a postponement written here says both.
        if postponement {
            let named = |errors: &[FormatError], field: &str| errors.iter().any(|e| e.path == field);
            if program.postponed_to.is_some() && program.delay_reason.is_none() && !named(&errors, "delay_reason") {
                errors.push(FormatError::new("delay_reason", Problem::Missing));
            }
            if program.delay_reason.is_some() && program.postponed_to.is_none() && !named(&errors, "postponed_to") {
                errors.push(FormatError::new("postponed_to", Problem::Missing));
            }
        }
        (program, errors)
    }
}

/// The fields the user changed in the form (by the format's names), compared with what it opened with.
fn changed_fields(start: &Fields, now: &Fields) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 21] = [
        ("id", start.id != now.id),
        ("name", start.name != now.name),
        ("dimension", start.dimension != now.dimension),
        ("subdimension", start.subdimension != now.subdimension),
        ("status", start.status != now.status),
        ("agency", start.agency != now.agency),
        ("quick_win", start.quick_win != now.quick_win),
        ("horizon", start.horizon != now.horizon),
        ("start_year", start.start_year != now.start_year),
        ("target_year", start.target_year != now.target_year),
        ("progress", start.progress != now.progress),
        ("budget_planned", start.budget_planned != now.budget_planned),
        ("budget_realized", start.budget_realized != now.budget_realized),
        ("rpjmd", start.rpjmd != now.rpjmd),
        ("renstra", start.renstra != now.renstra),
        ("postponed_to", start.postponed_to != now.postponed_to),
        ("delay_reason", start.delay_reason != now.delay_reason),
        ("apps", start.apps != now.apps),
        ("evidence", start.evidence != now.evidence),
        ("locations", start.locations != now.locations),
        ("notes", start.notes != now.notes),
    ];
    pairs.into_iter().filter(|(_, changed)| *changed).map(|(field, _)| field).collect()
}

/// `original` with only the named fields taken from `edited`: what the user did not touch stays as the
/// form found it, so that saving does not write back values another tab has changed since.
fn with_fields(original: &Program, edited: Program, fields: &[&str]) -> Program {
    let mut merged = crate::format::to_fields(original);
    let edited_map = crate::format::to_fields(&edited);
    for field in fields {
        match edited_map.get(*field) {
            Some(value) => merged.insert((*field).to_owned(), value.clone()),
            None => merged.remove(*field),
        };
    }
    crate::format::from_fields(merged).unwrap_or(edited)
}

/// The field an error belongs to: the last part of its path (`programs[3].progress` → `progress`).
fn field_of(error: &FormatError) -> String {
    error.path.rsplit('.').next().unwrap_or_default().split('[').next().unwrap_or_default().to_owned()
}

#[component]
pub fn ProgramForm(editing: Editing, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let agencies = store.agencies();
    let original: Option<Program> = match &editing {
        Editing::New => None,
        Editing::Existing(id) => store.with_untracked(|d| d.programs.iter().find(|p| &p.id == id).cloned()),
    };
    let start = original.as_ref().map(|p| Fields::of(p, lang.get_untracked())).unwrap_or_else(|| {
        let id = store.with_untracked(|d| edit::next_program_id(d, Dimension::Governance));
        Fields { id, status: "not_started".into(), dimension: "governance".into(), ..Fields::default() }
    });
    // The id offered to a new program follows its dimension until the user types one of their own.
    let offered_id = StoredValue::new(original.is_none().then(|| start.id.clone()));
    let opened_with = StoredValue::new(start.clone());
    let fields = RwSignal::new(start);
    Effect::new(move |_| {
        let dimension = fields.with(|f| f.dimension.clone());
        let Some(offered) = offered_id.get_value() else { return };
        if fields.with_untracked(|f| f.id != offered) {
            offered_id.set_value(None);
            return;
        }
        let next =
            store.with_untracked(|d| edit::next_program_id(d, from_code(&dimension).unwrap_or(Dimension::Governance)));
        if next != offered {
            offered_id.set_value(Some(next.clone()));
            fields.update(|f| f.id = next);
        }
    });
    // The form takes the keyboard focus when it opens, on the program's name (the id is offered).
    let first_field = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(input) = first_field.get().and_then(|grid| grid.query_selector("#program-name").ok().flatten()) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(input).focus();
        }
    });
    let errors = RwSignal::new(HashMap::<String, String>::new());
    let confirming_delete = RwSignal::new(false);
    let old_id = original.as_ref().map(|p| p.id.clone());
    let original = StoredValue::new(original);
    let title = if old_id.is_some() { Key::ProgramEdit } else { Key::ProgramAdd };

    let save = move || {
        let l = lang.get_untracked();
        let base = original.get_value();
        let changed = fields.with_untracked(|now| opened_with.with_value(|start| changed_fields(start, now)));
        let postponement =
            base.is_none() || changed.iter().any(|field| ["postponed_to", "delay_reason"].contains(field));
        let (program, mut found) = fields.with_untracked(|f| f.program(base.as_ref(), postponement));
        let program = match &base {
            Some(base) => with_fields(base, program, &changed),
            None => program,
        };
        // An id in use is said with the rest, not after them.
        let outcome = match store.with_untracked(|d| edit::save_program(d, base.as_ref(), program)) {
            Err(rejected) => {
                found.extend(rejected.0);
                Err(found)
            }
            Ok(_) if !found.is_empty() => Err(found),
            Ok(change) => store.apply(change).map_err(|rejected| rejected.0),
        };
        match outcome {
            Ok(()) => close(),
            Err(found) => errors.set(found.iter().map(|e| (field_of(e), l.problem_text(&e.problem))).collect()),
        }
    };

    let text_field = move |name: &'static str,
                           key: Key,
                           get: fn(&Fields) -> String,
                           set: fn(&mut Fields, String),
                           kind: &'static str| {
        let id = format!("program-{name}");
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:has-error=move || errors.with(|e| e.contains_key(name))>
                <label for=id.clone()>{move || lang.get().t(key)}</label>
                <input id=id type=kind data-testid=format!("program-field-{name}")
                    aria-describedby=error_id.clone()
                    aria-invalid=move || errors.with(|e| e.contains_key(name)).to_string()
                    prop:value=move || fields.with(get)
                    on:input=move |ev| fields.update(|f| set(f, event_target_value(&ev)))/>
                <p class="field-error" id=error_id role="alert">{move || errors.with(|e| e.get(name).cloned())}</p>
            </div>
        }
    };
    let choice_field = move |name: &'static str,
                             key: Key,
                             options: Signal<Vec<(String, String)>>,
                             get: fn(&Fields) -> String,
                             set: fn(&mut Fields, String)| {
        let id = format!("program-{name}");
        view! {
            <div class="field" class:has-error=move || errors.with(|e| e.contains_key(name))>
                <label for=id.clone()>{move || lang.get().t(key)}</label>
                <select id=id data-testid=format!("program-field-{name}") prop:value=move || fields.with(get)
                    on:change=move |ev| fields.update(|f| set(f, event_target_value(&ev)))>
                    // Options made anew are chosen by `selected`, or the select would show the first one.
                    {move || options.get().into_iter().map(|(value, label)| {
                        let chosen = value.clone();
                        view! { <option value=value prop:selected=move || fields.with(get) == chosen>{label}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error" role="alert">{move || errors.with(|e| e.get(name).cloned())}</p>
            </div>
        }
    };
    let none = move |l: Lang| (String::new(), l.t(Key::NotSet).to_owned());
    let yes_no = Signal::derive(move || {
        let l = lang.get();
        vec![none(l), ("yes".into(), l.yes_no(true).into()), ("no".into(), l.yes_no(false).into())]
    });

    view! {
        <div class="dialog-backdrop">
            <form class="program-form" role="dialog" aria-modal="true" aria-labelledby="program-form-title" data-testid="program-form"
                on:submit=move |ev| { ev.prevent_default(); save() }
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { close() }>
                <h3 id="program-form-title">{move || lang.get().t(title)}</h3>
                <div class="form-grid" node_ref=first_field>
                    {text_field("id", Key::FieldId, |f| f.id.clone(), |f, v| f.id = v, "text")}
                    {text_field("name", Key::FieldName, |f| f.name.clone(), |f, v| f.name = v, "text")}
                    {choice_field("dimension", Key::FieldDimension,
                        Signal::derive(move || Dimension::ALL.iter().map(|d| (d.code().to_owned(), lang.get().dimension(*d).to_owned())).collect()),
                        |f| f.dimension.clone(), |f, v| f.dimension = v)}
                    {choice_field("subdimension", Key::FieldSubdimension,
                        Signal::derive(move || {
                            let l = lang.get();
                            let dimension = fields.with(|f| f.dimension.clone());
                            let mut options = vec![none(l)];
                            options.extend(SubDimension::ALL.iter().filter(|s| s.dimension().code() == dimension)
                                .map(|s| (s.code().to_owned(), l.subdimension(*s).to_owned())));
                            options
                        }),
                        |f| f.subdimension.clone(), |f, v| f.subdimension = v)}
                    {choice_field("status", Key::FieldStatus,
                        Signal::derive(move || Status::ALL.iter().map(|s| (s.code().to_owned(), lang.get().status(*s).to_owned())).collect()),
                        |f| f.status.clone(), |f, v| f.status = v)}
                    {choice_field("agency", Key::FieldAgency,
                        Signal::derive(move || {
                            let mut options = vec![none(lang.get())];
                            options.extend(agencies.with(|list| list.iter().map(|a| (a.id.clone(), a.full_name())).collect::<Vec<_>>()));
                            options
                        }),
                        |f| f.agency.clone(), |f, v| f.agency = v)}
                    <div class="field checkbox">
                        <label>
                            <input type="checkbox" data-testid="program-field-quick_win" prop:checked=move || fields.with(|f| f.quick_win)
                                on:change=move |ev| fields.update(|f| f.quick_win = event_target_checked(&ev))/>
                            {move || lang.get().t(Key::FieldQuickWin)}
                        </label>
                    </div>
                    {choice_field("horizon", Key::FieldHorizon,
                        Signal::derive(move || {
                            let l = lang.get();
                            let mut options = vec![none(l)];
                            options.extend(Horizon::ALL.iter().map(|h| (h.code().to_owned(), l.horizon(*h).to_owned())));
                            options
                        }),
                        |f| f.horizon.clone(), |f, v| f.horizon = v)}
                    {text_field("start_year", Key::FieldStartYear, |f| f.start_year.clone(), |f, v| f.start_year = v, "text")}
                    {text_field("target_year", Key::FieldTargetYear, |f| f.target_year.clone(), |f, v| f.target_year = v, "text")}
                    {text_field("progress", Key::FieldProgress, |f| f.progress.clone(), |f, v| f.progress = v, "text")}
                    {text_field("budget_planned", Key::FieldBudgetPlanned, |f| f.budget_planned.clone(), |f, v| f.budget_planned = v, "text")}
                    {text_field("budget_realized", Key::FieldBudgetRealized, |f| f.budget_realized.clone(), |f, v| f.budget_realized = v, "text")}
                    {choice_field("rpjmd", Key::FieldRpjmd, yes_no, |f| f.rpjmd.clone(), |f, v| f.rpjmd = v)}
                    {choice_field("renstra", Key::FieldRenstra, yes_no, |f| f.renstra.clone(), |f, v| f.renstra = v)}
                    {text_field("postponed_to", Key::FieldPostponedTo, |f| f.postponed_to.clone(), |f, v| f.postponed_to = v, "text")}
                    {text_field("delay_reason", Key::FieldDelayReason, |f| f.delay_reason.clone(), |f, v| f.delay_reason = v, "text")}
                    {text_field("apps", Key::FieldApps, |f| f.apps.clone(), |f, v| f.apps = v, "text")}
                    <LocationsField chosen=Signal::derive(move || fields.with(|f| f.locations.clone()))
                        on_change=Callback::new(move |list| fields.update(|f| f.locations = list))
                        error=Signal::derive(move || errors.with(|e| e.get("locations").cloned()))/>
                    <div class="field wide">
                        <label for="program-evidence">{move || lang.get().t(Key::FieldEvidence)}</label>
                        <textarea id="program-evidence" rows="2" data-testid="program-field-evidence" prop:value=move || fields.with(|f| f.evidence.clone())
                            on:input=move |ev| fields.update(|f| f.evidence = event_target_value(&ev))></textarea>
                    </div>
                    <div class="field wide">
                        <label for="program-notes">{move || lang.get().t(Key::FieldNotes)}</label>
                        <textarea id="program-notes" rows="3" data-testid="program-field-notes" prop:value=move || fields.with(|f| f.notes.clone())
                            on:input=move |ev| fields.update(|f| f.notes = event_target_value(&ev))></textarea>
                    </div>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="program-save">{move || lang.get().t(Key::Save)}</button>
                    <button type="button" class="button" data-testid="program-cancel" on:click=move |_| close()>{move || lang.get().t(Key::ImportCancel)}</button>
                    {old_id.clone().map(|id| {
                        let duplicate_id = id.clone();
                        view! {
                            <button type="button" class="button" data-testid="program-duplicate" on:click=move |_| {
                                let suffix = lang.get_untracked().t(Key::CopySuffix);
                                if let Some((change, _)) = store.with_untracked(|d| edit::duplicate_program(d, &duplicate_id, suffix)) {
                                    let _ = store.apply(change);
                                }
                                close();
                            }>{move || lang.get().t(Key::Duplicate)}</button>
                            {move || {
                                let id = id.clone();
                                if confirming_delete.get() {
                                    view! {
                                        <span class="confirm">
                                            {lang.get().t(Key::DeleteConfirm)}
                                            <button type="button" class="button danger" data-testid="program-delete-confirm" on:click=move |_| {
                                                let _ = store.apply(store.with_untracked(|d| edit::delete_programs(d, std::slice::from_ref(&id))));
                                                close();
                                            }>{lang.get().t(Key::Delete)}</button>
                                        </span>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="button" data-testid="program-delete" on:click=move |_| confirming_delete.set(true)>
                                            {lang.get().t(Key::Delete)}
                                        </button>
                                    }.into_any()
                                }
                            }}
                        }
                    })}
                </div>
            </form>
        </div>
    }
}
