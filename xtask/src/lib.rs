//! Shared by the `xtask` command and the end-to-end tests: a small static file server for the release
//! bundle (as a static host serves it: precompressed copies, caching headers), the service worker and
//! compressed copies that finish the bundle, and the size report of that bundle.

pub mod bundle;

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

/// Serves the files of `root` under the URL path `prefix` (e.g. `/` or `/apps/masterplan/`), GET only,
/// from a background thread, until the process ends or it is stopped. Nothing but loopback is ever bound.
pub struct StaticServer {
    pub addr: SocketAddr,
    pub prefix: String,
    stopped: Arc<AtomicBool>,
}

impl StaticServer {
    pub fn start(root: &Path, prefix: &str, port: u16) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        let root = root.to_path_buf();
        let prefix = format!("/{}/", prefix.trim_matches('/')).replace("//", "/");
        let served_prefix = prefix.clone();
        let stopped = Arc::new(AtomicBool::new(false));
        let stop_seen = stopped.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if stop_seen.load(Ordering::SeqCst) {
                    // Dropping the listener closes the port: the next connection is refused, as by a host
                    // that is gone.
                    break;
                }
                let root = root.clone();
                let prefix = served_prefix.clone();
                thread::spawn(move || {
                    let _ = answer(stream, &root, &prefix);
                });
            }
        });
        Ok(StaticServer { addr, prefix, stopped })
    }

    /// The address of the app's page.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }

    /// Stops serving and closes the port (the server gone, as when a city's host is down).
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the stop and lets go of the port.
        let _ = TcpStream::connect(self.addr);
    }
}

/// The request's parts that change the answer.
struct Request {
    method: String,
    path: String,
    accept_encoding: String,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Request> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accept_encoding = String::new();
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("accept-encoding")
        {
            accept_encoding = value.trim().to_ascii_lowercase();
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    Ok(Request { method, path, accept_encoding })
}

fn answer(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let request = read_request(&stream)?;
    let file = request.path.strip_prefix(prefix).and_then(|rest| resolve(root, rest));
    let mut headers = String::new();
    let (status, body) = match (request.method.as_str(), file) {
        ("GET" | "HEAD", Some(file)) if file.is_file() => {
            let (served, encoding) = precompressed(&file, &request.accept_encoding);
            match std::fs::read(&served) {
                Ok(body) => {
                    headers.push_str(&format!("Content-Type: {}\r\n", content_type(&file)));
                    headers.push_str(&format!("Cache-Control: {}\r\n", cache_control(&file)));
                    if has_compressed_copy(&file) {
                        headers.push_str("Vary: Accept-Encoding\r\n");
                    }
                    if let Some(encoding) = encoding {
                        headers.push_str(&format!("Content-Encoding: {encoding}\r\n"));
                    }
                    ("200 OK", body)
                }
                Err(_) => ("404 Not Found", b"not found".to_vec()),
            }
        }
        ("GET" | "HEAD", _) => ("404 Not Found", b"not found".to_vec()),
        _ => ("405 Method Not Allowed", Vec::new()),
    };
    if !status.starts_with("200") {
        headers.push_str("Content-Type: text/plain\r\nCache-Control: no-store\r\n");
    }
    write!(stream, "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
    if request.method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// The copy to send for `Accept-Encoding`: brotli, else gzip, when the browser takes it and the bundle has it.
fn precompressed(file: &Path, accept_encoding: &str) -> (PathBuf, Option<&'static str>) {
    let accepts = |coding: &str| accept_encoding.split(',').any(|c| c.split(';').next().unwrap_or("").trim() == coding);
    for (coding, suffix) in [("br", ".br"), ("gzip", ".gz")] {
        let copy = bundle::with_suffix(file, suffix);
        if accepts(coding) && copy.is_file() {
            return (copy, Some(coding));
        }
    }
    (file.to_path_buf(), None)
}

fn has_compressed_copy(file: &Path) -> bool {
    bundle::with_suffix(file, ".gz").is_file() || bundle::with_suffix(file, ".br").is_file()
}

/// Files whose names carry a hash of their contents never change: cached for a year. Everything else (the
/// page, the worker, the manifest, the icons) is asked for again each time, so a new deploy is seen.
fn cache_control(file: &Path) -> &'static str {
    if is_hashed(file) { "public, max-age=31536000, immutable" } else { "no-cache" }
}

/// Names with a hash of the contents (trunk's and `cargo xtask dist`'s): `name-<12 or more hex digits>.ext`,
/// the main wasm's `_bg` and the example's `.masterplan` before the extension.
fn is_hashed(file: &Path) -> bool {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let stem = stem.strip_suffix("_bg").or_else(|| stem.strip_suffix(".masterplan")).unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The file for a path below the served root; `None` for anything that tries to climb out of it.
fn resolve(root: &Path, relative: &str) -> Option<PathBuf> {
    let mut file = root.to_path_buf();
    for part in relative.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part.contains('\\') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// One file of the bundle: its size as served, gzip- and brotli-compressed.
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Whether the page needs it before it shows anything (html, js, the main wasm, css); the rest (the
    /// views' chunks, the worker, the manifest, icons) comes after, or only when installed.
    pub first_load: bool,
}

/// Every file of a bundle (compressed copies aside), with its sizes, largest first.
pub fn bundle_sizes(dist: &Path) -> std::io::Result<Vec<FileSize>> {
    let build = bundle::Build::read(dist)?;
    let mut sizes = Vec::new();
    for name in build.files.iter().map(String::as_str).chain([bundle::WORKER_FILE]) {
        let Ok(bytes) = std::fs::read(dist.join(name)) else { continue };
        let ext = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("");
        sizes.push(FileSize {
            name: name.to_string(),
            raw: bytes.len() as u64,
            gzip: bundle::gzip(&bytes)?.len() as u64,
            brotli: bundle::brotli(&bytes)?.len() as u64,
            // The views' chunks (wasm without `_bg`) come after the first view is on screen.
            first_load: ["html", "js", "css"].contains(&ext) && name != bundle::WORKER_FILE
                || name.ends_with("_bg.wasm"),
        });
    }
    sizes.sort_by_key(|f| (!f.first_load, std::cmp::Reverse(f.raw)));
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn get(server: &StaticServer, path: &str, accept_encoding: &str) -> (String, Vec<u8>) {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept_encoding}\r\n\r\n").unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        (String::from_utf8_lossy(&answer[..split]).to_ascii_lowercase(), answer[split + 4..].to_vec())
    }

    fn served_bundle(name: &str) -> (PathBuf, StaticServer) {
        let dist = std::env::temp_dir().join(format!("xtask-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html><title>x</title>".repeat(50)).unwrap();
        std::fs::write(dist.join("app-94e8e7c34aa22b71_bg.wasm"), vec![7u8; 8192]).unwrap();
        bundle::finish(&dist, "const BUILD = \"__BUILD__\", FILES = \"__FILES__\";").unwrap();
        let server = StaticServer::start(&dist, "/apps/masterplan/", 0).unwrap();
        (dist, server)
    }

    #[test]
    fn the_compressed_copy_the_browser_accepts_is_served_with_its_encoding() {
        let (dist, server) = served_bundle("encoding");
        let wasm = std::fs::read(dist.join("app-94e8e7c34aa22b71_bg.wasm")).unwrap();
        let (head, body) = get(&server, "/apps/masterplan/app-94e8e7c34aa22b71_bg.wasm", "gzip, deflate, br, zstd");
        assert!(head.contains("content-encoding: br") && head.contains("vary: accept-encoding"), "{head}");
        assert_eq!(body, std::fs::read(dist.join("app-94e8e7c34aa22b71_bg.wasm.br")).unwrap());
        let (head, body) = get(&server, "/apps/masterplan/app-94e8e7c34aa22b71_bg.wasm", "gzip");
        assert!(head.contains("content-encoding: gzip"), "{head}");
        assert_eq!(body, std::fs::read(dist.join("app-94e8e7c34aa22b71_bg.wasm.gz")).unwrap());
        let (head, body) = get(&server, "/apps/masterplan/app-94e8e7c34aa22b71_bg.wasm", "identity");
        assert!(!head.contains("content-encoding") && head.contains("content-type: application/wasm"), "{head}");
        assert_eq!(body, wasm);
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn hashed_files_are_cached_for_a_year_and_the_page_and_worker_asked_for_each_time() {
        let (dist, server) = served_bundle("caching");
        let (head, _) = get(&server, "/apps/masterplan/app-94e8e7c34aa22b71_bg.wasm", "");
        assert!(head.contains("cache-control: public, max-age=31536000, immutable"), "{head}");
        std::fs::write(dist.join("kota-94e8e7c34aa22b71.masterplan.json"), "{}").unwrap();
        let (head, _) = get(&server, "/apps/masterplan/kota-94e8e7c34aa22b71.masterplan.json", "");
        assert!(head.contains("cache-control: public, max-age=31536000, immutable"), "the example: {head}");
        for page in ["/apps/masterplan/", "/apps/masterplan/index.html", "/apps/masterplan/sw.js"] {
            let (head, _) = get(&server, page, "");
            assert!(head.contains("cache-control: no-cache"), "{page}: {head}");
        }
        let (head, _) = get(&server, "/apps/masterplan/../secret", "");
        assert!(head.starts_with("http/1.1 404"), "{head}");
        std::fs::remove_dir_all(dist).unwrap();
    }

    #[test]
    fn a_stopped_server_refuses_connections() {
        let (dist, server) = served_bundle("stop");
        server.stop();
        let started = std::time::Instant::now();
        while TcpStream::connect(server.addr).is_ok() {
            assert!(started.elapsed() < std::time::Duration::from_secs(10), "the port stayed open");
            thread::sleep(std::time::Duration::from_millis(20));
        }
        std::fs::remove_dir_all(dist).unwrap();
    }
}
