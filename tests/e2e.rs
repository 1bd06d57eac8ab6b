//! End-to-end journeys: the release bundle served from a sub-path on 127.0.0.1 and driven through
//! chromedriver in headless Chromium, as a user would: open, switch language, import, reload, export.
//! Run by `cargo xtask test`, which builds the bundle and installs the browser first.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use std::path::Path;

use e2e::browser::{Browser, FIXTURE, Profile};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn first_visit_shows_the_stage_one_figures_in_both_languages() {
    let browser = Browser::start().await;
    browser.open("").await;
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    assert_eq!(browser.text("program-count").await, "131");
    assert_eq!(browser.text("status-count-running").await, "79");
    assert_eq!(browser.text("status-count-discussion").await, "16");
    assert_eq!(browser.text("status-count-not_started").await, "36");
    assert_eq!(browser.text("status-count-done").await, "0");
    assert_eq!(browser.text("status-share-running").await, "60,31 %");
    assert_eq!(browser.text("status-share-discussion").await, "12,21 %");
    assert_eq!(browser.text("status-share-not_started").await, "27,48 %");
    assert!(browser.text("sample-notice").await.contains("27 November 2020"));
    assert_eq!(browser.eval("return document.querySelectorAll('[data-testid^=chart-] svg').length").await, 2);
    assert_eq!(browser.eval("return document.documentElement.lang").await, "id");

    browser.open("?lang=en").await;
    assert_eq!(browser.text("status-share-running").await, "60.31%");
    assert_eq!(browser.text("status-share-discussion").await, "12.21%");
    assert_eq!(browser.text("status-share-not_started").await, "27.48%");
    assert!(browser.inner_html("chart-dimension").await.contains("Programs per dimension by status"));

    // The choice made by the URL is remembered like one made with the switch.
    browser.open("").await;
    assert_eq!(browser.text("status-share-running").await, "60.31%");
    browser.select("lang-switch", "id").await;
    assert_eq!(browser.text("status-share-running").await, "60,31 %");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_loads_only_its_own_files_and_runs_no_inline_script() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.wait_for("program-count").await;
    let csp = browser.eval("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content").await;
    let csp = csp.as_str().unwrap();
    assert!(csp.contains("connect-src 'self'") && csp.contains("default-src 'none'"), "{csp}");
    assert_eq!(browser.eval("return document.querySelectorAll('script:not([src])').length").await, 0);
    let foreign = browser
        .eval(
            "return performance.getEntriesByType('resource').map(e => e.name)
                .filter(n => !n.startsWith(location.origin + '/apps/masterplan/'))",
        )
        .await;
    assert_eq!(foreign, Value::Array(vec![]), "every resource comes from the app's own sub-path");
    browser.close().await;
}

/// Every view, in both languages, and the presentation: the browser reports no breach of the page's
/// Content-Security-Policy (a blocked style would, for one, leave the charts' text measured wrong).
#[tokio::test(flavor = "multi_thread")]
async fn no_view_breaks_a_rule_of_the_content_security_policy() {
    let browser = Browser::start().await;
    browser.cdp("Page.enable", serde_json::json!({})).await;
    let watch = "window.__breaches = [];
        document.addEventListener('securitypolicyviolation', (e) =>
            window.__breaches.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));";
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": watch })).await;
    for lang in ["id", "en"] {
        browser.open(&format!("?lang={lang}")).await;
        browser.wait_css("[data-testid=chart-dimension] svg").await;
        for (tab, ready) in [
            ("view-register", "[data-testid=program-row]"),
            ("view-dashboard", "[data-testid=chart-postponed] svg"),
            ("view-evaluations", "[data-testid=view-evaluations][aria-selected=true]"),
            ("view-report", "[data-testid=report] svg"),
        ] {
            browser.click(tab).await;
            browser.wait_css(ready).await;
        }
        browser.click("view-dashboard").await;
        browser.click("present-start").await;
        // Every slide in turn, each chart drawn.
        for _ in 0..80 {
            browser.keys("\u{E014}").await;
        }
        browser
            .wait_until(
                "const [at, of] = document.querySelector('[data-testid=slide-counter]').textContent.split(' / ');
                 return at === of;",
                "the last slide was never reached",
            )
            .await;
        browser.keys("\u{E00C}").await;
        browser.wait_gone("presentation").await;
        assert_eq!(browser.eval("return window.__breaches").await, Value::Array(vec![]), "{lang}");
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_imported_file_survives_a_reload_and_exports_equal() {
    let browser = Browser::start().await;
    browser.open("").await;
    browser.import(Path::new(FIXTURE)).await;
    browser.wait_for("import-replace").await;
    assert_eq!(browser.text("program-count").await, "131", "nothing changes before the choice");
    browser.click("import-replace").await;
    browser.wait_text("city-name", "Kota Contoh").await;
    assert_eq!(browser.text("program-count").await, "5");
    assert_eq!(browser.text("status-share-running").await, "40,00 %");
    assert_eq!(browser.text("status-share-done").await, "20,00 %");
    assert!(browser.text("toast").await.contains("kota-contoh.masterplan.json"));

    browser.open("").await;
    assert_eq!(browser.text("city-name").await, "Kota Contoh");
    assert_eq!(browser.text("program-count").await, "5");
    // Markup in a name is text, never markup.
    assert!(!browser.eval("return document.querySelector('b') !== null").await.as_bool().unwrap());

    browser.click("export-json").await;
    let exported = browser.downloaded("Kota Contoh.masterplan.json").await;
    let mut exported: Value = serde_json::from_str(&exported).expect("the export is JSON");
    let stamp = exported.as_object_mut().unwrap().remove("exported_at").expect("exported_at is set");
    assert!(stamp.as_str().unwrap().starts_with("20"), "{stamp}");
    let original: Value = serde_json::from_str(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap();
    assert_eq!(exported, original, "the export equals the imported file, unknown fields included");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_file_leaves_the_data_untouched() {
    let browser = Browser::start().await;
    browser.open("").await;
    let broken =
        std::fs::read_to_string(FIXTURE).unwrap().replace("\"status\": \"discussion\"", "\"status\": \"selesai\"");
    let dir = tempdir("refused");
    let path = dir.join("rusak.masterplan.json");
    std::fs::write(&path, broken).unwrap();
    browser.import(&path).await;
    let message = browser.wait_text_contains("import-error", "programs[3].status").await;
    assert!(message.contains("\"selesai\""), "{message}");
    assert!(message.contains("rusak.masterplan.json"), "{message}");
    assert_eq!(
        browser.eval("return document.querySelector('[data-testid=import-error]').getAttribute('role')").await,
        "alert"
    );
    assert!(!browser.exists("import-replace").await);
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    assert_eq!(browser.text("program-count").await, "131");

    std::fs::write(&path, "{ \"format\": \"smart-city-masterplan\", \"version\": 1, \"plan\": {").unwrap();
    browser.import(&path).await;
    browser.wait_text_contains("import-error", "JSON").await;
    browser.open("").await;
    assert_eq!(browser.text("program-count").await, "131", "nothing was stored either");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn blocked_storage_is_said_on_the_page_and_the_app_still_works() {
    let browser = Browser::start_with(Profile { block_site_data: true }).await;
    browser.open("").await;
    let banner = browser.text("storage-error").await;
    assert!(banner.contains("tidak dapat dipakai"), "{banner}");
    assert_eq!(browser.text("program-count").await, "131");
    browser.import_fixture().await;
    assert!(browser.exists("storage-error").await, "the page keeps saying the data is not saved");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unreadable_stored_data_is_set_aside_each_time_listed_and_downloadable() {
    let browser = Browser::start().await;
    browser.open("").await;
    let damaged =
        r#"{"storage_version":2,"revision":3,"saved_at":"x","origin":{"kind":"sample"},"dataset_packed":"!!"}"#;
    for broken in [r#"{"storage_version": 1, broken"#, damaged] {
        let script = format!("localStorage.setItem('masterplan-tracker/dataset', {broken:?}); return null");
        browser.eval(&script).await;
        browser.open("").await;
        let banner = browser.text("storage-error").await;
        assert!(banner.contains("tidak dapat dibaca"), "{banner}");
        assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    }
    let kept = browser
        .eval(
            "return Object.keys(localStorage).filter(k => k.startsWith('masterplan-tracker/unreadable/')).sort()
                .map(k => localStorage.getItem(k))",
        )
        .await;
    assert_eq!(kept, serde_json::json!([r#"{"storage_version": 1, broken"#, damaged]), "each kept");
    let items = browser.eval("return document.querySelectorAll('[data-testid=set-aside-item]').length").await;
    assert_eq!(items, 2, "both listed with the backups");
    // The newest first; downloaded as it was found.
    let date = browser
        .eval(
            "const id = Number(document.querySelector('[data-testid=set-aside-item]').dataset.setAsideId);
             const d = new Date(id);
             return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`",
        )
        .await;
    browser.click("set-aside-download").await;
    let file = browser.downloaded(&format!("data-tak-terbaca {}.json", date.as_str().unwrap())).await;
    assert_eq!(file, damaged);
    browser.close().await;
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("masterplan-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_chosen_is_written_into_the_address_and_kept_by_a_reload_and_a_copied_link() {
    let browser = Browser::start().await;
    browser.open("?lang=id&view=register").await;
    browser.select("lang-switch", "en").await;
    browser.wait_until("return location.search.includes('lang=en')", "the address says lang=en").await;
    let search = browser.eval("return location.search").await;
    assert!(search.as_str().unwrap().contains("view=register"), "the rest of the address kept: {search}");
    assert!(!search.as_str().unwrap().contains("lang=id"), "{search}");
    browser.reload().await;
    browser.wait_text("view-register", "Program register").await;
    // A copied link opens in the language it was copied in, whatever the browser remembers.
    let link = browser.eval("return location.href").await.as_str().unwrap().to_owned();
    browser.select("lang-switch", "id").await;
    browser.wait_until("return location.search.includes('lang=id')", "the address says lang=id").await;
    browser.goto(&link).await;
    browser.wait_text("view-register", "Program register").await;
    browser.close().await;
}
