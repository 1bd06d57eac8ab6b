//! The user's choices that outlive the page: the interface language, the presenter's slides, and whether
//! the data changed since it was last exported. Kept apart from the dataset, so that changing one never
//! rewrites a large dataset.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::register::ShownColumns;
use crate::slides::Arrangement;
use crate::storage::BrowserStorage;
use crate::storage::envelope::Settings as Stored;

use super::notices::{Notice, Notices};

#[derive(Clone, Copy)]
pub struct Settings {
    lang: RwSignal<Lang>,
    slides: RwSignal<Arrangement>,
    unexported_changes: RwSignal<bool>,
    started: RwSignal<bool>,
    register_columns: RwSignal<ShownColumns>,
    storage: Option<BrowserStorage>,
    notices: Notices,
}

impl Settings {
    /// What the browser remembers; `lang_param` is `?lang=` of the page's address, which wins and is
    /// remembered.
    pub fn load(storage: Option<BrowserStorage>, lang_param: Option<Lang>, notices: Notices) -> Settings {
        let stored = storage.map(BrowserStorage::load_settings).unwrap_or_default();
        let settings = Settings {
            lang: RwSignal::new(lang_param.or(stored.lang()).unwrap_or_default()),
            slides: RwSignal::new(stored.slides.clone().unwrap_or_default()),
            unexported_changes: RwSignal::new(stored.unexported_changes),
            started: RwSignal::new(stored.started),
            register_columns: RwSignal::new(register_columns(&stored)),
            storage,
            notices,
        };
        if lang_param.is_some_and(|l| stored.lang() != Some(l)) {
            settings.save();
        }
        settings
    }

    pub fn lang(&self) -> ReadSignal<Lang> {
        self.lang.read_only()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.save();
    }

    pub fn slides(&self) -> ReadSignal<Arrangement> {
        self.slides.read_only()
    }

    pub fn arrange_slides(&self, arrangement: Arrangement) {
        self.slides.set(arrangement);
        self.save();
    }

    pub fn unexported_changes(&self) -> ReadSignal<bool> {
        self.unexported_changes.read_only()
    }

    /// Written when the flag turns, not on every edit.
    pub fn set_unexported_changes(&self, changed: bool) {
        if self.unexported_changes.get_untracked() != changed {
            self.unexported_changes.set(changed);
            self.save();
        }
    }

    /// Whether the user has chosen how to start.
    pub fn started(&self) -> ReadSignal<bool> {
        self.started.read_only()
    }

    pub fn mark_started(&self) {
        if !self.started.get_untracked() {
            self.started.set(true);
            self.save();
        }
    }

    /// The register's optional columns shown.
    pub fn register_columns(&self) -> ReadSignal<ShownColumns> {
        self.register_columns.read_only()
    }

    pub fn show_register_columns(&self, columns: ShownColumns) {
        self.register_columns.set(columns);
        self.save();
    }

    /// Another tab changed the settings.
    pub fn reload(&self) {
        let Some(storage) = self.storage else { return };
        let stored = storage.load_settings();
        self.unexported_changes.set(stored.unexported_changes);
        self.started.set(stored.started);
        let columns = register_columns(&stored);
        if self.register_columns.with_untracked(|c| *c != columns) {
            self.register_columns.set(columns);
        }
    }

    fn save(&self) {
        let Some(storage) = self.storage else { return };
        let arrangement = self.slides.get_untracked();
        let settings = Stored {
            lang: Some(self.lang.get_untracked().code().into()),
            unexported_changes: self.unexported_changes.get_untracked(),
            slides: (arrangement != Arrangement::default()).then_some(arrangement),
            started: self.started.get_untracked(),
            register_columns: self
                .register_columns
                .with_untracked(|c| (*c != ShownColumns::default()).then(|| c.codes())),
        };
        if let Err(error) = storage.save_settings(&settings) {
            self.notices.show(Notice::Storage(error));
        }
    }
}

fn register_columns(stored: &Stored) -> ShownColumns {
    stored
        .register_columns
        .as_ref()
        .map_or_else(ShownColumns::default, |codes| ShownColumns::from_codes(codes.iter().map(String::as_str)))
}
