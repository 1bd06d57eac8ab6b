//! Starting: on a first visit (on top of the overview) and at any time from the data panel, the choice
//! between the example of Kota Tanjungpinang, a plan of the user's own city and a file; the form of a new
//! plan; and, while a plan has no programs yet, what to do next.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::format::{Dimension, Plan, Problem};
use crate::i18n::{Key, Lang};
use crate::import::Origin;

use super::{use_imports, use_lang, use_navigation, use_settings, use_store};

/// Whether the choice of how to start stands on top of the page: a first visit, nothing of the user's own
/// stored, no choice made yet.
pub fn first_visit() -> Signal<bool> {
    let store = use_store();
    let started = use_settings().started();
    let stored = store.stored_revision();
    let origin = store.origin();
    Signal::derive(move || !started.get() && stored.get() == 0 && origin.get() == Origin::Sample)
}

/// The three ways to start. `data-testid="start"`.
#[component]
pub fn StartChoices() -> impl IntoView {
    let imports = use_imports();
    let settings = use_settings();
    let store = use_store();
    let lang = use_lang();
    let planning = RwSignal::new(false);
    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        settings.mark_started();
        imports.receive_file(file);
    };
    let example = move |_| {
        settings.mark_started();
        // On the example as published already (a first visit) there is nothing to replace.
        if !store.with_untracked(crate::sample::is_untouched_sample) {
            imports.open_example();
        }
    };
    view! {
        <section class="start" data-testid="start" aria-labelledby="start-heading">
            <h2 id="start-heading">{move || lang.get().t(Key::StartHeading)}</h2>
            <p>{move || lang.get().t(Key::StartExplainer)}</p>
            <div class="start-choices">
                <button type="button" class="button" data-testid="start-example" on:click=example>
                    {move || lang.get().t(Key::StartExample)}
                </button>
                <button type="button" class="button primary" data-testid="start-new-plan"
                    aria-expanded=move || planning.get().to_string() on:click=move |_| planning.set(true)>
                    {move || lang.get().t(Key::StartNewPlan)}
                </button>
                <label class="button file-button">
                    <span>{move || lang.get().t(Key::StartOpenFile)}</span>
                    <input type="file" accept=".json,.csv,.xlsx,application/json,text/csv" data-testid="start-open-file"
                        on:change=on_file/>
                </label>
            </div>
            {move || planning.get().then(|| view! { <NewPlanForm close=move || planning.set(false)/> })}
        </section>
    }
}

/// The plan's details as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Typed {
    city: String,
    province: String,
    title: String,
    start_year: String,
    end_year: String,
    legal_basis: String,
}

impl Typed {
    /// The plan, or what is wrong with it by field.
    fn plan(&self, l: Lang) -> Result<Plan, Vec<(&'static str, String)>> {
        let text = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_owned());
        let mut errors = Vec::new();
        let mut year = |field: &'static str, typed: &str| -> Option<i32> {
            let typed = typed.trim();
            if typed.is_empty() {
                return None;
            }
            // A whole number is a year, checked against the format's years by the plan's rules below.
            let Ok(year) = typed.parse::<i64>() else {
                errors.push((field, l.t(Key::NotAYear).to_owned()));
                return None;
            };
            let fits = i32::try_from(year).ok();
            if fits.is_none() {
                errors.push((field, l.problem_text(&Problem::YearOutOfRange { year })));
            }
            fits
        };
        let plan = Plan {
            city: self.city.trim().to_owned(),
            province: text(&self.province),
            title: text(&self.title),
            start_year: year("start_year", &self.start_year),
            end_year: year("end_year", &self.end_year),
            legal_basis: text(&self.legal_basis),
            extra: Default::default(),
        };
        errors.extend(
            plan.problems()
                .into_iter()
                .map(|(field, problem): (&'static str, Problem)| (field, l.problem_text(&problem))),
        );
        if errors.is_empty() { Ok(plan) } else { Err(errors) }
    }
}

/// The details of a new plan: the city first (required), then province, title, period and legal basis.
#[component]
fn NewPlanForm(close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let imports = use_imports();
    let settings = use_settings();
    let lang = use_lang();
    let typed = RwSignal::new(Typed::default());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let city = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = city.get() {
            let _ = input.focus();
        }
    });
    let create = move || match typed.with_untracked(|t| t.plan(lang.get_untracked())) {
        Ok(plan) => {
            errors.set(Vec::new());
            settings.mark_started();
            imports.start_new_plan(plan);
            close();
        }
        Err(found) => errors.set(found),
    };
    let field = move |name: &'static str, key: Key, get: fn(&Typed) -> String, set: fn(&mut Typed, String)| {
        let id = format!("new-plan-{}", name.replace('_', "-"));
        let error_id = format!("{id}-error");
        let error = move || errors.with(|e| e.iter().find(|(f, _)| *f == name).map(|(_, m)| m.clone()));
        view! {
            <div class="field" class:has-error=move || error().is_some()>
                <label for=id.clone()>{move || lang.get().t(key)}</label>
                <input id=id.clone() type="text" data-testid=id.clone() aria-describedby=error_id.clone()
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || typed.with(get) on:input=move |ev| typed.update(|t| set(t, event_target_value(&ev)))/>
                <p class="field-error" id=error_id role="alert">{error}</p>
            </div>
        }
    };
    view! {
        <form class="new-plan" data-testid="new-plan-form" aria-labelledby="new-plan-heading"
            on:submit=move |ev| { ev.prevent_default(); create() }>
            <h3 id="new-plan-heading">{move || lang.get().t(Key::NewPlanHeading)}</h3>
            <p class="hint">{move || lang.get().t(Key::NewPlanHint)}</p>
            <div class="form-grid">
                <div class="field" class:has-error=move || errors.with(|e| e.iter().any(|(f, _)| *f == "city"))>
                    <label for="new-plan-city">{move || lang.get().t(Key::FieldCity)}</label>
                    <input id="new-plan-city" type="text" data-testid="new-plan-city" node_ref=city aria-required="true"
                        aria-describedby="new-plan-city-error"
                        prop:value=move || typed.with(|t| t.city.clone()) on:input=move |ev| typed.update(|t| t.city = event_target_value(&ev))/>
                    <p class="field-error" id="new-plan-city-error" role="alert">
                        {move || errors.with(|e| e.iter().find(|(f, _)| *f == "city").map(|(_, m)| m.clone()))}
                    </p>
                </div>
                {field("province", Key::FieldProvince, |t| t.province.clone(), |t, v| t.province = v)}
                {field("title", Key::FieldTitle, |t| t.title.clone(), |t, v| t.title = v)}
                {field("start_year", Key::FieldStartYear, |t| t.start_year.clone(), |t, v| t.start_year = v)}
                {field("end_year", Key::FieldEndYear, |t| t.end_year.clone(), |t, v| t.end_year = v)}
                {field("legal_basis", Key::FieldLegalBasis, |t| t.legal_basis.clone(), |t, v| t.legal_basis = v)}
            </div>
            <div class="actions">
                <button type="submit" class="button primary" data-testid="new-plan-create">{move || lang.get().t(Key::NewPlanCreate)}</button>
                <button type="button" class="button" data-testid="new-plan-cancel" on:click=move |_| close()>
                    {move || lang.get().t(Key::ImportCancel)}
                </button>
            </div>
        </form>
    }
}

/// While the plan has no programs: what to do next. `data-testid="next-steps"`.
#[component]
pub fn NextSteps() -> impl IntoView {
    let store = use_store();
    let navigation = use_navigation();
    let lang = use_lang();
    // Not for the empty plan that stands for the example on its way (or one that could not be had).
    let empty = Memo::new(move |_| {
        store.example_wait().get() == crate::state::store::ExampleWait::Here
            && store.with_programs(|d| d.programs.is_empty())
    });
    move || {
        empty.get().then(|| {
            let l = lang.get();
            let dimensions = Dimension::ALL.iter().map(|d| l.dimension(*d)).collect::<Vec<_>>().join(", ");
            view! {
                <section class="next-steps" data-testid="next-steps" aria-labelledby="next-steps-heading">
                    <h2 id="next-steps-heading">{l.t(Key::NextStepsHeading)}</h2>
                    <p>{l.tf(Key::NextStepsExplainer, &[("dimensions", &dimensions)])}</p>
                    <ol>
                        <li>
                            <button type="button" class="button primary" data-testid="next-add-program"
                                on:click=move |_| navigation.add_program()>{l.t(Key::NextAddProgram)}</button>
                        </li>
                        <li><a href="#templates" data-testid="next-template">{l.t(Key::NextFillTemplate)}</a></li>
                        <li><a href="#import" data-testid="next-open-file">{l.t(Key::NextOpenFile)}</a></li>
                    </ol>
                </section>
            }
        })
    }
}
