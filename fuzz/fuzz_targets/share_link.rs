//! A share link's fragment: any text after `#`, as anyone may send. What unpacks is checked like a file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else { return };
    if let Some(Ok(text)) = masterplan_tracker::share_link::text_in_fragment(fragment) {
        let base = masterplan_tracker::sample::sample_dataset();
        let _ = masterplan_tracker::import::preview(&text, None, &base);
    }
});
