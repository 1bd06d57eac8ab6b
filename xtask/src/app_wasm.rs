//! The app's WebAssembly for the release bundle, split: the page's first view in one module, the other
//! views in chunks fetched when first needed (Leptos' `#[lazy]`, `--cfg split`). Trunk builds the rest of
//! the bundle; it cannot split (it runs wasm-bindgen right after cargo), so this step is ours:
//! cargo with relocations kept → wasm_split_cli_support → wasm-bindgen on the main module → wasm-opt on
//! every module → names with a hash of their contents → the page's script tag.

use std::path::Path;
use std::process::Command;

use xtask::bundle::content_hash;

use super::run;

/// What cargo builds, and the name its outputs take in the bundle.
const BIN: &str = "masterplan-tracker";
/// Where the split tool writes; the main module imports the chunks' loader from here.
const LOADER: &str = "__wasm_split.js";
/// Stands for the main module's hashed name until that name is known.
const MAIN_JS_PLACEHOLDER: &str = "./__MAIN_JS__";
/// In `index.html`, replaced by the hashed names.
const PAGE_JS: &str = "__APP_JS__";
const PAGE_WASM: &str = "__APP_WASM__";
const PAGE_EXAMPLE: &str = "__APP_EXAMPLE__";
/// The built-in example: a file of its own in the bundle, fetched on a first visit only (src/sample.rs).
const EXAMPLE: &str = "src/sample/tanjungpinang-2020-tahap-1.masterplan.json";
/// `--cfg erase_components` as in .cargo/config.toml (an env RUSTFLAGS replaces it), `--cfg split` turns
/// the `#[lazy]` views on, and the split tool needs the linker's relocations.
const RUSTFLAGS: &str = "--cfg erase_components --cfg split -C link-args=--emit-relocs";

pub struct Tools<'a> {
    pub root: &'a Path,
    pub wasm_opt: &'a Path,
}

/// Builds, splits and optimizes the app into `dist` (which trunk has filled with the rest), and writes the
/// hashed names into `dist/index.html`. Returns the file names written.
pub fn build(tools: &Tools, dist: &Path) -> Result<Vec<String>, String> {
    let root = tools.root;
    run(Command::new("cargo")
        .args(["build", "--release", "--locked", "--target", "wasm32-unknown-unknown", "--bin", BIN])
        .env("RUSTFLAGS", RUSTFLAGS)
        .current_dir(root))?;
    let built = root.join(format!("target/wasm32-unknown-unknown/release/{BIN}.wasm"));
    let input = std::fs::read(&built).map_err(|e| format!("{}: {e}", built.display()))?;

    let work = root.join("target/split");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let main_wasm = work.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &work;
        options.main_out_path = &main_wasm;
        options.main_module = MAIN_JS_PLACEHOLDER;
        options.link_name = "./__wasm_split.js";
        options
    })
    .map_err(|e| format!("splitting the wasm: {e}"))?;

    let bindgen = work.join("bindgen");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript", "--out-name", BIN, "--out-dir"])
        .arg(&bindgen)
        .arg(&main_wasm))?;

    let mut written = Vec::new();
    // The chunks first: the loader names them.
    let mut loader = read_text(&work.join(LOADER))?;
    for chunk in &split.split_modules {
        let old = file_name(chunk);
        let optimized = optimize(tools.wasm_opt, chunk)?;
        let stem = old.trim_end_matches(".wasm");
        // `split_dashboard_page_1234…` (a hash of the function's place, not of its code) → `split_dashboard_page`.
        let stem =
            stem.rsplit_once('_').filter(|(_, n)| n.bytes().all(|b| b.is_ascii_digit())).map_or(stem, |(s, _)| s);
        let new = format!("{stem}-{}.wasm", content_hash(&optimized));
        let reference = format!("\"./{old}\"");
        if !loader.contains(&reference) {
            return Err(format!("{LOADER} does not name {old}"));
        }
        loader = loader.replace(&reference, &format!("\"./{new}\""));
        write(dist, &new, &optimized)?;
        written.push(new);
    }
    let main_js = read_text(&bindgen.join(format!("{BIN}.js")))?;
    let js_name = format!("{BIN}-{}.js", content_hash(main_js.as_bytes()));
    let wasm = optimize(tools.wasm_opt, &bindgen.join(format!("{BIN}_bg.wasm")))?;
    let wasm_name = format!("{BIN}-{}_bg.wasm", content_hash(&wasm));
    if !loader.contains(MAIN_JS_PLACEHOLDER) {
        return Err(format!("{LOADER} does not import the main module"));
    }
    let loader = loader.replace(MAIN_JS_PLACEHOLDER, &format!("./{js_name}"));
    write(dist, LOADER, loader.as_bytes())?;
    write(dist, &js_name, main_js.as_bytes())?;
    write(dist, &wasm_name, &wasm)?;
    written.extend([LOADER.to_string(), js_name.clone(), wasm_name.clone()]);
    let example = std::fs::read(root.join(EXAMPLE)).map_err(|e| format!("{EXAMPLE}: {e}"))?;
    let example_name = format!("tanjungpinang-2020-tahap-1-{}.masterplan.json", content_hash(&example));
    write(dist, &example_name, &example)?;
    written.push(example_name.clone());

    let page = dist.join("index.html");
    let html = read_text(&page)?;
    if ![PAGE_JS, PAGE_WASM, PAGE_EXAMPLE].iter().all(|name| html.contains(name)) {
        return Err(format!("index.html lacks {PAGE_JS}, {PAGE_WASM} or {PAGE_EXAMPLE}"));
    }
    // Trunk leaves the skipped Rust link in the page; it has no use there.
    let html = html.lines().filter(|line| !line.contains("data-trunk-skip")).collect::<Vec<_>>().join("\n");
    write(
        dist,
        "index.html",
        html.replace(PAGE_JS, &js_name).replace(PAGE_WASM, &wasm_name).replace(PAGE_EXAMPLE, &example_name).as_bytes(),
    )?;
    Ok(written)
}

/// wasm-opt -Oz, which also drops the functions' names; `XTASK_DEBUG_NAMES=1 cargo xtask dist` keeps them
/// (no optimizing), so that a panic's stack in the browser's console names the Rust functions.
fn optimize(wasm_opt: &Path, input: &Path) -> Result<Vec<u8>, String> {
    if std::env::var_os("XTASK_DEBUG_NAMES").is_some() {
        return std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()));
    }
    let output = input.with_extension("opt.wasm");
    run(Command::new(wasm_opt)
        .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
        .args(["--enable-mutable-globals", "--enable-multivalue", "--enable-reference-types"])
        .arg(input)
        .arg("-o")
        .arg(&output))?;
    std::fs::read(&output).map_err(|e| format!("{}: {e}", output.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(dist: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(dist.join(name), bytes).map_err(|e| format!("{name}: {e}"))
}
