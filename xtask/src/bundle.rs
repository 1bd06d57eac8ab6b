//! What `cargo xtask dist` adds to trunk's output: the service worker with the exact list of the build's
//! files, and a gzip and a brotli copy beside each file for hosts that serve precompressed files.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The service worker's source, with `"__BUILD__"` and `"__FILES__"` in place of the build's id and files.
pub const WORKER_FILE: &str = "sw.js";
const BUILD_PLACEHOLDER: &str = "\"__BUILD__\"";
const FILES_PLACEHOLDER: &str = "\"__FILES__\"";

/// Files that a host may serve compressed; images are compressed already.
const COMPRESSIBLE: [&str; 7] = ["html", "js", "wasm", "css", "svg", "webmanifest", "json"];

/// The build as the service worker knows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Build {
    /// Changes whenever any file of the build changes, so a new deploy is a new worker and a new cache.
    pub id: String,
    /// Every file of the build (the worker itself and compressed copies aside), relative to the page.
    pub files: Vec<String>,
}

impl Build {
    /// Reads the build in `dist`: every file below it, sorted, and an id hashed from names and contents.
    pub fn read(dist: &Path) -> std::io::Result<Build> {
        let mut files = Vec::new();
        collect(dist, dist, &mut files)?;
        files.retain(|name| name != WORKER_FILE && !is_compressed_copy(name));
        files.sort();
        // Names and contents, each followed by a zero byte.
        let mut hash = Fnv::new();
        for name in &files {
            hash.add(name.as_bytes());
            hash.add(&[0]);
            hash.add(&std::fs::read(dist.join(name))?);
            hash.add(&[0]);
        }
        Ok(Build { id: hash.hex(), files })
    }

    /// The service worker for this build, from its source.
    pub fn worker(&self, source: &str) -> Result<String, String> {
        if !source.contains(BUILD_PLACEHOLDER) || !source.contains(FILES_PLACEHOLDER) {
            return Err(format!("{WORKER_FILE} lacks {BUILD_PLACEHOLDER} or {FILES_PLACEHOLDER}"));
        }
        let files = format!(
            "[{}]",
            self.files.iter().map(|f| format!("\"{}\"", f.replace('"', "\\\""))).collect::<Vec<_>>().join(", ")
        );
        Ok(source.replacen(BUILD_PLACEHOLDER, &format!("\"{}\"", self.id), 1).replacen(FILES_PLACEHOLDER, &files, 1))
    }
}

/// FNV-1a, 64 bits: a stable hash without a dependency, the same on every machine and build.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// A file's contents as 16 hex digits, for a name that changes whenever the contents do.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash = Fnv::new();
    hash.add(bytes);
    hash.hex()
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            files.push(relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}

fn is_compressed_copy(name: &str) -> bool {
    name.ends_with(".gz") || name.ends_with(".br")
}

/// Writes the service worker of the build in `dist` from `source`, then the compressed copies; returns the build.
pub fn finish(dist: &Path, source: &str) -> Result<Build, String> {
    let build = Build::read(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let worker = build.worker(source)?;
    std::fs::write(dist.join(WORKER_FILE), worker).map_err(|e| format!("{WORKER_FILE}: {e}"))?;
    compress_all(dist).map_err(|e| format!("compressing {}: {e}", dist.display()))?;
    Ok(build)
}

/// Writes `name.gz` and `name.br` beside every compressible file of `dist` (the worker included), each only
/// when it is smaller than the file; stale copies of an earlier build are removed first.
pub fn compress_all(dist: &Path) -> std::io::Result<()> {
    let mut files = Vec::new();
    collect(dist, dist, &mut files)?;
    for name in files.iter().filter(|name| is_compressed_copy(name)) {
        std::fs::remove_file(dist.join(name))?;
    }
    for name in files.iter().filter(|name| !is_compressed_copy(name) && compressible(name)) {
        let path = dist.join(name);
        let bytes = std::fs::read(&path)?;
        for (suffix, compressed) in [(".gz", gzip(&bytes)?), (".br", brotli(&bytes)?)] {
            if compressed.len() < bytes.len() {
                std::fs::write(with_suffix(&path, suffix), compressed)?;
            }
        }
    }
    Ok(())
}

fn compressible(name: &str) -> bool {
    Path::new(name).extension().and_then(|e| e.to_str()).is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        // Quality 11 (the best) and a 4 MiB window: built once per release, served many times.
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
        writer.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-bundle-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>".repeat(20)).unwrap();
        std::fs::write(dir.join("app-1a2b.wasm"), vec![0u8; 4096]).unwrap();
        std::fs::write(dir.join("icons/icon-192.png"), [137, 80, 78, 71]).unwrap();
        dir
    }

    const SOURCE: &str = "const BUILD = \"__BUILD__\";\nconst FILES = \"__FILES__\";\n";

    #[test]
    fn the_worker_lists_every_file_of_the_build_but_itself_and_the_compressed_copies() {
        let dist = scratch("list");
        let build = finish(&dist, SOURCE).unwrap();
        assert_eq!(build.files, ["app-1a2b.wasm", "icons/icon-192.png", "index.html"]);
        let worker = std::fs::read_to_string(dist.join(WORKER_FILE)).unwrap();
        assert_eq!(
            worker,
            format!(
                "const BUILD = \"{}\";\nconst FILES = [\"app-1a2b.wasm\", \"icons/icon-192.png\", \"index.html\"];\n",
                build.id
            )
        );
        // Built again over its own output, the build is the same.
        assert_eq!(finish(&dist, SOURCE).unwrap(), build);
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn the_build_id_changes_with_any_file_and_only_then() {
        let dist = scratch("id");
        let first = Build::read(&dist).unwrap();
        assert_eq!(Build::read(&dist).unwrap().id, first.id);
        std::fs::write(dist.join("icons/icon-192.png"), [137, 80, 78, 72]).unwrap();
        assert_ne!(Build::read(&dist).unwrap().id, first.id);
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn compressed_copies_read_back_as_the_file_and_images_have_none() {
        let dist = scratch("copies");
        finish(&dist, SOURCE).unwrap();
        let wasm = std::fs::read(dist.join("app-1a2b.wasm")).unwrap();
        let mut from_gzip = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&std::fs::read(dist.join("app-1a2b.wasm.gz")).unwrap()[..]),
            &mut from_gzip,
        )
        .unwrap();
        let mut from_brotli = Vec::new();
        std::io::Read::read_to_end(
            &mut brotli::Decompressor::new(&std::fs::read(dist.join("app-1a2b.wasm.br")).unwrap()[..], 4096),
            &mut from_brotli,
        )
        .unwrap();
        assert_eq!((from_gzip == wasm, from_brotli == wasm), (true, true));
        assert!(!dist.join("icons/icon-192.png.gz").exists() && !dist.join("icons/icon-192.png.br").exists());
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn a_worker_source_without_its_placeholders_is_refused() {
        let build = Build { id: "1".into(), files: vec!["index.html".into()] };
        assert!(build.worker("const BUILD = 1;").is_err());
    }
}
