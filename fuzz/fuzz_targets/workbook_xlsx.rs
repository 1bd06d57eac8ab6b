//! An XLSX workbook (and the map's sibling readers to come): any bytes, read onto the built-in plan through
//! the importer's own door.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let base = masterplan_tracker::sample::sample_dataset();
    let _ = masterplan_tracker::spreadsheet::from_xlsx(data, &base);
    let _ = masterplan_tracker::import::preview_file(data, "berkas.xlsx", &base);
});
