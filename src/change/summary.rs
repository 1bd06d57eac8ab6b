//! What a change did, in the terms a message to the user says it: which record, which field, from what
//! to what ("GOV-02 · Status: Sudah berjalan → Selesai"), or how many records of each kind.

use serde_json::{Map, Value};

use super::{Change, Edit, Fields, Keyed, ListChange, Record};
use crate::format::{Agency, Dataset};
use crate::import::Origin;

/// The kinds of record a summary counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Plan,
    Agency,
    Program,
    Evaluation,
}

/// A record as the user knows it: a program by its id, an agency by its acronym or name, a round by its
/// label, the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub record: Record,
    pub name: String,
}

/// How many records of one kind a change added, changed and deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub deleted: usize,
}

/// What a change did.
#[derive(Clone, Debug, PartialEq)]
pub enum Summary {
    /// One field of one record, from one value to another (`None`: not set). A field of a field is named by
    /// its path (`scores.impact`): a round's score changed is told as that score, not the whole set.
    Field {
        of: Named,
        field: String,
        from: Option<Value>,
        to: Option<Value>,
    },
    /// Several fields of one record.
    Fields {
        of: Named,
        fields: Vec<String>,
    },
    Added(Named),
    Deleted(Named),
    /// Several records of one kind given the same values: a change to a selection, each field it sets with
    /// the value it gives.
    SameValue {
        kind: Kind,
        count: usize,
        values: Vec<(String, Option<Value>)>,
    },
    /// Records counted by kind: programs, agencies, rounds, the plan.
    Counted(Vec<(Kind, Counts)>),
    /// The boundaries of the kecamatan and kelurahan, or the file's other top-level fields.
    Other,
    /// The data replaced as a whole (an import, a restore, the example or a new plan), and where it then
    /// comes from.
    Replaced {
        to: Origin,
    },
}

/// One record's part in a change: what it was and what it is to be, as the file writes its fields.
struct Touched {
    named: Named,
    kind: Kind,
    before: Option<Map<String, Value>>,
    after: Option<Map<String, Value>>,
}

impl Touched {
    /// The fields that differ, by name.
    fn fields(&self) -> Vec<String> {
        let none = Map::new();
        let (before, after) = (self.before.as_ref().unwrap_or(&none), self.after.as_ref().unwrap_or(&none));
        let mut fields: Vec<String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).cloned().collect();
        fields.extend(before.keys().filter(|k| !after.contains_key(*k)).cloned());
        fields
    }

    fn value(side: &Option<Map<String, Value>>, field: &str) -> Option<Value> {
        side.as_ref().and_then(|m| m.get(field)).filter(|v| !v.is_null()).cloned()
    }
}

impl Change {
    /// What the change does as made (an undo takes back the same). `dataset` is the data on either side of
    /// it: agencies named in values are written by their acronym or name where it knows them.
    pub fn summary(&self, dataset: &Dataset) -> Summary {
        if let Some((_, to)) = &self.origin {
            return Summary::Replaced { to: to.clone() };
        }
        let mut touched = Vec::new();
        if let Some((before, after)) = &self.plan {
            touched.push(Touched {
                named: Named { record: Record::Plan, name: after.city.clone() },
                kind: Kind::Plan,
                before: Some(before.to_map()),
                after: Some(after.to_map()),
            });
        }
        let agency_name = |id: &str| -> Option<String> {
            let listed = |a: &&Agency| a.id == id;
            self.agencies
                .edits
                .iter()
                .flat_map(|e| e.after.iter().chain(e.before.iter()))
                .map(|(_, a)| a)
                .find(listed)
                .or_else(|| dataset.agencies.iter().find(listed))
                .map(|a| a.brief_name().to_owned())
        };
        // A change to thousands of records is counted, not read field by field: writing every record's fields
        // out would take longer than making the change (178 ms natively for 20 000 programs).
        let detail = Detail::of(self.agencies.edits.len() + self.programs.edits.len() + self.evaluations.edits.len());
        touched.extend(list(&self.agencies, Kind::Agency, detail, |a| a.brief_name().to_owned()));
        touched.extend(list(&self.programs, Kind::Program, detail, |p| p.id.clone()));
        touched.extend(list(&self.evaluations, Kind::Evaluation, detail, |e| e.label.clone()));
        // Values as people know them: an agency by its acronym or name, a region by its name (the regions
        // indexed only when a value names one).
        let places = std::cell::OnceCell::new();
        let places = || places.get_or_init(|| dataset.regions.as_ref().map(crate::geo::RegionIndex::of)).as_ref();
        let renamed_agencies = |value: Option<Value>, field: &str| match (value, field) {
            (Some(Value::String(id)), "agency") => Some(Value::String(agency_name(&id).unwrap_or(id))),
            (Some(Value::Array(codes)), "locations") => Some(Value::Array(
                codes
                    .into_iter()
                    .map(|code| match (&code, places()) {
                        (Value::String(code), Some(places)) => Value::String(places.label(code)),
                        _ => code,
                    })
                    .collect(),
            )),
            (value, _) => value,
        };
        let touched = pair_renamed_ids(touched);
        match touched.as_slice() {
            [] if self.other.is_some() => Summary::Other,
            [] => Summary::Counted(Vec::new()),
            [one] => match (&one.before, &one.after) {
                (None, Some(_)) => Summary::Added(one.named.clone()),
                (Some(_), None) => Summary::Deleted(one.named.clone()),
                _ => match one.fields().as_slice() {
                    [field] => {
                        let (from, to) = (Touched::value(&one.before, field), Touched::value(&one.after, field));
                        match inner_change(from.as_ref(), to.as_ref()) {
                            Some((key, from, to)) => {
                                Summary::Field { of: one.named.clone(), field: format!("{field}.{key}"), from, to }
                            }
                            None => Summary::Field {
                                of: one.named.clone(),
                                field: field.clone(),
                                from: renamed_agencies(from, field),
                                to: renamed_agencies(to, field),
                            },
                        }
                    }
                    fields => Summary::Fields { of: one.named.clone(), fields: fields.to_vec() },
                },
            },
            [first, rest @ ..] => {
                let values = same_values(first, rest);
                if !values.is_empty() {
                    let values =
                        values.into_iter().map(|(field, to)| (field.clone(), renamed_agencies(to, &field))).collect();
                    return Summary::SameValue { kind: first.kind, count: touched.len(), values };
                }
                let mut counted: Vec<(Kind, Counts)> = Vec::new();
                for kind in [Kind::Program, Kind::Agency, Kind::Evaluation, Kind::Plan] {
                    let mut counts = Counts::default();
                    for t in touched.iter().filter(|t| t.kind == kind) {
                        match (&t.before, &t.after) {
                            (None, _) => counts.added += 1,
                            (_, None) => counts.deleted += 1,
                            _ => counts.changed += 1,
                        }
                    }
                    if counts != Counts::default() {
                        counted.push((kind, counts));
                    }
                }
                Summary::Counted(counted)
            }
        }
    }
}

/// Whether a summary reads the records' fields or only counts them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    Fields,
    Counts,
}

impl Detail {
    /// The most records a summary reads field by field.
    const FIELDS_UP_TO: usize = 1_000;

    fn of(records: usize) -> Detail {
        if records <= Detail::FIELDS_UP_TO { Detail::Fields } else { Detail::Counts }
    }
}

fn list<T: Keyed>(list: &ListChange<T>, kind: Kind, detail: Detail, name: impl Fn(&T) -> String) -> Vec<Touched> {
    // Counted only, a record's sides are there or not, with no fields (so no field is the same for all).
    let side = |side: &Option<(usize, T)>| {
        side.as_ref().map(|(_, r)| if detail == Detail::Fields { r.to_map() } else { Map::new() })
    };
    list.edits
        .iter()
        .map(|edit: &Edit<T>| {
            let record = edit.after.as_ref().or(edit.before.as_ref()).map(|(_, r)| r);
            Touched {
                named: Named { record: T::record(edit.key()), name: record.map(&name).unwrap_or_default() },
                kind,
                before: side(&edit.before),
                after: side(&edit.after),
            }
        })
        .collect()
}

/// A program whose id changed is one deleted and one added at the same place: told as one record whose
/// id field changed.
fn pair_renamed_ids(mut touched: Vec<Touched>) -> Vec<Touched> {
    if let [deleted, added] = touched.as_mut_slice()
        && deleted.kind == added.kind
        && deleted.after.is_none()
        && added.before.is_none()
    {
        added.before = deleted.before.take();
        touched.remove(0);
    }
    touched
}

/// The fields every record changes, each to one value for all: what a change to a selection does. Other
/// fields may follow from them (a sub-dimension cleared with a new dimension) and are not said.
fn same_values(first: &Touched, rest: &[Touched]) -> Vec<(String, Option<Value>)> {
    let changed = |t: &Touched| t.before.is_some() && t.after.is_some() && t.kind == first.kind;
    if !changed(first) || !rest.iter().all(changed) {
        return Vec::new();
    }
    let rest_fields: Vec<Vec<String>> = rest.iter().map(Touched::fields).collect();
    first
        .fields()
        .into_iter()
        .filter_map(|field| {
            let to = Touched::value(&first.after, &field);
            rest.iter()
                .zip(&rest_fields)
                .all(|(t, fields)| fields.contains(&field) && Touched::value(&t.after, &field) == to)
                .then_some((field, to))
        })
        .collect()
}

/// Where a field holds an object (a round's scores or weights) and one of its keys alone changed: that key,
/// and its value before and after.
fn inner_change(from: Option<&Value>, to: Option<&Value>) -> Option<(String, Option<Value>, Option<Value>)> {
    let object = |v: Option<&Value>| match v {
        Some(Value::Object(map)) => Some(map.clone()),
        None => Some(Map::new()),
        Some(_) => None,
    };
    let (from, to) = (object(from)?, object(to)?);
    let mut keys = from.keys().chain(to.keys()).filter(|k| from.get(*k) != to.get(*k));
    let key = keys.next()?.clone();
    if keys.any(|k| *k != key) {
        return None;
    }
    Some((key.clone(), from.get(&key).cloned(), to.get(&key).cloned()))
}
