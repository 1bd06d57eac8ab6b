//! End-to-end journeys of the hosted page in the release build: opened again with the host gone (data and
//! charts there, only the build's files kept), a new deploy announced and reloaded into with the last edit
//! saved, installable with its manifest and icons, served compressed; on a phone, every view no wider than
//! the screen with touch targets of 44 px, and the presentation turned by swipes; the built-in example fetched
//! on a first visit only (and by the app over unreadable data); the first view drawn from the figures kept
//! beside the data before the rest of the app is there, and what it says when the rest cannot be fetched.
#![cfg(all(feature = "e2e", not(target_arch = "wasm32")))]

// The fixture serves several test crates; each uses a part of it.
#[allow(dead_code)]
mod e2e {
    pub mod browser;
}

use std::path::{Path, PathBuf};

use e2e::browser::{Browser, Pointer};
use serde_json::{Value, json};
use xtask::StaticServer;
use xtask::bundle::{self, Build};

/// A deploy of its own: a copy of the release bundle on a host (served from a sub-path) that a test may
/// change or stop without touching the other tests' host.
struct Deploy {
    dir: PathBuf,
    server: StaticServer,
}

impl Deploy {
    fn new(name: &str) -> Deploy {
        let dist = std::env::var("E2E_DIST").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/dist").into());
        let dir = std::env::temp_dir().join(format!("masterplan-deploy-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(Path::new(&dist), &dir);
        let server = StaticServer::start(&dir, "/cities/tanjungpinang/masterplan/", 0).expect("a loopback port");
        Deploy { dir, server }
    }

    fn url(&self, query: &str) -> String {
        format!("{}{query}", self.server.url())
    }

    fn build(&self) -> Build {
        Build::read(&self.dir).unwrap()
    }

    /// A new build deployed: the page changed (marked with `marker`), the worker written again as
    /// `cargo xtask dist` writes it.
    fn redeploy(&self, marker: &str) -> Build {
        let page = self.dir.join("index.html");
        let html = std::fs::read_to_string(&page).unwrap();
        let html = html.replacen("<head>", &format!("<head><meta name=\"deploy\" content=\"{marker}\">"), 1);
        std::fs::write(&page, html).unwrap();
        let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/sw.js")).unwrap();
        bundle::finish(&self.dir, &source).unwrap()
    }
}

impl Drop for Deploy {
    fn drop(&mut self) {
        self.server.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() { copy_dir(&path, &target) } else { std::fs::copy(&path, &target).map(drop).unwrap() }
    }
}

/// Waits until the service worker serves the page (after its first install it takes the open page).
async fn offline_ready(browser: &Browser) {
    browser.wait_until("return !!navigator.serviceWorker.controller", "the service worker never took the page").await;
}

/// The caches' names and every address kept in them.
async fn cached(browser: &Browser) -> (Vec<String>, Vec<String>) {
    let found = browser
        .client_execute_async(
            "const done = arguments[0];
             (async () => {
               const names = await caches.keys();
               const urls = [];
               for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
               done({ names, urls });
             })();",
        )
        .await;
    let list = |key: &str| -> Vec<String> {
        let mut list: Vec<String> =
            found[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        list.sort();
        list
    };
    (list("names"), list("urls"))
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_page_opens_with_its_data_and_charts_when_the_host_is_gone() {
    let deploy = Deploy::new("offline");
    let browser = Browser::start().await;
    browser.goto(&deploy.url("?view=register&q=sikancil")).await;
    offline_ready(&browser).await;
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();

    // Exactly the build's files are kept, in one cache named after the app's folder and the build.
    let build = deploy.build();
    let (names, urls) = cached(&browser).await;
    assert_eq!(names, [format!("masterplan /cities/tanjungpinang/masterplan/ {}", build.id)]);
    let expected: Vec<String> = build.files.iter().map(|file| deploy.url(file)).collect();
    assert_eq!(urls, expected);

    deploy.server.stop();
    browser.goto(&deploy.url("")).await;
    assert_eq!(browser.text("status-count-done").await, "1", "the edit is there offline");
    for chart in ["chart-status", "chart-dimension"] {
        browser.wait_css(&format!("[data-testid={chart}] svg")).await;
    }
    // Any view and language of the page's address opens offline.
    browser.goto(&deploy.url("?view=register&lang=en")).await;
    assert_eq!(browser.text("register-shown-count").await, "Showing 131 of 131");
    // Nothing but the app's files is answered from the cache: anything else needs the host, which is gone.
    let other = browser
        .client_execute_async(&format!(
            "const done = arguments[0]; fetch('{}').then(() => done('answered'), () => done('network error'));",
            deploy.url("notes.txt")
        ))
        .await;
    assert_eq!(other, "network error");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_deploy_is_announced_and_reloaded_into_with_the_last_edit_saved() {
    let deploy = Deploy::new("update");
    let first = deploy.build();
    let browser = Browser::start().await;
    browser.goto(&deploy.url("?view=register&q=sikancil&lang=en")).await;
    offline_ready(&browser).await;

    let second = deploy.redeploy("second");
    assert_ne!(second.id, first.id);
    // What the page does every hour and whenever it is shown again: ask the host for a new worker.
    browser.eval("navigator.serviceWorker.getRegistration().then((r) => r.update()); return true").await;
    let notice = browser.wait_for("update-available").await;
    assert_eq!(notice.attr("role").await.unwrap().as_deref(), Some("status"));
    assert!(notice.text().await.unwrap().contains("A new version of the app is available"));
    // The page still runs the first build until the user chooses.
    assert_eq!(browser.eval("return document.querySelector('meta[name=deploy]') === null").await, true);

    // An edit right before the reload is saved first.
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    browser.click("update-reload").await;
    browser
        .wait_until(
            "return document.querySelector('meta[name=deploy]')?.content === 'second'
                && !!document.querySelector('[data-testid=city-name]')",
            "the page did not reload into the new deploy",
        )
        .await;
    browser.wait_text("register-shown-count", "Showing 1 of 131").await;
    assert_eq!(browser.value("program-status-select").await, "done", "the last edit was saved before the reload");
    // The new build serves the page, nothing waits, and the first build's cache is gone.
    browser
        .wait_until(
            "return navigator.serviceWorker.getRegistration().then((r) => !!r.active && !r.waiting && !r.installing)",
            "the new worker did not take over",
        )
        .await;
    let (names, _) = cached(&browser).await;
    assert_eq!(names, [format!("masterplan /cities/tanjungpinang/masterplan/ {}", second.id)]);
    browser.close().await;
}

/// The width and height of a PNG, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_is_installable_with_an_indonesian_manifest_and_its_icons() {
    let deploy = Deploy::new("install");
    let browser = Browser::start().await;
    browser.goto(&deploy.url("")).await;
    offline_ready(&browser).await;
    let manifest = browser
        .client_execute_async(
            "const done = arguments[0];
             const link = document.querySelector('link[rel=manifest]');
             fetch(link.href).then((r) => r.json()).then(done);",
        )
        .await;
    assert_eq!(manifest["name"], "Pemantau Masterplan Smart City");
    assert_eq!(manifest["short_name"], "Masterplan");
    assert_eq!(manifest["lang"], "id");
    assert_eq!((&manifest["start_url"], &manifest["scope"]), (&json!("./"), &json!("./")));
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["theme_color"], "#0b4f8a");
    let mut seen = Vec::new();
    for icon in manifest["icons"].as_array().unwrap() {
        let bytes = browser
            .client_execute_async(&format!(
                "const done = arguments[0];
                 fetch({src}).then((r) => r.arrayBuffer()).then((b) => done(Array.from(new Uint8Array(b))));",
                src = json!(icon["src"])
            ))
            .await;
        let bytes: Vec<u8> = bytes.as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect();
        let (width, height) = png_size(&bytes);
        assert_eq!(format!("{width}x{height}"), icon["sizes"].as_str().unwrap(), "{icon}");
        seen.push(format!("{} {}", icon["sizes"].as_str().unwrap(), icon["purpose"].as_str().unwrap()));
    }
    seen.sort();
    assert_eq!(seen, ["192x192 any", "512x512 any", "512x512 maskable"]);
    // Chromium's own judgement: nothing stands in the way of installing the page.
    let errors = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(errors["installabilityErrors"], json!([]), "{errors}");
    let parsed = browser.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(parsed["errors"], json!([]), "{parsed}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_bundle_reaches_the_browser_compressed() {
    let deploy = Deploy::new("compressed");
    let browser = Browser::start().await;
    browser.goto(&deploy.url("")).await;
    let sizes: Value = browser
        .eval(
            "return performance.getEntriesByType('resource')
                 .filter((e) => /\\.(wasm|js|css)$/.test(e.name) && !e.name.endsWith('sw.js'))
                 .map((e) => ({ name: e.name.split('/').pop(), sent: e.encodedBodySize, size: e.decodedBodySize }))",
        )
        .await;
    let sizes = sizes.as_array().unwrap();
    assert!(sizes.iter().any(|s| s["name"].as_str().unwrap().ends_with(".wasm")), "{sizes:?}");
    assert!(sizes.iter().any(|s| s["name"].as_str().unwrap().starts_with("split_")), "no view's chunk: {sizes:?}");
    for file in sizes {
        let name = file["name"].as_str().unwrap();
        let (sent, size) = (file["sent"].as_u64().unwrap(), file["size"].as_u64().unwrap());
        // Brotli takes the main wasm (`masterplan-tracker-…_bg.wasm`) to about a third, the text files further;
        // the chunks gain less (the smallest are a few hundred bytes, some hold mostly tables of numbers), but
        // every file comes compressed.
        let gain = if name.starts_with("masterplan-tracker-") || name.ends_with(".js") || name.ends_with(".css") {
            2.0
        } else {
            1.1
        };
        assert!(sent as f64 * gain < size as f64, "{file}");
    }
    browser.close().await;
}

/// Lays the page out as a phone of `width` × `height` CSS pixels with a touch screen.
async fn as_phone(browser: &Browser, width: u32, height: u32) {
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 3, "mobile": true }),
        )
        .await;
    browser.cdp("Emulation.setTouchEmulationEnabled", json!({ "enabled": true, "maxTouchPoints": 5 })).await;
}

/// How wide the page is against the screen, the elements that stick out of it (unless inside a box that
/// scrolls or clips them), and the controls smaller than a fingertip's 44 × 44 px.
const MEASURE: &str = r#"
    const name = (e) => e.tagName.toLowerCase() + (e.dataset.testid ? `[${e.dataset.testid}]` : '')
        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
    const width = document.documentElement.clientWidth;
    const held = (e) => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
    };
    const sticking = [];
    for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || held(e)) continue;
        if (r.right > width + 0.5 || r.left < -0.5) sticking.push(`${name(e)} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    const small = [];
    for (const e of document.querySelectorAll('button, select, input, textarea, a[href], summary, [role=tab]')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || e.closest('.visually-hidden')) continue;
        if (r.width < 43.5 || r.height < 43.5) small.push(`${name(e)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return { page: document.documentElement.scrollWidth, width, sticking: sticking.slice(0, 8), small: small.slice(0, 8) };
"#;

async fn fits(browser: &Browser, what: &str) {
    let measured = browser.eval(MEASURE).await;
    assert_eq!(measured["width"], 390, "{what}: {measured}");
    assert!(measured["page"].as_u64().unwrap() <= 390, "{what} is wider than the screen: {measured}");
    assert_eq!(measured["small"], json!([]), "{what}: controls smaller than 44 px: {measured}");
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_every_view_fits_the_screen_with_touch_targets_of_44_px() {
    let browser = Browser::start().await;
    as_phone(&browser, 390, 844).await;
    // The first visit, with the start's choices on top of the overview and the data panel below it.
    browser.open("").await;
    browser.wait_for("start").await;
    fits(&browser, "the overview on a first visit").await;
    for (view, ready) in [
        ("register", "register-shown-count"),
        ("dashboard", "chart-status"),
        ("evaluations", "view-evaluations"),
        ("report", "report"),
        ("compare", "compare-table"),
    ] {
        browser.open(&format!("?view={view}")).await;
        browser.wait_for(ready).await;
        fits(&browser, view).await;
    }
    // The register shows programs as cards, each with its name, status, dimension and agency.
    browser.open("?view=register&q=sikancil&lang=en").await;
    let card = browser.wait_css("[data-testid=program-row]").await;
    let shown: Value = browser
        .eval(
            "const card = document.querySelector('[data-testid=program-row]');
             const seen = (s) => { const e = card.querySelector(s); const r = e.getBoundingClientRect();
                 return r.width > 0 && r.height > 0 && r.right <= innerWidth; };
             return { display: getComputedStyle(card).display, height: card.getBoundingClientRect().height,
                 parts: ['td.name', 'td.status select', 'td.dimension', 'td.agency'].map(seen) };",
        )
        .await;
    assert_eq!(shown, json!({ "display": "grid", "height": 120, "parts": [true, true, true, true] }));
    assert!(card.text().await.unwrap().contains("SiKancil"));
    fits(&browser, "the register as cards").await;
    // The program form stacks its fields.
    browser.wait_css("[data-testid=program-row] [data-testid=program-open]").await.click().await.unwrap();
    browser.wait_for("program-form").await;
    fits(&browser, "the program form").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_held_sideways_a_swipe_turns_the_slide_and_a_mouse_drag_does_not() {
    let browser = Browser::start().await;
    as_phone(&browser, 844, 390).await;
    browser.open("?view=dashboard").await;
    browser.click("present-start").await;
    let counter = browser.text("slide-counter").await;
    let total = counter.split(" / ").nth(1).unwrap().to_string();
    assert_eq!(counter, format!("1 / {total}"));
    browser.drag(Pointer::Finger, (700.0, 200.0), (150.0, 210.0)).await;
    browser.wait_text("slide-counter", &format!("2 / {total}")).await;
    browser.drag(Pointer::Finger, (700.0, 200.0), (150.0, 210.0)).await;
    browser.wait_text("slide-counter", &format!("3 / {total}")).await;
    browser.drag(Pointer::Finger, (150.0, 200.0), (700.0, 190.0)).await;
    browser.wait_text("slide-counter", &format!("2 / {total}")).await;
    // A mouse dragged across moves nothing: the finger's next swipe goes from 2 to 3, not from 1 or 3.
    browser.drag(Pointer::Mouse, (700.0, 200.0), (150.0, 200.0)).await;
    browser.drag(Pointer::Finger, (700.0, 200.0), (150.0, 210.0)).await;
    browser.wait_text("slide-counter", &format!("3 / {total}")).await;
    let deck: Value = browser
        .eval(
            "const deck = document.querySelector('[data-testid=presentation]');
             return { wide: document.documentElement.scrollWidth, deck: deck.getBoundingClientRect().width };",
        )
        .await;
    assert_eq!(deck, json!({ "wide": 844, "deck": 844 }));
    browser.close().await;
}

/// Whether this page's load fetched the built-in example's file (its own file in the bundle).
async fn example_fetched(browser: &Browser) -> bool {
    browser
        .eval("return performance.getEntriesByType('resource').some((e) => e.name.endsWith('.masterplan.json'))")
        .await
        .as_bool()
        .unwrap()
}

/// Waits until the city's data is stored at `revision` or later.
async fn stored_at(browser: &Browser, revision: u64) {
    browser
        .wait_until(
            &format!(
                "const text = localStorage.getItem('masterplan-tracker/dataset');
                 return text !== null && JSON.parse(text).revision >= {revision}"
            ),
            "the data never stored",
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_example_is_fetched_on_a_first_visit_only_and_known_as_untouched_without_it() {
    let deploy = Deploy::new("example");
    let browser = Browser::start().await;
    browser.goto(&deploy.url("?view=register&q=sikancil")).await;
    browser.wait_text("register-shown-count", "Menampilkan 1 dari 131").await;
    assert!(example_fetched(&browser).await, "a first visit fetches the example");
    let published = "Data contoh bawaan.";
    assert!(browser.text("sample-notice").await.starts_with(published));

    // Changed and changed back: stored, and still the example as published.
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    stored_at(&browser, 1).await;
    browser.click("undo").await;
    stored_at(&browser, 2).await;
    browser.goto(&deploy.url("?view=register&q=sikancil")).await;
    browser.wait_text("register-shown-count", "Menampilkan 1 dari 131").await;
    assert!(!example_fetched(&browser).await, "a returning visit does not fetch the example");
    assert!(browser.text("sample-notice").await.starts_with(published), "told by its fingerprint");

    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    stored_at(&browser, 3).await;
    browser.goto(&deploy.url("?view=register&q=sikancil")).await;
    browser.wait_text("register-shown-count", "Menampilkan 1 dari 131").await;
    assert!(!example_fetched(&browser).await);
    browser.wait_text_contains("sample-notice", "telah diubah").await;

    // The example asked for again (the data panel's "start again"): fetched now, the changed data backed up.
    browser.goto(&deploy.url("")).await;
    browser.open_details("start-again").await;
    browser.click("start-example").await;
    browser.wait_text_contains("sample-notice", published).await;
    assert!(example_fetched(&browser).await);
    browser.wait_for("backup-item").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn over_unreadable_data_the_page_fetches_the_example_itself() {
    let deploy = Deploy::new("unreadable");
    let browser = Browser::start().await;
    browser.goto(&deploy.url("")).await;
    browser.wait_for("city-name").await;
    // boot.js sees data kept and does not fetch the example; the app, finding the data unreadable, does.
    browser
        .eval("localStorage.setItem('masterplan-tracker/dataset', '{\"storage_version\": 1, \"dat'); return null")
        .await;
    browser.goto(&deploy.url("?view=register")).await;
    browser.wait_for("storage-error").await;
    browser.wait_text("register-shown-count", "Menampilkan 131 dari 131").await;
    let fetched_after_start = "const start = performance.getEntriesByName('app-start', 'mark')[0].startTime;
        return performance.getEntriesByType('resource')
            .some((e) => e.name.endsWith('.masterplan.json') && e.startTime > start)";
    assert_eq!(browser.eval(fetched_after_start).await, true, "fetched by the app, not by boot.js");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_example_that_cannot_be_had_is_said_over_the_empty_plan_standing_for_it() {
    let deploy = Deploy::new("no-example");
    for entry in std::fs::read_dir(&deploy.dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains(".masterplan.json") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let browser = Browser::start().await;
    browser.goto(&deploy.url("")).await;
    browser.wait_text_contains("toast", "Contoh Kota Tanjungpinang tidak dapat dimuat (HTTP 404)").await;
    // The choices of a first visit stand, without a sample notice or next steps for the empty plan.
    browser.wait_for("start").await;
    assert!(!browser.exists("sample-notice").await && !browser.exists("next-steps").await);
    assert_eq!(browser.text("city-name").await, "Kota Tanjungpinang");
    browser.close().await;
}

/// Runs before the page's own scripts: notes what the first view showed when both its charts were first
/// there (`window.__firstView`), before the app took the page over.
const WATCH_FIRST_VIEW: &str = "
    new MutationObserver((_, observer) => {
        const main = document.querySelector('main[data-first-view]');
        if (main && main.querySelectorAll('figure.chart svg').length === 2) {
            observer.disconnect();
            const value = (css) => main.querySelector(css)?.textContent;
            window.__firstView = {
                at: performance.now(),
                city: document.querySelector('header h1')?.textContent,
                programs: value('.figure.total .figure-value'),
                done: value('.figure.status-done .figure-value'),
                heading: value('#overview-heading'),
                busy: main.getAttribute('aria-busy'),
                testids: document.querySelectorAll('[data-testid]').length,
            };
        }
    }).observe(document, { childList: true, subtree: true });
";

/// Opens `url` with the first view watched; once the app answers, what the first view showed, if it was drawn.
async fn first_view_of(browser: &Browser, url: &str) -> Option<Value> {
    browser.goto(url).await;
    let seen = browser
        .eval(
            "const start = performance.getEntriesByName('app-start', 'mark')[0].startTime;
             return window.__firstView ? { ...window.__firstView, before_the_app: window.__firstView.at < start } : null",
        )
        .await;
    (!seen.is_null()).then_some(seen)
}

async fn watching_the_first_view() -> Browser {
    let browser = Browser::start().await;
    browser.cdp("Page.enable", json!({})).await;
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH_FIRST_VIEW })).await;
    browser
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_view_draws_the_kept_figures_before_the_app_takes_the_page_over() {
    let deploy = Deploy::new("first-view");
    let browser = watching_the_first_view().await;
    // A first visit: the example's figures, before the app has read the example.
    let seen = first_view_of(&browser, &deploy.url("")).await.expect("a first visit draws the example's first view");
    assert_eq!(seen["city"], "Kota Tanjungpinang");
    assert_eq!(seen["programs"], "131");
    assert_eq!(seen["done"], "0");
    assert_eq!(seen["heading"], "Ringkasan capaian");
    assert_eq!(seen["busy"], "true", "the page says it is not ready yet");
    assert_eq!(seen["testids"], 0, "no test finds a part of the page before it answers");
    assert_eq!(seen["before_the_app"], true);

    // A change saved: the next visit draws the figures kept with it, in the language of the address.
    browser.goto(&deploy.url("?view=register&q=sikancil")).await;
    browser.program_status("GOV-01").await.select_by_value("done").await.unwrap();
    stored_at(&browser, 1).await;
    let seen = first_view_of(&browser, &deploy.url("?lang=en")).await.expect("a returning visit draws its first view");
    assert_eq!(seen["done"], "1");
    assert_eq!(seen["programs"], "131");
    assert_eq!(seen["heading"], "Progress overview");
    assert_eq!(seen["before_the_app"], true);
    assert_eq!(browser.text("status-count-done").await, "1", "the app shows what the first view showed");

    // A share link is the app's to read first: no first view is drawn over it (nor its address changed).
    browser.click("share-link-create").await;
    let link = browser.value("share-link-url").await;
    browser.goto(&deploy.url("?view=register")).await;
    assert_eq!(first_view_of(&browser, &link).await, None);
    browser.wait_for("import-preview").await;
    browser.click("import-cancel").await;

    // Data an earlier version saved (its figures not kept with it): the app alone draws it, then keeps its
    // figures for the next visit.
    browser.eval("localStorage.removeItem('masterplan-tracker/first-view'); return null").await;
    assert_eq!(first_view_of(&browser, &deploy.url("")).await, None);
    browser
        .wait_until("return localStorage.getItem('masterplan-tracker/first-view') !== null", "the figures never kept")
        .await;
    let seen = first_view_of(&browser, &deploy.url("")).await.expect("kept after the app's visit");
    assert_eq!(seen["done"], "1");

    // Figures kept for other data than the data stored now (saved since by a version that keeps none) are
    // not drawn.
    browser
        .eval(
            "const key = 'masterplan-tracker/first-view';
             const kept = JSON.parse(localStorage.getItem(key));
             kept.revision -= 1;
             localStorage.setItem(key, JSON.stringify(kept));
             return null",
        )
        .await;
    assert_eq!(first_view_of(&browser, &deploy.url("")).await, None);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn when_the_rest_of_the_app_cannot_be_fetched_the_first_view_says_so_and_keeps_the_tab_chosen() {
    let deploy = Deploy::new("app-missing");
    // The rest of the app is one file, `whole-app-<hash>.wasm` (with its compressed copies): gone.
    let mut removed = 0;
    for entry in std::fs::read_dir(&deploy.dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("whole-app-") {
            std::fs::remove_file(path).unwrap();
            removed += 1;
        }
    }
    assert_eq!(removed, 3, "the file and its .gz and .br copies");

    let browser = watching_the_first_view().await;
    browser.eval(&format!("location.href = '{}'; return null", deploy.url(""))).await;
    let said = browser.wait_css("main[data-first-view] [data-app-not-loaded][role=alert]").await;
    assert!(said.text().await.unwrap().starts_with("Sisa aplikasi tidak dapat dimuat"));
    assert_eq!(browser.text_css("main[data-first-view] .figure.total .figure-value").await, "131");

    // A tab chosen and a language chosen are kept in the address, for the app when it comes.
    browser.wait_css("nav.views button.tab:nth-child(2)").await.click().await.unwrap();
    browser.wait_css("nav.views button.tab:nth-child(2)[aria-selected=true]").await;
    browser.wait_css(".lang-switch select").await.select_by_value("en").await.unwrap();
    browser.wait_text_css("main[data-first-view] [data-app-not-loaded] p", "The rest of the app could not be loaded, so this page cannot be changed yet. Check the connection, then reload the page. Your data stays kept in this browser.").await;
    let search = browser.eval("return location.search").await;
    assert_eq!(search, "?view=register&lang=en");

    // Opened on another view there is no first view to draw: the page says the same, in the address's language.
    browser.eval("location.reload(); return null").await;
    browser.wait_text_css("main [data-app-not-loaded] p", "The rest of the app could not be loaded, so this page cannot be changed yet. Check the connection, then reload the page. Your data stays kept in this browser.").await;
    assert!(!browser.exists_css("main[data-first-view]").await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tab_and_a_language_chosen_in_the_first_view_are_those_the_app_opens() {
    let deploy = Deploy::new("first-choice");
    let browser = watching_the_first_view().await;
    // A slow line (100 KB/s): the app's file takes seconds after the first view, the time to choose.
    browser.cdp("Network.enable", json!({})).await;
    // Bytes a second; -1: as fast as it goes.
    let line = |download: f64| json!({ "offline": false, "latency": 0, "downloadThroughput": download, "uploadThroughput": -1 });
    browser.cdp("Network.emulateNetworkConditions", line(100_000.0)).await;
    browser.eval(&format!("location.href = '{}'; return null", deploy.url(""))).await;
    browser.wait_css("main[data-first-view] .figure.total .figure-value").await;
    browser.wait_css("nav.views button.tab:nth-child(2)").await.click().await.unwrap();
    browser.wait_css(".lang-switch select").await.select_by_value("en").await.unwrap();
    assert!(browser.exists_css("main[data-first-view]").await, "chosen before the app came");
    browser.cdp("Network.emulateNetworkConditions", line(-1.0)).await;

    browser.wait_text("register-shown-count", "Showing 131 of 131").await;
    let address =
        "const params = new URLSearchParams(location.search); return [params.get('view'), params.get('lang')]";
    assert_eq!(browser.eval(address).await, json!(["register", "en"]));
    assert!(!browser.exists_css("main[data-first-view]").await);
    browser.close().await;
}
