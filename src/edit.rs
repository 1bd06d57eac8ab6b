//! Edits of the master plan as the register makes them: a program saved from its form, added, duplicated,
//! deleted, its status changed in place, several changed at once; agencies added, renamed, merged and
//! deleted; the plan's details; evaluation rounds. Each gives the change it makes (the records it touches),
//! and `apply` makes it only if the touched records keep the same rules as an import.

use std::collections::HashSet;

use crate::change::{Change, Direction, LimitCheck, Outcome};
use crate::format::{Agency, Dataset, Dimension, FormatError, LaterLimits, Plan, Problem, Program, Status};
use crate::geo::Regions;

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

/// Applies an edit onto the data if the records it touches keep every rule of the format; else leaves
/// the data as it was and says which rules they break. A change of a few records is checked record by
/// record and made in place, not on a copy, so that an edit of one program of 20 000 costs what one
/// program costs; a large one (an import, a bulk edit) is made on a copy and the whole result checked.
/// A value beyond a range or limit the format gained later is refused unless the record already held it.
pub fn apply(dataset: &mut Dataset, change: &Change, direction: Direction) -> Result<Outcome, Rejected> {
    checked_apply(dataset, change, direction, LimitCheck::Edit)
}

/// Makes a step the user already had (an undo or a redo, a restore, another tab's data) by the rules of
/// `apply`, but for the ranges and limits the format gained later: values an earlier release saved stay.
pub fn replay(dataset: &mut Dataset, change: &Change, direction: Direction) -> Result<Outcome, Rejected> {
    checked_apply(dataset, change, direction, LimitCheck::AlreadyHeld)
}

fn checked_apply(
    dataset: &mut Dataset,
    change: &Change,
    direction: Direction,
    limits: LimitCheck,
) -> Result<Outcome, Rejected> {
    if change.is_small() {
        let errors = change.violations_before(dataset, direction, limits);
        if !errors.is_empty() {
            return Err(Rejected(errors));
        }
        return Ok(change.apply(dataset, direction));
    }
    let mut copy = dataset.clone();
    let outcome = change.apply(&mut copy, direction);
    let errors = copy.violations_with(match limits {
        LimitCheck::Edit => LaterLimits::KeptFrom(dataset),
        LimitCheck::AlreadyHeld => LaterLimits::Kept,
    });
    if !errors.is_empty() {
        return Err(Rejected(errors));
    }
    *dataset = copy;
    Ok(outcome)
}

/// A copy of the data with the change made, if it keeps every rule: for callers that keep both (tests,
/// previews).
pub fn applied(dataset: &Dataset, change: &Change) -> Result<Dataset, Rejected> {
    let mut copy = dataset.clone();
    apply(&mut copy, change, Direction::Forward)?;
    Ok(copy)
}

/// Saves a program from its form: `original` is the program as the form found it (`None`: a new program,
/// added at the end), `program` what the form makes of it. Only what differs between the two is the
/// change, so fields another tab changed meanwhile are kept. A new id (a new program, or one renamed)
/// that another program already has is refused at the id.
pub fn save_program(dataset: &Dataset, original: Option<&Program>, program: Program) -> Result<Change, Rejected> {
    let at =
        original.and_then(|o| dataset.programs.iter().position(|p| p.id == o.id)).unwrap_or(dataset.programs.len());
    let new_id = original.is_none_or(|o| o.id != program.id);
    if new_id && dataset.programs.iter().any(|p| p.id == program.id) {
        let error = FormatError::new(format!("programs[{at}].id"), Problem::DuplicateId { id: program.id.clone() });
        return Err(Rejected(vec![error]));
    }
    Ok(Change::program(at, original.cloned(), Some(program)))
}

/// A copy of a program placed right after it, with a new unique id and "(salinan)" after its name.
pub fn duplicate_program(dataset: &Dataset, id: &str, copy_suffix: &str) -> Option<(Change, String)> {
    let at = dataset.programs.iter().position(|p| p.id == id)?;
    let mut copy = dataset.programs[at].clone();
    copy.id = unique_id(dataset, &copy.id);
    copy.name = format!("{} ({copy_suffix})", copy.name);
    let new_id = copy.id.clone();
    Some((Change::program(at + 1, None, Some(copy)), new_id))
}

/// The id a new program of `dimension` is offered: the next number in the pattern of the dimension's ids
/// (`GOV-30` is followed by `GOV-31`, zero-padded as they are), or the dimension's first (`GOV-01`) when it
/// has none in a pattern; never one in use.
pub fn next_program_id(dataset: &Dataset, dimension: Dimension) -> String {
    // Each id of the dimension that ends in digits: its prefix, the width of its number, the number.
    let mut patterns: Vec<(String, usize, u64, usize)> = Vec::new();
    for program in dataset.programs.iter().filter(|p| p.dimension == dimension) {
        let digits = program.id.chars().rev().take_while(char::is_ascii_digit).count();
        let (prefix, number) = program.id.split_at(program.id.len() - digits);
        let Ok(number) = number.parse::<u64>() else { continue };
        if prefix.is_empty() {
            continue;
        }
        match patterns.iter_mut().find(|(p, w, _, _)| p == prefix && *w == digits) {
            Some((_, _, largest, seen)) => {
                *largest = (*largest).max(number);
                *seen += 1;
            }
            None => patterns.push((prefix.to_owned(), digits, number, 1)),
        }
    }
    let taken = |id: &str| dataset.programs.iter().any(|p| p.id == id);
    let (prefix, width, mut number) = match patterns.into_iter().max_by_key(|(_, _, _, seen)| *seen) {
        Some((prefix, width, largest, _)) => (prefix, width, largest + 1),
        None => (format!("{}-", dimension_prefix(dimension)), 2, 1),
    };
    loop {
        let id = format!("{prefix}{number:0width$}");
        if !taken(&id) {
            return id;
        }
        number += 1;
    }
}

/// The prefix of a dimension's ids when its programs have none in a pattern (the example's).
fn dimension_prefix(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Governance => "GOV",
        Dimension::Branding => "BRA",
        Dimension::Economy => "ECO",
        Dimension::Living => "LIV",
        Dimension::Society => "SOC",
        Dimension::Environment => "ENV",
    }
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

pub fn delete_programs(dataset: &Dataset, ids: &[String]) -> Change {
    Change::delete_programs(dataset, &ids.iter().map(String::as_str).collect())
}

pub fn set_status(dataset: &Dataset, id: &str, status: Status) -> Change {
    bulk_set(dataset, &[id.to_owned()], &BulkSet::Status(status))
}

pub fn bulk_set(dataset: &Dataset, ids: &[String], set: &BulkSet) -> Change {
    bulk_change(dataset, ids, std::slice::from_ref(set))
}

/// The programs with these ids given every value of `sets` at once: one change, undone as one.
pub fn bulk_change(dataset: &Dataset, ids: &[String], sets: &[BulkSet]) -> Change {
    let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
    Change::edit_programs(dataset, |program| {
        if !ids.contains(program.id.as_str()) {
            return None;
        }
        let mut program = program.clone();
        for set in sets {
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
        Some(program)
    })
}

/// Adds an agency with an id made from its name; returns the change and the id.
/// Adds an agency, with its acronym when one is given (blank for none); its id is made from the acronym, or
/// else from the name. Returns the change and the id.
pub fn add_agency(dataset: &Dataset, name: &str, short_name: &str) -> (Change, String) {
    let short_name = Some(short_name.trim()).filter(|s| !s.is_empty());
    let id = agency_id(name, short_name, |id| dataset.agencies.iter().any(|a| a.id == id));
    let mut agencies = dataset.agencies.clone();
    agencies.push(Agency {
        id: id.clone(),
        name: name.trim().to_owned(),
        short_name: short_name.map(str::to_owned),
        extra: Default::default(),
    });
    (Change::agencies(&dataset.agencies, &agencies), id)
}

/// The longest id made from an agency's name, in characters: its first words, whole.
const AGENCY_ID_FROM_NAME_CHARS: usize = 20;

/// An agency id made unique against `taken`: from its acronym when it has one (`Bappeda` is `bappeda`), else
/// from the first words of its name (`Badan Perencanaan Pembangunan Daerah` is `badan-perencanaan`).
pub fn agency_id(name: &str, short_name: Option<&str>, taken: impl Fn(&str) -> bool) -> String {
    let words = |text: &str| -> Vec<String> {
        text.chars()
            .filter_map(|c| {
                if c.is_alphanumeric() { Some(c.to_ascii_lowercase()) } else { (c == ' ' || c == '-').then_some('-') }
            })
            .collect::<String>()
            .split('-')
            .filter(|part| !part.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let stem = match short_name.map(words).filter(|w| !w.is_empty()) {
        Some(acronym) => acronym.join("-"),
        None => {
            let mut stem = String::new();
            for word in words(name) {
                if !stem.is_empty() && stem.chars().count() + 1 + word.chars().count() > AGENCY_ID_FROM_NAME_CHARS {
                    break;
                }
                if !stem.is_empty() {
                    stem.push('-');
                }
                stem.push_str(&word);
            }
            stem
        }
    };
    let stem = if stem.is_empty() { "opd".to_owned() } else { stem };
    free_id(&stem, Suffix::WhenTaken, taken)
}

pub fn rename_agency(dataset: &Dataset, id: &str, name: &str) -> Change {
    let mut agencies = dataset.agencies.clone();
    if let Some(agency) = agencies.iter_mut().find(|a| a.id == id) {
        agency.name = name.trim().to_owned();
    }
    Change::agencies(&dataset.agencies, &agencies)
}

/// Gives an agency its short name (its acronym), or takes it away when `short_name` is blank.
pub fn set_agency_short_name(dataset: &Dataset, id: &str, short_name: &str) -> Change {
    let mut agencies = dataset.agencies.clone();
    if let Some(agency) = agencies.iter_mut().find(|a| a.id == id) {
        let short = short_name.trim();
        agency.short_name = (!short.is_empty()).then(|| short.to_owned());
    }
    Change::agencies(&dataset.agencies, &agencies)
}

/// Moves every program of agency `from` to agency `into` and removes `from`.
pub fn merge_agencies(dataset: &Dataset, from: &str, into: &str) -> Change {
    let moved = Change::edit_programs(dataset, |program| {
        (program.agency.as_deref() == Some(from)).then(|| Program { agency: Some(into.to_owned()), ..program.clone() })
    });
    moved.and(without_agency(dataset, from))
}

fn without_agency(dataset: &Dataset, id: &str) -> Change {
    let agencies: Vec<Agency> = dataset.agencies.iter().filter(|a| a.id != id).cloned().collect();
    Change::agencies(&dataset.agencies, &agencies)
}

/// How many programs name an agency.
pub fn programs_of_agency(dataset: &Dataset, id: &str) -> usize {
    dataset.programs.iter().filter(|p| p.agency.as_deref() == Some(id)).count()
}

/// Deletes an agency. One still in use needs a decision on its programs: `Some(other)` moves them there,
/// `None` leaves them without an agency. Returns `None` when the agency is in use and no decision is given.
pub fn delete_agency(dataset: &Dataset, id: &str, programs_go_to: Option<Option<&str>>) -> Option<Change> {
    let in_use = programs_of_agency(dataset, id) > 0;
    match (in_use, programs_go_to) {
        (true, None) => None,
        (true, Some(Some(other))) => Some(merge_agencies(dataset, id, other)),
        _ => {
            let orphaned = Change::edit_programs(dataset, |program| {
                (program.agency.as_deref() == Some(id)).then(|| Program { agency: None, ..program.clone() })
            });
            Some(orphaned.and(without_agency(dataset, id)))
        }
    }
}

/// The boundaries replaced (or removed, with `None`). Locations that are no region of the new boundaries
/// are taken from the programs in the same change (they would break the rule); the codes taken, and the
/// number of programs that lose one, come back to be told before the change is made.
pub fn replace_regions(dataset: &Dataset, regions: Option<Regions>) -> (Change, LostLocations) {
    let mut after = dataset.clone();
    let mut lost = LostLocations::default();
    if let Some(new) = &regions {
        let codes = new.codes();
        for program in &mut after.programs {
            let before = program.locations.len();
            program.locations.retain(|code| {
                let kept = codes.contains(code.as_str());
                if !kept && !lost.codes.contains(code) {
                    lost.codes.push(code.clone());
                }
                kept
            });
            if program.locations.len() < before {
                lost.programs += 1;
            }
        }
    }
    after.regions = regions;
    (Change::between(dataset, &after), lost)
}

/// Locations that new boundaries do not have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LostLocations {
    pub codes: Vec<String>,
    pub programs: usize,
}

pub fn set_plan(dataset: &Dataset, plan: Plan) -> Change {
    Change::plan(&dataset.plan, plan)
}

/// Records an evaluation round of today's statuses; its id is its date, made unique. Returns the change
/// and the id.
pub fn record_round(dataset: &Dataset, label: &str, date: &str) -> (Change, String) {
    let stem = if date.is_empty() { "putaran" } else { date };
    let id = free_id(stem, Suffix::WhenTaken, |id| dataset.evaluations.iter().any(|e| e.id == id));
    let mut rounds = dataset.evaluations.clone();
    rounds.push(crate::evaluation::snapshot(dataset, id.clone(), label.trim().to_owned(), date.to_owned()));
    (Change::evaluations(&dataset.evaluations, &rounds), id)
}

/// Changes the round with this id (its label, date, scores or weights).
pub fn update_round(dataset: &Dataset, id: &str, change: impl FnOnce(&mut crate::format::Evaluation)) -> Change {
    let mut rounds = dataset.evaluations.clone();
    if let Some(round) = rounds.iter_mut().find(|e| e.id == id) {
        change(round);
    }
    Change::evaluations(&dataset.evaluations, &rounds)
}

pub fn delete_round(dataset: &Dataset, id: &str) -> Change {
    let rounds: Vec<_> = dataset.evaluations.iter().filter(|e| e.id != id).cloned().collect();
    Change::evaluations(&dataset.evaluations, &rounds)
}
