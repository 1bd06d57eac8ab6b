//! Native tests of the dataset format: every rule accepted and refused with its place, the round trip
//! with unknown fields, merging by id.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Dataset, Problem, Status, WarningKind, is_calendar_date};
use serde_json::{Value, json};

fn minimal() -> Value {
    json!({
        "format": "smart-city-masterplan",
        "version": 1,
        "plan": { "city": "Kota Contoh" },
        "programs": [
            { "id": "SG-01", "name": "Satu", "dimension": "governance", "status": "running" },
            { "id": "SG-02", "name": "Dua", "dimension": "living", "subdimension": "health", "status": "done" }
        ]
    })
}

fn refuse(value: Value) -> (String, Problem) {
    let refusal = Dataset::parse(&value.to_string()).expect_err("the file must be refused");
    let first = refusal.errors.into_iter().next().expect("a refusal names at least one error");
    (first.path, first.problem)
}

/// The file with the field at `pointer` set (added where it was absent).
fn with(mut value: Value, pointer: &str, new: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = if parent.is_empty() { &mut value } else { value.pointer_mut(parent).expect("parent exists") };
    parent.as_object_mut().expect("an object").insert(key.to_owned(), new);
    value
}

fn without(mut value: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
    value
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

/// Whether a problem is the one a case expects.
type ProblemCheck = fn(&Problem) -> bool;

#[test]
fn broken_files_are_refused_with_their_place() {
    let cases: Vec<(Value, &str, ProblemCheck)> = vec![
        (with(minimal(), "/format", json!("other")), "format", |p| *p == Problem::NotOurFormat),
        (without(minimal(), "/format"), "format", |p| *p == Problem::NotOurFormat),
        (json!([1, 2]), "", |p| *p == Problem::NotOurFormat),
        (with(minimal(), "/version", json!(2)), "version", |p| *p == Problem::NewerVersion { found: 2 }),
        (with(minimal(), "/version", json!("1")), "version", |p| matches!(p, Problem::UnknownVersion { .. })),
        (with(minimal(), "/version", json!(0)), "version", |p| matches!(p, Problem::UnknownVersion { .. })),
        (without(minimal(), "/version"), "version", |p| *p == Problem::Missing),
        (without(minimal(), "/plan"), "plan", |p| *p == Problem::Missing),
        (without(minimal(), "/programs"), "programs", |p| *p == Problem::Missing),
        (without(minimal(), "/plan/city"), "plan.city", |p| *p == Problem::Missing),
        (with(minimal(), "/plan/city", json!("  ")), "plan.city", |p| *p == Problem::EmptyText),
        (without(minimal(), "/programs/1/status"), "programs[1].status", |p| *p == Problem::Missing),
        (without(minimal(), "/programs/1/name"), "programs[1].name", |p| *p == Problem::Missing),
        (with(minimal(), "/programs/1/status", json!("selesai")), "programs[1].status", |p| {
            *p == Problem::UnknownValue {
                found: "selesai".into(),
                allowed: "done, running, discussion, not_started".into(),
            }
        }),
        (with(minimal(), "/programs/0/dimension", json!("smart")), "programs[0].dimension", |p| {
            matches!(p, Problem::UnknownValue { .. })
        }),
        (with(minimal(), "/programs/1/subdimension", json!("waste")), "programs[1].subdimension", |p| {
            matches!(p, Problem::SubdimensionOfOtherDimension { .. })
        }),
        (with(minimal(), "/programs/1/horizon", json!("forever")), "programs[1].horizon", |p| {
            matches!(p, Problem::UnknownValue { .. })
        }),
        (with(minimal(), "/programs/1/progress", json!(101)), "programs[1].progress", |p| {
            *p == Problem::OutOfRange { value: 101, min: 0, max: Some(100) }
        }),
        (with(minimal(), "/programs/1/progress", json!(-1)), "programs[1].progress", |p| {
            matches!(p, Problem::OutOfRange { .. })
        }),
        (with(minimal(), "/programs/1/progress", json!("half")), "programs[1].progress", |p| {
            matches!(p, Problem::WrongType { .. })
        }),
        (with(minimal(), "/programs/0/budget_planned", json!(-5)), "programs[0].budget_planned", |p| {
            *p == Problem::OutOfRange { value: -5, min: 0, max: None }
        }),
        (with(minimal(), "/programs/0/quick_win", json!("ya")), "programs[0].quick_win", |p| {
            matches!(p, Problem::WrongType { .. })
        }),
        (with(minimal(), "/programs/1/id", json!("SG-01")), "programs[1].id", |p| {
            *p == Problem::DuplicateId { id: "SG-01".into() }
        }),
        (with(minimal(), "/programs/1/id", json!("")), "programs[1].id", |p| *p == Problem::EmptyText),
        (with(minimal(), "/programs/1/id", json!("x".repeat(65))), "programs[1].id", |p| {
            *p == Problem::IdTooLong { chars: 65, max: 64 }
        }),
        (with(minimal(), "/programs", json!({})), "programs", |p| matches!(p, Problem::WrongType { .. })),
    ];
    for (file, path, expected) in cases {
        let (found_path, problem) = refuse(file.clone());
        assert_eq!(found_path, path, "for {file}");
        assert!(expected(&problem), "{problem:?} at {path}");
    }
}

#[test]
fn a_64_character_id_is_accepted() {
    assert!(Dataset::parse(&with(minimal(), "/programs/1/id", json!("é".repeat(64))).to_string()).is_ok());
}

#[test]
fn years_must_be_in_order() {
    let file = with(with(minimal(), "/programs/0/start_year", json!(2022)), "/programs/0/target_year", json!(2021));
    assert_eq!(refuse(file).0, "programs[0].target_year");
    let mut file = minimal();
    file["plan"]["start_year"] = json!(2023);
    file["plan"]["end_year"] = json!(2019);
    assert_eq!(refuse(file).1, Problem::YearsReversed { start: 2023, end: 2019 });
}

#[test]
fn agencies_and_evaluations_are_checked() {
    let mut file = minimal();
    file["agencies"] = json!([{ "id": "a", "name": "A" }, { "id": "a", "name": "B" }]);
    assert_eq!(refuse(file), ("agencies[1].id".into(), Problem::DuplicateId { id: "a".into() }));
    let mut file = minimal();
    file["agencies"] = json!([{ "id": "a" }]);
    assert_eq!(refuse(file), ("agencies[0].name".into(), Problem::Missing));
    let mut file = minimal();
    file["evaluations"] = json!([{ "id": "e", "label": "E", "date": "2021-02-30", "statuses": {} }]);
    assert_eq!(refuse(file), ("evaluations[0].date".into(), Problem::NotADate { found: "2021-02-30".into() }));
    let mut file = minimal();
    file["evaluations"] =
        json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": { "SG-01": "finished" } }]);
    assert_eq!(refuse(file).0, "evaluations[0].statuses.SG-01");
    let mut file = minimal();
    file["evaluations"] =
        json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": {}, "scores": { "impact": "high" } }]);
    assert_eq!(refuse(file).0, "evaluations[0].scores.impact");
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
fn merging_keeps_local_programs_and_lets_the_file_win() {
    let ours = Dataset::parse(&minimal().to_string()).unwrap().dataset;
    let mut theirs = minimal();
    theirs["plan"]["city"] = json!("Kota Lain");
    theirs["programs"] = json!([
        { "id": "SG-02", "name": "Dua baru", "dimension": "living", "status": "running" },
        { "id": "SG-03", "name": "Tiga", "dimension": "economy", "status": "discussion" }
    ]);
    let theirs = Dataset::parse(&theirs.to_string()).unwrap().dataset;
    let merged = masterplan_tracker::diff::merge(&ours, &theirs);
    let programs: Vec<(&str, &str)> = merged.programs.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    assert_eq!(programs, [("SG-01", "Satu"), ("SG-02", "Dua baru"), ("SG-03", "Tiga")]);
    assert_eq!(merged.plan.city, "Kota Lain");
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
