//! End-to-end journeys of exchanging data with colleagues: dropping a file, the preview, merging, undoing,
//! restoring a backup, share links opened in a fresh browser, CSV and XLSX exports, refused data.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::{Browser, FIXTURE};
use serde_json::Value;

fn fixture_text() -> String {
    std::fs::read_to_string(FIXTURE).unwrap()
}

fn without_stamp(text: &str) -> Value {
    let mut value: Value = serde_json::from_str(text).expect("JSON");
    value.as_object_mut().unwrap().remove("exported_at");
    value
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_file_is_previewed_merged_undone_and_backups_restore() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.drop_file("kota-contoh.masterplan.json", &fixture_text()).await;
    browser.wait_for("import-preview").await;
    let diff = browser.text("import-diff-programs").await;
    assert_eq!(diff, "Program: 5 baru, 131 dihapus, 0 berubah");
    assert_eq!(browser.text("program-count").await, "131", "nothing changes before the choice");

    browser.click("import-merge").await;
    browser.wait_text("program-count", "136").await;
    assert_eq!(browser.text("city-name").await, "Kota Contoh");
    assert!(browser.exists("unexported-changes").await);
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=backup-item]').length").await, 1);

    browser.click("import-undo").await;
    browser.wait_text("program-count", "131").await;
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    assert!(browser.exists("sample-notice").await, "the sample is the sample again");

    // Replace with the file, then restore the backup taken before it.
    browser.drop_file("kota-contoh.masterplan.json", &fixture_text()).await;
    browser.click("import-replace").await;
    browser.wait_text("program-count", "5").await;
    let backups = browser.eval("return document.querySelectorAll('[data-testid=backup-item]').length").await;
    assert_eq!(backups, 2);
    browser.open("").await;
    assert_eq!(browser.text("program-count").await, "5", "the import survived a reload");
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=backup-item]').length").await, 2);
    browser
        .eval("document.querySelector('[data-testid=backup-item] [data-testid=backup-restore]').click(); return null")
        .await;
    browser.wait_text("program-count", "131").await;
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=backup-item]').length").await, 3);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_link_opens_in_a_fresh_browser_with_the_preview() {
    let sender = Browser::start().await;
    sender.open("").await;
    sender.import_fixture().await;
    sender.click("share-link-create").await;
    let link = sender.value("share-link-url").await;
    assert!(link.contains("#data=1."), "{link}");
    sender.close().await;

    let colleague = Browser::start().await;
    colleague.goto(&link).await;
    colleague.wait_for("import-preview").await;
    assert_eq!(colleague.text("city-name").await, "Kota Tanjungpinang", "nothing changes before the choice");
    assert!(
        !colleague.eval("return location.hash").await.as_str().unwrap().contains("data="),
        "the link leaves the address bar"
    );
    colleague.click("import-replace").await;
    colleague.wait_text("city-name", "Kota Contoh").await;
    colleague.click("export-json").await;
    let exported = colleague.downloaded("Kota Contoh.masterplan.json").await;
    assert_eq!(without_stamp(&exported), without_stamp(&fixture_text()));
    colleague.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_export_imports_back_equal_and_xlsx_downloads() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.import_fixture().await;

    browser.select("export-csv-delimiter", "semicolon").await;
    browser.click("export-csv").await;
    let csv = browser.downloaded("Kota Contoh.programs.csv").await;
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    assert!(csv.lines().next().unwrap().contains("ID;Nama program;Dimensi"), "heads in Indonesian");

    browser.import(&browser.downloads().join("Kota Contoh.programs.csv")).await;
    browser.wait_for("import-preview").await;
    assert_eq!(browser.text("import-diff-programs").await, "Program: 0 baru, 0 dihapus, 0 berubah");
    browser.click("import-replace").await;
    browser.wait_for("import-undo").await;
    browser.click("export-json").await;
    let exported = browser.downloaded("Kota Contoh.masterplan.json").await;
    assert_eq!(without_stamp(&exported), without_stamp(&fixture_text()));
    assert!(!browser.exists("unexported-changes").await, "an export clears the reminder");

    browser.click("export-xlsx").await;
    let xlsx = browser.downloaded_bytes("Kota Contoh.xlsx").await;
    assert_eq!(&xlsx[..2], b"PK");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_data_of_every_kind_changes_nothing() {
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    let dir = std::env::temp_dir().join(format!("masterplan-e2e-refused-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let csv = dir.join("programs.csv");
    std::fs::write(&csv, "id,name,dimension,status\nA-1,One,economy,running\nA-2,Two,living,finished\n").unwrap();
    browser.import(&csv).await;
    let message = browser.wait_text_contains("import-error", "row 3, column \"status\"").await;
    assert!(message.contains("\"finished\" is not one of"), "{message}");

    let big = dir.join("big.masterplan.json");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(51 * 1024 * 1024).unwrap();
    browser.import(&big).await;
    let message = browser.wait_text_contains("import-error", "over the limit").await;
    assert!(message.contains("53.5 MB") && message.contains("52.4 MB"), "{message}");

    browser
        .goto(&format!(
            "{}#data=1.AAAAbroken",
            browser.eval("return location.href.split('#')[0]").await.as_str().unwrap()
        ))
        .await;
    browser.wait_text_contains("import-error", "damaged").await;

    browser.click("import-paste-open").await;
    browser.wait_for("import-paste-text").await.send_keys("{\"format\": \"other\"}").await.unwrap();
    browser.click("import-paste-submit").await;
    browser.wait_text_contains("import-error", "not a smart-city master plan file").await;

    // Numbers out of range (the report's own example: weights of -10 and 40 that still add up to 100), each
    // refused at its place.
    let mut file: Value = serde_json::from_str(&fixture_text()).unwrap();
    file["programs"][1]["target_year"] = 2150.into();
    file["programs"][2]["budget_planned"] = (-150_000_000).into();
    file["evaluations"] = serde_json::json!([{
        "id": "2020-tahap-1", "label": "Evaluasi Tahap I", "date": "2020-11-27", "statuses": {},
        "scores": { "baseline": 70, "output": -5 },
        "weights": { "baseline": -10, "output": 40, "outcome": 30, "impact": 30, "quick_win": 10 }
    }]);
    let out_of_range = dir.join("out-of-range.masterplan.json");
    std::fs::write(&out_of_range, file.to_string()).unwrap();
    browser.import(&out_of_range).await;
    let message = browser.wait_text_contains("import-error", "programs[1].target_year").await;
    for place in [
        "Program 2 · Target year (programs[1].target_year): the year 2150 is outside 1900 to 2100",
        "Program 3 · Planned budget (Rp) (programs[2].budget_planned): -150,000,000 is below 0",
        "(evaluations[0].scores.output): -5 is below zero",
        "(evaluations[0].weights.baseline): -10 is below zero",
    ] {
        assert!(message.contains(place), "{place} in {message}");
    }

    // Pasted text has the limit of files: 51 MB pasted into the box is refused as it is pasted, and the box
    // keeps the text it had (it stayed open after the refused paste above, its text there to mend).
    browser
        .eval(
            "const data = new DataTransfer();
             data.setData('text/plain', '{' + ' '.repeat(51 * 1024 * 1024) + '}');
             document.querySelector('[data-testid=import-paste-text]')
                 .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
             return null;",
        )
        .await;
    let message = browser.wait_text_contains("import-error", "over the limit").await;
    assert_eq!(browser.value("import-paste-text").await, "{\"format\": \"other\"}");
    assert!(message.contains("53.5 MB") && message.contains("52.4 MB"), "{message}");

    assert_eq!(browser.text("program-count").await, "131");
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=backup-item]').length").await, 0);
    browser.open("").await;
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    let _ = std::fs::remove_dir_all(&dir);
    browser.close().await;
}
