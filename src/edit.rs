//! Edits of the master plan as the register makes them: a program saved from its form, added, duplicated,
//! deleted, its status changed in place, several changed at once; agencies added, renamed, merged and
//! deleted; the plan's details. Each returns the edited dataset, checked by the same rules as an import.

use crate::format::{Agency, Dataset, Dimension, FormatError, Plan, Program, Status};

/// What a bulk edit sets on every selected program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkSet {
    Status(Status),
    /// `None` removes the agency.
    Agency(Option<String>),
    /// A sub-dimension of another dimension is cleared.
    Dimension(Dimension),
}

/// Why an edit was not made: the broken rules, each with its place (`programs[3].progress`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct Rejected(pub Vec<FormatError>);

/// The dataset if it keeps every rule of the format, else the rules it breaks.
fn checked(dataset: Dataset) -> Result<Dataset, Rejected> {
    let errors = dataset.violations();
    if errors.is_empty() { Ok(dataset) } else { Err(Rejected(errors)) }
}

/// Saves a program from its form: replaces the one with `old_id` (`None` adds it at the end).
pub fn save_program(dataset: &Dataset, old_id: Option<&str>, program: Program) -> Result<Dataset, Rejected> {
    let mut edited = dataset.clone();
    match old_id.and_then(|id| edited.programs.iter().position(|p| p.id == id)) {
        Some(at) => edited.programs[at] = program,
        None => edited.programs.push(program),
    }
    checked(edited)
}

/// A copy of a program placed right after it, with a new unique id and "(salinan)" after its name.
pub fn duplicate_program(dataset: &Dataset, id: &str, copy_suffix: &str) -> Option<(Dataset, String)> {
    let at = dataset.programs.iter().position(|p| p.id == id)?;
    let mut copy = dataset.programs[at].clone();
    copy.id = unique_id(dataset, &copy.id);
    copy.name = format!("{} ({copy_suffix})", copy.name);
    let new_id = copy.id.clone();
    let mut edited = dataset.clone();
    edited.programs.insert(at + 1, copy);
    Some((edited, new_id))
}

/// A program id not yet in use, from `base`: `base-2`, `base-3`, … (within the format's 64 characters).
pub fn unique_id(dataset: &Dataset, base: &str) -> String {
    let stem: String = base.chars().take(56).collect();
    free_id(&stem, Suffix::Always, |id| dataset.programs.iter().any(|p| p.id == id))
}

/// Whether a new id is the stem itself when that is free, or always carries a number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Suffix {
    WhenTaken,
    Always,
}

/// The first of `stem`, `stem-2`, `stem-3`, … that `taken` says is free.
fn free_id(stem: &str, suffix: Suffix, taken: impl Fn(&str) -> bool) -> String {
    let plain = (suffix == Suffix::WhenTaken).then(|| stem.to_owned());
    plain.into_iter().chain((2..).map(|n| format!("{stem}-{n}"))).find(|id| !taken(id)).expect("ids run out")
}

pub fn delete_programs(dataset: &Dataset, ids: &[String]) -> Dataset {
    let mut edited = dataset.clone();
    edited.programs.retain(|p| !ids.contains(&p.id));
    edited
}

pub fn set_status(dataset: &Dataset, id: &str, status: Status) -> Dataset {
    bulk_set(dataset, &[id.to_owned()], &BulkSet::Status(status))
}

pub fn bulk_set(dataset: &Dataset, ids: &[String], set: &BulkSet) -> Dataset {
    let mut edited = dataset.clone();
    for program in edited.programs.iter_mut().filter(|p| ids.contains(&p.id)) {
        match set {
            BulkSet::Status(status) => program.status = *status,
            BulkSet::Agency(agency) => program.agency = agency.clone(),
            BulkSet::Dimension(dimension) => {
                program.dimension = *dimension;
                if program.subdimension.is_some_and(|s| s.dimension() != *dimension) {
                    program.subdimension = None;
                }
            }
        }
    }
    edited
}

/// Adds an agency with an id made from its name; returns the id.
pub fn add_agency(dataset: &Dataset, name: &str) -> Result<(Dataset, String), Rejected> {
    let stem: String = name
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() { Some(c.to_ascii_lowercase()) } else { (c == ' ' || c == '-').then_some('-') }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() { "opd".to_owned() } else { stem };
    let id = free_id(&stem, Suffix::WhenTaken, |id| dataset.agencies.iter().any(|a| a.id == id));
    let mut edited = dataset.clone();
    edited.agencies.push(Agency { id: id.clone(), name: name.trim().to_owned(), extra: Default::default() });
    Ok((checked(edited)?, id))
}

pub fn rename_agency(dataset: &Dataset, id: &str, name: &str) -> Result<Dataset, Rejected> {
    let mut edited = dataset.clone();
    if let Some(agency) = edited.agencies.iter_mut().find(|a| a.id == id) {
        agency.name = name.trim().to_owned();
    }
    checked(edited)
}

/// Moves every program of agency `from` to agency `into` and removes `from`.
pub fn merge_agencies(dataset: &Dataset, from: &str, into: &str) -> Dataset {
    let mut edited = dataset.clone();
    for program in edited.programs.iter_mut().filter(|p| p.agency.as_deref() == Some(from)) {
        program.agency = Some(into.to_owned());
    }
    edited.agencies.retain(|a| a.id != from);
    edited
}

/// How many programs name an agency.
pub fn programs_of_agency(dataset: &Dataset, id: &str) -> usize {
    dataset.programs.iter().filter(|p| p.agency.as_deref() == Some(id)).count()
}

/// Deletes an agency. One still in use needs a decision on its programs: `Some(other)` moves them there,
/// `None` leaves them without an agency. Returns `None` when the agency is in use and no decision is given.
pub fn delete_agency(dataset: &Dataset, id: &str, programs_go_to: Option<Option<&str>>) -> Option<Dataset> {
    let in_use = programs_of_agency(dataset, id) > 0;
    let mut edited = match (in_use, programs_go_to) {
        (true, None) => return None,
        (true, Some(Some(other))) => merge_agencies(dataset, id, other),
        _ => {
            let mut edited = dataset.clone();
            for program in edited.programs.iter_mut().filter(|p| p.agency.as_deref() == Some(id)) {
                program.agency = None;
            }
            edited
        }
    };
    edited.agencies.retain(|a| a.id != id);
    Some(edited)
}

pub fn set_plan(dataset: &Dataset, plan: Plan) -> Result<Dataset, Rejected> {
    checked(Dataset { plan, ..dataset.clone() })
}

/// Records an evaluation round of today's statuses; its id is its date, made unique. Returns the id.
pub fn record_round(dataset: &Dataset, label: &str, date: &str) -> Result<(Dataset, String), Rejected> {
    let stem = if date.is_empty() { "putaran" } else { date };
    let id = free_id(stem, Suffix::WhenTaken, |id| dataset.evaluations.iter().any(|e| e.id == id));
    let mut edited = dataset.clone();
    edited.evaluations.push(crate::evaluation::snapshot(dataset, id.clone(), label.trim().to_owned(), date.to_owned()));
    Ok((checked(edited)?, id))
}

/// Changes the round with this id (its label, date, scores or weights), if the result keeps the rules.
pub fn update_round(
    dataset: &Dataset,
    id: &str,
    change: impl FnOnce(&mut crate::format::Evaluation),
) -> Result<Dataset, Rejected> {
    let mut edited = dataset.clone();
    if let Some(round) = edited.evaluations.iter_mut().find(|e| e.id == id) {
        change(round);
    }
    checked(edited)
}

pub fn delete_round(dataset: &Dataset, id: &str) -> Dataset {
    let mut edited = dataset.clone();
    edited.evaluations.retain(|e| e.id != id);
    edited
}
