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
