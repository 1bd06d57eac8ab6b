//! End-to-end journeys of the program register: a filtered view from its address, a status changed in
//! place showing on the overview, undo and redo, edits surviving a reload, the program form's checks,
//! two windows of the same page staying consistent, and a full storage saying so.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::Browser;

async fn rows(browser: &Browser) -> i64 {
    browser.eval("return document.querySelectorAll('[data-testid=program-row]').length").await.as_i64().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_filtered_view_opens_from_its_address() {
    let browser = Browser::start().await;
    browser.open("?view=register&status=discussion").await;
    assert_eq!(browser.text("register-shown-count").await, "Menampilkan 16 dari 131");
    let undo_disabled = browser.eval("return document.querySelector('[data-testid=undo]').disabled").await;
    assert_eq!(undo_disabled, true, "nothing to undo on a fresh page");
    browser.wait_for("register-search").await.send_keys("sikancil").await.unwrap();
    browser.wait_text("register-shown-count", "Menampilkan 0 dari 131").await;
    browser.open("?view=register&q=SiKancil&lang=en").await;
    assert_eq!(browser.text("register-shown-count").await, "Showing 1 of 131");
    let url = browser.eval("return location.search").await;
    assert!(url.as_str().unwrap().contains("q=SiKancil"), "{url}");
    assert_eq!(rows(&browser).await, 1);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_status_changed_in_the_register_shows_on_the_overview_and_undoes() {
    let browser = Browser::start().await;
    browser.open("?view=register&q=sikancil").await;
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    browser.click("view-overview").await;
    browser.wait_text("status-count-done", "1").await;
    assert_eq!(browser.text("status-count-running").await, "78");
    assert_eq!(browser.text("status-share-done").await, "0,76 %");

    browser.click("undo").await;
    browser.wait_text("status-count-done", "0").await;
    browser.click("redo").await;
    browser.wait_text("status-count-done", "1").await;
    // The keyboard does the same.
    browser.keys("\u{E009}z\u{E009}").await;
    browser.wait_text("status-count-done", "0").await;
    browser.keys("\u{E009}\u{E008}z\u{E008}\u{E009}").await;
    browser.wait_text("status-count-done", "1").await;

    browser.open("").await;
    assert_eq!(browser.text("status-count-done").await, "1", "the edit survived a reload");
    browser.go_back().await;
    browser.wait_for("register-shown-count").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_program_form_checks_like_the_importer_and_postpones() {
    let browser = Browser::start().await;
    browser.open("?view=register&q=GOV-04").await;
    browser
        .wait_css("[data-testid=program-row][data-program-id=\"GOV-04\"] [data-testid=program-open]")
        .await
        .click()
        .await
        .unwrap();
    let progress = browser.wait_for("program-field-progress").await;
    progress.send_keys("150").await.unwrap();
    browser.click("program-save").await;
    let message = browser.text_css("[data-testid=program-form] .has-error .field-error").await;
    assert!(message.contains("150") && message.contains("100"), "{message}");
    // Years and budgets out of range are refused at their fields, as the importer refuses them; a year too
    // large for any calendar is refused too, not dropped.
    let target_year = browser.wait_for("program-field-target_year").await;
    target_year.send_keys("2150").await.unwrap();
    let budget = browser.wait_for("program-field-budget_planned").await;
    budget.send_keys("-5").await.unwrap();
    let realized = browser.wait_for("program-field-budget_realized").await;
    realized.send_keys("2.000.000.000.000.000").await.unwrap();
    let postponed = browser.wait_for("program-field-postponed_to").await;
    postponed.send_keys("99999999999").await.unwrap();
    browser.click("program-save").await;
    for (field, says) in [
        ("target_year", "2150 di luar rentang 1900 sampai 2100"),
        ("budget_planned", "-5 kurang dari 0"),
        ("budget_realized", "2.000.000.000.000.000 di luar rentang 0 sampai 1.000.000.000.000.000"),
        ("postponed_to", "99999999999 di luar rentang 1900 sampai 2100"),
    ] {
        let message = browser.text_css(&format!("#program-{field}-error")).await;
        assert!(message.contains(says), "{field}: {message}");
    }
    // Emptied as a person does (WebDriver's clear fires no input event).
    for field in [&target_year, &budget, &realized, &postponed] {
        field.send_keys("\u{E009}a\u{E000}\u{E003}").await.unwrap();
    }
    progress.clear().await.unwrap();
    progress.send_keys("50").await.unwrap();
    browser.wait_for("program-field-postponed_to").await.send_keys("2021").await.unwrap();
    browser.wait_for("program-field-delay_reason").await.send_keys("Refocusing anggaran Covid-19").await.unwrap();
    browser.click("program-save").await;
    browser.wait_gone("program-form").await;
    // The postponement's column is one the user shows.
    browser.open_details("register-columns").await;
    browser.click("register-column-postponed_to").await;
    browser.wait_css("thead th.postponed-to").await;
    let row = browser.text_css("[data-testid=program-row][data-program-id=\"GOV-04\"]").await;
    assert!(row.contains("50 %") && row.contains("2021") && row.contains("Refocusing"), "{row}");
    browser.click("view-overview").await;
    let postponed = browser.text("postponed-list").await;
    assert!(postponed.contains("(5)"), "{postponed}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_windows_of_the_page_stay_consistent() {
    let browser = Browser::start().await;
    browser.open("").await;
    let first = browser.current_window().await;
    let second = browser.open_window().await;
    browser.switch_to(&second).await;
    browser.open("?view=register&q=QRIS").await;
    browser.program_status("ECO-01").await.select_by_value("done").await.unwrap();
    browser.switch_to(&first).await;
    browser.wait_text("status-count-done", "1").await;
    assert!(browser.text("toast").await.contains("tab lain"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_storage_says_the_edit_is_not_saved_and_loses_nothing() {
    let browser = Browser::start().await;
    browser.open("?view=register&q=QRIS").await;
    browser
        .eval(
            "const block = 'x'.repeat(256 * 1024); let i = 0;
             try { while (true) { localStorage.setItem('filler-' + i++, block); } } catch (e) {}
             let piece = 'y'.repeat(8192);
             while (piece.length > 0) { try { localStorage.setItem('filler-' + i++, piece); } catch (e) { piece = piece.substring(0, Math.floor(piece.length / 2)); } }
             return i",
        )
        .await;
    browser.program_status("ECO-01").await.select_by_value("done").await.unwrap();
    let banner = browser.text("storage-error").await;
    assert!(banner.contains("BELUM tersimpan"), "{banner}");
    browser.click("view-overview").await;
    assert_eq!(browser.text("status-count-done").await, "1", "the edit stays on screen");
    browser.click("export-json").await;
    let exported = browser.downloaded("Kota Tanjungpinang.masterplan.json").await;
    assert!(
        exported.contains("\"id\": \"ECO-01\"") && exported.contains("\"status\": \"done\""),
        "the export carries the edit"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_programs_form_offers_the_next_id_starts_on_the_name_and_says_every_error_at_once() {
    let browser = Browser::start().await;
    browser.open("?view=register").await;
    browser.click("program-add").await;
    browser.wait_for("program-form").await;
    assert_eq!(browser.value("program-field-id").await, "GOV-31", "the next id of the dimension's pattern");
    browser
        .wait_until(
            "return document.activeElement && document.activeElement.id === 'program-name'",
            "focus on the name",
        )
        .await;
    browser.select("program-field-dimension", "environment").await;
    browser
        .wait_until("return document.querySelector('[data-testid=program-field-id]').value === 'ENV-21'", "ENV-21")
        .await;
    // A postponement without its reason, an amount as people type it, and no name: every error at once.
    browser.wait_for("program-field-postponed_to").await.send_keys("2021").await.unwrap();
    browser.wait_for("program-field-budget_planned").await.send_keys("1.500.000.000").await.unwrap();
    browser.click("program-save").await;
    browser.wait_css("#program-delay_reason-error:not(:empty)").await;
    let name_error = browser.text_css("#program-name-error").await;
    assert!(!name_error.is_empty(), "the name's error beside the reason's, in the same save");
    assert!(browser.text_css("#program-delay_reason-error").await.contains("wajib"));
    browser.wait_for("program-field-name").await.send_keys("Bank sampah digital").await.unwrap();
    browser.wait_for("program-field-delay_reason").await.send_keys("Anggaran dialihkan").await.unwrap();
    browser.click("program-save").await;
    browser.wait_gone("program-form").await;
    // Opened again, the budget reads as it was typed.
    browser.open("?view=register&q=ENV-21").await;
    browser
        .wait_css("[data-testid=program-row][data-program-id=\"ENV-21\"] [data-testid=program-open]")
        .await
        .click()
        .await
        .unwrap();
    assert_eq!(browser.value("program-field-budget_planned").await, "1.500.000.000");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_status_change_says_its_program_and_values_undo_says_what_it_took_back_and_both_fade() {
    let browser = Browser::start().await;
    for (lang, made, undone) in [
        ("id", "GOV-01 · Status: Sudah berjalan → Selesai", "Dibatalkan: GOV-01 · Status: Sudah berjalan → Selesai"),
        ("en", "GOV-01 · Status: Running → Done", "Undone: GOV-01 · Status: Running → Done"),
    ] {
        browser.open(&format!("?lang={lang}&view=register&q=sikancil")).await;
        browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
        browser.wait_text("toast-message", made).await;
        // A confirmation is not an alert: it fades by itself.
        assert_eq!(browser.wait_for("toast").await.attr("role").await.unwrap().as_deref(), Some("status"));
        browser.wait_gone("toast").await;
        browser.click("undo").await;
        browser.wait_text("toast-message", undone).await;
        browser.wait_gone("toast").await;
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_bulk_bar_counts_what_it_will_change_applies_on_its_button_and_follows_undo() {
    let browser = Browser::start().await;
    browser.open("?view=register&dimension=governance&status=discussion").await;
    browser.click("select-all-shown").await;
    let selected = browser.text("bulk-bar").await;
    assert!(selected.contains("program dipilih"), "{selected}");
    let shown: usize = browser.text("register-shown-count").await.split(' ').nth(1).unwrap().parse().unwrap();
    assert!(shown > 1, "the sample has governance programs under discussion");
    // Choosing a value changes nothing yet: it says how many programs it will change.
    browser.select("bulk-agency", "diskominfo").await;
    let will = browser.text("bulk-count").await;
    let count: usize = will.split(' ').next().unwrap().parse().unwrap();
    assert!(count >= 1 && count <= shown, "{will}");
    assert!(will.ends_with("program akan diubah"), "{will}");
    browser.click("bulk-apply").await;
    browser.wait_text("toast-message", &format!("{count} program · OPD: Diskominfo")).await;
    assert_eq!(browser.value("bulk-agency").await, "diskominfo", "the selection now shares it");
    // Undone, the bar shows what the programs have again, and the same choice applies again.
    browser.click("undo").await;
    browser.wait_text("toast-message", &format!("Dibatalkan: {count} program · OPD: Diskominfo")).await;
    assert_ne!(browser.value("bulk-agency").await, "diskominfo");
    browser.select("bulk-agency", "diskominfo").await;
    browser.wait_text("bulk-count", &format!("{count} program akan diubah")).await;
    browser.click("bulk-apply").await;
    browser.wait_text("toast-message", &format!("{count} program · OPD: Diskominfo")).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn at_1366_px_the_register_fits_with_its_status_column_and_columns_chosen_are_remembered() {
    let browser = Browser::start().await;
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    let measure = "const box = document.querySelector('[data-testid=register-table]');
        const b = box.getBoundingClientRect();
        const status = document.querySelector('[data-testid=program-row] [data-testid=program-status-select]').getBoundingClientRect();
        const inside = (r) => r.left >= b.left - 1 && r.right <= b.left + box.clientWidth + 1;
        const cell = (s) => document.querySelector('[data-testid=program-row] td.' + s).getBoundingClientRect();
        return { fits: box.scrollWidth <= box.clientWidth, status: inside(status), id: inside(cell('id')), name: inside(cell('name')),
                 columns: document.querySelectorAll('.register-table thead th').length };";
    for lang in ["id", "en"] {
        browser.open(&format!("?lang={lang}&view=register")).await;
        browser.wait_for("program-row").await;
        let seen = browser.eval(measure).await;
        assert_eq!(seen["fits"], true, "{lang}: {seen}");
        assert_eq!(seen["status"], true, "{lang}: {seen}");
    }
    // Every column shown: the table scrolls sideways, the id and the name stay in place, and the status
    // (beside the name) stays in view.
    browser.open_details("register-columns").await;
    for code in ["subdimension", "quick_win", "horizon", "target_year", "postponed_to", "locations"] {
        browser.click(&format!("register-column-{code}")).await;
    }
    browser.wait_css("thead th.locations").await;
    let wide = browser.eval(measure).await;
    assert_eq!(wide["fits"], false, "{wide}");
    assert_eq!(wide["columns"], 13, "the checkbox, id, name, status and the nine optional columns: {wide}");
    browser.eval("const box = document.querySelector('[data-testid=register-table]'); box.scrollLeft = box.scrollWidth; return null").await;
    browser
        .wait_until("return document.querySelector('[data-testid=register-table]').scrollLeft > 0", "scrolled sideways")
        .await;
    let scrolled = browser.eval(measure).await;
    assert_eq!((scrolled["id"].clone(), scrolled["name"].clone()), (true.into(), true.into()), "{scrolled}");
    // Chosen columns are remembered across a reload; the agency hidden takes its column away.
    browser.click("register-column-agency").await;
    browser.wait_gone_css("thead th.agency").await;
    browser.reload().await;
    browser.wait_for("program-row").await;
    assert!(browser.exists_css("thead th.locations").await, "the locations column still shown");
    assert!(!browser.exists_css("thead th.agency").await, "the agency column still hidden");
    browser.close().await;
}
