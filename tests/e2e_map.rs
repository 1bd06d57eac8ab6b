//! End-to-end journeys of the map: the sample's kecamatan and kelurahan with their counts, a click or
//! Enter on a region opening the register filtered to it, a colleague's file with its own boundaries and
//! located programs, and an export that keeps them.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::{Browser, Pointer, temp_file};
use masterplan_tracker::format::Dataset;
use masterplan_tracker::sample::sample_dataset;
use serde_json::{Value, json};

/// The regions drawn: each one's code and the count it carries.
async fn regions(browser: &Browser) -> Vec<(String, u64)> {
    let found = browser
        .eval(
            "return [...document.querySelectorAll('[data-testid=chart-map] [data-testid=map-region]')]
                .map(g => [g.getAttribute('data-region-code'), Number(g.getAttribute('data-count'))])",
        )
        .await;
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_u64().unwrap()))
        .collect()
}

/// Waits until the map draws `count` regions.
async fn wait_regions(browser: &Browser, count: usize) {
    browser
        .wait_until(
            &format!("return document.querySelectorAll('[data-testid=chart-map] [data-testid=map-region]').length === {count}"),
            &format!("{count} regions on the map"),
        )
        .await;
}

/// Clicks a region with the mouse at a point where it is drawn on top (the centre of its box may be the sea
/// or a neighbour).
async fn click_region(browser: &Browser, code: &str) {
    browser.wait_css(&format!("[data-region-code=\"{code}\"]")).await;
    let point = browser
        .eval(&format!(
            "const g = document.querySelector('[data-region-code=\"{code}\"]');
             g.scrollIntoView({{block: 'center'}});
             const box = g.getBoundingClientRect();
             // Whole pixels (WebDriver's pointer has no fractions), well inside: the point and the points
             // around it all hit the region.
             const inside = (x, y) => document.elementFromPoint(x, y)?.closest('[data-region-code]') === g;
             for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {{
                 const x = Math.round(box.left + box.width * i / 20), y = Math.round(box.top + box.height * j / 20);
                 if ([[0, 0], [-4, 0], [4, 0], [0, -4], [0, 4]].every(([dx, dy]) => inside(x + dx, y + dy))) return [x, y];
             }}
             return null"
        ))
        .await;
    let (x, y) = (point[0].as_f64().unwrap(), point[1].as_f64().unwrap());
    browser.drag(Pointer::Mouse, (x, y), (x, y)).await;
}

/// The programs of `dataset` located in `code` or in a region it holds (by the code's prefix).
fn located_in(dataset: &Dataset, code: &str) -> u64 {
    dataset
        .programs
        .iter()
        .filter(|p| p.locations.iter().any(|l| l == code || l.starts_with(&format!("{code}."))))
        .count() as u64
}

#[tokio::test(flavor = "multi_thread")]
async fn the_samples_map_shows_four_kecamatan_and_eighteen_kelurahan_with_their_counts() {
    let sample = sample_dataset();
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    wait_regions(&browser, 4).await;
    for (code, count) in regions(&browser).await {
        assert_eq!(count, located_in(&sample, &code), "{code}");
    }
    assert!(browser.text("map-source").await.contains("cahyadsn/wilayah_boundaries"), "the source credited");
    browser.select("map-level", "kelurahan").await;
    wait_regions(&browser, 18).await;
    for (code, count) in regions(&browser).await {
        assert_eq!(count, located_in(&sample, &code), "{code}");
    }
    // Each region is focusable and says its name and numbers.
    let label = browser
        .eval("return document.querySelector('[data-region-code=\"21.72.04.1002\"]').getAttribute('aria-label')")
        .await;
    assert!(label.as_str().unwrap().starts_with("Dompak: "), "{label}");
    assert_eq!(
        browser.eval("return document.querySelector('[data-region-code=\"21.72.04.1002\"]').tabIndex").await,
        json!(0)
    );
    // The measure changes what fills the regions, and the legend with it.
    browser.select("map-measure", "active-share").await;
    browser.wait_css("[data-testid=chart-map] svg").await;
    browser.wait_text_contains("chart-map", "Berjalan atau selesai per kelurahan").await;
    // The dashboard's filters apply: Smart Governance's programs only.
    browser.select("dashboard-dimension", "governance").await;
    let governance: Dataset = {
        let mut d = sample.clone();
        d.programs.retain(|p| p.dimension == masterplan_tracker::format::Dimension::Governance);
        d
    };
    browser.select("map-measure", "programs").await;
    browser
        .wait_until(
            &format!(
                "return document.querySelector('[data-region-code=\"21.72.04.1002\"]')?.getAttribute('data-count') === '{}'",
                located_in(&governance, "21.72.04.1002")
            ),
            "the filtered count",
        )
        .await;
    // The table of the same numbers.
    browser.wait_css("[data-testid=chart-map] [data-testid=chart-table-toggle]").await.click().await.unwrap();
    let table = browser.text("chart-map-table").await;
    assert!(table.contains("Dompak") && table.contains("Seluruh kota (tanpa lokasi)"), "{table}");

    // A slide of its own, after the charts, and a page of the report.
    browser.select("dashboard-dimension", "").await;
    browser.click("present-start").await;
    // After the charts, which take one slide each or continue on the next.
    for _ in 0..30 {
        if browser.eval("return !!document.querySelector('[data-testid=slide] .slide-map svg')").await == json!(true) {
            break;
        }
        browser.keys("\u{E014}").await;
    }
    let on_slide = browser
        .eval("return document.querySelectorAll('[data-testid=slide] .slide-map [data-testid=map-region]').length")
        .await;
    assert_eq!(on_slide, json!(4));
    browser.keys("\u{E00C}").await; // Escape
    browser.wait_gone("presentation").await;
    browser.click("view-report").await;
    browser.wait_css("[data-testid=report-map] svg").await;
    let in_report = browser
        .eval("return document.querySelectorAll('[data-testid=report-map] [data-testid=map-region]').length")
        .await;
    assert_eq!(in_report, json!(4));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_click_or_enter_on_a_region_opens_the_register_filtered_to_it() {
    let sample = sample_dataset();
    let browser = Browser::start().await;
    browser.open("?view=dashboard&lang=en").await;
    wait_regions(&browser, 4).await;
    click_region(&browser, "21.72.02").await;
    browser.wait_for("register-table").await;
    let address = browser.eval("return location.search").await;
    assert!(address.as_str().unwrap().contains("region=21.72.02"), "{address}");
    assert_eq!(browser.value("filter-region").await, "21.72.02");
    let expected = located_in(&sample, "21.72.02");
    browser
        .wait_until(
            &format!("return document.querySelectorAll('[data-testid=program-row]').length === {expected}"),
            "the region's programs",
        )
        .await;
    // The locations column is one the user shows (the register's default columns fit a laptop without it).
    show_locations_column(&browser).await;
    let locations = browser
        .eval("return [...document.querySelectorAll('[data-testid=program-locations]')].map(c => c.textContent)")
        .await;
    assert_eq!(locations.as_array().unwrap().len() as u64, expected);
    for cell in locations.as_array().unwrap() {
        assert!(cell.as_str().unwrap().contains("Tanjung Pinang Timur"), "{cell}");
    }

    // Back to the dashboard; Enter on a focused kelurahan does the same.
    browser.go_back().await;
    wait_regions(&browser, 4).await;
    browser.select("map-level", "kelurahan").await;
    wait_regions(&browser, 18).await;
    browser.eval("document.querySelector('[data-region-code=\"21.72.01.1002\"]').focus(); return null").await;
    browser.press("\u{E007}").await; // Enter
    browser.wait_for("register-table").await;
    assert_eq!(browser.value("filter-region").await, "21.72.01.1002");
    browser.close().await;
}

/// A colleague's dataset: the fixture's city with two kecamatan of its own, a kelurahan in one, and
/// programs located there.
fn colleague_file() -> Value {
    let square = |lon: f64, lat: f64, size: f64| {
        json!([[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]])
    };
    let mut file: Value = serde_json::from_str(include_str!("fixtures/kota-contoh.masterplan.json")).unwrap();
    file["regions"] = json!({
        "type": "FeatureCollection",
        "source": "Peta Kota Contoh (uji)",
        "features": [
            {"type": "Feature", "properties": {"code": "99.01.01", "name": "Utara"},
             "geometry": {"type": "Polygon", "coordinates": square(110.0, -7.0, 0.05)}},
            {"type": "Feature", "properties": {"code": "99.01.02", "name": "Selatan"},
             "geometry": {"type": "Polygon", "coordinates": square(110.0, -7.06, 0.05)}},
            {"type": "Feature", "properties": {"code": "99.01.01.2001", "name": "Pantai"},
             "geometry": {"type": "Polygon", "coordinates": square(110.0, -7.0, 0.02)}},
        ],
    });
    let programs = file["programs"].as_array_mut().unwrap();
    programs[0]["locations"] = json!(["99.01.01.2001"]);
    programs[1]["locations"] = json!(["99.01.01", "99.01.02"]);
    programs[2]["locations"] = json!(["99.01.02"]);
    file
}

#[tokio::test(flavor = "multi_thread")]
async fn a_colleagues_file_with_its_own_regions_shows_its_counts_and_exports_them_again() {
    let file = colleague_file();
    let browser = Browser::start().await;
    browser.open("").await;
    browser.drop_file("kota-contoh-peta.masterplan.json", &file.to_string()).await;
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    browser.open("?view=dashboard").await;
    wait_regions(&browser, 2).await;
    let mut found = regions(&browser).await;
    found.sort();
    assert_eq!(found, [("99.01.01".to_owned(), 2), ("99.01.02".to_owned(), 2)]);
    browser.select("map-level", "kelurahan").await;
    // The kelurahan and the kecamatan without kelurahan of its own in the file.
    wait_regions(&browser, 2).await;
    let mut found = regions(&browser).await;
    found.sort();
    assert_eq!(found, [("99.01.01.2001".to_owned(), 1), ("99.01.02".to_owned(), 2)]);
    assert!(browser.text("map-source").await.contains("Peta Kota Contoh (uji)"));

    click_region(&browser, "99.01.01.2001").await;
    browser.wait_for("register-table").await;
    browser
        .wait_until("return document.querySelectorAll('[data-testid=program-row]').length === 1", "one program")
        .await;
    let id = file["programs"][0]["id"].as_str().unwrap();
    browser.wait_css(&format!("[data-testid=program-row][data-program-id=\"{id}\"]")).await;

    browser.open("").await;
    browser.click("export-json").await;
    let exported: Value = serde_json::from_str(&browser.downloaded("Kota Contoh.masterplan.json").await).unwrap();
    assert_eq!(exported["regions"], file["regions"], "the boundaries exported as imported");
    assert_eq!(exported["programs"][1]["locations"], json!(["99.01.01", "99.01.02"]));

    // The exported file imports again into a fresh browser with the same map.
    let again = Browser::start().await;
    again.open("").await;
    again.import(&browser.downloads().join("Kota Contoh.masterplan.json")).await;
    again.click("import-replace").await;
    again.wait_text("city-name", "Kota Contoh").await;
    again.click("view-dashboard").await;
    wait_regions(&again, 2).await;
    let mut found = regions(&again).await;
    found.sort();
    assert_eq!(found, [("99.01.01".to_owned(), 2), ("99.01.02".to_owned(), 2)]);
    // Downloads like every chart: SVG, and PNG at twice the size.
    again.wait_css("[data-testid=chart-map] [data-testid=chart-download-svg]").await.click().await.unwrap();
    let svg = again.downloaded("Kota Contoh - map.svg").await;
    assert!(svg.starts_with("<svg") && svg.contains(r#"data-region-code="99.01.02""#));
    again.wait_css("[data-testid=chart-map] [data-testid=chart-download-png]").await.click().await.unwrap();
    let png = again.downloaded_bytes("Kota Contoh - map.png").await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1280);
    again.close().await;
    browser.close().await;
}

/// A kecamatan layer as a GIS tool exports it: the code in `KDCPUM` (beside a province code that is the same
/// everywhere), the name in `WADMKC`, and an object id that a careless proposal could take for the code.
fn gis_layer() -> Value {
    let features: Vec<Value> = (0..4)
        .map(|i| {
            let (lon, lat) = (104.40 + f64::from(i % 2) * 0.06, 0.86 + f64::from(i / 2) * 0.06);
            json!({"type": "Feature",
                   "properties": {"FID": i + 1, "KDPPUM": "21", "KDCPUM": format!("21.72.0{}", i + 1),
                                  "WADMKC": format!("Kecamatan Uji {}", i + 1), "LUAS_KM2": 12.5},
                   "geometry": {"type": "MultiPolygon", "coordinates": [[[[lon, lat], [lon + 0.05, lat], [lon + 0.05, lat + 0.05],
                                                                          [lon, lat + 0.05], [lon, lat]]]]}})
        })
        .collect();
    json!({"type": "FeatureCollection", "name": "batas_kecamatan", "features": features})
}

#[tokio::test(flavor = "multi_thread")]
async fn a_boundaries_file_with_its_own_property_names_is_confirmed_in_a_preview_and_replaces_the_map() {
    let browser = Browser::start().await;
    browser.open("").await;
    let path = temp_file("batas_kecamatan.geojson", gis_layer().to_string().as_bytes());
    browser.wait_for("map-import").await.send_keys(&path.display().to_string()).await.unwrap();
    browser.wait_for("map-import-preview").await;
    assert_eq!(browser.value("map-import-code-field").await, "KDCPUM", "the code proposed");
    assert_eq!(browser.value("map-import-name-field").await, "WADMKC", "the name proposed");
    // The sample's programs in its kelurahan lose those places: the preview says so before anything changes.
    let sample = sample_dataset();
    let losing = sample.programs.iter().filter(|p| p.locations.iter().any(|l| l.split('.').count() == 4)).count();
    let lost = browser.text("map-import-lost").await;
    assert!(lost.starts_with(&format!("{losing} program ")) && lost.contains("21.72.0"), "{lost}");
    // A property that is the same everywhere cannot be the code: refused in the preview at its place.
    browser.select("map-import-code-field", "KDPPUM").await;
    browser.wait_text_contains("map-import-error", "features[1].properties.KDPPUM").await;
    assert_eq!(
        browser.eval("return document.querySelector('[data-testid=map-import-apply]').disabled").await,
        json!(true)
    );
    browser.select("map-import-code-field", "KDCPUM").await;
    browser.wait_gone("map-import-error").await;
    browser
        .wait_until("return document.querySelectorAll('[data-testid=map-import-preview] [data-testid=map-region]').length === 4", "the preview map")
        .await;
    browser.click("map-import-apply").await;
    browser.wait_gone("map-import-preview").await;
    browser.wait_text_contains("boundaries-current", "4 wilayah").await;

    // To the dashboard within the page: its history (undo) lasts as long as the page.
    browser.click("view-dashboard").await;
    browser.wait_drawn().await;
    wait_regions(&browser, 4).await;
    browser.wait_text_contains("chart-map", "Kecamatan Uji 1").await;
    let mut found: Vec<String> = regions(&browser).await.into_iter().map(|(code, _)| code).collect();
    found.sort();
    assert_eq!(found, ["21.72.01", "21.72.02", "21.72.03", "21.72.04"]);
    assert!(!browser.exists("map-level").await, "one level: no choice of level");
    // Kecamatan codes the sample's programs named directly stay; their kelurahan went with the old boundaries.
    let kept = |code: &str| sample.programs.iter().filter(|p| p.locations.iter().any(|l| l == code)).count() as u64;
    for (code, count) in regions(&browser).await {
        assert_eq!(count, kept(&code), "{code}");
    }
    // One step, undone at once.
    browser.click("undo").await;
    wait_regions(&browser, 4).await;
    browser.wait_css("[data-testid=map-level]").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_boundaries_file_names_its_place_and_changes_nothing() {
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    let before = browser.text("boundaries-current").await;
    let mut layer = gis_layer();
    layer["features"][3]["geometry"] = json!({"type": "LineString", "coordinates": [[104.4, 0.9], [104.5, 0.9]]});
    let path = temp_file("garis.geojson", layer.to_string().as_bytes());
    browser.wait_for("map-import").await.send_keys(&path.display().to_string()).await.unwrap();
    let message = browser.wait_text_contains("map-import-error", "features[3].geometry").await;
    assert!(message.contains("garis.geojson") && message.contains("unchanged"), "{message}");
    assert!(!browser.exists("map-import-preview").await);
    let mut projected = gis_layer();
    projected["features"][0]["geometry"]["coordinates"][0][0][2] = json!([452_000.0, 101_000.0]);
    let path = temp_file("utm.geojson", projected.to_string().as_bytes());
    browser.wait_for("map-import").await.send_keys(&path.display().to_string()).await.unwrap();
    browser.wait_text_contains("map-import-error", "features[0].geometry.coordinates[0][0][2]").await;
    assert_eq!(browser.text("boundaries-current").await, before);
    browser.open("?view=dashboard").await;
    wait_regions(&browser, 4).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_program_form_picks_a_kecamatan_then_a_kelurahan_and_the_map_counts_it() {
    let sample = sample_dataset();
    // The register's first row (it draws only the rows in sight).
    let program = &sample.programs[0];
    assert!(program.locations.is_empty());
    let before = located_in(&sample, "21.72.03.1004");
    let browser = Browser::start().await;
    browser.open(&format!("?view=register&q={}", program.id)).await;
    browser
        .wait_css(&format!("[data-testid=program-row][data-program-id=\"{}\"] [data-testid=program-open]", program.id))
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for("program-field-locations").await;
    browser.select("program-location-kecamatan", "21.72.03").await;
    browser.select("program-location-kelurahan", "21.72.03.1004").await;
    browser.click("program-location-add").await;
    browser.wait_css("[data-testid=program-location][data-region-code=\"21.72.03.1004\"]").await;
    browser.click("program-save").await;
    browser.wait_gone("program-form").await;
    show_locations_column(&browser).await;
    let cell = browser
        .text_css(&format!(
            "[data-testid=program-row][data-program-id=\"{}\"] [data-testid=program-locations]",
            program.id
        ))
        .await;
    assert_eq!(cell, "Penyengat, Tanjung Pinang Kota");

    browser.open("?view=dashboard").await;
    wait_regions(&browser, 4).await;
    browser.select("map-level", "kelurahan").await;
    browser
        .wait_until(
            &format!(
                "return document.querySelector('[data-region-code=\"21.72.03.1004\"]')?.getAttribute('data-count') === '{}'",
                before + 1
            ),
            "one more program in Penyengat",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn locations_without_boundaries_are_kept_and_the_map_says_it_has_none() {
    let mut file = colleague_file();
    file.as_object_mut().unwrap().remove("regions");
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    browser.drop_file("tanpa-batas.masterplan.json", &file.to_string()).await;
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    browser.click("view-dashboard").await;
    let said = browser.wait_text_contains("map-no-boundaries", "have locations").await;
    assert!(said.contains("Import a GeoJSON file"), "{said}");
    assert!(!browser.exists("map-region").await);
    browser.click("view-overview").await;
    browser.click("export-json").await;
    let exported: Value = serde_json::from_str(&browser.downloaded("Kota Contoh.masterplan.json").await).unwrap();
    assert_eq!(exported["programs"][1]["locations"], json!(["99.01.01", "99.01.02"]), "kept as they came");
    browser.close().await;
}

/// Shows the register's locations column with the column chooser, unless it is shown already (the choice
/// is remembered).
async fn show_locations_column(browser: &Browser) {
    browser.open_details("register-columns").await;
    let column = browser.wait_for("register-column-locations").await;
    if column.prop("checked").await.unwrap().as_deref() != Some("true") {
        column.click().await.unwrap();
    }
    browser.wait_for("program-locations").await;
}
