//! End-to-end journeys of a city's own plan in the release build: a new plan from the first visit and its
//! first program, in both languages; the template downloaded, filled in by a spreadsheet library and
//! imported; the app's own workbook changed in a spreadsheet library and imported with the change; a CSV as
//! Excel set to Indonesian saves it; refusals naming the sheet, the row and the column head.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use e2e::browser::Browser;
use rust_xlsxwriter::Workbook;

/// A sheet of a workbook as rows of text, read by calamine (not the app's own reader).
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = workbook.worksheet_range(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    range.rows().map(|row| row.iter().map(Data::to_string).collect()).collect()
}

/// Writes sheets of rows into a new workbook, numbers as numbers, as a person's spreadsheet holds them.
fn workbook(sheets: &[(&str, Vec<Vec<String>>)], path: &Path) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell.parse::<f64>() {
                    Ok(n) if !cell.is_empty() && r > 0 => sheet.write_number(r, c, n).map(drop).unwrap(),
                    _ if cell.is_empty() => {}
                    _ => sheet.write_string(r, c, cell).map(drop).unwrap(),
                }
            }
        }
    }
    book.save(path).unwrap();
}

fn temp_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("masterplan-e2e-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

async fn start_a_plan(browser: &Browser, city: &str) {
    browser.click("start-new-plan").await;
    browser.wait_for("new-plan-city").await.send_keys(city).await.unwrap();
    browser.wait_for("new-plan-province").await.send_keys("Kepulauan Riau").await.unwrap();
    browser.wait_for("new-plan-start-year").await.send_keys("2025").await.unwrap();
    browser.wait_for("new-plan-end-year").await.send_keys("2029").await.unwrap();
    browser.click("new-plan-create").await;
    browser.wait_text("city-name", city).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_plan_from_the_first_visit_then_its_first_program() {
    let browser = Browser::start().await;
    browser.open("").await;
    let start = browser.text("start").await;
    assert!(start.contains("Mulai rencana kota saya") && start.contains("Jelajahi contoh Tanjungpinang"), "{start}");
    start_a_plan(&browser, "Kota Batam").await;
    assert_eq!(browser.text("program-count").await, "0");
    assert!(!browser.exists("sample-notice").await, "a plan of one's own has no sample notice");
    let next = browser.text("next-steps").await;
    assert!(next.contains("Tambah program pertama") && next.contains("Smart Living"), "{next}");
    browser.click("next-add-program").await;
    browser.wait_for("program-form").await;
    browser.wait_for("program-field-name").await.send_keys("Kartu layanan warga").await.unwrap();
    browser.click("program-save").await;
    browser.wait_text("register-shown-count", "Menampilkan 1 dari 1").await;
    browser.open("").await;
    assert_eq!(browser.text("city-name").await, "Kota Batam", "the plan survives a reload");
    assert_eq!(browser.text("program-count").await, "1");
    let in_panel = browser
        .eval("return !!document.querySelector('[data-testid=start]').closest('[data-testid=start-again]')")
        .await;
    assert_eq!(in_panel, true, "the choice is not on top any more, but in the data panel");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_plan_in_english_and_back_to_the_example() {
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    assert!(browser.text("start").await.contains("Start my city's plan"));
    start_a_plan(&browser, "Kota Padang").await;
    assert!(browser.text("next-steps").await.contains("Add the first program"));
    assert!(browser.text("toast").await.contains("The plan of Kota Padang is started"));
    // From the data panel, the example again: the plan is kept as a backup.
    browser.open_details("start-again").await;
    browser.click("start-example").await;
    browser.wait_text("city-name", "Kota Tanjungpinang").await;
    assert!(browser.text("backup-list").await.contains("Kota Padang"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_template_filled_in_by_a_spreadsheet_is_imported() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.click("template-csv").await;
    let csv = browser.downloaded("templat-program-masterplan.csv").await;
    assert!(csv.starts_with("\u{feff}ID;Nama program;Dimensi;"), "{csv}");

    browser.click("template-xlsx").await;
    let template = browser.downloaded_bytes("templat-program-masterplan.xlsx").await;
    let heads = sheet(&template, "Program").remove(0);
    let mut agencies = sheet(&template, "OPD");
    assert_eq!(agencies.len(), 5, "the heads and the example's four agencies");
    let column = |head: &str| heads.iter().position(|h| h == head).unwrap_or_else(|| panic!("{head} in {heads:?}"));
    let row = |id: &str, name: &str, dimension: &str, status: &str, agency: &str, year: &str| {
        let mut cells = vec![String::new(); heads.len()];
        for (head, value) in [
            ("ID", id),
            ("Nama program", name),
            ("Dimensi", dimension),
            ("Status", status),
            ("OPD", agency),
            ("Tahun target", year),
            ("Quick win", "Ya"),
        ] {
            cells[column(head)] = value.to_owned();
        }
        cells
    };
    let programs = vec![
        heads.clone(),
        row("K-01", "Satu data kota", "Smart Governance", "Sudah berjalan", "Badan Riset Daerah", "2026"),
        row("K-02", "Pasar rakyat daring", "Smart Economy", "Dalam pembahasan", &agencies[1][1].clone(), "2027"),
    ];
    agencies.push(vec![String::new(), "Badan Riset Daerah".to_owned()]);
    let filled = temp_file("templat-terisi.xlsx");
    workbook(&[("Program", programs), ("OPD", agencies)], &filled);
    browser.import(&filled).await;
    browser.wait_for("import-preview").await;
    assert_eq!(browser.text("import-diff-programs").await, "Program: 2 baru, 131 dihapus, 0 berubah");
    browser.click("import-replace").await;
    browser.wait_text("program-count", "2").await;
    assert_eq!(browser.text("status-count-running").await, "1");
    assert_eq!(browser.text("status-count-discussion").await, "1");
    browser.open("?view=register&q=satu").await;
    let row = browser.text_css("[data-program-id=\"K-01\"]").await;
    assert!(row.contains("Badan Riset Daerah"), "the new agency of the agencies sheet: {row}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_apps_workbook_changed_in_a_spreadsheet_imports_with_the_change() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.click("export-xlsx").await;
    let exported = browser.downloaded_bytes("Kota Tanjungpinang.xlsx").await;
    let mut rows = sheet(&exported, "Program");
    let heads = rows[0].clone();
    let (id, status, name) = (0, heads.iter().position(|h| h == "Status").unwrap(), 1);
    let qris = rows.iter().position(|r| r[id] == "ECO-01").unwrap();
    rows[qris][status] = "Selesai".to_owned();
    rows[qris][name] = format!("{} (diperbarui)", rows[qris][name]);
    let summary = sheet(&exported, "Ringkasan");
    let changed = temp_file("Kota Tanjungpinang diubah.xlsx");
    workbook(&[("Program", rows), ("Ringkasan", summary)], &changed);
    browser.import(&changed).await;
    browser.wait_for("import-preview").await;
    assert_eq!(browser.text("import-diff-programs").await, "Program: 0 baru, 0 dihapus, 1 berubah");
    browser.click("import-replace").await;
    browser.wait_text("status-count-done", "1").await;
    browser.open("?view=register&q=ECO-01").await;
    assert!(browser.text_css("[data-program-id=\"ECO-01\"]").await.contains("(diperbarui)"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_as_excel_set_to_indonesian_saves_it_imports() {
    let browser = Browser::start().await;
    browser.open("").await;
    let csv = temp_file("program kota.csv");
    std::fs::write(
        &csv,
        "\u{feff}ID;Nama program;Dimensi;Status;Quick win;Aplikasi\r\n\
         A-1;Kartu warga;Smart Society;Sudah berjalan;Ya;\"SiWarga; SiKancil\"\r\n\
         A-2;Bank sampah;Smart Environment;Belum dilaksanakan;Tidak;\r\n",
    )
    .unwrap();
    browser.import(&csv).await;
    browser.wait_for("import-preview").await;
    browser.click("import-replace").await;
    browser.wait_text("program-count", "2").await;
    assert_eq!(browser.text("status-count-not_started").await, "1");
    browser.click("export-csv").await;
    let back = browser.downloaded("Kota Tanjungpinang.programs.csv").await;
    assert!(back.contains("A-1;Kartu warga;Smart Society;"), "exported in the same words: {back}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_spreadsheets_name_the_sheet_the_row_and_the_head() {
    let browser = Browser::start().await;
    let refused = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/program-refused.xlsx");
    for (lang, expected) in [
        ("", "lembar \"Program\", baris 3, kolom \"Status\""),
        ("?lang=en", "sheet \"Program\", row 3, column \"Status\""),
    ] {
        browser.open(lang).await;
        browser.import(&refused).await;
        let error = browser.text("import-error").await;
        assert!(error.contains(expected) && error.contains("Selesai sebagian"), "{error}");
        assert_eq!(browser.text("program-count").await, "131", "nothing changed");
    }
    browser.close().await;
}
