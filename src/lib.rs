//! Smart City Masterplan Tracker: a browser-only app in which a city tracks its Smart City Master Plan,
//! prepares the national evaluation and presents it. The domain (format, metrics, charts, translations,
//! sample) is pure Rust; storage and files are the edges; `ui` is the page.

pub mod backups;
pub mod charts;
pub mod compress;
pub mod dashboard;
pub mod diff;
pub mod edit;
pub mod evaluation;
pub mod files;
pub mod format;
pub mod generate;
pub mod history;
pub mod i18n;
pub mod import;
pub mod metrics;
pub mod register;
pub mod sample;
pub mod scorecard;
pub mod share_link;
pub mod slides;
pub mod spreadsheet;
pub mod state;
pub mod storage;
pub mod ui;

pub use ui::App;
