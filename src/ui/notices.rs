//! Messages to the user: problems with the browser's storage and backups, refused data, confirmations
//! (with "undo import" right after an import), and the note that the built-in data is partly illustrative.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::import::Origin;
use crate::sample::SAMPLE_SOURCE_DATE;
use crate::state::notices::{BackupProblem, CitiesProblem, Confirmation, ImportFailure, Notice, Slot};
use crate::storage::StorageError;

use super::backups::local_date_time;
use super::conflicts::Conflicts;
use super::data_panel::source_label;
use super::{use_exports, use_imports, use_lang, use_notices, use_store};

/// How many of a refused file's errors are listed; the rest are counted.
const ERRORS_SHOWN: usize = 10;

#[component]
pub fn Notices() -> impl IntoView {
    let notices = use_notices();
    let exports = use_exports();
    let lang = use_lang();
    view! {
        <Conflicts/>
        <NoRoomForBackup/>
        {move || match notices.in_slot(Slot::Storage) {
            Some(Notice::Storage(problem)) => Some(view! {
                <div class="banner banner-error" role="alert" data-testid="storage-error">
                    <span>{storage_message(lang.get(), &problem)}</span>
                    " "
                    <button type="button" class="button small" data-testid="storage-error-export" on:click=move |_| exports.json()>
                        {lang.get().t(Key::ExportJson)}
                    </button>
                </div>
            }),
            _ => None,
        }}
        {move || match notices.in_slot(Slot::Backups) {
            Some(Notice::Backups(problem)) => {
                let l = lang.get();
                let text = match problem {
                    BackupProblem::Trimmed { count } => l.tf(Key::BackupsTrimmed, &[("count", &l.count(count))]),
                    BackupProblem::NotKept => l.t(Key::BackupsNotKept).to_owned(),
                };
                Some(view! { <div class="banner banner-warning" role="alert" data-testid="backup-warning">{text}</div> })
            }
            _ => None,
        }}
        {move || notices.in_slot(Slot::Import).map(|notice| {
            let l = lang.get();
            let (testid, class, body) = match notice {
                Notice::ImportFailed(failure) => ("import-error", "notice notice-error", import_failure_view(l, failure).into_any()),
                Notice::BeyondLimits(errors) => ("beyond-limits", "notice notice-warning", view! {
                    <p class="notice-title">{l.t(Key::BeyondLimits)}</p>
                    <ul class="problems">{errors.iter().take(ERRORS_SHOWN).map(|e| view! { <li>{l.problem(e)}</li> }).collect_view()}</ul>
                }.into_any()),
                Notice::StepRefused(errors) => ("step-refused", "notice notice-error", view! {
                    <p class="notice-title">{l.t(Key::StepRefused)}</p>
                    <ul class="problems">{errors.iter().take(ERRORS_SHOWN).map(|e| view! { <li>{l.problem(e)}</li> }).collect_view()}</ul>
                }.into_any()),
                _ => return ().into_any(),
            };
            view! {
                <div class=class role="alert" data-testid=testid>
                    {body}
                    <button type="button" class="button small" on:click=move |_| notices.clear(Slot::Import)>
                        {l.t(Key::Dismiss)}
                    </button>
                </div>
            }
            .into_any()
        })}
        <Toast/>
    }
}

/// How long a confirmation stays before it fades; one that offers an action stays longer. Failures stay
/// until dismissed. The pointer or the focus on it holds it.
const CONFIRMATION_SHOWN_MS: u64 = 6_000;
const CONFIRMATION_WITH_ACTION_SHOWN_MS: u64 = 15_000;
/// How long it takes to fade out (style/main.css, `.toast.fading`).
const FADING_MS: u64 = 300;

/// The confirmation of what just happened, over the page's foot rather than in its flow, so that it never
/// pushes the page down. It belongs to the view it was said in: opening another view takes it away.
#[component]
fn Toast() -> impl IntoView {
    let notices = use_notices();
    let imports = use_imports();
    let lang = use_lang();
    let navigation = use_context::<super::address::Navigation>();
    let held = RwSignal::new(false);
    let fading = RwSignal::new(false);
    let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let toast = Memo::new(move |_| match notices.in_slot(Slot::Toast) {
        Some(Notice::Done(confirmation)) => Some(confirmation),
        _ => None,
    });
    let undoable =
        move |confirmation: &Confirmation| confirmation.undoable_by_backup() && imports.undo_backup().get().is_some();
    // A new message starts unheld: the one before may have gone (dismissed) under the pointer, which then
    // never left it.
    Effect::new(move |_| {
        toast.track();
        held.set(false);
    });
    Effect::new(move |_| {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        // A message held (or a new one) is shown in full again, even halfway through fading.
        fading.set(false);
        let Some(confirmation) = toast.get() else { return };
        if confirmation.stays() || held.get() {
            return;
        }
        let shown = if undoable(&confirmation) { CONFIRMATION_WITH_ACTION_SHOWN_MS } else { CONFIRMATION_SHOWN_MS };
        let handle = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || {
                fading.set(true);
                let gone = leptos::leptos_dom::helpers::set_timeout_with_handle(
                    move || notices.clear(Slot::Toast),
                    std::time::Duration::from_millis(FADING_MS),
                );
                timer.set_value(gone.ok());
            },
            std::time::Duration::from_millis(shown),
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    if let Some(navigation) = navigation {
        let view = Memo::new(move |_| navigation.view.get());
        Effect::new(move |was: Option<(super::address::View, Option<Confirmation>)>| {
            let now = (view.get(), toast.get());
            // What was said in one view is not news in another (an export confirmed in the data panel, read
            // later on the dashboard). A message said with the change of view (adding cities opens the
            // comparison) belongs to the new one; failures stay until dismissed.
            if let Some((was_view, was_toast)) = was
                && was_view != now.0
                && was_toast == now.1
                && now.1.as_ref().is_some_and(|c| !c.stays())
            {
                notices.clear(Slot::Toast);
            }
            now
        });
    }
    move || {
        toast.get().map(|confirmation| {
            let l = lang.get();
            let failure = confirmation.is_failure();
            let stays = confirmation.stays();
            let offers_undo = undoable(&confirmation);
            let import = confirmation.tells_of_an_import();
            let (class, role) = match (failure, stays) {
                (true, _) => ("notice notice-error toast", "alert"),
                (false, true) => ("notice notice-warning toast", "status"),
                (false, false) => ("notice notice-ok toast", "status"),
            };
            view! {
                // The pointer on its buttons (the rest lets clicks through to the page) or the focus in it
                // holds it.
                <div class=move || if fading.get() { format!("{class} fading") } else { class.to_owned() } role=role data-testid="toast"
                    on:mouseover=move |_| held.set(true) on:mouseout=move |_| held.set(false)
                    on:focusin=move |_| held.set(true) on:focusout=move |_| held.set(false)>
                    <span data-testid="toast-message">{confirmation_message(l, &confirmation)}</span>
                    <span class="actions">
                        {offers_undo.then(|| view! {
                            <button type="button" class="button small" data-testid="import-undo" on:click=move |_| imports.undo_import()>
                                {l.t(if import { Key::ImportUndo } else { Key::StepUndo })}
                            </button>
                        })}
                        <button type="button" class="button small" data-testid="toast-dismiss" on:click=move |_| notices.clear(Slot::Toast)>
                            {l.t(Key::Dismiss)}
                        </button>
                    </span>
                </div>
            }
        })
    }
}

/// A replacement of the data (an import, a restore) that stopped because the browser has no room to keep
/// a backup of the current data: download it first and go on, or cancel.
#[component]
fn NoRoomForBackup() -> impl IntoView {
    let imports = use_imports();
    let exports = use_exports();
    let lang = use_lang();
    move || {
        imports.no_room().get().map(|_| {
            let l = lang.get();
            view! {
                <div class="notice notice-error" role="alert" data-testid="import-no-room">
                    <p class="notice-title">{l.t(Key::NoRoomForBackup)}</p>
                    <p>{l.t(Key::NoRoomForBackupHint)}</p>
                    <span class="actions">
                        <button type="button" class="button small primary" data-testid="import-no-room-download" on:click=move |_| exports.json()>
                            {l.t(Key::ExportJson)}
                        </button>
                        <button type="button" class="button small" data-testid="import-no-room-continue" on:click=move |_| imports.go_on_without_backup()>
                            {l.t(Key::NoRoomGoOn)}
                        </button>
                        <button type="button" class="button small" data-testid="import-no-room-cancel" on:click=move |_| imports.stop_replacement()>
                            {l.t(Key::ImportCancel)}
                        </button>
                    </span>
                </div>
            }
        })
    }
}

/// What the page says of data that is the built-in example: as published, or changed since (then its
/// counts are no longer the published ones). Data of the user's own has no notice.
#[component]
pub fn SampleNotice() -> impl IntoView {
    let store = use_store();
    let lang = use_lang();
    move || {
        sample_note(store, lang.get())
            .map(|text| view! { <p class="sample-notice" data-testid="sample-notice">{text}</p> })
    }
}

/// The note on the built-in example, if the data is it; shared with the report's cover.
pub fn sample_note(store: crate::state::store::DataStore, l: Lang) -> Option<String> {
    // Not over the empty plan that stands for an example on its way, or that could not be had.
    let example_here = store.example_wait().get() == crate::state::store::ExampleWait::Here;
    (example_here && store.origin().get() == Origin::Sample).then(|| {
        let key =
            if store.with(crate::sample::is_untouched_sample) { Key::SampleNotice } else { Key::SampleChangedNotice };
        l.tf(key, &[("date", &l.date(SAMPLE_SOURCE_DATE))])
    })
}

fn import_failure_view(l: Lang, failure: ImportFailure) -> impl IntoView {
    match failure {
        ImportFailure::Unreadable { source, detail } => view! {
            <p class="notice-title">{l.tf(Key::ImportUnreadable, &[("source", &source_label(l, &source)), ("detail", &detail)])}</p>
        }
        .into_any(),
        ImportFailure::TooLarge { source, bytes } => view! {
            <p class="notice-title">{l.tf(Key::ImportTooLarge, &[
                ("source", &source_label(l, &source)),
                ("size", &l.size(bytes)),
                ("max", &l.size(crate::import::MAX_FILE_BYTES)),
            ])}</p>
        }
        .into_any(),
        ImportFailure::LinkDamaged { detail } => view! {
            <p class="notice-title">{l.tf(Key::ShareLinkDamaged, &[("detail", &detail)])}</p>
        }
        .into_any(),
        ImportFailure::Refused { source, errors } => {
            let more = errors.len().saturating_sub(ERRORS_SHOWN);
            view! {
                <p class="notice-title">{l.tf(Key::ImportRefused, &[("source", &source_label(l, &source))])}</p>
                <ul class="problems">
                    {errors.iter().take(ERRORS_SHOWN).map(|e| view! { <li>{l.problem(e)}</li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p>{l.tf(Key::ImportMoreErrors, &[("count", &l.count(more))])}</p> })}
            }
            .into_any()
        }
    }
}

fn storage_message(l: Lang, problem: &StorageError) -> String {
    match problem {
        StorageError::Unavailable => l.t(Key::StorageUnavailable).to_owned(),
        StorageError::QuotaExceeded => l.t(Key::StorageFull).to_owned(),
        StorageError::WriteFailed(detail) => l.tf(Key::StorageWriteFailed, &[("detail", detail)]),
        StorageError::Corrupt(detail) => l.tf(Key::StorageCorrupt, &[("detail", detail)]),
        StorageError::Newer(version) => l.tf(Key::StorageNewer, &[("found", &version.to_string())]),
        StorageError::NotCombined(detail) => l.tf(Key::StorageNotCombined, &[("detail", detail)]),
    }
}

fn confirmation_message(l: Lang, confirmation: &Confirmation) -> String {
    match confirmation {
        Confirmation::Replaced { source } => l.tf(Key::ImportReplaced, &[("source", &source_label(l, source))]),
        Confirmation::Merged { source } => l.tf(Key::ImportMerged, &[("source", &source_label(l, source))]),
        Confirmation::Cancelled => l.t(Key::ImportCancelled).to_owned(),
        Confirmation::Undone => l.t(Key::ImportUndone).to_owned(),
        Confirmation::StepUndone => l.t(Key::StepUndone).to_owned(),
        Confirmation::Restored { taken_at } => l.tf(Key::BackupRestored, &[("date", &local_date_time(l, taken_at))]),
        Confirmation::Exported { file_name } => l.tf(Key::Exported, &[("file", file_name)]),
        Confirmation::ExportFailed { detail } => l.tf(Key::ExportFailed, &[("detail", detail)]),
        Confirmation::BackupUnreadable { detail } => l.tf(Key::BackupUnreadable, &[("detail", detail)]),
        Confirmation::LinkCopied => l.t(Key::ShareLinkCopied).to_owned(),
        Confirmation::UpdatedByOtherTab => l.t(Key::UpdatedByOtherTab).to_owned(),
        Confirmation::ChartCopied => l.t(Key::ChartCopied).to_owned(),
        Confirmation::ChartNotCopied => l.t(Key::ChartNotCopied).to_owned(),
        Confirmation::Changed { summary, told } => l.change_message(summary, *told),
        Confirmation::NewPlanStarted { city } => l.tf(Key::NewPlanStarted, &[("city", city)]),
        Confirmation::ExampleOpened => l.t(Key::ExampleOpened).to_owned(),
        Confirmation::ExampleUnavailable { problem } => {
            use crate::sample::ExampleProblem;
            let detail = match problem {
                ExampleProblem::NotFetched(said) if !said.is_empty() => said.as_str(),
                ExampleProblem::NotFetched(_) => l.t(Key::ExampleNoAnswer),
                ExampleProblem::NotTheFile => l.t(Key::ExampleNotTheFile),
                ExampleProblem::NoBootScript => l.t(Key::ExampleNoBootScript),
            };
            l.tf(Key::ExampleUnavailable, &[("detail", detail)])
        }
        Confirmation::CitiesAdded { cities } => l.tf(Key::CitiesAdded, &[("cities", &cities.join(", "))]),
        Confirmation::CitiesReplaced { replaced, added } => {
            let replaced = l.tf(Key::CitiesReplaced, &[("cities", &replaced.join(", "))]);
            if added.is_empty() {
                replaced
            } else {
                format!("{replaced} {}", l.tf(Key::CitiesAdded, &[("cities", &added.join(", "))]))
            }
        }
        Confirmation::CitiesNotAdded { added, problem } => {
            let detail = match problem {
                // The data on screen is saved as it was: only the cities coming in found no room.
                CitiesProblem::Storage(StorageError::QuotaExceeded) => l.t(Key::CitiesNoRoom).to_owned(),
                CitiesProblem::Storage(error) => storage_message(l, error),
                CitiesProblem::Refused => l.t(Key::CitiesRefused).to_owned(),
            };
            l.tf(Key::CitiesNotAdded, &[("cities", &added.join(", ")), ("detail", &detail)])
        }
        Confirmation::CityNotRemoved { error } => l.tf(Key::CityNotRemoved, &[("detail", &storage_message(l, error))]),
        Confirmation::CityNotBroughtBack { error } => {
            l.tf(Key::CityNotBroughtBack, &[("detail", &storage_message(l, error))])
        }
        Confirmation::CityRemoved { city } => l.tf(Key::CityRemoved, &[("city", city)]),
        Confirmation::BoundariesReplaced { regions } => l.tf(Key::BoundariesReplaced, &[("count", &l.count(*regions))]),
        Confirmation::Renamed { ids } => {
            let list = ids.iter().map(|(from, to)| format!("{from} → {to}")).collect::<Vec<_>>().join(", ");
            l.tf(Key::ProgramsRenamed, &[("ids", &list)])
        }
    }
}
