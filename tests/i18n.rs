//! Native tests of the translations: both languages complete, and numbers written per locale.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use masterplan_tracker::format::{FormatError, Problem, SubDimension};
use masterplan_tracker::i18n::{Key, Lang, placeholders};
use masterplan_tracker::metrics::Share;

#[test]
fn every_key_has_a_text_in_both_languages_with_the_same_placeholders() {
    for &key in Key::ALL {
        let id = key.text(Lang::Id);
        let en = key.text(Lang::En);
        assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
        let id_names: HashSet<&str> = placeholders(id).into_iter().collect();
        let en_names: HashSet<&str> = placeholders(en).into_iter().collect();
        assert_eq!(id_names, en_names, "{key:?}");
    }
}

#[test]
fn the_two_languages_differ_except_for_proper_names() {
    let same: Vec<Key> = Key::ALL.iter().copied().filter(|k| k.text(Lang::Id) == k.text(Lang::En)).collect();
    // Words Indonesian uses as they are: the six dimensions' names, and a few terms.
    let loanwords = [
        Key::FieldId,
        Key::FieldStatus,
        Key::FieldQuickWin,
        Key::FieldLabel,
        Key::SummaryTotal,
        Key::SlideCounter,
        Key::AspectBaseline,
        Key::AspectOutput,
        Key::AspectOutcome,
        // An agency's name in the template's example: a proper name in both languages.
        Key::TemplateExampleAgency,
        // Indonesia's administrative levels keep their names in English, as the assessors' reports do.
        Key::LevelKecamatan,
        Key::LevelKelurahan,
        Key::LocationsKecamatan,
        Key::LocationsKelurahan,
        // Messages made only of what they name: a record, a field, values and counts.
        Key::ChangeField,
        Key::ChangeSameValue,
        Key::ChangeCounted,
    ];
    let untranslated: Vec<&Key> =
        same.iter().filter(|k| !format!("{k:?}").starts_with("Dim") && !loanwords.contains(k)).collect();
    assert!(untranslated.is_empty(), "untranslated: {untranslated:?}");
}

#[test]
fn shares_follow_the_locale() {
    assert_eq!(Lang::Id.share(Share(6031)), "60,31 %");
    assert_eq!(Lang::En.share(Share(6031)), "60.31%");
    assert_eq!(Lang::Id.share(Share(10_000)), "100,00 %");
    assert_eq!(Lang::En.share(Share(5)), "0.05%");
    assert_eq!(Lang::Id.percent(20), "20 %");
    assert_eq!(Lang::En.percent(100), "100%");
}

#[test]
fn counts_are_grouped_per_locale() {
    assert_eq!(Lang::Id.count(131), "131");
    assert_eq!(Lang::Id.count(20_000), "20.000");
    assert_eq!(Lang::En.count(1_234_567), "1,234,567");
    assert_eq!(Lang::Id.integer(-5_000), "-5.000");
}

#[test]
fn a_number_of_programs_takes_the_languages_plural() {
    assert_eq!(Lang::En.programs(1), "1 program");
    assert_eq!(Lang::En.programs(0), "0 programs");
    assert_eq!(Lang::En.programs(20_000), "20,000 programs");
    assert_eq!(Lang::Id.programs(1), "1 program");
    assert_eq!(Lang::Id.programs(20_000), "20.000 program");
    assert_eq!(Lang::En.tf(Key::CompareForward, &[("programs", &Lang::En.programs(1))]), "1 program moved forward");
}

#[test]
fn changes_always_carry_their_sign() {
    assert_eq!(Lang::Id.signed_decimal(6.0), "+6,00");
    assert_eq!(Lang::En.signed_decimal(-1.5), "-1.50");
    assert_eq!(Lang::En.signed_count(3), "+3");
    assert_eq!(Lang::Id.signed_count(-1_200), "-1.200");
    assert_eq!(Lang::Id.signed_count(0), "0");
}

#[test]
fn numbers_typed_into_fields_use_the_languages_decimal_sign() {
    assert_eq!(Lang::Id.plain_number(72.5), "72,5");
    assert_eq!(Lang::En.plain_number(72.5), "72.5");
    assert_eq!(Lang::Id.plain_number(80.0), "80");
}

#[test]
fn dates_are_written_in_words() {
    assert_eq!(Lang::Id.date("2020-11-27"), "27 November 2020");
    assert_eq!(Lang::Id.date("2021-08-01"), "1 Agustus 2021");
    assert_eq!(Lang::En.date("2021-08-01"), "1 August 2021");
    assert_eq!(Lang::En.date("not a date"), "not a date");
}

#[test]
fn sizes_and_times_follow_the_locale() {
    assert_eq!(Lang::Id.size(12_345_678), "12,3 MB");
    assert_eq!(Lang::En.size(52_428_800), "52.4 MB");
    assert_eq!(Lang::En.size(999), "999 B");
    assert_eq!(Lang::Id.date_time(2026, 11, 27, 9, 5), "27 November 2026 09.05");
    assert_eq!(Lang::En.date_time(2026, 11, 27, 9, 5), "27 November 2026 09:05");
    // The presenter's clock and the time since the start, written the same way.
    assert_eq!(Lang::Id.time(20, 7), "20.07");
    assert_eq!(Lang::En.time(20, 7), "20:07");
    assert_eq!(Lang::Id.duration(3_723), "01.02.03");
    assert_eq!(Lang::En.duration(59), "00:00:59");
}

#[test]
fn field_names_are_translated_and_unknown_ones_kept() {
    assert_eq!(Lang::Id.field("agency"), "OPD");
    assert_eq!(Lang::En.field("postponed_to"), "Postponed to");
    assert_eq!(Lang::En.field("risk_level"), "risk_level");
}

#[test]
fn language_codes() {
    assert_eq!(Lang::from_code("EN"), Some(Lang::En));
    assert_eq!(Lang::from_code("id"), Some(Lang::Id));
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(Lang::default(), Lang::Id);
}

#[test]
fn problems_name_the_place_in_both_languages() {
    let error = FormatError::new(
        "programs[12].status",
        Problem::UnknownValue { found: "selesai".into(), allowed: "done, running".into() },
    );
    assert_eq!(
        Lang::En.problem(&error),
        "Program 13 · Status (programs[12].status): \"selesai\" is not one of done, running."
    );
    assert_eq!(
        Lang::Id.problem(&error),
        "Program ke-13 · Status (programs[12].status): \"selesai\" bukan salah satu dari done, running."
    );
    let sub = FormatError::new(
        "programs[0].subdimension",
        Problem::SubdimensionOfOtherDimension {
            subdimension: SubDimension::Waste,
            dimension: masterplan_tracker::format::Dimension::Living,
        },
    );
    assert!(Lang::En.problem(&sub).contains("belongs to Smart Environment, not to Smart Living"));
    let wrong = masterplan_tracker::format::Dataset::parse(
        r#"{"format":"smart-city-masterplan","version":1,"plan":{"city":"X"},"programs":[
            {"id":"A","name":"A","dimension":"economy","status":"done","progress":"half"}]}"#,
    )
    .unwrap_err();
    let id = Lang::Id.problem(&wrong.errors[0]);
    assert!(
        id.starts_with("Program ke-1 · Kemajuan (%) (programs[0].progress): harus berupa bilangan bulat, bukan teks"),
        "{id}"
    );
    let en = Lang::En.problem(&wrong.errors[0]);
    assert!(
        en.starts_with("Program 1 · Progress (%) (programs[0].progress): must be a whole number, not text"),
        "{en}"
    );
    let whole = FormatError::new("", Problem::EmptyFile);
    assert_eq!(Lang::Id.problem(&whole), "berkas: berkas kosong.");
}

#[test]
fn every_subdimension_belongs_to_one_dimension() {
    for sub in SubDimension::ALL {
        assert!(!Lang::Id.subdimension(sub).is_empty());
    }
    assert_eq!(SubDimension::Energy.dimension(), masterplan_tracker::format::Dimension::Environment);
    assert_eq!(SubDimension::PublicService.dimension(), masterplan_tracker::format::Dimension::Governance);
}

#[test]
fn dates_are_typed_day_first_or_by_month_name_and_impossible_ones_are_refused() {
    use masterplan_tracker::i18n::DateProblem;
    for lang in Lang::ALL {
        for typed in
            ["28/11/2026", "28-11-2026", "28.11.2026", " 28/11/2026 ", "28 November 2026", "28 Nov 2026", "2026-11-28"]
        {
            assert_eq!(lang.read_date(typed).as_deref(), Ok("2026-11-28"), "{typed}");
        }
        assert_eq!(lang.read_date("1 Agustus 2021").as_deref(), Ok("2021-08-01"));
        assert_eq!(lang.read_date("1 aug 2021").as_deref(), Ok("2021-08-01"));
        assert_eq!(lang.read_date("29/02/2024").as_deref(), Ok("2024-02-29"), "a leap day");
        assert_eq!(lang.read_date("29/02/2023"), Err(DateProblem::NoSuchDay));
        assert_eq!(lang.read_date("31/04/2026"), Err(DateProblem::NoSuchDay));
        assert_eq!(lang.read_date("0/1/2026"), Err(DateProblem::NoSuchDay));
        assert_eq!(lang.read_date("202021-11-28"), Err(DateProblem::NotADate), "a six-digit year");
        assert_eq!(lang.read_date("28/11/202021"), Err(DateProblem::NotADate));
        assert_eq!(lang.read_date("28/11/26"), Err(DateProblem::NotADate), "the century is not guessed");
        assert_eq!(lang.read_date("besok"), Err(DateProblem::NotADate));
        assert_eq!(lang.read_date(""), Err(DateProblem::NotADate));
        assert_eq!(lang.read_date("28/13/2026"), Err(DateProblem::NoSuchDay), "no thirteenth month");
        assert_eq!(lang.read_date("01/01/1850"), Err(DateProblem::YearOutOfRange { year: 1850 }));
        assert_eq!(lang.date_field("2026-11-28"), "28/11/2026");
        assert_eq!(lang.read_date(&lang.date_field("2021-08-01")).as_deref(), Ok("2021-08-01"), "shown, read back");
    }
    assert_eq!(Lang::Id.date_problem("31/02/2021", &DateProblem::NoSuchDay), "31/02/2021 tidak ada di kalender.");
    assert_eq!(
        Lang::En.date_problem("202021-11-28", &DateProblem::NotADate),
        "“202021-11-28” is not a date; write it as DD/MM/YYYY, for example 28/11/2026."
    );
}

#[test]
fn a_place_in_a_file_is_said_as_record_and_field_with_the_path_as_a_detail() {
    let error = FormatError::new("programs[2].status", Problem::Missing);
    assert_eq!(Lang::Id.place(&error.path), "Program ke-3 · Status (programs[2].status)");
    assert_eq!(Lang::En.place("agencies[0].name"), "Agency 1 · Agency name (agencies[0].name)");
    assert_eq!(Lang::En.place("evaluations[1].date"), "Evaluation round 2 · Date (evaluations[1].date)");
    assert_eq!(Lang::Id.place("plan.city"), "Rencana induk · Kota/kabupaten (plan.city)");
    assert_eq!(Lang::En.place("version"), "version", "a field of the file without a label: its name once");
    assert_eq!(
        Lang::Id.place("evaluations[0].scores.impact"),
        "Putaran evaluasi ke-1 · Nilai Dampak (evaluations[0].scores.impact)"
    );
    assert_eq!(
        Lang::En.place("programs[1].locations[2]"),
        "Program 2 · Locations (programs[1].locations[2])".replace("Locations", Lang::En.field("locations"))
    );
    assert_eq!(Lang::En.place("programs[x].status"), "programs[x].status", "a path it cannot read stays as it is");
    assert!(Lang::Id.problem(&error).starts_with("Program ke-3 · Status (programs[2].status): "));
    // Beside a form's field, only the field's label: the form says which record it edits.
    assert_eq!(
        Lang::Id.field_problem(&FormatError::new("evaluations[1].label", Problem::EmptyText)),
        "Label: tidak boleh kosong."
    );
    assert_eq!(
        Lang::En.field_problem(&FormatError::new(
            "scores.impact",
            Problem::Negative { found: serde_json::json!(-5).as_number().unwrap().clone() }
        )),
        "Score Impact: -5 is below zero; scores and weights cannot be negative."
    );
}
