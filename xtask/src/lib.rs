//! Shared by the `xtask` command and the end-to-end tests: a small static file server for the release
//! bundle, and the size report of that bundle.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;

/// Serves the files of `root` under the URL path `prefix` (e.g. `/` or `/apps/masterplan/`), GET only,
/// from a background thread, until the process ends. Nothing but loopback is ever bound.
pub struct StaticServer {
    pub addr: SocketAddr,
    pub prefix: String,
}

impl StaticServer {
    pub fn start(root: &Path, prefix: &str, port: u16) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        let root = root.to_path_buf();
        let prefix = format!("/{}/", prefix.trim_matches('/')).replace("//", "/");
        let served_prefix = prefix.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let prefix = served_prefix.clone();
                thread::spawn(move || {
                    let _ = answer(stream, &root, &prefix);
                });
            }
        });
        Ok(StaticServer { addr, prefix })
    }

    /// The address of the app's page.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }
}

fn answer(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = path.strip_prefix(prefix).and_then(|rest| resolve(root, rest));
    let (status, body, content_type) = match (method, file) {
        ("GET" | "HEAD", Some(file)) => match std::fs::read(&file) {
            Ok(body) => ("200 OK", body, content_type(&file)),
            Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        },
        ("GET" | "HEAD", None) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        _ => ("405 Method Not Allowed", Vec::new(), "text/plain"),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
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
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// One file of the bundle: its size as served and gzip-compressed.
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// The html, js, wasm and css files of a bundle, with their sizes.
pub fn bundle_sizes(dist: &Path) -> std::io::Result<Vec<FileSize>> {
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["html", "js", "wasm", "css"].contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&bytes)?;
        let gzip = encoder.finish()?.len() as u64;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        sizes.push(FileSize { name, raw: bytes.len() as u64, gzip });
    }
    sizes.sort_by_key(|f| std::cmp::Reverse(f.raw));
    Ok(sizes)
}
