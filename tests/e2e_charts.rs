//! End-to-end journeys of the charts for meetings: the dashboard's charts and their tables, the filters,
//! and chart downloads as SVG and as PNG at twice the size.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::Browser;

#[tokio::test(flavor = "multi_thread")]
async fn every_chart_is_there_with_a_table_of_the_overviews_figures() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    for name in ["status", "dimension", "subdimension", "agency", "target-year", "quick-wins", "postponed", "alignment"]
    {
        let svgs =
            browser.eval(&format!("return document.querySelectorAll('[data-testid=chart-{name}] svg').length")).await;
        assert_eq!(svgs, 1, "chart-{name}");
    }
    browser.wait_css("[data-testid=chart-status] [data-testid=chart-table-toggle]").await.click().await.unwrap();
    let table = browser.text("chart-status-table").await;
    for figure in ["79", "60,31 %", "16", "12,21 %", "36", "27,48 %", "131"] {
        assert!(table.contains(figure), "{figure} in {table}");
    }
    browser.select("dashboard-dimension", "governance").await;
    let table = browser.text("chart-status-table").await;
    assert!(table.contains("Total 30") || table.contains("Total\t30"), "{table}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn charts_download_as_svg_and_as_png_at_twice_the_size() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    browser.wait_css("[data-testid=chart-dimension] [data-testid=chart-download-svg]").await.click().await.unwrap();
    let svg = browser.downloaded("Kota Tanjungpinang - dimension.svg").await;
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "an SVG document");
    assert!(svg.contains("width=\"640\"") && svg.contains("Smart Governance"));

    browser.wait_css("[data-testid=chart-dimension] [data-testid=chart-download-png]").await.click().await.unwrap();
    let png = browser.downloaded_bytes("Kota Tanjungpinang - dimension.png").await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1280, "twice the chart's 640 pixels");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_presentation_moves_with_the_keyboard_jumps_and_leaves_with_escape() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    let slide = |index: &'static str| format!("[data-testid=slide][data-slide-index=\"{index}\"]");
    let title = browser.text_css(&slide("0")).await;
    assert!(title.contains("Kota Tanjungpinang"), "{title}");
    let total: usize = browser.text("slide-counter").await.split(" / ").nth(1).unwrap().parse().unwrap();
    assert_eq!(
        total,
        2 + 9 + 1 + 6 + 4,
        "title, headline, 9 charts (the Stage I round's included), the map, 6 dimensions, 4 agency scorecards"
    );
    assert_eq!(browser.text("slide-counter").await, format!("1 / {total}"));
    assert!(!browser.exists("undo").await || !browser.eval("return document.querySelector('[data-testid=presentation]').contains(document.querySelector('[data-testid=undo]'))").await.as_bool().unwrap());

    browser.keys("\u{E014}").await; // Arrow right
    let headline = browser.text_css(&slide("1")).await;
    assert!(headline.contains("131") && headline.contains("60,31 %"), "{headline}");
    browser.keys(" ").await;
    browser.wait_css(&slide("2")).await;
    browser.keys("\u{E012}").await; // Arrow left
    browser.wait_css(&slide("1")).await;
    browser.keys("\u{E010}").await; // End
    assert_eq!(browser.text("slide-counter").await, format!("{total} / {total}"));
    browser.keys("\u{E011}").await; // Home
    browser.wait_css(&slide("0")).await;
    browser.keys("5\u{E007}").await; // 5, Enter
    browser.wait_css(&slide("4")).await;
    assert_eq!(browser.text("slide-counter").await, format!("5 / {total}"));
    browser.keys("\u{E00C}").await; // Escape
    browser.wait_gone("presentation").await;
    assert!(browser.exists("present-start").await);

    // The presenter leaves out the title slide; the deck starts with the figures, also after a reload.
    browser.open_details("slide-list").await;
    browser.wait_css("[data-slide-key=title] [data-testid=slide-shown]").await.click().await.unwrap();
    browser.open("?view=dashboard").await;
    browser.open_details("slide-list").await;
    browser.wait_css("[data-slide-key=title] [data-testid=slide-shown]").await;
    let checked =
        browser.eval("return document.querySelector('[data-slide-key=title] [data-testid=slide-shown]').checked").await;
    assert_eq!(checked, false, "the choice is remembered");
    browser.click("present-start").await;
    let first = browser.text_css(&slide("0")).await;
    assert!(first.contains("131 program kerja"), "{first}");
    assert_eq!(browser.text("slide-counter").await, format!("1 / {}", total - 1));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_printed_report_has_no_controls_and_a_page_per_section() {
    let browser = Browser::start().await;
    browser.open("?view=report").await;
    let cover = browser.text("report-cover").await;
    assert!(cover.contains("Kota Tanjungpinang") && cover.contains("ilustrasi"), "{cover}");
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=report-charts] svg').length").await, 9);
    let summary = browser.text("report-summary").await;
    assert!(summary.contains("60,31 %") && summary.contains("131"), "{summary}");
    let postponed = browser.text("report-postponed").await;
    assert!(postponed.contains("Refocusing anggaran"), "{postponed}");

    browser.emulate_print(true).await;
    let visible_controls = browser
        .eval(
            "return [...document.querySelectorAll('button, select, input, nav, header')]
                .filter(e => getComputedStyle(e).display !== 'none').length",
        )
        .await;
    assert_eq!(visible_controls, 0, "no control is printed");
    let breaks = browser
        .eval(
            "return [...document.querySelectorAll('.report-section')]
                .map(s => getComputedStyle(s).breakBefore)",
        )
        .await;
    let breaks: Vec<String> = serde_json::from_value(breaks).unwrap();
    assert_eq!(breaks[0], "auto", "the cover starts the first page");
    assert!(breaks[1..].iter().all(|b| b == "page"), "every other section starts a page: {breaks:?}");
    assert_eq!(breaks.len(), 12, "cover, summary, charts, the map, six dimensions, postponements, scorecards");
    browser.emulate_print(false).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_p_prints_the_report_from_any_view() {
    let browser = Browser::start().await;
    browser.open("?view=register").await;
    browser.eval("window.print = () => { window.printed = true }; return null").await;
    browser.keys("\u{E009}p\u{E009}").await;
    browser.wait_for("report").await;
    browser.wait_until("return window.printed === true", "the print dialog was not opened").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_names_stays_text_in_slides_and_report() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.import_fixture().await;
    browser.open("?view=report").await;
    let report = browser.text("report").await;
    assert!(report.contains("Layanan <b>daring</b> terpadu"), "the name is shown as written");
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=report] b').length").await, 0);
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    browser.keys("\u{E010}").await; // End: the last dimension slide
    let mut found = false;
    for _ in 0..20 {
        let text = browser.text("slide").await;
        if text.contains("Layanan <b>daring</b> terpadu") {
            found = true;
            break;
        }
        browser.keys("\u{E012}").await;
    }
    assert!(found, "the governance slide lists the quick win by its name");
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid=presentation] b').length").await, 0);
    browser.close().await;
}
