//! Native tests of the built-in dataset: what the news report of 27 November 2020 says is there.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Dataset, Dimension, Status};
use masterplan_tracker::sample::{SAMPLE_FILE, sample_dataset};

fn program_with_app<'a>(dataset: &'a Dataset, app: &str) -> &'a masterplan_tracker::format::Program {
    dataset.programs.iter().find(|p| p.apps.iter().any(|a| a == app)).unwrap_or_else(|| panic!("{app}"))
}

#[test]
fn the_sample_is_a_valid_file_without_warnings() {
    let checked = Dataset::parse(SAMPLE_FILE).unwrap();
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
    assert_eq!(checked.dataset.plan.city, "Kota Tanjungpinang");
}

#[test]
fn the_named_applications_stand_under_their_dimensions_and_agencies() {
    let dataset = sample_dataset();
    let expect = [
        ("SiKancil", Dimension::Governance, Some("disdukcapil")),
        ("Pindai", Dimension::Governance, None),
        ("Ape Keje", Dimension::Governance, None),
        ("Tanjak", Dimension::Governance, Some("diskominfo")),
        ("Sekejap", Dimension::Governance, None),
        ("Dakkota", Dimension::Governance, None),
        ("e-Puskesmas", Dimension::Living, Some("dkp2kb")),
        ("SiLajang", Dimension::Environment, None),
        ("SiCepat", Dimension::Society, None),
        ("QRIS", Dimension::Economy, None),
    ];
    for (app, dimension, agency) in expect {
        let program = program_with_app(&dataset, app);
        assert_eq!(program.dimension, dimension, "{app}");
        assert_eq!(program.agency.as_deref(), agency, "{app}");
        assert_eq!(program.status, Status::Running, "{app}");
        assert!(program.quick_win, "{app}");
    }
    let kampung_iklim = dataset.programs.iter().find(|p| p.name.contains("Kampung Iklim")).unwrap();
    assert_eq!(kampung_iklim.agency.as_deref(), Some("dlh"));
    assert_eq!(kampung_iklim.dimension, Dimension::Environment);
    for name in ["Rumah Sakit", "8 paket produk unggulan wisata", "ekonomi kreatif"] {
        assert!(dataset.programs.iter().any(|p| p.name.contains(name) && p.quick_win), "{name}");
    }
}

#[test]
fn the_programs_without_published_details_say_so() {
    let dataset = sample_dataset();
    let unnamed = dataset.programs.iter().filter(|p| p.name.contains("rincian tidak dipublikasikan")).count();
    assert_eq!(unnamed, 131 - 16);
    let postponed: Vec<_> = dataset.programs.iter().filter(|p| p.postponed_to.is_some()).collect();
    assert!(!postponed.is_empty());
    assert!(postponed.iter().all(|p| p.postponed_to == Some(2021) && p.delay_reason.is_some()));
}

#[test]
fn the_sample_records_the_stage_one_round_as_published() {
    let dataset = sample_dataset();
    assert_eq!(dataset.evaluations.len(), 1);
    let round = &dataset.evaluations[0];
    assert_eq!(
        (round.id.as_str(), round.label.as_str(), round.date.as_str()),
        ("2020-tahap-1", "Evaluasi Tahap I", "2020-11-27")
    );
    let count = |s: Status| round.statuses.values().filter(|v| **v == s).count();
    assert_eq!((count(Status::Running), count(Status::Discussion), count(Status::NotStarted)), (79, 16, 36));
}

/// The example as published, as an earlier release stored it, and changed in three ways, each with whether it
/// is the untouched example and why.
fn untouched_or_not() -> Vec<(Dataset, bool, &'static str)> {
    let published = sample_dataset();
    let mut earlier = published.clone();
    for agency in &mut earlier.agencies {
        agency.short_name = None;
    }
    let mut own_acronym = earlier.clone();
    own_acronym.agencies[0].short_name = Some("Capil".into());
    // One agency's acronym as published, the others' taken away: neither as published nor as stored before.
    let mut mixed = earlier.clone();
    mixed.agencies[0].short_name = published.agencies[0].short_name.clone();
    let mut edited = published.clone();
    edited.programs[0].name.push('!');
    let mut stamped = published.clone();
    stamped.exported_at = Some("2026-11-29T10:00:00Z".into());
    vec![
        (published, true, "as published"),
        (earlier, true, "stored before the agencies had their acronyms"),
        (own_acronym, false, "an acronym of the user's own is a change"),
        (mixed, false, "some acronyms taken away is a change"),
        (edited, false, "a program renamed"),
        (stamped, false, "written out at a moment of its own"),
    ]
}

#[test]
fn the_example_as_an_earlier_release_stored_it_still_counts_as_untouched() {
    for (dataset, untouched, why) in untouched_or_not() {
        assert_eq!(masterplan_tracker::sample::is_untouched_sample(&dataset), untouched, "{why}");
    }
}

#[test]
fn without_the_example_at_hand_the_untouched_example_is_told_by_its_fingerprint() {
    for (dataset, untouched, why) in untouched_or_not() {
        assert_eq!(masterplan_tracker::sample::has_a_sample_fingerprint(&dataset), untouched, "{why}");
    }
}

#[test]
fn the_fingerprints_are_those_of_the_example_as_published_and_as_stored_before_short_names() {
    use masterplan_tracker::sample::{SAMPLE_FINGERPRINTS, fingerprint};
    let variants = untouched_or_not();
    assert_eq!([fingerprint(&variants[0].0), fingerprint(&variants[1].0)], SAMPLE_FINGERPRINTS);
}

#[test]
fn the_first_view_drawn_before_the_example_is_read_is_the_examples() {
    let counted = masterplan_tracker::first_view::FirstView::of(&sample_dataset());
    // On a mismatch, this is the file's text (src/sample/first-view.json) for the example as it is now.
    let expected = serde_json::to_string_pretty(&counted).unwrap();
    assert_eq!(masterplan_tracker::sample::first_view(), Some(counted), "src/sample/first-view.json:\n{expected}");
    assert_eq!(masterplan_tracker::sample::first_view().unwrap().figures.programs, 131);
}
