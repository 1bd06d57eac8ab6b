//! `cargo xtask`: sets up what is missing (pinned tools only, from the package registries), builds the
//! release bundle once, serves it, and runs every test layer against it.
//!
//!   cargo xtask serve [--port N]   set up, build the release bundle, serve it on 127.0.0.1
//!   cargo xtask test               set up, build once, run native, browser and end-to-end tests
//!   cargo xtask dist               set up the build tools and build the release bundle (with its
//!                                  service worker and .gz/.br copies)
//!   cargo xtask size               print the bundle's sizes, raw, gzip and brotli
//!   cargo xtask bench              print the benchmarks' figures (native, then in headless Chromium)
//!   cargo xtask fuzz [--seconds N] run every fuzz target for N seconds each (default 60), seeds first
//!   cargo xtask setup              only install what is missing

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use xtask::{StaticServer, bundle, bundle_sizes};

mod app_wasm;

const TRUNK_VERSION: &str = "0.21.14";
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The fuzz targets, one per reader of bytes from outside the page (fuzz/Cargo.toml).
const FUZZ_TARGETS: [&str; 6] =
    ["dataset_json", "programs_csv", "workbook_xlsx", "share_link", "stored_data", "boundaries_geojson"];
/// How long CI fuzzes each target: a smoke test that the targets build and run.
const FUZZ_SMOKE_SECONDS: u64 = 15;
const BINARYEN_VERSION: &str = "132.0.0";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome =
        match args.first().map(String::as_str) {
            Some("setup") => setup(Needs::EVERYTHING),
            Some("dist") => setup(Needs::BUILD).and_then(|()| dist()),
            Some("size") => size_report(),
            Some("serve") => serve(port_arg(&args)),
            Some("test") => test(),
            Some("bench") => bench(),
            Some("fuzz") => fuzz(seconds_arg(&args).unwrap_or(60)).map(drop),
            _ => Err("usage: cargo xtask (serve [--port N] | test | bench | fuzz [--seconds N] | dist | size | setup)"
                .into()),
        };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn seconds_arg(args: &[String]) -> Option<u64> {
    args.windows(2).find(|w| w[0] == "--seconds").and_then(|w| w[1].parse().ok())
}

fn port_arg(args: &[String]) -> u16 {
    args.windows(2).find(|w| w[0] == "--port").and_then(|w| w[1].parse().ok()).unwrap_or(8080)
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the project").to_path_buf()
}

fn dist_dir() -> PathBuf {
    project_root().join("dist")
}

/// Where npm puts binaryen's wasm-opt: inside the project, never on the system.
fn tools_bin() -> PathBuf {
    project_root().join(".tools/node_modules/.bin")
}

/// What a command needs installed.
#[derive(Clone, Copy)]
struct Needs {
    browser: bool,
}

impl Needs {
    const BUILD: Needs = Needs { browser: false };
    const EVERYTHING: Needs = Needs { browser: true };
}

fn setup(needs: Needs) -> Result {
    ensure_wasm_target()?;
    // trunk builds with --offline (Trunk.toml), so the crates must be in the cache before it runs.
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(project_root()))?;
    let bindgen = wasm_bindgen_version()?;
    ensure_cargo_tool("wasm-bindgen", &bindgen, &["install", "wasm-bindgen-cli", "--version", &bindgen])?;
    // wasm-bindgen-cli is installed without --locked: its lock file wants a crate version the registry lacks.
    ensure_cargo_tool("trunk", TRUNK_VERSION, &["install", "--locked", "trunk", "--version", TRUNK_VERSION])?;
    ensure_binaryen()?;
    if needs.browser {
        ensure_browser()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version of Cargo.lock: the CLI must report exactly this one.
fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

fn ensure_cargo_tool(binary: &str, version: &str, install: &[&str]) -> Result {
    let found = output(binary, &["--version"]).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    eprintln!("xtask: installing {binary} {version} (found: {})", found.trim());
    run(Command::new("cargo").args(install).arg("--force"))
}

fn ensure_binaryen() -> Result {
    let wasm_opt = tools_bin().join("wasm-opt");
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let found = output(wasm_opt.to_str().unwrap_or_default(), &["--version"]).unwrap_or_default();
    if found.contains(&format!("version {major}")) {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt_install(&["npm"])?;
    }
    let prefix = project_root().join(".tools");
    run(Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&prefix)
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}

fn ensure_browser() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

fn apt_install(packages: &[&str]) -> Result {
    let root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if root { Command::new("apt-get") } else { Command::new("sudo") };
        if !root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(packages);
    apt(&args)
}

/// Builds the release bundle into dist/: trunk for the page, its style and files, `app_wasm` for the app's
/// split WebAssembly, then the service worker (listing the build's files) and the compressed copies.
fn dist() -> Result {
    let started = Instant::now();
    run(Command::new("trunk").args(["build", "--release"]).current_dir(project_root()).env("PATH", path_with_tools()))?;
    let wasm_opt = tools_bin().join("wasm-opt");
    let modules = app_wasm::build(&app_wasm::Tools { root: &project_root(), wasm_opt: &wasm_opt }, &dist_dir())?;
    eprintln!("xtask: the app's wasm split into {} files", modules.len());
    let source = project_root().join(bundle::WORKER_FILE);
    let source = std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let build = bundle::finish(&dist_dir(), &source)?;
    eprintln!(
        "xtask: release bundle {} ({} files for the service worker) built in {:.0} s",
        build.id,
        build.files.len(),
        started.elapsed().as_secs_f64()
    );
    size_report()
}

fn size_report() -> Result {
    let sizes = bundle_sizes(&dist_dir()).map_err(|e| format!("dist/: {e} (run `cargo xtask dist`)"))?;
    println!("bundle size (dist/):");
    println!("  {:<48} {:>11} {:>11} {:>11}", "file", "raw", "gzip", "brotli");
    let total = |first_load: bool| {
        sizes
            .iter()
            .filter(|f| f.first_load || !first_load)
            .fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli))
    };
    for file in &sizes {
        println!("  {:<48} {:>11} {:>11} {:>11}", file.name, kib(file.raw), kib(file.gzip), kib(file.brotli));
    }
    let example = sizes
        .iter()
        .filter(|f| f.name.ends_with(".masterplan.json"))
        .fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli));
    let first_load = total(true);
    let first_visit = (first_load.0 + example.0, first_load.1 + example.1, first_load.2 + example.2);
    for (label, (raw, gzip, brotli)) in [
        ("first load (html+js+wasm+css)", first_load),
        ("first visit: first load and the example", first_visit),
        ("everything", total(false)),
    ] {
        println!("  {label:<48} {:>11} {:>11} {:>11}", kib(raw), kib(gzip), kib(brotli));
    }
    Ok(())
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn serve(port: u16) -> Result {
    setup(Needs::BUILD)?;
    dist()?;
    let server = StaticServer::start(&dist_dir(), "/", port).map_err(|e| format!("port {port}: {e}"))?;
    println!("Serving the release build at {} (Ctrl+C stops)", server.url());
    loop {
        std::thread::park();
    }
}

/// Every layer, one after the other, against one release build.
fn test() -> Result {
    let started = Instant::now();
    setup(Needs::EVERYTHING)?;
    dist()?;
    let root = project_root();
    let mut layers = Vec::new();

    let layer = Instant::now();
    run(test_cargo(&root).args(["fmt", "--all", "--", "--check"]))?;
    run(test_cargo(&root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "e2e",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(test_cargo(&root).args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "--lib",
        "--test",
        "browser",
        "--test",
        "browser_bench",
        "--",
        "-D",
        "warnings",
    ]))?;
    layers.push(("lint (fmt, clippy)", layer.elapsed()));

    let layer = Instant::now();
    run(test_cargo(&root).args(["test", "--workspace"]))?;
    layers.push(("native", layer.elapsed()));

    let layer = Instant::now();
    run(test_cargo(&root)
        .args(["test", "--target", "wasm32-unknown-unknown", "--test", "browser"])
        .env("PATH", path_with_tools())
        .env("CHROMEDRIVER", CHROMEDRIVER))?;
    layers.push(("browser (wasm-bindgen-test)", layer.elapsed()));

    let layer = Instant::now();
    run(test_cargo(&root)
        .args([
            "test",
            "--features",
            "e2e",
            "--test",
            "e2e",
            "--test",
            "e2e_exchange",
            "--test",
            "e2e_register",
            "--test",
            "e2e_charts",
            "--test",
            "e2e_evaluations",
            "--test",
            "e2e_store",
            "--test",
            "e2e_own_plan",
            "--test",
            "e2e_hosted",
            "--test",
            "e2e_map",
            "--test",
            "e2e_cities",
        ])
        .env("E2E_DIST", dist_dir())
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("CHROMIUM", CHROMIUM))?;
    layers.push(("end-to-end (chromedriver)", layer.elapsed()));

    let layer = Instant::now();
    fuzz(FUZZ_SMOKE_SECONDS)?;
    layers.push(("fuzzing (smoke)", layer.elapsed()));

    for (name, took) in layers {
        println!("xtask: {name} layer passed in {:.0} s", took.as_secs_f64());
    }
    println!("xtask: every test layer passed in {:.0} s", started.elapsed().as_secs_f64());
    // CI's machine has a disk of its own size: the figure shows how close a clean run comes to it.
    for dir in ["target", "fuzz/target"] {
        println!("xtask: {dir}/ holds {:.1} GiB", disk_usage(&root.join(dir)) as f64 / (1u64 << 30) as f64);
    }
    Ok(())
}

/// `cargo` for one test layer. Incremental compilation is off: a clean run never reuses its caches, and
/// they would take gigabytes of a disk that must also hold every test binary.
fn test_cargo(root: &Path) -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(root).env("CARGO_INCREMENTAL", "0");
    command
}

/// The bytes the files under `dir` take, 0 where it cannot be read.
fn disk_usage(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => disk_usage(&entry.path()),
            Ok(kind) if kind.is_file() => entry.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}

/// Runs every fuzz target for `seconds`, its corpus seeded from `fuzz/seeds/<target>` (the project's own
/// fixtures), and prints how many inputs each tried. A crash fails the run; libFuzzer leaves the input in
/// `fuzz/artifacts/<target>/`. Returns the runs per target.
fn fuzz(seconds: u64) -> Result<Vec<(String, u64)>> {
    ensure_cargo_tool(
        "cargo-fuzz",
        CARGO_FUZZ_VERSION,
        &["install", "--locked", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION],
    )?;
    let root = project_root();
    // Stable Rust: libFuzzer's coverage without a sanitizer.
    run(Command::new("cargo").args(["fuzz", "build", "--sanitizer", "none"]).current_dir(&root))?;
    let mut runs = Vec::new();
    for target in FUZZ_TARGETS {
        let corpus = root.join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let seeds = root.join("fuzz/seeds").join(target);
        let output = Command::new("cargo")
            .args(["fuzz", "run", "--sanitizer", "none", target])
            .arg(&corpus)
            .arg(&seeds)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg("-max_len=262144")
            .arg("-rss_limit_mb=4096")
            .current_dir(&root)
            .output()
            .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
        let log = String::from_utf8_lossy(&output.stderr);
        let done =
            log.lines().rev().find_map(|l| l.strip_prefix("Done ")).and_then(|l| l.split(' ').next()?.parse().ok());
        if !output.status.success() {
            eprintln!("{log}");
            return Err(format!("fuzz target {target} failed: see fuzz/artifacts/{target}/"));
        }
        let done = done.unwrap_or(0);
        println!("xtask: fuzz target {target}: {done} runs in {seconds} s, no crash");
        runs.push((target.to_owned(), done));
    }
    Ok(runs)
}

/// PATH with the project's own tools (binaryen's wasm-opt) first.
fn path_with_tools() -> String {
    format!("{}:{}", tools_bin().display(), std::env::var("PATH").unwrap_or_default())
}

/// The benchmarks print figures; none of them fails on a slow machine.
fn bench() -> Result {
    setup(Needs::EVERYTHING)?;
    dist()?;
    let root = project_root();
    run(Command::new("cargo")
        .args([
            "bench",
            "--bench",
            "exchange",
            "--bench",
            "register",
            "--bench",
            "evaluation",
            "--bench",
            "map",
            "--bench",
            "portfolio",
        ])
        .current_dir(&root))?;
    run(Command::new("cargo")
        .args(["bench", "--features", "e2e", "--bench", "page_load"])
        .env("E2E_DIST", dist_dir())
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("CHROMIUM", CHROMIUM))?;
    run(Command::new("cargo")
        .args([
            "test",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser_bench",
            "--",
            "--nocapture",
        ])
        .env("PATH", path_with_tools())
        .env("CHROMEDRIVER", CHROMEDRIVER))
}

fn run(command: &mut Command) -> Result {
    let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{command:?} failed: {status}")) }
}

/// A command's standard output, `None` when it cannot be run or fails.
fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
