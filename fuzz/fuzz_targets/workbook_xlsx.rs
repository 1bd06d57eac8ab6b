//! An XLSX workbook (and the map's sibling readers to come): any bytes, read onto the built-in plan through
//! the importer's own door. Accepted programs written as a workbook in either language read back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::spreadsheet::{from_xlsx, to_xlsx};

fuzz_target!(|data: &[u8]| {
    let base = masterplan_tracker::sample::sample_dataset();
    let _ = masterplan_tracker::import::preview_file(data, "berkas.xlsx", &base);
    if let Ok(checked) = from_xlsx(data, &base) {
        for lang in [Lang::Id, Lang::En] {
            let written = to_xlsx(&checked.dataset, lang, "2026-11-28").expect("a dataset writes as a workbook");
            let again = from_xlsx(&written, &checked.dataset).expect("what the app writes it reads");
            assert_eq!(again.dataset, checked.dataset, "a written workbook reads back equal");
        }
    }
});
