//! Fields as people read them: a place in the data said as the record and the field's label (the
//! technical path kept as a detail), and dates typed and shown the language's way.

use super::{Key, Lang};

/// Why typed text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written as a date at all (or a year that is not four digits).
    NotADate,
    /// Written as a date that the calendar does not have: 31/02/2026.
    NoSuchDay,
    /// A year outside the ones the format keeps.
    YearOutOfRange { year: i32 },
}

impl Lang {
    /// A place in the data as people read it: "Program ke-3 · Status (programs[2].status)"; the record and
    /// the field by their labels, the path as a detail for whoever mends the file by hand.
    pub fn place(self, path: &str) -> String {
        let mut segments = path.split('.');
        let Some(first) = segments.next() else { return path.to_owned() };
        let record = match first.split_once('[') {
            Some((list, index)) => {
                let Some(n) = index.trim_end_matches(']').parse::<usize>().ok().map(|i| self.count(i + 1)) else {
                    return path.to_owned();
                };
                let key = match list {
                    "programs" => Key::PlaceProgram,
                    "agencies" => Key::PlaceAgency,
                    "evaluations" => Key::PlaceRound,
                    _ => return path.to_owned(),
                };
                self.tf(key, &[("n", &n)])
            }
            None if first == "plan" => self.t(Key::RecordPlan).to_owned(),
            // A field of the file itself: its label, or its name once where it has none.
            None if self.field(first) == first => return path.to_owned(),
            None => return format!("{} ({path})", self.field(first)),
        };
        let kind = record_of(path);
        // The field below the record without indexes: `locations[2]` is the locations field.
        let rest: Vec<&str> = segments.map(|f| f.split('[').next().unwrap_or(f)).collect();
        if rest.is_empty() {
            format!("{record} ({path})")
        } else {
            format!("{record} · {} ({path})", self.field_path(&kind, &rest.join(".")))
        }
    }

    /// What is wrong with a field of a form, named by its label: "Tanggal: …". The record is the one the
    /// form edits, so only the field is named.
    pub fn field_problem(self, error: &crate::format::FormatError) -> String {
        // The field below the record (`programs[3].`, `plan.`), without indexes: `scores.impact` is "Nilai
        // Dampak".
        let segments: Vec<&str> = error.path.split('.').map(|s| s.split('[').next().unwrap_or(s)).collect();
        let below_record =
            error.path.starts_with("plan.") || error.path.split('.').next().is_some_and(|s| s.contains('['));
        let field = segments[usize::from(below_record && segments.len() > 1)..].join(".");
        format!("{}: {}", self.field_path(&record_of(&error.path), &field), self.problem_text(&error.problem))
    }

    /// Why a round has no achievement index: its weights' sum, or scores or weights missing.
    pub fn no_index(self, error: &crate::evaluation::IndexError) -> String {
        match error {
            crate::evaluation::IndexError::WeightsNot100 { sum } => {
                self.tf(Key::IndexWeightsNot100, &[("sum", &self.decimal(*sum))])
            }
            _ => self.t(Key::IndexIncomplete).to_owned(),
        }
    }

    /// An assessed aspect by its name.
    pub fn aspect(self, aspect: crate::evaluation::Aspect) -> &'static str {
        use crate::evaluation::Aspect;
        self.t(match aspect {
            Aspect::Baseline => Key::AspectBaseline,
            Aspect::Output => Key::AspectOutput,
            Aspect::Outcome => Key::AspectOutcome,
            Aspect::Impact => Key::AspectImpact,
            Aspect::QuickWin => Key::QuickWinsLabel,
        })
    }

    /// An assessed aspect by its code in the file (`quick_win`); a code it does not know, as it is.
    pub fn aspect_of_code(self, code: &str) -> &str {
        crate::evaluation::ASPECTS.iter().find(|a| a.code() == code).map_or(code, |a| self.aspect(*a))
    }

    /// A date as a field shows it for typing: `28/11/2026`, day first as Indonesia writes it (in both
    /// languages); text that is no date stays as it is.
    pub fn date_field(self, iso: &str) -> String {
        match crate::format::split_iso(iso) {
            Some((year, month, day)) => format!("{day:02}/{month:02}/{year}"),
            None => iso.to_owned(),
        }
    }

    /// What to type into a date field: "HH/BB/TTTT", "DD/MM/YYYY".
    pub fn date_pattern(self) -> &'static str {
        self.t(Key::DatePattern)
    }

    /// A date typed into a field, as the format writes it (`2026-11-28`). Day first with `/`, `-` or `.`
    /// (`28/11/2026`), the month by its name or the first three letters in either language
    /// (`28 November 2026`, `28 Nov 2026`), or as the format writes it.
    pub fn read_date(self, typed: &str) -> Result<String, DateProblem> {
        let text = typed.trim();
        let (year, month, day) = if let Some(parts) = crate::format::split_iso(text) {
            parts
        } else {
            let parts: Vec<&str> = text.split(['/', '-', '.', ' ']).filter(|p| !p.is_empty()).collect();
            let [day, month, year] = parts[..] else { return Err(DateProblem::NotADate) };
            let month = month.parse::<u32>().ok().or_else(|| month_by_name(month)).ok_or(DateProblem::NotADate)?;
            let four_digits = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
            let (Ok(day), true) = (day.parse::<u32>(), four_digits) else { return Err(DateProblem::NotADate) };
            (year.parse::<i32>().map_err(|_| DateProblem::NotADate)?, month, day)
        };
        if !crate::format::YEARS.contains(&year) {
            return Err(DateProblem::YearOutOfRange { year });
        }
        if !crate::format::is_calendar_day(year, month, day) {
            return Err(DateProblem::NoSuchDay);
        }
        Ok(format!("{year:04}-{month:02}-{day:02}"))
    }

    /// Why typed text is no date, beside its field.
    pub fn date_problem(self, typed: &str, problem: &DateProblem) -> String {
        match problem {
            DateProblem::NotADate => {
                self.tf(Key::DateNotADate, &[("typed", typed.trim()), ("pattern", self.date_pattern())])
            }
            DateProblem::NoSuchDay => self.tf(Key::DateNoSuchDay, &[("typed", typed.trim())]),
            DateProblem::YearOutOfRange { year } => {
                self.problem_text(&crate::format::Problem::YearOutOfRange { year: i64::from(*year) })
            }
        }
    }
}

/// A month by its name in either language, or the first three letters of it.
fn month_by_name(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    [Lang::Id, Lang::En]
        .into_iter()
        .find_map(|lang| lang.months().iter().position(|m| m.to_lowercase().starts_with(&name)).map(|i| i as u32 + 1))
}

/// The kind of record a place is in, for its fields' labels: an agency's fields have labels of their own,
/// every other record's are looked up alike.
fn record_of(path: &str) -> crate::change::Record {
    if path.starts_with("agencies[") {
        crate::change::Record::Agency(String::new())
    } else {
        crate::change::Record::Plan
    }
}
