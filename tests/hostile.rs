//! Native tests of hostile and broken input: every range and limit refused with its place and its message in
//! both languages; names that begin like spreadsheet formulas written so that no spreadsheet runs them, and
//! read back exactly (the XLSX checked with calamine, a spreadsheet library); search blind to how an accent is
//! written; property tests of export and import, merge, diff and undo over generated datasets.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use masterplan_tracker::change::{Change, Direction};
use masterplan_tracker::diff::merge;
use masterplan_tracker::format::{Dataset, FormatError, Program, Status};
use masterplan_tracker::history::History;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::register::{RegisterQuery, SearchIndex, fold, shown};
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::spreadsheet::{Delimiter, from_csv, from_xlsx, to_csv, to_xlsx};
use proptest::prelude::*;
use serde_json::{Value, json};

#[path = "support/refused.rs"]
mod refused;

fn refused(file: Value) -> FormatError {
    Dataset::from_value(file).unwrap_err().errors.remove(0)
}

/// The sample's file with the field at `pointer` set, added where the sample leaves it out.
fn file_with(pointer: &str, value: Value) -> Value {
    let file: Value = serde_json::from_str(&sample_dataset().to_file_json()).unwrap();
    assert!(!file["evaluations"].as_array().unwrap().is_empty(), "the sample records an evaluation round");
    refused::with(file, pointer, value)
}

#[test]
fn every_range_and_limit_is_refused_with_its_place_in_both_languages() {
    let cases: [(&str, Value, &str, &str, &str); 7] = [
        (
            "/programs/0/target_year",
            json!(1800),
            "programs[0].target_year",
            "tahun 1800 di luar rentang 1900 sampai 2100",
            "the year 1800 is outside 1900 to 2100",
        ),
        ("/plan/end_year", json!(2101), "plan.end_year", "tahun 2101 di luar rentang", "the year 2101 is outside"),
        ("/programs/3/budget_planned", json!(-1), "programs[3].budget_planned", "-1 kurang dari 0", "-1 is below 0"),
        (
            "/programs/3/budget_planned",
            json!(2_000_000_000_000_000i64),
            "programs[3].budget_planned",
            "di luar rentang 0 sampai 1.000.000.000.000.000",
            "outside the range 0 to 1,000,000,000,000,000",
        ),
        (
            "/programs/2/progress",
            json!(101),
            "programs[2].progress",
            "101 di luar rentang 0 sampai 100",
            "101 is outside the range 0 to 100",
        ),
        (
            "/evaluations/0/scores",
            json!({ "impact": -2.5 }),
            "evaluations[0].scores.impact",
            "-2,5 kurang dari nol",
            "-2.5 is below zero",
        ),
        (
            "/programs/5/notes",
            json!("n".repeat(10_001)),
            "programs[5].notes",
            "terlalu panjang: 10.001 karakter, paling banyak 10.000",
            "too long: 10,001 characters, at most 10,000",
        ),
    ];
    for (pointer, value, place, indonesian, english) in cases {
        let error = refused(file_with(pointer, value));
        assert_eq!(error.path, place);
        let (id, en) = (Lang::Id.problem(&error), Lang::En.problem(&error));
        // The record and the field by their labels, the path as a detail in brackets.
        assert!(id.contains(&format!("({place}): ")) && id.contains(indonesian), "{id}");
        assert!(en.contains(english), "{en}");
    }
    let many: Vec<Value> = (0..100_001)
        .map(|i| json!({ "id": format!("P{i}"), "name": "P", "dimension": "living", "status": "done" }))
        .collect();
    let error = refused(file_with("/programs", Value::Array(many)));
    assert_eq!(error.path, "programs");
    assert!(Lang::Id.problem(&error).contains("100.001 program; satu data memuat paling banyak 100.000 program"));
    assert!(Lang::En.problem(&error).contains("100,001 programs; a dataset holds at most 100,000 programs"));
}

#[test]
fn unknown_fields_are_kept_to_127_levels_below_the_file_and_refused_beyond_at_their_line_and_column() {
    let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let file = |depth: usize| {
        let text = file_with("/colleague_tool", json!("DEEP")).to_string();
        text.replace("\"DEEP\"", &nested(depth))
    };
    let kept = Dataset::parse(&file(126)).unwrap().dataset;
    let deep: Value = serde_json::from_str(&nested(126)).unwrap();
    assert_eq!(kept.extra["colleague_tool"], deep, "kept as it was");
    assert_eq!(Dataset::parse(&kept.to_file_json()).unwrap().dataset, kept, "and written back");
    let text = file(127);
    let error = Dataset::parse(&text).unwrap_err().errors.remove(0);
    let masterplan_tracker::format::Problem::NotJson { line, column } = error.problem else { panic!("{error:?}") };
    let deep_from = text.find("[[").unwrap() + 1;
    assert_eq!(line, 1);
    assert!((deep_from..deep_from + 2 * 127).contains(&column), "inside the deep value: column {column}");
    let message = Lang::En.problem(&error);
    assert!(message.contains(&format!("line 1, column {column}")), "{message}");
}

#[test]
fn weights_that_do_not_add_up_to_100_are_a_warning() {
    let weights = json!({ "baseline": 10, "output": 20, "outcome": 30, "impact": 30, "quick_win": 20 });
    let checked = Dataset::from_value(file_with("/evaluations/0/weights", weights)).unwrap();
    let warning = checked.warnings.iter().find(|w| w.path == "evaluations[0].weights").expect("a warning");
    assert!(Lang::Id.warning(warning).contains("bobot berjumlah 110, bukan 100"), "{}", Lang::Id.warning(warning));
    let decimals = json!({ "baseline": 10, "output": 20, "outcome": 30, "impact": 30, "quick_win": 9.5 });
    let checked = Dataset::from_value(file_with("/evaluations/0/weights", decimals)).unwrap();
    let warning = checked.warnings.iter().find(|w| w.path == "evaluations[0].weights").expect("a warning");
    assert!(Lang::Id.warning(warning).contains("berjumlah 99,5,"), "{}", Lang::Id.warning(warning));
    assert!(Lang::En.warning(warning).contains("99.5"), "{}", Lang::En.warning(warning));
    let negative = json!({ "baseline": -10, "output": 40, "outcome": 30, "impact": 30, "quick_win": 10 });
    assert_eq!(refused(file_with("/evaluations/0/weights", negative)).path, "evaluations[0].weights.baseline");
}

#[test]
fn the_csv_reader_refuses_the_same_ranges_at_the_row_and_column() {
    let base = sample_dataset();
    let csv =
        "ID;Nama program;Dimensi;Status;Tahun target;Anggaran rencana (Rp)\nA;Satu;Smart Economy;Selesai;2150;-5\n";
    let refusal = from_csv(csv, &base).unwrap_err();
    let places: Vec<String> = refusal.errors.iter().map(|e| Lang::Id.problem(e)).collect();
    assert!(places[0].starts_with("baris 2, kolom \"Tahun target\""), "{places:?}");
    assert!(places[1].starts_with("baris 2, kolom \"Anggaran rencana (Rp)\""), "{places:?}");
}

/// Names as anyone may send them, each one a formula to a spreadsheet that opens the file carelessly.
const HOSTILE: [&str; 8] = [
    "=HYPERLINK(\"http://contoh.example/\",\"klik\")",
    "+62-771-123",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTab di depan",
    "\rCR di depan",
    "'=sudah berkutip",
    "''+dua kutip",
];

fn hostile_dataset() -> Dataset {
    let mut dataset = sample_dataset();
    for (program, name) in dataset.programs.iter_mut().zip(HOSTILE) {
        program.name = name.to_owned();
        program.notes = Some(format!("{name} (catatan)"));
    }
    dataset
}

#[test]
fn a_csv_never_hands_a_spreadsheet_a_formula_and_reads_back_exactly() {
    let dataset = hostile_dataset();
    for (lang, delimiter) in [(Lang::Id, Delimiter::Semicolon), (Lang::En, Delimiter::Comma)] {
        let csv = to_csv(&dataset, delimiter, lang);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if delimiter == Delimiter::Semicolon { b';' } else { b',' })
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "a cell a spreadsheet would run: {cell:?}");
                assert!(
                    !cell.starts_with('-') || cell.parse::<i64>().is_ok(),
                    "only numbers begin with a minus: {cell:?}"
                );
            }
        }
        assert_eq!(from_csv(&csv, &dataset).unwrap().dataset, dataset, "{lang:?}: read back exactly");
    }
}

#[test]
fn an_xlsx_keeps_formula_like_names_as_text_for_a_spreadsheet_library_too() {
    let mut dataset = hostile_dataset();
    // What XML would read otherwise: Excel's own escape written as text, and a control character.
    dataset.programs[HOSTILE.len()].name = "Kode _x0041_ dan bel\u{7}".to_owned();
    // An unknown field's name, which becomes a head.
    dataset.programs[0].extra.insert("=cmd|' /C calc'!A0".to_owned(), Value::String("x".into()));
    let bytes = to_xlsx(&dataset, Lang::Id, "2026-11-28").unwrap();
    let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let range = workbook.worksheet_range("Program").unwrap();
    let names: Vec<Data> = range.rows().skip(1).take(HOSTILE.len()).map(|row| row[1].clone()).collect();
    for (cell, name) in names.iter().zip(HOSTILE) {
        assert_eq!(cell, &Data::String(name.to_owned()), "text, not a formula or its value");
    }
    let escaped = &range.rows().nth(HOSTILE.len() + 1).unwrap()[1];
    assert_eq!(escaped, &Data::String("Kode _x0041_ dan bel\u{7}".to_owned()));
    let formulas = workbook.worksheet_formula("Program").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell holds a formula");
    // And stays text when edited in a spreadsheet: each such cell carries Excel's quote prefix.
    let quoted = quote_prefixed_styles(&bytes);
    let sheet = part_holding(&bytes, "HYPERLINK");
    for (row, name) in HOSTILE.iter().enumerate().filter(|(_, name)| runs_as_formula(name)) {
        let cell = format!("<c r=\"B{}\" s=\"", row + 2);
        let style: usize =
            sheet[sheet.find(&cell).expect("the cell") + cell.len()..].split('"').next().unwrap().parse().unwrap();
        assert!(quoted.contains(&style), "{name:?}: style {style} has no quote prefix");
    }
    let head = &sheet[..sheet.find("=cmd|").unwrap()];
    let style: usize = head[head.rfind(" s=\"").unwrap() + 4..].split('"').next().unwrap().parse().unwrap();
    assert!(quoted.contains(&style), "the head: style {style} has no quote prefix");
    assert_eq!(from_xlsx(&bytes, &dataset).unwrap().dataset, dataset, "read back exactly");
}

/// Whether a spreadsheet would run the text (OWASP's characters, after any quotes).
fn runs_as_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text of the workbook's part that holds `needle`.
fn part_holding(bytes: &[u8], needle: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| std::io::read_to_string(zip.by_index(i).unwrap()).unwrap())
        .find(|text| text.contains(needle))
        .expect("a part holds it")
}

/// The indexes of the cell styles (`cellXfs`) that carry Excel's quote prefix.
fn quote_prefixed_styles(bytes: &[u8]) -> Vec<usize> {
    let styles = part_holding(bytes, "<cellXfs");
    let cell_xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    cell_xfs
        .split("<xf ")
        .skip(1)
        .enumerate()
        .filter(|(_, xf)| xf.contains("quotePrefix=\"1\""))
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn search_finds_an_accent_however_it_is_written() {
    let composed = "Kafé Digital";
    let decomposed = "Kafe\u{301} Digital";
    assert_eq!(fold(composed), fold(decomposed));
    let mut dataset = sample_dataset();
    dataset.programs[0].name = decomposed.to_owned();
    dataset.programs[1].name = composed.to_owned();
    let index = SearchIndex::of(&dataset);
    for search in ["kafé", "kafe\u{301}", "KAFE"] {
        let query = RegisterQuery { search: search.into(), ..Default::default() };
        assert_eq!(shown(&dataset, &index, &query).len(), 2, "{search:?}");
    }
}

/// A generated dataset: any Unicode in names and notes, unknown fields at every level, optional fields
/// present or absent.
fn a_dataset() -> impl Strategy<Value = Dataset> {
    let text = "\\PC{1,24}".prop_filter("not blank", |t: &String| !t.trim().is_empty());
    let unknown = prop::option::of(("[a-z]{1,8}", "\\PC{0,12}"));
    let program = (
        text.clone(),
        prop::sample::select(Status::ALL.to_vec()),
        prop::option::of(0i64..=100),
        prop::option::of(2000i32..=2030),
        prop::option::of("\\PC{0,40}"),
        unknown.clone(),
        prop::collection::vec(text.clone(), 0..3),
    );
    (prop::collection::vec(program, 1..12), text, unknown).prop_map(|(programs, city, top)| {
        let sample = sample_dataset();
        let mut dataset = sample.clone();
        dataset.plan.city = city;
        if let Some((key, value)) = top {
            dataset.extra.insert(format!("x_{key}"), json!({ "nested": [value] }));
            dataset.plan.extra.insert(format!("x_{key}"), Value::String("plan".into()));
            dataset.agencies[0].extra.insert(format!("x_{key}"), json!([1, "agency"]));
            dataset.evaluations[0].extra.insert(format!("x_{key}"), json!({ "round": true }));
        }
        dataset.programs = programs
            .into_iter()
            .enumerate()
            .map(|(i, (name, status, progress, year, notes, extra, apps))| {
                let mut program = Program {
                    id: format!("G-{i}"),
                    name,
                    status,
                    progress,
                    target_year: year,
                    apps,
                    ..sample.programs[i % 5].clone()
                };
                program.notes = notes.filter(|n| !n.trim().is_empty());
                if let Some((key, value)) = extra {
                    program.extra.insert(format!("x_{key}"), Value::String(value));
                }
                program
            })
            .collect();
        dataset
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_the_same_dataset(dataset in a_dataset()) {
        let file = dataset.to_file_json();
        prop_assert_eq!(&Dataset::parse(&file).unwrap().dataset, &dataset);
    }

    #[test]
    fn merging_a_dataset_with_itself_changes_nothing(dataset in a_dataset()) {
        prop_assert_eq!(merge(&dataset, &dataset), dataset);
    }

    #[test]
    fn the_diff_of_a_and_b_applied_to_a_gives_b(a in a_dataset(), b in a_dataset()) {
        let change = Change::between(&a, &b);
        let mut applied = a.clone();
        prop_assert!(change.apply(&mut applied, Direction::Forward).conflicts.is_empty());
        prop_assert_eq!(applied, b);
    }

    #[test]
    fn edits_undone_return_the_start_and_redone_the_end(
        dataset in a_dataset(),
        edits in prop::collection::vec((0usize..12, prop::sample::select(Status::ALL.to_vec()), "\\PC{1,10}"), 1..10),
    ) {
        let start = dataset.clone();
        let mut now = dataset;
        let mut history = History::default();
        for (at, status, name) in edits {
            let Some(program) = now.programs.get(at % now.programs.len()).cloned() else { continue };
            let mut edited = program.clone();
            edited.status = status;
            if !name.trim().is_empty() {
                edited.name = name;
            }
            let change = masterplan_tracker::edit::save_program(&now, Some(&program), edited).unwrap();
            if masterplan_tracker::edit::apply(&mut now, &change, Direction::Forward).is_ok() {
                history.record(Arc::new(change));
            }
        }
        let end = now.clone();
        while let Some(step) = history.undo() {
            step.change.apply(&mut now, step.direction);
        }
        prop_assert_eq!(&now, &start);
        while let Some(step) = history.redo() {
            step.change.apply(&mut now, step.direction);
        }
        prop_assert_eq!(now, end);
    }
}
