//! The app's WebAssembly for the release bundle, split: the page's first view in one module, the rest of
//! the app in one file fetched at once after it (`whole_app` and the chunks it needs, packed), the other
//! views in chunks fetched when first needed (Leptos' `#[lazy]`, `--cfg split`). Trunk builds the rest of
//! the bundle; it cannot split (it runs wasm-bindgen right after cargo), so this step is ours:
//! cargo with relocations kept → wasm_split_cli_support → wasm-bindgen on the main module → wasm-opt on
//! every module → the pack → names with a hash of their contents → the page's script tag.

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
    let members = pack_members(&loader)?;
    let mut pack = Pack::default();
    for chunk in &split.split_modules {
        let old = file_name(chunk);
        let optimized = optimize(tools.wasm_opt, chunk)?;
        if members.contains(&old) {
            loader = pack.add(&loader, &old, &optimized)?;
            continue;
        }
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
    if pack.parts.len() != members.len() {
        return Err(format!("the split tool wrote {} of the {} modules of {PACKED}", pack.parts.len(), members.len()));
    }
    let pack_name = format!("whole-app-{}.wasm", content_hash(&pack.bytes));
    write(dist, &pack_name, &pack.bytes)?;
    written.push(pack_name.clone());
    // After the loader's import of the main module, which comes first.
    let (import, rest) = loader.split_once('\n').ok_or_else(|| format!("{LOADER} is empty"))?;
    let loader = format!("{import}\n{}{rest}", pack.prelude(&pack_name));
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

/// The split point whose module comes, with every chunk it needs, as one file (`ui::whole_app`: the app
/// but its first view). Each of those chunks is needed by other views too, but those are reached only
/// through it: as files of their own they were some 120 requests before the page answered, and 45 KiB
/// gzip more than compressed together.
const PACKED: &str = "whole_app";

/// The files of `PACKED`'s module and of the chunks it needs, as the loader names them.
fn pack_members(loader: &str) -> Result<Vec<String>, String> {
    let missing = |what: &str| format!("{LOADER}: no {what} of {PACKED}");
    let export = format!("export const __wasm_split_load_{PACKED} = wrapAsyncCb(makeLoad(() => {{");
    let rest = &loader[loader.find(&export).ok_or_else(|| missing("loader"))? + export.len()..];
    let mut members = vec![fetched_file(rest).ok_or_else(|| missing("module"))?];
    let deps = rest.find("\n, [").map(|at| &rest[at + 4..]).ok_or_else(|| missing("chunks"))?;
    let deps = &deps[..deps.find(']').ok_or_else(|| missing("chunks"))?];
    for chunk in deps.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let definition = format!("const {chunk} = makeLoad(() => {{");
        let at = loader.find(&definition).ok_or_else(|| missing(chunk))?;
        members.push(fetched_file(&loader[at..]).ok_or_else(|| missing(chunk))?);
    }
    Ok(members)
}

/// The file the first `fetch(new URL("./…"` of `text` fetches.
fn fetched_file(text: &str) -> Option<String> {
    let start = text.find("fetch(new URL(\"./")? + "fetch(new URL(\"./".len();
    Some(text[start..start + text[start..].find('"')?].to_owned())
}

/// Modules end to end in one file (named `.wasm`, so that every host serves, compresses and caches it as the
/// other modules), and where each is in it.
#[derive(Default)]
struct Pack {
    bytes: Vec<u8>,
    parts: Vec<(String, usize, usize)>,
}

impl Pack {
    /// Adds a module; the loader then takes it from the pack rather than fetching its file.
    fn add(&mut self, loader: &str, name: &str, module: &[u8]) -> Result<String, String> {
        let fetch = format!("fetch(new URL(\"./{name}\", import.meta.url))");
        if loader.matches(&fetch).count() != 1 {
            return Err(format!("{LOADER} does not fetch {name} once"));
        }
        self.parts.push((name.to_owned(), self.bytes.len(), module.len()));
        self.bytes.extend_from_slice(module);
        Ok(loader.replace(&fetch, &format!("fromPack(\"{name}\")")))
    }

    /// What the loader needs to take modules from the pack: fetched once when the first is asked for (again
    /// after a failure), each given as the response of a module's own file would be.
    fn prelude(&self, pack_name: &str) -> String {
        let parts: Vec<String> =
            self.parts.iter().map(|(name, at, length)| format!("\"{name}\": [{at}, {length}]")).collect();
        format!(
            "// Written by cargo xtask dist: the app but its first view, and every chunk it needs, come as one file.
const pack = {{ url: new URL(\"./{pack_name}\", import.meta.url), parts: {{ {} }} }};
let packBytes;
// The pack is let go once every module has its part (a module asked for again fetches it anew).
let packLeft = Object.keys(pack.parts).length;
function fromPack(name) {{
    packBytes ??= fetch(pack.url)
        .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`HTTP ${{response.status}}`))))
        .catch((error) => {{
            packBytes = undefined;
            throw error;
        }});
    const [at, length] = pack.parts[name];
    const bytes = packBytes;
    if (--packLeft <= 0) packBytes = undefined;
    return bytes.then(
        (bytes) => new Response(new Uint8Array(bytes, at, length), {{ headers: {{ \"Content-Type\": \"application/wasm\" }} }}),
    );
}}
",
            parts.join(", ")
        )
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the split tool's loader: two chunks, the packed split point needing one of them, and
    /// another split point needing both.
    const LOADER_TEXT: &str = r#"import { initSync } from "./__MAIN_JS__";
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
const __chunk_2 = makeLoad(() => {
    const src = fetch(new URL("./chunk_2.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_whole_app = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_whole_app.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_2]));
export const __wasm_split_load_register_page_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_register_page_1.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_1, __chunk_2]));
"#;

    #[test]
    fn the_pack_holds_the_whole_apps_module_and_exactly_the_chunks_it_needs() {
        assert_eq!(pack_members(LOADER_TEXT).unwrap(), ["split_whole_app.wasm", "chunk_2.wasm"]);
        assert!(pack_members(&LOADER_TEXT.replace("whole_app", "other")).is_err(), "no split point of that name");
    }

    #[test]
    fn packed_modules_are_taken_from_the_pack_at_their_place_and_the_others_fetched_as_before() {
        let mut pack = Pack::default();
        let loader = pack.add(LOADER_TEXT, "split_whole_app.wasm", b"\0asm-one").unwrap();
        let loader = pack.add(&loader, "chunk_2.wasm", b"\0asm-two!").unwrap();
        assert_eq!(pack.bytes, b"\0asm-one\0asm-two!");
        assert!(loader.contains(r#"const src = fromPack("split_whole_app.wasm");"#));
        assert!(loader.contains(r#"const src = fromPack("chunk_2.wasm");"#));
        assert!(loader.contains(r#"fetch(new URL("./chunk_1.wasm", import.meta.url))"#), "not packed, fetched");
        assert!(loader.contains(r#"fetch(new URL("./split_register_page_1.wasm", import.meta.url))"#));
        let prelude = pack.prelude("whole-app-0123456789abcdef.wasm");
        assert!(prelude.contains(r#"parts: { "split_whole_app.wasm": [0, 8], "chunk_2.wasm": [8, 9] }"#), "{prelude}");
        assert!(prelude.contains(r#"new URL("./whole-app-0123456789abcdef.wasm", import.meta.url)"#));
        // A module the loader does not fetch (or fetches twice) is an error, not a silent miss.
        assert!(pack.add(&loader, "chunk_2.wasm", b"").is_err());
    }
}
