//! The XLSX workbooks: the export (a sheet of programs in people's words, translated heads and values, and
//! a summary sheet with the metrics of the overview) and the template to fill in (instructions with an
//! example row, an empty programs sheet whose closed lists are drop-downs, the agencies). The Office Open
//! XML parts are written here (a workbook needs only a handful) and packed with the zip crate.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;

use crate::format::{Dataset, Dimension, Horizon, Status, SubDimension, YEARS};
use crate::i18n::{Key, Lang};
use crate::metrics::Overview;

use super::{COLUMNS, Figure, SheetCell, comparison_table, table};

/// Cell styles, as indexes into `cellXfs` of the styles part.
#[derive(Clone, Copy)]
enum Style {
    Plain = 0,
    Bold = 1,
    Percent = 2,
    /// Text kept as text even where it begins like a formula (Excel's quote prefix, not a visible `'`).
    QuotedText = 3,
    /// A head kept as text so: an unknown field's name may begin like a formula.
    QuotedBold = 4,
}

/// A cell's content.
enum Value {
    Text(String),
    Number(f64),
}

/// One worksheet being written: its rows, column widths, frozen header and filter, drop-down lists.
struct Sheet {
    name: String,
    rows: Vec<Vec<(Value, Style)>>,
    widths: Vec<f64>,
    header_row: bool,
    /// Cells whose values come from a list: the cells (`C2:C1000`) and the list (`'Daftar'!$A$2:$A$7`).
    lists: Vec<(String, String)>,
    /// Cells that take a whole number between two bounds: the cells and the bounds.
    wholes: Vec<(String, i64, i64)>,
    /// Not shown in the spreadsheet (the lists behind the drop-downs).
    hidden: bool,
}

impl Sheet {
    fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_owned(),
            rows: Vec::new(),
            widths: Vec::new(),
            header_row: false,
            lists: Vec::new(),
            wholes: Vec::new(),
            hidden: false,
        }
    }

    fn row(&mut self, cells: Vec<(Value, Style)>) {
        self.rows.push(cells);
    }

    fn xml(&self) -> String {
        let mut xml = String::from(XML_HEAD);
        xml.push_str(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
        if self.header_row {
            xml.push_str(
                r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#,
            );
        }
        if !self.widths.is_empty() {
            xml.push_str("<cols>");
            for (i, width) in self.widths.iter().enumerate() {
                let _ = write!(xml, r#"<col min="{n}" max="{n}" width="{width}" customWidth="1"/>"#, n = i + 1);
            }
            xml.push_str("</cols>");
        }
        xml.push_str("<sheetData>");
        for (r, row) in self.rows.iter().enumerate() {
            let _ = write!(xml, r#"<row r="{}">"#, r + 1);
            for (c, (value, style)) in row.iter().enumerate() {
                let at = cell_ref(r, c);
                let s = *style as u8;
                match value {
                    Value::Text(text) if text.is_empty() => {}
                    Value::Text(text) => {
                        // A cell that begins like a formula is marked as text, so that editing it in a
                        // spreadsheet never turns it into one.
                        let s = match s {
                            s if !super::runs_as_formula(text) => s,
                            s if s == Style::Plain as u8 => Style::QuotedText as u8,
                            s if s == Style::Bold as u8 => Style::QuotedBold as u8,
                            s => s,
                        };
                        let _ = write!(
                            xml,
                            r#"<c r="{at}" s="{s}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                            escape(&excel_escaped(text))
                        );
                    }
                    Value::Number(n) => {
                        let _ = write!(xml, r#"<c r="{at}" s="{s}"><v>{n}</v></c>"#);
                    }
                }
            }
            xml.push_str("</row>");
        }
        xml.push_str("</sheetData>");
        if self.header_row {
            let last = self.rows.first().map_or(1, Vec::len).max(1);
            let _ = write!(xml, r#"<autoFilter ref="A1:{}"/>"#, cell_ref(self.rows.len().max(1) - 1, last - 1));
        }
        if !self.lists.is_empty() || !self.wholes.is_empty() {
            let _ = write!(xml, r#"<dataValidations count="{}">"#, self.lists.len() + self.wholes.len());
            for (cells, list) in &self.lists {
                let _ = write!(
                    xml,
                    r#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="{cells}"><formula1>{}</formula1></dataValidation>"#,
                    escape(list)
                );
            }
            for (cells, low, high) in &self.wholes {
                let _ = write!(
                    xml,
                    r#"<dataValidation type="whole" operator="between" allowBlank="1" showErrorMessage="1" sqref="{cells}"><formula1>{low}</formula1><formula2>{high}</formula2></dataValidation>"#
                );
            }
            xml.push_str("</dataValidations>");
        }
        xml.push_str("</worksheet>");
        xml
    }
}

/// The workbook's bytes. `generated_on` is today's date, `YYYY-MM-DD`.
pub fn to_xlsx(dataset: &Dataset, lang: Lang, generated_on: &str) -> Result<Vec<u8>, String> {
    let sheets = [
        programs_sheet(dataset, lang),
        agencies_sheet(dataset, lang),
        summary_sheet(dataset, lang, generated_on),
        scores_sheet(dataset, lang),
    ];
    package(&sheets).map_err(|e| e.to_string())
}

fn owned(text: impl Into<String>) -> Value {
    Value::Text(text.into())
}

fn programs_sheet(dataset: &Dataset, lang: Lang) -> Sheet {
    let (heads, rows) = table(dataset, lang);
    let mut sheet = Sheet::new(lang.t(Key::SheetPrograms));
    sheet.header_row = true;
    sheet.widths = heads.iter().map(|head| if *head == lang.field("name") { 50.0 } else { 16.0 }).collect();
    sheet.row(heads.into_iter().map(|head| (owned(head), Style::Bold)).collect());
    for row in rows {
        sheet.row(row.into_iter().map(|cell| (value(cell), Style::Plain)).collect());
    }
    sheet
}

fn value(cell: SheetCell) -> Value {
    match cell {
        SheetCell::Text(text) => Value::Text(text),
        SheetCell::Number(n) => Value::Number(n as f64),
    }
}

/// The agencies, by id, name and short name: programs name them by name, and an import reads them back to ids.
fn agencies_sheet(dataset: &Dataset, lang: Lang) -> Sheet {
    let mut agencies = Sheet::new(lang.t(Key::SheetAgencies));
    agencies.header_row = true;
    agencies.widths = vec![24.0, 50.0, 20.0];
    agencies.row(vec![
        (owned(lang.field("id")), Style::Bold),
        (owned(lang.t(Key::AgencyNameHead)), Style::Bold),
        (owned(lang.field("agency_short_name")), Style::Bold),
    ]);
    for agency in &dataset.agencies {
        agencies.row(vec![
            (owned(agency.id.clone()), Style::Plain),
            (owned(agency.name.clone()), Style::Plain),
            (owned(agency.short_name.clone().unwrap_or_default()), Style::Plain),
        ]);
    }
    agencies
}

/// How many rows of the template's programs sheet offer the drop-down lists.
const TEMPLATE_ROWS: usize = 2000;

/// The template to fill in: instructions with an example row, an empty programs sheet with the column
/// heads of the language and drop-down lists for dimension, sub-dimension, status, horizon, agency and
/// yes/no, the agencies (those of `dataset`, to add to), and the lists behind the drop-downs, hidden.
pub fn template_xlsx(dataset: &Dataset, lang: Lang) -> Result<Vec<u8>, String> {
    let programs_name = lang.t(Key::SheetPrograms);
    let agencies_name = lang.t(Key::SheetAgencies);
    let lists_name = lang.t(Key::SheetLists);

    let mut lists = Sheet::new(lists_name);
    lists.hidden = true;
    let columns: [(&str, Vec<&str>); 5] = [
        ("dimension", Dimension::ALL.iter().map(|d| lang.dimension(*d)).collect()),
        ("subdimension", SubDimension::ALL.iter().map(|s| lang.subdimension(*s)).collect()),
        ("status", Status::ALL.iter().map(|s| lang.status(*s)).collect()),
        ("horizon", Horizon::ALL.iter().map(|h| lang.horizon(*h)).collect()),
        ("quick_win", vec![lang.yes_no(true), lang.yes_no(false)]),
    ];
    let longest = columns.iter().map(|(_, values)| values.len()).max().unwrap_or(0);
    lists.row(columns.iter().map(|(field, _)| (owned(lang.field(field)), Style::Bold)).collect());
    for i in 0..longest {
        lists.row(
            columns.iter().map(|(_, values)| (owned(values.get(i).copied().unwrap_or("")), Style::Plain)).collect(),
        );
    }
    let range = |sheet: &str, column: usize, count: usize| {
        let last = cell_ref(count, column);
        let (letters, row) = last.split_at(last.find(|c: char| c.is_ascii_digit()).unwrap_or(last.len()));
        format!("'{}'!${letters}$2:${letters}${row}", sheet.replace('\'', "''"))
    };
    let list_of = |field: &str| -> Option<String> {
        let yes_no = matches!(field, "quick_win" | "rpjmd" | "renstra");
        let at = columns.iter().position(|(f, _)| *f == field || (yes_no && *f == "quick_win"))?;
        Some(range(lists_name, at, columns[at].1.len()))
    };

    let mut programs = Sheet::new(programs_name);
    programs.header_row = true;
    programs.widths = COLUMNS.iter().map(|(code, _)| if *code == "name" { 50.0 } else { 18.0 }).collect();
    programs.row(COLUMNS.iter().map(|(code, _)| (owned(lang.field(code)), Style::Bold)).collect());
    for (i, (code, _)) in COLUMNS.iter().enumerate() {
        let list = if *code == "agency" { Some(range(agencies_name, 1, 500)) } else { list_of(code) };
        let cells = format!("{}:{}", cell_ref(1, i), cell_ref(TEMPLATE_ROWS, i));
        if let Some(list) = list {
            programs.lists.push((cells, list));
        } else if *code == "progress" {
            programs.wholes.push((cells, 0, 100));
        } else if matches!(*code, "start_year" | "target_year" | "postponed_to") {
            programs.wholes.push((cells, i64::from(*YEARS.start()), i64::from(*YEARS.end())));
        }
    }

    let agencies = agencies_sheet(dataset, lang);

    let mut instructions = Sheet::new(lang.t(Key::SheetInstructions));
    instructions.widths = COLUMNS.iter().map(|(code, _)| if *code == "name" { 50.0 } else { 18.0 }).collect();
    instructions.row(vec![(owned(lang.t(Key::TemplateTitle)), Style::Bold)]);
    for key in [
        Key::TemplateStepRows,
        Key::TemplateStepLists,
        Key::TemplateStepAgencies,
        Key::TemplateStepValues,
        Key::TemplateStepImport,
    ] {
        let text = lang.tf(key, &[("programs", programs_name), ("agencies", agencies_name)]);
        instructions.row(vec![(owned(text), Style::Plain)]);
    }
    instructions.row(Vec::new());
    instructions.row(vec![(owned(lang.t(Key::TemplateExample)), Style::Bold)]);
    instructions.row(COLUMNS.iter().map(|(code, _)| (owned(lang.field(code)), Style::Bold)).collect());
    let agency =
        dataset.agencies.first().map_or_else(|| lang.t(Key::TemplateExampleAgency).to_owned(), |a| a.name.clone());
    let example = example_row(lang, &agency);
    instructions.row(example.into_iter().map(|cell| (value(cell), Style::Plain)).collect());

    package(&[instructions, programs, agencies, lists]).map_err(|e| e.to_string())
}

/// A filled-in program for the instructions, in the language's words.
fn example_row(lang: Lang, agency: &str) -> Vec<SheetCell> {
    let text = |t: &str| SheetCell::Text(t.to_owned());
    COLUMNS
        .iter()
        .map(|(code, _)| match *code {
            "id" => text("GOV-01"),
            "name" => text(lang.t(Key::TemplateExampleName)),
            "dimension" => text(lang.dimension(Dimension::Governance)),
            "subdimension" => text(lang.subdimension(SubDimension::ALL[0])),
            "status" => text(lang.status(Status::Running)),
            "agency" => text(agency),
            "quick_win" | "rpjmd" | "renstra" => text(lang.yes_no(true)),
            "horizon" => text(lang.horizon(Horizon::Short)),
            "start_year" => SheetCell::Number(2025),
            "target_year" => SheetCell::Number(2026),
            "progress" => SheetCell::Number(40),
            "budget_planned" => SheetCell::Number(150_000_000),
            "budget_realized" => SheetCell::Number(60_000_000),
            "apps" => text("SiIzin; SiMantap"),
            _ => text(""),
        })
        .collect()
}

fn summary_sheet(dataset: &Dataset, lang: Lang, generated_on: &str) -> Sheet {
    let overview = Overview::of(dataset);
    let mut sheet = Sheet::new(lang.t(Key::SheetSummary));
    sheet.widths = vec![34.0, 18.0, 18.0, 18.0, 18.0, 18.0];
    sheet.row(vec![(owned(lang.t(Key::SummaryTitle)), Style::Bold)]);
    for (label, value) in [
        (lang.field("city"), dataset.plan.city.clone()),
        (lang.field("title"), dataset.plan.title.clone().unwrap_or_default()),
        (lang.t(Key::SummaryGenerated), lang.date(generated_on)),
    ] {
        sheet.row(vec![(owned(label), Style::Plain), (owned(value), Style::Plain)]);
    }
    sheet.row(Vec::new());
    sheet.row(vec![
        (owned(lang.field("status")), Style::Bold),
        (owned(lang.t(Key::SummaryCount)), Style::Bold),
        (owned(lang.t(Key::SummaryShare)), Style::Bold),
    ]);
    for status in Status::ALL {
        sheet.row(vec![
            (owned(lang.status(status)), Style::Plain),
            (Value::Number(overview.counts.get(status) as f64), Style::Plain),
            (Value::Number(overview.shares.get(status).as_fraction()), Style::Percent),
        ]);
    }
    sheet.row(vec![
        (owned(lang.t(Key::SummaryTotal)), Style::Bold),
        (Value::Number(overview.programs as f64), Style::Bold),
    ]);
    sheet.row(Vec::new());
    let mut head = vec![(owned(lang.field("dimension")), Style::Bold)];
    head.extend(Status::ALL.iter().map(|s| (owned(lang.status(*s)), Style::Bold)));
    head.push((owned(lang.t(Key::SummaryTotal)), Style::Bold));
    sheet.row(head);
    for (dimension, counts) in &overview.by_dimension {
        let mut row = vec![(owned(lang.dimension(*dimension)), Style::Plain)];
        row.extend(Status::ALL.iter().map(|s| (Value::Number(counts.get(*s) as f64), Style::Plain)));
        row.push((Value::Number(counts.total() as f64), Style::Plain));
        sheet.row(row);
    }
    sheet
}

/// Every scored round: each aspect's score, weight and contribution to the index, then the index.
fn scores_sheet(dataset: &Dataset, lang: Lang) -> Sheet {
    let mut sheet = Sheet::new(lang.t(Key::SheetScores));
    sheet.header_row = true;
    sheet.widths = vec![30.0, 14.0, 22.0, 12.0, 12.0, 16.0, 16.0];
    sheet.row(
        [
            lang.field("label"),
            lang.field("date"),
            lang.t(Key::AspectHead),
            lang.t(Key::Score),
            lang.t(Key::Weight),
            lang.t(Key::ContributionHead),
            lang.field("scale_max"),
        ]
        .into_iter()
        .map(|head| (owned(head), Style::Bold))
        .collect(),
    );
    let number = |n: Option<f64>| n.map_or_else(|| owned(""), Value::Number);
    for round in crate::evaluation::round_scores(dataset) {
        let start = |aspect: String| {
            vec![
                (owned(round.label.clone()), Style::Plain),
                (owned(round.date.clone()), Style::Plain),
                (owned(aspect), Style::Plain),
            ]
        };
        for a in &round.aspects {
            let mut row = start(lang.aspect(a.aspect).to_owned());
            row.extend(
                [number(a.score), number(a.weight), number(a.contribution), number(round.scale_max)]
                    .map(|v| (v, Style::Plain)),
            );
            sheet.row(row);
        }
        let mut total = start(lang.t(Key::IndexAxis).to_owned());
        let weights: f64 = round.aspects.iter().filter_map(|a| a.weight).sum();
        let index = match &round.index {
            Ok(value) => Value::Number(*value),
            Err(error) => owned(lang.no_index(error)),
        };
        total.extend([(owned(""), Style::Bold), (Value::Number(weights), Style::Bold), (index, Style::Bold)]);
        sheet.row(total.into_iter().map(|(v, _)| (v, Style::Bold)).collect());
    }
    sheet
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The package: content types, relationships, workbook, styles and the sheets.
fn package(sheets: &[Sheet]) -> zip::result::ZipResult<Vec<u8>> {
    let mut content_types = format!(
        r#"{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    );
    let mut workbook = format!(
        r#"{XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    );
    let mut workbook_rels =
        format!(r#"{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
    let mut filters = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            content_types,
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        let state = if sheet.hidden { r#" state="hidden""# } else { "" };
        let _ = write!(workbook, r#"<sheet name="{}" sheetId="{n}"{state} r:id="rId{n}"/>"#, escape(&sheet.name));
        let _ = write!(
            workbook_rels,
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        );
        if sheet.header_row {
            let last = cell_ref(sheet.rows.len().max(1) - 1, sheet.rows.first().map_or(1, Vec::len).max(1) - 1);
            let (col, row) = last.split_at(last.find(|c: char| c.is_ascii_digit()).unwrap_or(last.len()));
            let _ = write!(
                filters,
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'{}'!$A$1:${col}${row}</definedName>"#,
                escape(&sheet.name.replace('\'', "''"))
            );
        }
    }
    content_types.push_str("</Types>");
    workbook.push_str("</sheets>");
    if !filters.is_empty() {
        let _ = write!(workbook, "<definedNames>{filters}</definedNames>");
    }
    workbook.push_str("</workbook>");
    let _ = write!(
        workbook_rels,
        r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        sheets.len() + 1
    );
    let root_rels = format!(
        r#"{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut part = |name: &str, text: &str| -> zip::result::ZipResult<()> {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
        Ok(())
    };
    part("[Content_Types].xml", &content_types)?;
    part("_rels/.rels", &root_rels)?;
    part("xl/workbook.xml", &workbook)?;
    part("xl/_rels/workbook.xml.rels", &workbook_rels)?;
    part("xl/styles.xml", &format!("{XML_HEAD}{STYLES}"))?;
    for (i, sheet) in sheets.iter().enumerate() {
        part(&format!("xl/worksheets/sheet{}.xml", i + 1), &sheet.xml())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Plain, bold, a percentage with two decimals (built-in number format 10, shown in the reader's locale), and
/// text kept as text (the text format 49 with a quote prefix).
const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// `A1`-style reference of a zero-based row and column.
fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// A cell's text as Excel writes it, so that it reads back exactly: a carriage return (which XML reads as
/// a line feed) and the characters XML cannot hold (controls, U+FFFE, U+FFFF) as `_xHHHH_`, and a `_x` that would read as
/// such an escape with its underscore escaped (`_x005F_`).
fn excel_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '\r' => out.push_str("_x000D_"),
            c if ((c as u32) < 0x20 && c != '\t' && c != '\n') || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                let _ = write!(out, "_x{:04X}_", c as u32);
            }
            '_' if reads_as_escape(&text[at..]) => out.push_str("_x005F_"),
            c => out.push(c),
        }
    }
    out
}

/// Whether text begins with an `_xHHHH_` escape.
fn reads_as_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 7 && bytes[1] == b'x' && bytes[2..6].iter().all(u8::is_ascii_hexdigit) && bytes[6] == b'_'
}

/// Text as XML character data: markup escaped, and the control characters XML 1.0 cannot hold dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// The comparison of cities as a workbook of one sheet: counts as numbers, shares as percentages.
pub fn comparison_xlsx(comparison: &crate::portfolio::Comparison, lang: Lang) -> Result<Vec<u8>, String> {
    let (heads, rows) = comparison_table(comparison, lang);
    let mut sheet = Sheet::new(lang.t(Key::CitiesHeading));
    sheet.header_row = true;
    sheet.widths = heads.iter().enumerate().map(|(i, _)| if i == 0 { 28.0 } else { 14.0 }).collect();
    sheet.row(heads.into_iter().map(|head| (owned(head), Style::Bold)).collect());
    let last = rows.len().saturating_sub(1);
    for (i, row) in rows.into_iter().enumerate() {
        let bold = i == last;
        sheet.row(
            row.into_iter()
                .map(|figure| match figure {
                    Figure::Text(text) => (owned(text), if bold { Style::Bold } else { Style::QuotedText }),
                    Figure::Count(n) => (Value::Number(n as f64), if bold { Style::Bold } else { Style::Plain }),
                    Figure::Share(share) => (Value::Number(share.as_fraction()), Style::Percent),
                    Figure::Decimal(Some(v)) => (Value::Number(v), Style::Plain),
                    Figure::Decimal(None) => (owned(String::new()), Style::Plain),
                })
                .collect(),
        );
    }
    package(&[sheet]).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::{cell_ref, escape, excel_escaped};

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(131, 19), "T132");
        assert_eq!(cell_ref(0, 26), "AA1");
    }

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(escape("<b>\"A&B\"</b>\u{1}"), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
    }

    #[test]
    fn what_xml_would_change_is_written_as_excel_escapes() {
        assert_eq!(excel_escaped("\rA\u{1}_x0041_ _x_ \t\n\u{FFFE}"), "_x000D_A_x0001__x005F_x0041_ _x_ \t\n_xFFFE_");
    }
}
