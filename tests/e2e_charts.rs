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
    let (lang, of) = (masterplan_tracker::i18n::Lang::Id, masterplan_tracker::slides::DeckOf::default());
    let slides = masterplan_tracker::slides::deck(&masterplan_tracker::sample::sample_dataset(), &of, lang);
    assert_eq!(
        slides.len(),
        2 + 9 + 1 + 6 + 4,
        "title, headline, 9 charts (the Stage I round's included), the map, 6 dimensions, 4 agency scorecards"
    );
    let pages: usize = slides.iter().map(|s| s.pages(lang).len()).sum();
    assert_eq!(total, pages, "each slide in as many screens as it takes");
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
    assert_eq!(
        breaks.len(),
        14,
        "cover, summary, charts, six dimensions, the map, scores, evidence, postponements, scorecards"
    );
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
    for _ in 0..60 {
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

/// What a video call shows of a slide: the share of a 1280 × 720 frame the chart's drawing covers, its
/// smallest text (rendered font size, in CSS pixels), and whether anything lies outside the slide.
const MEASURE_SLIDE: &str = r#"
    const slide = document.querySelector('[data-testid=slide]');
    const box = slide.getBoundingClientRect();
    const svg = slide.querySelector('.slide-chart svg');
    let coverage = null, scale = 1;
    if (svg) {
        const r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
        scale = Math.min(r.width / vb.width, r.height / vb.height);
        coverage = scale * scale * vb.width * vb.height / (1280 * 720);
    }
    const shown = [...slide.querySelectorAll('text, h2, h3, li, p, span')]
        .filter(e => e.textContent.trim() && e.getClientRects().length);
    const sizes = shown.map(e => e.tagName === 'text'
        ? parseFloat(e.getAttribute('font-size') || getComputedStyle(e).fontSize) * scale
        : parseFloat(getComputedStyle(e).fontSize));
    const outside = [...slide.querySelectorAll('*')].filter(e => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1);
    }).map(e => e.tagName + ' ' + e.textContent.slice(0, 40));
    return { coverage, smallest: Math.min(...sizes), outside, text: slide.textContent };
"#;

fn counter_total(counter: &str) -> usize {
    counter.split(" / ").nth(1).unwrap().trim().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn slides_fill_a_720p_frame_with_text_of_20_px_and_more_and_nothing_is_cut_off() {
    let browser = Browser::start().await;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    let total = counter_total(&browser.text("slide-counter").await);
    let (mut charts, mut continued) = (0, 0);
    for index in 0..total {
        browser.wait_css(&format!("[data-testid=slide][data-slide-index=\"{index}\"]")).await;
        let measured = browser.eval(MEASURE_SLIDE).await;
        let text = measured["text"].as_str().unwrap();
        assert_eq!(measured["outside"], serde_json::json!([]), "slide {index} cut off: {text}");
        let smallest = measured["smallest"].as_f64().unwrap();
        assert!(smallest >= 20.0, "slide {index}: text of {smallest} px: {text}");
        if let Some(coverage) = measured["coverage"].as_f64() {
            charts += 1;
            assert!(coverage >= 0.6, "slide {index}: the chart covers {coverage:.2} of the frame: {text}");
        }
        continued += usize::from(text.contains("(lanjutan)"));
        browser.keys("\u{E014}").await;
    }
    assert!(charts >= 21, "every dashboard chart, the map, each dimension's and each agency's: {charts}");
    assert!(continued >= 1, "a chart or a list too long for one slide continues on the next");

    // The dark theme, chosen by the presenter, is remembered.
    browser.click("slide-theme").await;
    browser.wait_css(".deck.theme-dark").await;
    browser.keys("\u{E011}").await; // Home
    browser.keys("\u{E014}").await;
    browser.keys("\u{E014}").await; // the first chart
    let background =
        browser.eval("return document.querySelector('[data-testid=slide] svg rect').getAttribute('fill')").await;
    assert_eq!(background, "#121212", "the chart drawn light on dark");
    browser.keys("\u{E00C}").await;
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    browser.wait_css(".deck.theme-dark").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deck_started_from_a_filtered_dashboard_counts_only_the_filtered_programs() {
    use masterplan_tracker::format::Dimension;
    let governance = masterplan_tracker::sample::sample_dataset()
        .programs
        .iter()
        .filter(|p| p.dimension == Dimension::Governance)
        .count();
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    browser.select("dashboard-dimension", "governance").await;
    browser.click("present-start").await;
    let total = counter_total(&browser.text("slide-counter").await);
    for index in 0..total {
        browser.wait_css(&format!("[data-testid=slide][data-slide-index=\"{index}\"]")).await;
        let filter = browser.text_css("[data-testid=slide] [data-testid=slide-filter]").await;
        assert_eq!(filter, "Disaring: Smart Governance", "slide {index}");
        if index == 1 {
            let headline = browser.text_css("[data-testid=slide]").await;
            assert!(headline.contains(&format!("{governance} program kerja")), "{headline}");
        }
        let text = browser.text_css("[data-testid=slide]").await;
        for other in ["Smart Economy: quick win", "Smart Living: quick win", "Smart Society: quick win"] {
            assert!(!text.contains(other), "slide {index} shows another dimension: {text}");
        }
        browser.keys("\u{E014}").await;
    }
    browser.keys("\u{E00C}").await;
    // Without a filter, the whole plan, and no slide says it is filtered.
    browser.select("dashboard-dimension", "").await;
    browser.click("present-start").await;
    browser.keys("\u{E014}").await;
    browser.wait_css("[data-testid=slide][data-slide-index=\"1\"]").await;
    assert!(browser.text_css("[data-testid=slide]").await.contains("131 program kerja"));
    assert!(!browser.exists("slide-filter").await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_colleagues_file_with_agency_acronyms_shows_them_on_the_agency_chart_and_slide() {
    let browser = Browser::start().await;
    opened_fixture_with(&browser, "kota-singkatan.masterplan.json", |file| {
        file["agencies"][0]["short_name"] = "Kominfo".into();
    })
    .await;
    browser.click("view-dashboard").await;
    let labels = browser
        .eval("return [...document.querySelectorAll('[data-testid=chart-agency] svg text')].map(t => t.textContent.trim())")
        .await;
    let labels: Vec<String> = serde_json::from_value(labels).unwrap();
    assert!(labels.iter().any(|l| l == "Kominfo"), "the bar named by the acronym: {labels:?}");
    assert!(!labels.iter().any(|l| l.starts_with("Dinas Komunikasi")), "not by the long name cut short");
    let options = browser.text("dashboard-agency").await;
    assert!(options.contains("Dinas Komunikasi dan Informatika (Kominfo)"), "lists show both: {options}");
    browser.click("present-start").await;
    browser.keys("\u{E010}").await; // End: the agency's slides close the deck
    let last = browser.wait_css("[data-testid=slide-scorecard]").await;
    assert!(last.text().await.unwrap().contains("Dinas Komunikasi dan Informatika (Kominfo)"));
    browser.keys("\u{E012}").await; // its chart, titled by the acronym
    browser.wait_css("[data-testid=slide] svg").await;
    let title = browser.eval("return document.querySelector('[data-testid=slide] svg text').textContent.trim()").await;
    assert_eq!(title, "Kominfo");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_deck_prints_one_16_by_9_slide_per_page() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    let total = counter_total(&browser.text("slide-counter").await);
    // The browser's print dialog is the user's; here printing is Chromium's PDF of the page as printed.
    browser.eval("window.print = () => { window.__printed = (window.__printed || 0) + 1; }; return null").await;
    browser.click("deck-print").await;
    browser.wait_until("return window.__printed === 1", "the deck was never printed").await;
    let printed =
        browser.eval("return document.querySelectorAll('[data-testid=deck-printed] .print-slide').length").await;
    assert_eq!(printed, total, "every slide of the deck, as arranged");
    browser.emulate_print(true).await;
    let size = browser
        .eval("const r = document.querySelector('.print-slide').getBoundingClientRect(); return [r.width, r.height]")
        .await;
    assert_eq!(size, serde_json::json!([1280, 720]), "16:9");
    browser.keep_print_marks_for_the_next_print().await;
    let pages = browser.printed_page_sizes().await;
    assert_eq!(pages.len(), total, "one slide per page");
    for (width, height) in pages {
        assert!(
            (width / height - 16.0 / 9.0).abs() < 0.01 && width > height,
            "a 16:9 landscape page: {width} × {height}"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_presenter_view_moves_the_deck_keeps_its_notes_and_either_window_closes_alone() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    browser.select("dashboard-dimension", "governance").await;
    browser.click("present-start").await;
    let audience = browser.current_window().await;
    let total = counter_total(&browser.text("slide-counter").await);
    browser.click("presenter-view-open").await;
    let presenter = browser.window_opened(std::slice::from_ref(&audience)).await;
    browser.switch_to(&presenter).await;
    browser.wait_for("presenter-view").await;
    // It shows the audience's deck: the same filter, the same count, the next slide, the time since the start.
    browser.wait_text("presenter-counter", &format!("1 / {total}")).await;
    browser.wait_css("[data-testid=presenter-view] .slide-filter").await;
    assert!(browser.text("presenter-next").await.contains("program kerja"), "the headline comes next");
    let timer = browser.text("presenter-timer").await;
    assert!(timer.contains("00.00."), "as Indonesian writes a time: {timer}");

    // Its keys move the audience's deck: arrows, and a number and Enter.
    browser.keys("5\u{E007}").await;
    browser.wait_text("presenter-counter", &format!("5 / {total}")).await;
    browser.keys("\u{E011}\u{E014}\u{E014}").await; // Home, right, right
    browser.wait_text("presenter-counter", &format!("3 / {total}")).await;
    browser.switch_to(&audience).await;
    browser.wait_text("slide-counter", &format!("3 / {total}")).await;
    // And the deck's own keys move the presenter's view.
    browser.keys("\u{E012}").await;
    browser.switch_to(&presenter).await;
    browser.wait_text("presenter-counter", &format!("2 / {total}")).await;

    // Notes typed there are the slide's, and survive a reload of the window.
    let notes = browser.wait_for("slide-notes").await;
    notes.send_keys("Sebut 30 program tata kelola dulu.").await.unwrap();
    browser.reload().await;
    browser.wait_for("presenter-view").await;
    browser.wait_text("presenter-counter", &format!("2 / {total}")).await;
    browser
        .wait_until(
            "return document.querySelector('[data-testid=slide-notes]').value === 'Sebut 30 program tata kelola dulu.'",
            "the notes were not kept",
        )
        .await;

    // Closing the presenter's window leaves the deck working.
    browser.close_window().await;
    browser.switch_to(&audience).await;
    browser.keys("\u{E014}").await;
    browser.wait_text("slide-counter", &format!("3 / {total}")).await;
    // Closing the deck's window leaves the presenter's view working alone.
    browser.click("presenter-view-open").await;
    let presenter = browser.window_opened(std::slice::from_ref(&audience)).await;
    browser.switch_to(&presenter).await;
    browser.wait_text("presenter-counter", &format!("3 / {total}")).await;
    browser.switch_to(&audience).await;
    browser.close_window().await;
    browser.switch_to(&presenter).await;
    browser.wait_for("presenter-view").await;
    browser.keys("\u{E010}").await; // End
    browser.wait_text("presenter-counter", &format!("{total} / {total}")).await;
    assert!(browser.text("presenter-next").await.contains("Akhir presentasi"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_filtered_dashboard_lives_in_the_address_and_comes_back_on_reload() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    browser.select("dashboard-dimension", "governance").await;
    browser.click("dashboard-quick-wins").await;
    browser
        .wait_until(
            "return location.search.includes('dimension=governance') && location.search.includes('quick_win=yes')",
            "the filter in the address",
        )
        .await;
    browser.reload().await;
    browser.wait_css("[data-testid=chart-status] svg").await;
    assert_eq!(browser.value("dashboard-dimension").await, "governance");
    assert_eq!(browser.eval("return document.querySelector('[data-testid=dashboard-quick-wins]').checked").await, true);
    browser.wait_css("[data-testid=chart-status] [data-testid=chart-table-toggle]").await.click().await.unwrap();
    let quick_governance = masterplan_tracker::sample::sample_dataset()
        .programs
        .iter()
        .filter(|p| p.quick_win && p.dimension == masterplan_tracker::format::Dimension::Governance)
        .count();
    let table = browser.text("chart-status-table").await;
    assert!(
        table.contains(&format!("Total {quick_governance}")) || table.contains(&format!("Total\t{quick_governance}")),
        "{table}"
    );
    // The register keeps its own filters: the dashboard's do not follow into it.
    browser.click("view-register").await;
    browser.wait_for("filter-dimension").await;
    assert_eq!(browser.value("filter-dimension").await, "");
    browser.close().await;
}

/// The numbers of a chart's table, shown with its toggle: every row's cells.
async fn chart_table(browser: &Browser, name: &str) -> Vec<Vec<String>> {
    browser
        .wait_css(&format!("[data-testid=chart-{name}] [data-testid=chart-table-toggle]"))
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for(&format!("chart-{name}-table")).await;
    let rows = browser
        .eval(&format!(
            "return [...document.querySelectorAll('[data-testid=chart-{name}-table] tbody tr')]
                .map(r => [...r.children].map(c => c.textContent.trim()))"
        ))
        .await;
    serde_json::from_value(rows).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_breakdowns_table_adds_up_to_the_programs_shown_in_both_languages() {
    let browser = Browser::start().await;
    for (query, shown) in
        [("", 131), ("lang=en&", 131), ("dimension=governance&", 30), ("lang=en&dimension=living&", 0)]
    {
        browser.open(&format!("?{query}view=dashboard")).await;
        let shown = if shown == 0 {
            // Whatever the sample holds for the dimension: the status table's total says it.
            let status = chart_table(&browser, "status").await;
            status.last().unwrap()[1].parse::<usize>().unwrap()
        } else {
            shown
        };
        for name in ["dimension", "subdimension", "agency", "target-year"] {
            let rows = chart_table(&browser, name).await;
            let total: usize =
                rows.iter().map(|r| r.last().unwrap().replace(['.', ','], "").parse::<usize>().unwrap()).sum();
            assert_eq!(total, shown, "{query}{name}: {rows:?}");
        }
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_assessors_read_scores_weights_contributions_evidence_and_the_budget_in_the_report() {
    let browser = Browser::start().await;
    opened_fixture_with(&browser, "kota-penilaian.masterplan.json", |file| {
        file["evaluations"][0]["scores"] =
            serde_json::json!({ "baseline": 70, "output": 65.5, "outcome": 60, "impact": 50, "quick_win": 80 });
        file["evaluations"][0]["weights"] =
            serde_json::json!({ "baseline": 10, "output": 20, "outcome": 30, "impact": 30, "quick_win": 10 });
        file["evaluations"][0]["scale_max"] = 100.into();
        file["programs"][1]["budget_planned"] = 200_000_000.into();
        file["programs"][1]["budget_realized"] = 250_000_000.into();
    })
    .await;

    // The dashboard: realised against planned per dimension, with its table; those without a budget counted.
    browser.click("view-dashboard").await;
    let budget = chart_table(&browser, "budget-dimension").await;
    assert_eq!(budget[0], ["Smart Governance", "Rp 150.000.000", "Rp 140.000.000", "93,33 %", "1"]);
    assert_eq!(budget[1], ["Smart Economy", "Rp 200.000.000", "Rp 250.000.000", "125,00 %", "1"]);
    assert_eq!(budget.last().unwrap(), &["(tanpa anggaran)", "", "", "", "3"]);
    assert!(browser.exists("chart-budget-agency").await, "and per agency");
    // The index is the city's: under a filter its chart says so; its axis runs to the stated scale.
    browser.select("dashboard-dimension", "economy").await;
    let trend = browser.wait_text_contains("chart-index-trend", "seluruh kota, tanpa saringan").await;
    assert!(trend.contains("Indeks (skala 0–100)"), "{trend}");

    // The report: each aspect's score, weight and contribution, the index, the scale; the budget's table;
    // each program's evidence.
    browser.open("?view=report").await;
    let scores = browser.text("report-scores-table").await;
    for part in ["Evaluasi Tahap I (27 November 2020) · skala 0–100", "Aspek", "Kontribusi pada indeks", "Output"] {
        assert!(scores.contains(part), "{part}: {scores}");
    }
    // 70·0,1 + 65,5·0,2 + 60·0,3 + 50·0,3 + 80·0,1 = 7 + 13,1 + 18 + 15 + 8.
    let output = browser
        .eval("return [...document.querySelectorAll('[data-testid=report-scores-table] tbody tr')][1].innerText")
        .await;
    assert_eq!(
        output.as_str().unwrap().split('\t').map(str::trim).collect::<Vec<_>>(),
        ["Output", "65,50", "20", "13,10"]
    );
    assert_eq!(browser.text("report-scores-index").await, "61,10");
    let report_budget = browser.text("report-budget").await;
    assert!(report_budget.contains("Rp 140.000.000") && report_budget.contains("93,33 %"), "{report_budget}");
    let charts = browser.inner_html("report-charts").await;
    assert!(
        charts.contains("Anggaran terealisasi dari rencana, per dimensi"),
        "the budget chart among the report's charts"
    );
    let evidence = browser.text("report-evidence").await;
    assert!(evidence.contains("SG-01") && evidence.contains("https://example.org/laporan"), "{evidence}");

    // The slides carry the budget chart too.
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    let total = counter_total(&browser.text("slide-counter").await);
    let mut found = false;
    for index in 0..total {
        let slide = browser.wait_css(&format!("[data-testid=slide][data-slide-index=\"{index}\"]")).await;
        if slide.html(true).await.unwrap().contains("Anggaran terealisasi dari rencana") {
            found = true;
            break;
        }
        browser.keys("\u{E014}").await;
    }
    assert!(found, "a slide of the budget");
    browser.close().await;
}

/// Opens the page with the project's fixture, changed by `change`, imported as a colleague's file named `name`.
async fn opened_fixture_with(browser: &Browser, name: &str, change: impl FnOnce(&mut serde_json::Value)) {
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(e2e::browser::FIXTURE).unwrap()).unwrap();
    change(&mut file);
    let path = e2e::browser::temp_file(name, file.to_string().as_bytes());
    browser.open("").await;
    browser.import(&path).await;
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
}
