//! Undo and redo of every change. A step is kept as what it changed (the records it touched, before and
//! after), not as a copy of the whole dataset, so that two hundred steps of a 20 000-program plan stay
//! small; undoing applies it backwards onto the data as it now is, so that what another tab changed
//! meanwhile is kept (or, where both changed the same field, reported as a conflict).

use std::collections::VecDeque;
use std::sync::Arc;

use crate::change::{Change, Direction, Step};

/// How many changes can be undone.
pub const STEPS: usize = 200;

/// The changes that can be undone and redone.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Arc<Change>>,
    redo: Vec<Arc<Change>>,
}

impl History {
    /// Records a change; it can be undone, and what was undone before can no longer be redone.
    pub fn record(&mut self, change: Arc<Change>) {
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

    /// The step that takes the last change back, if there is one.
    pub fn undo(&mut self) -> Option<Step> {
        let change = self.undo.pop_back()?;
        self.redo.push(Arc::clone(&change));
        Some(Step { change, direction: Direction::Backward })
    }

    /// A program of this tab took another id when its changes were carried over onto another tab's data:
    /// the steps that touch it follow, so that undo and redo reach it and not the other tab's program.
    pub fn rename_program(&mut self, from: &str, to: &str) {
        for change in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if let Some(renamed) = change.with_program_renamed(from, to) {
                *change = Arc::new(renamed);
            }
        }
    }

    /// The step that makes the last undone change again, if there is one.
    pub fn redo(&mut self) -> Option<Step> {
        let change = self.redo.pop()?;
        self.undo.push_back(Arc::clone(&change));
        Some(Step { change, direction: Direction::Forward })
    }
}
