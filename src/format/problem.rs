//! What can be wrong with a dataset file, as values: each error names its place (`programs[12].status`)
//! and a problem that the translations turn into words a city planner understands.

use std::fmt;

use super::{Dimension, SubDimension};

/// One broken rule, at one place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Where in the file, as `programs[12].status`; empty for the file as a whole.
    pub path: String,
    pub problem: Problem,
    /// Where in a spreadsheet, when the data came from one.
    pub cell: Option<Cell>,
}

/// A spreadsheet cell: the row as the spreadsheet numbers it (the header is row 1) and the column's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The sheet of a workbook; `None` for a CSV file.
    pub sheet: Option<String>,
    pub row: usize,
    /// The column's head as the file has it.
    pub column: String,
}

impl FormatError {
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        FormatError { path: path.into(), problem, cell: None }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    EmptyFile,
    NotJson {
        line: usize,
        column: usize,
    },
    NotOurFormat,
    NewerVersion {
        found: u64,
    },
    UnknownVersion {
        found: String,
    },
    Missing,
    /// A value outside a closed list, e.g. a status `"selesai"`.
    UnknownValue {
        found: String,
        allowed: String,
    },
    /// A value of the wrong kind, e.g. text where a number belongs. The kinds are known where serde's
    /// description names them; `detail` is that description, for the technical line.
    WrongType {
        expected: Option<ValueKind>,
        found: Option<ValueKind>,
        detail: String,
    },
    EmptyText,
    /// A text longer than the format allows (an id, a name, notes).
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A year outside the years a plan can be about.
    YearOutOfRange {
        year: i64,
    },
    /// A score or a weight below zero.
    Negative {
        found: serde_json::Number,
    },
    /// A round's scale whose top is not above zero.
    ScaleNotPositive {
        found: serde_json::Number,
    },
    /// A score above the top of its round's scale.
    AboveScale {
        found: serde_json::Number,
        max: serde_json::Number,
    },
    /// More programs than a dataset may hold.
    TooManyPrograms {
        count: usize,
        max: usize,
    },
    DuplicateId {
        id: String,
    },
    OutOfRange {
        value: i64,
        min: i64,
        max: Option<i64>,
    },
    SubdimensionOfOtherDimension {
        subdimension: SubDimension,
        dimension: Dimension,
    },
    YearsReversed {
        start: i32,
        end: i32,
    },
    NotADate {
        found: String,
    },
    /// A spreadsheet without a column that every program needs.
    MissingColumn {
        column: String,
    },
    /// Text that the CSV reader cannot split into rows and columns.
    NotCsv {
        line: u64,
    },
    /// Bytes that are no XLSX workbook this app can read.
    NotWorkbook {
        detail: String,
    },
    /// A program's location, or a region's parent, that is no region of the boundaries.
    UnknownRegion {
        code: String,
    },
    /// A geometry, polygon or collection without any shape.
    NoShape,
    /// A ring of fewer than four positions (three corners and the first again).
    RingTooShort {
        positions: usize,
    },
    /// A ring whose last position is not its first.
    RingNotClosed,
    /// A position outside longitude −180..180 and latitude −90..90 (a layer in metres, not WGS84).
    NotLonLat {
        found: String,
    },
    /// Boundaries with more positions than the format holds.
    TooManyPositions {
        count: usize,
        max: usize,
    },
    /// A file that is no GeoJSON FeatureCollection (or an entry of it that is no feature).
    NotFeatureCollection,
}

impl Problem {
    /// A range or limit the format gained after its first release (years, budgets up to 10^15, scores and
    /// weights not negative, lengths of texts, the number of programs): data an earlier release saved in
    /// the browser may break it, and the user's own data is never set aside or refused a step for it.
    /// The first release's own rules (progress 0 to 100, budgets not negative, program ids of 64 characters)
    /// are not among them: they always held.
    pub fn is_later_limit(&self) -> bool {
        match self {
            // A short name longer than its limit may stand in data an earlier release kept as an unknown field.
            Problem::TooLong { max, .. } => *max == super::TEXT_MAX_CHARS || *max == super::SHORT_NAME_MAX_CHARS,
            Problem::OutOfRange { max, .. } => *max == Some(super::BUDGET_MAX),
            // `scale_max` came after the first release: an earlier one kept it as an unknown field, unchecked.
            Problem::YearOutOfRange { .. }
            | Problem::Negative { .. }
            | Problem::TooManyPrograms { .. }
            | Problem::ScaleNotPositive { .. }
            | Problem::AboveScale { .. } => true,
            _ => false,
        }
    }

    /// Sorts serde's messages (stable since serde 1.0) into problems. Serde reports a missing field on the
    /// object that lacks it, so the path is completed by the caller's path where the name is recoverable.
    pub(crate) fn from_serde_message(message: &str) -> Problem {
        if let Some(rest) = message.strip_prefix("unknown variant `")
            && let Some((found, allowed)) = rest.split_once("`, expected ")
        {
            let allowed = allowed
                .trim_start_matches("one of ")
                .split(", ")
                .map(|v| v.trim_matches('`'))
                .collect::<Vec<_>>()
                .join(", ");
            return Problem::UnknownValue { found: found.to_owned(), allowed };
        }
        if message.starts_with("missing field `") {
            return Problem::Missing;
        }
        let (found, expected) = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))
            .and_then(|rest| rest.split_once(", expected "))
            .map(|(found, expected)| (ValueKind::of_found(found), ValueKind::of_expected(expected)))
            .unwrap_or((None, None));
        Problem::WrongType { expected, found, detail: message.to_owned() }
    }
}

/// The kinds of JSON value a planner can tell apart, for "must be a whole number, not text".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    List,
    Object,
    Null,
}

impl ValueKind {
    /// From serde's description of what it found: `string "x"`, `integer `5``, `map`, …
    fn of_found(found: &str) -> Option<ValueKind> {
        let word = found.split([' ', '`']).next().unwrap_or("");
        Some(match word {
            "string" | "character" => ValueKind::Text,
            "integer" => ValueKind::WholeNumber,
            "floating" => ValueKind::Number,
            "boolean" => ValueKind::TrueFalse,
            "sequence" => ValueKind::List,
            "map" => ValueKind::Object,
            "null" | "unit" => ValueKind::Null,
            _ => return None,
        })
    }

    /// From serde's description of what it expected: `i32`, `a string`, `struct Program`, …
    fn of_expected(expected: &str) -> Option<ValueKind> {
        Some(match expected {
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => ValueKind::WholeNumber,
            "f32" | "f64" | "a JSON number" => ValueKind::Number,
            "a string" | "a borrowed string" => ValueKind::Text,
            "a boolean" => ValueKind::TrueFalse,
            "a sequence" => ValueKind::List,
            "a map" => ValueKind::Object,
            e if e.starts_with("struct ") => ValueKind::Object,
            _ => return None,
        })
    }
}

/// The technical form, in English, for logs and the "details" line under the translated message.
impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = match (&self.cell, self.path.is_empty()) {
            (Some(cell), _) => match &cell.sheet {
                Some(sheet) => format!("sheet {sheet}, row {}, column {} ({})", cell.row, cell.column, self.path),
                None => format!("row {}, column {} ({})", cell.row, cell.column, self.path),
            },
            (None, true) => "file".to_owned(),
            (None, false) => self.path.clone(),
        };
        match &self.problem {
            Problem::EmptyFile => write!(f, "{place}: the file is empty"),
            Problem::NotJson { line, column } => {
                write!(f, "{place}: not JSON (line {line}, column {column})")
            }
            Problem::NotOurFormat => write!(f, "{place}: not a smart-city-masterplan file"),
            Problem::NewerVersion { found } => {
                write!(f, "{place}: version {found} is newer than this app reads")
            }
            Problem::UnknownVersion { found } => {
                write!(f, "{place}: {found} is not a format version")
            }
            Problem::Missing => write!(f, "{place}: required, missing"),
            Problem::UnknownValue { found, allowed } => {
                write!(f, "{place}: \"{found}\" is not one of {allowed}")
            }
            Problem::WrongType { detail, .. } => write!(f, "{place}: {detail}"),
            Problem::EmptyText => write!(f, "{place}: must not be empty"),
            Problem::TooLong { chars, max } => {
                write!(f, "{place}: {chars} characters, at most {max}")
            }
            Problem::DuplicateId { id } => write!(f, "{place}: id \"{id}\" is used twice"),
            Problem::YearOutOfRange { year } => {
                let years = super::YEARS;
                write!(f, "{place}: {year} is not between {} and {}", years.start(), years.end())
            }
            Problem::Negative { found } => write!(f, "{place}: {found} is below zero"),
            Problem::ScaleNotPositive { found } => write!(f, "{place}: a scale of {found} is not above zero"),
            Problem::AboveScale { found, max } => write!(f, "{place}: {found} is above the scale's top {max}"),
            Problem::TooManyPrograms { count, max } => write!(f, "{place}: {count} programs, at most {max}"),
            Problem::OutOfRange { value, min, max: Some(max) } => {
                write!(f, "{place}: {value} is not between {min} and {max}")
            }
            Problem::OutOfRange { value, min, max: None } => write!(f, "{place}: {value} is below {min}"),
            Problem::SubdimensionOfOtherDimension { subdimension, dimension } => {
                write!(f, "{place}: {} does not belong to dimension {}", subdimension.code(), dimension.code())
            }
            Problem::YearsReversed { start, end } => {
                write!(f, "{place}: {end} is before the start year {start}")
            }
            Problem::NotADate { found } => {
                write!(f, "{place}: \"{found}\" is not a date YYYY-MM-DD")
            }
            Problem::MissingColumn { column } => write!(f, "{place}: no column \"{column}\""),
            Problem::NotCsv { line } => write!(f, "{place}: not CSV (line {line})"),
            Problem::NotWorkbook { detail } => write!(f, "{place}: {detail}"),
            Problem::UnknownRegion { code } => write!(f, "{place}: \"{code}\" is not a region of the boundaries"),
            Problem::NoShape => write!(f, "{place}: no shape"),
            Problem::RingTooShort { positions } => {
                write!(f, "{place}: a ring of {positions} positions, at least 4 (closed)")
            }
            Problem::RingNotClosed => write!(f, "{place}: the ring does not end where it starts"),
            Problem::NotLonLat { found } => write!(f, "{place}: {found} is not longitude and latitude (WGS84)"),
            Problem::TooManyPositions { count, max } => write!(f, "{place}: {count} positions, at most {max}"),
            Problem::NotFeatureCollection => write!(f, "{place}: not a GeoJSON FeatureCollection"),
        }
    }
}

/// Something in an accepted file that deserves the user's eye.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    UnknownAgency {
        agency: String,
    },
    StatusOfUnknownProgram {
        program: String,
    },
    /// A round's weights that do not add up to 100 (its index cannot be computed). Not refused: weights are
    /// edited one at a time, passing through other sums, and files of earlier versions hold such rounds.
    WeightsSum {
        /// Rounded to hundredths.
        sum: serde_json::Number,
    },
}
