//! What the fuzzers found, kept: every input in `tests/fixtures/fuzz/` goes through the reader its name
//! starts with, with the same checks as the fuzz target (it must not panic, and what is accepted must write
//! out and read back equal).
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::Dataset;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::import::{decode_text, preview, preview_file};
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::spreadsheet::{Delimiter, from_csv, from_xlsx, to_csv, to_xlsx};

#[test]
fn every_input_the_fuzzers_found_reads_as_it_should() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let base = sample_dataset();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(&path).unwrap();
        let text = decode_text(&data);
        match name.split('-').next().unwrap() {
            "csv" => {
                if let Ok(checked) = from_csv(&text, &base) {
                    for (lang, delimiter) in [(Lang::Id, Delimiter::Semicolon), (Lang::En, Delimiter::Comma)] {
                        let again = from_csv(&to_csv(&checked.dataset, delimiter, lang), &checked.dataset).unwrap();
                        assert_eq!(again.dataset, checked.dataset, "{name} {lang:?}");
                    }
                }
            }
            "json" => {
                if let Ok(checked) = Dataset::parse(&text) {
                    assert_eq!(
                        Dataset::parse(&checked.dataset.to_file_json()).unwrap().dataset,
                        checked.dataset,
                        "{name}"
                    );
                }
            }
            "xlsx" => {
                drop(preview_file(&data, &name, &base));
                if let Ok(checked) = from_xlsx(&data, &base) {
                    for lang in [Lang::Id, Lang::En] {
                        let written = to_xlsx(&checked.dataset, lang, "2026-11-28").unwrap();
                        assert_eq!(from_xlsx(&written, &checked.dataset).unwrap().dataset, checked.dataset, "{name}");
                    }
                }
            }
            "link" => {
                if let Some(Ok(text)) = masterplan_tracker::share_link::text_in_fragment(&text) {
                    drop(preview(&text, None, &base));
                }
            }
            "stored" => {
                use masterplan_tracker::storage::envelope::{decode_dataset, packed_file_text, stored_head};
                if let Ok(stored) = decode_dataset(&text) {
                    assert_eq!(stored_head(&text).map(|h| h.revision), Some(stored.revision), "{name}");
                }
                drop(packed_file_text(&text));
                if let Ok(backup) = serde_json::from_str::<masterplan_tracker::backups::Backup>(&text) {
                    drop(backup.dataset());
                }
            }
            other => panic!("{name}: no reader named {other}"),
        }
        seen += 1;
    }
    assert!(seen > 0, "the fuzzers' findings are kept in {}", dir.display());
}
