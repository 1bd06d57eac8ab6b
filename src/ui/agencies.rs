//! The agencies (OPD) and the plan's details: add, rename, merge two agencies into one, delete one (an
//! agency still in use asks where its programs go), and edit the city, province, title, period and legal basis.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::edit;
use crate::format::Plan;
use crate::i18n::Key;

use super::{use_lang, use_store};

#[component]
pub fn AgencyPanel() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let agencies = store.agencies();
    let new_name = RwSignal::new(String::new());
    let new_short_name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // Rows are made anew only when agencies come or go, not on every edit of the data.
    let agency_ids = Memo::new(move |_| agencies.with(|list| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>()));
    // The programs of each agency, counted in one pass and only while the panel is open: an edit of a
    // program in the register does not count 20 000 programs for every agency.
    let open = RwSignal::new(false);
    let counts = Memo::new(move |_| {
        if !open.get() {
            return HashMap::new();
        }
        store.with_programs(|d| {
            let mut counts = HashMap::<String, usize>::new();
            for agency in d.programs.iter().filter_map(|p| p.agency.as_ref()) {
                *counts.entry(agency.clone()).or_default() += 1;
            }
            counts
        })
    });
    let add = move || {
        let name = new_name.get_untracked();
        let short_name = new_short_name.get_untracked();
        let (change, _) = store.with_untracked(|d| edit::add_agency(d, &name, &short_name));
        match store.apply(change) {
            Ok(()) => {
                new_name.set(String::new());
                new_short_name.set(String::new());
                message.set(None);
            }
            Err(rejected) => message.set(rejected.0.first().map(|e| lang.get_untracked().field_problem(e))),
        }
    };
    view! {
        <details class="agencies" data-testid="agency-panel"
            on:toggle=move |ev| open.set(ev.target().is_some_and(|t| wasm_bindgen::JsCast::unchecked_into::<web_sys::Element>(t).has_attribute("open")))>
            <summary>{move || lang.get().t(Key::AgenciesHeading)}</summary>
            <form class="add-agency" on:submit=move |ev| { ev.prevent_default(); add() }>
                <label for="new-agency">{move || lang.get().t(Key::AgencyNew)}</label>
                <input id="new-agency" type="text" data-testid="agency-new-name" prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <label for="new-agency-short">{move || lang.get().t(Key::AgencyShortName)}</label>
                <input id="new-agency-short" type="text" class="short-name" data-testid="agency-new-short-name"
                    maxlength=crate::format::SHORT_NAME_MAX_CHARS.to_string() placeholder=move || lang.get().t(Key::AgencyShortNameExample)
                    prop:value=move || new_short_name.get() on:input=move |ev| new_short_name.set(event_target_value(&ev))/>
                <button type="submit" class="button small" data-testid="agency-add">{move || lang.get().t(Key::AgencyAdd)}</button>
                <p class="field-error" role="alert">{move || message.get()}</p>
            </form>
            <table class="agency-table">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().t(Key::FieldAgency)}</th>
                        <th scope="col">{move || lang.get().t(Key::AgencyShortName)}</th>
                        <th scope="col">{move || lang.get().t(Key::ProgramsLabel)}</th>
                        <th scope="col">{move || lang.get().t(Key::BackupActions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || agency_ids.get().into_iter().map(|id| view! { <AgencyRow id=id counts=counts/> }).collect_view()}
                </tbody>
            </table>
        </details>
        <PlanDetails/>
    }
}

#[component]
fn AgencyRow(id: String, counts: Memo<HashMap<String, usize>>) -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let agencies = store.agencies();
    let id = StoredValue::new(id);
    // The name as the data has it, so that undo, redo and other tabs show in the field too.
    let name = Memo::new(move |_| {
        agencies.with(|list| list.iter().find(|a| a.id == id.get_value()).map(|a| a.name.clone()).unwrap_or_default())
    });
    let short_name = Memo::new(move |_| {
        agencies.with(|list| {
            list.iter().find(|a| a.id == id.get_value()).and_then(|a| a.short_name.clone()).unwrap_or_default()
        })
    });
    let short_name_error = RwSignal::new(None::<String>);
    let set_short_name = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let change = store.with_untracked(|d| edit::set_agency_short_name(d, &id.get_value(), &input.value()));
        match store.apply(change) {
            Ok(()) => short_name_error.set(None),
            Err(rejected) => {
                // The field shows what the data holds again; the message says why the typed text was refused.
                input.set_value(&short_name.get_untracked());
                let l = lang.get_untracked();
                short_name_error.set(
                    rejected
                        .0
                        .first()
                        .map(|e| format!("{}: {}", l.t(Key::AgencyShortName), l.problem_text(&e.problem))),
                );
            }
        }
    };
    let target = RwSignal::new(String::new());
    let in_use = Memo::new(move |_| counts.with(|c| c.get(&id.get_value()).copied().unwrap_or(0)));
    // Computed outside the markup: a `>` inside an unbraced attribute would end the tag for the view macro.
    let has_programs = move || in_use.get() != 0;
    let others = move || {
        agencies.with(|list| {
            list.iter().filter(|a| a.id != id.get_value()).map(|a| (a.id.clone(), a.full_name())).collect::<Vec<_>>()
        })
    };
    view! {
        <tr data-testid="agency-row" data-agency-id=id.get_value()>
            <td>
                <input type="text" data-testid="agency-name" aria-label=move || lang.get().t(Key::AgencyRename) prop:value=move || name.get()
                    on:change=move |ev| { let _ = store.apply(store.with_untracked(|d| edit::rename_agency(d, &id.get_value(), &event_target_value(&ev)))); }/>
                <span class="hint">{id.get_value()}</span>
            </td>
            <td>
                <input type="text" class="short-name" data-testid="agency-short-name" maxlength=crate::format::SHORT_NAME_MAX_CHARS.to_string()
                    aria-label=move || lang.get().t(Key::AgencyShortName) placeholder=move || lang.get().t(Key::AgencyShortNameExample)
                    prop:value=move || short_name.get() on:change=set_short_name/>
                <p class="field-error" role="alert">{move || short_name_error.get()}</p>
            </td>
            <td class="number">{move || lang.get().count(in_use.get())}</td>
            <td class="row-actions">
                <select aria-label=move || lang.get().t(Key::AgencyMergeInto) data-testid="agency-target" prop:value=move || target.get()
                    on:change=move |ev| target.set(event_target_value(&ev))>
                    <option value="">{move || lang.get().t(Key::AgencyMergeInto)}</option>
                    {move || others().into_iter().map(|(value, label)| {
                        let chosen = value.clone();
                        view! { <option value=value prop:selected=move || target.with(|t| *t == chosen)>{label}</option> }
                    }).collect_view()}
                </select>
                <button type="button" class="button small" data-testid="agency-merge" disabled=move || target.with(String::is_empty)
                    on:click=move |_| { let _ = store.apply(store.with_untracked(|d| edit::merge_agencies(d, &id.get_value(), &target.get_untracked()))); }>
                    {move || lang.get().t(Key::AgencyMerge)}
                </button>
                <button type="button" class="button small" data-testid="agency-delete"
                    disabled=move || has_programs() && target.with(String::is_empty)
                    title=move || has_programs().then(|| lang.get().t(Key::AgencyInUse))
                    on:click=move |_| {
                        let target = target.get_untracked();
                        let in_use = store.with_untracked(|d| edit::programs_of_agency(d, &id.get_value()));
                        let goes_to = if in_use != 0 { Some((!target.is_empty()).then_some(target.as_str())) } else { Some(None) };
                        if let Some(change) = store.with_untracked(|d| edit::delete_agency(d, &id.get_value(), goes_to)) {
                            let _ = store.apply(change);
                        }
                    }>
                    {move || lang.get().t(Key::Delete)}
                </button>
            </td>
        </tr>
    }
}

fn optional(text: String) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.trim().to_owned())
}

fn year(text: String) -> Option<i32> {
    text.trim().parse().ok()
}

#[component]
fn PlanDetails() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let stored_plan = store.plan();
    let plan = RwSignal::new(stored_plan.get_untracked());
    Effect::new(move |_| plan.set(stored_plan.get()));
    let message = RwSignal::new(None::<String>);
    let text = move |key: Key, testid: &'static str, get: fn(&Plan) -> String, set: fn(&mut Plan, String)| {
        view! {
            <div class="field">
                <label>
                    <span>{move || lang.get().t(key)}</span>
                    <input type="text" data-testid=testid prop:value=move || plan.with(get) on:input=move |ev| plan.update(|p| set(p, event_target_value(&ev)))/>
                </label>
            </div>
        }
    };
    view! {
        <details class="plan-details" data-testid="plan-panel">
            <summary>{move || lang.get().t(Key::PlanHeading)}</summary>
            <form class="form-grid" on:submit=move |ev| {
                ev.prevent_default();
                match store.apply(store.with_untracked(|d| edit::set_plan(d, plan.get_untracked()))) {
                    Ok(()) => message.set(None),
                    Err(rejected) => message.set(rejected.0.first().map(|e| lang.get_untracked().field_problem(e))),
                }
            }>
                {text(Key::FieldCity, "plan-city", |p| p.city.clone(), |p, v| p.city = v)}
                {text(Key::FieldProvince, "plan-province", |p| p.province.clone().unwrap_or_default(), |p, v| p.province = optional(v))}
                {text(Key::FieldTitle, "plan-title", |p| p.title.clone().unwrap_or_default(), |p, v| p.title = optional(v))}
                {text(Key::FieldStartYear, "plan-start-year", |p| p.start_year.map(|y| y.to_string()).unwrap_or_default(), |p, v| p.start_year = year(v))}
                {text(Key::FieldEndYear, "plan-end-year", |p| p.end_year.map(|y| y.to_string()).unwrap_or_default(), |p, v| p.end_year = year(v))}
                {text(Key::FieldLegalBasis, "plan-legal-basis", |p| p.legal_basis.clone().unwrap_or_default(), |p, v| p.legal_basis = optional(v))}
                <div class="actions wide">
                    <button type="submit" class="button primary" data-testid="plan-save">{move || lang.get().t(Key::Save)}</button>
                    <p class="field-error" role="alert">{move || message.get()}</p>
                </div>
            </form>
        </details>
    }
}
