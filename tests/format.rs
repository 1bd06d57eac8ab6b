//! Native tests of the dataset format: every rule accepted and refused with its place, the round trip
//! with unknown fields, merging by id.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Dataset, Problem, Status, WarningKind, is_calendar_date};
use serde_json::{Value, json};

#[path = "support/refused.rs"]
mod refused;

use refused::{minimal, with, without};

fn refuse(value: Value) -> (String, Problem) {
    let refusal = Dataset::parse(&value.to_string()).expect_err("the file must be refused");
    let first = refusal.errors.into_iter().next().expect("a refusal names at least one error");
    (first.path, first.problem)
}

#[test]
fn a_minimal_file_is_accepted() {
    let checked = Dataset::parse(&minimal().to_string()).unwrap();
    assert_eq!(checked.dataset.plan.city, "Kota Contoh");
    assert_eq!(checked.dataset.programs[1].status, Status::Done);
    assert!(checked.warnings.is_empty());
}

#[test]
fn every_optional_field_is_accepted() {
    let file = json!({
        "format": "smart-city-masterplan", "version": 1, "exported_at": "2026-11-27T10:00:00Z",
        "plan": { "city": "Kota Contoh", "province": "Kepulauan Riau", "title": "Masterplan", "start_year": 2019,
                  "end_year": 2023, "legal_basis": "Perwako No. 84 Tahun 2020" },
        "agencies": [{ "id": "diskominfo", "name": "Dinas Komunikasi dan Informatika" }],
        "programs": [{ "id": "SG-07", "name": "Tanjak", "dimension": "governance", "subdimension": "public_service",
            "status": "running", "agency": "diskominfo", "quick_win": true, "horizon": "short", "start_year": 2019,
            "target_year": 2020, "progress": 100, "budget_planned": 0, "budget_realized": 5, "rpjmd": true,
            "renstra": false, "postponed_to": 2021, "delay_reason": "Refocusing anggaran Covid-19",
            "apps": ["Tanjak"], "evidence": ["https://example.org"], "notes": "n" }],
        "evaluations": [{ "id": "2020-tahap-1", "label": "Evaluasi Tahap I", "date": "2020-11-27",
            "statuses": { "SG-07": "running" },
            "scores": { "baseline": 80, "output": 72.5, "outcome": 60, "impact": 55, "quick_win": 90 },
            "weights": { "baseline": 10, "output": 20, "outcome": 30, "impact": 30, "quick_win": 10 } }]
    });
    let checked = Dataset::parse(&file.to_string()).unwrap();
    assert!(checked.warnings.is_empty());
    let back: Value = serde_json::from_str(&checked.dataset.to_file_json()).unwrap();
    assert_eq!(back, file, "every field is written back as it was read");
}

#[test]
fn unknown_fields_at_every_level_survive_the_round_trip() {
    let mut file = minimal();
    file["colleague_tool"] = json!({ "nested": [1, 2, 3] });
    file["plan"]["mayor"] = json!("Wali Kota");
    file["programs"][0]["risk"] = json!("high");
    file["agencies"] = json!([{ "id": "dlh", "name": "DLH", "phone": "123" }]);
    file["evaluations"] = json!([{ "id": "e", "label": "E", "date": "2021-12-01", "statuses": {},
        "scores": { "baseline": 1, "innovation": 7 }, "assessor": "Tim" }]);
    let dataset = Dataset::parse(&file.to_string()).unwrap().dataset;
    let back: Value = serde_json::from_str(&dataset.to_file_json()).unwrap();
    assert_eq!(back, file);
}

#[test]
fn broken_files_are_refused_with_their_place() {
    for case in refused::cases() {
        let (path, problem) = refuse(case.file.clone());
        assert_eq!(path, case.path, "for {}", case.file);
        assert!((case.expect)(&problem), "{problem:?} at {path}");
    }
}

#[test]
fn a_64_character_id_is_accepted() {
    assert!(Dataset::parse(&with(minimal(), "/programs/1/id", json!("é".repeat(64))).to_string()).is_ok());
}

#[test]
fn every_broken_rule_is_listed_not_only_the_first() {
    let mut file = minimal();
    file["programs"][0]["progress"] = json!(300);
    file["programs"][1]["id"] = json!("SG-01");
    let refusal = Dataset::parse(&file.to_string()).unwrap_err();
    let paths: Vec<&str> = refusal.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["programs[0].progress", "programs[1].id"]);
}

#[test]
fn text_that_is_not_a_dataset_is_refused() {
    assert_eq!(Dataset::parse("").unwrap_err().errors[0].problem, Problem::EmptyFile);
    assert_eq!(Dataset::parse(" \n ").unwrap_err().errors[0].problem, Problem::EmptyFile);
    let truncated = &minimal().to_string()[..60];
    assert!(matches!(Dataset::parse(truncated).unwrap_err().errors[0].problem, Problem::NotJson { line: 1, .. }));
    let binary = String::from_utf8_lossy(&[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]).into_owned();
    assert!(matches!(Dataset::parse(&binary).unwrap_err().errors[0].problem, Problem::NotJson { .. }));
    assert_eq!(Dataset::parse("\"just text\"").unwrap_err().errors[0].problem, Problem::NotOurFormat);
}

#[test]
fn dangling_references_are_warnings_not_refusals() {
    let mut file = minimal();
    file["programs"][0]["agency"] = json!("nowhere");
    file["evaluations"] = json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": { "XX-99": "done" } }]);
    let checked = Dataset::parse(&file.to_string()).unwrap();
    let kinds: Vec<&WarningKind> = checked.warnings.iter().map(|w| &w.kind).collect();
    assert_eq!(
        kinds,
        [
            &WarningKind::UnknownAgency { agency: "nowhere".into() },
            &WarningKind::StatusOfUnknownProgram { program: "XX-99".into() }
        ]
    );
    assert_eq!(checked.warnings[0].path, "programs[0].agency");
}

#[test]
fn export_file_name_is_the_city() {
    let mut dataset = Dataset::parse(&minimal().to_string()).unwrap().dataset;
    assert_eq!(dataset.file_name(), "Kota Contoh.masterplan.json");
    dataset.plan.city = "Kota A/B: \"x\"".into();
    assert_eq!(dataset.file_name(), "Kota A-B- -x-.masterplan.json");
}

#[test]
fn calendar_dates() {
    assert!(is_calendar_date("2020-11-27"));
    assert!(is_calendar_date("2024-02-29"));
    assert!(!is_calendar_date("2023-02-29"));
    assert!(!is_calendar_date("2020-13-01"));
    assert!(!is_calendar_date("2020-1-01"));
    assert!(!is_calendar_date("27-11-2020"));
}

#[test]
fn every_closed_list_code_is_the_files_own_and_reads_back() {
    use masterplan_tracker::format::{
        Dimension, Horizon, Status, SubDimension, from_code, from_yes_no_code, yes_no_code,
    };
    let file_code = |value: serde_json::Value| value.as_str().unwrap().to_owned();
    for h in Horizon::ALL {
        assert_eq!(file_code(serde_json::to_value(h).unwrap()), h.code());
        assert_eq!(from_code::<Horizon>(h.code()), Some(h));
    }
    for s in Status::ALL {
        assert_eq!(file_code(serde_json::to_value(s).unwrap()), s.code());
        assert_eq!(from_code::<Status>(s.code()), Some(s));
    }
    for d in Dimension::ALL {
        assert_eq!(from_code::<Dimension>(d.code()), Some(d));
    }
    for s in SubDimension::ALL {
        assert_eq!(from_code::<SubDimension>(s.code()), Some(s));
    }
    assert_eq!(from_code::<Status>(""), None);
    assert_eq!(from_code::<Status>("selesai"), None);
    for answer in [Some(true), Some(false), None] {
        assert_eq!(from_yes_no_code(yes_no_code(answer)), answer);
    }
}

#[test]
fn whole_numbers_are_read_as_people_group_them() {
    use masterplan_tracker::spreadsheet::whole_number;
    assert_eq!(whole_number("150.000.000"), Some(150_000_000));
    assert_eq!(whole_number("150,000,000"), Some(150_000_000));
    assert_eq!(whole_number("-5"), Some(-5));
    assert_eq!(whole_number("1.5"), None, "a decimal is no whole number");
    assert_eq!(whole_number("12.34.567"), None);
}

#[test]
fn only_the_limits_added_after_the_first_release_count_as_later_limits() {
    use masterplan_tracker::format::{BUDGET_MAX, PROGRAM_ID_MAX_CHARS, TEXT_MAX_CHARS};
    // The first release's own rules always held: data breaking them is no earlier release's data.
    for always in [
        Problem::OutOfRange { value: 150, min: 0, max: Some(100) },
        Problem::OutOfRange { value: -5, min: 0, max: None },
        Problem::TooLong { chars: 65, max: PROGRAM_ID_MAX_CHARS },
    ] {
        assert!(!always.is_later_limit(), "{always:?}");
    }
    for later in [
        Problem::OutOfRange { value: BUDGET_MAX, min: 0, max: Some(BUDGET_MAX) },
        Problem::TooLong { chars: TEXT_MAX_CHARS + 1, max: TEXT_MAX_CHARS },
        Problem::YearOutOfRange { year: 2150 },
        Problem::Negative { found: serde_json::Number::from(-1) },
        Problem::TooManyPrograms { count: 100_001, max: 100_000 },
    ] {
        assert!(later.is_later_limit(), "{later:?}");
    }
}

#[test]
fn an_agencys_short_name_round_trips_and_one_an_earlier_release_kept_stays() {
    let mut file = minimal();
    file["agencies"] =
        json!([{ "id": "diskominfo", "name": "Dinas Komunikasi dan Informatika", "short_name": "Diskominfo" }]);
    let dataset = Dataset::from_value(file.clone()).unwrap().dataset;
    let agency = &dataset.agencies[0];
    assert_eq!(agency.short_name.as_deref(), Some("Diskominfo"));
    assert_eq!(agency.brief_name(), "Diskominfo");
    assert_eq!(agency.full_name(), "Dinas Komunikasi dan Informatika (Diskominfo)");
    assert!(agency.extra.is_empty(), "a field of the format, not an unknown one");
    assert_eq!(Dataset::parse(&dataset.to_file_json()).unwrap().dataset, dataset);
    // An earlier release kept the field as an unknown one, whatever its length: the browser's copy opens.
    file["agencies"][0]["short_name"] = json!("Dinas Komunikasi dan Informatika");
    let saved = Dataset::parse_saved(&file.to_string()).unwrap();
    assert_eq!(saved.beyond_limits[0].path, "agencies[0].short_name");
    assert!(Dataset::from_value(file).is_err(), "a file with it is refused, naming the place");
}

#[test]
fn the_browsers_own_data_that_does_not_fit_is_refused_with_what_is_wrong_and_as_an_import_with_its_place() {
    let file = with(minimal(), "/programs/1/status", json!("donee"));
    let saved = Dataset::parse_saved(&file.to_string()).expect_err("the data must be refused");
    let (path, problem) = refuse(file);
    assert_eq!(path, "programs[1].status");
    assert_eq!(saved.errors[0].problem, problem, "the same problem, read without following the place");
    // A missing field is named, without the record that lacks it.
    let saved =
        Dataset::parse_saved(&without(minimal(), "/plan/city").to_string()).expect_err("the data must be refused");
    assert_eq!((saved.errors[0].path.as_str(), &saved.errors[0].problem), ("city", &Problem::Missing));
}
