//! Native tests of what the browser keeps: the versioned envelope round trip, and stored data that a
//! version cannot read being refused rather than guessed at.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::storage::envelope::{
    DecodeError, Origin, STORAGE_VERSION, Settings, decode_dataset, encode_dataset,
};

#[test]
fn a_stored_dataset_reads_back_equal() {
    let dataset = sample_dataset();
    let origin = Origin::Imported { file: "Kota Tanjungpinang.masterplan.json".into() };
    let text = encode_dataset(&dataset, &origin, "2026-11-27T10:00:00Z");
    let stored = decode_dataset(&text).unwrap();
    assert_eq!(stored.dataset, dataset);
    assert_eq!(stored.origin, origin);
    assert_eq!(stored.saved_at, "2026-11-27T10:00:00Z");
    let envelope: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(envelope["storage_version"], STORAGE_VERSION);
    assert!(envelope["dataset_packed"].as_str().unwrap().len() * 5 < dataset.to_file_json().len(), "packed");
}

#[test]
fn a_version_one_envelope_still_reads() {
    // As the first release stored it: the dataset file as a JSON object.
    let file: serde_json::Value = serde_json::from_str(&sample_dataset().to_file_json()).unwrap();
    let text = serde_json::json!({
        "storage_version": 1, "saved_at": "2026-11-27T10:00:00Z", "origin": { "kind": "sample" }, "dataset": file
    })
    .to_string();
    let stored = decode_dataset(&text).unwrap();
    assert_eq!(stored.dataset, sample_dataset());
    assert_eq!(stored.origin, Origin::Sample);
}

#[test]
fn twenty_thousand_programs_fit_the_browsers_storage() {
    let dataset = masterplan_tracker::generate::synthetic_dataset(20_000, 1);
    let text = encode_dataset(&dataset, &Origin::Sample, "2026-11-27T10:00:00Z");
    // localStorage holds 5 MiB of UTF-16 per origin: about 5 million characters, shared with backups.
    assert!(text.len() < 1_500_000, "{} characters", text.len());
    assert_eq!(decode_dataset(&text).unwrap().dataset, dataset);
}

#[test]
fn a_newer_envelope_is_not_guessed_at() {
    let text = format!(r#"{{"storage_version": {}, "whatever": true}}"#, STORAGE_VERSION + 1);
    assert_eq!(decode_dataset(&text), Err(DecodeError::Newer(STORAGE_VERSION + 1)));
}

#[test]
fn damaged_stored_data_is_reported() {
    assert!(matches!(decode_dataset("{\"storage_version\": 1"), Err(DecodeError::Unreadable(_))));
    let broken_dataset = r#"{"storage_version":1,"saved_at":"x","origin":{"kind":"sample"},
        "dataset":{"format":"smart-city-masterplan","version":1,"plan":{"city":""},"programs":[]}}"#;
    match decode_dataset(broken_dataset) {
        Err(DecodeError::Unreadable(detail)) => assert!(detail.contains("plan.city"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn settings_fall_back_to_defaults() {
    assert_eq!(Settings::decode("garbage").lang(), None);
    let settings = Settings {
        lang: Some("en".into()),
        unexported_changes: true,
        slides: Some(masterplan_tracker::slides::Arrangement {
            order: vec!["headline".into()],
            hidden: vec!["title".into()],
        }),
    };
    assert_eq!(Settings::decode(&settings.encode()), settings);
}
