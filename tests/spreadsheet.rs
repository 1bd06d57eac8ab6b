//! Native tests of spreadsheets in people's words: column heads and values in Indonesian, in English or
//! as the format's codes; CSV as Excel set to Indonesian writes it; the app's own workbook read back; the
//! template; workbooks written by LibreOffice and by a spreadsheet library; refusals naming the sheet, the
//! row and the head.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Cell, Dataset, Dimension, Horizon, Problem, Status, SubDimension};
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::import::{decode_text, preview_file};
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::spreadsheet::{Delimiter, from_csv, from_xlsx, template_csv, template_xlsx, to_csv, to_xlsx};

fn fixture() -> Dataset {
    Dataset::parse(include_str!("fixtures/kota-contoh.masterplan.json")).unwrap().dataset
}

#[test]
fn heads_and_values_are_read_in_either_language_or_as_codes() {
    let base = fixture();
    let agency = &base.agencies[0];
    let indonesian = format!(
        "\u{feff}ID;Nama program;Dimensi;Subdimensi;Status;OPD;Quick win;Jangka waktu;Progres (%);RPJMD\n\
         A-1;Satu;{};{};{};{};Ya;{};40;Tidak\n",
        Lang::Id.dimension(Dimension::Economy),
        Lang::Id.subdimension(SubDimension::ALL[6]),
        Lang::Id.status(Status::Running),
        agency.name,
        Lang::Id.horizon(Horizon::Medium),
    );
    let english = format!(
        "id,program name,dimension,sub-dimension,STATUS,agency,quick win,horizon,progress,rpjmd\n\
         A-1,Satu,{},{},{},{},yes,{},40,no\n",
        Lang::En.dimension(Dimension::Economy),
        Lang::En.subdimension(SubDimension::ALL[6]),
        Lang::En.status(Status::Running),
        agency.id,
        Lang::En.horizon(Horizon::Medium),
    );
    let codes = format!(
        "id,name,dimension,subdimension,status,agency,quick_win,horizon,progress,rpjmd\n\
         A-1,Satu,economy,{},running,{},true,medium,40,false\n",
        SubDimension::ALL[6].code(),
        agency.id,
    );
    let read: Vec<Dataset> =
        [indonesian, english, codes].iter().map(|csv| from_csv(csv, &base).unwrap().dataset).collect();
    let program = &read[0].programs[0];
    assert_eq!((program.dimension, program.status), (Dimension::Economy, Status::Running));
    assert_eq!(program.subdimension, Some(SubDimension::ALL[6]));
    assert_eq!((program.agency.as_deref(), program.quick_win), (Some(agency.id.as_str()), true));
    assert_eq!((program.horizon, program.progress, program.rpjmd), (Some(Horizon::Medium), Some(40), Some(false)));
    assert_eq!(read[0].programs, read[1].programs, "English heads and values read the same");
    assert_eq!(read[0].programs, read[2].programs, "the format's codes read the same");
}

#[test]
fn a_csv_as_excel_set_to_indonesian_saves_it_imports() {
    let base = sample_dataset();
    // Semicolons, Indonesian heads and labels, and Windows-1252 bytes (é as 0xE9), as "CSV (dipisahkan koma)".
    let mut bytes =
        b"ID;Nama program;Dimensi;Status;Catatan\r\nX-1;Kaf\xe9 digital;Smart Economy;Sudah berjalan;uji\r\n".to_vec();
    bytes.extend_from_slice(b"X-2;Pasar;Smart Economy;Belum dilaksanakan;\r\n");
    let preview = preview_file(&bytes, "program.csv", &base).unwrap();
    let programs = &preview.checked.dataset.programs;
    assert_eq!(programs[0].name, "Kafé digital", "Windows-1252 read as such");
    assert_eq!((programs[0].status, programs[1].status), (Status::Running, Status::NotStarted));
    assert_eq!(decode_text("\u{feff}Kafé".as_bytes()), "Kafé", "UTF-8, its byte-order mark dropped");
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("Kafé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(decode_text(&utf16), "Kafé", "UTF-16 as Excel's Unicode text");
    let json = format!("\u{feff}{}", include_str!("fixtures/kota-contoh.masterplan.json"));
    assert!(preview_file(json.as_bytes(), "kota.json", &base).is_ok(), "a dataset file with a byte-order mark");
    let xls = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    let refused = preview_file(&xls, "program.xls", &base).unwrap_err();
    assert!(Lang::Id.problem(&refused.errors[0]).contains("Simpan berkas sebagai Buku Kerja Excel (.xlsx)"));
}

#[test]
fn the_apps_own_workbook_reads_back_equal_in_both_languages() {
    let dataset = fixture();
    for lang in [Lang::Id, Lang::En] {
        let bytes = to_xlsx(&dataset, lang, "2026-11-28").unwrap();
        let back = from_xlsx(&bytes, &dataset).unwrap().dataset;
        assert_eq!(back, dataset, "{lang:?}");
    }
    let sample = sample_dataset();
    let back = from_xlsx(&to_xlsx(&sample, Lang::Id, "2026-11-28").unwrap(), &sample).unwrap().dataset;
    assert_eq!(back, sample, "131 programs, every field the sample fills");
}

#[test]
fn the_template_has_the_heads_the_lists_and_the_agencies() {
    let dataset = sample_dataset();
    let bytes = template_xlsx(&dataset, Lang::Id).unwrap();
    let read = from_xlsx(&bytes, &dataset).unwrap().dataset;
    assert!(read.programs.is_empty(), "an empty programs sheet");
    assert_eq!(read.agencies, dataset.agencies);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let workbook = part("xl/workbook.xml");
    for sheet in ["Petunjuk", "Program", "OPD"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}: {workbook}");
    }
    assert!(workbook.contains(r#"name="Daftar" sheetId="4" state="hidden""#), "the lists stay out of sight");
    let programs = part("xl/worksheets/sheet2.xml");
    let lists = programs.matches(r#"<dataValidation type="list""#).count();
    assert_eq!(lists, 8, "dimension, sub-dimension, status, agency, quick win, horizon, RPJMD, Renstra");
    let wholes = programs.matches(r#"<dataValidation type="whole""#).count();
    assert_eq!(wholes, 4, "three years and the progress, whole numbers in range");
    assert!(programs.contains("'OPD'!$B$2:$B$501"), "agencies by name, from their sheet");
    let instructions = part("xl/worksheets/sheet1.xml");
    assert!(instructions.contains("Perizinan daring terpadu"), "an example row");
    let csv = template_csv(Lang::Id);
    assert!(csv.starts_with("\u{feff}ID;Nama program;"), "{csv}");
    assert!(template_csv(Lang::En).starts_with("\u{feff}ID,Program name,"));
    assert_eq!(Delimiter::of_language(Lang::Id), Delimiter::Semicolon);
    let round = to_csv(&dataset, Delimiter::of_language(Lang::Id), Lang::Id);
    assert_eq!(from_csv(&round, &dataset).unwrap().dataset, dataset, "the Indonesian CSV imports back unchanged");
}

#[test]
fn workbooks_from_libreoffice_and_a_spreadsheet_library_read() {
    let base = fixture();
    for (file, writer) in [
        (&include_bytes!("fixtures/program-libreoffice.xlsx")[..], "LibreOffice"),
        (&include_bytes!("fixtures/program-openpyxl.xlsx")[..], "openpyxl"),
    ] {
        let read = from_xlsx(file, &base).unwrap_or_else(|e| panic!("{writer}: {e}")).dataset;
        let ids: Vec<&str> = read.programs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["K-01", "K-02", "K-03"], "{writer}");
        let first = &read.programs[0];
        assert_eq!(first.name, "Layanan aduan & informasi (Lapor!)", "{writer}");
        assert_eq!((first.dimension, first.status), (Dimension::Governance, Status::Running), "{writer}");
        assert_eq!((first.target_year, first.budget_planned), (Some(2026), Some(250_000_000)), "{writer}");
        assert_eq!(first.apps, ["SiLapor", "SP4N"], "{writer}");
        assert_eq!(read.programs[2].status, Status::NotStarted, "{writer}");
        assert!(read.programs[1].quick_win, "{writer}");
    }
}

#[test]
fn numbers_and_progress_as_people_write_them() {
    use masterplan_tracker::spreadsheet::whole_number;
    let cases = [
        ("2021", 2021),
        ("2021.0", 2021),
        ("150.000.000", 150_000_000),
        ("150.000.000,00", 150_000_000),
        ("150,000,000.00", 150_000_000),
        ("1.5E+8", 150_000_000),
        ("150.000", 150_000),
    ];
    for (text, expected) in cases {
        assert_eq!(whole_number(text), Some(expected), "{text}");
    }
    assert_eq!(whole_number("1.5"), None);
    let base = fixture();
    let csv = "id;name;dimension;status;progress\nA;Satu;economy;running;40%\nB;Dua;economy;running;0.4\nC;Tiga;economy;running;1\n";
    let read = from_csv(csv, &base).unwrap().dataset;
    let progress: Vec<Option<i64>> = read.programs.iter().map(|p| p.progress).collect();
    assert_eq!(progress, [Some(40), Some(40), Some(1)], "a percentage cell holds the fraction");
}

#[test]
fn a_second_column_for_one_field_stays_a_column_of_its_own() {
    let base = fixture();
    let short = Lang::Id.horizon(Horizon::Short);
    let csv = format!("ID;Nama program;Dimensi;Status;Jangka;Jangka waktu\nA;Satu;economy;running;{short};3 bulan\n");
    let read = from_csv(&csv, &base).unwrap().dataset;
    assert_eq!(read.programs[0].horizon, Some(Horizon::Short), "the first column that names it");
    assert_eq!(read.programs[0].extra.get("Jangka waktu"), Some(&serde_json::json!("3 bulan")));
}

#[test]
fn cells_pasted_from_a_spreadsheet_are_tab_separated() {
    let base = fixture();
    let pasted = "ID\tNama program\tDimensi\tStatus\nT-1\tSatu\tSmart Economy\tSelesai\n";
    assert!(masterplan_tracker::import::looks_like_csv(pasted, None));
    let read = from_csv(pasted, &base).unwrap().dataset;
    assert_eq!(read.programs[0].status, Status::Done);
}

#[test]
fn the_separator_is_counted_outside_quoted_heads() {
    let base = fixture();
    // An unknown column whose quoted head holds more semicolons and a line break than the row has commas.
    let csv = "ID,Nama program,Dimensi,Status,\"a;b;c;d;e\nf;g\"\nT-1,Satu,Smart Economy,Selesai,x\n";
    let read = from_csv(csv, &base).unwrap().dataset;
    assert_eq!(read.programs[0].status, Status::Done);
    assert_eq!(read.programs[0].extra["a;b;c;d;e\nf;g"], "x");
}

#[test]
fn a_refused_agency_of_the_template_is_named_on_its_sheet() {
    let base = fixture();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let programs = workbook.add_worksheet().set_name("Program").unwrap();
    for (c, head) in ["ID", "Nama program", "Dimensi", "Status"].iter().enumerate() {
        programs.write_string(0, c as u16, *head).unwrap();
    }
    let agencies = workbook.add_worksheet().set_name("OPD").unwrap();
    agencies.write_string(0, 0, "ID").unwrap();
    agencies.write_string(0, 1, "Nama OPD").unwrap();
    agencies.write_string(3, 0, "baru").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let refusal = from_xlsx(&bytes, &base).unwrap_err();
    assert_eq!(refusal.errors[0].cell, Some(Cell { sheet: Some("OPD".into()), row: 4, column: "Nama OPD".into() }));
}

#[test]
fn refusals_name_the_sheet_the_row_and_the_head() {
    let base = fixture();
    let bytes = include_bytes!("fixtures/program-refused.xlsx");
    let refusal = from_xlsx(bytes, &base).unwrap_err();
    let first = &refusal.errors[0];
    assert_eq!(first.cell, Some(Cell { sheet: Some("Program".into()), row: 3, column: "Status".into() }));
    let message = Lang::Id.problem(first);
    assert!(message.starts_with("lembar \"Program\", baris 3, kolom \"Status\""), "{message}");
    let not_a_workbook = from_xlsx(b"PK\x03\x04 broken", &base).unwrap_err();
    assert!(matches!(not_a_workbook.errors[0].problem, Problem::NotWorkbook { .. }));
}

#[test]
fn agencies_short_names_ride_through_csv_and_xlsx() {
    let sample = sample_dataset();
    let shorts: Vec<_> = sample.agencies.iter().map(|a| a.short_name.clone().unwrap_or_default()).collect();
    assert_eq!(shorts, ["Disdukcapil", "Diskominfo", "DKP2KB", "DLH"], "the sample's usual acronyms");
    // A colleague's plan without the acronyms takes them from the file, in either language and either format.
    let mut without = sample.clone();
    for agency in &mut without.agencies {
        agency.short_name = None;
    }
    for lang in [Lang::Id, Lang::En] {
        let csv = to_csv(&sample, Delimiter::of_language(lang), lang);
        let heads = csv.lines().next().unwrap();
        assert!(heads.contains(lang.field("agency_short_name")), "{heads}");
        let from_csv = from_csv(&csv, &without).unwrap().dataset;
        assert_eq!(from_csv, sample, "CSV {lang:?}");
        let xlsx = to_xlsx(&sample, lang, "2026-11-28").unwrap();
        assert_eq!(from_xlsx(&xlsx, &without).unwrap().dataset, sample, "XLSX {lang:?}");
        assert_eq!(from_xlsx(&xlsx, &sample).unwrap().dataset, sample, "XLSX onto itself {lang:?}");
    }
    // Data without acronyms writes no such column, and the acronym names its agency in the agency column.
    assert!(!to_csv(&without, Delimiter::Comma, Lang::En).lines().next().unwrap().contains("short name"));
    let csv = "id;name;dimension;status;agency\nA-1;Satu;governance;running;diskominfo\nA-2;Dua;living;done;DLH\n";
    let read = from_csv(csv, &sample).unwrap().dataset;
    let agencies: Vec<_> = read.programs.iter().map(|p| p.agency.clone().unwrap()).collect();
    assert_eq!(agencies, ["diskominfo", "dlh"]);
    // A short name too long for a chart is refused at its place, from the file's row and column.
    let csv =
        "id;name;dimension;status;agency;Singkatan OPD\nA-1;Satu;governance;running;dlh;Dinas Lingkungan Hidup Kota\n";
    let refusal = from_csv(csv, &sample).unwrap_err();
    assert_eq!(refusal.errors[0].path, "agencies[3].short_name");
    assert_eq!(refusal.errors[0].problem, Problem::TooLong { chars: 27, max: 20 });
}
