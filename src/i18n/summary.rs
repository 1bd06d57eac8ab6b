//! A change told in the user's words: "GOV-02 · Status: Sudah berjalan → Selesai", "Dibatalkan: …".

use crate::change::{Counts, Kind, Named, Record, Summary};
use crate::import::Origin;

use super::{Key, Lang};

/// The longest value a message writes in full.
const TOLD_CHARS: usize = 60;

/// How a change came to be made, as a message says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Told {
    Made,
    Undone,
    Redone,
}

impl Lang {
    /// The message of a change made, undone or redone.
    pub fn change_message(self, summary: &Summary, told: Told) -> String {
        let what = self.summary(summary);
        match told {
            Told::Made => what,
            Told::Undone => self.tf(Key::ChangeUndone, &[("what", &what)]),
            Told::Redone => self.tf(Key::ChangeRedone, &[("what", &what)]),
        }
    }

    /// What a change did.
    pub fn summary(self, summary: &Summary) -> String {
        match summary {
            Summary::Field { of, field, from, to } => self.tf(
                Key::ChangeField,
                &[
                    ("record", &self.named(of)),
                    ("field", &self.field_path(&of.record, field)),
                    ("from", &self.told_value(field, from.as_ref())),
                    ("to", &self.told_value(field, to.as_ref())),
                ],
            ),
            Summary::Fields { of, fields } => {
                let fields = fields.iter().map(|f| self.field_of(&of.record, f)).collect::<Vec<_>>().join(", ");
                self.tf(Key::ChangeFields, &[("record", &self.named(of)), ("fields", &fields)])
            }
            Summary::Added(of) => self.tf(Key::ChangeAdded, &[("record", &self.named(of))]),
            Summary::Deleted(of) => self.tf(Key::ChangeDeleted, &[("record", &self.named(of))]),
            Summary::SameValue { kind, count, values } => {
                let values: Vec<String> = values
                    .iter()
                    .map(|(field, to)| format!("{}: {}", self.field(field), self.told_value(field, to.as_ref())))
                    .collect();
                self.tf(
                    Key::ChangeSameValue,
                    &[("records", &self.records(*kind, *count)), ("values", &values.join("; "))],
                )
            }
            Summary::Counted(kinds) if kinds.is_empty() => self.t(Key::ChangeNothing).to_owned(),
            Summary::Counted(kinds) => {
                let parts: Vec<String> = kinds
                    .iter()
                    .flat_map(|(kind, Counts { added, changed, deleted })| {
                        [
                            (Key::ChangeCountAdded, added),
                            (Key::ChangeCountChanged, changed),
                            (Key::ChangeCountDeleted, deleted),
                        ]
                        .into_iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(key, n)| self.tf(key, &[("records", &self.records(*kind, *n))]))
                    })
                    .collect();
                self.tf(Key::ChangeCounted, &[("parts", &parts.join(", "))])
            }
            Summary::Other => self.t(Key::ChangeOther).to_owned(),
            Summary::Replaced { to: Origin::Sample } => self.t(Key::ChangeExampleOpened).to_owned(),
            Summary::Replaced { to: Origin::Imported { file } } if file.is_empty() => {
                self.t(Key::ChangeOwnPlan).to_owned()
            }
            Summary::Replaced { to: Origin::Imported { file } } => self.tf(Key::ChangeLoaded, &[("file", file)]),
        }
    }

    /// A field's label, or a field of a field's (`scores.impact`: "Nilai Dampak").
    pub(super) fn field_path(self, record: &Record, path: &str) -> String {
        match path.split_once('.') {
            Some((row @ ("scores" | "weights"), aspect)) => {
                format!(
                    "{} {}",
                    self.t(if row == "scores" { Key::Score } else { Key::Weight }),
                    self.aspect_of_code(aspect)
                )
            }
            Some((field, key)) => format!("{} {key}", self.field_of(record, field)),
            None => self.field_of(record, path).to_owned(),
        }
    }

    /// A value as a message says it: a date the language's way, a long text cut short (the field has it whole).
    fn told_value(self, path: &str, value: Option<&serde_json::Value>) -> String {
        let field = path.rsplit('.').next().unwrap_or(path);
        match value {
            Some(serde_json::Value::String(date)) if field == "date" => self.date(date),
            _ => crate::charts::shortened_to(&self.field_value(field, value), TOLD_CHARS),
        }
    }

    /// A field's label where the record's kind tells it apart: an agency's name is not a program's.
    fn field_of<'a>(self, record: &Record, field: &'a str) -> &'a str {
        match (record, field) {
            (Record::Agency(_), "name") => self.t(Key::AgencyNameHead),
            _ => self.field(field),
        }
    }

    /// A record as a message names it: a program by its id, the others with what they are.
    fn named(self, named: &Named) -> String {
        match &named.record {
            Record::Program(id) => id.clone(),
            Record::Agency(_) => self.tf(Key::RecordAgency, &[("name", &named.name)]),
            Record::Evaluation(_) => self.tf(Key::RecordRound, &[("label", &named.name)]),
            Record::Plan => self.t(Key::RecordPlan).to_owned(),
            Record::Other => self.t(Key::RecordOther).to_owned(),
        }
    }

    /// A number of records of a kind, with the noun as the language wants it.
    pub fn records(self, kind: Kind, n: usize) -> String {
        let count = self.count(n);
        match (kind, self) {
            (Kind::Program, _) => self.programs(n),
            (Kind::Agency, Lang::Id) => format!("{count} OPD"),
            (Kind::Agency, Lang::En) if n == 1 => format!("{count} agency"),
            (Kind::Agency, Lang::En) => format!("{count} agencies"),
            (Kind::Evaluation, Lang::Id) => format!("{count} putaran evaluasi"),
            (Kind::Evaluation, Lang::En) if n == 1 => format!("{count} evaluation round"),
            (Kind::Evaluation, Lang::En) => format!("{count} evaluation rounds"),
            (Kind::Plan, _) => self.t(Key::RecordPlan).to_owned(),
        }
    }
}
