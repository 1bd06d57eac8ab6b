//! Downloads: the dataset as JSON, CSV and XLSX, a backup, a piece of unreadable data that was set aside,
//! and the share link; each says how it went, and a download of the current data clears the "changed
//! since last export" note.

use leptos::prelude::*;

use crate::files;
use crate::i18n::Key;
use crate::share_link::{self, LinkError};
use crate::spreadsheet::{self, Delimiter};

use super::notices::{Confirmation, Notices};
use super::settings::Settings;
use super::store::DataStore;

/// What a download holds: the current data (which then counts as exported), or something else (a backup,
/// a chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportOf {
    CurrentData,
    Other,
}

#[derive(Clone, Copy)]
pub struct Exports {
    store: DataStore,
    settings: Settings,
    notices: Notices,
}

impl Exports {
    pub fn new(store: DataStore, settings: Settings, notices: Notices) -> Exports {
        Exports { store, settings, notices }
    }

    /// Downloads the dataset as `<city>.masterplan.json`.
    pub fn json(&self) {
        let (file_name, text) = self
            .store
            .with_untracked(|dataset| (dataset.file_name(), dataset.exported(files::now_rfc3339()).to_file_json()));
        let outcome = files::download(&file_name, "application/json", &text);
        self.report(file_name, outcome, ExportOf::CurrentData);
    }

    /// Downloads the programs as `<city>.programs.csv`, in the words of the interface's language.
    pub fn csv(&self, delimiter: Delimiter) {
        let lang = self.settings.lang().get_untracked();
        let (file_name, text) = self.store.with_untracked(|dataset| {
            (dataset.file_name_with(".programs.csv"), spreadsheet::to_csv(dataset, delimiter, lang))
        });
        let outcome = files::download(&file_name, "text/csv;charset=utf-8", &text);
        self.report(file_name, outcome, ExportOf::CurrentData);
    }

    /// Downloads the template workbook to fill in (with the current agencies).
    pub fn template_xlsx(&self) {
        let lang = self.settings.lang().get_untracked();
        let file_name = format!("{}.xlsx", lang.t(Key::TemplateFileName));
        let outcome =
            self.store.with_untracked(|dataset| spreadsheet::template_xlsx(dataset, lang)).and_then(|bytes| {
                files::download_bytes(
                    &file_name,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                )
            });
        self.report(file_name, outcome, ExportOf::Other);
    }

    /// Downloads the template's columns as CSV (semicolons in Indonesian, commas in English).
    pub fn template_csv(&self) {
        let lang = self.settings.lang().get_untracked();
        let file_name = format!("{}.csv", lang.t(Key::TemplateFileName));
        let outcome = files::download(&file_name, "text/csv;charset=utf-8", &spreadsheet::template_csv(lang));
        self.report(file_name, outcome, ExportOf::Other);
    }

    /// Downloads the programs and a summary as `<city>.xlsx`.
    pub fn xlsx(&self) {
        let lang = self.settings.lang().get_untracked();
        let today = files::today();
        let (file_name, bytes) = self
            .store
            .with_untracked(|dataset| (dataset.file_name_with(".xlsx"), spreadsheet::to_xlsx(dataset, lang, &today)));
        let outcome = bytes.map_err(|e| e.to_string()).and_then(|bytes| {
            files::download_bytes(
                &file_name,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &bytes,
            )
        });
        self.report(file_name, outcome, ExportOf::CurrentData);
    }

    pub fn backup(&self, id: u64) {
        let Some(backup) = self.store.backups().with_untracked(|b| b.get(id).cloned()) else { return };
        let date = backup.taken_at.get(..10).unwrap_or_default();
        let word = self.settings.lang().get_untracked().t(Key::BackupFileWord);
        let file_name = format!("{} {word} {date}.masterplan.json", crate::format::file_stem(&backup.city));
        let outcome = backup
            .file_text()
            .map_err(|e| e.to_string())
            .and_then(|text| files::download(&file_name, "application/json", &text));
        self.report(file_name, outcome, ExportOf::Other);
    }

    /// Downloads stored data this version could not read, as it was found (a newer version's envelope
    /// holds the dataset packed: it is given unpacked where it can be).
    pub fn set_aside(&self, id: u64) {
        let Some(text) = self.store.set_aside_text(id) else { return };
        let lang = self.settings.lang().get_untracked();
        let date = files::date_of_ms(id);
        let file_name = format!("{} {date}.json", lang.t(Key::SetAsideFileWord));
        let readable = crate::storage::envelope::packed_file_text(&text).unwrap_or(text);
        let outcome = files::download(&file_name, "application/json", &readable);
        self.report(file_name, outcome, ExportOf::Other);
    }

    /// Says how a download went; one of the current data clears the "changed since last export" note.
    pub fn report(&self, file_name: String, outcome: Result<(), String>, of: ExportOf) {
        match outcome {
            Ok(()) => {
                if of == ExportOf::CurrentData {
                    self.settings.set_unexported_changes(false);
                }
                self.notices.confirm(Confirmation::Exported { file_name });
            }
            Err(detail) => self.notices.confirm(Confirmation::ExportFailed { detail }),
        }
    }

    /// The share link of the current dataset, or why there is none.
    pub fn share_link(&self) -> Result<String, LinkError> {
        let page = files::page_address().map(|(href, _)| href).unwrap_or_default();
        self.store.with_untracked(|dataset| share_link::link_for(&page, dataset))
    }

    pub fn copy_share_link(&self, link: String) {
        let notices = self.notices;
        leptos::task::spawn_local(async move {
            notices.confirm(match files::copy_to_clipboard(&link).await {
                Ok(()) => Confirmation::LinkCopied,
                Err(detail) => Confirmation::ExportFailed { detail },
            });
        });
    }
}
