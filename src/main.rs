//! Mounts the app on the page; everything else lives in the library.

fn main() {
    // A panic aborts the wasm; its message in the browser's console is what a bug report can quote.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    // The page-load benchmark (benches/page_load.rs) reads these marks: when the app starts, when its first
    // view is built.
    mark("app-start");
    leptos::mount::mount_to_body(masterplan_tracker::App);
    mark("app-mounted");
}

fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
