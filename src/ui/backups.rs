//! The backups kept in the browser: when each was taken, of which city and how many programs, and
//! why; each can be restored or downloaded. Beside them, stored data this version could not read, kept as
//! it was found and downloadable.

use leptos::prelude::*;

use crate::backups::{BackupReason, KEEP};
use crate::i18n::{Key, Lang};

use super::{use_exports, use_imports, use_lang, use_store};

#[component]
pub fn BackupList() -> impl IntoView {
    let store = use_store();
    let imports = use_imports();
    let exports = use_exports();
    let lang = use_lang();
    let backups = store.backups();
    view! {
        <div class="backups" data-testid="backup-list">
            <h3>{move || lang.get().t(Key::BackupsHeading)}</h3>
            <p class="hint">{move || lang.get().tf(Key::BackupsExplainer, &[("count", &lang.get().count(KEEP))])}</p>
            {move || {
                let l = lang.get();
                let backups = backups.get();
                if backups.list().is_empty() {
                    return view! { <p class="empty">{l.t(Key::BackupsEmpty)}</p> }.into_any();
                }
                view! {
                    <table class="backup-table">
                        <thead>
                            <tr>
                                <th scope="col">{l.t(Key::BackupTaken)}</th>
                                <th scope="col">{l.field("city")}</th>
                                <th scope="col">{l.t(Key::ProgramsLabel)}</th>
                                <th scope="col">{l.t(Key::BackupReason)}</th>
                                <th scope="col"><span class="visually-hidden">{l.t(Key::BackupActions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {backups.list().iter().map(|backup| {
                                let id = backup.id;
                                let reason = match &backup.reason {
                                    BackupReason::BeforeImport { file } => l.tf(Key::BackupBeforeImport, &[("file", file)]),
                                    BackupReason::BeforePastedImport => l.t(Key::BackupBeforePastedImport).to_owned(),
                                    BackupReason::BeforeLinkImport => l.t(Key::BackupBeforeLinkImport).to_owned(),
                                    BackupReason::BeforeRestore => l.t(Key::BackupBeforeRestore).to_owned(),
                                    BackupReason::BeforeNewPlan => l.t(Key::BackupBeforeNewPlan).to_owned(),
                                    BackupReason::BeforeExample => l.t(Key::BackupBeforeExample).to_owned(),
                                };
                                view! {
                                    <tr data-testid="backup-item" data-backup-id=id.to_string()>
                                        <td>{local_date_time(l, &backup.taken_at)}</td>
                                        <td>{backup.city.clone()}</td>
                                        <td class="number">{l.count(backup.programs)}</td>
                                        <td>{reason}</td>
                                        <td class="row-actions">
                                            <button type="button" class="button small" data-testid="backup-restore"
                                                on:click=move |_| imports.restore_backup(id)>
                                                {l.t(Key::BackupRestore)}
                                            </button>
                                            <button type="button" class="button small" data-testid="backup-download"
                                                on:click=move |_| exports.backup(id)>
                                                {l.t(Key::BackupDownload)}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <SetAsideList/>
        </div>
    }
}

/// Stored data this version could not read: each piece set aside under a key of its own, never
/// overwritten, listed by when it was found.
#[component]
fn SetAsideList() -> impl IntoView {
    let store = use_store();
    let exports = use_exports();
    let lang = use_lang();
    let set_aside = store.set_aside();
    move || {
        let list = set_aside.get();
        (!list.is_empty()).then(|| {
            let l = lang.get();
            view! {
                <div class="set-aside" data-testid="set-aside-list">
                    <h4>{l.t(Key::SetAsideHeading)}</h4>
                    <p class="hint">{l.t(Key::SetAsideExplainer)}</p>
                    <ul>
                        {list.into_iter().map(|item| {
                            let id = item.id;
                            let when = local_date_time(l, &crate::files::rfc3339_of_ms(id));
                            view! {
                                <li data-testid="set-aside-item" data-set-aside-id=id.to_string()>
                                    <span>{l.tf(Key::SetAsideItem, &[("date", &when), ("size", &l.size(item.chars as u64))])}</span>
                                    " "
                                    <button type="button" class="button small" data-testid="set-aside-download"
                                        on:click=move |_| exports.set_aside(id)>
                                        {l.t(Key::BackupDownload)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// An RFC 3339 moment in the user's own time zone, written for the language.
pub fn local_date_time(l: Lang, rfc3339: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    l.date_time(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}
