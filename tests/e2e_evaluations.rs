//! End-to-end journeys of evaluation rounds, in both languages: record a round, change statuses, compare
//! (moves, shift per dimension and per agency), enter scores and weights and read the index and its trend,
//! export and import into a fresh browser; agency scorecards on the dashboard, printed alone, in the
//! presentation and in the report.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::Browser;

/// What the page says in one language at each step of the journey.
struct Expected {
    query: &'static str,
    nothing_moved: [&'static str; 2],
    one_forward: &'static str,
    governance: &'static str,
    agency: &'static str,
    shift_cell: &'static str,
    index: &'static str,
    /// A score with decimals, written the language's way.
    decimal_score: &'static str,
    index_with_change: &'static str,
    weights_wrong: [&'static str; 2],
    empty_label: &'static str,
    not_a_number: &'static str,
    negative: &'static str,
    no_such_day: &'static str,
    above_scale: &'static str,
    scale_axis: &'static str,
    no_scale_axis: &'static str,
    not_a_date: &'static str,
    trend: [&'static str; 2],
    trend_title: &'static str,
    since: &'static str,
}

const INDONESIAN: Expected = Expected {
    query: "",
    nothing_moved: ["0 program maju", "131 program tetap"],
    one_forward: "1 program maju",
    governance: "Smart Governance",
    agency: "Dinas Kependudukan dan Pencatatan Sipil",
    shift_cell: "0 → 1 (+1)",
    index: "Indeks pencapaian: 64,00",
    decimal_score: "72,5",
    index_with_change: "Indeks pencapaian: 70,25 (+6,25 sejak putaran sebelumnya)",
    weights_wrong: ["110,00", "harus 100"],
    empty_label: "Label: tidak boleh kosong.",
    not_a_number: "Nilai Dampak: ",
    negative: "Nilai Dampak: -5 kurang dari nol",
    no_such_day: "Tanggal: 31/02/2021 tidak ada di kalender.",
    above_scale: "Skala maksimum: nilai 70 melebihi skala penilaian (0–50).",
    scale_axis: "Indeks (skala 0–100)",
    no_scale_axis: "Indeks (skala tidak dinyatakan)",
    not_a_date: "Tanggal: «202021-11-28» bukan tanggal; tulis seperti HH/BB/TTTT, misalnya 28/11/2026.",
    trend: ["64,00", "70,25 (+6,25)"],
    trend_title: "Tren indeks pencapaian",
    since: "1 maju, 0 mundur, 0 baru",
};

const ENGLISH: Expected = Expected {
    query: "lang=en&",
    nothing_moved: ["0 programs moved forward", "131 programs unchanged"],
    one_forward: "1 program moved forward",
    governance: "Smart Governance",
    agency: "Dinas Kependudukan dan Pencatatan Sipil",
    shift_cell: "0 → 1 (+1)",
    index: "Achievement index: 64.00",
    decimal_score: "72.5",
    index_with_change: "Achievement index: 70.25 (+6.25 since the previous round)",
    weights_wrong: ["110.00", "must add up to 100"],
    empty_label: "Label: must not be empty.",
    not_a_number: "Score Impact: ",
    negative: "Score Impact: -5 is below zero",
    no_such_day: "Date: 31/02/2021 is not a day of the calendar.",
    above_scale: "Scale maximum: a score of 70 is above the round's scale (0–50).",
    scale_axis: "Index (scale 0–100)",
    no_scale_axis: "Index (scale not stated)",
    not_a_date: "Date: “202021-11-28” is not a date; write it as DD/MM/YYYY, for example 28/11/2026.",
    trend: ["64.00", "70.25 (+6.25)"],
    trend_title: "Achievement index trend",
    since: "1 moved forward, 0 moved back, 0 added",
};

/// The text of the row of `table` (a `data-testid`) whose heading is `group`.
async fn row(browser: &Browser, table: &str, group: &str) -> String {
    let script = format!(
        "return [...document.querySelectorAll('[data-testid={table}] tbody tr')]
            .map(r => r.innerText).find(t => t.startsWith({group:?})) || ''"
    );
    browser.eval(&script).await.as_str().unwrap_or_default().to_owned()
}

async fn evaluation_journey(expected: &Expected) {
    let browser = Browser::start().await;
    browser.open(&format!("?{}view=evaluations", expected.query)).await;
    // The built-in data holds the Stage I round: compared with today, nothing moved yet.
    let summary = browser.text("compare-summary").await;
    assert!(expected.nothing_moved.iter().all(|part| summary.contains(part)), "{summary}");
    browser.wait_for("evaluation-label").await.send_keys("Evaluasi 2021").await.unwrap();
    browser.click("evaluation-record").await;
    browser.wait_css("[data-testid=evaluation-round][data-evaluation-id]:nth-of-type(2)").await;

    // SiKancil (Disdukcapil, Smart Governance) is done now.
    browser.open("?view=register&q=sikancil").await;
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    browser.open("?view=evaluations").await;
    let summary = browser.text("compare-summary").await;
    assert!(summary.contains(expected.one_forward), "{summary}");
    assert!(browser.text("compare-moves").await.contains("GOV-01"));
    let governance = row(&browser, "shift-dimension", expected.governance).await;
    assert!(governance.contains(expected.shift_cell), "{governance}");
    let agency = row(&browser, "shift-agency", expected.agency).await;
    assert!(agency.contains(expected.shift_cell), "{agency}");
    // Comparing the two rounds with each other: nothing moved between them.
    let recorded = browser.wait_css("[data-testid=evaluation-round]:nth-of-type(2)").await;
    let recorded = recorded.attr("data-evaluation-id").await.unwrap().unwrap();
    browser.select("compare-to", &recorded).await;
    let summary = browser.text("compare-summary").await;
    assert!(summary.contains(expected.nothing_moved[0]), "{summary}");

    let first = "[data-testid=evaluation-round][data-evaluation-id=\"2020-tahap-1\"]";
    for (aspect, score) in
        [("baseline", "80"), ("output", "70"), ("outcome", "60"), ("impact", "50"), ("quick_win", "90")]
    {
        let input = browser.wait_css(&format!("{first} [data-testid=score-{aspect}]")).await;
        input.send_keys(&format!("{score}\u{E004}")).await.unwrap(); // Tab commits the change
    }
    let index = browser.text_css(&format!("{first} [data-testid=achievement-index]")).await;
    assert_eq!(index, expected.index);
    let second = "[data-testid=evaluation-round]:nth-of-type(2)";
    for (aspect, score) in [
        ("baseline", "70"),
        ("output", "70"),
        ("outcome", "70"),
        ("impact", "70"),
        ("quick_win", expected.decimal_score),
    ] {
        let input = browser.wait_css(&format!("{second} [data-testid=score-{aspect}]")).await;
        input.send_keys(&format!("{score}\u{E004}")).await.unwrap();
    }
    let index = browser.text_css(&format!("{second} [data-testid=achievement-index]")).await;
    assert_eq!(index, expected.index_with_change);
    let trend = browser.inner_html("chart-index-trend").await;
    assert!(expected.trend.iter().all(|part| trend.contains(part)), "the trend chart: {trend}");
    assert!(browser.inner_html("chart-rounds").await.contains("Evaluasi 2021"), "status shares of every round");
    // A label emptied or a score that is no number is refused where it was typed; the round keeps its data.
    let label = browser.wait_css(&format!("{second} [data-testid=evaluation-round-label]")).await;
    label.clear().await.unwrap();
    label.send_keys("\u{E004}").await.unwrap();
    assert_eq!(browser.text_css(&format!("{second} [data-testid=evaluation-error]")).await, expected.empty_label);
    label.send_keys("Evaluasi 2021 (revisi)\u{E004}").await.unwrap();
    assert_eq!(browser.text_css(&format!("{second} [data-testid=evaluation-error]")).await, "");
    let score = browser.wait_css(&format!("{second} [data-testid=score-impact]")).await;
    // Typed over, as a person does (clearing through WebDriver would itself commit an empty field).
    score.send_keys("\u{E009}a\u{E000}tinggi\u{E004}").await.unwrap();
    let error = browser.text_css(&format!("{second} [data-testid=evaluation-error]")).await;
    assert!(error.contains(expected.not_a_number), "{error}");
    let index = browser.text_css(&format!("{second} [data-testid=achievement-index]")).await;
    assert_eq!(index, expected.index_with_change, "the score kept its number");
    // A negative score is a number out of range: refused in the editor as in a file, the score kept.
    score.send_keys("\u{E009}a\u{E000}-5\u{E004}").await.unwrap();
    let error = browser.text_css(&format!("{second} [data-testid=evaluation-error]")).await;
    assert!(error.contains(expected.negative), "{error}");
    let index = browser.text_css(&format!("{second} [data-testid=achievement-index]")).await;
    assert_eq!(index, expected.index_with_change, "the score kept its number");
    // A date is typed and shown day first; one the calendar has not, or no date, is refused at the field and
    // the round keeps its date.
    let date = browser.wait_css(&format!("{second} [data-testid=evaluation-round-date]")).await;
    let today = date.prop("value").await.unwrap().unwrap_or_default();
    assert!(today.len() == 10 && &today[2..3] == "/" && &today[5..6] == "/", "{today}");
    for (typed, refused) in [("31/02/2021", expected.no_such_day), ("202021-11-28", expected.not_a_date)] {
        date.send_keys(&format!("\u{E009}a\u{E000}{typed}\u{E004}")).await.unwrap();
        browser.wait_text_css(&format!("{second} [data-testid=evaluation-error]"), refused).await;
        assert_eq!(date.prop("value").await.unwrap().as_deref(), Some(typed), "what was typed stays, to mend");
    }
    date.send_keys("\u{E009}a\u{E000}15 Des 2021\u{E004}").await.unwrap();
    browser.wait_text_css(&format!("{second} [data-testid=evaluation-error]"), "").await;
    assert_eq!(date.prop("value").await.unwrap().as_deref(), Some("15/12/2021"));
    // A scale stated for the round: one below its scores is refused, one above them sets the index axis.
    let scale = browser.wait_css(&format!("{second} [data-testid=evaluation-scale-max]")).await;
    scale.send_keys("50\u{E004}").await.unwrap();
    browser.wait_text_css(&format!("{second} [data-testid=evaluation-error]"), expected.above_scale).await;
    scale.send_keys("\u{E009}a\u{E000}100\u{E004}").await.unwrap();
    browser.wait_text_css(&format!("{second} [data-testid=evaluation-error]"), "").await;
    // Rounds on different scales share no axis: the first states none yet.
    browser.wait_text_contains("chart-index-trend", expected.no_scale_axis).await;
    let first_scale = browser.wait_css(&format!("{first} [data-testid=evaluation-scale-max]")).await;
    first_scale.send_keys("100\u{E004}").await.unwrap();
    browser.wait_text_contains("chart-index-trend", expected.scale_axis).await;
    // A round deleted comes back with undo.
    let rounds = "[data-testid=evaluation-round]";
    browser.wait_css(&format!("{second} [data-testid=evaluation-delete]")).await.click().await.unwrap();
    browser.wait_css(&format!("{second} [data-testid=evaluation-delete-confirm]")).await.click().await.unwrap();
    browser.wait_gone_css(&format!("{rounds}:nth-of-type(2)")).await;
    browser.click("undo").await;
    let label = browser.wait_css(&format!("{second} [data-testid=evaluation-round-label]")).await;
    assert_eq!(label.prop("value").await.unwrap().as_deref(), Some("Evaluasi 2021 (revisi)"));

    let weight = browser.wait_css(&format!("{first} [data-testid=weight-impact]")).await;
    weight.clear().await.unwrap();
    weight.send_keys("40\u{E004}").await.unwrap();
    let index = browser.text_css(&format!("{first} [data-testid=achievement-index]")).await;
    assert!(expected.weights_wrong.iter().all(|part| index.contains(part)), "{index}");

    // The trend joins the report's charts (and so the presentation's).
    browser.open("?view=report").await;
    assert!(browser.inner_html("report-charts").await.contains(expected.trend_title));

    // The agency's scorecard says what moved since the latest round.
    browser.open("?view=dashboard").await;
    let card = browser.text_css("[data-testid=agency-scorecard][data-agency-id=disdukcapil]").await;
    assert!(card.contains(expected.since), "{card}");

    browser.open("").await;
    browser.click("export-json").await;
    let file = browser.downloads().join("Kota Tanjungpinang.masterplan.json");
    let exported = browser.downloaded("Kota Tanjungpinang.masterplan.json").await;
    let value: serde_json::Value = serde_json::from_str(&exported).unwrap();
    let rounds = value["evaluations"].as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0]["scores"]["baseline"], 80.0);
    assert_eq!(rounds[0]["weights"]["impact"], 40.0);
    assert_eq!(rounds[1]["label"], "Evaluasi 2021 (revisi)");

    // A colleague imports the file into a browser of their own: rounds, scores and weights come along.
    let colleague = Browser::start().await;
    colleague.open(&format!("?{}", expected.query)).await;
    colleague.import(&file).await;
    colleague.click("import-replace").await;
    colleague.wait_text("status-count-done", "1").await;
    colleague.open("?view=evaluations").await;
    colleague.wait_css("[data-testid=evaluation-round]:nth-of-type(2)").await;
    // The first round's weights add up to 110 now, so the second has no previous index to change from.
    let index = colleague.text_css(&format!("{second} [data-testid=achievement-index]")).await;
    assert_eq!(index, expected.index_with_change.split(" (").next().unwrap());
    for (round, input, value) in [
        (first, "weight-impact", "40"),
        (first, "score-quick_win", "90"),
        (second, "score-quick_win", expected.decimal_score),
    ] {
        let input = colleague.wait_css(&format!("{round} [data-testid={input}]")).await;
        assert_eq!(input.prop("value").await.unwrap().as_deref(), Some(value));
    }
    colleague.close().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_recorded_round_compares_scores_and_survives_export_and_import() {
    evaluation_journey(&INDONESIAN).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_evaluation_journey_in_english() {
    evaluation_journey(&ENGLISH).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scorecard_prints_alone_and_joins_the_slides_and_the_report() {
    let browser = Browser::start().await;
    browser.open("?view=dashboard").await;
    let card = browser.text_css("[data-testid=agency-scorecard][data-agency-id=disdukcapil]").await;
    assert!(card.contains("Dinas Kependudukan dan Pencatatan Sipil") && card.contains("SiKancil"), "{card}");
    assert!(card.contains("100,00 %") && card.contains("Evaluasi Tahap I"), "{card}");
    browser.select("scorecard-agency", "dlh").await;
    let card = browser.text_css("[data-testid=agency-scorecard][data-agency-id=dlh]").await;
    assert!(card.contains("Program Kampung Iklim"), "{card}");

    // Printed alone: under print media, while the print dialog is open, only this scorecard shows.
    browser
        .eval(
            "window.print = () => {
                const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
                window.printedCards = [...document.querySelectorAll('[data-testid=agency-scorecard]')]
                    .filter(shown).map(e => e.dataset.agencyId);
                window.printedCharts = [...document.querySelectorAll('[data-testid^=chart-]')].filter(shown).length;
                window.printedHeadings = [...document.querySelectorAll('h2')].filter(shown).length;
                window.dispatchEvent(new Event('afterprint'));
            };
            return null",
        )
        .await;
    browser.emulate_print(true).await;
    // Print media hides the button itself, so the click comes from a script.
    browser.eval("document.querySelector('[data-testid=scorecard-print]').click(); return null").await;
    browser.emulate_print(false).await;
    assert_eq!(browser.eval("return window.printedCards").await, serde_json::json!(["dlh"]));
    assert_eq!(browser.eval("return window.printedCharts").await, 0, "no dashboard chart is printed");
    assert_eq!(browser.eval("return window.printedHeadings").await, 0, "no other section is printed");
    assert_eq!(
        browser.eval("return document.querySelectorAll('[data-printing], [data-print-target]').length").await,
        0,
        "after printing, the next print is the whole page again"
    );

    // Chromium's own PDF: the scorecard alone fits a page; the whole dashboard takes several.
    let whole = browser.printed_pages().await;
    let alone = pages_printed_alone(&browser, "[data-testid=scorecard-print]").await;
    assert_eq!(alone, 1, "the scorecard alone (the whole dashboard: {whole} pages)");
    assert!(whole > 2, "{whole}");

    // Presentation: one scorecard slide per agency with programs, at the end of the deck.
    browser.click("present-start").await;
    browser.keys("\u{E010}").await;
    let last = browser.wait_css("[data-testid=slide-scorecard]").await;
    assert_eq!(last.attr("data-agency-id").await.unwrap().as_deref(), Some("dlh"));
    browser.keys("\u{E00C}").await;

    // The report has every agency's scorecard, each on a page of its own.
    browser.open("?view=report").await;
    browser.emulate_print(true).await;
    let breaks = browser
        .eval(
            "return [...document.querySelectorAll('[data-testid=report-scorecards] [data-testid=agency-scorecard]')]
                .map(s => getComputedStyle(s).breakBefore)",
        )
        .await;
    assert_eq!(breaks, serde_json::json!(["auto", "page", "page", "page"]));
    browser.emulate_print(false).await;
    // The third printed alone: no blank page for the break before it.
    let third =
        "[data-testid=report-scorecards] [data-testid=agency-scorecard]:nth-of-type(3) [data-testid=scorecard-print]";
    assert_eq!(pages_printed_alone(&browser, third).await, 1);
    browser.close().await;
}

/// The pages of Chromium's own PDF of the page while the scorecard whose print button `button` is marked
/// for printing alone.
async fn pages_printed_alone(browser: &Browser, button: &str) -> usize {
    browser.eval("window.print = () => {}; return null").await;
    browser.wait_css(button).await.click().await.unwrap();
    browser.keep_print_marks_for_the_next_print().await;
    let pages = browser.printed_pages().await;
    browser.eval("window.dispatchEvent(new Event('afterprint')); return null").await;
    pages
}
