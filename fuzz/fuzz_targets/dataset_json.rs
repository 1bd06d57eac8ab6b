//! The dataset file: any bytes a colleague's file may hold. Accepted data writes out and reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masterplan_tracker::format::Dataset;

fuzz_target!(|data: &[u8]| {
    let text = masterplan_tracker::import::decode_text(data);
    if let Ok(checked) = Dataset::parse(&text) {
        let again = Dataset::parse(&checked.dataset.to_file_json()).expect("what the app writes it reads");
        assert_eq!(again.dataset, checked.dataset, "a written file reads back equal");
    }
});
