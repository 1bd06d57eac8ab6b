//! The interface languages (Bahasa Indonesia first, English second): every text the user sees, and
//! numbers, percentages and dates written the way each language writes them.

use crate::format::{Dimension, FormatError, Horizon, Problem, Status, SubDimension, ValueKind, Warning, WarningKind};
use crate::metrics::Share;

mod fields;
mod messages;
mod summary;

pub use fields::DateProblem;
pub use messages::Key;
pub use summary::Told;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, as in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language's own name, for the switch: each language is offered in its own words.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// The text of a message.
    pub fn t(self, key: Key) -> &'static str {
        key.text(self)
    }

    /// The text of a message with its `{name}` placeholders filled.
    pub fn tf(self, key: Key, args: &[(&str, &str)]) -> String {
        fill(key.text(self), args)
    }

    fn decimal_separator(self) -> char {
        match self {
            Lang::Id => ',',
            Lang::En => '.',
        }
    }

    fn group_separator(self) -> char {
        match self {
            Lang::Id => '.',
            Lang::En => ',',
        }
    }

    /// A count with the thousands grouped: `20.000` in Indonesian, `20,000` in English.
    pub fn count(self, n: usize) -> String {
        self.integer(n as i64)
    }

    pub fn integer(self, n: i64) -> String {
        self.grouped(i128::from(n))
    }

    /// An amount of rupiah in full, grouped: `Rp 1.500.000.000`, `Rp 1,500,000,000`.
    pub fn amount(self, rupiah: i128) -> String {
        format!("Rp {}", self.grouped(rupiah))
    }

    /// An amount of rupiah written short, as budgets are said aloud: `1,5 M` (miliar) and `250 jt` in
    /// Indonesian, `1.5 bn` and `250 M` in English; at most two decimals.
    pub fn amount_short(self, rupiah: f64) -> String {
        let units: [(f64, &str); 4] = match self {
            Lang::Id => [(1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb")],
            Lang::En => [(1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")],
        };
        match units.into_iter().find(|(size, _)| rupiah.abs() >= *size) {
            Some((size, unit)) => format!("{} {unit}", self.plain_number((rupiah / size * 100.0).round() / 100.0)),
            None => self.plain_number(rupiah.round()),
        }
    }

    fn grouped(self, n: i128) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.group_separator());
            }
            out.push(digit);
        }
        out
    }

    /// A share with two decimals: `60,31 %` in Indonesian (a space before the sign, as Indonesian
    /// typography has it), `60.31%` in English.
    pub fn share(self, share: Share) -> String {
        let (whole, hundredths) = share.parts();
        let number = format!("{}{}{hundredths:02}", self.integer(i64::from(whole)), self.decimal_separator());
        match self {
            Lang::Id => format!("{number} %"),
            Lang::En => format!("{number}%"),
        }
    }

    /// A number with two decimals, `64,25` in Indonesian and `64.25` in English.
    pub fn decimal(self, value: f64) -> String {
        let hundredths = (value * 100.0).round() as i64;
        let sign = if hundredths < 0 { "-" } else { "" };
        let abs = hundredths.abs();
        format!("{sign}{}{}{:02}", self.integer(abs / 100), self.decimal_separator(), abs % 100)
    }

    /// A number of programs with the noun as the language wants it: `1 program`, `131 program` (Indonesian
    /// does not inflect), `1 program`, `131 programs`.
    pub fn programs(self, n: usize) -> String {
        match self {
            Lang::En if n != 1 => format!("{} programs", self.count(n)),
            _ => format!("{} program", self.count(n)),
        }
    }

    /// A number as typed into a field, with the language's decimal sign and no grouping: `72,5`, `72.5`.
    pub fn plain_number(self, value: f64) -> String {
        value.to_string().replace('.', &self.decimal_separator().to_string())
    }

    /// A change with its sign always written: `+6,00`, `-1,50`.
    pub fn signed_decimal(self, value: f64) -> String {
        let text = self.decimal(value);
        if text.starts_with('-') { text } else { format!("+{text}") }
    }

    /// A whole-number change with its sign always written: `+3`, `-1`, `0`.
    pub fn signed_count(self, change: i64) -> String {
        match change {
            1.. => format!("+{}", self.integer(change)),
            _ => self.integer(change),
        }
    }

    /// A whole percentage, for axis ticks: `20 %` in Indonesian, `20%` in English.
    pub fn percent(self, whole: u32) -> String {
        match self {
            Lang::Id => format!("{} %", self.integer(i64::from(whole))),
            Lang::En => format!("{}%", self.integer(i64::from(whole))),
        }
    }

    /// A size in bytes, in the unit that reads best: `12,3 MB` in Indonesian, `12.3 MB` in English.
    pub fn size(self, bytes: u64) -> String {
        const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
        let mut value = bytes as f64;
        let mut unit = 0;
        while value >= 1000.0 && unit < UNITS.len() - 1 {
            value /= 1000.0;
            unit += 1;
        }
        if unit == 0 {
            return format!("{} {}", self.count(bytes as usize), UNITS[0]);
        }
        let tenths = (value * 10.0).round() as i64;
        format!("{}{}{} {}", self.integer(tenths / 10), self.decimal_separator(), tenths % 10, UNITS[unit])
    }

    /// A moment in words, `27 November 2020 14.05` in Indonesian (dots in the time), `27 November 2020 14:05`.
    pub fn date_time(self, year: i32, month: u32, day: u32, hour: u32, minute: u32) -> String {
        let date = self.date(&format!("{year:04}-{month:02}-{day:02}"));
        format!("{date} {}", self.time(hour, minute))
    }

    /// A time of day, `14.05` in Indonesian, `14:05` in English.
    pub fn time(self, hour: u32, minute: u32) -> String {
        let separator = self.time_separator();
        format!("{hour:02}{separator}{minute:02}")
    }

    /// A stretch of time as a clock counts it, `01.02.03` in Indonesian, `01:02:03` in English.
    pub fn duration(self, seconds: u64) -> String {
        let separator = self.time_separator();
        format!("{:02}{separator}{:02}{separator}{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    fn time_separator(self) -> char {
        match self {
            Lang::Id => '.',
            Lang::En => ':',
        }
    }

    /// A `YYYY-MM-DD` date in words, `27 November 2020`; any other text is returned as it is.
    pub fn date(self, iso: &str) -> String {
        let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
        let [year, month, day] = parts[..] else {
            return iso.to_owned();
        };
        let (Ok(month), Ok(day)) = (month.parse::<usize>(), day.parse::<u32>()) else {
            return iso.to_owned();
        };
        let Some(month_name) = month.checked_sub(1).and_then(|m| self.months().get(m).copied()) else {
            return iso.to_owned();
        };
        format!("{day} {month_name} {year}")
    }

    fn months(self) -> [&'static str; 12] {
        match self {
            Lang::Id => [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ],
            Lang::En => [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        self.t(match status {
            Status::Done => Key::StatusDone,
            Status::Running => Key::StatusRunning,
            Status::Discussion => Key::StatusDiscussion,
            Status::NotStarted => Key::StatusNotStarted,
        })
    }

    pub fn dimension(self, dimension: Dimension) -> &'static str {
        self.t(match dimension {
            Dimension::Governance => Key::DimGovernance,
            Dimension::Branding => Key::DimBranding,
            Dimension::Economy => Key::DimEconomy,
            Dimension::Living => Key::DimLiving,
            Dimension::Society => Key::DimSociety,
            Dimension::Environment => Key::DimEnvironment,
        })
    }

    pub fn subdimension(self, sub: SubDimension) -> &'static str {
        use SubDimension as S;
        self.t(match sub {
            S::PublicService => Key::SubPublicService,
            S::PublicPolicy => Key::SubPublicPolicy,
            S::Bureaucracy => Key::SubBureaucracy,
            S::Tourism => Key::SubTourism,
            S::Business => Key::SubBusiness,
            S::CityAppearance => Key::SubCityAppearance,
            S::Industry => Key::SubIndustry,
            S::Welfare => Key::SubWelfare,
            S::Transaction => Key::SubTransaction,
            S::Harmony => Key::SubHarmony,
            S::Health => Key::SubHealth,
            S::Mobility => Key::SubMobility,
            S::Community => Key::SubCommunity,
            S::Learning => Key::SubLearning,
            S::Security => Key::SubSecurity,
            S::Protection => Key::SubProtection,
            S::Waste => Key::SubWaste,
            S::Energy => Key::SubEnergy,
        })
    }

    /// What is wrong with a refused file, in words a city planner understands.
    pub fn problem(self, error: &FormatError) -> String {
        let place = match (&error.cell, error.path.is_empty()) {
            (Some(cell), _) => {
                let at = self.tf(
                    Key::PlaceCell,
                    &[("row", &self.count(cell.row)), ("column", &cell.column), ("path", &error.path)],
                );
                match &cell.sheet {
                    Some(sheet) => format!("{} {at}", self.tf(Key::PlaceSheet, &[("sheet", sheet)])),
                    None => at,
                }
            }
            (None, true) => self.t(Key::PlaceWholeFile).to_owned(),
            (None, false) => self.place(&error.path),
        };
        format!("{place}: {}", self.problem_text(&error.problem))
    }

    /// What is wrong, without the place: for a message beside the field it concerns.
    pub fn problem_text(self, problem: &Problem) -> String {
        match problem {
            Problem::EmptyFile => self.t(Key::ProblemEmptyFile).to_owned(),
            Problem::NotJson { line, column } => {
                self.tf(Key::ProblemNotJson, &[("line", &self.count(*line)), ("column", &self.count(*column))])
            }
            Problem::NotOurFormat => self.t(Key::ProblemNotOurFormat).to_owned(),
            Problem::NewerVersion { found } => self.tf(Key::ProblemNewerVersion, &[("found", &found.to_string())]),
            Problem::UnknownVersion { found } => self.tf(Key::ProblemUnknownVersion, &[("found", found)]),
            Problem::Missing => self.t(Key::ProblemMissing).to_owned(),
            Problem::UnknownValue { found, allowed } => {
                self.tf(Key::ProblemUnknownValue, &[("found", found), ("allowed", allowed)])
            }
            Problem::WrongType { expected: Some(expected), found: Some(found), detail } => self.tf(
                Key::ProblemWrongKind,
                &[("expected", self.value_kind(*expected)), ("found", self.value_kind(*found)), ("detail", detail)],
            ),
            Problem::WrongType { detail, .. } => self.tf(Key::ProblemWrongType, &[("detail", detail)]),
            Problem::EmptyText => self.t(Key::ProblemEmptyText).to_owned(),
            Problem::TooLong { chars, max } => {
                self.tf(Key::ProblemTooLong, &[("chars", &self.count(*chars)), ("max", &self.count(*max))])
            }
            Problem::YearOutOfRange { year } => {
                let years = crate::format::YEARS;
                self.tf(
                    Key::ProblemYearOutOfRange,
                    &[
                        ("year", &year.to_string()),
                        ("first", &years.start().to_string()),
                        ("last", &years.end().to_string()),
                    ],
                )
            }
            Problem::Negative { found } => {
                self.tf(Key::ProblemNegative, &[("found", &self.plain_number(found.as_f64().unwrap_or_default()))])
            }
            Problem::ScaleNotPositive { found } => self
                .tf(Key::ProblemScaleNotPositive, &[("found", &self.plain_number(found.as_f64().unwrap_or_default()))]),
            Problem::AboveScale { found, max } => self.tf(
                Key::ProblemAboveScale,
                &[
                    ("found", &self.plain_number(found.as_f64().unwrap_or_default())),
                    ("max", &self.plain_number(max.as_f64().unwrap_or_default())),
                ],
            ),
            Problem::TooManyPrograms { count, max } => {
                self.tf(Key::ProblemTooManyPrograms, &[("count", &self.count(*count)), ("max", &self.count(*max))])
            }
            Problem::DuplicateId { id } => self.tf(Key::ProblemDuplicateId, &[("id", id)]),
            Problem::OutOfRange { value, min, max: Some(max) } => self.tf(
                Key::ProblemOutOfRange,
                &[("value", &self.integer(*value)), ("min", &self.integer(*min)), ("max", &self.integer(*max))],
            ),
            Problem::OutOfRange { value, min, max: None } => {
                self.tf(Key::ProblemBelowMinimum, &[("value", &self.integer(*value)), ("min", &self.integer(*min))])
            }
            Problem::SubdimensionOfOtherDimension { subdimension, dimension } => self.tf(
                Key::ProblemSubdimensionOfOtherDimension,
                &[
                    ("subdimension", self.subdimension(*subdimension)),
                    ("dimension", self.dimension(*dimension)),
                    ("belongs", self.dimension(subdimension.dimension())),
                ],
            ),
            Problem::YearsReversed { start, end } => {
                self.tf(Key::ProblemYearsReversed, &[("start", &start.to_string()), ("end", &end.to_string())])
            }
            Problem::NotADate { found } => self.tf(Key::ProblemNotADate, &[("found", found)]),
            Problem::MissingColumn { column } => self.tf(Key::ProblemMissingColumn, &[("column", self.field(column))]),
            Problem::NotWorkbook { .. } => self.t(Key::ProblemNotWorkbook).to_owned(),
            Problem::NotCsv { line } => self.tf(Key::ProblemNotCsv, &[("line", &self.count(*line as usize))]),
            Problem::UnknownRegion { code } => self.tf(Key::ProblemUnknownRegion, &[("code", code)]),
            Problem::NoShape => self.t(Key::ProblemNoShape).to_owned(),
            Problem::RingTooShort { positions } => {
                self.tf(Key::ProblemRingTooShort, &[("positions", &self.count(*positions))])
            }
            Problem::RingNotClosed => self.t(Key::ProblemRingNotClosed).to_owned(),
            Problem::NotLonLat { found } => self.tf(Key::ProblemNotLonLat, &[("found", found)]),
            Problem::TooManyPositions { count, max } => {
                self.tf(Key::ProblemTooManyPositions, &[("count", &self.count(*count)), ("max", &self.count(*max))])
            }
            Problem::NotFeatureCollection => self.t(Key::ProblemNotFeatureCollection).to_owned(),
        }
    }

    /// What a field of the format is called on screen; an unknown field keeps its name from the file.
    pub fn field(self, code: &str) -> &str {
        let key = match code {
            "id" => Key::FieldId,
            "name" => Key::FieldName,
            "dimension" => Key::FieldDimension,
            "subdimension" => Key::FieldSubdimension,
            "status" => Key::FieldStatus,
            "agency" => Key::FieldAgency,
            "agency_short_name" => Key::FieldAgencyShortName,
            "short_name" => Key::AgencyShortName,
            "quick_win" => Key::FieldQuickWin,
            "horizon" => Key::FieldHorizon,
            "start_year" => Key::FieldStartYear,
            "target_year" => Key::FieldTargetYear,
            "progress" => Key::FieldProgress,
            "budget_planned" => Key::FieldBudgetPlanned,
            "budget_realized" => Key::FieldBudgetRealized,
            "rpjmd" => Key::FieldRpjmd,
            "renstra" => Key::FieldRenstra,
            "postponed_to" => Key::FieldPostponedTo,
            "delay_reason" => Key::FieldDelayReason,
            "apps" => Key::FieldApps,
            "evidence" => Key::FieldEvidence,
            "locations" => Key::FieldLocations,
            "notes" => Key::FieldNotes,
            "city" => Key::FieldCity,
            "province" => Key::FieldProvince,
            "title" => Key::FieldTitle,
            "end_year" => Key::FieldEndYear,
            "legal_basis" => Key::FieldLegalBasis,
            "label" => Key::FieldLabel,
            "date" => Key::FieldDate,
            "statuses" => Key::FieldStatuses,
            "scores" => Key::FieldScores,
            "weights" => Key::FieldWeights,
            "scale_max" => Key::FieldScaleMax,
            _ => return code,
        };
        self.t(key)
    }

    /// A field's value as the page shows it: a status, dimension or horizon by its name in the language,
    /// yes and no, numbers as the language groups them (years as they are), lists joined. `None` (a field
    /// that is not set) reads "(empty)".
    pub fn field_value(self, field: &str, value: Option<&serde_json::Value>) -> String {
        use serde_json::Value;
        let Some(value) = value.filter(|v| !v.is_null()) else { return self.t(Key::ConflictEmpty).to_owned() };
        let closed = |text: &str| -> Option<&'static str> {
            Some(match field {
                "status" => self.status(crate::format::from_code(text)?),
                "dimension" => self.dimension(crate::format::from_code(text)?),
                "subdimension" => self.subdimension(crate::format::from_code(text)?),
                "horizon" => self.horizon(crate::format::from_code(text)?),
                _ => return None,
            })
        };
        match value {
            Value::String(text) => closed(text).map_or_else(|| text.clone(), str::to_owned),
            Value::Bool(yes) => self.yes_no(*yes).to_owned(),
            Value::Number(n) => match (n.as_i64(), field) {
                (Some(year), "start_year" | "target_year" | "end_year" | "postponed_to") => year.to_string(),
                (Some(progress), "progress") => self.percent(progress.clamp(0, i64::from(u32::MAX)) as u32),
                (Some(whole), _) => self.integer(whole),
                (None, _) => n.as_f64().map_or_else(|| n.to_string(), |f| self.plain_number(f)),
            },
            Value::Array(items) => {
                items.iter().map(|item| self.field_value(field, Some(item))).collect::<Vec<_>>().join(", ")
            }
            Value::Object(map) => map
                .iter()
                .map(|(key, item)| format!("{}: {}", self.field(key), self.field_value(key, Some(item))))
                .collect::<Vec<_>>()
                .join("; "),
            Value::Null => self.t(Key::ConflictEmpty).to_owned(),
        }
    }

    pub fn horizon(self, horizon: Horizon) -> &'static str {
        self.t(match horizon {
            Horizon::Short => Key::HorizonShort,
            Horizon::Medium => Key::HorizonMedium,
            Horizon::Long => Key::HorizonLong,
        })
    }

    pub fn yes_no(self, yes: bool) -> &'static str {
        self.t(if yes { Key::Yes } else { Key::No })
    }

    fn value_kind(self, kind: ValueKind) -> &'static str {
        self.t(match kind {
            ValueKind::Text => Key::KindText,
            ValueKind::WholeNumber => Key::KindWholeNumber,
            ValueKind::Number => Key::KindNumber,
            ValueKind::TrueFalse => Key::KindTrueFalse,
            ValueKind::List => Key::KindList,
            ValueKind::Object => Key::KindObject,
            ValueKind::Null => Key::KindNull,
        })
    }

    pub fn warning(self, warning: &Warning) -> String {
        let text = match &warning.kind {
            WarningKind::UnknownAgency { agency } => self.tf(Key::WarningUnknownAgency, &[("agency", agency)]),
            WarningKind::StatusOfUnknownProgram { program } => {
                self.tf(Key::WarningStatusOfUnknownProgram, &[("program", program)])
            }
            WarningKind::WeightsSum { sum } => {
                self.tf(Key::WarningWeightsSum, &[("sum", &self.plain_number(sum.as_f64().unwrap_or_default()))])
            }
        };
        format!("{}: {text}", self.place(&warning.path))
    }
}

/// Replaces each `{name}` in `template` by its value; a placeholder without a value stays visible.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders of a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        names.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    names
}
