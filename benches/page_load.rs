//! Time from navigation to both overview charts on screen, in headless Chromium against the release bundle
//! (`cargo xtask dist` first): the first page of a fresh browser, a first visit over the network (in a browser
//! that has shown another page, as a user's has), later visits served by the service worker, and visits with
//! the host stopped. Printed as medians, never asserted (the target is 150 ms on localhost),
//! with the moments around: the main wasm received, the first view's charts on screen (drawn from the
//! figures kept beside the data, before the rest of the app's code is there), the app started (its own chunk
//! fetched and instantiated), its view built, and its charts on screen.

#[allow(dead_code)]
#[path = "../tests/e2e/browser.rs"]
mod browser;

use std::path::Path;

use browser::Browser;
use serde_json::json;
use xtask::StaticServer;

/// Loads measured per kind of visit.
const LOADS: usize = 7;

/// Runs before the page's own scripts on every load: notes when both charts of the first view, and both of
/// the app's overview, are first painted.
const WATCH: &str = "
    new MutationObserver((_, observer) => {
        if (window.__firstViewAt === undefined && document.querySelectorAll('main[data-first-view] figure.chart svg').length === 2) {
            window.__firstViewAt = 0;
            requestAnimationFrame(() => { window.__firstViewAt = performance.now(); });
        }
        if (document.querySelector('[data-testid=chart-status] svg') && document.querySelector('[data-testid=chart-dimension] svg')) {
            observer.disconnect();
            requestAnimationFrame(() => { window.__chartsAt = performance.now(); });
        }
    }).observe(document, { childList: true, subtree: true });
";

/// The moments of one load, in milliseconds from navigation.
#[derive(Default)]
struct Load {
    /// The main wasm received (over the network, or from the worker's cache).
    wasm: f64,
    /// The main wasm compiled and instantiated, its `main` running: the `page-start` mark of `ui::start`.
    page: f64,
    /// Both charts of the first view on screen.
    first_view: f64,
    /// The app started (its chunk fetched, compiled and instantiated): the `app-start` mark of `ui::start`.
    start: f64,
    /// The app's view built: `app-mounted`.
    mounted: f64,
    /// Both charts of the app's overview on screen.
    charts: f64,
}

const MOMENTS: &str = "
    const mark = (name) => performance.getEntriesByName(name, 'mark').map((e) => e.startTime)[0];
    const wasm = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('_bg.wasm'))[0];
    return [wasm ? wasm.responseEnd : NaN, mark('page-start'), window.__firstViewAt, mark('app-start'), mark('app-mounted'), window.__chartsAt];
";

async fn charts_on_screen(browser: &Browser, url: &str) -> Load {
    browser.goto(url).await;
    browser.wait_until("return typeof window.__chartsAt === 'number'", "the charts never appeared").await;
    let moments = browser.eval(MOMENTS).await;
    let at = |i: usize| moments[i].as_f64().unwrap_or(f64::NAN);
    Load { wasm: at(0), page: at(1), first_view: at(2), start: at(3), mounted: at(4), charts: at(5) }
}

/// A browser that notes when the charts are painted, on every page it opens.
async fn watched_browser() -> Browser {
    let browser = Browser::start().await;
    browser.cdp("Page.enable", json!({})).await;
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH })).await;
    browser
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let dist = std::env::var("E2E_DIST").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/dist").into());
    let server = StaticServer::start(Path::new(&dist), "/apps/masterplan/", 0).expect("a loopback port");
    let url = format!("{}?view=overview", server.url());
    // The host's answer to an address it does not serve: a page of plain text.
    let other_page = format!("{}no-such-page", server.url());
    let mut fresh_browsers = Vec::new();
    let mut first_visits = Vec::new();
    let mut from_worker = Vec::new();
    let mut offline = Vec::new();
    for round in 0..LOADS {
        // The browser's very first page: its own start (processes, fonts) is paid by the page too.
        let fresh = watched_browser().await;
        fresh_browsers.push(charts_on_screen(&fresh, &url).await);
        fresh.close().await;
        // As a user's browser is: it has shown a page before (plain text, no code of the app's: no worker, no
        // cache, no data of the app's).
        let browser = watched_browser().await;
        browser.eval(&format!("location.href = '{other_page}'; return null")).await;
        browser
            .wait_until(
                "return location.pathname.endsWith('/no-such-page') && document.readyState === 'complete'",
                "the other page never shown",
            )
            .await;
        first_visits.push(charts_on_screen(&browser, &url).await);
        browser.wait_until("return !!navigator.serviceWorker.controller", "no service worker").await;
        from_worker.push(charts_on_screen(&browser, &url).await);
        if round == LOADS - 1 {
            server.stop();
            for _ in 0..LOADS {
                offline.push(charts_on_screen(&browser, &url).await);
            }
        }
        browser.close().await;
    }
    println!(
        "time from navigation to both overview charts on screen (release bundle, headless Chromium, medians of {LOADS}):"
    );
    println!(
        "  {:<32} {:>9} {:>10} {:>11} {:>9} {:>9} {:>11}",
        "", "wasm in", "page runs", "first view", "app runs", "app view", "app charts"
    );
    for (label, loads) in [
        ("first page of a fresh browser", fresh_browsers),
        ("first visit, over the network", first_visits),
        ("later visit, from the worker", from_worker),
        ("host stopped, offline", offline),
    ] {
        let of = |moment: fn(&Load) -> f64| median(loads.iter().map(moment).collect());
        println!(
            "  {label:<32} {:>6.1} ms {:>7.1} ms {:>8.1} ms {:>6.1} ms {:>6.1} ms {:>8.1} ms",
            of(|l| l.wasm),
            of(|l| l.page),
            of(|l| l.first_view),
            of(|l| l.start),
            of(|l| l.mounted),
            of(|l| l.charts)
        );
    }
}
