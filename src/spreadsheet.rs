//! Programs as spreadsheets: CSV out and back in (one row per program, the format's field names as
//! column heads), and an XLSX workbook with the programs and a summary of the metrics.

use serde_json::{Map, Value};

use crate::format::{Cell, Checked, Dataset, FormatError, Problem, Refusal};

mod workbook;

pub use workbook::to_xlsx;

/// How a column's cells are read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    WholeNumber,
    TrueFalse,
    /// Several values in one cell, separated by `;`.
    List,
}

/// The program columns, in the order of the format.
const COLUMNS: [(&str, Kind); 20] = [
    ("id", Kind::Text),
    ("name", Kind::Text),
    ("dimension", Kind::Text),
    ("subdimension", Kind::Text),
    ("status", Kind::Text),
    ("agency", Kind::Text),
    ("quick_win", Kind::TrueFalse),
    ("horizon", Kind::Text),
    ("start_year", Kind::WholeNumber),
    ("target_year", Kind::WholeNumber),
    ("progress", Kind::WholeNumber),
    ("budget_planned", Kind::WholeNumber),
    ("budget_realized", Kind::WholeNumber),
    ("rpjmd", Kind::TrueFalse),
    ("renstra", Kind::TrueFalse),
    ("postponed_to", Kind::WholeNumber),
    ("delay_reason", Kind::Text),
    ("apps", Kind::List),
    ("evidence", Kind::List),
    ("notes", Kind::Text),
];

/// The columns a CSV file must have: the required fields of a program.
const REQUIRED_COLUMNS: [&str; 4] = ["id", "name", "dimension", "status"];

/// The field separator of a CSV file. Excel in an Indonesian locale expects `;`, elsewhere `,`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Delimiter {
    #[default]
    Comma,
    Semicolon,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
        }
    }

    pub fn from_code(code: &str) -> Option<Delimiter> {
        [Delimiter::Comma, Delimiter::Semicolon].into_iter().find(|d| d.code() == code)
    }

    /// The separator a file uses: the one its header line holds more of.
    fn detect(text: &str) -> Delimiter {
        let header = text.lines().next().unwrap_or("");
        if header.matches(';').count() > header.matches(',').count() { Delimiter::Semicolon } else { Delimiter::Comma }
    }
}

/// The byte-order mark that makes Excel read the file as UTF-8 (Indonesian names keep their letters).
const BOM: char = '\u{feff}';

/// The column heads and rows of the programs: the format's columns, then any unknown fields the
/// programs carry, so that they survive a round trip through a spreadsheet.
fn table(dataset: &Dataset) -> (Vec<String>, Vec<Vec<String>>) {
    let programs: Vec<Map<String, Value>> = dataset
        .programs
        .iter()
        .map(|p| match serde_json::to_value(p) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        })
        .collect();
    let mut heads: Vec<String> = COLUMNS.iter().map(|(name, _)| (*name).to_owned()).collect();
    let mut extra: Vec<String> =
        dataset.programs.iter().flat_map(|p| p.extra.keys().cloned()).filter(|k| !heads.contains(k)).collect();
    extra.sort();
    extra.dedup();
    heads.extend(extra);
    let rows = programs.iter().map(|program| heads.iter().map(|head| cell_text(program.get(head))).collect()).collect();
    (heads, rows)
}

fn cell_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// The programs as CSV text, UTF-8 with a byte-order mark.
pub fn to_csv(dataset: &Dataset, delimiter: Delimiter) -> String {
    let (heads, rows) = table(dataset);
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter.byte()).from_writer(Vec::new());
    // Writing into memory cannot fail.
    writer.write_record(&heads).expect("writing CSV to memory");
    for row in rows {
        writer.write_record(&row).expect("writing CSV to memory");
    }
    let bytes = writer.into_inner().expect("writing CSV to memory");
    format!("{BOM}{}", String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8"))
}

/// Reads programs from CSV text (comma or semicolon, with or without a byte-order mark) into a dataset
/// that keeps `base`'s plan, agencies and evaluations, and checks it like any dataset file. Errors name
/// the spreadsheet's row and column.
pub fn from_csv(text: &str, base: &Dataset) -> Result<Checked, Refusal> {
    let text = text.trim_start_matches(BOM);
    if text.trim().is_empty() {
        return Err(Refusal { errors: vec![FormatError::new("", Problem::EmptyFile)] });
    }
    let mut reader =
        csv::ReaderBuilder::new().delimiter(Delimiter::detect(text).byte()).flexible(true).from_reader(text.as_bytes());
    let not_csv = |e: csv::Error| Refusal {
        errors: vec![FormatError::new("", Problem::NotCsv { line: e.position().map_or(1, |p| p.line()) })],
    };
    let heads: Vec<String> = reader.headers().map_err(not_csv)?.iter().map(|h| h.trim().to_owned()).collect();
    let missing: Vec<FormatError> = REQUIRED_COLUMNS
        .iter()
        .filter(|column| !heads.iter().any(|h| h == *column))
        .map(|column| FormatError {
            cell: Some(Cell { row: 1, column: (*column).to_owned() }),
            ..FormatError::new("programs", Problem::MissingColumn { column: (*column).to_owned() })
        })
        .collect();
    if !missing.is_empty() {
        return Err(Refusal { errors: missing });
    }

    let mut programs = Vec::new();
    for record in reader.records() {
        let record = record.map_err(not_csv)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let program: Map<String, Value> = heads
            .iter()
            .zip(record.iter())
            .filter(|(_, cell)| !cell.trim().is_empty())
            .map(|(head, cell)| (head.clone(), cell_value(head, cell.trim())))
            .collect();
        programs.push((record.position().map_or(0, |p| p.line()) as usize, Value::Object(program)));
    }
    let rows: Vec<usize> = programs.iter().map(|(line, _)| *line).collect();

    let Value::Object(mut file) = base.to_file_value() else { unreachable!("a dataset is a JSON object") };
    file.insert("programs".into(), Value::Array(programs.into_iter().map(|(_, p)| p).collect()));
    file.remove("exported_at");
    Dataset::from_value(Value::Object(file)).map_err(|refusal| Refusal {
        errors: refusal.errors.into_iter().map(|error| with_cell(error, &rows)).collect(),
    })
}

/// A cell's text as the JSON value its column holds; text that does not fit the column's kind stays text,
/// so that the format's checks name the problem at its place.
fn cell_value(head: &str, cell: &str) -> Value {
    let kind = COLUMNS.iter().find(|(name, _)| *name == head).map_or(Kind::Text, |(_, kind)| *kind);
    match kind {
        Kind::Text => Value::String(cell.to_owned()),
        Kind::WholeNumber => whole_number(cell).map_or_else(|| Value::String(cell.to_owned()), Value::from),
        Kind::TrueFalse => match cell.to_lowercase().as_str() {
            "true" | "ya" | "yes" | "1" => Value::Bool(true),
            "false" | "tidak" | "no" | "0" => Value::Bool(false),
            _ => Value::String(cell.to_owned()),
        },
        Kind::List => Value::Array(
            cell.split(';').map(str::trim).filter(|item| !item.is_empty()).map(|item| item.into()).collect(),
        ),
    }
}

/// A whole number as spreadsheets write it: `2021`, `-5`, or grouped by thousands (`150.000.000`, `150,000,000`).
pub fn whole_number(cell: &str) -> Option<i64> {
    if let Ok(n) = cell.parse() {
        return Some(n);
    }
    let (sign, digits) = cell.strip_prefix('-').map_or((1, cell), |rest| (-1, rest));
    let separator = digits.chars().find(|c| *c == '.' || *c == ',')?;
    let groups: Vec<&str> = digits.split(separator).collect();
    let well_grouped = groups[0].len() <= 3
        && !groups[0].is_empty()
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if !well_grouped {
        return None;
    }
    groups.concat().parse::<i64>().ok().map(|n| sign * n)
}

/// Names the spreadsheet cell of an error at `programs[i].field`.
fn with_cell(error: FormatError, rows: &[usize]) -> FormatError {
    let cell = error.path.strip_prefix("programs[").and_then(|rest| {
        let (index, field) = rest.split_once(']')?;
        let row = *rows.get(index.parse::<usize>().ok()?)?;
        let column = field.trim_start_matches('.').split(['.', '[']).next().unwrap_or("").to_owned();
        Some(Cell { row, column })
    });
    FormatError { cell, ..error }
}
