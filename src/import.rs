//! Reading a colleague's data, whatever its form (a dataset file, a CSV of programs, pasted text, a share
//! link), into a checked dataset and the preview of what it would change. Pure: the page supplies text.

use serde::{Deserialize, Serialize};

use crate::diff::DatasetDiff;
use crate::format::{Checked, Dataset, Refusal};
use crate::portfolio::Portfolio;
use crate::spreadsheet;

/// Files larger than this are refused before they are read: no real master plan comes near it, and
/// reading one would freeze the page.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Where the current dataset came from: the built-in sample is labelled as such on the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    Sample,
    /// Data of the user's own: imported from `file`, or started in the app (`file` empty). One kind for
    /// both, because a tab of an earlier version, still open, must read what this version stores.
    Imported {
        file: String,
    },
}

impl Origin {
    /// A plan the user started in the app.
    pub fn own_plan() -> Origin {
        Origin::Imported { file: String::new() }
    }
}

/// Where incoming data came from, for the messages about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    File(String),
    Pasted,
    Link,
}

impl Source {
    pub fn file_name(&self) -> Option<&str> {
        match self {
            Source::File(name) => Some(name),
            _ => None,
        }
    }
}

/// What an import would do, shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub checked: Checked,
    /// Against the current dataset, as a replace would change it.
    pub diff: DatasetDiff,
    /// A portfolio file's other cities (`checked` is its first): added as cities, never replacing one.
    pub other_cities: Vec<Dataset>,
    /// Programs of a spreadsheet, read onto the current data's plan: they are no city of their own.
    pub from_spreadsheet: bool,
}

impl Preview {
    /// The number of programs after a merge: the current ones plus those only the incoming side has.
    pub fn programs_after_merge(&self, current_programs: usize) -> usize {
        current_programs + self.diff.programs.added.len()
    }
}

/// Whether text is a CSV of programs rather than a dataset file: by the file's name where there is one,
/// else by its first character (a dataset file is a JSON object).
pub fn looks_like_csv(text: &str, file_name: Option<&str>) -> bool {
    match file_name.and_then(|n| n.rsplit_once('.')).map(|(_, ext)| ext.to_ascii_lowercase()) {
        Some(ext) if ext == "csv" || ext == "tsv" || ext == "txt" => {
            !text.trim_start_matches('\u{feff}').trim_start().starts_with('{')
        }
        Some(ext) if ext == "json" => false,
        _ => {
            let start = text.trim_start_matches('\u{feff}').trim_start();
            !start.is_empty()
                && !start.starts_with('{')
                && !start.starts_with('[')
                && start.lines().next().is_some_and(spreadsheet::heads_name_an_id)
        }
    }
}

/// Checks incoming text against every rule and compares it with the current dataset.
pub fn preview(text: &str, file_name: Option<&str>, current: &Dataset) -> Result<Preview, Refusal> {
    if looks_like_csv(text, file_name) {
        let checked = spreadsheet::from_csv(text, current)?;
        let diff = DatasetDiff::between(current, &checked.dataset);
        return Ok(Preview { checked, diff, other_cities: Vec::new(), from_spreadsheet: true });
    }
    let value = crate::format::json_value(text)?;
    if Portfolio::is_portfolio(&value) {
        let mut cities = Portfolio::from_value(value)?.datasets.into_iter();
        let Some(first) = cities.next() else {
            return Err(Refusal::one("datasets", crate::format::Problem::Missing));
        };
        let diff = DatasetDiff::between(current, &first);
        let checked = Checked { dataset: first, warnings: Vec::new() };
        return Ok(Preview { checked, diff, other_cities: cities.collect(), from_spreadsheet: false });
    }
    let checked = Dataset::from_value(value)?;
    let diff = DatasetDiff::between(current, &checked.dataset);
    Ok(Preview { checked, diff, other_cities: Vec::new(), from_spreadsheet: false })
}

/// An XLSX workbook (a zip package) starts with these bytes.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// An Excel 97-2003 workbook (`.xls`) is an OLE2 compound file: these bytes.
const OLE2_MAGIC: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Checks a chosen or dropped file, whatever it holds: an XLSX workbook, or text (a dataset file, a CSV).
pub fn preview_file(bytes: &[u8], file_name: &str, current: &Dataset) -> Result<Preview, Refusal> {
    if bytes.starts_with(ZIP_MAGIC) {
        let checked = spreadsheet::from_xlsx(bytes, current)?;
        let diff = DatasetDiff::between(current, &checked.dataset);
        return Ok(Preview { checked, diff, other_cities: Vec::new(), from_spreadsheet: true });
    }
    if bytes.starts_with(OLE2_MAGIC) {
        let detail = "an Excel 97-2003 workbook (.xls)".to_owned();
        return Err(Refusal {
            errors: vec![crate::format::FormatError::new("", crate::format::Problem::NotWorkbook { detail })],
        });
    }
    preview(&decode_text(bytes), Some(file_name), current)
}

/// A file's text: UTF-8 (a byte-order mark dropped), UTF-16 with its byte-order mark (Excel's "Unicode
/// text", Windows tools), else Windows-1252, the code page in which Excel saves "CSV" on Indonesian and
/// western European machines.
pub fn decode_text(bytes: &[u8]) -> String {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}
