//! A boundaries file (GeoJSON from a GIS tool): any bytes. Regions made from an accepted file keep every rule
//! of the format and read back equal from a dataset file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masterplan_tracker::geo::boundaries::BoundariesFile;

fuzz_target!(|data: &[u8]| {
    let text = masterplan_tracker::import::decode_text(data);
    let Ok(file) = BoundariesFile::read(&text) else { return };
    let Ok(boundaries) = file.regions(&file.proposal) else { return };
    let regions = boundaries.regions;
    assert!(regions.problems().is_empty(), "accepted regions keep the rules: {:?}", regions.problems());
    let mut dataset = masterplan_tracker::sample::sample_dataset();
    for program in &mut dataset.programs {
        program.locations.clear();
    }
    dataset.regions = Some(regions);
    let again = masterplan_tracker::format::Dataset::parse(&dataset.to_file_json()).expect("what the app writes it reads");
    assert_eq!(again.dataset, dataset, "a written file reads back equal");
});
