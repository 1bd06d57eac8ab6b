//! Starts the page; everything else lives in the library.

fn main() {
    // A panic aborts the wasm; its message in the browser's console is what a bug report can quote.
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    masterplan_tracker::ui::start();
}
