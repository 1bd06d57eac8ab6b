//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted into a page, driven
//! through its own controls and `data-testid`s; and the readers as built for the browser.
#![cfg(target_arch = "wasm32")]

use masterplan_tracker::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// An empty browser: localStorage and the shelf (IndexedDB).
async fn clear_browser() {
    storage().clear().unwrap();
    masterplan_tracker::storage::shelf::clear().await.unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// A freshly mounted app over an empty browser store, in its own container.
struct Page {
    root: Element,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// The runner reports results through elements of its own in the body: only our container is removed.
impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Page {
    async fn open() -> Page {
        clear_browser().await;
        Self::mount().await
    }

    /// A fresh app opened at an address of its own (`?view=dashboard`); the runner's address is put back
    /// once the app has read it.
    async fn open_at(query: &str) -> Page {
        clear_browser().await;
        let history = web_sys::window().unwrap().history().unwrap();
        let before = web_sys::window().unwrap().location().href().unwrap();
        history.replace_state_with_url(&JsValue::NULL, "", Some(query)).unwrap();
        let page = Self::mount().await;
        history.replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
        page
    }

    async fn mount() -> Page {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone().unchecked_into(), || {
            use leptos::prelude::*;
            view! { <App/> }.into_any()
        });
        leptos::task::tick().await;
        Page { root, _handle: handle }
    }

    fn find(&self, testid: &str) -> Option<Element> {
        self.root.query_selector(&format!("[data-testid=\"{testid}\"]")).unwrap()
    }

    fn text(&self, testid: &str) -> String {
        self.find(testid).unwrap_or_else(|| panic!("no {testid}")).text_content().unwrap_or_default()
    }

    /// Waits up to 30 s until the element shows `expected` (a replacement waits for its backup to be kept).
    async fn wait_text(&self, testid: &str, expected: &str) {
        for _ in 0..1_500 {
            if self.find(testid).and_then(|e| e.text_content()).as_deref() == Some(expected) {
                return;
            }
            sleep(20).await;
        }
        panic!("{testid} never showed {expected:?}; it shows {:?}", self.find(testid).and_then(|e| e.text_content()));
    }

    /// Waits up to 30 s (a slow machine), polling every 20 ms.
    async fn wait_for(&self, testid: &str) -> Element {
        for _ in 0..1_500 {
            if let Some(element) = self.find(testid) {
                return element;
            }
            sleep(20).await;
        }
        panic!("{testid} did not appear");
    }

    async fn click(&self, testid: &str) {
        self.wait_for(testid).await.unchecked_into::<HtmlElement>().click();
        leptos::task::tick().await;
    }

    async fn choose_file(&self, name: &str, contents: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(contents));
        let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
        let transfer = web_sys::DataTransfer::new().unwrap();
        transfer.items().add_with_file(&file).unwrap();
        // The data panel comes after the first paint of the overview.
        let input: HtmlInputElement = self.wait_for("import-file").await.unchecked_into();
        input.set_files(Some(&transfer.files().unwrap()));
        input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    }
}

/// A score reads as the number nearest to what was written (as Rust's own parser reads it), however many
/// digits it has, in the reader as built for the browser: natively a test library turns on the JSON parser's
/// exact reading whatever the app asks for, so only here does the app's own choice show. The long integer
/// is the fuzzer's finding; the decimals are of the kind a spreadsheet's average writes.
#[wasm_bindgen_test]
fn a_score_reads_as_the_nearest_number_to_what_was_written_however_many_digits_it_has() {
    let long = format!("7066666{}6148914691236517205", "0".repeat(90));
    for written in ["9.635608999999999", "3995383.273219000082463", "244240.953900666645495", &long] {
        let file = small_file("Kota Contoh").replacen(
            r#""programs":["#,
            &format!(r#""evaluations":[{{"id":"e","label":"E","date":"2021-02-03","statuses":{{}},"scores":{{"impact":{written}}}}}],"programs":["#),
            1,
        );
        let read = masterplan_tracker::format::Dataset::parse(&file).unwrap().dataset;
        let impact = read.evaluations[0].scores.as_ref().and_then(|s| s.impact.as_ref()).and_then(|n| n.as_f64());
        assert_eq!(impact, Some(written.parse::<f64>().unwrap()), "{written}");
    }
}

fn small_file(city: &str) -> String {
    format!(
        r#"{{"format":"smart-city-masterplan","version":1,"plan":{{"city":"{city}"}},"programs":[
            {{"id":"A-1","name":"Satu","dimension":"economy","status":"done"}},
            {{"id":"A-2","name":"Dua","dimension":"economy","status":"running"}},
            {{"id":"A-3","name":"Tiga","dimension":"society","status":"running"}}]}}"#
    )
}

#[wasm_bindgen_test]
async fn first_visit_shows_the_published_stage_one_figures() {
    let page = Page::open().await;
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    assert_eq!(page.text("program-count"), "131");
    assert_eq!(page.text("status-count-running"), "79");
    assert_eq!(page.text("status-count-discussion"), "16");
    assert_eq!(page.text("status-count-not_started"), "36");
    assert_eq!(page.text("status-share-running"), "60,31 %");
    assert_eq!(page.text("status-share-discussion"), "12,21 %");
    assert_eq!(page.text("status-share-not_started"), "27,48 %");
    assert!(page.find("sample-notice").is_some());
    for chart in ["chart-status", "chart-dimension"] {
        let svg = page.find(chart).unwrap().query_selector("svg").unwrap();
        assert!(svg.is_some(), "{chart} holds an svg");
    }
    assert!(page.find("chart-status").unwrap().inner_html().contains("Sebaran status program"));
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_and_is_remembered() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open().await;
    choose(page.find("lang-switch").unwrap(), "en");
    leptos::task::tick().await;
    assert_eq!(page.text("status-share-running"), "60.31%");
    assert!(page.find("chart-status").unwrap().inner_html().contains("Programs by status"));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert!(window.location().search().unwrap().contains("lang=en"), "written into the address");
    drop(page);
    // Remembered by the browser too: an address without the parameter opens in English.
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    let again = Page::mount().await;
    assert_eq!(again.text("status-share-running"), "60.31%", "the choice survives a reload");
    drop(again);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_checked_file_waits_for_the_choice_and_replaces_the_data() {
    let page = Page::open().await;
    page.choose_file("contoh.masterplan.json", &small_file("Kota Contoh")).await;
    page.wait_for("import-replace").await;
    assert_eq!(page.text("program-count"), "131", "nothing changes before the user chooses");
    page.click("import-replace").await;
    page.wait_text("city-name", "Kota Contoh").await;
    assert_eq!(page.text("program-count"), "3");
    assert_eq!(page.text("status-share-running"), "66,67 %");
    assert_eq!(page.text("status-share-done"), "33,33 %");
    assert!(page.find("sample-notice").is_none());
    assert!(page.text("toast").contains("contoh.masterplan.json"));
    drop(page);
    let reloaded = Page::mount().await;
    assert_eq!(reloaded.text("city-name"), "Kota Contoh", "the import survives a reload");
}

/// An import cancelled while the backup of the current data is being written is not made: the backup is kept,
/// the data stays.
#[wasm_bindgen_test]
async fn an_import_cancelled_while_its_backup_is_written_is_not_made() {
    let page = Page::open().await;
    page.choose_file("batal.json", &small_file("Kota Batal")).await;
    page.wait_for("import-replace").await;
    // Both clicks in one go: the backup is written after them.
    page.find("import-replace").unwrap().unchecked_into::<HtmlElement>().click();
    page.find("import-cancel").unwrap().unchecked_into::<HtmlElement>().click();
    page.wait_for("backup-item").await;
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang", "the cancelled import was not made");
    assert!(page.find("import-preview").is_none());
    clear_browser().await;
}

#[wasm_bindgen_test]
async fn cancel_and_merge() {
    let page = Page::open().await;
    page.choose_file("a.json", &small_file("Kota A")).await;
    page.wait_for("import-cancel").await;
    page.click("import-cancel").await;
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    assert!(page.find("import-replace").is_none());
    page.choose_file("a.json", &small_file("Kota A")).await;
    page.wait_for("import-merge").await;
    page.click("import-merge").await;
    page.wait_text("program-count", "134").await;
    assert_eq!(page.text("city-name"), "Kota A");
}

#[wasm_bindgen_test]
async fn a_refused_file_names_the_place_and_changes_nothing() {
    let page = Page::open().await;
    let broken = small_file("Kota Rusak").replace(r#""status":"done""#, r#""status":"selesai""#);
    page.choose_file("rusak.json", &broken).await;
    let error = page.wait_for("import-error").await;
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let message = error.text_content().unwrap();
    assert!(message.contains("programs[0].status"), "{message}");
    assert!(message.contains("\"selesai\""), "{message}");
    assert!(page.find("import-replace").is_none());
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    assert_eq!(page.text("program-count"), "131");
}

/// Fills the site's storage until not even one more character fits.
fn fill_storage() {
    let block = "x".repeat(64 * 1024);
    let mut i = 0;
    while storage().set_item(&format!("filler-{i}"), &block).is_ok() {
        i += 1;
    }
    let mut piece = "y".repeat(16 * 1024);
    while !piece.is_empty() {
        i += 1;
        if storage().set_item(&format!("filler-{i}"), &piece).is_err() {
            piece.truncate(piece.len() / 2);
        }
    }
}

/// Makes every write to localStorage fail as a full storage does (`QuotaExceededError`), or writes work again.
fn refuse_writes_as_full(refuse: bool) {
    let script = if refuse {
        "Storage.prototype.__setItem = Storage.prototype.__setItem || Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
    } else {
        "if (Storage.prototype.__setItem) {
             Storage.prototype.setItem = Storage.prototype.__setItem;
             delete Storage.prototype.__setItem;
         }"
    };
    js_sys::Function::new_no_args(script).call0(&JsValue::NULL).unwrap();
}

/// Whether leaving the page now would ask for confirmation: a `beforeunload` that the page cancels.
fn leaving_asks() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    event.default_prevented()
}

/// The keys of the backups localStorage holds.
fn backup_keys_in_local_storage() -> usize {
    (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("masterplan-tracker/backup/"))
        .count()
}

/// Backups are on the shelf (IndexedDB), out of localStorage's room: with localStorage full to the brim, the
/// backup taken before an import is still kept, the import goes through, the page says its data is not
/// saved (and leaving asks), and undo puts back what was there.
#[wasm_bindgen_test]
async fn with_local_storage_full_an_import_keeps_its_backup_on_the_shelf_and_says_the_data_is_not_saved() {
    let page = Page::open().await;
    fill_storage();
    page.choose_file("contoh.json", &small_file("Kota Penuh")).await;
    page.wait_for("import-replace").await;
    page.click("import-replace").await;
    page.wait_text("city-name", "Kota Penuh").await;
    assert!(page.find("import-no-room").is_none(), "the backup needs no room in localStorage");
    let banner = page.wait_for("storage-error").await;
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.text_content().unwrap().contains("penuh"), "{}", banner.text_content().unwrap());
    assert!(leaving_asks(), "unsaved data: leaving asks first");
    let shelved = masterplan_tracker::storage::shelf::with_prefix("masterplan-tracker/backup/").await.unwrap();
    assert_eq!(shelved.len(), 1, "the backup taken before the import is on the shelf");
    assert_eq!(backup_keys_in_local_storage(), 0, "and not in localStorage");
    assert!(page.text("backup-list").contains("contoh.json"), "{}", page.text("backup-list"));
    page.click("import-undo").await;
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    assert_eq!(page.text("program-count"), "131");
    clear_browser().await;
}

/// With localStorage full, a city coming in is not added, and the message says so in the page's language;
/// the city the page works on stays as it was.
#[wasm_bindgen_test]
async fn a_city_that_finds_no_room_is_not_added_and_the_message_says_why() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open().await;
    fill_storage();
    page.choose_file("b.json", &small_file("Kota B")).await;
    page.wait_for("import-add-city").await;
    page.click("import-add-city").await;
    wait_until(|| page.find("toast").is_some_and(|t| t.text_content().unwrap().contains("Tidak semua kota"))).await;
    let said = page.text("toast");
    assert!(said.contains("penyimpanan peramban penuh"), "{said}");
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    clear_browser().await;
    // Adding cities opens the comparison: the runner's address comes back for the next test.
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
}

/// When another page deletes or upgrades the database, the shelf lets its connection go at once (the other
/// page is not blocked) and opens the database again on its next use.
#[wasm_bindgen_test]
async fn the_shelf_gives_way_to_a_database_deleted_elsewhere_and_opens_it_again() {
    use masterplan_tracker::storage::shelf;
    shelf::put("masterplan-tracker/backup/1", "{}").await.unwrap();
    let request =
        web_sys::window().unwrap().indexed_db().unwrap().unwrap().delete_database("masterplan-tracker").unwrap();
    let deleted = js_sys::Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
    JsFuture::from(deleted).await.unwrap();
    assert_eq!(shelf::with_prefix("masterplan-tracker/backup/").await.unwrap(), Vec::new(), "a new, empty database");
    shelf::put("masterplan-tracker/backup/2", "{}").await.unwrap();
    assert_eq!(shelf::get("masterplan-tracker/backup/2").await.unwrap().as_deref(), Some("{}"));
    clear_browser().await;
}

/// What another tab does after changing the shelf: says so on the shelf's channel.
fn announce_as_another_tab() {
    let channel = web_sys::BroadcastChannel::new(masterplan_tracker::storage::shelf::CHANGES_CHANNEL).unwrap();
    channel.post_message(&JsValue::TRUE).unwrap();
    channel.close();
}

/// Tabs that took backups at the same moment can leave more on the shelf than a city keeps: the page lists
/// the newest five and lets the older go from the shelf; one another tab lets go leaves the list.
#[wasm_bindgen_test]
async fn the_shelf_keeps_the_newest_five_backups_and_the_list_follows_other_tabs() {
    use masterplan_tracker::storage::shelf;
    clear_browser().await;
    // A small plan: packing the example seven times takes long in a debug build.
    let dataset = masterplan_tracker::format::Dataset::parse(&small_file("Kota Kecil")).unwrap().dataset;
    for id in 1..=7u64 {
        let reason = masterplan_tracker::backups::BackupReason::BeforeExample;
        let origin = masterplan_tracker::import::Origin::Sample;
        let backup =
            masterplan_tracker::backups::Backup::of(&dataset, origin, reason, id, "2026-11-28T00:00:00Z".into());
        shelf::put(&format!("masterplan-tracker/backup/{id}"), &serde_json::to_string(&backup).unwrap()).await.unwrap();
    }
    let page = Page::mount().await;
    let listed = || page.root.query_selector_all("[data-testid=backup-item]").unwrap().length();
    wait_until(|| listed() == 5).await;
    let kept = || async {
        shelf::with_prefix("masterplan-tracker/backup/").await.unwrap().into_iter().map(|(k, _)| k).collect::<Vec<_>>()
    };
    for _ in 0..500 {
        if kept().await.len() == 5 {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(kept().await, (3..=7).map(|id| format!("masterplan-tracker/backup/{id}")).collect::<Vec<_>>());
    // Another tab lets the newest go.
    shelf::delete(&["masterplan-tracker/backup/7".to_owned()]).await.unwrap();
    announce_as_another_tab();
    wait_until(|| listed() == 4).await;
    assert_eq!(page.find("backup-item").unwrap().get_attribute("data-backup-id").as_deref(), Some("6"));
    clear_browser().await;
}

/// A backup another tab puts on the shelf is listed here at once (the tabs tell each other through the
/// shelf's channel: IndexedDB has no `storage` event), and restores.
#[wasm_bindgen_test]
async fn a_backup_another_tab_put_on_the_shelf_is_listed_and_restores() {
    let page = Page::open().await;
    let mut old = masterplan_tracker::sample::sample_dataset();
    old.plan.city = "Kota Lama".into();
    let backup = masterplan_tracker::backups::Backup::of(
        &old,
        masterplan_tracker::import::Origin::Imported { file: "lama.json".into() },
        masterplan_tracker::backups::BackupReason::BeforeImport { file: "baru.json".into() },
        1_700_000_000_000,
        "2023-11-14T22:13:20Z".into(),
    );
    // As another tab keeps it, and tells the others on the shelf's channel.
    masterplan_tracker::storage::shelf::put(
        "masterplan-tracker/backup/1700000000000",
        &serde_json::to_string(&backup).unwrap(),
    )
    .await
    .unwrap();
    announce_as_another_tab();
    wait_until(|| page.find("backup-item").is_some()).await;
    assert!(page.text("backup-list").contains("Kota Lama"), "{}", page.text("backup-list"));
    page.click("backup-restore").await;
    page.wait_text("city-name", "Kota Lama").await;
    clear_browser().await;
}

#[wasm_bindgen_test]
async fn leaving_asks_only_while_something_could_not_be_saved() {
    let page = Page::open_at("?view=register&q=QRIS").await;
    assert!(!leaving_asks(), "nothing changed");
    let select = page.wait_for("program-status-select").await;
    choose(select, "done");
    assert!(!leaving_asks(), "an edit not yet written is written on leaving, without asking");
    saved_after(0).await;
    // Full for every write from now: a storage filled to the last character may still take an edit whose
    // packed data happens to be no longer than before.
    refuse_writes_as_full(true);
    choose(page.find("program-status-select").unwrap(), "discussion");
    page.wait_for("storage-error").await;
    assert!(leaving_asks(), "the edit could not be saved");
    refuse_writes_as_full(false);
    choose(page.find("program-status-select").unwrap(), "running");
    wait_until(|| page.find("storage-error").is_none()).await;
    assert!(!leaving_asks(), "saved again");
    assert_eq!(program_in_storage("ECO-01")["status"], "running");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_preview_takes_the_focus_and_escape_cancels_it() {
    let page = Page::open().await;
    page.choose_file("a.json", &small_file("Kota A")).await;
    page.wait_for("import-replace").await;
    leptos::task::tick().await;
    let focused = document().active_element().and_then(|e| e.get_attribute("data-testid"));
    assert_eq!(focused.as_deref(), Some("import-replace"));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    page.find("import-replace").unwrap().dispatch_event(&escape).unwrap();
    leptos::task::tick().await;
    assert!(page.find("import-preview").is_none());
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    assert!(page.text("toast").contains("dibatalkan"));
}

#[wasm_bindgen_test]
async fn a_large_file_shows_its_progress_and_can_be_stopped() {
    let page = Page::open().await;
    let big = masterplan_tracker::generate::synthetic_dataset(20_000, 1).to_file_json();
    page.choose_file("besar.masterplan.json", &big).await;
    leptos::task::tick().await;
    let progress = page.find("import-progress").expect("reading shows its progress");
    assert_eq!(progress.get_attribute("role").as_deref(), Some("status"));
    assert!(progress.text_content().unwrap().contains("besar.masterplan.json"));
    page.click("import-abort").await;
    sleep(500).await;
    assert!(page.find("import-progress").is_none());
    assert!(page.find("import-preview").is_none(), "a stopped import offers nothing");
    assert!(page.find("import-error").is_none());
    assert!(page.text("toast").contains("dibatalkan"));
    assert_eq!(page.text("program-count"), "131");
}

#[wasm_bindgen_test]
async fn pasted_text_is_checked_like_a_file() {
    let page = Page::open().await;
    page.click("import-paste-open").await;
    let area: web_sys::HtmlTextAreaElement = page.find("import-paste-text").unwrap().unchecked_into();
    area.set_value(&small_file("Kota Tempel"));
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    page.click("import-paste-submit").await;
    page.wait_for("import-preview").await;
    assert!(page.text("import-preview").contains("Teks yang ditempel"));
    page.click("import-replace").await;
    page.wait_text("city-name", "Kota Tempel").await;
    assert!(page.find("import-undo").is_some());
    let backups = page.text("backup-list");
    assert!(backups.contains("sebelum impor teks yang ditempel"), "the backup says what replaced it: {backups}");
}

#[wasm_bindgen_test]
async fn opening_the_register_changes_nothing() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open_at("?view=register").await;
    // Time for a save that should not happen; the address is put back again in case the register wrote it.
    sleep(100).await;
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    assert!(page.find("register-shown-count").is_some());
    assert_eq!(storage().get_item("masterplan-tracker/dataset").unwrap(), None, "nothing was saved");
    let undo: web_sys::HtmlButtonElement = page.find("undo").unwrap().unchecked_into();
    assert!(undo.disabled());
}

#[wasm_bindgen_test]
async fn a_scorecard_follows_the_chosen_agency_and_prints_alone() {
    let window = web_sys::window().unwrap();
    let page = Page::open_at("?view=dashboard").await;
    let card = page.wait_for("agency-scorecard").await;
    assert_eq!(card.get_attribute("data-agency-id").as_deref(), Some("disdukcapil"), "the first agency");
    assert!(page.text("scorecard-since").contains("Evaluasi Tahap I"));

    choose(page.find("scorecard-agency").unwrap(), "dlh");
    leptos::task::tick().await;
    let card = page.find("agency-scorecard").unwrap();
    assert_eq!(card.get_attribute("data-agency-id").as_deref(), Some("dlh"));
    assert!(card.text_content().unwrap().contains("Program Kampung Iklim"));

    // The print dialog, stood in for: it notes the marks it finds, then closes as the browser's does.
    let original = js_sys::Reflect::get(&window, &"print".into()).unwrap();
    // Everything that holds the scorecard is marked too, for the print style sheet (which then needs no `:has()`).
    let stand_in = js_sys::Function::new_no_args(
        "const target = document.querySelector('[data-print-target]');
         const holders = [];
         for (let e = target?.parentElement; e; e = e.parentElement) holders.push(e.hasAttribute('data-print-path'));
         window.printMarks = document.body.getAttribute('data-printing') + ':' + target?.dataset.agencyId + ':' +
             holders.every(Boolean) + ':' + document.querySelectorAll('[data-print-path]').length;
         window.dispatchEvent(new Event('afterprint'));",
    );
    js_sys::Reflect::set(&window, &"print".into(), &stand_in).unwrap();
    page.click("scorecard-print").await;
    let marks = js_sys::Reflect::get(&window, &"printMarks".into()).unwrap().as_string().unwrap();
    let depth = marks.rsplit(':').next().unwrap().parse::<u32>().unwrap();
    assert!(marks.starts_with("one:dlh:true:") && depth > 3, "only this scorecard is marked for printing: {marks}");
    let marked = "[data-printing], [data-print-target], [data-print-path]";
    assert!(document().query_selector(marked).unwrap().is_none(), "marks came off");

    // A print dialog that never says it closed: the next print from the browser's menu is the whole page.
    let silent = js_sys::Function::new_no_args("");
    js_sys::Reflect::set(&window, &"print".into(), &silent).unwrap();
    page.click("scorecard-print").await;
    assert!(document().query_selector(marked).unwrap().is_some());
    window.dispatch_event(&web_sys::Event::new("beforeprint").unwrap()).unwrap();
    assert!(document().query_selector(marked).unwrap().is_none(), "a print of the whole page clears the marks");
    js_sys::Reflect::set(&window, &"print".into(), &original).unwrap();
}

/// Sets a select's value as choosing an option does.
fn choose(select: Element, value: &str) {
    let select: HtmlSelectElement = select.unchecked_into();
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn a_round_chosen_for_comparison_stays_shown_when_an_earlier_one_is_deleted() {
    let page = Page::open_at("?view=evaluations").await;
    for label in ["Evaluasi 2021", "Evaluasi 2022"] {
        let input: HtmlInputElement = page.wait_for("evaluation-label").await.unchecked_into();
        input.set_value(label);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        page.click("evaluation-record").await;
    }
    let rounds = page.root.query_selector_all("[data-testid=evaluation-round]").unwrap();
    assert_eq!(rounds.length(), 3);
    let last: Element = rounds.item(2).unwrap().unchecked_into();
    let last_id = last.get_attribute("data-evaluation-id").unwrap();
    choose(page.find("compare-from").unwrap(), &last_id);
    leptos::task::tick().await;
    // The Stage I round goes: the options move up one place each.
    page.click("evaluation-delete").await;
    page.click("evaluation-delete-confirm").await;
    sleep(50).await;
    assert_eq!(page.root.query_selector_all("[data-testid=evaluation-round]").unwrap().length(), 2);
    let from: HtmlSelectElement = page.find("compare-from").unwrap().unchecked_into();
    assert_eq!(from.value(), last_id, "the select shows the round compared");
}

#[wasm_bindgen_test]
async fn an_agency_added_and_renamed_shows_its_name_through_undo() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open_at("?view=register").await;
    let new_name: HtmlInputElement = page.wait_for("agency-new-name").await.unchecked_into();
    new_name.set_value("Badan Perencanaan Pembangunan Daerah");
    new_name.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    page.click("agency-add").await;
    let row = "[data-testid=agency-row][data-agency-id=badan-perencanaan] [data-testid=agency-name]";
    let name: HtmlInputElement = page.root.query_selector(row).unwrap().expect("the new agency's row").unchecked_into();
    name.set_value("Bappeda");
    name.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    sleep(50).await;
    let rows = page.text("agency-panel");
    assert!(rows.contains("badan-perencanaan"), "the id from the name's first words: {rows}");
    page.click("undo").await;
    sleep(50).await;
    let name: HtmlInputElement = page.root.query_selector(row).unwrap().expect("the row stays").unchecked_into();
    assert_eq!(name.value(), "Badan Perencanaan Pembangunan Daerah", "the field follows the undone rename");
    drop(page);
    // The register writes its view into the address; the next test starts from the runner's own.
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
}

const DATASET_KEY: &str = "masterplan-tracker/dataset";

/// Waits up to 30 s for a condition, polling every 10 ms.
async fn wait_until(condition: impl Fn() -> bool) {
    for _ in 0..3_000 {
        if condition() {
            return;
        }
        sleep(10).await;
    }
    panic!("the condition never held");
}

fn stored_revision() -> u64 {
    let text = storage().get_item(DATASET_KEY).unwrap().unwrap_or_default();
    masterplan_tracker::storage::envelope::stored_revision(&text).unwrap_or(0)
}

/// Waits until the app has written its data past `revision`; returns the new revision.
async fn saved_after(revision: u64) -> u64 {
    wait_until(|| stored_revision() > revision).await;
    stored_revision()
}

fn stored_dataset() -> masterplan_tracker::format::Dataset {
    let text = storage().get_item(DATASET_KEY).unwrap().expect("stored");
    masterplan_tracker::storage::envelope::decode_dataset(&text).unwrap().dataset
}

/// A program as stored, as the file writes it.
fn program_in_storage(id: &str) -> serde_json::Value {
    let program = stored_dataset().programs.into_iter().find(|p| p.id == id).expect("the program is stored");
    serde_json::to_value(program).unwrap()
}

/// Saves data as another tab of the page does (the next revision), and tells this page as the browser
/// tells other tabs.
fn save_in_other_tab(change: impl FnOnce(&mut masterplan_tracker::format::Dataset)) -> u64 {
    let mut dataset = storage()
        .get_item(DATASET_KEY)
        .unwrap()
        .map(|text| masterplan_tracker::storage::envelope::decode_dataset(&text).unwrap().dataset)
        .unwrap_or_else(masterplan_tracker::sample::sample_dataset);
    change(&mut dataset);
    let revision = stored_revision() + 1;
    write_as_other_tab(&dataset, revision, "2026-11-28T08:00:00Z");
    revision
}

/// Stores data as another tab does, at this revision, and tells this page as the browser tells other tabs.
fn write_as_other_tab(dataset: &masterplan_tracker::format::Dataset, revision: u64, saved_at: &str) {
    let text = masterplan_tracker::storage::envelope::encode_dataset(
        dataset,
        &masterplan_tracker::storage::envelope::Origin::Sample,
        saved_at,
        revision,
    );
    storage().set_item(DATASET_KEY, &text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(DATASET_KEY));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

fn set_program(
    dataset: &mut masterplan_tracker::format::Dataset,
    id: &str,
    edit: impl FnOnce(&mut masterplan_tracker::format::Program),
) {
    edit(dataset.programs.iter_mut().find(|p| p.id == id).unwrap());
}

/// Types into a field of the program form as a user does.
fn type_into(page: &Page, testid: &str, text: &str) {
    let input: HtmlInputElement = page.find(testid).unwrap().unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_program_form_writes_only_what_it_changed_over_another_tabs_edit() {
    let page = Page::open_at("?view=register&q=QRIS").await;
    page.wait_for("program-open").await;
    page.click("program-open").await;
    page.wait_for("program-form").await;
    // Meanwhile another tab sets the program's status.
    let theirs =
        save_in_other_tab(|d| set_program(d, "ECO-01", |p| p.status = masterplan_tracker::format::Status::Done));
    page.wait_for("toast").await;
    type_into(&page, "program-field-name", "QRIS di semua pasar");
    page.click("program-save").await;
    saved_after(theirs).await;
    let stored = program_in_storage("ECO-01");
    assert_eq!(stored["name"], "QRIS di semua pasar", "this tab's change");
    assert_eq!(stored["status"], "done", "the other tab's change, which the form did not touch");
    assert!(page.find("edit-conflict").is_none());
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_same_field_changed_in_two_tabs_waits_for_the_users_choice() {
    use masterplan_tracker::format::Status;
    let page = Page::open_at("?view=register&q=QRIS").await;
    page.wait_for("program-open").await;
    page.click("program-open").await;
    page.wait_for("program-form").await;
    let theirs = save_in_other_tab(|d| set_program(d, "ECO-01", |p| p.status = Status::Done));
    page.wait_for("toast").await;
    choose(page.find("program-field-status").unwrap(), "discussion");
    page.click("program-save").await;
    let conflict = page.wait_for("edit-conflict").await;
    assert_eq!(conflict.get_attribute("role").as_deref(), Some("alert"));
    let text = conflict.text_content().unwrap();
    assert!(text.contains("ECO-01") && text.contains("Status"), "which program and field: {text}");
    assert_eq!(page.text("edit-conflict-mine"), "Dalam pembahasan");
    assert_eq!(page.text("edit-conflict-theirs"), "Selesai");
    let written = saved_after(theirs).await;
    assert_eq!(program_in_storage("ECO-01")["status"], "done", "nothing is overwritten before the choice");
    assert!(leaving_asks(), "a choice is waiting");
    page.click("edit-conflict-keep-mine").await;
    saved_after(written).await;
    assert_eq!(program_in_storage("ECO-01")["status"], "discussion");
    assert!(page.find("edit-conflict").is_none());
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn unsaved_edits_are_carried_over_onto_what_another_tab_saved_meanwhile() {
    use masterplan_tracker::format::Status;
    let page = Page::open_at("?view=register&q=QRIS").await;
    choose(page.wait_for("program-status-select").await, "done");
    // Before this tab writes (right after the next paint), another tab saves other changes.
    let theirs = save_in_other_tab(|d| {
        set_program(d, "GOV-04", |p| p.status = Status::Done);
        set_program(d, "ECO-01", |p| p.progress = Some(80));
    });
    saved_after(theirs).await;
    let qris = program_in_storage("ECO-01");
    assert_eq!((qris["status"].as_str(), qris["progress"].as_i64()), (Some("done"), Some(80)), "both fields");
    assert_eq!(program_in_storage("GOV-04")["status"], "done", "the other tab's program");
    assert!(page.find("edit-conflict").is_none());

    // The same field, changed in both before this tab writes: the other tab's value stays until chosen.
    choose(page.find("program-status-select").unwrap(), "running");
    let theirs = save_in_other_tab(|d| set_program(d, "ECO-01", |p| p.status = Status::NotStarted));
    page.wait_for("edit-conflict").await;
    saved_after(theirs).await;
    assert_eq!(program_in_storage("ECO-01")["status"], "not_started");
    page.click("edit-conflict-keep-theirs").await;
    assert!(page.find("edit-conflict").is_none());
    let select: HtmlSelectElement = page.find("program-status-select").unwrap().unchecked_into();
    assert_eq!(select.value(), "not_started", "the register shows what is kept");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_edit_made_right_before_the_app_goes_away_is_written() {
    let page = Page::open_at("?view=register&q=QRIS").await;
    choose(page.wait_for("program-status-select").await, "done");
    // Gone before the next paint, when the save would have run.
    drop(page);
    assert_eq!(program_in_storage("ECO-01")["status"], "done");
    storage().clear().unwrap();
}

/// An envelope of this version whose packed dataset is damaged.
const DAMAGED: &str =
    r#"{"storage_version":2,"revision":3,"saved_at":"x","origin":{"kind":"sample"},"dataset_packed":"!!"}"#;

#[wasm_bindgen_test]
async fn unreadable_data_is_set_aside_each_time_and_listed() {
    storage().clear().unwrap();
    storage().set_item(DATASET_KEY, "{\"storage_version\": 1, broken").unwrap();
    let page = Page::mount().await;
    assert!(page.text("storage-error").contains("tidak dapat dibaca"));
    drop(page);
    storage().set_item(DATASET_KEY, DAMAGED).unwrap();
    let page = Page::mount().await;
    let list = page.wait_for("set-aside-list").await;
    assert_eq!(list.query_selector_all("[data-testid=set-aside-item]").unwrap().length(), 2, "both kept, both listed");
    let kept: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("masterplan-tracker/unreadable/"))
        .map(|k| storage().get_item(&k).unwrap().unwrap())
        .collect();
    assert_eq!(kept.len(), 2);
    assert!(kept.contains(&"{\"storage_version\": 1, broken".to_owned()));
    assert!(kept.contains(&DAMAGED.to_owned()));
    drop(page);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_save_by_a_version_that_counts_no_revisions_is_not_overwritten() {
    use masterplan_tracker::format::Status;
    let page = Page::open_at("?view=register&q=QRIS").await;
    choose(page.wait_for("program-status-select").await, "done");
    let mine = saved_after(0).await;
    // An open tab of the previous version saves: its envelope has no revision.
    let mut dataset = stored_dataset();
    set_program(&mut dataset, "GOV-04", |p| p.status = Status::Done);
    let text = masterplan_tracker::storage::envelope::encode_dataset(
        &dataset,
        &masterplan_tracker::storage::envelope::Origin::Sample,
        "2026-11-28T09:00:00Z",
        0,
    )
    .replace("\"revision\":0,", "");
    storage().set_item(DATASET_KEY, &text).unwrap();
    choose(page.find("program-status-select").unwrap(), "discussion");
    saved_after(0).await;
    wait_until(|| stored_revision() > mine).await;
    assert_eq!(program_in_storage("GOV-04")["status"], "done", "the older version's save is kept");
    assert_eq!(program_in_storage("ECO-01")["status"], "discussion");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn data_a_newer_version_wrote_is_left_in_place_and_never_written_over() {
    storage().clear().unwrap();
    let newer = r#"{"storage_version": 99, "revision": 12, "saved_at": "later"}"#;
    storage().set_item(DATASET_KEY, newer).unwrap();
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some("?view=register&q=QRIS")).unwrap();
    let page = Page::mount().await;
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    assert!(page.text("storage-error").contains("versi aplikasi yang lebih baru"));
    choose(page.wait_for("program-status-select").await, "done");
    assert!(leaving_asks(), "nothing this page changes is saved: leaving asks");
    assert_eq!(storage().get_item(DATASET_KEY).unwrap().as_deref(), Some(newer), "left as the newer version wrote it");
    let set_aside = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("masterplan-tracker/unreadable/"))
        .count();
    assert_eq!(set_aside, 0, "not moved aside either: the newer version reads it");
    drop(page);
    assert_eq!(storage().get_item(DATASET_KEY).unwrap().as_deref(), Some(newer), "nor when the app goes away");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_write_that_went_over_this_tabs_last_one_unseen_gets_it_again() {
    use masterplan_tracker::format::Status;
    let page = Page::open_at("?view=register&q=QRIS").await;
    choose(page.wait_for("program-status-select").await, "done");
    let mine = saved_after(0).await;
    // Another tab that had not seen that write writes the same revision (closing, it could not wait for the
    // lock): this tab's change is gone from storage.
    let mut theirs = masterplan_tracker::sample::sample_dataset();
    set_program(&mut theirs, "GOV-04", |p| p.status = Status::Done);
    write_as_other_tab(&theirs, mine, "2026-11-28T10:00:00Z");
    saved_after(mine).await;
    assert_eq!(program_in_storage("ECO-01")["status"], "done", "this tab's change, written again");
    assert_eq!(program_in_storage("GOV-04")["status"], "done", "the other tab's change");
    drop(page);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_first_visit_offers_a_plan_of_ones_own_which_starts_empty_and_undoes() {
    let page = Page::open().await;
    page.wait_for("start").await;
    // The data panel is there (it comes after the first paint), without its "start again": the choice on top
    // stands for it.
    page.wait_for("import-file").await;
    assert!(page.find("start-again").is_none());
    page.click("start-new-plan").await;
    page.click("new-plan-create").await;
    assert!(page.text("new-plan-form").contains("tidak boleh kosong"), "the city is needed");
    type_into(&page, "new-plan-city", "Kota Baru");
    type_into(&page, "new-plan-start-year", "2025");
    type_into(&page, "new-plan-end-year", "2024");
    page.click("new-plan-create").await;
    assert!(page.find("new-plan-form").is_some(), "years in the wrong order are refused");
    type_into(&page, "new-plan-end-year", "2029");
    page.click("new-plan-create").await;
    page.wait_text("city-name", "Kota Baru").await;
    assert_eq!(page.text("program-count"), "0");
    assert!(page.find("sample-notice").is_none(), "a plan of one's own has no sample notice");
    let next = page.wait_for("next-steps").await.text_content().unwrap();
    assert!(next.contains("Smart Governance") && next.contains("Smart Environment"), "{next}");
    wait_until(|| page.find("start").is_none() || page.find("start-again").is_some()).await;
    assert!(page.find("start-again").is_some(), "the choice moves into the data panel");
    page.click("import-undo").await;
    assert_eq!(page.text("city-name"), "Kota Tanjungpinang");
    assert_eq!(page.text("program-count"), "131");
    assert!(page.find("sample-notice").is_some(), "the example again, labelled as such");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_sample_notice_says_when_the_example_was_changed() {
    let page = Page::open_at("?view=register&q=QRIS").await;
    assert!(page.text("sample-notice").contains("berasal dari hasil Evaluasi Tahap I"));
    choose(page.wait_for("program-status-select").await, "done");
    wait_until(|| page.text("sample-notice").contains("telah diubah")).await;
    page.click("undo").await;
    wait_until(|| page.text("sample-notice").contains("berasal dari hasil Evaluasi Tahap I")).await;
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn select_all_shown_selects_every_row_the_filters_show() {
    let page = Page::open_at("?view=register&status=discussion").await;
    let all: HtmlInputElement = page.wait_for("select-all-shown").await.unchecked_into();
    all.click();
    leptos::task::tick().await;
    assert!(page.text("bulk-bar").contains("16 program"), "{}", page.text("bulk-bar"));
    choose(page.find("bulk-status").unwrap(), "running");
    wait_until(|| page.text("bulk-count") == "16 program akan diubah").await;
    page.click("bulk-apply").await;
    wait_until(|| page.text("register-shown-count") == "Menampilkan 0 dari 131").await;
    page.click("undo").await;
    wait_until(|| page.text("register-shown-count") == "Menampilkan 16 dari 131").await;
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn values_an_earlier_release_saved_beyond_the_later_limits_are_kept_listed_and_not_in_the_way() {
    storage().clear().unwrap();
    // As an earlier release could save it: a year its program form took, which the format now refuses.
    let mut dataset = masterplan_tracker::sample::sample_dataset();
    set_program(&mut dataset, "ECO-01", |p| p.target_year = Some(2150));
    let text = masterplan_tracker::storage::envelope::encode_dataset(
        &dataset,
        &masterplan_tracker::storage::envelope::Origin::own_plan(),
        "2026-11-28T09:00:00Z",
        5,
    );
    storage().set_item(DATASET_KEY, &text).unwrap();
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some("?view=register&q=QRIS")).unwrap();
    let page = Page::mount().await;
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    let listed = page.text("beyond-limits");
    assert!(listed.contains("versi sebelumnya"), "{listed}");
    let row = dataset.programs.iter().position(|p| p.id == "ECO-01").unwrap();
    assert!(
        listed.contains(&format!("(programs[{row}].target_year): tahun 2150 di luar rentang 1900 sampai 2100")),
        "{listed}"
    );
    assert!(page.find("storage-error").is_none(), "nothing set aside");
    // Its status changes in place; the year stays as it was saved.
    choose(page.wait_for("program-status-select").await, "done");
    saved_after(5).await;
    assert_eq!(program_in_storage("ECO-01")["status"], "done");
    assert_eq!(program_in_storage("ECO-01")["target_year"], 2150);
    drop(page);
    storage().clear().unwrap();
}

/// A removed city is kept under its number, which no city added later is given: bringing it back never
/// overwrites another city, and removing a second city keeps the first one's copy.
#[wasm_bindgen_test]
async fn a_removed_citys_number_is_never_given_to_another_and_its_data_comes_back() {
    use masterplan_tracker::storage::{BrowserStorage, CityId, cities};
    clear_browser().await;
    let first = masterplan_tracker::sample::sample_dataset();
    let named = |name: &str, programs: usize| {
        let mut d = masterplan_tracker::generate::synthetic_dataset(programs, 1);
        d.plan.city = name.into();
        d
    };
    let store = BrowserStorage::open(CityId::FIRST).unwrap();
    let b = cities::add(store, &first, &named("Kota B", 5), "b.json", "2026-11-28T00:00:00Z").unwrap();
    let c = cities::add(store, &first, &named("Kota C", 7), "c.json", "2026-11-28T00:00:00Z").unwrap();
    cities::remove(store, c).await.unwrap();
    cities::remove(store, b).await.unwrap();
    let kept = masterplan_tracker::storage::shelf::with_prefix("masterplan-tracker/removed-city/").await.unwrap();
    assert_eq!(kept.len(), 2, "both removed cities are kept on the shelf");
    let d = cities::add(store, &first, &named("Kota D", 9), "d.json", "2026-11-28T00:00:00Z").unwrap();
    assert!(d != b && d != c, "a new city takes a number never given before");
    cities::bring_back(store, c).await.unwrap().expect("the first removed city is still kept");
    cities::bring_back(store, b).await.unwrap().expect("the second too");
    let names: Vec<(u32, String, usize)> = cities::list(store)
        .into_iter()
        .map(|e| (e.id.0, e.city, cities::dataset(e.id).map_or(usize::MAX, |d| d.programs.len())))
        .collect();
    assert_eq!(
        names,
        [
            (0, "Kota Tanjungpinang".to_owned(), usize::MAX),
            (b.0, "Kota B".to_owned(), 5),
            (c.0, "Kota C".to_owned(), 7),
            (d.0, "Kota D".to_owned(), 9)
        ]
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_agencys_short_name_from_the_panel_names_its_bar_and_one_too_long_is_refused_at_the_field() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open_at("?view=register").await;
    page.wait_for("agency-panel").await;
    let field = "[data-testid=agency-row][data-agency-id=disdukcapil] [data-testid=agency-short-name]";
    let short: HtmlInputElement = page.root.query_selector(field).unwrap().expect("the agency's row").unchecked_into();
    assert_eq!(short.value(), "Disdukcapil", "the example's acronym");
    let revision = stored_revision();
    short.set_value("Capil");
    short.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    // Saved with the data (stored packed, so read by its revision).
    saved_after(revision).await;
    // Longer than a chart's label allows: refused, said at the field, the acronym kept.
    short.set_value("Dinas Kependudukan Capil");
    short.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    wait_until(|| page.text("agency-panel").contains("Singkatan: ")).await;
    let short: HtmlInputElement = page.root.query_selector(field).unwrap().unwrap().unchecked_into();
    assert_eq!(short.value(), "Capil");
    assert!(
        page.text("agency-panel").contains("24"),
        "the message says how long it was: {}",
        page.text("agency-panel")
    );
    // The agency chart names the bar by the acronym.
    page.click("view-dashboard").await;
    let chart = page.wait_for("chart-agency").await;
    wait_until(|| chart.query_selector("svg").unwrap().is_some()).await;
    let labels: Vec<String> = (0..chart.query_selector_all("svg text").unwrap().length())
        .filter_map(|i| chart.query_selector_all("svg text").unwrap().item(i)?.text_content())
        .map(|t| t.trim().to_owned())
        .collect();
    assert!(labels.iter().any(|l| l == "Capil"), "{labels:?}");
    drop(page);
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
}

#[wasm_bindgen_test]
async fn notes_written_in_the_slide_list_are_kept_with_the_arrangement() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open_at("?view=dashboard").await;
    let list: web_sys::HtmlDetailsElement = page.wait_for("slide-list").await.unchecked_into();
    list.set_open(true);
    list.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
    let item = "[data-testid=slide-item][data-slide-key=headline] [data-testid=slide-notes]";
    wait_until(|| page.root.query_selector(item).unwrap().is_some()).await;
    let notes: web_sys::HtmlTextAreaElement = page.root.query_selector(item).unwrap().unwrap().unchecked_into();
    notes.set_value("Sebut 60,31 % dulu.");
    notes.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    wait_until(|| {
        storage().get_item("masterplan-tracker/settings").unwrap().unwrap_or_default().contains("Sebut 60,31 % dulu.")
    })
    .await;
    // Drawn again (the list closed and opened), the notes are there.
    list.set_open(false);
    list.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
    list.set_open(true);
    list.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
    wait_until(|| {
        page.root
            .query_selector(item)
            .unwrap()
            .is_some_and(|e| e.unchecked_into::<web_sys::HtmlTextAreaElement>().value() == "Sebut 60,31 % dulu.")
    })
    .await;
    drop(page);
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
}

#[wasm_bindgen_test]
async fn a_confirmation_held_by_the_pointer_stays_and_belongs_to_its_view() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open_at("?view=register&q=QRIS").await;
    choose(page.wait_for("program-status-select").await, "done");
    let toast = page.wait_for("toast").await;
    assert!(page.text("toast-message").ends_with("Sudah berjalan → Selesai"), "{}", page.text("toast-message"));
    // The pointer on its dismiss button: mouseover bubbles up to the message.
    let over = web_sys::EventInit::new();
    over.set_bubbles(true);
    page.find("toast-dismiss")
        .unwrap()
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("mouseover", &over).unwrap())
        .unwrap();
    drop(toast);
    // Longer than a confirmation stays by itself (6 s): held, it is still there.
    sleep(7_000).await;
    assert!(page.find("toast").is_some(), "the pointer on it holds it");
    // Another view opened: the message was about the register, and goes.
    page.click("view-overview").await;
    wait_until(|| page.find("toast").is_none()).await;
    drop(page);
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_confirmation_dismissed_under_the_pointer_leaves_the_next_one_to_fade_out() {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    let page = Page::open_at("?view=register&q=QRIS").await;
    choose(page.wait_for("program-status-select").await, "done");
    page.wait_for("toast").await;
    let over = web_sys::EventInit::new();
    over.set_bubbles(true);
    let dismiss = page.find("toast-dismiss").unwrap();
    dismiss.dispatch_event(&web_sys::Event::new_with_event_init_dict("mouseover", &over).unwrap()).unwrap();
    page.click("toast-dismiss").await;
    wait_until(|| page.find("toast").is_none()).await;
    // The button went with the pointer on it; the next message is not held by it.
    choose(page.wait_for("program-status-select").await, "running");
    wait_until(|| page.find("toast").is_some()).await;
    // It fades out, then goes.
    wait_until(|| page.find("toast").is_some_and(|t| t.class_list().contains("fading"))).await;
    wait_until(|| page.find("toast").is_none()).await;
    drop(page);
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    storage().clear().unwrap();
}
