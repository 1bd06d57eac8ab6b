//! Smart City Masterplan Tracker: a browser-only app in which a city tracks its Smart City Master Plan,
//! prepares the national evaluation and presents it. The house reads from the bottom up: the domain
//! (format, changes, metrics, charts, translations, sample) is pure Rust; storage and files are the edges;
//! `state` holds the data store, the import flow, the notices and the settings; `ui` is the page.

// The domain: what a master plan is, its file format, and what can be computed and changed in it. None of
// it knows of the browser.
pub mod backups;
pub mod change;
pub mod charts;
pub mod compress;
pub mod dashboard;
pub mod diff;
pub mod edit;
pub mod evaluation;
pub mod first_view;
pub mod format;
pub mod generate;
pub mod geo;
pub mod history;
pub mod i18n;
pub mod import;
pub mod map;
pub mod metrics;
pub mod portfolio;
pub mod register;
pub mod sample;
pub mod scorecard;
pub mod share_link;
pub mod slides;
pub mod spreadsheet;

// The edges: the browser's storage and files.
pub mod files;
pub mod storage;

// The store: the app's state, shared through context.
pub mod state;

// The pages.
pub mod ui;

pub use ui::App;
