//! Reading an XLSX workbook (Office Open XML, as Excel, LibreOffice and the app write it) into its sheets'
//! cells as text: the sheets in order with their names, each row with its number. Built on the zip crate
//! the app already has for writing workbooks, with a small reader for the few XML parts a workbook needs
//! (the workbook, its relationships, the shared strings, the sheets) rather than a general spreadsheet
//! crate, which would bring a second zip, an XML library and text encodings into the page.

use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most one part of a workbook may unpack to: more than any master plan, little enough that a
/// crafted file cannot exhaust the browser's memory.
const PART_LIMIT: u64 = 64 * 1024 * 1024;

/// A sheet's cells as text: each row with its number as the spreadsheet counts (from 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a file could not be read as a workbook (the technical detail; the page says it in words).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    #[error("not an XLSX workbook: {0}")]
    NotWorkbook(String),
    #[error("the part {0} of the workbook is damaged")]
    Damaged(String),
    #[error("the part {0} of the workbook unpacks to more than {PART_LIMIT} bytes")]
    TooLarge(String),
    #[error("a cell beyond the last column a spreadsheet has ({0})")]
    BeyondLastColumn(String),
}

/// The last column a spreadsheet has (XFD), zero-based.
const LAST_COLUMN: usize = 16_383;

/// The sheets of a workbook, in the workbook's order.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, XlsxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| XlsxError::NotWorkbook(e.to_string()))?;
    let workbook =
        part(&mut zip, "xl/workbook.xml")?.ok_or_else(|| XlsxError::NotWorkbook("no xl/workbook.xml".into()))?;
    let relations = part(&mut zip, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let targets: HashMap<String, String> = elements(&relations)
        .filter(|e| e.name == "Relationship")
        .filter_map(|e| Some((e.attr("Id")?.to_owned(), e.attr("Target")?.to_owned())))
        .collect();
    // The shared strings where the workbook's relationships say, else where writers put them.
    let shared_path = elements(&relations)
        .find(|e| e.attr("Type").is_some_and(|t| t.ends_with("/sharedStrings")))
        .and_then(|e| e.attr("Target").map(part_path))
        .unwrap_or_else(|| "xl/sharedStrings.xml".to_owned());
    let shared = match part(&mut zip, &shared_path)? {
        Some(xml) => shared_strings(&xml),
        None => Vec::new(),
    };
    let mut sheets = Vec::new();
    for (i, sheet) in elements(&workbook).filter(|e| e.name == "sheet").enumerate() {
        let name = sheet.attr("name").unwrap_or_default().to_owned();
        let target = sheet
            .attrs
            .iter()
            .find(|(k, _)| k == "id" || k.ends_with(":id"))
            .and_then(|(_, id)| targets.get(id))
            .map(|t| part_path(t))
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", i + 1));
        let xml = part(&mut zip, &target)?.ok_or_else(|| XlsxError::Damaged(target.clone()))?;
        sheets.push(Sheet { name, rows: rows(&xml, &shared)? });
    }
    Ok(sheets)
}

/// A relationship's target as a path in the package (targets are relative to `xl/`, or absolute).
fn part_path(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    }
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, XlsxError> {
    let Ok(file) = zip.by_name(name) else { return Ok(None) };
    let mut text = String::new();
    // One byte past the limit tells a part that is too large from one that just fits.
    file.take(PART_LIMIT + 1).read_to_string(&mut text).map_err(|_| XlsxError::Damaged(name.to_owned()))?;
    if text.len() as u64 > PART_LIMIT {
        return Err(XlsxError::TooLarge(name.to_owned()));
    }
    Ok(Some(text))
}

/// The texts of the shared-strings table, in order: each item's text runs joined (phonetic hints left out).
fn shared_strings(xml: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut phonetic = false;
    for token in tokens(xml) {
        match token {
            Token::Open(e) if e.name == "si" && e.empty => strings.push(String::new()),
            Token::Open(e) if e.name == "si" => current = Some(String::new()),
            Token::Close(name) if name == "si" => strings.extend(current.take()),
            Token::Open(e) if e.name == "rPh" => phonetic = !e.empty,
            Token::Close(name) if name == "rPh" => phonetic = false,
            Token::Text(text, in_t) if in_t && !phonetic => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&excel_escapes(&text));
                }
            }
            _ => {}
        }
    }
    strings
}

/// A sheet's rows: each cell's text at its column.
fn rows(xml: &str, shared: &[String]) -> Result<Vec<(usize, Vec<String>)>, XlsxError> {
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut cell: Option<usize> = None;
    // Where a cell without a reference stands: right after the one before it.
    let mut next_column = 0;
    let mut kind = String::new();
    let mut value = String::new();
    let mut in_value = false;
    for token in tokens(xml) {
        match token {
            Token::Open(e) if e.name == "row" => {
                let number = e.attr("r").and_then(|r| r.parse().ok()).unwrap_or(rows.last().map_or(1, |r| r.0 + 1));
                rows.push((number, Vec::new()));
                next_column = 0;
            }
            Token::Open(e) if e.name == "c" => {
                let column = e.attr("r").map_or(Some(next_column), column_of);
                let column = column
                    .filter(|c| *c <= LAST_COLUMN)
                    .ok_or_else(|| XlsxError::BeyondLastColumn(e.attr("r").unwrap_or_default().to_owned()))?;
                next_column = column + 1;
                kind = e.attr("t").unwrap_or("n").to_owned();
                value.clear();
                cell = (!e.empty).then_some(column);
            }
            Token::Open(e) if e.name == "v" || e.name == "t" => in_value = !e.empty,
            Token::Close(name) if name == "v" || name == "t" => in_value = false,
            Token::Text(text, _) if in_value => value.push_str(&text),
            Token::Close(name) if name == "c" => {
                if let (Some(column), Some(row)) = (cell.take(), rows.last_mut()) {
                    let text = cell_text(&kind, &value, shared);
                    if row.1.len() <= column {
                        row.1.resize(column + 1, String::new());
                    }
                    row.1[column] = text;
                }
            }
            _ => {}
        }
    }
    Ok(rows)
}

/// A cell's value as text, by its type: a shared string, inline text, a boolean, or a number as a person
/// writes it (`2021`, not `2021.0` or `2.021E3`).
fn cell_text(kind: &str, value: &str, shared: &[String]) -> String {
    match kind {
        "s" => value.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).cloned().unwrap_or_default(),
        "b" => if value.trim() == "1" { "true" } else { "false" }.to_owned(),
        "n" => number_text(value.trim()),
        _ => excel_escapes(value),
    }
}

fn number_text(value: &str) -> String {
    match value.parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() < 9e15 => format!("{}", n as i64),
        Ok(n) if value.contains(['E', 'e']) => format!("{n}"),
        _ => value.to_owned(),
    }
}

/// The zero-based column of a cell reference (`C7` is 2); `None` past the last column a spreadsheet has.
fn column_of(reference: &str) -> Option<usize> {
    let mut n: usize = 0;
    for c in reference.chars().take_while(char::is_ascii_alphabetic) {
        n = n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1);
        if n > LAST_COLUMN + 1 {
            return None;
        }
    }
    n.checked_sub(1)
}

/// Excel writes characters XML cannot hold as `_xHHHH_` (a line break in a cell is `_x000D_` too): read
/// them back.
fn excel_escapes(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        // Four hex digits exactly (`from_str_radix` alone would take a sign: `_x+041_`).
        let code = after
            .get(..4)
            .filter(|h| after.get(4..5) == Some("_") && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match code.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                rest = &after[5..];
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An element's opening tag: its local name (namespace prefix dropped), attributes, and whether it closes
/// itself.
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    empty: bool,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

enum Token {
    Open(Element),
    Close(String),
    /// Character data, and whether it stands inside a `<t>` (a text run).
    Text(String, bool),
}

fn elements(xml: &str) -> impl Iterator<Item = Element> + '_ {
    tokens(xml).filter_map(|t| if let Token::Open(e) = t { Some(e) } else { None })
}

/// The tags and text of an XML document, enough for the parts of a workbook: declarations, comments and
/// processing instructions are skipped; CDATA is text.
fn tokens(xml: &str) -> impl Iterator<Item = Token> + '_ {
    let mut rest = xml;
    let mut in_t = false;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            if let Some(after) = rest.strip_prefix("<![CDATA[") {
                let end = after.find("]]>").unwrap_or(after.len());
                let text = after[..end].to_owned();
                rest = after.get(end + 3..).unwrap_or("");
                return Some(Token::Text(text, in_t));
            }
            if rest.starts_with("<!--") {
                rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
                continue;
            }
            if let Some(after) = rest.strip_prefix('<') {
                let end = tag_end(after);
                let tag = &after[..end];
                rest = after.get(end + 1..).unwrap_or("");
                if let Some(name) = tag.strip_prefix('/') {
                    let name = local(name.trim());
                    if name == "t" {
                        in_t = false;
                    }
                    return Some(Token::Close(name.to_owned()));
                }
                let element = element(tag);
                if element.name == "t" {
                    in_t = !element.empty;
                }
                return Some(Token::Open(element));
            }
            let end = rest.find('<').unwrap_or(rest.len());
            let text = unescape(&rest[..end]);
            rest = &rest[end..];
            return Some(Token::Text(text, in_t));
        }
    })
}

/// Where a tag ends: the first `>` outside quotes.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    tag.len()
}

fn element(tag: &str) -> Element {
    let empty = tag.trim_end().ends_with('/');
    let tag = tag.trim_end().trim_end_matches('/');
    let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
    let name = local(&tag[..name_end]).to_owned();
    let mut attrs = Vec::new();
    let mut rest = &tag[name_end..];
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_owned();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else { break };
        let value_end = after[1..].find(quote).map_or(after.len(), |i| i + 1);
        attrs.push((key, unescape(&after[1..value_end])));
        rest = after.get(value_end + 1..).unwrap_or("");
    }
    Element { name, attrs, empty }
}

/// A name without its namespace prefix (`x:c` is `c`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Character data with XML's entities and character references read.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(end) = after.find(';').filter(|end| *end <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let entity = &after[..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{column_of, excel_escapes, number_text, rows, shared_strings, unescape};

    #[test]
    fn references_entities_and_numbers() {
        assert_eq!((column_of("A1"), column_of("C7"), column_of("AA10")), (Some(0), Some(2), Some(26)));
        assert_eq!((column_of("XFD1"), column_of("XFE1"), column_of("AAAAAAA1")), (Some(16_383), None, None));
        assert_eq!(excel_escapes("satu_x000D_dua _x_ _x41_ _x+041_"), "satu\rdua _x_ _x41_ _x+041_");
        assert_eq!(unescape("A &amp; B &lt;3 &#233;&#x41; &bogus"), "A & B <3 éA &bogus");
        assert_eq!(
            (number_text("2021"), number_text("2.021E3"), number_text("0.5")),
            ("2021".into(), "2021".into(), "0.5".into())
        );
    }

    #[test]
    fn shared_strings_join_their_runs_and_skip_phonetic_hints() {
        let xml = r#"<sst><si><t>Satu</t></si><si/><si><r><t>Du</t></r><r><rPr><b/></rPr><t xml:space="preserve">a </t></r><rPh><t>x</t></rPh></si></sst>"#;
        assert_eq!(shared_strings(xml), ["Satu", "", "Dua "]);
    }

    #[test]
    fn rows_keep_their_numbers_and_cells_their_columns() {
        let xml = r#"<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>C &amp; D</x:t></x:is></x:c></x:row>
            <x:row r="4"><x:c r="B4"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="D4" t="b"><x:v>1</x:v></x:c><x:c r="E4" s="1"/></x:row></x:sheetData></x:worksheet>"#;
        let shared = vec!["ID".to_owned()];
        assert_eq!(
            rows(xml, &shared).unwrap(),
            [
                (1, vec!["ID".to_owned(), String::new(), "C & D".to_owned()]),
                (4, vec![String::new(), "2".to_owned(), String::new(), "true".to_owned()])
            ]
        );
        let unreferenced = r#"<sheetData><row><c><v>1</v></c><c/><c><v>3</v></c></row></sheetData>"#;
        assert_eq!(rows(unreferenced, &[]).unwrap(), [(1, vec!["1".to_owned(), String::new(), "3".to_owned()])]);
        assert!(rows(r#"<row r="1"><c r="AAAAAA1"><v>1</v></c></row>"#, &[]).is_err(), "no column that far");
    }
}
