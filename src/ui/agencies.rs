//! The agencies (OPD) and the plan's details: add, rename, merge two agencies into one, delete one (an
//! agency still in use asks where its programs go), and edit the city, province, title, period and legal basis.

use leptos::prelude::*;

use crate::edit;
use crate::format::Plan;
use crate::i18n::Key;

use super::use_state;

#[component]
pub fn AgencyPanel() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let new_name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // Rows are made anew only when agencies come or go, not on every edit of the data.
    let agency_ids =
        Memo::new(move |_| state.dataset.with(|d| d.agencies.iter().map(|a| a.id.clone()).collect::<Vec<_>>()));
    let add = move || {
        let name = new_name.get_untracked();
        match state.edit(|d| edit::add_agency(d, &name).map(|(d, _)| d)) {
            Ok(()) => {
                new_name.set(String::new());
                message.set(None);
            }
            Err(rejected) => message.set(rejected.0.first().map(|e| lang.get_untracked().problem_text(&e.problem))),
        }
    };
    view! {
        <details class="agencies" data-testid="agency-panel">
            <summary>{move || lang.get().t(Key::AgenciesHeading)}</summary>
            <form class="add-agency" on:submit=move |ev| { ev.prevent_default(); add() }>
                <label for="new-agency">{move || lang.get().t(Key::AgencyNew)}</label>
                <input id="new-agency" type="text" data-testid="agency-new-name" prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="submit" class="button small" data-testid="agency-add">{move || lang.get().t(Key::AgencyAdd)}</button>
                <p class="field-error" role="alert">{move || message.get()}</p>
            </form>
            <table class="agency-table">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().t(Key::FieldAgency)}</th>
                        <th scope="col">{move || lang.get().t(Key::ProgramsLabel)}</th>
                        <th scope="col">{move || lang.get().t(Key::BackupActions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || agency_ids.get().into_iter().map(|id| view! { <AgencyRow id=id/> }).collect_view()}
                </tbody>
            </table>
        </details>
        <PlanDetails/>
    }
}

#[component]
fn AgencyRow(id: String) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let id = StoredValue::new(id);
    // The name as the data has it, so that undo, redo and other tabs show in the field too.
    let name = Memo::new(move |_| {
        state.dataset.with(|d| d.agency(&id.get_value()).map(|a| a.name.clone()).unwrap_or_default())
    });
    let target = RwSignal::new(String::new());
    let in_use = Memo::new(move |_| state.dataset.with(|d| edit::programs_of_agency(d, &id.get_value())));
    // Computed outside the markup: a `>` inside an unbraced attribute would end the tag for the view macro.
    let has_programs = move || in_use.get() != 0;
    let others = move || {
        state.dataset.with(|d| {
            d.agencies
                .iter()
                .filter(|a| a.id != id.get_value())
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <tr data-testid="agency-row" data-agency-id=id.get_value()>
            <td>
                <input type="text" data-testid="agency-name" aria-label=move || lang.get().t(Key::AgencyRename) prop:value=move || name.get()
                    on:change=move |ev| { let _ = state.edit(|d| edit::rename_agency(d, &id.get_value(), &event_target_value(&ev))); }/>
                <span class="hint">{id.get_value()}</span>
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
                    on:click=move |_| { let _ = state.edit(|d| Ok(edit::merge_agencies(d, &id.get_value(), &target.get_untracked()))); }>
                    {move || lang.get().t(Key::AgencyMerge)}
                </button>
                <button type="button" class="button small" data-testid="agency-delete"
                    disabled=move || has_programs() && target.with(String::is_empty)
                    title=move || has_programs().then(|| lang.get().t(Key::AgencyInUse))
                    on:click=move |_| {
                        let target = target.get_untracked();
                        let goes_to = if in_use.get_untracked() != 0 { Some((!target.is_empty()).then_some(target.as_str())) } else { Some(None) };
                        let _ = state.edit(|d| edit::delete_agency(d, &id.get_value(), goes_to).ok_or_else(|| edit::Rejected(Vec::new())));
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
    let state = use_state();
    let lang = state.lang;
    let plan = RwSignal::new(state.dataset.with_untracked(|d| d.plan.clone()));
    Effect::new(move |_| plan.set(state.dataset.with(|d| d.plan.clone())));
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
                match state.edit(|d| edit::set_plan(d, plan.get_untracked())) {
                    Ok(()) => message.set(None),
                    Err(rejected) => message.set(rejected.0.first().map(|e| lang.get_untracked().problem(e))),
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
