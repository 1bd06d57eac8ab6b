//! Native tests of what the browser keeps: the versioned envelope round trip, and stored data that a
//! version cannot read being refused rather than guessed at.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::first_view::FirstView;
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::storage::envelope::{
    DecodeError, Origin, STORAGE_VERSION, Settings, StoredHead, decode_dataset, decode_first_view, encode_dataset,
    encode_first_view, first_view_counted_from, packed_file_text, stored_head, stored_revision,
};

#[test]
fn a_stored_dataset_reads_back_equal() {
    let dataset = sample_dataset();
    let origin = Origin::Imported { file: "Kota Tanjungpinang.masterplan.json".into() };
    let text = encode_dataset(&dataset, &origin, "2026-11-27T10:00:00Z", 42);
    let stored = decode_dataset(&text).unwrap();
    assert_eq!(stored.dataset, dataset);
    assert_eq!(stored.origin, origin);
    assert_eq!(stored.saved_at, "2026-11-27T10:00:00Z");
    assert_eq!(stored.revision, 42);
    assert_eq!(stored_revision(&text), Some(42), "read from the envelope's head");
    let head = stored_head(&text).unwrap();
    assert_eq!((head.revision, head.saved_at.as_str()), (42, "2026-11-27T10:00:00Z"));
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
    assert_eq!(stored.revision, 0, "data stored before revisions were counted");
    assert_eq!(stored_revision(&text), Some(0));
}

#[test]
fn values_an_earlier_release_saved_beyond_the_later_limits_are_kept_and_listed() {
    // As an earlier release could save them: a year its program form took, a negative score its round editor
    // took, a long note. A file with them is refused; the browser's own copy keeps them.
    let mut file: serde_json::Value = serde_json::from_str(&sample_dataset().to_file_json()).unwrap();
    file["programs"][1]["target_year"] = 2150.into();
    file["programs"][2]["notes"] = "n".repeat(10_001).into();
    file["evaluations"][0]["scores"] = serde_json::json!({ "impact": -5 });
    assert!(masterplan_tracker::format::Dataset::from_value(file.clone()).is_err(), "a file is refused");
    let text = serde_json::json!({
        "storage_version": 1, "saved_at": "2026-11-27T10:00:00Z", "origin": { "kind": "sample" }, "dataset": file
    })
    .to_string();
    let stored = decode_dataset(&text).unwrap();
    assert_eq!(stored.dataset.programs[1].target_year, Some(2150));
    assert_eq!(stored.dataset.programs[2].notes.as_ref().map(String::len), Some(10_001));
    let places: Vec<&str> = stored.beyond_limits.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(places, ["programs[1].target_year", "programs[2].notes", "evaluations[0].scores.impact"]);
    // The rules of the first release still hold: data that breaks one is unreadable, set aside.
    let mut broken = file.clone();
    broken["programs"][1]["id"] = broken["programs"][0]["id"].clone();
    let text =
        serde_json::json!({ "storage_version": 1, "saved_at": "x", "origin": { "kind": "sample" }, "dataset": broken });
    assert!(matches!(decode_dataset(&text.to_string()), Err(DecodeError::Unreadable(_))));
}

#[test]
fn the_revision_is_read_whatever_the_envelopes_key_order() {
    let text = r#"{"saved_at":"x","origin":{"kind":"sample"},"revision":7,"storage_version":2,"dataset_packed":"AA"}"#;
    assert_eq!(stored_revision(text), Some(7));
    assert_eq!(stored_head(text).unwrap().saved_at, "x");
    // As versions that counted no revisions wrote it: revision 0, told apart by when it was written.
    let older =
        r#"{"storage_version":2,"saved_at":"2026-01-01T00:00:00Z","origin":{"kind":"sample"},"dataset_packed":"AA"}"#;
    let head = stored_head(older).unwrap();
    assert_eq!((head.revision, head.saved_at.as_str()), (0, "2026-01-01T00:00:00Z"));
    assert_eq!(stored_revision("{\"storage_version\": 99}"), None, "a newer envelope is not read");
    assert_eq!(stored_revision("not json"), None);
}

#[test]
fn the_file_inside_stored_data_that_cannot_be_read_is_given_back_as_it_is() {
    let text = encode_dataset(&sample_dataset(), &Origin::Sample, "2026-11-27T10:00:00Z", 3);
    let newer = text.replace("\"storage_version\":2", "\"storage_version\":9");
    assert_eq!(decode_dataset(&newer), Err(DecodeError::Newer(9)));
    let file = packed_file_text(&newer).unwrap();
    assert_eq!(masterplan_tracker::format::Dataset::parse(&file).unwrap().dataset, sample_dataset());
    assert_eq!(packed_file_text("{\"storage_version\": 1, broken"), None);
}

#[test]
fn twenty_thousand_programs_fit_the_browsers_storage() {
    let dataset = masterplan_tracker::generate::synthetic_dataset(20_000, 1);
    let text = encode_dataset(&dataset, &Origin::Sample, "2026-11-27T10:00:00Z", 1);
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
            theme: masterplan_tracker::charts::SlideTheme::Dark,
            notes: [("headline".to_owned(), "Sebut 60,31 % dulu.".to_owned())].into(),
        }),
        started: true,
        register_columns: Some(vec!["agency".into(), "locations".into()]),
    };
    assert_eq!(Settings::decode(&settings.encode()), settings);
}

#[test]
fn a_first_view_is_drawn_only_for_the_data_it_was_counted_from() {
    let dataset = sample_dataset();
    let view = FirstView::of(&dataset);
    let stored = encode_dataset(&dataset, &Origin::Sample, "2026-11-29T08:00:00.000Z", 7);
    let head = |revision: u64, saved_at: &str| StoredHead { revision, saved_at: saved_at.to_owned() };
    let kept = encode_first_view(&head(7, "2026-11-29T08:00:00.000Z"), &view);
    assert_eq!(decode_first_view(&kept, &stored), Some(view.clone()));
    // Saved since (by an earlier version, which keeps none, or by a tab that could not keep it).
    let later = encode_dataset(&dataset, &Origin::Sample, "2026-11-29T08:05:00.000Z", 8);
    assert_eq!(decode_first_view(&kept, &later), None);
    let same_revision_another_moment = encode_dataset(&dataset, &Origin::Sample, "2026-11-29T08:05:00.000Z", 7);
    assert_eq!(decode_first_view(&kept, &same_revision_another_moment), None);
    // Nothing to compare with: no data, stored text of a newer version, a first view that cannot be read.
    assert_eq!(decode_first_view(&kept, ""), None);
    assert_eq!(decode_first_view(&kept, &stored.replacen(&format!(":{STORAGE_VERSION},"), ":99,", 1)), None);
    assert_eq!(decode_first_view("{\"revision\":7", &stored), None);
    // Counted otherwise (another version of what is kept).
    let counted_otherwise = kept.replacen("\"version\":1,", "\"version\":2,", 1);
    assert_ne!(counted_otherwise, kept);
    assert_eq!(decode_first_view(&counted_otherwise, &stored), None);
    // The same rule read without the figures (the app's check after its first paint).
    assert!(first_view_counted_from(&kept, &head(7, "2026-11-29T08:00:00.000Z")));
    assert!(!first_view_counted_from(&kept, &head(8, "2026-11-29T08:05:00.000Z")));
    assert!(!first_view_counted_from(&counted_otherwise, &head(7, "2026-11-29T08:00:00.000Z")));
    assert!(!first_view_counted_from(&kept, &StoredHead::default()));
}

#[test]
fn kept_figures_that_do_not_add_up_are_not_drawn() {
    let view = FirstView::of(&sample_dataset());
    let text = serde_json::to_string(&view).unwrap();
    assert_eq!(serde_json::from_str::<FirstView>(&text).unwrap(), view, "read back as counted, shares worked out");
    // 79 running in all, but the dimensions' running add up to 79 - 20 + 21.
    let by_dimension_off = text.replacen("[0,20,3,7]", "[0,21,3,7]", 1);
    assert_ne!(by_dimension_off, text);
    assert!(serde_json::from_str::<FirstView>(&by_dimension_off).is_err());
    let more_quick_wins_than_programs = text.replacen("\"quick_wins\":[0,14,0,0]", "\"quick_wins\":[0,14,17,0]", 1);
    assert_ne!(more_quick_wins_than_programs, text);
    assert!(serde_json::from_str::<FirstView>(&more_quick_wins_than_programs).is_err());
}
