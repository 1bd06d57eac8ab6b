//! Native tests of exchanging data: the diff shown before an import, merging by id, backups, CSV and
//! XLSX, share links and packing.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;

use masterplan_tracker::backups::{Backup, BackupReason, Backups, KEEP};
use masterplan_tracker::compress::{Effort, UnpackError, pack, unpack};
use masterplan_tracker::diff::{DatasetDiff, merge};
use masterplan_tracker::format::{Cell, Dataset, Problem, Status};
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::import::{looks_like_csv, preview};
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::share_link::{LinkError, MAX_LINK_CHARS, link_for, text_in_fragment};
use masterplan_tracker::spreadsheet::{Delimiter, from_csv, to_csv, to_xlsx};
use masterplan_tracker::storage::envelope::Origin;

const FIXTURE: &str = include_str!("fixtures/kota-contoh.masterplan.json");

fn fixture() -> Dataset {
    Dataset::parse(FIXTURE).unwrap().dataset
}

#[test]
fn the_diff_names_added_removed_and_changed_programs_with_their_fields() {
    let current = fixture();
    let mut incoming = fixture();
    incoming.programs.retain(|p| p.id != "SE-02");
    incoming.programs[0].status = Status::Running;
    incoming.programs[0].notes = None;
    let mut new = incoming.programs[1].clone();
    new.id = "SS-09".into();
    incoming.programs.push(new);
    incoming.agencies[0].name = "Diskominfo baru".into();
    incoming.plan.title = Some("Judul baru".into());
    let diff = DatasetDiff::between(&current, &incoming);
    assert_eq!(diff.programs.added, [("SS-09".to_owned(), "QRIS".to_owned())]);
    assert_eq!(diff.programs.removed, [("SE-02".to_owned(), "Pasar digital".to_owned())]);
    assert_eq!(diff.programs.changed.len(), 1);
    assert_eq!(diff.programs.changed[0].id, "SG-01");
    assert_eq!(diff.programs.changed[0].fields, ["status", "notes"]);
    assert_eq!(diff.agencies.changed[0].fields, ["name"]);
    assert_eq!(diff.plan, ["title"]);
    assert!(diff.evaluations.is_empty());
    assert!(DatasetDiff::between(&current, &current).is_empty());
}

#[test]
fn merging_keeps_local_programs_and_lets_the_file_win() {
    let current = fixture();
    let mut incoming = fixture();
    incoming.plan.city = "Kota Lain".into();
    incoming.programs.truncate(1);
    incoming.programs[0].name = "Nama baru".into();
    let mut extra = incoming.programs[0].clone();
    extra.id = "NEW-1".into();
    incoming.programs.push(extra);
    incoming.evaluations.clear();
    let merged = merge(&current, &incoming);
    let ids: Vec<&str> = merged.programs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["SG-01", "SE-01", "SE-02", "SL-01", "SV-01", "NEW-1"]);
    assert_eq!(merged.programs[0].name, "Nama baru");
    assert_eq!(merged.plan.city, "Kota Lain");
    assert_eq!(merged.evaluations.len(), 1, "rounds only in the browser stay");
    let diff = DatasetDiff::between(&current, &incoming);
    let p = preview(&incoming.to_file_json(), Some("x.json"), &current).unwrap();
    assert_eq!(p.programs_after_merge(current.programs.len()), merged.programs.len());
    assert_eq!(diff.programs.added.len(), 1);
}

#[test]
fn backups_keep_the_newest_five_and_read_back() {
    let mut backups = Backups::default();
    let dataset = fixture();
    let mut let_go = Vec::new();
    let mut ids = Vec::new();
    for i in 0..7u64 {
        let id = backups.next_id(1000);
        assert!(backups.get(id).is_none());
        ids.push(id);
        let_go.extend(backups.push(Backup::of(
            &dataset,
            Origin::Sample,
            BackupReason::BeforeImport { file: format!("f{i}.json") },
            id,
            "2026-11-27T10:00:00Z".into(),
        )));
    }
    assert_eq!(backups.list().len(), KEEP);
    assert_eq!(let_go, ids[..2], "the two oldest go, to be deleted from storage");
    let newest = backups.newest().unwrap();
    assert_eq!(newest.reason, BackupReason::BeforeImport { file: "f6.json".into() });
    assert_eq!(newest.programs, 5);
    assert_eq!(newest.city, "Kota Contoh");
    assert_eq!(newest.dataset().unwrap().dataset, dataset);
    let stored = serde_json::to_string(&backups).unwrap();
    let back: Backups = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, backups);
    assert!(newest.stored_size() < FIXTURE.len(), "backups are packed");
    let oldest_kept = ids[2];
    assert_eq!(backups.drop_oldest(Some(oldest_kept)), Some(ids[3]), "the protected backup stays");
    assert_eq!(backups.drop_oldest(None), Some(oldest_kept));
    assert_eq!(backups.list().len(), KEEP - 2);
    assert_eq!(Backups::from_list(backups.list().iter().rev().cloned().collect()), backups, "newest first");
}

#[test]
fn packing_round_trips_and_refuses_damage() {
    let text = sample_dataset().to_file_json();
    let packed = pack(&text, Effort::Smallest);
    assert!(packed.len() * 5 < text.len(), "{} vs {}", packed.len(), text.len());
    let quick = pack(&text, Effort::Fast);
    assert!(quick.len() * 4 < text.len(), "{} vs {}", quick.len(), text.len());
    assert_eq!(unpack(&quick).unwrap(), text);
    assert!(packed.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(unpack(&packed).unwrap(), text);
    assert_eq!(unpack("not base64!"), Err(UnpackError::NotBase64));
    // Cut on a whole base64 group, so that what is damaged is the deflate stream itself.
    assert_eq!(unpack(&packed[..packed.len() / 8 * 4]), Err(UnpackError::NotDeflate));
}

#[test]
fn share_links_carry_the_dataset_in_the_fragment() {
    let dataset = sample_dataset();
    let link = link_for("https://kota.example/masterplan/?lang=en#old", &dataset).unwrap();
    assert!(link.starts_with("https://kota.example/masterplan/?lang=en#data=1."));
    assert!(link.chars().count() <= MAX_LINK_CHARS);
    let fragment = link.split_once('#').unwrap().1;
    let text = text_in_fragment(fragment).unwrap().unwrap();
    let back = Dataset::parse(&text).unwrap().dataset;
    assert_eq!(back, dataset);
    assert!(text_in_fragment("section-2").is_none());
    assert!(matches!(text_in_fragment("data=1.AAAA"), Some(Err(LinkError::Damaged(_)))));
}

#[test]
fn a_dataset_too_large_for_a_link_is_refused_with_its_length() {
    let mut dataset = sample_dataset();
    // Text that does not compress: a link cannot carry it.
    let mut seed: u64 = 42;
    for program in &mut dataset.programs {
        let noise: String = (0..600)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'a' + (seed >> 59) as u8 % 26)
            })
            .collect();
        program.notes = Some(noise);
    }
    match link_for("https://x.example/", &dataset) {
        Err(LinkError::TooLong { chars, max }) => assert!(chars > max),
        other => panic!("{:?}", other.map(|link| link.len())),
    }
}

#[test]
fn csv_round_trips_the_programs_in_both_separators() {
    let dataset = fixture();
    for (lang, delimiter) in
        [Lang::Id, Lang::En].into_iter().flat_map(|l| [(l, Delimiter::Comma), (l, Delimiter::Semicolon)])
    {
        let csv = to_csv(&dataset, delimiter, lang);
        assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
        let header = csv.lines().next().unwrap();
        assert!(header.starts_with("\u{feff}ID"));
        assert!(header.contains(lang.field("dimension")), "heads in the language: {header}");
        assert!(header.ends_with("risk_level"), "unknown fields get columns: {header}");
        assert!(looks_like_csv(&csv, Some("kota.programs.csv")));
        assert!(looks_like_csv(&csv, None));
        let back = from_csv(&csv, &dataset).unwrap().dataset;
        assert_eq!(back, dataset, "{lang:?} {delimiter:?}");
    }
}

#[test]
fn csv_reads_what_spreadsheets_write() {
    let base = fixture();
    let csv = "nomor;name;dimension;status\n";
    let refusal = from_csv(csv, &base).unwrap_err();
    assert_eq!(refusal.errors[0].problem, Problem::MissingColumn { column: "id".into() });
    assert_eq!(refusal.errors[0].cell, Some(Cell { sheet: None, row: 1, column: "id".into() }));

    let csv = "id;name;dimension;status;quick_win;budget_planned;apps\n\
               A-1;Satu;economy;running;Ya;150.000.000;SiKancil; Tanjak\n\
               ;;;;;;\n\
               A-2;Dua;living;done;tidak;;\n";
    let dataset = from_csv(csv, &base).unwrap().dataset;
    assert_eq!(dataset.programs.len(), 2);
    assert!(dataset.programs[0].quick_win);
    assert_eq!(dataset.programs[0].budget_planned, Some(150_000_000));
    assert_eq!(dataset.programs[0].apps, ["SiKancil"], "the separator splits the row, so the cell holds one app");
    assert_eq!(dataset.plan, base.plan, "a CSV of programs keeps the current plan");
    assert_eq!(dataset.agencies, base.agencies);
}

#[test]
fn csv_errors_name_the_row_and_the_column() {
    let base = fixture();
    let csv = "id,name,dimension,status,progress,rpjmd\n\
               A-1,Satu,economy,running,50,true\n\
               A-2,Dua,living,tertunda,10,false\n\
               A-3,Tiga,living,done,banyak,mungkin\n";
    let refusal = from_csv(csv, &base).unwrap_err();
    let first = &refusal.errors[0];
    assert_eq!(first.cell, Some(Cell { sheet: None, row: 3, column: "status".into() }));
    assert_eq!(first.path, "programs[1].status");
    let message = Lang::Id.problem(first);
    assert!(message.starts_with("baris 3, kolom \"status\" (programs[1].status): \"tertunda\""), "{message}");
    let en = Lang::En.problem(first);
    assert!(en.starts_with("row 3, column \"status\""), "{en}");
    let csv = "id,name,dimension,status,progress\nA-3,Tiga,living,done,banyak\n";
    let refusal = from_csv(csv, &base).unwrap_err();
    assert_eq!(refusal.errors[0].cell, Some(Cell { sheet: None, row: 2, column: "progress".into() }));
    assert!(from_csv("\u{feff}", &base).is_err());
}

#[test]
fn the_workbook_has_a_programs_sheet_and_a_summary() {
    let bytes = to_xlsx(&sample_dataset(), Lang::Id, "2026-11-27").unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut text).unwrap();
        text
    };
    for name in ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
        assert!(part(name).starts_with("<?xml"), "{name}");
    }
    let workbook = part("xl/workbook.xml");
    for sheet in ["Program", "OPD", "Ringkasan"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}: {workbook}");
    }
    let programs = part("xl/worksheets/sheet1.xml");
    for text in ["Sudah berjalan", "SiKancil", "Smart Governance", "Dinas Kependudukan dan Pencatatan Sipil"] {
        assert!(programs.contains(text), "{text}");
    }
    // 21 fields and the agency's short name beside its name: A to V.
    assert!(programs.contains(r#"<autoFilter ref="A1:V132"/>"#));
    let agencies = part("xl/worksheets/sheet2.xml");
    assert!(agencies.contains("Nama OPD") && agencies.contains("disdukcapil"), "agencies by id and name");
    assert!(agencies.contains("Singkatan OPD") && agencies.contains("Disdukcapil"), "and by short name");
    let summary = part("xl/worksheets/sheet3.xml");
    for text in ["Kota Tanjungpinang", "27 November 2026", "<v>79</v>", "<v>131</v>", "<v>0.6031</v>"] {
        assert!(summary.contains(text), "{text}");
    }
}

#[test]
fn synthetic_datasets_are_valid_and_deterministic() {
    use masterplan_tracker::generate::synthetic_dataset;
    let a = synthetic_dataset(2_000, 7);
    assert_eq!(a, synthetic_dataset(2_000, 7));
    assert_ne!(a, synthetic_dataset(2_000, 8));
    let checked = Dataset::parse(&a.to_file_json()).unwrap();
    assert!(checked.warnings.is_empty());
    assert_eq!(checked.dataset.programs.len(), 2_000);
}

#[test]
fn the_workbook_carries_every_scored_rounds_scores_weights_and_contributions() {
    let mut dataset = sample_dataset();
    let n = |v: f64| serde_json::Number::from_f64(v);
    dataset.evaluations[0].scores = Some(masterplan_tracker::format::Aspects {
        baseline: n(3.0),
        output: n(2.5),
        outcome: n(3.5),
        impact: n(3.0),
        quick_win: n(2.0),
        extra: Default::default(),
    });
    dataset.evaluations[0].scale_max = Some(4.into());
    let bytes = to_xlsx(&dataset, Lang::En, "2026-11-27").unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        archive.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut text).unwrap();
        text
    };
    assert!(part("xl/workbook.xml").contains("name=\"Scores\""));
    let scores = part("xl/worksheets/sheet4.xml");
    for text in
        ["Aspect", "Score", "Weight", "Contribution to the index", "Scale maximum", "Output", "Achievement index"]
    {
        assert!(scores.contains(text), "{text}: {scores}");
    }
    // Output: 2.5 with the default weight 20 adds 0.5; the index is 3·0.1 + 2.5·0.2 + 3.5·0.3 + 3·0.3 + 2·0.1.
    assert!(scores.contains("<v>2.5</v>") && scores.contains("<v>20</v>") && scores.contains("<v>0.5</v>"));
    assert!(scores.contains("<v>2.95</v>"), "{scores}");
    assert!(scores.contains("<v>4</v>"), "the scale's top");
}
