//! The end-to-end fixture: the release bundle served on 127.0.0.1 under a sub-path, and a fresh headless
//! Chromium (new profile, own download folder) driven through its own chromedriver.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use xtask::StaticServer;

/// How long a step may take before the test fails: generous, as CI machines are slow and shared.
const PATIENCE: Duration = Duration::from_secs(30);
/// The app is served from a sub-path to prove that its asset URLs are relative.
const SUB_PATH: &str = "/apps/masterplan/";

fn server() -> &'static StaticServer {
    static SERVER: OnceLock<StaticServer> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dist = std::env::var("E2E_DIST").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/dist").into());
        assert!(
            Path::new(&dist).join("index.html").exists(),
            "no release bundle in {dist}: run `cargo xtask test` (or `cargo xtask dist` first)"
        );
        StaticServer::start(Path::new(&dist), SUB_PATH, 0).expect("a loopback port")
    })
}

/// How the browser profile is set up.
#[derive(Default)]
pub struct Profile {
    /// Block cookies and site data, so that localStorage is unavailable.
    pub block_site_data: bool,
}

/// What drags across the page.
pub enum Pointer {
    Finger,
    Mouse,
}

/// A Chrome DevTools Protocol command sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    command: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.command, "params": self.params }).to_string()))
    }
}

/// A small dataset of another city, with an unknown field and markup in a name.
/// A file with `contents` in a folder of this test run, for a file input to be given.
pub fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("masterplan-e2e-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

pub const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kota-contoh.masterplan.json");

pub struct Browser {
    client: Client,
    driver: Child,
    downloads: PathBuf,
    profile: PathBuf,
}

impl Browser {
    pub async fn start() -> Browser {
        Self::start_with(Profile::default()).await
    }

    pub async fn start_with(profile_settings: Profile) -> Browser {
        // A port found free can be taken again before chromedriver listens on it (tests start browsers in
        // parallel), and the session then finds no one there: such a start is tried again on a new port.
        let mut attempts = 0;
        loop {
            attempts += 1;
            match Self::try_start(&profile_settings).await {
                Ok(browser) => return browser,
                Err(error) if attempts < 3 => eprintln!("chromedriver start {attempts} failed ({error}); again"),
                Err(error) => panic!("a chromedriver session: {error}"),
            }
        }
    }

    async fn try_start(profile_settings: &Profile) -> Result<Browser, fantoccini::error::NewSessionError> {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{chromedriver}: {e} (run `cargo xtask setup`)"));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < PATIENCE, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let unique = format!("{}-{port}", std::process::id());
        let profile = std::env::temp_dir().join(format!("masterplan-e2e-profile-{unique}"));
        let downloads = std::env::temp_dir().join(format!("masterplan-e2e-downloads-{unique}"));
        std::fs::create_dir_all(&downloads).unwrap();
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,800",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                    // 2 = block: the browser then refuses localStorage as it does for a user who blocks site data.
                    "profile.default_content_setting_values.cookies": if profile_settings.block_site_data { 2 } else { 1 },
                },
            }
        });
        let Value::Object(capabilities) = capabilities else { unreachable!() };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match client {
            // From here the browser owns the driver and the folders, and dropping it cleans them up.
            Ok(client) => Ok(Browser { client, driver, downloads, profile }),
            Err(error) => {
                let mut driver = driver;
                let _ = driver.kill();
                let _ = driver.wait();
                let _ = std::fs::remove_dir_all(profile);
                let _ = std::fs::remove_dir_all(downloads);
                Err(error)
            }
        }
    }

    /// Opens the app's page (with `query`, e.g. `?lang=en`) and waits until the app has mounted.
    pub async fn open(&self, query: &str) {
        self.client.goto(&format!("{}{query}", server().url())).await.unwrap();
        self.wait_for("city-name").await;
        self.wait_drawn().await;
    }

    /// Waits until every part of the current view is drawn (the views' code comes on demand; `<main>` is
    /// `aria-busy` meanwhile).
    pub async fn wait_drawn(&self) {
        self.wait_css("main[aria-busy=false]").await;
    }

    /// Opens a `<details>` element, once it is there.
    pub async fn open_details(&self, testid: &str) {
        self.wait_for(testid).await;
        self.eval(&format!("document.querySelector('{}').open = true; return null", selector(testid))).await;
    }

    pub async fn wait_for(&self, testid: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(&selector(testid)))
            .await
            .unwrap_or_else(|e| panic!("{testid} did not appear: {e}"))
    }

    /// The status select of a program's row in the register (the row must be shown).
    pub async fn program_status(&self, program: &str) -> fantoccini::elements::Element {
        self.wait_css(&format!(
            "[data-testid=program-row][data-program-id=\"{program}\"] [data-testid=program-status-select]"
        ))
        .await
    }

    pub async fn exists(&self, testid: &str) -> bool {
        !self.client.find_all(Locator::Css(&selector(testid))).await.unwrap().is_empty()
    }

    pub async fn exists_css(&self, css: &str) -> bool {
        !self.client.find_all(Locator::Css(css)).await.unwrap().is_empty()
    }

    pub async fn text(&self, testid: &str) -> String {
        self.wait_for(testid).await.text().await.unwrap()
    }

    pub async fn inner_html(&self, testid: &str) -> String {
        self.wait_for(testid).await.html(true).await.unwrap()
    }

    /// Waits until the element's text is `expected` exactly (a "10" on the way to "1" is waited out).
    pub async fn wait_text(&self, testid: &str, expected: &str) {
        let started = Instant::now();
        loop {
            // The element may be drawn anew between finding it and reading it: then look again.
            let text = match self.client.find(Locator::Css(&selector(testid))).await {
                Ok(element) => element.text().await.ok(),
                Err(_) => None,
            };
            if text.as_deref() == Some(expected) {
                return;
            }
            assert!(started.elapsed() < PATIENCE, "{testid} says {text:?}, not {expected:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn wait_text_contains(&self, testid: &str, part: &str) -> String {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(&selector(testid))).await
                && let Ok(text) = element.text().await
                && text.contains(part)
            {
                return text;
            }
            assert!(started.elapsed() < PATIENCE, "{testid} never showed {part:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn click(&self, testid: &str) {
        self.wait_for(testid).await.click().await.unwrap();
    }

    pub async fn select(&self, testid: &str, value: &str) {
        self.wait_for(testid).await.select_by_value(value).await.unwrap();
    }

    /// Imports the test fixture (Kota Contoh) in place of the data, as a user choosing the file does.
    pub async fn import_fixture(&self) {
        self.import(Path::new(FIXTURE)).await;
        self.click("import-replace").await;
        self.wait_text("city-name", "Kota Contoh").await;
    }

    /// Gives a file to the import control, as choosing it in the file dialog does.
    pub async fn import(&self, file: &Path) {
        let input = self.client.find(Locator::Css(&selector("import-file"))).await.unwrap();
        input.send_keys(&file.display().to_string()).await.unwrap();
    }

    /// Drops several files onto the page at once, as a user dragging a selection from the desktop does.
    pub async fn drop_files(&self, files: &[(&str, &str)]) {
        let script = "const [files] = arguments;
            const transfer = new DataTransfer();
            for (const [name, text] of files) {
                transfer.items.add(new File([text], name, { type: 'application/json' }));
            }
            for (const type of ['dragenter', 'dragover', 'drop']) {
                document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }";
        self.client.execute(script, vec![json!(files)]).await.unwrap();
    }

    /// Drops a file onto the page as a user dragging it from the desktop does.
    pub async fn drop_file(&self, name: &str, contents: &str) {
        let script = "const [name, text] = arguments;
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], name, { type: 'application/json' }));
            for (const type of ['dragenter', 'dragover', 'drop']) {
                document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }";
        self.client.execute(script, vec![json!(name), json!(contents)]).await.unwrap();
    }

    /// The value of a form control.
    pub async fn value(&self, testid: &str) -> String {
        self.wait_for(testid).await.prop("value").await.unwrap().unwrap_or_default()
    }

    /// Opens any address in this browser.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap();
        self.wait_for("city-name").await;
        self.wait_drawn().await;
    }

    /// The folder downloads land in.
    pub fn downloads(&self) -> &Path {
        &self.downloads
    }

    pub async fn wait_css(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    pub async fn text_css(&self, css: &str) -> String {
        self.wait_css(css).await.text().await.unwrap()
    }

    /// Waits until the text of the element `css` finds is `expected` exactly.
    pub async fn wait_text_css(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.ok(),
                Err(_) => None,
            };
            if text.as_deref() == Some(expected) {
                return;
            }
            assert!(started.elapsed() < PATIENCE, "{css} says {text:?}, not {expected:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until no element has this test id.
    pub async fn wait_gone(&self, testid: &str) {
        self.wait_gone_css(&selector(testid)).await;
    }

    pub async fn wait_gone_css(&self, css: &str) {
        let started = Instant::now();
        while !self.client.find_all(Locator::Css(css)).await.unwrap().is_empty() {
            assert!(started.elapsed() < PATIENCE, "{css} did not go away");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Types keys (WebDriver key codes, e.g. `\u{E009}` for Control) into the focused element.
    pub async fn keys(&self, keys: &str) {
        let body = self.client.find(Locator::Css("body")).await.unwrap();
        body.send_keys(keys).await.unwrap();
    }

    /// Presses keys (WebDriver key codes) where the focus is, as a user at the keyboard does; `keys` types
    /// into the page's body instead.
    pub async fn press(&self, keys: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let actions = keys.chars().fold(KeyActions::new("keyboard".into()), |a, key| {
            a.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key })
        });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Sends a Chrome DevTools Protocol command (e.g. `Emulation.setDeviceMetricsOverride`) and returns its answer.
    pub async fn cdp(&self, command: &'static str, params: Value) -> Value {
        self.client.issue_cmd(Cdp { command, params }).await.unwrap_or_else(|e| panic!("{command}: {e}"))
    }

    /// Drags from one point of the window to another (CSS pixels) with a finger, or with the mouse.
    pub async fn drag(&self, pointer: Pointer, from: (f64, f64), to: (f64, f64)) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, TouchActions};
        let steps = [
            PointerAction::MoveTo { duration: None, x: from.0, y: from.1 },
            PointerAction::Down { button: 0 },
            PointerAction::MoveTo { duration: Some(Duration::from_millis(150)), x: to.0, y: to.1 },
            PointerAction::Up { button: 0 },
        ];
        let result = match pointer {
            Pointer::Finger => {
                let actions = steps.into_iter().fold(TouchActions::new("finger".into()), |a, step| a.then(step));
                self.client.perform_actions(actions).await
            }
            Pointer::Mouse => {
                let actions = steps.into_iter().fold(MouseActions::new("mouse".into()), |a, step| a.then(step));
                self.client.perform_actions(actions).await
            }
        };
        result.unwrap();
    }

    /// Lays the page out as for printing (or back for the screen).
    pub async fn emulate_print(&self, print: bool) {
        let media = if print { "print" } else { "" };
        self.client
            .issue_cmd(Cdp { command: "Emulation.setEmulatedMedia", params: json!({ "media": media }) })
            .await
            .unwrap();
    }

    /// How many pages printing the page now would give: Chromium's own PDF of it, pages counted.
    pub async fn printed_pages(&self) -> usize {
        let text = self.printed_pdf().await;
        // Every page object says `/Type /Page`; the page tree says `/Type /Pages`.
        text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
    }

    /// The size of each page printing the page now would give, in PDF points: Chromium's own PDF of it.
    pub async fn printed_page_sizes(&self) -> Vec<(f64, f64)> {
        let text = self.printed_pdf().await;
        text.split("/MediaBox [")
            .skip(1)
            .filter_map(|rest| {
                let numbers: Vec<f64> =
                    rest.split(']').next()?.split_whitespace().filter_map(|n| n.parse().ok()).collect();
                Some((numbers.get(2)? - numbers.first()?, numbers.get(3)? - numbers.get(1)?))
            })
            .collect()
    }

    /// Chromium's own PDF of the page as printed now, as text (its structure is plain, its streams are not).
    async fn printed_pdf(&self) -> String {
        use base64::Engine;
        let reply = self
            .client
            .issue_cmd(Cdp { command: "Page.printToPDF", params: json!({ "preferCSSPageSize": true }) })
            .await
            .unwrap();
        let pdf = base64::engine::general_purpose::STANDARD.decode(reply["data"].as_str().unwrap()).unwrap();
        String::from_utf8_lossy(&pdf).into_owned()
    }

    /// A print of a part alone (`print_alone`) leaves marks on the page that the app takes off at any other
    /// print, as Chromium's PDF is: they are put back for the next one, to see what the style sheet makes of
    /// them.
    pub async fn keep_print_marks_for_the_next_print(&self) {
        self.eval(
            "const target = document.querySelector('[data-print-target]');
             const holders = [...document.querySelectorAll('[data-print-path]')];
             window.addEventListener('beforeprint', () => {
                 document.body.setAttribute('data-printing', 'one');
                 target.setAttribute('data-print-target', '');
                 holders.forEach(e => e.setAttribute('data-print-path', ''));
             }, { once: true });
             return null",
        )
        .await;
    }

    pub async fn go_back(&self) {
        self.client.back().await.unwrap();
    }

    pub async fn current_window(&self) -> fantoccini::wd::WindowHandle {
        self.client.window().await.unwrap()
    }

    /// Opens a second tab of the same browser (same storage), and returns its handle.
    pub async fn open_window(&self) -> fantoccini::wd::WindowHandle {
        self.client.new_window(true).await.unwrap().handle
    }

    /// Every open tab of the browser.
    pub async fn client_windows(&self) -> Vec<fantoccini::wd::WindowHandle> {
        self.client.windows().await.unwrap()
    }

    /// Runs an asynchronous script: it calls `arguments[0]` with its result.
    pub async fn client_execute_async(&self, script: &str) -> Value {
        self.client.execute_async(script, vec![]).await.unwrap()
    }

    /// A window the page opened itself (a popup), once it is there: the one open window not in `known`.
    pub async fn window_opened(&self, known: &[fantoccini::wd::WindowHandle]) -> fantoccini::wd::WindowHandle {
        let started = Instant::now();
        loop {
            if let Some(new) = self.client_windows().await.into_iter().find(|w| !known.contains(w)) {
                return new;
            }
            assert!(started.elapsed() < PATIENCE, "no window opened");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Closes the window the browser is in (the others stay open; switch to one next).
    pub async fn close_window(&self) {
        self.client.close_window().await.unwrap();
    }

    /// Loads the page of the current window again.
    pub async fn reload(&self) {
        self.client.refresh().await.unwrap();
    }

    pub async fn switch_to(&self, window: &fantoccini::wd::WindowHandle) {
        self.client.switch_to_window(window.clone()).await.unwrap();
    }

    /// Waits until `script` returns `true`.
    pub async fn wait_until(&self, script: &str, what: &str) {
        let started = Instant::now();
        while self.eval(script).await != true {
            assert!(started.elapsed() < PATIENCE, "{what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn eval(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// The bytes of a finished download: the file is there, not empty, and Chromium has stopped writing
    /// (no `.crdownload` beside it).
    pub async fn downloaded_bytes(&self, file_name: &str) -> Vec<u8> {
        let path = self.downloads.join(file_name);
        let started = Instant::now();
        loop {
            let in_progress = list(&self.downloads).iter().any(|name| name.ends_with(".crdownload"));
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            if size > 0 && !in_progress {
                return std::fs::read(&path).unwrap();
            }
            assert!(started.elapsed() < PATIENCE, "{file_name} was not downloaded: {:?}", list(&self.downloads));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The text of a finished download.
    pub async fn downloaded(&self, file_name: &str) -> String {
        String::from_utf8(self.downloaded_bytes(file_name).await).expect("a text file")
    }

    pub async fn close(mut self) {
        let client = self.client.clone();
        client.close().await.unwrap();
        let _ = self.driver.kill();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
        let _ = std::fs::remove_dir_all(&self.downloads);
    }
}

fn selector(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

fn list(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}
