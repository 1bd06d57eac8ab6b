//! The programs CSV (and pasted cells): any text, read onto the built-in plan. Accepted programs export to CSV
//! in both languages and read back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::spreadsheet::{Delimiter, from_csv, to_csv};

fuzz_target!(|data: &[u8]| {
    let text = masterplan_tracker::import::decode_text(data);
    let base = masterplan_tracker::sample::sample_dataset();
    let _ = masterplan_tracker::import::looks_like_csv(&text, None);
    if let Ok(checked) = from_csv(&text, &base) {
        for (lang, delimiter) in [(Lang::Id, Delimiter::Semicolon), (Lang::En, Delimiter::Comma)] {
            let again = from_csv(&to_csv(&checked.dataset, delimiter, lang), &checked.dataset)
                .expect("what the app writes it reads");
            assert_eq!(again.dataset, checked.dataset, "a written CSV reads back equal");
        }
    }
});
