//! End-to-end journeys of several cities: files added as other cities, the comparison's rows and totals,
//! switching city, removing one and undoing it, and a portfolio exported and added into a fresh browser.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::{Browser, temp_file};
use masterplan_tracker::format::Dataset;
use masterplan_tracker::generate::synthetic_dataset;
use serde_json::Value;

fn city(name: &str, province: &str, programs: usize, seed: u64) -> Dataset {
    let mut dataset = synthetic_dataset(programs, seed);
    dataset.plan.city = name.into();
    dataset.plan.province = Some(province.into());
    dataset
}

/// Adds a city's file beside the data, as a user choosing it and "add as another city" does.
async fn add_city(browser: &Browser, dataset: &Dataset) {
    let path = temp_file(&format!("{}.masterplan.json", dataset.plan.city), dataset.to_file_json().as_bytes());
    browser.click("view-overview").await;
    browser.import(&path).await;
    browser.click("import-add-city").await;
    browser.wait_for("compare-table").await;
    browser.wait_css(&format!("[data-testid=compare-city-row][data-city=\"{}\"]", dataset.plan.city)).await;
}

async fn rows(browser: &Browser) -> Vec<(String, String)> {
    let found = browser
        .eval(
            "return [...document.querySelectorAll('[data-testid=compare-city-row]')]
                .map(r => [r.getAttribute('data-city'), r.querySelector('[data-testid=compare-programs]').textContent])",
        )
        .await;
    serde_json::from_value(found).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn cities_added_beside_the_first_compare_switch_and_are_removed_and_brought_back() {
    let batam = city("Kota Batam", "Kepulauan Riau", 40, 2);
    let padang = city("Kota Padang", "Sumatera Barat", 75, 3);
    let browser = Browser::start().await;
    browser.open("").await;
    add_city(&browser, &batam).await;
    add_city(&browser, &padang).await;
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang", "the page still works on the first city");
    let found = rows(&browser).await;
    assert_eq!(
        found,
        [
            ("Kota Batam".to_owned(), "40".to_owned()),
            ("Kota Padang".to_owned(), "75".to_owned()),
            ("Kota Tanjungpinang".to_owned(), "131".to_owned())
        ]
    );
    let total = browser.text("compare-total").await;
    assert!(total.contains("Semua kota (3)") && total.contains("246"), "{total}");
    let tanjungpinang = "[data-testid=compare-city-row][data-city=\"Kota Tanjungpinang\"]";
    assert_eq!(browser.text_css(&format!("{tanjungpinang} [data-testid=compare-share-running]")).await, "60,31 %");
    assert_eq!(browser.text_css(&format!("{tanjungpinang} [data-testid=compare-count-running]")).await, "79");
    // Sorted by programs, largest first; filtered by province.
    browser.click("compare-sort-programs").await;
    browser
        .wait_until(
            "return document.querySelector('[data-testid=compare-city-row]').getAttribute('data-city') === 'Kota Tanjungpinang'",
            "the largest city first",
        )
        .await;
    browser.select("compare-province", "Kepulauan Riau").await;
    browser
        .wait_until(
            "return document.querySelectorAll('[data-testid=compare-city-row]').length === 2",
            "two cities of Riau",
        )
        .await;
    assert!(browser.text("compare-total").await.contains("171"));
    browser.select("compare-province", "").await;

    // A change to this city is this city's: the reminder to export it does not follow to another city.
    browser.open("?view=register&q=GOV-01").await;
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    browser.click("view-overview").await;
    browser.wait_for("unexported-changes").await;

    // Switching city: every view works on the chosen city.
    browser.select("city-switch", "2").await;
    browser.wait_text("city-name", "Kota Padang").await;
    browser.wait_for("import-file").await;
    assert!(!browser.exists("unexported-changes").await, "Kota Padang has not changed since it came");
    browser.click("view-register").await;
    browser.wait_text_contains("register-shown-count", "75").await;
    assert!(browser.eval("return location.search").await.as_str().unwrap().contains("city=2"));
    browser.select("city-switch", "0").await;
    browser.wait_text("city-name", "Kota Tanjungpinang").await;
    browser.click("view-overview").await;
    browser.wait_for("unexported-changes").await;
    assert_eq!(browser.text_css("[data-testid=program-count]").await.replace('.', ""), "131");

    // Removing a city keeps its data to bring back.
    browser.click("view-compare").await;
    browser
        .wait_css("[data-testid=compare-city-row][data-city=\"Kota Batam\"] [data-testid=city-remove]")
        .await
        .click()
        .await
        .unwrap();
    browser.click("city-remove-confirm").await;
    browser.wait_gone_css("[data-testid=compare-city-row][data-city=\"Kota Batam\"]").await;
    assert_eq!(rows(&browser).await.len(), 2);
    browser.click("city-remove-undo").await;
    browser.wait_css("[data-testid=compare-city-row][data-city=\"Kota Batam\"]").await;
    assert_eq!(rows(&browser).await.len(), 3);

    // Shared as CSV and XLSX, as slides and in the report.
    browser.click("compare-export-csv").await;
    let csv = browser.downloaded(&format!("Perbandingan kota {}.csv", today())).await;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 3 + 1, "heads, three cities, the totals");
    assert!(lines[0].contains("Kota;Provinsi;Program kerja"), "{}", lines[0]);
    // Its counts and shares as the page shows them (one program of the example marked done above).
    assert!(csv.contains("Kota Tanjungpinang;Kepulauan Riau;131;1;0,76 %;78;59,54 %;16;12,22 %;36;27,48 %;"), "{csv}");
    assert!(lines[4].starts_with("Semua kota (3);;246;"), "{}", lines[4]);
    browser.click("compare-export-xlsx").await;
    let xlsx = browser.downloaded_bytes(&format!("Perbandingan kota {}.xlsx", today())).await;
    assert_eq!(&xlsx[..2], b"PK");
    browser.click("view-dashboard").await;
    browser.click("present-start").await;
    browser.keys("\u{E010}").await; // End: the comparison closes the deck
    let last = browser.text_css("[data-testid=slide]").await;
    assert!(last.contains("Indeks pencapaian") || last.contains("Sebaran status per kota"), "{last}");
    browser.keys("\u{E00C}").await;
    browser.wait_gone("presentation").await;
    browser.click("view-report").await;
    browser.wait_css("[data-testid=report-compare] svg").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_portfolio_exported_is_added_in_a_fresh_browser_as_the_same_cities() {
    let batam = city("Kota Batam", "Kepulauan Riau", 40, 2);
    let sender = Browser::start().await;
    sender.open("?lang=en").await;
    add_city(&sender, &batam).await;
    sender.click("export-portfolio").await;
    let name = format!("City portfolio {}.masterplan-portfolio.json", today());
    let text = sender.downloaded(&name).await;
    let portfolio: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(portfolio["format"], "smart-city-masterplan-portfolio");
    assert_eq!(portfolio["datasets"].as_array().unwrap().len(), 2);

    let colleague = Browser::start().await;
    colleague.open("?lang=en").await;
    colleague.import(&sender.downloads().join(&name)).await;
    let said = colleague.text("import-portfolio").await;
    assert!(said.contains("2 cities") && said.contains("Kota Batam"), "{said}");
    assert!(!colleague.exists("import-replace").await, "a portfolio never replaces the city");
    colleague.click("import-add-city").await;
    colleague.wait_for("compare-table").await;
    colleague
        .wait_until(
            "return document.querySelectorAll('[data-testid=compare-city-row]').length === 3",
            "the first city and two added",
        )
        .await;
    let mut found = rows(&colleague).await;
    found.sort();
    assert_eq!(found.iter().filter(|(c, _)| c == "Kota Tanjungpinang").count(), 2, "its own example and the sender's");
    assert!(found.contains(&("Kota Batam".to_owned(), "40".to_owned())));
    colleague.close().await;
    sender.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn three_files_dropped_at_once_are_listed_and_the_accepted_ones_added_together() {
    let batam = city("Kota Batam", "Kepulauan Riau", 40, 2);
    let padang = city("Kota Padang", "Sumatera Barat", 75, 3);
    let mut broken: Value = serde_json::from_str(&city("Kota Rusak", "Riau", 10, 4).to_file_json()).unwrap();
    broken["programs"][3]["status"] = "selesai".into();
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    browser
        .drop_files(&[
            ("batam.masterplan.json", &batam.to_file_json()),
            ("rusak.masterplan.json", &broken.to_string()),
            ("padang.masterplan.json", &padang.to_file_json()),
        ])
        .await;
    browser.wait_for("import-batch").await;
    browser
        .wait_until(
            "return document.querySelectorAll('[data-testid=import-batch-item]').length === 3",
            "three files listed",
        )
        .await;
    let refused = browser.text_css("[data-testid=import-batch-item][data-accepted=false]").await;
    assert!(refused.contains("rusak.masterplan.json") && refused.contains("programs[3].status"), "{refused}");
    let accepted = browser
        .eval("return [...document.querySelectorAll('[data-testid=import-batch-item][data-accepted=true]')].map(i => i.textContent)")
        .await;
    assert_eq!(accepted.as_array().unwrap().len(), 2);
    assert!(accepted[0].as_str().unwrap().contains("Kota Batam with 40 programs"), "{accepted}");
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang", "nothing changes before the choice");
    browser.click("import-add-city").await;
    browser.wait_for("compare-table").await;
    browser
        .wait_until(
            "return document.querySelectorAll('[data-testid=compare-city-row]').length === 3",
            "two cities added",
        )
        .await;
    let names: Vec<String> = rows(&browser).await.into_iter().map(|(c, _)| c).collect();
    assert_eq!(names, ["Kota Batam", "Kota Padang", "Kota Tanjungpinang"]);
    browser.close().await;
}

/// Files of cities already in the browser replace their data (each keeping what it had as a backup, the
/// page's own city undoably), the others are added: all from one preview.
#[tokio::test(flavor = "multi_thread")]
async fn a_batch_replaces_the_cities_already_here_and_adds_the_others() {
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    add_city(&browser, &city("Kota Batam", "Kepulauan Riau", 40, 2)).await;
    browser.click("view-overview").await;
    let batam = city("Kota Batam", "Kepulauan Riau", 55, 5);
    let tanjungpinang = city("Kota Tanjungpinang", "Kepulauan Riau", 20, 6);
    let padang = city("Kota Padang", "Sumatera Barat", 75, 3);
    browser
        .drop_files(&[
            ("batam.masterplan.json", &batam.to_file_json()),
            ("padang.masterplan.json", &padang.to_file_json()),
            ("tanjungpinang.masterplan.json", &tanjungpinang.to_file_json()),
        ])
        .await;
    let replace = browser.wait_for("import-batch-replace").await;
    browser
        .wait_until("return !document.querySelector('[data-testid=import-batch-replace]').disabled", "every file read")
        .await;
    assert_eq!(replace.text().await.unwrap(), "Replace 2 cities already here, add 1");
    let batam_item = browser.text_css("[data-testid=import-batch-item][data-file=\"batam.masterplan.json\"]").await;
    assert!(batam_item.contains("replaces the data of Kota Batam already here"), "{batam_item}");
    let padang_item = browser.text_css("[data-testid=import-batch-item][data-file=\"padang.masterplan.json\"]").await;
    assert!(!padang_item.contains("replaces"), "{padang_item}");
    browser.click("import-batch-replace").await;
    browser.wait_for("compare-table").await;
    browser
        .wait_until(
            "return [...document.querySelectorAll('[data-testid=compare-city-row]')].map(r => r.querySelector('[data-testid=compare-programs]').textContent).join() === '55,75,20'",
            "Batam and Tanjungpinang replaced, Padang added",
        )
        .await;
    let names: Vec<String> = rows(&browser).await.into_iter().map(|(c, _)| c).collect();
    assert_eq!(names, ["Kota Batam", "Kota Padang", "Kota Tanjungpinang"]);
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    let said = browser.text("toast").await;
    assert!(
        said.contains("replaced by the files of the same cities") && said.contains("Kota Batam, Kota Tanjungpinang"),
        "{said}"
    );
    assert!(said.contains("Added as other cities: Kota Padang."), "{said}");
    // The page's own city: undo puts back the example.
    browser.click("import-undo").await;
    browser.click("view-overview").await;
    browser.wait_text_contains("program-count", "131").await;
    // Batam's data as it was is its backup.
    browser.select("city-switch", "1").await;
    browser.wait_text("city-name", "Kota Batam").await;
    browser.click("view-overview").await;
    let backup = browser.wait_for("backup-item").await.text().await.unwrap();
    assert!(backup.contains("Kota Batam") && backup.contains("40"), "{backup}");
    browser.close().await;
}

/// Today as the page writes it in file names (`YYYY-MM-DD`, the browser's local day; the tests run in UTC).
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400;
    // Civil from days (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
