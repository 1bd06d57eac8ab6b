//! Import and export of dataset files: the file picker, the export button, and the preview in which a
//! checked file waits for the user to replace, merge or cancel.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::files;
use crate::i18n::Key;
use crate::state::{ImportMode, PendingImport};

use super::use_state;

#[component]
pub fn DataPanel() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;

    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Clearing the picker lets the same file be chosen again after a fix.
        input.set_value("");
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            match files::read_text(file).await {
                Ok(text) => state.receive_file(file_name, &text),
                Err(detail) => state.file_unreadable(file_name, detail),
            }
        });
    };

    view! {
        <section class="data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading">{move || lang.get().t(Key::DataHeading)}</h2>
            <p class="explainer">{move || lang.get().t(Key::DataExplainer)}</p>
            <div class="actions">
                <label class="button file-button">
                    <span>{move || lang.get().t(Key::ImportLabel)}</span>
                    <input
                        type="file"
                        accept=".json,application/json"
                        data-testid="import-file"
                        on:change=on_file
                    />
                </label>
                <button type="button" class="button" data-testid="export-json" on:click=move |_| state.export_json()>
                    {move || lang.get().t(Key::ExportJson)}
                </button>
            </div>
            <ImportPreview/>
        </section>
    }
}

/// What a checked file holds against the current data, and the choice to apply it.
#[component]
fn ImportPreview() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    // The choice takes the keyboard focus as soon as it appears, so the keyboard user lands on it.
    let replace_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = replace_button.get() {
            let _ = button.focus();
        }
    });
    move || {
        let PendingImport { file_name, checked } = state.pending_import.get()?;
        let l = lang.get();
        let incoming = &checked.dataset;
        let (current_city, current_programs, merged) = state
            .dataset
            .with(|current| (current.plan.city.clone(), current.programs.len(), current.merged_with(incoming)));
        let updated = incoming.programs.len() - (merged.programs.len() - current_programs);
        let added = merged.programs.len() - current_programs;
        let warnings: Vec<String> = checked.warnings.iter().map(|w| l.warning(w)).collect();
        Some(view! {
            <div class="import-preview" role="dialog" aria-modal="false" aria-labelledby="import-preview-title" data-testid="import-preview"
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        state.cancel_import();
                    }
                }>
                <h3 id="import-preview-title">{l.t(Key::ImportPreviewTitle)}</h3>
                <p class="file-name">{l.tf(Key::ImportPreviewFile, &[("file", &file_name)])}</p>
                <ul class="preview-facts">
                    <li>{l.tf(Key::ImportPreviewIncoming, &[("city", &incoming.plan.city), ("programs", &l.count(incoming.programs.len()))])}</li>
                    <li>{l.tf(Key::ImportPreviewCurrent, &[("city", &current_city), ("programs", &l.count(current_programs))])}</li>
                    <li>{l.tf(Key::ImportPreviewMergeResult, &[
                        ("programs", &l.count(merged.programs.len())),
                        ("added", &l.count(added)),
                        ("updated", &l.count(updated)),
                    ])}</li>
                </ul>
                {(!warnings.is_empty()).then(|| view! {
                    <div class="warnings">
                        <h4>{l.t(Key::ImportWarningsTitle)}</h4>
                        <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    </div>
                })}
                <div class="actions">
                    <button type="button" class="button primary" data-testid="import-replace" node_ref=replace_button
                        on:click=move |_| state.apply_import(ImportMode::Replace)>
                        {l.t(Key::ImportReplace)}
                    </button>
                    <button type="button" class="button" data-testid="import-merge"
                        on:click=move |_| state.apply_import(ImportMode::Merge)>
                        {l.t(Key::ImportMerge)}
                    </button>
                    <button type="button" class="button" data-testid="import-cancel"
                        on:click=move |_| state.cancel_import()>
                        {l.t(Key::ImportCancel)}
                    </button>
                </div>
            </div>
        })
    }
}
