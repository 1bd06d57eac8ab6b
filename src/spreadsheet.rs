//! Programs as spreadsheets, in people's words: CSV out and back in, an XLSX workbook out (programs and a
//! summary) and in (the programs sheet, and the agencies of a filled-in template), and the template to
//! fill in. Column heads and the values of closed lists are written as the page shows them in the user's
//! language and read back in either language or as the format's codes; columns the format does not know
//! travel as unknown fields. Refusals name the sheet, the row and the column head as the file has them.

use serde_json::{Map, Value};

use crate::format::{Agency, Cell, Checked, Dataset, FormatError, Problem, Program, Refusal};
use crate::i18n::{Key, Lang};

mod words;
mod workbook;
mod xlsx;

pub use workbook::{comparison_xlsx, template_xlsx, to_xlsx};
pub use xlsx::XlsxError;

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
const COLUMNS: [(&str, Kind); 21] = [
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
    ("locations", Kind::List),
    ("notes", Kind::Text),
];

/// The column beside the agency's name that holds its short name: not a field of a program, but of the
/// agency the row names.
const SHORT_NAME_COLUMN: &str = "agency_short_name";

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
    /// What Excel set to the language splits columns by: `;` in Indonesian, `,` in English.
    pub fn of_language(lang: Lang) -> Delimiter {
        match lang {
            Lang::Id => Delimiter::Semicolon,
            Lang::En => Delimiter::Comma,
        }
    }
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
}

/// The separator a file uses: the one its header line holds most of (a tab for cells pasted from a
/// spreadsheet, or a `.tsv` file).
fn detect_separator(text: &str) -> u8 {
    // Counted in the heads' row outside quotes: a quoted head may hold the other separators, or a line break.
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some((_, count)) = counts.iter_mut().find(|(separator, _)| *separator == byte) {
                    *count += 1;
                }
            }
            _ => {}
        }
    }
    counts.into_iter().max_by_key(|&(_, count)| count).map_or(b',', |(separator, _)| separator)
}

/// The byte-order mark that makes Excel read the file as UTF-8 (Indonesian names keep their letters).
const BOM: char = '\u{feff}';

/// A cell as a spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum SheetCell {
    Text(String),
    Number(i64),
}

/// The programs as a table in people's words: the format's columns headed as the page names them in the
/// language, values of closed lists and yes/no as the page shows them, agencies by name, lists joined by
/// `; `; then any unknown fields the programs carry, headed by their own names, so that they survive the
/// round trip.
pub(crate) fn table(dataset: &Dataset, lang: Lang) -> (Vec<String>, Vec<Vec<SheetCell>>) {
    // Every unknown field gets its column, even one whose name reads like a field's head ("Status"): the
    // format's own columns come first, so on reading back it is a second column for that field, kept apart.
    let mut extra: Vec<String> = dataset.programs.iter().flat_map(|p| p.extra.keys().cloned()).collect();
    extra.sort();
    extra.dedup();
    // The agencies' acronyms ride along beside their names when the data has any, so that a plan made from
    // the file gets them back.
    let short_names = dataset.agencies.iter().any(|a| a.short_name.is_some());
    let codes: Vec<&str> = COLUMNS
        .iter()
        .flat_map(|(code, _)| {
            let short = (*code == "agency" && short_names).then_some(SHORT_NAME_COLUMN);
            std::iter::once(*code).chain(short)
        })
        .collect();
    let mut heads: Vec<String> = codes.iter().map(|code| lang.field(code).to_owned()).collect();
    heads.extend(extra.iter().cloned());
    let rows = dataset
        .programs
        .iter()
        .map(|program| {
            let mut row: Vec<SheetCell> = codes.iter().map(|code| in_words(program, code, dataset, lang)).collect();
            // A whole number stays a number (never a formula, whatever its sign); anything else is text.
            row.extend(extra.iter().map(|key| match program.extra.get(key) {
                Some(Value::Number(n)) if n.is_i64() => SheetCell::Number(n.as_i64().unwrap_or_default()),
                other => SheetCell::Text(extra_text(other)),
            }));
            row
        })
        .collect();
    (heads, rows)
}

/// The format's column names, for matching heads.
const COLUMN_NAMES: [&str; COLUMNS.len()] = {
    let mut names = [""; COLUMNS.len()];
    let mut i = 0;
    while i < COLUMNS.len() {
        names[i] = COLUMNS[i].0;
        i += 1;
    }
    names
};

fn in_words(program: &Program, code: &str, dataset: &Dataset, lang: Lang) -> SheetCell {
    let number = |value: Option<i64>| value.map_or_else(|| SheetCell::Text(String::new()), SheetCell::Number);
    let yes_no = |value: Option<bool>| SheetCell::Text(value.map_or("", |b| lang.yes_no(b)).to_owned());
    let text = |value: Option<&str>| SheetCell::Text(value.unwrap_or("").to_owned());
    match code {
        "id" => SheetCell::Text(program.id.clone()),
        "name" => SheetCell::Text(program.name.clone()),
        "dimension" => SheetCell::Text(lang.dimension(program.dimension).to_owned()),
        "subdimension" => text(program.subdimension.map(|s| lang.subdimension(s))),
        "status" => SheetCell::Text(lang.status(program.status).to_owned()),
        "agency" => text(program.agency.as_deref().map(|id| dataset.agency(id).map_or(id, |a| a.name.as_str()))),
        SHORT_NAME_COLUMN => text(program.agency.as_deref().and_then(|id| dataset.agency(id)?.short_name.as_deref())),
        "quick_win" => yes_no(Some(program.quick_win)),
        "horizon" => text(program.horizon.map(|h| lang.horizon(h))),
        "start_year" => number(program.start_year.map(i64::from)),
        "target_year" => number(program.target_year.map(i64::from)),
        "progress" => number(program.progress),
        "budget_planned" => number(program.budget_planned),
        "budget_realized" => number(program.budget_realized),
        "rpjmd" => yes_no(program.rpjmd),
        "renstra" => yes_no(program.renstra),
        "postponed_to" => number(program.postponed_to.map(i64::from)),
        "delay_reason" => text(program.delay_reason.as_deref()),
        "apps" => SheetCell::Text(program.apps.join("; ")),
        "evidence" => SheetCell::Text(program.evidence.join("; ")),
        "locations" => SheetCell::Text(program.locations.join("; ")),
        "notes" => text(program.notes.as_deref()),
        _ => SheetCell::Text(String::new()),
    }
}

fn extra_text(value: Option<&Value>) -> String {
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

/// Text a spreadsheet runs as a formula starts with one of these (OWASP's list for CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet would run this text as a formula: it starts with a formula character, after any
/// quote marks that keep it text.
pub(crate) fn runs_as_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Text as a CSV cell that no spreadsheet runs: a leading `'`, as OWASP advises. Numbers are written as
/// numbers, never through this.
fn kept_as_text(text: &str) -> String {
    if runs_as_formula(text) { format!("'{text}") } else { text.to_owned() }
}

/// A CSV cell read back: exactly the `'` that `kept_as_text` added is removed, so that export then import
/// is exact (a name that itself begins with `'=` went out as `''=`).
fn as_written(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => cell,
    }
}

/// The programs as CSV text in people's words, UTF-8 with a byte-order mark. Text that a spreadsheet would
/// run as a formula is written so that it shows as text.
pub fn to_csv(dataset: &Dataset, delimiter: Delimiter, lang: Lang) -> String {
    let (heads, rows) = table(dataset, lang);
    let row = |row: &Vec<SheetCell>| {
        row.iter()
            .map(|cell| match cell {
                SheetCell::Text(text) => kept_as_text(text),
                SheetCell::Number(n) => n.to_string(),
            })
            .collect()
    };
    let heads: Vec<String> = heads.iter().map(|h| kept_as_text(h)).collect();
    csv_text(&heads, rows.iter().map(row), delimiter)
}

/// The template's CSV: the column heads alone, for the language.
pub fn template_csv(lang: Lang) -> String {
    let heads: Vec<String> = COLUMNS.iter().map(|(code, _)| lang.field(code).to_owned()).collect();
    csv_text(&heads, std::iter::empty(), Delimiter::of_language(lang))
}

fn csv_text(heads: &[String], rows: impl Iterator<Item = Vec<String>>, delimiter: Delimiter) -> String {
    // A head that holds any separator is quoted, whichever the file uses: the separator is told from the
    // heads counted outside quotes, so an unknown field named "a;b" must not count.
    let head = |head: &String| {
        if head.contains([',', ';', '\t', '"', '\n', '\r']) {
            format!("\"{}\"", head.replace('"', "\"\""))
        } else {
            head.clone()
        }
    };
    let mut first_line = heads.iter().map(head).collect::<Vec<_>>().join(&char::from(delimiter.byte()).to_string());
    first_line.push_str("\r\n");
    // Writing into memory cannot fail.
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter.byte()).from_writer(first_line.into_bytes());
    for row in rows {
        writer.write_record(&row).expect("writing CSV to memory");
    }
    let bytes = writer.into_inner().expect("writing CSV to memory");
    format!("{BOM}{}", String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8"))
}

/// Rows of a spreadsheet as read: where they come from (a sheet's name, none for CSV), the column heads,
/// and each row with its number as the spreadsheet counts.
struct Rows<'a> {
    sheet: Option<&'a str>,
    header_row: usize,
    heads: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// Whether a line of column heads (comma or semicolon separated) names the programs' id, in either
/// language or as the format's field: what tells a pasted CSV of programs.
pub fn heads_name_an_id(line: &str) -> bool {
    line.split([',', ';', '\t']).any(|head| words::field_of(head.trim().trim_matches('"'), &["id"]).is_some())
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
        csv::ReaderBuilder::new().delimiter(detect_separator(text)).flexible(true).from_reader(text.as_bytes());
    let not_csv = |e: csv::Error| Refusal {
        errors: vec![FormatError::new("", Problem::NotCsv { line: e.position().map_or(1, |p| p.line()) })],
    };
    let heads: Vec<String> =
        reader.headers().map_err(not_csv)?.iter().map(|h| as_written(h.trim()).to_owned()).collect();
    let mut rows = Vec::new();
    // Rows as a spreadsheet counts them (the heads are row 1), whatever line breaks cells hold.
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(not_csv)?;
        rows.push((i + 2, record.iter().map(|cell| as_written(cell).to_owned()).collect()));
    }
    from_rows(Rows { sheet: None, header_row: 1, heads, rows }, base, AgencySheet::default())
}

/// Reads programs from an XLSX workbook: its programs sheet (found by its name in either language, else
/// the first sheet), and the agencies sheet of a filled-in template when there is one.
pub fn from_xlsx(bytes: &[u8], base: &Dataset) -> Result<Checked, Refusal> {
    let sheets = xlsx::read(bytes).map_err(|error| Refusal {
        errors: vec![FormatError::new("", Problem::NotWorkbook { detail: error.to_string() })],
    })?;
    let programs = sheets
        .iter()
        .find(|s| words::is_label(&s.name, |l| l.t(Key::SheetPrograms)))
        .or_else(|| sheets.first())
        .ok_or_else(|| Refusal { errors: vec![FormatError::new("", Problem::EmptyFile)] })?;
    let agencies = sheets
        .iter()
        .find(|s| words::is_label(&s.name, |l| l.t(Key::SheetAgencies)))
        .map(|sheet| agencies_of(sheet, base))
        .unwrap_or_default();
    // The heads are the first row that names the programs' id, among the first few (a title may come first).
    let header = programs
        .rows
        .iter()
        .take(10)
        .position(|(_, cells)| cells.iter().any(|c| words::field_of(c, &["id"]).is_some()))
        .or_else(|| programs.rows.iter().position(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty())))
        .unwrap_or(0);
    let (header_row, heads) = programs
        .rows
        .get(header)
        .map(|(n, cells)| (*n, cells.iter().map(|h| h.trim().to_owned()).collect()))
        .unwrap_or((1, Vec::new()));
    let rows = programs.rows.iter().skip(header + 1).cloned().collect();
    from_rows(Rows { sheet: Some(&programs.name), header_row, heads, rows }, base, agencies)
}

/// The agencies of a template's agencies sheet, new to `base`: an id and a name per row (the id made from
/// the name when left empty), each with its row for the messages about it.
fn agencies_of<'a>(sheet: &'a xlsx::Sheet, base: &Dataset) -> AgencySheet<'a> {
    let mut rows = sheet.rows.iter();
    let Some((_, heads)) = rows.next() else { return AgencySheet { name: &sheet.name, ..AgencySheet::default() } };
    let id = heads.iter().position(|h| words::field_of(h, &["id"]).is_some());
    let name = heads.iter().position(|h| is_agency_name_head(h));
    let short = heads.iter().position(|h| is_short_name_head(h));
    let mut agencies: Vec<(usize, Agency)> = Vec::new();
    let mut short_names = Vec::new();
    for (row, cells) in rows {
        let cell = |at: Option<usize>| at.and_then(|i| cells.get(i)).map(|c| c.trim().to_owned()).unwrap_or_default();
        let (id, name, short_name) = (cell(id), cell(name), cell(short));
        if name.is_empty() && id.is_empty() {
            continue;
        }
        if let Some(known) =
            base.agencies.iter().find(|a| a.id == id || (id.is_empty() && words::same_name(&a.name, &name)))
        {
            if !short_name.is_empty() {
                short_names.push((known.id.clone(), short_name));
            }
            continue;
        }
        let short_name = (!short_name.is_empty()).then_some(short_name);
        let id = if id.is_empty() {
            crate::edit::agency_id(&name, short_name.as_deref(), |taken| {
                base.agencies.iter().any(|a| a.id == taken) || agencies.iter().any(|(_, a)| a.id == taken)
            })
        } else {
            id
        };
        agencies.push((*row, Agency { id, name, short_name, extra: Default::default() }));
    }
    AgencySheet { name: &sheet.name, heads: heads.clone(), agencies, short_names }
}

/// Whether a head of the agencies sheet names the agencies' names ("Nama OPD", "Agency name", "Nama").
fn is_agency_name_head(head: &str) -> bool {
    words::is_label(head, |l| l.t(Key::AgencyNameHead)) || words::field_of(head, &["name"]).is_some()
}

/// Whether a head names the agencies' short names ("Singkatan OPD", "Singkatan", "short_name").
fn is_short_name_head(head: &str) -> bool {
    words::field_of(head, &[SHORT_NAME_COLUMN, "short_name"]).is_some()
}

/// Programs from rows: heads matched to the format's fields, values read in people's words; the base's
/// plan, agencies and rounds kept, agencies of a template's sheet added. Checked like any dataset file.
fn from_rows(table: Rows, base: &Dataset, new_agencies: AgencySheet) -> Result<Checked, Refusal> {
    // A second column naming a field already taken is kept as a column of its own, not read over the first.
    let mut fields: Vec<Option<&'static str>> = Vec::new();
    for head in &table.heads {
        let field = words::field_of(head, &COLUMN_NAMES).filter(|f| !fields.contains(&Some(*f)));
        fields.push(field);
    }
    // The agencies' short names are not the programs' to keep: read apart, given to the agencies.
    let short_column = table.heads.iter().position(|h| is_short_name_head(h)).filter(|i| fields[*i].is_none());
    let at = |row: usize, column: &str| Cell { sheet: table.sheet.map(str::to_owned), row, column: column.to_owned() };
    let head_of = |field: &str| {
        fields.iter().position(|f| *f == Some(field)).map_or_else(|| field.to_owned(), |i| table.heads[i].clone())
    };
    let header_row = table.header_row;
    let missing: Vec<FormatError> = REQUIRED_COLUMNS
        .iter()
        .filter(|column| !fields.contains(&Some(**column)))
        .map(|column| FormatError {
            cell: Some(at(header_row, column)),
            ..FormatError::new("programs", Problem::MissingColumn { column: (*column).to_owned() })
        })
        .collect();
    if !missing.is_empty() {
        return Err(Refusal { errors: missing });
    }
    let mut agencies = base.agencies.clone();
    agencies.extend(new_agencies.agencies.iter().map(|(_, agency)| agency.clone()));
    let mut short_names = new_agencies.short_names.clone();
    let mut programs = Vec::new();
    let mut lines = Vec::new();
    for (line, cells) in &table.rows {
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let program: Map<String, Value> = table
            .heads
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != short_column)
            .map(|(i, head)| ((head, &fields[i]), cells.get(i).map_or("", String::as_str)))
            .filter(|((head, _), cell)| !cell.trim().is_empty() && !head.is_empty())
            .map(|((head, field), cell)| match field {
                Some(field) => ((*field).to_owned(), cell_value(field, without_spaces_around(cell), &agencies)),
                None => (head.clone(), Value::String(without_spaces_around(cell).to_owned())),
            })
            .collect();
        let short_name = short_column.and_then(|i| cells.get(i)).map(|c| c.trim()).filter(|c| !c.is_empty());
        if let (Some(short_name), Some(Value::String(agency))) = (short_name, program.get("agency")) {
            short_names.push((agency.clone(), short_name.to_owned()));
        }
        programs.push(Value::Object(program));
        lines.push(*line);
    }
    // What the file says of an agency's short name counts, as everything else the file says does.
    for (id, short_name) in short_names {
        if let Some(agency) = agencies.iter_mut().find(|a| a.id == id) {
            agency.short_name = Some(short_name);
        }
    }
    let Value::Object(mut file) = base.to_file_value() else { unreachable!("a dataset is a JSON object") };
    file.insert("programs".into(), Value::Array(programs));
    if agencies != base.agencies {
        file.insert("agencies".into(), serde_json::to_value(&agencies).expect("agencies serialise"));
    }
    file.remove("exported_at");
    Dataset::from_value(Value::Object(file)).map_err(|refusal| Refusal {
        errors: refusal
            .errors
            .into_iter()
            .map(|error| {
                let cell = program_place(&error.path)
                    .and_then(|(index, field)| Some(at(*lines.get(index)?, &head_of(&field))))
                    .or_else(|| agency_place(&error.path, base.agencies.len(), &new_agencies));
                FormatError { cell, ..error }
            })
            .collect(),
    })
}

/// The agencies sheet's cell of an error at `agencies[i].field`, for an agency that came from that sheet.
fn agency_place(path: &str, known: usize, sheet: &AgencySheet) -> Option<Cell> {
    let rest = path.strip_prefix("agencies[")?;
    let (index, field) = rest.split_once(']')?;
    let (row, _) = sheet.agencies.get(index.parse::<usize>().ok()?.checked_sub(known)?)?;
    let column = field.trim_start_matches('.');
    let head = sheet
        .heads
        .iter()
        .find(|h| if column == "id" { words::field_of(h, &["id"]).is_some() } else { is_agency_name_head(h) });
    Some(Cell {
        sheet: Some(sheet.name.to_owned()),
        row: *row,
        column: head.cloned().unwrap_or_else(|| column.to_owned()),
    })
}

/// The agencies a template's agencies sheet adds, each with its row, and the sheet's name and heads for the
/// messages about them.
#[derive(Default)]
struct AgencySheet<'a> {
    name: &'a str,
    heads: Vec<String>,
    agencies: Vec<(usize, Agency)>,
    /// Short names the sheet gives agencies the data already has, by agency id.
    short_names: Vec<(String, String)>,
}

/// `programs[3].status` as the program's index and its field.
fn program_place(path: &str) -> Option<(usize, String)> {
    let rest = path.strip_prefix("programs[")?;
    let (index, field) = rest.split_once(']')?;
    let field = field.trim_start_matches('.').split(['.', '[']).next().unwrap_or("").to_owned();
    Some((index.parse().ok()?, field))
}

/// A cell without the spaces typed around it. Tabs and line breaks stay: in text they were written on
/// purpose (a CSV export protects a name that begins with one), and a number's reader trims its own.
fn without_spaces_around(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() && !matches!(c, '\t' | '\r' | '\n'))
}

/// A cell's text as the JSON value its field holds, read in people's words; text that fits no value of
/// the field stays text, so that the format's checks name the problem at its place.
fn cell_value(field: &str, cell: &str, agencies: &[Agency]) -> Value {
    let kind = COLUMNS.iter().find(|(name, _)| *name == field).map_or(Kind::Text, |(_, kind)| *kind);
    // Free text keeps its tabs and line breaks (only the spaces around it are gone); a code, a name, a number
    // or a list is read without any white space around it.
    let word = cell.trim();
    let as_text = || Value::String(word.to_owned());
    match (field, kind) {
        ("dimension" | "subdimension" | "status" | "horizon", _) => {
            Value::String(words::code_of(field, word).map_or_else(|| word.to_owned(), str::to_owned))
        }
        ("agency", _) => Value::String(
            agencies
                .iter()
                .find(|a| a.id == word)
                .or_else(|| agencies.iter().find(|a| words::same_name(&a.name, word)))
                .or_else(|| {
                    agencies.iter().find(|a| a.short_name.as_deref().is_some_and(|s| words::same_name(s, word)))
                })
                .map_or_else(|| word.to_owned(), |a| a.id.clone()),
        ),
        ("id", _) => as_text(),
        ("progress", _) => percent(word).map_or_else(as_text, Value::from),
        (_, Kind::Text) => Value::String(cell.to_owned()),
        (_, Kind::WholeNumber) => whole_number(word).map_or_else(as_text, Value::from),
        (_, Kind::TrueFalse) => words::yes_no(word).map_or_else(as_text, Value::Bool),
        (_, Kind::List) => Value::Array(
            word.split([';', '\n']).map(str::trim).filter(|item| !item.is_empty()).map(|item| item.into()).collect(),
        ),
    }
}

/// Progress as people write it: `40`, `40%`, `40 %`, or `0.4` (a cell formatted as a percentage holds the
/// fraction; a fraction of 1 itself stays 1, which is ambiguous and read as written).
fn percent(cell: &str) -> Option<i64> {
    let typed = cell.trim().trim_end_matches('%').trim();
    if let Some(whole) = whole_number(typed) {
        return Some(whole);
    }
    let fraction: f64 = typed.replace(',', ".").parse().ok()?;
    (fraction > 0.0 && fraction < 1.0 && !cell.contains('%')).then(|| (fraction * 100.0).round() as i64)
}

/// A whole number as spreadsheets write it: `2021`, `-5`, grouped by thousands (`150.000.000`,
/// `150,000,000`), with zero decimals (`2021.0`, `150.000.000,00`) or an exponent that makes it whole
/// (`1.5E+8`).
pub fn whole_number(cell: &str) -> Option<i64> {
    if let Ok(n) = cell.parse() {
        return Some(n);
    }
    if cell.contains(['e', 'E']) {
        return cell.parse::<f64>().ok().filter(|n| n.fract() == 0.0 && n.abs() < 9e15).map(|n| n as i64);
    }
    let (sign, digits) = cell.strip_prefix('-').map_or((1, cell), |rest| (-1, rest));
    // Zero decimals after the last separator of another kind than the grouping (`,00` after `.` groups).
    let digits = match (digits.rfind(['.', ',']), digits.find(['.', ','])) {
        (Some(last), Some(first)) => {
            let (whole, fraction) = digits.split_at(last);
            let zeros = fraction.len() > 1 && fraction[1..].bytes().all(|b| b == b'0');
            let other_kind = digits[first..=first] != digits[last..=last] || first == last;
            if zeros && other_kind && fraction.len() != 4 { whole } else { digits }
        }
        _ => digits,
    };
    if let Ok(n) = digits.parse::<i64>() {
        return Some(sign * n);
    }
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

/// One figure of the comparison of cities, as a spreadsheet holds it.
pub(crate) enum Figure {
    Text(String),
    Count(usize),
    Share(crate::metrics::Share),
    Decimal(Option<f64>),
}

/// The comparison of cities as a table: the heads in the language, a row per city, then the totals.
pub(crate) fn comparison_table(
    comparison: &crate::portfolio::Comparison,
    lang: Lang,
) -> (Vec<String>, Vec<Vec<Figure>>) {
    use crate::format::{Dimension, Status};
    let mut heads = vec![
        lang.t(Key::CompareCity).to_owned(),
        lang.field("province").to_owned(),
        lang.t(Key::ProgramsLabel).to_owned(),
    ];
    for s in Status::ALL {
        heads.push(lang.status(s).to_owned());
        heads.push(format!("{} (%)", lang.status(s)));
    }
    heads.push(lang.t(Key::QuickWinsLabel).to_owned());
    heads.push(lang.t(Key::MapMeasurePostponed).to_owned());
    for d in Dimension::ALL {
        heads.push(lang.tf(Key::CompareActiveIn, &[("dimension", lang.dimension(d))]));
    }
    heads.extend(
        [Key::CompareLatestRound, Key::FieldDate, Key::CompareIndexOnly, Key::CompareChange, Key::FieldWeights]
            .iter()
            .map(|k| lang.t(*k).to_owned()),
    );
    let row = |name: String, f: &crate::portfolio::CityFigures| -> Vec<Figure> {
        let mut cells =
            vec![Figure::Text(name), Figure::Text(f.province.clone().unwrap_or_default()), Figure::Count(f.programs)];
        for s in Status::ALL {
            cells.push(Figure::Count(f.counts.get(s)));
            cells.push(Figure::Share(f.shares.get(s)));
        }
        cells.push(Figure::Count(f.quick_wins));
        cells.push(Figure::Count(f.postponed));
        for share in f.active_by_dimension {
            cells.push(share.map_or(Figure::Text(String::new()), Figure::Share));
        }
        let round = f.latest_round.as_ref();
        cells.push(Figure::Text(round.map(|r| r.label.clone()).unwrap_or_default()));
        cells.push(Figure::Text(round.map(|r| r.date.clone()).unwrap_or_default()));
        cells.push(Figure::Decimal(round.and_then(|r| r.index)));
        cells.push(Figure::Decimal(round.and_then(|r| r.change)));
        cells.push(Figure::Text(round.map(|r| crate::portfolio::weights_text(&r.weights, lang)).unwrap_or_default()));
        cells
    };
    let mut rows: Vec<Vec<Figure>> = comparison.rows.iter().map(|r| row(r.city.clone(), r)).collect();
    rows.push(row(lang.tf(Key::CompareTotal, &[("count", &lang.count(comparison.rows.len()))]), &comparison.total));
    (heads, rows)
}

/// The comparison of cities as CSV, separated as the language's Excel expects; no cell begins like a formula.
pub fn comparison_csv(comparison: &crate::portfolio::Comparison, lang: Lang) -> String {
    let (heads, rows) = comparison_table(comparison, lang);
    let text = |figure: &Figure| match figure {
        Figure::Text(text) => kept_as_text(text),
        Figure::Count(n) => n.to_string(),
        Figure::Share(share) => lang.share(*share),
        Figure::Decimal(value) => value.map(|v| lang.decimal(v)).unwrap_or_default(),
    };
    let heads: Vec<String> = heads.iter().map(|h| kept_as_text(h)).collect();
    csv_text(&heads, rows.iter().map(|row| row.iter().map(text).collect()), Delimiter::of_language(lang))
}
