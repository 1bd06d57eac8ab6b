//! The JSON Schema of format version 1 (schema/masterplan-v1.schema.json), held against the Rust types:
//! every file the app writes validates, and every file the app refuses the schema refuses too, except
//! the rules a JSON Schema cannot state, which the schema's description names.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/refused.rs"]
mod refused;

use masterplan_tracker::format::Dataset;
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::sample::sample_dataset;
use refused::Schema;
use serde_json::Value;

const SCHEMA: &str = include_str!("../schema/masterplan-v1.schema.json");
const FIXTURE: &str = include_str!("fixtures/kota-contoh.masterplan.json");

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::meta::validate(&schema).expect("the schema is a valid JSON Schema");
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn every_file_the_app_writes_validates() {
    let validator = validator();
    let files = [
        sample_dataset().exported("2026-11-27T10:00:00.000Z".into()).to_file_json(),
        Dataset::parse(FIXTURE).unwrap().dataset.to_file_json(),
        synthetic_dataset(2_000, 3).to_file_json(),
        FIXTURE.to_owned(),
    ];
    for file in files {
        let instance = json(&file);
        let errors: Vec<String> =
            validator.iter_errors(&instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

#[test]
fn every_refused_file_is_refused_by_the_schema_too() {
    let validator = validator();
    let mut app_only = 0;
    for case in refused::cases() {
        assert!(Dataset::from_value(case.file.clone()).is_err(), "the app refuses {}", case.file);
        match case.schema {
            Schema::Refuses => {
                assert!(!validator.is_valid(&case.file), "the schema accepts {} ({})", case.file, case.path)
            }
            Schema::AppOnly => {
                app_only += 1;
                assert!(validator.is_valid(&case.file), "an app-only case the schema refuses after all: {}", case.path);
            }
        }
    }
    assert_eq!(app_only, 6, "the app-only rules are the ones the schema's description lists");
    let description = json(SCHEMA)["description"].as_str().unwrap().to_owned();
    assert!(description.contains("unique") && description.contains("start_year <= end_year"));
    assert!(description.contains("no score of a round is above its scale_max"));
}

#[test]
fn the_edges_of_every_range_and_limit_are_accepted_by_both() {
    let validator = validator();
    let mut file = refused::minimal();
    file["plan"]["start_year"] = 1900.into();
    file["plan"]["end_year"] = 2100.into();
    file["plan"]["title"] = Value::String("é".repeat(10_000));
    file["programs"][0]["budget_planned"] = 1_000_000_000_000_000i64.into();
    file["programs"][0]["budget_realized"] = 0.into();
    file["programs"][0]["progress"] = 100.into();
    file["programs"][0]["notes"] = Value::String("n".repeat(10_000));
    file["programs"][1]["progress"] = 0.into();
    file["evaluations"] = serde_json::json!([{
        "id": "e", "label": "E", "date": "2021-02-03", "statuses": {},
        "scores": { "baseline": 0, "impact": 0.5, "output": 4 }, "weights": { "baseline": 0, "output": 100 },
        "scale_max": 4
    }]);
    let checked = Dataset::from_value(file.clone()).unwrap();
    assert_eq!(checked.dataset.programs[0].budget_planned, Some(1_000_000_000_000_000));
    let errors: Vec<String> = validator.iter_errors(&file).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn files_the_app_accepts_the_schema_accepts() {
    let validator = validator();
    let mut file = refused::minimal();
    file["programs"][1]["id"] = Value::String("é".repeat(64));
    file["unknown_top_level"] = serde_json::json!({ "kept": true });
    file["programs"][0]["risk"] = Value::String("high".into());
    assert!(Dataset::from_value(file.clone()).is_ok());
    assert!(validator.is_valid(&file));
}
