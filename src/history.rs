//! Undo and redo of every edit. An edit is kept as what it changed (the plan, the agencies, the programs
//! it touched, with their places), not as a copy of the whole dataset, so that a hundred steps of a
//! 20 000-program plan stay small.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::format::{Agency, Dataset, Plan, Program};

/// How many edits can be undone.
pub const STEPS: usize = 200;

/// One program before and after an edit; `None` where it did not exist. The place is its index.
#[derive(Clone, Debug, PartialEq)]
struct ProgramChange {
    before: Option<(usize, Program)>,
    after: Option<(usize, Program)>,
}

/// What one edit changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    plan: Option<(Plan, Plan)>,
    agencies: Option<(Vec<Agency>, Vec<Agency>)>,
    programs: Vec<ProgramChange>,
    /// Any other top-level part (evaluations, unknown fields) is rare to edit: kept whole when it changes.
    rest: Option<(Dataset, Dataset)>,
}

impl Change {
    /// What turns `before` into `after`; `None` when they are the same.
    pub fn between(before: &Dataset, after: &Dataset) -> Option<Change> {
        let plan = (before.plan != after.plan).then(|| (before.plan.clone(), after.plan.clone()));
        let agencies = (before.agencies != after.agencies).then(|| (before.agencies.clone(), after.agencies.clone()));
        let old: HashMap<&str, (usize, &Program)> =
            before.programs.iter().enumerate().map(|(i, p)| (p.id.as_str(), (i, p))).collect();
        let new_ids: HashSet<&str> = after.programs.iter().map(|p| p.id.as_str()).collect();
        let mut programs = Vec::new();
        for (i, program) in after.programs.iter().enumerate() {
            match old.get(program.id.as_str()) {
                Some((j, old)) if *old == program && *j == i => {}
                Some((j, old)) => programs
                    .push(ProgramChange { before: Some((*j, (*old).clone())), after: Some((i, program.clone())) }),
                None => programs.push(ProgramChange { before: None, after: Some((i, program.clone())) }),
            }
        }
        for (i, program) in before.programs.iter().enumerate() {
            if !new_ids.contains(program.id.as_str()) {
                programs.push(ProgramChange { before: Some((i, program.clone())), after: None });
            }
        }
        let others_differ = before.evaluations != after.evaluations || before.extra != after.extra;
        let rest = others_differ.then(|| (skeleton(before), skeleton(after)));
        let change = Change { plan, agencies, programs, rest };
        (change.plan.is_some() || change.agencies.is_some() || !change.programs.is_empty() || change.rest.is_some())
            .then_some(change)
    }

    pub fn apply(&self, dataset: &Dataset) -> Dataset {
        self.rebuild(dataset, true)
    }

    pub fn revert(&self, dataset: &Dataset) -> Dataset {
        self.rebuild(dataset, false)
    }

    fn rebuild(&self, dataset: &Dataset, forward: bool) -> Dataset {
        let mut result = dataset.clone();
        if let Some((before, after)) = &self.plan {
            result.plan = if forward { after } else { before }.clone();
        }
        if let Some((before, after)) = &self.agencies {
            result.agencies = if forward { after } else { before }.clone();
        }
        if let Some((before, after)) = &self.rest {
            let source = if forward { after } else { before };
            result.evaluations = source.evaluations.clone();
            result.extra = source.extra.clone();
        }
        // Take out every touched program, then put each one back at its place, lowest place first.
        let touched: HashSet<&str> = self
            .programs
            .iter()
            .flat_map(|c| c.before.iter().chain(c.after.iter()).map(|(_, p)| p.id.as_str()))
            .collect();
        result.programs.retain(|p| !touched.contains(p.id.as_str()));
        let mut placed: Vec<(usize, Program)> =
            self.programs.iter().filter_map(|c| if forward { c.after.clone() } else { c.before.clone() }).collect();
        placed.sort_by_key(|(i, _)| *i);
        for (i, program) in placed {
            let at = i.min(result.programs.len());
            result.programs.insert(at, program);
        }
        result
    }
}

/// The dataset without its programs, plan and agencies: what `rest` needs to restore.
fn skeleton(dataset: &Dataset) -> Dataset {
    Dataset { programs: Vec::new(), agencies: Vec::new(), ..dataset.clone() }
}

/// The edits that can be undone and redone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: VecDeque<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records an edit; it can be undone, and what was undone before can no longer be redone.
    pub fn record(&mut self, change: Change) {
        self.undo.push_back(change);
        if self.undo.len() > STEPS {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The dataset with the last edit undone, if there is one.
    pub fn undo(&mut self, dataset: &Dataset) -> Option<Dataset> {
        let change = self.undo.pop_back()?;
        let reverted = change.revert(dataset);
        self.redo.push(change);
        Some(reverted)
    }

    pub fn redo(&mut self, dataset: &Dataset) -> Option<Dataset> {
        let change = self.redo.pop()?;
        let applied = change.apply(dataset);
        self.undo.push_back(change);
        Some(applied)
    }

    /// Forgets everything, when another tab replaced the data (imports and restores are undoable).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
