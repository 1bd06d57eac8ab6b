//! End-to-end journeys of the data store in the release build: two tabs of the page changing the same
//! plan (different fields of one program, the same field, a program deleted in one and edited in the
//! other, an import against an edit, the plan's details against a round), a tab closed or reloaded right
//! after an edit, storage full to the brim before an import, backups moving from localStorage to IndexedDB
//! (and staying in localStorage where there is none), and the room the app takes.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use e2e::browser::{Browser, FIXTURE};

/// The stored revision: how many saves the data has seen.
async fn revision(browser: &Browser) -> u64 {
    let text = browser.eval("return localStorage.getItem('masterplan-tracker/dataset') || ''").await;
    masterplan_tracker::storage::envelope::stored_revision(text.as_str().unwrap()).unwrap_or(0)
}

/// Waits until the stored revision has passed `after`; returns it.
async fn saved_after(browser: &Browser, after: u64) -> u64 {
    let started = std::time::Instant::now();
    loop {
        let now = revision(browser).await;
        if now > after {
            return now;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "never saved past revision {after}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A program as stored, as the file writes it.
async fn stored_program(browser: &Browser, id: &str) -> Option<serde_json::Value> {
    let text = browser.eval("return localStorage.getItem('masterplan-tracker/dataset')").await;
    let stored = masterplan_tracker::storage::envelope::decode_dataset(text.as_str().unwrap()).unwrap();
    stored.dataset.programs.into_iter().find(|p| p.id == id).map(|p| serde_json::to_value(p).unwrap())
}

async fn status_shown(browser: &Browser, id: &str) -> String {
    let script = format!(
        "return document.querySelector('[data-program-id=\"{id}\"] [data-testid=program-status-select]').value"
    );
    browser.eval(&script).await.as_str().unwrap().to_owned()
}

async fn wait_status_shown(browser: &Browser, id: &str, status: &str) {
    let script = format!(
        "const s = document.querySelector('[data-program-id=\"{id}\"] [data-testid=program-status-select]'); \
         return !!s && s.value == '{status}'"
    );
    browser.wait_until(&script, &format!("{id} shows {status}")).await;
}

/// Replaces the text of a field of the program form as a user types it.
async fn retype(browser: &Browser, testid: &str, text: &str) {
    let field = browser.wait_for(testid).await;
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Two tabs of the register showing QRIS (ECO-01); the second has the program's form open and is current.
async fn two_tabs_with_the_form_open_in_the_second(
    browser: &Browser,
    lang: &str,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    let address = format!("?view=register&q=QRIS{lang}");
    browser.open(&address).await;
    let first = browser.current_window().await;
    let second = browser.open_window().await;
    browser.switch_to(&second).await;
    browser.open(&address).await;
    browser.click("program-open").await;
    browser.wait_for("program-form").await;
    (first, second)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_open_in_one_tab_keeps_what_the_other_tab_changed() {
    let browser = Browser::start().await;
    let (first, second) = two_tabs_with_the_form_open_in_the_second(&browser, "").await;

    browser.switch_to(&first).await;
    browser.program_status("ECO-01").await.select_by_value("done").await.unwrap();
    let written = saved_after(&browser, 0).await;

    browser.switch_to(&second).await;
    browser.wait_text_contains("toast", "tab lain").await;
    retype(&browser, "program-field-name", "QRIS di semua pasar").await;
    browser.click("program-save").await;
    saved_after(&browser, written).await;
    let stored = stored_program(&browser, "ECO-01").await.unwrap();
    assert_eq!(stored["name"], "QRIS di semua pasar", "this tab's change");
    assert_eq!(stored["status"], "done", "the other tab's change survives");
    assert_eq!(status_shown(&browser, "ECO-01").await, "done");
    assert!(!browser.exists("edit-conflict").await);

    browser.switch_to(&first).await;
    browser
        .wait_until(
            "return document.querySelector('[data-program-id=\"ECO-01\"] [data-testid=program-open]').textContent \
             == 'QRIS di semua pasar'",
            "the first tab shows the second's name",
        )
        .await;
    assert_eq!(status_shown(&browser, "ECO-01").await, "done");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_field_changed_in_two_tabs_asks_which_to_keep() {
    let browser = Browser::start().await;
    let (first, second) = two_tabs_with_the_form_open_in_the_second(&browser, "&lang=en").await;

    browser.switch_to(&first).await;
    browser.program_status("ECO-01").await.select_by_value("done").await.unwrap();
    let written = saved_after(&browser, 0).await;

    browser.switch_to(&second).await;
    browser.wait_text_contains("toast", "another tab").await;
    browser.select("program-field-status", "discussion").await;
    browser.click("program-save").await;
    let conflict = browser.wait_for("edit-conflict").await;
    assert_eq!(conflict.attr("role").await.unwrap().as_deref(), Some("alert"));
    let text = browser.text("edit-conflict").await;
    assert!(text.contains("Another tab changed the same data"), "{text}");
    assert!(text.contains("ECO-01") && text.contains("Status"), "which program and field: {text}");
    assert_eq!(browser.text("edit-conflict-mine").await, "Under discussion");
    assert_eq!(browser.text("edit-conflict-theirs").await, "Done");
    let merged = saved_after(&browser, written).await;
    assert_eq!(stored_program(&browser, "ECO-01").await.unwrap()["status"], "done", "nothing overwritten yet");

    browser.switch_to(&first).await;
    assert_eq!(status_shown(&browser, "ECO-01").await, "done");

    browser.switch_to(&second).await;
    browser.click("edit-conflict-keep-mine").await;
    browser.wait_gone("edit-conflict").await;
    saved_after(&browser, merged).await;
    assert_eq!(stored_program(&browser, "ECO-01").await.unwrap()["status"], "discussion");

    browser.switch_to(&first).await;
    wait_status_shown(&browser, "ECO-01", "discussion").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_program_deleted_in_one_tab_while_edited_in_the_other_comes_back_if_kept() {
    let browser = Browser::start().await;
    let (first, second) = two_tabs_with_the_form_open_in_the_second(&browser, "").await;

    browser.switch_to(&first).await;
    browser.click("program-open").await;
    browser.click("program-delete").await;
    browser.click("program-delete-confirm").await;
    let written = saved_after(&browser, 0).await;
    assert!(stored_program(&browser, "ECO-01").await.is_none());

    browser.switch_to(&second).await;
    browser.wait_text_contains("toast", "tab lain").await;
    retype(&browser, "program-field-name", "QRIS tetap jalan").await;
    browser.click("program-save").await;
    browser.wait_for("edit-conflict").await;
    assert_eq!(browser.text("edit-conflict-mine").await, "(dipertahankan)");
    assert_eq!(browser.text("edit-conflict-theirs").await, "(dihapus)");
    saved_after(&browser, written).await;
    assert!(stored_program(&browser, "ECO-01").await.is_none(), "still deleted until the user chooses");
    let before_choice = revision(&browser).await;
    browser.click("edit-conflict-keep-mine").await;
    saved_after(&browser, before_choice).await;
    assert_eq!(stored_program(&browser, "ECO-01").await.unwrap()["name"], "QRIS tetap jalan");

    browser.switch_to(&first).await;
    browser
        .wait_until("return !!document.querySelector('[data-program-id=\"ECO-01\"]')", "back in the first tab")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_in_one_tab_meets_an_edit_in_the_other() {
    let browser = Browser::start().await;
    browser.open("?view=register&q=QRIS").await;
    let first = browser.current_window().await;
    let second = browser.open_window().await;
    browser.switch_to(&second).await;
    browser.open("").await;
    browser.import(std::path::Path::new(FIXTURE)).await;
    browser.wait_for("import-replace").await;

    browser.switch_to(&first).await;
    browser.program_status("ECO-01").await.select_by_value("done").await.unwrap();
    saved_after(&browser, 0).await;

    browser.switch_to(&second).await;
    browser.wait_text_contains("toast", "tab lain").await;
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    browser.wait_for("edit-conflict").await;
    let conflicted = browser
        .eval("return [...document.querySelectorAll('[data-testid=edit-conflict-item]')].map(e => e.dataset.record)")
        .await;
    assert_eq!(conflicted, serde_json::json!(["program:ECO-01"]), "only the program the other tab changed");
    assert_eq!(browser.text("edit-conflict-mine").await, "(dihapus)");
    browser.click("edit-conflict-keep-theirs").await;
    browser.wait_gone("edit-conflict").await;
    // The fixture's five programs and the one the other tab kept working on.
    browser.wait_text("program-count", "6").await;

    browser.switch_to(&first).await;
    browser.wait_text("city-name", "Kota Contoh").await;
    wait_status_shown(&browser, "ECO-01", "done").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_plans_details_in_one_tab_and_a_round_in_the_other_both_stay() {
    let browser = Browser::start().await;
    browser.open("?view=register").await;
    let first = browser.current_window().await;
    let second = browser.open_window().await;
    browser.switch_to(&second).await;
    browser.open("?view=evaluations").await;

    browser.switch_to(&first).await;
    browser.open_details("plan-panel").await;
    retype(&browser, "plan-title", "Masterplan Smart City 2019–2023 (revisi)").await;
    browser.click("plan-save").await;
    let written = saved_after(&browser, 0).await;

    browser.switch_to(&second).await;
    retype(&browser, "evaluation-label", "Evaluasi 2021").await;
    browser.click("evaluation-record").await;
    saved_after(&browser, written).await;
    browser.open("").await;
    let title = browser.eval("return document.querySelector('.plan-title').textContent").await;
    assert!(title.as_str().unwrap().contains("(revisi)"), "{title}");
    let rounds = browser.eval("return JSON.parse(localStorage.getItem('masterplan-tracker/dataset')).revision").await;
    assert!(rounds.as_u64().unwrap() >= 2);
    browser.click("view-evaluations").await;
    browser
        .wait_until("return document.querySelectorAll('[data-testid=evaluation-round]').length == 2", "both rounds")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_made_right_before_the_tab_reloads_or_closes_is_there_when_the_page_opens_again() {
    let browser = Browser::start().await;
    browser.open("?view=register&q=QRIS").await;
    // In one go: the change, then the reload, before the page paints again (when it would save).
    browser
        .eval(
            "window.beforeReload = true;
             const s = document.querySelector('[data-program-id=\"ECO-01\"] [data-testid=program-status-select]');
             s.value = 'done'; s.dispatchEvent(new Event('change'));
             location.reload(); return null",
        )
        .await;
    browser
        .wait_until(
            "return !window.beforeReload && !!document.querySelector('[data-program-id=\"ECO-01\"] [data-testid=program-status-select]')",
            "the page opened again",
        )
        .await;
    assert_eq!(status_shown(&browser, "ECO-01").await, "done", "written as the page went away");

    // A tab closed right after an edit: a tab the page opened itself may close itself.
    let first = browser.current_window().await;
    browser.eval("window.open(location.href, '_blank'); return null").await;
    let windows = browser.client_windows().await;
    let second = windows.into_iter().find(|w| *w != first).expect("the second tab");
    browser.switch_to(&second).await;
    browser.wait_for("program-status-select").await;
    browser
        .eval(
            "const s = document.querySelector('[data-program-id=\"ECO-01\"] [data-testid=program-status-select]');
             s.value = 'discussion'; s.dispatchEvent(new Event('change'));
             window.close(); return null",
        )
        .await;
    browser.switch_to(&first).await;
    wait_status_shown(&browser, "ECO-01", "discussion").await;
    browser.open("?view=register&q=QRIS").await;
    assert_eq!(status_shown(&browser, "ECO-01").await, "discussion");
    browser.close().await;
}

const FILL_STORAGE: &str = "const block = 'x'.repeat(256 * 1024); let i = 0;
     try { while (true) { localStorage.setItem('filler-' + i++, block); } } catch (e) {}
     let piece = 'y'.repeat(8192);
     while (piece.length > 0) {
         try { localStorage.setItem('filler-' + i++, piece); } catch (e) { piece = piece.substring(0, Math.floor(piece.length / 2)); }
     }
     return i";

/// Gives the site's IndexedDB (where the backups are) the room of `bytes`; `None` gives back the browser's own.
async fn site_quota(browser: &Browser, bytes: Option<u64>) {
    let origin = browser.eval("return location.origin").await;
    let params = match bytes {
        Some(bytes) => serde_json::json!({ "origin": origin, "quotaSize": bytes }),
        None => serde_json::json!({ "origin": origin }),
    };
    browser.cdp("Storage.overrideQuotaForOrigin", params).await;
}

/// The keys localStorage holds that start with `prefix`.
async fn local_keys(browser: &Browser, prefix: &str) -> Vec<String> {
    let keys =
        browser.eval(&format!("return Object.keys(localStorage).filter(k => k.startsWith('{prefix}')).sort()")).await;
    serde_json::from_value(keys).unwrap()
}

/// The keys the shelf (the app's IndexedDB database) holds.
async fn shelf_keys(browser: &Browser) -> Vec<String> {
    let keys = browser
        .client_execute_async(
            "const done = arguments[0];
             const opening = indexedDB.open('masterplan-tracker');
             opening.onsuccess = () => {
                 const db = opening.result;
                 const keys = db.transaction('shelf').objectStore('shelf').getAllKeys();
                 keys.onsuccess = () => { db.close(); done(keys.result); };
             };",
        )
        .await;
    serde_json::from_value(keys).unwrap()
}

async fn backups_listed(browser: &Browser) -> u64 {
    browser.eval("return document.querySelectorAll('[data-testid=backup-item]').length").await.as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn storage_full_to_the_brim_before_an_import_stops_it_and_offers_the_current_data_first() {
    let browser = Browser::start().await;
    browser.open("").await;
    // No room in localStorage (the dataset) nor in the site's quota (IndexedDB, the backups).
    site_quota(&browser, Some(1)).await;
    browser.eval(FILL_STORAGE).await;
    browser.import(std::path::Path::new(FIXTURE)).await;
    browser.click("import-replace").await;
    let stop = browser.text("import-no-room").await;
    assert!(stop.contains("tidak punya ruang") && stop.contains("Data Anda belum berubah"), "{stop}");
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    browser.click("import-no-room-download").await;
    let current = browser.downloaded("Kota Tanjungpinang.masterplan.json").await;
    let current = masterplan_tracker::format::Dataset::parse(&current).unwrap().dataset;
    assert_eq!(current.programs.len(), 131, "the current data, downloaded before going on");
    browser.click("import-no-room-cancel").await;
    browser.wait_gone("import-no-room").await;
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang", "cancelled: nothing changed");

    browser.import(std::path::Path::new(FIXTURE)).await;
    browser.click("import-replace").await;
    browser.click("import-no-room-continue").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    let banner = browser.text("storage-error").await;
    assert!(banner.contains("BELUM tersimpan"), "{banner}");

    // Leaving writes what could not be saved, now that there is room again.
    browser.eval("Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k)); return null").await;
    browser.open("").await;
    assert_eq!(browser.text("city-name").await, "Kota Contoh", "written as the page went away");

    // With localStorage full but room in IndexedDB, the backup is kept there: the import goes through, the
    // page says the data is not saved, and undo puts back what was there.
    site_quota(&browser, None).await;
    browser.eval("localStorage.clear(); return null").await;
    browser.open("").await;
    browser.eval(FILL_STORAGE).await;
    browser.import(std::path::Path::new(FIXTURE)).await;
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    assert!(!browser.exists("import-no-room").await);
    browser.wait_for("storage-error").await;
    assert_eq!(local_keys(&browser, "masterplan-tracker/backup/").await.len(), 0, "no backup in localStorage");
    assert_eq!(shelf_keys(&browser).await.iter().filter(|k| k.starts_with("masterplan-tracker/backup/")).count(), 1);
    browser.click("import-undo").await;
    browser.wait_text("city-name", "Kota Tanjungpinang").await;
    browser.eval("Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k)); return null").await;
    browser.open("").await;
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang", "the undo is stored");
    browser.close().await;
}

/// What an earlier version kept in localStorage (each backup under a key of its own, the oldest versions'
/// list of backups under one key, another city's backups, a removed city) moves to IndexedDB when the page
/// opens: every piece arrives, leaves localStorage, and the backups restore.
#[tokio::test(flavor = "multi_thread")]
async fn backups_an_earlier_version_kept_in_local_storage_move_to_indexeddb_without_loss() {
    use masterplan_tracker::backups::{Backup, BackupReason};
    use masterplan_tracker::import::Origin;
    let browser = Browser::start().await;
    browser.open("").await;
    let named = |city: &str, id: u64| {
        let mut dataset = masterplan_tracker::sample::sample_dataset();
        dataset.plan.city = city.into();
        let reason = BackupReason::BeforeImport { file: "baru.json".into() };
        Backup::of(&dataset, Origin::Imported { file: "lama.json".into() }, reason, id, "2023-11-14T22:13:20Z".into())
    };
    let old = vec![
        (
            "masterplan-tracker/backup/1700000000000".to_owned(),
            serde_json::to_string(&named("Kota Lama", 1_700_000_000_000)).unwrap(),
        ),
        (
            "masterplan-tracker/backups".to_owned(),
            serde_json::to_string(&[named("Kota Tertua", 1_600_000_000_000)]).unwrap(),
        ),
        (
            "masterplan-tracker/city/2/backup/1700000000001".to_owned(),
            serde_json::to_string(&named("Kota Dua", 1_700_000_000_001)).unwrap(),
        ),
        (
            "masterplan-tracker/removed-city/3".to_owned(),
            r#"{"entry":{"id":3,"city":"Kota Tiga"},"stored":""}"#.to_owned(),
        ),
    ];
    for (key, text) in &old {
        let script =
            format!("localStorage.setItem({}, {}); return null", serde_json::json!(key), serde_json::json!(text));
        browser.eval(&script).await;
    }
    browser.open("").await;
    browser
        .wait_until(
            "return document.querySelectorAll('[data-testid=backup-item]').length == 2",
            "both backups of the first city listed",
        )
        .await;
    let mut on_shelf = shelf_keys(&browser).await;
    on_shelf.sort();
    assert_eq!(
        on_shelf,
        [
            "masterplan-tracker/backup/1600000000000",
            "masterplan-tracker/backup/1700000000000",
            "masterplan-tracker/city/2/backup/1700000000001",
            "masterplan-tracker/removed-city/3",
        ]
    );
    for prefix in ["masterplan-tracker/backup", "masterplan-tracker/city/", "masterplan-tracker/removed-city/"] {
        assert_eq!(local_keys(&browser, prefix).await, Vec::<String>::new(), "{prefix}: gone from localStorage");
    }
    let list = browser.text("backup-list").await;
    assert!(list.contains("Kota Lama") && list.contains("Kota Tertua"), "{list}");
    browser.eval("document.querySelector('[data-backup-id=\"1600000000000\"] [data-testid=backup-restore]').click(); return null").await;
    browser.wait_text("city-name", "Kota Tertua").await;
    browser.close().await;
}

/// Where the browser has no IndexedDB, backups stay in localStorage as in earlier versions, and an import
/// still keeps one before it replaces the data.
#[tokio::test(flavor = "multi_thread")]
async fn without_indexeddb_backups_stay_in_local_storage() {
    let browser = Browser::start().await;
    let hide = "Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });";
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": hide })).await;
    browser.open("").await;
    browser.import(std::path::Path::new(FIXTURE)).await;
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    assert_eq!(local_keys(&browser, "masterplan-tracker/backup/").await.len(), 1);
    assert_eq!(backups_listed(&browser).await, 1);
    browser.click("import-undo").await;
    browser.wait_text("city-name", "Kota Tanjungpinang").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_says_how_much_room_it_takes_and_whether_the_browser_keeps_the_data() {
    let browser = Browser::start().await;
    browser.open("?lang=en").await;
    let persistence = browser.wait_for("storage-persistence").await;
    assert_eq!(persistence.attr("data-persistence").await.unwrap().as_deref(), Some("not-asked"));
    browser.import_fixture().await;
    browser
        .wait_until(
            "const p = document.querySelector('[data-testid=storage-persistence]').dataset.persistence;
             return p == 'granted' || p == 'refused'",
            "the browser was asked to keep the data",
        )
        .await;
    let answer = browser.wait_for("storage-persistence").await.attr("data-persistence").await.unwrap().unwrap();
    let persisted =
        browser.client_execute_async("const done = arguments[0]; navigator.storage.persisted().then(done)").await;
    assert_eq!(answer == "granted", persisted == true, "the page says what the browser answered");
    let text = browser.text("storage-persistence").await;
    assert!(text.contains("The browser"), "{text}");
    let room = browser.text("storage-room").await;
    assert!(room.starts_with("The app uses") && room.contains("of the about 5.2 MB"), "{room}");
    assert!(room.contains("The browser estimates that this site uses"), "{room}");
    browser.close().await;
}
