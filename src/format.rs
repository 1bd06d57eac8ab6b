//! The dataset file format, version 1: its types, parsing with the place of every error, the rules of
//! validation, and the unknown fields that a newer app wrote, kept so that they survive a round trip.
//!
//! The contract is `shared/dataset-format.md`. Reading goes text → JSON value → envelope checks
//! (`format`, `version`) → typed dataset (serde, with the path of a type error) → rules no type states
//! (uniqueness, ranges, sub-dimension of its dimension, year order). Nothing here knows of the browser.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use crate::geo::{RegionIndex, Regions};

mod problem;
mod vocabulary;

pub use problem::{Cell, FormatError, Problem, ValueKind, Warning, WarningKind};
pub use vocabulary::{Dimension, Horizon, Status, SubDimension, from_code, from_yes_no_code, yes_no_code};

/// The value of the `format` field that marks a file as ours.
pub const FORMAT_TAG: &str = "smart-city-masterplan";
/// The format version this app writes, and the newest it reads.
pub const FORMAT_VERSION: u64 = 1;
/// The longest program id the format allows, in characters.
pub const PROGRAM_ID_MAX_CHARS: usize = 64;
/// The longest short name of an agency (its acronym, e.g. "Diskominfo"), in characters: what fits a chart's
/// label and a slide's title.
pub const SHORT_NAME_MAX_CHARS: usize = 20;
/// The longest text of any known field (a name, notes, a reason), in characters: far more than any real
/// entry, little enough that a crafted file cannot make the page crawl.
pub const TEXT_MAX_CHARS: usize = 10_000;
/// The most programs a dataset holds: five times a province's plans together.
pub const PROGRAMS_MAX: usize = 100_000;
/// The years a plan can be about.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// The largest budget, in whole rupiah: exact in a JavaScript number (below 2^53), far above any city's.
pub const BUDGET_MAX: i64 = 1_000_000_000_000_000;
/// How many rule violations one refusal lists at most: enough to fix a file in one go, few enough to read.
const MAX_ERRORS: usize = 25;

/// Fields a file holds that this version does not know; written back unchanged.
pub type Extra = Map<String, Value>;

/// A whole master plan: the city's plan, its agencies, programs and recorded evaluation rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub plan: Plan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<Agency>,
    pub programs: Vec<Program>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<Evaluation>,
    /// The city's kecamatan and kelurahan, for the map; programs name them in `locations`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Regions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A regional agency (OPD) that owns programs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    pub id: String,
    pub name: String,
    /// The name people say in meetings (Disdukcapil, Diskominfo), used where space is short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One work program of the master plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub dimension: Dimension,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdimension: Option<SubDimension>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quick_win: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_planned: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_realized: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpjmd: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renstra: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postponed_to: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apps: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// The codes of the kecamatan and kelurahan the program serves; none means city-wide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A recorded evaluation round: the status of every program on that day, and the assessors' scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub id: String,
    pub label: String,
    pub date: String,
    pub statuses: BTreeMap<String, Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<Aspects>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Aspects>,
    /// The top of the scale the assessors scored on (4, 5, 100): the index chart's axis runs to it, and no
    /// score is above it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_max: Option<serde_json::Number>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A number per assessed aspect. Numbers are kept as written (`10` stays `10`, not `10.0`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aspects {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quick_win: Option<Number>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Aspects {
    /// The five aspects' numbers that are given, with the aspect's field name.
    pub fn named(&self) -> impl Iterator<Item = (&'static str, &Number)> {
        [
            ("baseline", &self.baseline),
            ("output", &self.output),
            ("outcome", &self.outcome),
            ("impact", &self.impact),
            ("quick_win", &self.quick_win),
        ]
        .into_iter()
        .filter_map(|(name, n)| Some((name, n.as_ref()?)))
    }
}

/// The place of an aspect's score or weight within a round (`scores.impact`).
fn aspect_path(scores: bool, aspect: &str) -> &'static str {
    match (scores, aspect) {
        (true, "baseline") => "scores.baseline",
        (true, "output") => "scores.output",
        (true, "outcome") => "scores.outcome",
        (true, "impact") => "scores.impact",
        (true, _) => "scores.quick_win",
        (false, "baseline") => "weights.baseline",
        (false, "output") => "weights.output",
        (false, "outcome") => "weights.outcome",
        (false, "impact") => "weights.impact",
        (false, _) => "weights.quick_win",
    }
}

/// A file that passed every rule, with what is worth a look but not a refusal.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub dataset: Dataset,
    pub warnings: Vec<Warning>,
}

/// The browser's own data as read: values beyond the later ranges and limits kept, and listed.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub dataset: Dataset,
    /// Values beyond the ranges and limits added after an earlier release saved them (at most 25 listed).
    pub beyond_limits: Vec<FormatError>,
}

/// Why a file was refused: at least one error, each naming its place.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", .errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct Refusal {
    pub errors: Vec<FormatError>,
}

impl Refusal {
    pub(crate) fn one(path: impl Into<String>, problem: Problem) -> Self {
        Refusal { errors: vec![FormatError::new(path, problem)] }
    }
}

/// A record of the format from its fields as the file writes them; `None` when they do not make one.
/// Read as the browser's own data is read (`Dataset::parse_saved`), so that the first load holds one copy of
/// each record's reading code.
pub fn from_fields<T: serde::de::DeserializeOwned>(fields: Map<String, Value>) -> Option<T> {
    T::deserialize(Value::Object(fields)).ok()
}

/// A record's fields as the file writes them (unknown fields included).
pub fn to_fields<T: Serialize>(record: &T) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// A city's name as the start of a file name: the characters file systems refuse become `-`.
pub fn file_stem(city: &str) -> String {
    let stem: String =
        city.trim().chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '-' } else { c }).collect();
    if stem.is_empty() { "dataset".to_owned() } else { stem }
}

impl Dataset {
    /// Reads a dataset file's text and checks every rule of the format.
    pub fn parse(text: &str) -> Result<Checked, Refusal> {
        Self::from_value(json_value(text)?)
    }

    /// Checks a JSON value against every rule of the format.
    pub fn from_value(value: Value) -> Result<Checked, Refusal> {
        let dataset = Self::typed(value)?;
        let errors = dataset.violations();
        if errors.is_empty() {
            let warnings = dataset.warnings();
            Ok(Checked { dataset, warnings })
        } else {
            Err(Refusal { errors })
        }
    }

    /// Reads the browser's own copy of the data, or a backup, by every rule but the ranges and limits added
    /// after the format's first release: an earlier release may have saved values beyond them, and the
    /// user's data is never set aside for that. Those values are kept, and listed to be mended.
    pub fn parse_saved(text: &str) -> Result<Saved, Refusal> {
        Self::from_saved_value(json_value(text)?)
    }

    /// `parse_saved` of a JSON value.
    pub fn from_saved_value(value: Value) -> Result<Saved, Refusal> {
        let dataset = Self::typed_saved(value)?;
        // One pass over the data (this runs as the page opens): what breaks a later limit is kept and listed,
        // anything else refuses the data.
        let (mut beyond_limits, mut errors): (Vec<_>, Vec<_>) =
            dataset.every_violation(LaterLimits::Refused).into_iter().partition(|e| e.problem.is_later_limit());
        if errors.is_empty() {
            beyond_limits.truncate(MAX_ERRORS);
            Ok(Saved { dataset, beyond_limits })
        } else {
            errors.truncate(MAX_ERRORS);
            Err(Refusal { errors })
        }
    }

    /// The value as the format's types, refused at the first field that does not fit, with its place.
    fn typed(value: Value) -> Result<Dataset, Refusal> {
        let object = Self::fields_of_this_version(value)?;
        serde_path_to_error::deserialize(Value::Object(object)).map_err(|e| {
            let message = e.inner().to_string();
            let mut path = e.path().to_string();
            if path == "." {
                path.clear();
            }
            // serde names a missing field on the object that lacks it; the place is the field itself.
            if let Some(field) = missing_field_name(&message) {
                path = if path.is_empty() { field.to_owned() } else { format!("{path}.{field}") };
            }
            Refusal::one(path, Problem::from_serde_message(&message))
        })
    }

    /// `typed` for the browser's own data (read as the page opens, and backups): without following each
    /// field's place as it reads, which would put a second copy of every record's reading code in the first
    /// load (about 20 KiB gzip). What the app wrote itself rarely fails; when it does, the data is set aside
    /// with serde's message, and opened as an import (the set-aside data can be downloaded) each problem is
    /// named with its place.
    fn typed_saved(value: Value) -> Result<Dataset, Refusal> {
        let object = Self::fields_of_this_version(value)?;
        Dataset::deserialize(Value::Object(object)).map_err(|e| {
            let message = e.to_string();
            Refusal::one(missing_field_name(&message).unwrap_or_default(), Problem::from_serde_message(&message))
        })
    }

    /// The object's fields but `format` and `version`, once those say it is this format at a version this
    /// release reads.
    fn fields_of_this_version(value: Value) -> Result<Map<String, Value>, Refusal> {
        let Value::Object(mut object) = value else {
            return Err(Refusal::one("", Problem::NotOurFormat));
        };
        match object.remove("format") {
            Some(Value::String(tag)) if tag == FORMAT_TAG => {}
            _ => return Err(Refusal::one("format", Problem::NotOurFormat)),
        }
        match object.remove("version") {
            None => return Err(Refusal::one("version", Problem::Missing)),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(FORMAT_VERSION) => {}
                Some(v) if v > FORMAT_VERSION => {
                    return Err(Refusal::one("version", Problem::NewerVersion { found: v }));
                }
                _ => {
                    return Err(Refusal::one("version", Problem::UnknownVersion { found: n.to_string() }));
                }
            },
            Some(other) => {
                return Err(Refusal::one("version", Problem::UnknownVersion { found: other.to_string() }));
            }
        }
        Ok(object)
    }

    /// The file's JSON text: pretty-printed, `format` and `version` first, unknown fields kept.
    pub fn to_file_json(&self) -> String {
        serde_json::to_string_pretty(&self.as_file()).expect("a dataset always serialises: its maps have string keys")
    }

    /// The file's JSON text without indentation, for what no person reads (the browser's own copy).
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(&self.as_file()).expect("a dataset always serialises: its maps have string keys")
    }

    /// The file's JSON as a value, for writers that change it further (the share link, the CSV import base).
    pub fn to_file_value(&self) -> serde_json::Value {
        serde_json::to_value(self.as_file()).expect("a dataset always serialises: its maps have string keys")
    }

    fn as_file(&self) -> impl Serialize + '_ {
        #[derive(Serialize)]
        struct File<'a> {
            format: &'static str,
            version: u64,
            #[serde(flatten)]
            dataset: &'a Dataset,
        }
        File { format: FORMAT_TAG, version: FORMAT_VERSION, dataset: self }
    }

    /// The same dataset stamped with the moment it is written out.
    pub fn exported(&self, exported_at: String) -> Dataset {
        Dataset { exported_at: Some(exported_at), ..self.clone() }
    }

    /// `<city>.masterplan.json`, with the characters that file systems refuse replaced.
    pub fn file_name(&self) -> String {
        self.file_name_with(".masterplan.json")
    }

    /// The city's name made safe for a file name, then `ending`: `Kota Tanjungpinang.xlsx`.
    pub fn file_name_with(&self, ending: &str) -> String {
        format!("{}{ending}", file_stem(&self.plan.city))
    }

    /// A plan with nothing in it yet: no agencies, programs, rounds or regions.
    pub fn empty(plan: Plan) -> Dataset {
        Dataset {
            plan,
            agencies: Vec::new(),
            programs: Vec::new(),
            evaluations: Vec::new(),
            regions: None,
            exported_at: None,
            extra: Default::default(),
        }
    }

    pub fn agency(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    /// Every rule of the format that the typed data still can break, each with its place.
    pub fn violations(&self) -> Vec<FormatError> {
        self.violations_with(LaterLimits::Refused)
    }

    /// The rules the data breaks, with the ranges and limits added after the format's first release let
    /// pass as `later` says.
    pub fn violations_with(&self, later: LaterLimits) -> Vec<FormatError> {
        let mut errors = self.every_violation(later);
        errors.truncate(MAX_ERRORS);
        errors
    }

    /// `violations_with`, every one of them.
    fn every_violation(&self, later: LaterLimits) -> Vec<FormatError> {
        let mut errors = Vec::new();
        let passes = |problem: &Problem, before: &dyn Fn() -> bool| {
            problem.is_later_limit()
                && match later {
                    LaterLimits::Refused => false,
                    LaterLimits::Kept => true,
                    LaterLimits::KeptFrom(_) => before(),
                }
        };
        let earlier = match later {
            LaterLimits::KeptFrom(before) => Some(before),
            _ => None,
        };
        if self.programs.len() > PROGRAMS_MAX {
            let problem = Problem::TooManyPrograms { count: self.programs.len(), max: PROGRAMS_MAX };
            if !passes(&problem, &|| earlier.is_some_and(|b| b.programs.len() > PROGRAMS_MAX)) {
                errors.push(FormatError::new("programs", problem));
            }
        }
        let plan_before = std::cell::OnceCell::new();
        for (field, problem) in self.plan.problems() {
            let had = || {
                plan_before
                    .get_or_init(|| earlier.map(|b| b.plan.problems()).unwrap_or_default())
                    .iter()
                    .any(|(f, p)| *f == field && *p == problem)
            };
            if !passes(&problem, &had) {
                errors.push(FormatError::new(format!("plan.{field}"), problem));
            }
        }
        let (agencies, programs, evaluations) = match earlier {
            Some(b) => (&b.agencies[..], &b.programs[..], &b.evaluations[..]),
            None => (&[][..], &[][..], &[][..]),
        };
        list_violations("agencies", &self.agencies, agencies, |a| &a.id, Agency::problems, &passes, &mut errors);
        list_violations("programs", &self.programs, programs, |p| &p.id, Program::problems, &passes, &mut errors);
        if let Some(regions) = &self.regions {
            for (path, problem) in regions.problems() {
                errors.push(FormatError::new(format!("regions.{path}"), problem));
            }
            let index = RegionIndex::of(regions);
            for (i, program) in self.programs.iter().enumerate() {
                for (j, code) in program.locations.iter().enumerate() {
                    if !code.trim().is_empty() && index.find(code).is_none() {
                        let problem = Problem::UnknownRegion { code: code.clone() };
                        errors.push(FormatError::new(format!("programs[{i}].locations[{j}]"), problem));
                    }
                }
            }
        }
        list_violations(
            "evaluations",
            &self.evaluations,
            evaluations,
            |e| &e.id,
            Evaluation::problems,
            &passes,
            &mut errors,
        );
        errors
    }

    /// References that point nowhere: worth telling, not worth refusing a colleague's file for.
    fn warnings(&self) -> Vec<Warning> {
        let agencies: HashSet<&str> = self.agencies.iter().map(|a| a.id.as_str()).collect();
        let programs: HashSet<&str> = self.programs.iter().map(|p| p.id.as_str()).collect();
        let mut warnings = Vec::new();
        for (i, program) in self.programs.iter().enumerate() {
            if let Some(agency) = program.agency.as_deref().filter(|a| !agencies.contains(a)) {
                warnings.push(Warning {
                    path: format!("programs[{i}].agency"),
                    kind: WarningKind::UnknownAgency { agency: agency.to_owned() },
                });
            }
        }
        for (i, evaluation) in self.evaluations.iter().enumerate() {
            if let Some(weights) = &evaluation.weights {
                let sum: f64 = weights.named().filter_map(|(_, n)| n.as_f64()).sum();
                if weights.named().count() > 0 && (sum - 100.0).abs() > 1e-9 {
                    warnings.push(Warning {
                        path: format!("evaluations[{i}].weights"),
                        kind: WarningKind::WeightsSum {
                            sum: serde_json::Number::from_f64((sum * 100.0).round() / 100.0)
                                .unwrap_or_else(|| serde_json::Number::from_f64(f64::MAX).expect("finite")),
                        },
                    });
                }
            }
            for program in evaluation.statuses.keys().filter(|p| !programs.contains(p.as_str())) {
                warnings.push(Warning {
                    path: format!("evaluations[{i}].statuses.{program}"),
                    kind: WarningKind::StatusOfUnknownProgram { program: program.clone() },
                });
            }
        }
        warnings
    }
}

/// A file's text as JSON, refused at its line and column when it is none.
pub(crate) fn json_value(text: &str) -> Result<Value, Refusal> {
    if text.trim().is_empty() {
        return Err(Refusal::one("", Problem::EmptyFile));
    }
    serde_json::from_str(text).map_err(|e| Refusal::one("", Problem::NotJson { line: e.line(), column: e.column() }))
}

fn missing_field_name(serde_message: &str) -> Option<&str> {
    serde_message.strip_prefix("missing field `")?.split('`').next()
}

/// `YYYY-MM-DD` naming a day that exists.
pub fn is_calendar_date(text: &str) -> bool {
    split_iso(text).is_some_and(|(year, month, day)| is_calendar_day(year, month, day))
}

/// `2026-11-28` as numbers; `None` unless written exactly so (a six-digit year is not).
pub fn split_iso(text: &str) -> Option<(i32, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| {
        let part = &text[range];
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse::<u32>().ok()).flatten()
    };
    Some((i32::try_from(digits(0..4)?).ok()?, digits(5..7)?, digits(8..10)?))
}

/// Whether the calendar has the day: month 1 to 12, and the day within its month (29 February in leap years).
pub fn is_calendar_day(year: i32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// The rules of one list: each record's own, then ids used twice (an id with a problem of its own is not
/// counted again).
fn list_violations<T>(
    list: &str,
    records: &[T],
    before: &[T],
    id: impl Fn(&T) -> &String,
    problems: impl Fn(&T) -> Vec<(&'static str, Problem)>,
    passes: &dyn Fn(&Problem, &dyn Fn() -> bool) -> bool,
    errors: &mut Vec<FormatError>,
) {
    // The records before, by id: made only when a later limit is broken and the data before may forgive it.
    let earlier: std::cell::OnceCell<HashMap<&str, &T>> = std::cell::OnceCell::new();
    let mut ids = HashSet::new();
    for (i, record) in records.iter().enumerate() {
        let found = problems(record);
        let id_has_problem = found.iter().any(|(field, _)| *field == "id");
        if !id_has_problem && !ids.insert(id(record).as_str()) {
            errors.push(FormatError::new(format!("{list}[{i}].id"), Problem::DuplicateId { id: id(record).clone() }));
        }
        for (field, problem) in found {
            let had = || {
                let earlier = earlier.get_or_init(|| before.iter().map(|r| (id(r).as_str(), r)).collect());
                earlier
                    .get(id(record).as_str())
                    .is_some_and(|r| problems(r).iter().any(|(f, p)| *f == field && *p == problem))
            };
            if !passes(&problem, &had) {
                errors.push(FormatError::new(format!("{list}[{i}].{field}"), problem));
            }
        }
    }
}

/// Which breaks of the ranges and limits added after the format's first release a check lets pass.
#[derive(Clone, Copy, Debug)]
pub enum LaterLimits<'a> {
    /// None: what comes from outside (a file, a spreadsheet, a link) keeps every rule.
    Refused,
    /// All: the browser's own data, which an earlier release may have saved, and steps already taken.
    Kept,
    /// Those the same record (by id) already had in the data before a change: an edit makes nothing worse,
    /// and needs no unrelated old value mended first.
    KeptFrom(&'a Dataset),
}

impl Plan {
    /// The rules the plan keeps by itself, by field.
    pub fn problems(&self) -> Vec<(&'static str, Problem)> {
        let mut found = Vec::new();
        if self.city.trim().is_empty() {
            found.push(("city", Problem::EmptyText));
        }
        texts(
            &mut found,
            [
                ("city", Some(&self.city)),
                ("province", self.province.as_ref()),
                ("title", self.title.as_ref()),
                ("legal_basis", self.legal_basis.as_ref()),
            ],
        );
        years(&mut found, [("start_year", self.start_year), ("end_year", self.end_year)]);
        if let (Some(start), Some(end)) = (self.start_year, self.end_year)
            && start > end
        {
            found.push(("end_year", Problem::YearsReversed { start, end }));
        }
        found
    }
}

impl Agency {
    /// The rules an agency keeps by itself (unique ids are a rule of the list), by field.
    pub fn problems(&self) -> Vec<(&'static str, Problem)> {
        let mut found = Vec::new();
        if self.id.trim().is_empty() {
            found.push(("id", Problem::EmptyText));
        }
        if self.name.trim().is_empty() {
            found.push(("name", Problem::EmptyText));
        }
        texts(&mut found, [("id", Some(&self.id)), ("name", Some(&self.name))]);
        if let Some(short) = &self.short_name {
            let chars = short.chars().count();
            if short.trim().is_empty() {
                found.push(("short_name", Problem::EmptyText));
            } else if chars > SHORT_NAME_MAX_CHARS {
                found.push(("short_name", Problem::TooLong { chars, max: SHORT_NAME_MAX_CHARS }));
            }
        }
        found
    }

    /// The name where space is short (a chart's bar, a slide's title): the short name when there is one.
    pub fn brief_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// The name where there is room for both (tables, lists): "Dinas Komunikasi dan Informatika (Diskominfo)".
    pub fn full_name(&self) -> String {
        match &self.short_name {
            Some(short) => format!("{} ({short})", self.name),
            None => self.name.clone(),
        }
    }
}

/// Texts longer than `TEXT_MAX_CHARS`, by field.
fn texts<'a>(
    found: &mut Vec<(&'static str, Problem)>,
    fields: impl IntoIterator<Item = (&'static str, Option<&'a String>)>,
) {
    for (field, text) in fields {
        let chars = text.map_or(0, |t| t.chars().count());
        if chars > TEXT_MAX_CHARS {
            found.push((field, Problem::TooLong { chars, max: TEXT_MAX_CHARS }));
        }
    }
}

/// Years outside `YEARS`, by field.
fn years(found: &mut Vec<(&'static str, Problem)>, fields: impl IntoIterator<Item = (&'static str, Option<i32>)>) {
    for (field, year) in fields {
        if let Some(year) = year.filter(|y| !YEARS.contains(y)) {
            found.push((field, Problem::YearOutOfRange { year: i64::from(year) }));
        }
    }
}

impl Program {
    /// The rules a program keeps by itself (unique ids are a rule of the list), by field.
    pub fn problems(&self) -> Vec<(&'static str, Problem)> {
        let mut found = Vec::new();
        let id_chars = self.id.chars().count();
        if self.id.trim().is_empty() {
            found.push(("id", Problem::EmptyText));
        } else if id_chars > PROGRAM_ID_MAX_CHARS {
            found.push(("id", Problem::TooLong { chars: id_chars, max: PROGRAM_ID_MAX_CHARS }));
        }
        if self.name.trim().is_empty() {
            found.push(("name", Problem::EmptyText));
        }
        texts(
            &mut found,
            [
                ("name", Some(&self.name)),
                ("agency", self.agency.as_ref()),
                ("delay_reason", self.delay_reason.as_ref()),
                ("notes", self.notes.as_ref()),
            ],
        );
        for (field, list) in [("apps", &self.apps), ("evidence", &self.evidence), ("locations", &self.locations)] {
            texts(&mut found, list.iter().map(|item| (field, Some(item))));
        }
        if self.locations.iter().any(|code| code.trim().is_empty()) {
            found.push(("locations", Problem::EmptyText));
        }
        years(
            &mut found,
            [("start_year", self.start_year), ("target_year", self.target_year), ("postponed_to", self.postponed_to)],
        );
        if let Some(sub) = self.subdimension
            && sub.dimension() != self.dimension
        {
            found.push((
                "subdimension",
                Problem::SubdimensionOfOtherDimension { subdimension: sub, dimension: self.dimension },
            ));
        }
        if let (Some(start), Some(end)) = (self.start_year, self.target_year)
            && start > end
        {
            found.push(("target_year", Problem::YearsReversed { start, end }));
        }
        if let Some(progress) = self.progress
            && !(0..=100).contains(&progress)
        {
            found.push(("progress", Problem::OutOfRange { value: progress, min: 0, max: Some(100) }));
        }
        for (field, budget) in [("budget_planned", self.budget_planned), ("budget_realized", self.budget_realized)] {
            if let Some(value) = budget.filter(|b| *b < 0) {
                found.push((field, Problem::OutOfRange { value, min: 0, max: None }));
            } else if let Some(value) = budget.filter(|b| *b > BUDGET_MAX) {
                found.push((field, Problem::OutOfRange { value, min: 0, max: Some(BUDGET_MAX) }));
            }
        }
        found
    }
}

impl Evaluation {
    /// The rules a round keeps by itself (unique ids are a rule of the list), by field.
    pub fn problems(&self) -> Vec<(&'static str, Problem)> {
        let mut found = Vec::new();
        if self.id.trim().is_empty() {
            found.push(("id", Problem::EmptyText));
        }
        if self.label.trim().is_empty() {
            found.push(("label", Problem::EmptyText));
        }
        texts(&mut found, [("id", Some(&self.id)), ("label", Some(&self.label))]);
        if !is_calendar_date(&self.date) {
            found.push(("date", Problem::NotADate { found: self.date.clone() }));
        }
        for (scores, aspects) in [(true, &self.scores), (false, &self.weights)] {
            for (aspect, n) in aspects.iter().flat_map(Aspects::named) {
                if n.as_f64().is_some_and(|v| v < 0.0) {
                    found.push((aspect_path(scores, aspect), Problem::Negative { found: n.clone() }));
                }
            }
        }
        if let Some(max) = &self.scale_max {
            if max.as_f64().is_none_or(|m| m <= 0.0) {
                found.push(("scale_max", Problem::ScaleNotPositive { found: max.clone() }));
            } else {
                for (aspect, n) in self.scores.iter().flat_map(Aspects::named) {
                    if n.as_f64() > max.as_f64() {
                        found.push((
                            aspect_path(true, aspect),
                            Problem::AboveScale { found: n.clone(), max: max.clone() },
                        ));
                    }
                }
            }
        }
        found
    }
}
