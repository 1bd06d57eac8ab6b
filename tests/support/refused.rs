//! The refused-file cases, shared by the format's tests and the JSON Schema's: every rule of the format
//! broken once, with the place the app must name. `schema` says whether a JSON Schema can state the rule.
#![allow(dead_code)]

use masterplan_tracker::format::Problem;
use serde_json::{Value, json};

pub fn minimal() -> Value {
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

/// The file with the field at `pointer` set (added where it was absent).
pub fn with(mut value: Value, pointer: &str, new: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = if parent.is_empty() { &mut value } else { value.pointer_mut(parent).expect("parent exists") };
    parent.as_object_mut().expect("an object").insert(key.to_owned(), new);
    value
}

pub fn without(mut value: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
    value
}

/// Whether a problem is the one a case expects.
pub type ProblemCheck = fn(&Problem) -> bool;

/// Whether the JSON Schema refuses the case too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schema {
    Refuses,
    /// A rule JSON Schema cannot state (uniqueness of ids by field, order of two years): the app's alone.
    AppOnly,
}

pub struct Case {
    pub file: Value,
    pub path: &'static str,
    pub expect: ProblemCheck,
    pub schema: Schema,
}

fn case(file: Value, path: &'static str, expect: ProblemCheck) -> Case {
    Case { file, path, expect, schema: Schema::Refuses }
}

fn app_only(file: Value, path: &'static str, expect: ProblemCheck) -> Case {
    Case { file, path, expect, schema: Schema::AppOnly }
}

pub fn cases() -> Vec<Case> {
    let mut plan_years = minimal();
    plan_years["plan"]["start_year"] = json!(2023);
    plan_years["plan"]["end_year"] = json!(2019);
    let with_list = |key: &str, list: Value| {
        let mut file = minimal();
        file[key] = list;
        file
    };
    vec![
        case(with(minimal(), "/format", json!("other")), "format", |p| *p == Problem::NotOurFormat),
        case(without(minimal(), "/format"), "format", |p| *p == Problem::NotOurFormat),
        case(json!([1, 2]), "", |p| *p == Problem::NotOurFormat),
        case(with(minimal(), "/version", json!(2)), "version", |p| *p == Problem::NewerVersion { found: 2 }),
        case(with(minimal(), "/version", json!("1")), "version", |p| matches!(p, Problem::UnknownVersion { .. })),
        case(with(minimal(), "/version", json!(0)), "version", |p| matches!(p, Problem::UnknownVersion { .. })),
        case(without(minimal(), "/version"), "version", |p| *p == Problem::Missing),
        case(without(minimal(), "/plan"), "plan", |p| *p == Problem::Missing),
        case(without(minimal(), "/programs"), "programs", |p| *p == Problem::Missing),
        case(without(minimal(), "/plan/city"), "plan.city", |p| *p == Problem::Missing),
        case(with(minimal(), "/plan/city", json!("  ")), "plan.city", |p| *p == Problem::EmptyText),
        case(without(minimal(), "/programs/1/status"), "programs[1].status", |p| *p == Problem::Missing),
        case(without(minimal(), "/programs/1/name"), "programs[1].name", |p| *p == Problem::Missing),
        case(with(minimal(), "/programs/1/status", json!("selesai")), "programs[1].status", |p| {
            *p == Problem::UnknownValue {
                found: "selesai".into(),
                allowed: "done, running, discussion, not_started".into(),
            }
        }),
        case(with(minimal(), "/programs/0/dimension", json!("smart")), "programs[0].dimension", |p| {
            matches!(p, Problem::UnknownValue { .. })
        }),
        case(with(minimal(), "/programs/1/subdimension", json!("waste")), "programs[1].subdimension", |p| {
            matches!(p, Problem::SubdimensionOfOtherDimension { .. })
        }),
        case(with(minimal(), "/programs/1/horizon", json!("forever")), "programs[1].horizon", |p| {
            matches!(p, Problem::UnknownValue { .. })
        }),
        case(with(minimal(), "/programs/1/progress", json!(101)), "programs[1].progress", |p| {
            *p == Problem::OutOfRange { value: 101, min: 0, max: Some(100) }
        }),
        case(with(minimal(), "/programs/1/progress", json!(-1)), "programs[1].progress", |p| {
            matches!(p, Problem::OutOfRange { .. })
        }),
        case(with(minimal(), "/programs/1/progress", json!("half")), "programs[1].progress", |p| {
            matches!(p, Problem::WrongType { .. })
        }),
        case(with(minimal(), "/programs/0/budget_planned", json!(-5)), "programs[0].budget_planned", |p| {
            *p == Problem::OutOfRange { value: -5, min: 0, max: None }
        }),
        case(with(minimal(), "/programs/0/quick_win", json!("ya")), "programs[0].quick_win", |p| {
            matches!(p, Problem::WrongType { .. })
        }),
        app_only(with(minimal(), "/programs/1/id", json!("SG-01")), "programs[1].id", |p| {
            *p == Problem::DuplicateId { id: "SG-01".into() }
        }),
        case(with(minimal(), "/programs/1/id", json!("")), "programs[1].id", |p| *p == Problem::EmptyText),
        case(with(minimal(), "/programs/1/id", json!("x".repeat(65))), "programs[1].id", |p| {
            *p == Problem::TooLong { chars: 65, max: 64 }
        }),
        case(with(minimal(), "/programs", json!({})), "programs", |p| matches!(p, Problem::WrongType { .. })),
        app_only(
            with(with(minimal(), "/programs/0/start_year", json!(2022)), "/programs/0/target_year", json!(2021)),
            "programs[0].target_year",
            |p| *p == Problem::YearsReversed { start: 2022, end: 2021 },
        ),
        app_only(plan_years, "plan.end_year", |p| *p == Problem::YearsReversed { start: 2023, end: 2019 }),
        app_only(
            with_list("agencies", json!([{ "id": "a", "name": "A" }, { "id": "a", "name": "B" }])),
            "agencies[1].id",
            |p| *p == Problem::DuplicateId { id: "a".into() },
        ),
        case(with_list("agencies", json!([{ "id": "a" }])), "agencies[0].name", |p| *p == Problem::Missing),
        case(with_list("agencies", json!([{ "id": " ", "name": "A" }])), "agencies[0].id", |p| {
            *p == Problem::EmptyText
        }),
        case(
            with_list("agencies", json!([{ "id": "a", "name": "A", "short_name": " " }])),
            "agencies[0].short_name",
            |p| *p == Problem::EmptyText,
        ),
        case(
            with_list("agencies", json!([{ "id": "a", "name": "A", "short_name": "Dinas Kependudukan dan" }])),
            "agencies[0].short_name",
            |p| *p == Problem::TooLong { chars: 22, max: 20 },
        ),
        case(
            with_list("agencies", json!([{ "id": "a", "name": "A", "short_name": 7 }])),
            "agencies[0].short_name",
            |p| matches!(p, Problem::WrongType { .. }),
        ),
        case(
            with_list("evaluations", json!([{ "id": "e", "label": "E", "date": "2021-02-30", "statuses": {} }])),
            "evaluations[0].date",
            |p| *p == Problem::NotADate { found: "2021-02-30".into() },
        ),
        case(
            with_list(
                "evaluations",
                json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": { "SG-01": "finished" } }]),
            ),
            "evaluations[0].statuses.SG-01",
            |p| matches!(p, Problem::UnknownValue { .. }),
        ),
        case(
            with_list(
                "evaluations",
                json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": {}, "scores": { "impact": "high" } }]),
            ),
            "evaluations[0].scores.impact",
            |p| matches!(p, Problem::WrongType { .. }),
        ),
        case(
            with_list("evaluations", json!([{ "id": "e", "label": "E", "statuses": {} }])),
            "evaluations[0].date",
            |p| *p == Problem::Missing,
        ),
        app_only(
            with_list(
                "evaluations",
                json!([
                    { "id": "e", "label": "E", "date": "2021-02-03", "statuses": {} },
                    { "id": "e", "label": "F", "date": "2022-02-03", "statuses": {} }
                ]),
            ),
            "evaluations[1].id",
            |p| *p == Problem::DuplicateId { id: "e".into() },
        ),
        case(with(minimal(), "/plan/start_year", json!(3_000_000_000u64)), "plan.start_year", |p| {
            matches!(p, Problem::WrongType { .. })
        }),
        case(with(minimal(), "/plan/start_year", json!(1850)), "plan.start_year", |p| {
            *p == Problem::YearOutOfRange { year: 1850 }
        }),
        case(with(minimal(), "/programs/1/postponed_to", json!(2121)), "programs[1].postponed_to", |p| {
            *p == Problem::YearOutOfRange { year: 2121 }
        }),
        case(
            with(minimal(), "/programs/0/budget_realized", json!(1_000_000_000_000_001i64)),
            "programs[0].budget_realized",
            |p| matches!(p, Problem::OutOfRange { max: Some(1_000_000_000_000_000), .. }),
        ),
        case(with(minimal(), "/programs/0/name", json!("x".repeat(10_001))), "programs[0].name", |p| {
            *p == Problem::TooLong { chars: 10_001, max: 10_000 }
        }),
        case(with(minimal(), "/programs/0/notes", json!("é".repeat(10_001))), "programs[0].notes", |p| {
            *p == Problem::TooLong { chars: 10_001, max: 10_000 }
        }),
        case(with(minimal(), "/programs/0/agency", json!("a".repeat(10_001))), "programs[0].agency", |p| {
            *p == Problem::TooLong { chars: 10_001, max: 10_000 }
        }),
        case(with_list("agencies", json!([{ "id": "a".repeat(10_001), "name": "Dinas" }])), "agencies[0].id", |p| {
            *p == Problem::TooLong { chars: 10_001, max: 10_000 }
        }),
        case(
            with_list(
                "evaluations",
                json!([{ "id": "e".repeat(10_001), "label": "E", "date": "2021-02-03", "statuses": {} }]),
            ),
            "evaluations[0].id",
            |p| *p == Problem::TooLong { chars: 10_001, max: 10_000 },
        ),
        case(
            with_list(
                "evaluations",
                json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": {}, "scores": { "impact": -3.5 } }]),
            ),
            "evaluations[0].scores.impact",
            |p| *p == Problem::Negative { found: serde_json::Number::from_f64(-3.5).unwrap() },
        ),
        case(
            with_list(
                "evaluations",
                json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": {}, "scale_max": 0 }]),
            ),
            "evaluations[0].scale_max",
            |p| *p == Problem::ScaleNotPositive { found: 0.into() },
        ),
        app_only(
            with_list(
                "evaluations",
                json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": {}, "scale_max": 4,
                         "scores": { "baseline": 3, "output": 4.5 } }]),
            ),
            "evaluations[0].scores.output",
            |p| *p == Problem::AboveScale { found: serde_json::Number::from_f64(4.5).unwrap(), max: 4.into() },
        ),
        case(
            with_list(
                "evaluations",
                json!([{ "id": "e", "label": "E", "date": "2021-02-03", "statuses": {},
                         "weights": { "baseline": -10, "output": 40, "outcome": 30, "impact": 30, "quick_win": 10 } }]),
            ),
            "evaluations[0].weights.baseline",
            |p| *p == Problem::Negative { found: (-10).into() },
        ),
        case(
            with(
                minimal(),
                "/programs",
                Value::Array(
                    (0..100_001)
                        .map(|i| json!({ "id": format!("P{i}"), "name": "P", "dimension": "living", "status": "done" }))
                        .collect(),
                ),
            ),
            "programs",
            |p| *p == Problem::TooManyPrograms { count: 100_001, max: 100_000 },
        ),
    ]
}
