//! What an incoming dataset would change against the current one (programs, agencies and evaluation
//! rounds added, removed or changed, with the fields that differ), and how the two merge by `id`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::format::Dataset;

/// A program, agency or round present on both sides with different contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub id: String,
    pub name: String,
    /// The fields that differ, as the file names them (`status`, `agency`, …), in file order.
    pub fields: Vec<String>,
}

/// Added, removed and changed items of one list, matched by `id`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListDiff {
    /// `(id, name)` of items only the incoming side has.
    pub added: Vec<(String, String)>,
    /// `(id, name)` of items only the current side has.
    pub removed: Vec<(String, String)>,
    pub changed: Vec<Changed>,
}

impl ListDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    fn between<T: Serialize + PartialEq>(current: &[T], incoming: &[T], key: impl Fn(&T) -> (&str, &str)) -> ListDiff {
        let current_by_id: HashMap<&str, &T> = current.iter().map(|t| (key(t).0, t)).collect();
        let incoming_ids: HashSet<&str> = incoming.iter().map(|t| key(t).0).collect();
        let mut diff = ListDiff::default();
        for item in incoming {
            let (id, name) = key(item);
            match current_by_id.get(id) {
                None => diff.added.push((id.to_owned(), name.to_owned())),
                // Equal records (most of them, in a colleague's file) are not turned into JSON to compare.
                Some(old) if *old == item => {}
                Some(old) => {
                    let fields = changed_fields(*old, item);
                    if !fields.is_empty() {
                        diff.changed.push(Changed { id: id.to_owned(), name: name.to_owned(), fields });
                    }
                }
            }
        }
        diff.removed = current
            .iter()
            .map(&key)
            .filter(|(id, _)| !incoming_ids.contains(id))
            .map(|(id, name)| (id.to_owned(), name.to_owned()))
            .collect();
        diff
    }
}

/// Everything an incoming dataset changes against the current one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetDiff {
    /// Fields of the plan that differ (`city`, `title`, …).
    pub plan: Vec<String>,
    pub programs: ListDiff,
    pub agencies: ListDiff,
    pub evaluations: ListDiff,
}

impl DatasetDiff {
    pub fn between(current: &Dataset, incoming: &Dataset) -> DatasetDiff {
        DatasetDiff {
            plan: changed_fields(&current.plan, &incoming.plan),
            programs: ListDiff::between(&current.programs, &incoming.programs, |p| (&p.id, &p.name)),
            agencies: ListDiff::between(&current.agencies, &incoming.agencies, |a| (&a.id, &a.name)),
            evaluations: ListDiff::between(&current.evaluations, &incoming.evaluations, |e| (&e.id, &e.label)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.programs.is_empty() && self.agencies.is_empty() && self.evaluations.is_empty()
    }
}

/// The top-level fields in which two records differ, unknown fields included.
fn changed_fields<T: Serialize>(old: &T, new: &T) -> Vec<String> {
    let (old, new) = (crate::format::to_fields(old), crate::format::to_fields(new));
    let mut fields: Vec<String> = new.iter().filter(|(k, v)| old.get(*k) != Some(*v)).map(|(k, _)| k.clone()).collect();
    fields.extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
    fields
}

/// Merges `incoming` into `current` by `id`: the incoming version of a program, agency or evaluation
/// round wins; what only `current` has stays. The plan (city, title, …) is taken from `incoming`.
pub fn merge(current: &Dataset, incoming: &Dataset) -> Dataset {
    let mut extra = current.extra.clone();
    extra.extend(incoming.extra.clone());
    Dataset {
        plan: incoming.plan.clone(),
        agencies: merge_by_id(&current.agencies, &incoming.agencies, |a| &a.id),
        programs: merge_by_id(&current.programs, &incoming.programs, |p| &p.id),
        evaluations: merge_by_id(&current.evaluations, &incoming.evaluations, |e| &e.id),
        // Boundaries are one whole: the incoming file's when it has them.
        regions: incoming.regions.clone().or_else(|| current.regions.clone()),
        exported_at: incoming.exported_at.clone(),
        extra,
    }
}

/// Keeps `ours` in order with `theirs` replacing items of the same id, then appends what only `theirs` has.
fn merge_by_id<T: Clone>(ours: &[T], theirs: &[T], id: impl Fn(&T) -> &String) -> Vec<T> {
    let incoming: HashMap<&String, &T> = theirs.iter().map(|t| (id(t), t)).collect();
    let mut merged: Vec<T> = ours.iter().map(|o| (*incoming.get(id(o)).unwrap_or(&o)).clone()).collect();
    let existing: HashSet<&String> = ours.iter().map(&id).collect();
    merged.extend(theirs.iter().filter(|t| !existing.contains(id(t))).cloned());
    merged
}
