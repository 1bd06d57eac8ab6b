//! Exchanging data with colleagues: importing (file picker, pasted text; dropping is handled page-wide),
//! the preview in which checked data waits for the user's choice, and every kind of export, share link
//! included.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::diff::ListDiff;
use crate::i18n::{Key, Lang};
use crate::import::Source;
use crate::share_link::LinkError;
use crate::spreadsheet::Delimiter;
use crate::state::imports::ImportMode;
use crate::state::store::Persistence;

use super::backups::BackupList;
use super::{use_exports, use_imports, use_lang, use_settings, use_store};

/// How many items of each list of changes the preview names; the rest are counted.
const CHANGES_LISTED: usize = 50;

#[component]
pub fn DataPanel() -> impl IntoView {
    let lang = use_lang();
    let first_visit = super::start::first_visit();
    let unexported = use_settings().unexported_changes();
    view! {
        <section class="data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading">{move || lang.get().t(Key::DataHeading)}</h2>
            <p class="explainer">{move || lang.get().t(Key::DataExplainer)}</p>
            {move || unexported.get().then(|| view! {
                <p class="unexported" data-testid="unexported-changes">{lang.get().t(Key::UnexportedChanges)}</p>
            })}
            <div class="panel-columns">
                <ImportBox/>
                <ExportBox/>
                <TemplateBox/>
            </div>
            <ImportPreview/>
            <ImportBatch/>
            <super::boundaries::BoundariesBox/>
            {move || (!first_visit.get()).then(|| view! {
                <details class="start-again" data-testid="start-again">
                    <summary>{move || lang.get().t(Key::StartAgain)}</summary>
                    <super::start::StartChoices/>
                </details>
            })}
            <BackupList/>
            <StorageRoom/>
        </section>
    }
}

/// How much of the browser's storage the app takes, and whether the browser keeps the data for good.
#[component]
fn StorageRoom() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    let room = store.room();
    let revision = store.stored_revision();
    // Measured when shown, and again after each save.
    Effect::new(move |_| {
        revision.track();
        store.measure_room();
    });
    view! {
        <div class="storage-room">
            <h3>{move || lang.get().t(Key::RoomHeading)}</h3>
            <p data-testid="storage-room">
                {move || {
                    let l = lang.get();
                    let used = room.with(|r| r.used_chars);
                    // localStorage holds about five million characters per site; the app's data is ASCII.
                    let limit = 5 * 1024 * 1024;
                    let share = crate::metrics::Share::ratio(used.min(limit), limit);
                    l.tf(Key::RoomUsed, &[("used", &l.size(used as u64)), ("limit", &l.size(limit as u64)), ("share", &l.share(share))])
                }}
                {move || room.with(|r| r.estimate).map(|e| {
                    let l = lang.get();
                    format!(" {}", l.tf(Key::RoomEstimate, &[("usage", &l.size(e.usage as u64)), ("quota", &l.size(e.quota as u64))]))
                })}
            </p>
            <p data-testid="storage-persistence" data-persistence=move || match room.with(|r| r.persistence) {
                Persistence::NotAsked => "not-asked",
                Persistence::Asking => "asking",
                Persistence::Unsupported => "unsupported",
                Persistence::Granted => "granted",
                Persistence::Refused => "refused",
            }>
                {move || lang.get().t(match room.with(|r| r.persistence) {
                    Persistence::NotAsked => Key::PersistNotAsked,
                    Persistence::Asking => Key::PersistAsking,
                    Persistence::Unsupported => Key::PersistUnsupported,
                    Persistence::Granted => Key::PersistGranted,
                    Persistence::Refused => Key::PersistRefused,
                })}
            </p>
        </div>
    }
}

#[component]
fn ImportBox() -> impl IntoView {
    let imports = use_imports();
    let lang = use_lang();
    let pasting = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());

    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let files: Vec<web_sys::File> =
            input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        // Clearing the picker lets the same file be chosen again after a fix.
        input.set_value("");
        imports.receive_files(files);
    };
    let check_pasted = move |_| {
        imports.receive_text(Source::Pasted, &pasted.get_untracked());
        if imports.pending().with_untracked(Option::is_some) {
            pasting.set(false);
            pasted.set(String::new());
        }
    };

    // Text over the limit of files is refused as it is pasted: laid out in the box it would hold the page
    // for seconds before it could be refused at all.
    let refuse_oversized_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text/plain").ok()) else { return };
        if text.len() as u64 > crate::import::MAX_FILE_BYTES {
            ev.prevent_default();
            imports.receive_text(Source::Pasted, &text);
        }
    };

    view! {
        <div class="box import-box" id="import">
            <h3>{move || lang.get().t(Key::ImportHeading)}</h3>
            <p class="hint">{move || lang.get().t(Key::ImportHint)}</p>
            <div class="actions">
                <label class="button file-button">
                    <span>{move || lang.get().t(Key::ImportLabel)}</span>
                    <input
                        type="file"
                        accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        data-testid="import-file"
                        multiple
                        on:change=on_file
                    />
                </label>
                <button type="button" class="button" data-testid="import-paste-open" aria-expanded=move || pasting.get().to_string()
                    on:click=move |_| pasting.update(|p| *p = !*p)>
                    {move || lang.get().t(Key::ImportPasteOpen)}
                </button>
            </div>
            {move || pasting.get().then(|| view! {
                <div class="paste-box">
                    <label for="paste-text">{lang.get().t(Key::ImportPasteLabel)}</label>
                    <textarea id="paste-text" rows="6" data-testid="import-paste-text"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                        on:paste=refuse_oversized_paste></textarea>
                    <div class="actions">
                        <button type="button" class="button primary" data-testid="import-paste-submit"
                            disabled=move || pasted.with(|p| p.trim().is_empty())
                            on:click=check_pasted>
                            {lang.get().t(Key::ImportPasteCheck)}
                        </button>
                        <button type="button" class="button" on:click=move |_| pasting.set(false)>
                            {lang.get().t(Key::ImportCancel)}
                        </button>
                    </div>
                </div>
            })}
            <ImportProgress/>
        </div>
    }
}

/// How far the reading of a large file has come, with the way out.
#[component]
fn ImportProgress() -> impl IntoView {
    let imports = use_imports();
    let lang = use_lang();
    move || {
        let job = imports.job().get()?;
        let l = lang.get();
        let text = if job.checking {
            l.tf(Key::ImportChecking, &[("file", &job.file_name)])
        } else {
            l.tf(
                Key::ImportReadingProgress,
                &[
                    ("file", &job.file_name),
                    ("size", &l.size(job.bytes)),
                    ("percent", &l.percent((job.fraction * 100.0) as u32)),
                ],
            )
        };
        Some(view! {
            <div class="import-progress" role="status" data-testid="import-progress">
                <span>{text}</span>
                <progress max="1" value=job.fraction.to_string()></progress>
                <button type="button" class="button small" data-testid="import-abort" on:click=move |_| imports.abort_reading()>
                    {l.t(Key::ImportAbort)}
                </button>
            </div>
        })
    }
}

/// The spreadsheet template to fill in, as a workbook or as CSV.
#[component]
fn TemplateBox() -> impl IntoView {
    let exports = use_exports();
    let lang = use_lang();
    view! {
        <div class="box template-box" id="templates">
            <h3>{move || lang.get().t(Key::TemplatesHeading)}</h3>
            <p class="hint">{move || lang.get().t(Key::TemplatesHint)}</p>
            <div class="actions">
                <button type="button" class="button" data-testid="template-xlsx" on:click=move |_| exports.template_xlsx()>
                    {move || lang.get().t(Key::TemplateXlsx)}
                </button>
                <button type="button" class="button" data-testid="template-csv" on:click=move |_| exports.template_csv()>
                    {move || lang.get().t(Key::TemplateCsv)}
                </button>
            </div>
        </div>
    }
}

#[component]
fn ExportBox() -> impl IntoView {
    let exports = use_exports();
    let lang = use_lang();
    // The separator follows the language until the user chooses one.
    let chosen = RwSignal::new(None::<Delimiter>);
    let delimiter = Signal::derive(move || chosen.get().unwrap_or_else(|| Delimiter::of_language(lang.get())));
    let link = RwSignal::new(None::<Result<String, LinkError>>);
    view! {
        <div class="box export-box">
            <h3>{move || lang.get().t(Key::ExportHeading)}</h3>
            <div class="actions">
                <button type="button" class="button" data-testid="export-json" on:click=move |_| exports.json()>
                    {move || lang.get().t(Key::ExportJson)}
                </button>
                <button type="button" class="button" data-testid="export-xlsx" on:click=move |_| exports.xlsx()>
                    {move || lang.get().t(Key::ExportXlsx)}
                </button>
            </div>
            <div class="actions">
                <button type="button" class="button" data-testid="export-csv" on:click=move |_| exports.csv(delimiter.get_untracked())>
                    {move || lang.get().t(Key::ExportCsv)}
                </button>
                <label class="inline-label">
                    <span>{move || lang.get().t(Key::CsvDelimiter)}</span>
                    <select data-testid="export-csv-delimiter"
                        prop:value=move || delimiter.get().code()
                        on:change=move |ev| {
                            if let Some(d) = Delimiter::from_code(&event_target_value(&ev)) {
                                chosen.set(Some(d));
                            }
                        }>
                        <option value="comma" prop:selected=move || delimiter.get() == Delimiter::Comma>
                            {move || lang.get().t(Key::CsvComma)}
                        </option>
                        <option value="semicolon" prop:selected=move || delimiter.get() == Delimiter::Semicolon>
                            {move || lang.get().t(Key::CsvSemicolon)}
                        </option>
                    </select>
                </label>
            </div>
            <div class="actions">
                <button type="button" class="button" data-testid="share-link-create" on:click=move |_| link.set(Some(exports.share_link()))>
                    {move || lang.get().t(Key::ShareLinkCreate)}
                </button>
            </div>
            <ShareLink link=link/>
        </div>
    }
}

#[component]
fn ShareLink(link: RwSignal<Option<Result<String, LinkError>>>) -> impl IntoView {
    let exports = use_exports();
    let lang = use_lang();
    move || {
        let l = lang.get();
        match link.get()? {
            Ok(link) => Some(
                view! {
                    <div class="share-link">
                        <label for="share-link-url">{l.t(Key::ShareLinkLabel)}</label>
                        <input id="share-link-url" type="text" readonly data-testid="share-link-url" prop:value=link.clone()
                            on:focus=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }/>
                        <div class="actions">
                            <button type="button" class="button small" data-testid="share-link-copy" on:click={
                                let link = link.clone();
                                move |_| exports.copy_share_link(link.clone())
                            }>
                                {l.t(Key::ShareLinkCopy)}
                            </button>
                        </div>
                        <p class="hint">{l.tf(Key::ShareLinkNote, &[("chars", &l.count(link.chars().count()))])}</p>
                    </div>
                }
                .into_any(),
            ),
            Err(LinkError::TooLong { chars, max }) => Some(
                view! {
                    <div class="notice notice-warning" role="alert" data-testid="share-link-too-large">
                        <p>{l.tf(Key::ShareLinkTooLarge, &[("chars", &l.count(chars)), ("max", &l.count(max))])}</p>
                        <button type="button" class="button small" on:click=move |_| exports.json()>
                            {l.t(Key::ExportJson)}
                        </button>
                    </div>
                }
                .into_any(),
            ),
            Err(other) => Some(view! { <p role="alert">{other.to_string()}</p> }.into_any()),
        }
    }
}

/// What checked data holds against the current data, and the choice to apply it.
#[component]
fn ImportPreview() -> impl IntoView {
    let imports = use_imports();
    let navigation = super::use_navigation();
    let store = use_store();
    let lang = use_lang();
    // The choice takes the keyboard focus as soon as it appears, so the keyboard user lands on it.
    let replace_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = replace_button.get() {
            let _ = button.focus();
        }
    });
    move || {
        let pending = imports.pending().get()?;
        let (source, preview) = (pending.source, pending.preview);
        let l = lang.get();
        let incoming = &preview.checked.dataset;
        let (current_city, current_programs) = store.with(|d| (d.plan.city.clone(), d.programs.len()));
        let diff = &preview.diff;
        let merged_programs = preview.programs_after_merge(current_programs);
        let warnings: Vec<String> = preview.checked.warnings.iter().map(|w| l.warning(w)).collect();
        // A portfolio file: its cities are added beside this one, never in its place.
        let portfolio = (!preview.other_cities.is_empty()).then(|| {
            std::iter::once(&preview.checked.dataset)
                .chain(&preview.other_cities)
                .map(|d| d.plan.city.clone())
                .collect::<Vec<_>>()
        });
        let plan_changes = (!diff.plan.is_empty()).then(|| {
            let fields: Vec<&str> = diff.plan.iter().map(|f| l.field(f)).collect();
            view! { <li>{l.tf(Key::DiffPlan, &[("fields", &fields.join(", "))])}</li> }
        });
        Some(view! {
            <div class="import-preview" role="dialog" aria-modal="false" aria-labelledby="import-preview-title" data-testid="import-preview"
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        imports.cancel_import();
                    }
                }>
                <h3 id="import-preview-title">{l.t(Key::ImportPreviewTitle)}</h3>
                <p class="file-name">{source_label(l, &source)}</p>
                {portfolio.clone().map(|cities| view! {
                    <p data-testid="import-portfolio">{l.tf(Key::ImportPortfolio, &[("count", &l.count(cities.len())), ("cities", &cities.join(", "))])}</p>
                })}
                <ul class="preview-facts">
                    <li>{l.tf(Key::ImportPreviewIncoming, &[("city", &incoming.plan.city), ("programs", &l.count(incoming.programs.len()))])}</li>
                    <li>{l.tf(Key::ImportPreviewCurrent, &[("city", &current_city), ("programs", &l.count(current_programs))])}</li>
                </ul>
                <h4>{l.t(Key::DiffTitle)}</h4>
                <ul class="diff-summary" data-testid="import-diff">
                    <li data-testid="import-diff-programs">{l.tf(Key::DiffPrograms, &[
                        ("added", &l.count(diff.programs.added.len())),
                        ("removed", &l.count(diff.programs.removed.len())),
                        ("changed", &l.count(diff.programs.changed.len())),
                    ])}</li>
                    {plan_changes}
                    <li>{l.tf(Key::DiffAgencies, &[("added", &l.count(diff.agencies.added.len())), ("changed", &l.count(diff.agencies.changed.len()))])}</li>
                    <li>{l.tf(Key::DiffEvaluations, &[("added", &l.count(diff.evaluations.added.len())), ("changed", &l.count(diff.evaluations.changed.len()))])}</li>
                    <li>{l.tf(Key::DiffMergeResult, &[
                        ("programs", &l.count(merged_programs)),
                        ("kept", &l.count(diff.programs.removed.len())),
                    ])}</li>
                </ul>
                <ChangeLists l=l diff=diff.programs.clone()/>
                {(!warnings.is_empty()).then(|| view! {
                    <div class="warnings" data-testid="import-warnings">
                        <h4>{l.t(Key::ImportWarningsTitle)}</h4>
                        <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    </div>
                })}
                <p class="hint">{l.t(Key::ImportBackupNote)}</p>
                <div class="actions">
                    {portfolio.is_none().then(|| view! {
                        <button type="button" class="button primary" data-testid="import-replace" node_ref=replace_button
                            on:click=move |_| imports.apply_import(ImportMode::Replace)>
                            {l.t(Key::ImportReplace)}
                        </button>
                        <button type="button" class="button" data-testid="import-merge"
                            on:click=move |_| imports.apply_import(ImportMode::Merge)>
                            {l.t(Key::ImportMerge)}
                        </button>
                    })}
                    {(!preview.from_spreadsheet).then(|| view! {
                    <button type="button" class="button" class:primary=portfolio.is_some() data-testid="import-add-city"
                        on:click=move |_| {
                            imports.add_as_cities();
                            navigation.open(super::address::View::Compare);
                        }>
                        {if portfolio.is_some() { l.t(Key::ImportAddCities) } else { l.t(Key::ImportAddCity) }}
                    </button>
                    })}
                    <button type="button" class="button" data-testid="import-cancel"
                        on:click=move |_| imports.cancel_import()>
                        {l.t(Key::ImportCancel)}
                    </button>
                </div>
            </div>
        })
    }
}

/// Several files checked together: each accepted one with its cities, each refused one with its problems
/// at their places; the accepted ones are added as cities together.
#[component]
fn ImportBatch() -> impl IntoView {
    let imports = use_imports();
    let navigation = super::use_navigation();
    let lang = use_lang();
    move || {
        let batch = imports.batch().get()?;
        let l = lang.get();
        let accepted: usize = batch.files.iter().filter_map(|f| f.outcome.as_ref().ok()).map(Vec::len).sum();
        // Each accepted city's place among the accepted, to find what it would replace.
        let replaces = imports.batch_replaces(&batch);
        let replaced = replaces.iter().flatten().count();
        let mut replaces = replaces.into_iter();
        Some(view! {
            <div class="import-preview" role="region" aria-labelledby="import-batch-title" data-testid="import-batch">
                <h3 id="import-batch-title">{l.tf(Key::ImportBatchTitle, &[("count", &l.count(batch.files.len() + batch.waiting))])}</h3>
                {(batch.waiting > 0).then(|| view! {
                    <p role="status" data-testid="import-batch-waiting">{l.tf(Key::ImportBatchWaiting, &[("count", &l.count(batch.waiting))])}</p>
                })}
                <ul class="batch-list">
                    {batch.files.iter().map(|file| {
                        let (accepted, body) = match &file.outcome {
                            Ok(cities) => (true, view! {
                                <span>{cities.iter().map(|d| {
                                    let city = l.tf(Key::ImportBatchCity, &[("city", &d.plan.city), ("programs", &l.programs(d.programs.len()))]);
                                    match replaces.next().flatten() {
                                        Some((_, here)) => format!("{city} ({})", l.tf(Key::ImportBatchReplaces, &[("city", &here)])),
                                        None => city,
                                    }
                                }).collect::<Vec<_>>().join("; ")}</span>
                            }.into_any()),
                            Err(refusal) => (false, view! {
                                <div role="alert">
                                    <span>{l.t(Key::ImportBatchRefused)}</span>
                                    <ul>{batch_problems(l, refusal).into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                                </div>
                            }.into_any()),
                        };
                        view! {
                            <li data-testid="import-batch-item" data-file=file.name.clone() data-accepted=accepted.to_string()>
                                <strong>{file.name.clone()}</strong>": " {body}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="actions">
                    <button type="button" class="button primary" data-testid="import-add-city"
                        disabled={batch.waiting > 0 || accepted == 0}
                        on:click=move |_| {
                            imports.add_batch_as_cities();
                            navigation.open(super::address::View::Compare);
                        }>
                        {l.tf(Key::ImportBatchAdd, &[("count", &l.count(accepted))])}
                    </button>
                    {(replaced > 0).then(|| view! {
                        <button type="button" class="button" data-testid="import-batch-replace"
                            disabled={batch.waiting > 0}
                            on:click=move |_| {
                                imports.replace_batch_cities();
                                navigation.open(super::address::View::Compare);
                            }>
                            {l.tf(Key::ImportBatchReplace, &[("replaced", &l.count(replaced)), ("added", &l.count(accepted - replaced))])}
                        </button>
                    })}
                    <button type="button" class="button" data-testid="import-cancel" on:click=move |_| imports.cancel_batch()>
                        {l.t(Key::ImportCancel)}
                    </button>
                </div>
            </div>
        })
    }
}

/// A refused file of a batch in words, each problem with its place.
fn batch_problems(l: Lang, refusal: &crate::state::imports::BatchRefusal) -> Vec<String> {
    use crate::state::imports::BatchRefusal;
    match refusal {
        BatchRefusal::Problems(errors) => errors.iter().map(|e| l.problem(e)).collect(),
        BatchRefusal::Unreadable(detail) => vec![l.tf(Key::BoundariesUnreadable, &[("detail", detail)])],
        BatchRefusal::TooLarge(bytes) => vec![l.tf(Key::ImportBatchTooLarge, &[("size", &l.size(*bytes))])],
        BatchRefusal::Spreadsheet => vec![l.t(Key::ImportBatchSpreadsheet).to_owned()],
    }
}

/// The programs that would be added, removed and changed, each list folded away.
#[component]
fn ChangeLists(l: Lang, diff: ListDiff) -> impl IntoView {
    let named = |items: &[(String, String)]| -> Vec<String> {
        items.iter().take(CHANGES_LISTED).map(|(id, name)| format!("{id} · {name}")).collect()
    };
    let changed: Vec<String> = diff
        .changed
        .iter()
        .take(CHANGES_LISTED)
        .map(|c| {
            let fields: Vec<&str> = c.fields.iter().map(|f| l.field(f)).collect();
            format!("{} · {}: {}", c.id, c.name, fields.join(", "))
        })
        .collect();
    let lists = [
        (Key::DiffAddedList, named(&diff.added), diff.added.len(), "added"),
        (Key::DiffRemovedList, named(&diff.removed), diff.removed.len(), "removed"),
        (Key::DiffChangedList, changed, diff.changed.len(), "changed"),
    ];
    lists
        .into_iter()
        .filter(|(_, _, total, _)| *total > 0)
        .map(|(key, items, total, kind)| {
            let more = total.saturating_sub(items.len());
            view! {
                <details class="change-list" data-testid=format!("import-diff-{kind}")>
                    <summary>{l.tf(key, &[("count", &l.count(total))])}</summary>
                    <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                    {(more > 0).then(|| view! { <p>{l.tf(Key::DiffMore, &[("count", &l.count(more))])}</p> })}
                </details>
            }
        })
        .collect_view()
}

/// Where incoming data came from, in words.
pub fn source_label(l: Lang, source: &Source) -> String {
    match source {
        Source::File(name) => l.tf(Key::SourceFile, &[("file", name)]),
        Source::Pasted => l.t(Key::SourcePasted).to_owned(),
        Source::Link => l.t(Key::SourceLink).to_owned(),
    }
}
