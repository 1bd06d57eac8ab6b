//! One change of the master plan, as the records it touched before and after: the plan, each agency,
//! program and evaluation round by its id, and the file's other top-level fields. A change applies onto
//! data that moved on meanwhile (another tab saved, a form was opened on an older copy) record by record
//! and field by field: what only one side changed is kept, and where both changed the same field
//! differently the other side's value stays and a conflict says so. Undo, redo, saving and the exchange
//! between tabs all rest on it. Pure: nothing here knows of the browser.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::format::{Agency, Dataset, Evaluation, Extra, FormatError, Plan, Problem, Program};
use crate::import::Origin;

mod summary;
pub use summary::{Counts, Kind, Named, Summary};

/// A record of the dataset that a change can touch.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Record {
    Plan,
    Agency(String),
    Program(String),
    Evaluation(String),
    /// The boundaries (`regions`), `exported_at` and the top-level fields this version does not know.
    Other,
}

/// Where both sides changed the same thing differently. The other side's value stays in the data until the
/// user chooses; `mine` is what this side wanted.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub record: Record,
    /// The field as the file names it; `None` for the record as a whole (deleted on one side, changed on
    /// the other).
    pub field: Option<String>,
    /// This side's value; `None` where this side deleted the record or removed the field.
    pub mine: Option<Value>,
    /// The other side's value; `None` where the other side deleted the record or removed the field.
    pub theirs: Option<Value>,
    /// Where this side's record stood, to bring it back there if the user keeps it.
    at: usize,
}

/// What applying a change did besides changing the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub conflicts: Vec<Conflict>,
    /// Programs this side added under an id the other side had meanwhile given to another program, and the
    /// id each was given instead, so that both programs survive.
    pub renamed: Vec<(String, String)>,
}

impl Outcome {
    fn absorb(&mut self, other: Outcome) {
        self.conflicts.extend(other.conflicts);
        self.renamed.extend(other.renamed);
    }
}

/// The dataset's top-level fields besides the plan and the lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Other {
    /// The boundaries change as one whole (an import replaces them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    regions: Option<crate::geo::Regions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<String>,
    #[serde(flatten)]
    extra: Extra,
}

impl Other {
    fn of(dataset: &Dataset) -> Other {
        Other {
            regions: dataset.regions.clone(),
            exported_at: dataset.exported_at.clone(),
            extra: dataset.extra.clone(),
        }
    }

    fn put(self, dataset: &mut Dataset) {
        dataset.regions = self.regions;
        dataset.exported_at = self.exported_at;
        dataset.extra = self.extra;
    }
}

/// A record's fields as the file writes them, and back.
trait Fields: Clone + PartialEq + Serialize + DeserializeOwned {
    /// The rules the record keeps by itself, by field.
    fn problems(&self) -> Vec<(&'static str, Problem)>;

    fn to_map(&self) -> Map<String, Value> {
        crate::format::to_fields(self)
    }

    fn from_map(map: Map<String, Value>) -> Option<Self> {
        crate::format::from_fields(map)
    }
}

/// A record of a list, found by its id.
trait Keyed: Fields {
    const LIST: &'static str;
    fn key(&self) -> &str;
    fn record(key: &str) -> Record;
    fn list(dataset: &Dataset) -> &Vec<Self>;
    fn list_mut(dataset: &mut Dataset) -> &mut Vec<Self>;
    /// Another id for a record this side added under an id the other side used for something else;
    /// `None` where records of this kind keep their id and the difference is a conflict instead.
    fn rekeyed(&self, _taken: &dyn Fn(&str) -> bool) -> Option<Self> {
        None
    }
}

impl Fields for Plan {
    fn problems(&self) -> Vec<(&'static str, Problem)> {
        Plan::problems(self)
    }
}

impl Fields for Other {
    fn problems(&self) -> Vec<(&'static str, Problem)> {
        Vec::new()
    }
}

impl Fields for Agency {
    fn problems(&self) -> Vec<(&'static str, Problem)> {
        Agency::problems(self)
    }
}

impl Keyed for Agency {
    const LIST: &'static str = "agencies";
    fn key(&self) -> &str {
        &self.id
    }
    fn record(key: &str) -> Record {
        Record::Agency(key.to_owned())
    }
    fn list(dataset: &Dataset) -> &Vec<Self> {
        &dataset.agencies
    }
    fn list_mut(dataset: &mut Dataset) -> &mut Vec<Self> {
        &mut dataset.agencies
    }
}

impl Fields for Program {
    fn problems(&self) -> Vec<(&'static str, Problem)> {
        Program::problems(self)
    }
}

impl Keyed for Program {
    const LIST: &'static str = "programs";
    fn key(&self) -> &str {
        &self.id
    }
    fn record(key: &str) -> Record {
        Record::Program(key.to_owned())
    }
    fn list(dataset: &Dataset) -> &Vec<Self> {
        &dataset.programs
    }
    fn list_mut(dataset: &mut Dataset) -> &mut Vec<Self> {
        &mut dataset.programs
    }
    fn rekeyed(&self, taken: &dyn Fn(&str) -> bool) -> Option<Self> {
        let stem: String = self.id.chars().take(56).collect();
        let id = (2..).map(|n| format!("{stem}-{n}")).find(|id| !taken(id))?;
        Some(Program { id, ..self.clone() })
    }
}

impl Fields for Evaluation {
    fn problems(&self) -> Vec<(&'static str, Problem)> {
        Evaluation::problems(self)
    }
}

impl Keyed for Evaluation {
    const LIST: &'static str = "evaluations";
    fn key(&self) -> &str {
        &self.id
    }
    fn record(key: &str) -> Record {
        Record::Evaluation(key.to_owned())
    }
    fn list(dataset: &Dataset) -> &Vec<Self> {
        &dataset.evaluations
    }
    fn list_mut(dataset: &mut Dataset) -> &mut Vec<Self> {
        &mut dataset.evaluations
    }
}

/// A record with its place, on one side of an edit; `None` where it did not exist.
type Side<'a, T> = Option<&'a (usize, T)>;

/// One record of a list before and after, with its place; `None` where it did not exist.
#[derive(Clone, Debug, PartialEq)]
struct Edit<T> {
    before: Option<(usize, T)>,
    after: Option<(usize, T)>,
}

impl<T: Keyed> Edit<T> {
    fn key(&self) -> &str {
        self.before.as_ref().or(self.after.as_ref()).map(|(_, r)| r.key()).unwrap_or_default()
    }

    /// The record as the step finds it and as it leaves it.
    fn sides(&self, direction: Direction) -> (Side<'_, T>, Side<'_, T>) {
        match direction {
            Direction::Forward => (self.before.as_ref(), self.after.as_ref()),
            Direction::Backward => (self.after.as_ref(), self.before.as_ref()),
        }
    }
}

/// How a change is checked against the ranges and limits the format gained after its first release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitCheck {
    /// An edit made now: refused for a value beyond them, unless the record already held that value (an
    /// earlier release saved it), so that no unrelated old value has to be mended first.
    Edit,
    /// Data or a step the user already had: an undo or a redo, a restore, another tab's saved data.
    AlreadyHeld,
}

impl LimitCheck {
    /// Whether a problem goes unrefused: a later limit, held before (`was_held` asked only for an edit).
    fn lets_pass(self, problem: &Problem, was_held: impl FnOnce() -> bool) -> bool {
        problem.is_later_limit()
            && match self {
                LimitCheck::AlreadyHeld => true,
                LimitCheck::Edit => was_held(),
            }
    }
}

/// What a change did to one list.
#[derive(Clone, Debug, PartialEq)]
struct ListChange<T> {
    edits: Vec<Edit<T>>,
    /// Every id in order, before and after, kept only when the change reorders records both sides have
    /// (an import of a file in another order); additions and deletions alone keep the order by place.
    order: Option<(Vec<String>, Vec<String>)>,
}

impl<T> Default for ListChange<T> {
    fn default() -> Self {
        ListChange { edits: Vec::new(), order: None }
    }
}

/// What a whole record decided, on one list.
enum Decision<T> {
    Replace(usize, T),
    Delete(String),
    Insert(usize, T),
}

impl<T: Keyed> ListChange<T> {
    fn between(before: &[T], after: &[T]) -> ListChange<T> {
        let old: HashMap<&str, (usize, &T)> = before.iter().enumerate().map(|(i, r)| (r.key(), (i, r))).collect();
        let new_keys: HashSet<&str> = after.iter().map(Keyed::key).collect();
        let mut edits = Vec::new();
        for (i, record) in after.iter().enumerate() {
            match old.get(record.key()) {
                Some((_, was)) if *was == record => {}
                Some((j, was)) => {
                    edits.push(Edit { before: Some((*j, (*was).clone())), after: Some((i, record.clone())) })
                }
                None => edits.push(Edit { before: None, after: Some((i, record.clone())) }),
            }
        }
        for (j, record) in before.iter().enumerate() {
            if !new_keys.contains(record.key()) {
                edits.push(Edit { before: Some((j, record.clone())), after: None });
            }
        }
        let kept_before = before.iter().map(Keyed::key).filter(|k| new_keys.contains(k));
        let kept_after = after.iter().map(Keyed::key).filter(|k| old.contains_key(k));
        let order = (!kept_before.eq(kept_after)).then(|| {
            (before.iter().map(|r| r.key().to_owned()).collect(), after.iter().map(|r| r.key().to_owned()).collect())
        });
        ListChange { edits, order }
    }

    fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.order.is_none()
    }

    fn apply(&self, dataset: &mut Dataset, direction: Direction, renames: &mut Renames) -> Outcome {
        let mut outcome = Outcome::default();
        if self.is_empty() {
            return outcome;
        }
        let list = T::list(dataset);
        // A few edits look their records up one by one; many (an import) build an index once.
        let index: Option<HashMap<&str, usize>> =
            (self.edits.len() > 8).then(|| list.iter().enumerate().map(|(i, r)| (r.key(), i)).collect());
        let find = |key: &str| match &index {
            Some(index) => index.get(key).copied(),
            None => list.iter().position(|r| r.key() == key),
        };
        let mut decisions = Vec::new();
        // Ids this change gives records, so that a program renamed to make room takes none of them.
        let mut giving: HashSet<String> = self
            .edits
            .iter()
            .filter_map(|e| e.sides(direction).1)
            .map(|(_, r)| renames.map.get(r.key()).cloned().unwrap_or_else(|| r.key().to_owned()))
            .collect();
        for edit in &self.edits {
            let key = renames.map.get(edit.key()).map_or(edit.key(), String::as_str);
            let current = find(key).map(|i| (i, &list[i]));
            let (from, to) = edit.sides(direction);
            match (from, to, current) {
                (None, None, _) | (Some(_), None, None) => {}
                (None, Some((at, wanted)), None) => decisions.push(Decision::Insert(*at, with_key(wanted, key))),
                (None, Some((at, wanted)), Some((i, theirs))) => {
                    let wanted = with_key(wanted, key);
                    if *theirs == wanted {
                        continue;
                    }
                    // Another tab added a record under the same id. A program this tab added (carried
                    // over, not an undo bringing one back) takes another id, so that both survive; anything
                    // else meets field by field.
                    let taken =
                        |id: &str| find(id).is_some() || giving.contains(id) || renames.map.values().any(|v| v == id);
                    let adding = renames.carrying_over && direction == Direction::Forward;
                    match adding.then(|| wanted.rekeyed(&taken)).flatten() {
                        Some(rekeyed) => {
                            outcome.renamed.push((key.to_owned(), rekeyed.key().to_owned()));
                            renames.map.insert(edit.key().to_owned(), rekeyed.key().to_owned());
                            giving.insert(rekeyed.key().to_owned());
                            decisions.push(Decision::Insert(*at, rekeyed));
                        }
                        None => {
                            let merged = merge_fields(None, &wanted, theirs, T::record(key), i, &mut outcome);
                            decisions.push(Decision::Replace(i, merged));
                        }
                    }
                }
                (Some((_, was)), None, Some((i, theirs))) => {
                    if *theirs == with_key(was, key) {
                        decisions.push(Decision::Delete(key.to_owned()));
                    } else {
                        outcome.conflicts.push(Conflict {
                            record: T::record(key),
                            field: None,
                            mine: None,
                            theirs: Some(Value::Object(theirs.to_map())),
                            at: i,
                        });
                    }
                }
                (Some(_), Some((at, wanted)), None) => outcome.conflicts.push(Conflict {
                    record: T::record(key),
                    field: None,
                    mine: Some(Value::Object(with_key(wanted, key).to_map())),
                    theirs: None,
                    at: *at,
                }),
                (Some((_, was)), Some((_, wanted)), Some((i, theirs))) => {
                    let (was, wanted) = (with_key(was, key), with_key(wanted, key));
                    if *theirs == was {
                        decisions.push(Decision::Replace(i, wanted));
                    } else if *theirs != wanted {
                        let merged = merge_fields(Some(&was), &wanted, theirs, T::record(key), i, &mut outcome);
                        decisions.push(Decision::Replace(i, merged));
                    }
                }
            }
        }
        let list = T::list_mut(dataset);
        let mut deleted = HashSet::new();
        let mut inserted = Vec::new();
        for decision in decisions {
            match decision {
                Decision::Replace(i, record) => list[i] = record,
                Decision::Delete(key) => {
                    deleted.insert(key);
                }
                Decision::Insert(at, record) => inserted.push((at, record)),
            }
        }
        if !deleted.is_empty() {
            list.retain(|r| !deleted.contains(r.key()));
        }
        // Lowest place first: each record then lands where it stood, whatever else came and went.
        inserted.sort_by_key(|(at, _)| *at);
        for (at, record) in inserted {
            let at = at.min(list.len());
            list.insert(at, record);
        }
        if let Some((before, after)) = &self.order {
            let target = match direction {
                Direction::Forward => after,
                Direction::Backward => before,
            };
            reorder(list, target, renames);
        }
        outcome
    }
}

/// The record with its id as this side now knows it (a program renamed to make room keeps its new id).
fn with_key<T: Keyed>(record: &T, key: &str) -> T {
    let mut record = record.clone();
    if record.key() != key {
        let mut map = record.to_map();
        map.insert("id".into(), Value::String(key.to_owned()));
        record = T::from_map(map).unwrap_or(record);
    }
    record
}

/// Puts the records in `order`; records it does not name (added by the other side) stay right after the
/// record they followed.
fn reorder<T: Keyed>(list: &mut [T], order: &[String], renames: &Renames) {
    let rank: HashMap<&str, usize> =
        order.iter().enumerate().map(|(i, k)| (renames.map.get(k).map_or(k.as_str(), String::as_str), i)).collect();
    let mut last = None;
    let mut keys = Vec::with_capacity(list.len());
    for (i, record) in list.iter().enumerate() {
        if let Some(r) = rank.get(record.key()) {
            last = Some(*r);
            keys.push((last, 0, i));
        } else {
            keys.push((last, 1, i));
        }
    }
    let mut places: Vec<usize> = (0..list.len()).collect();
    places.sort_by_key(|&i| keys[i]);
    let sorted: Vec<T> = places.iter().map(|&i| list[i].clone()).collect();
    list.clone_from_slice(&sorted);
}

/// Three ways, field by field: what this side changed from `base` is taken where the other side left it
/// alone; where both changed it differently the other side's value stays and a conflict is reported. A
/// merge that would break one of the record's rules (a sub-dimension of another dimension) keeps the other
/// side's record whole and reports every field this side changed.
fn merge_fields<T: Fields>(
    base: Option<&T>,
    mine: &T,
    theirs: &T,
    record: Record,
    at: usize,
    outcome: &mut Outcome,
) -> T {
    let base = base.map(Fields::to_map).unwrap_or_default();
    let mine_map = mine.to_map();
    let theirs_map = theirs.to_map();
    let mut merged = theirs_map.clone();
    let mut conflicts = Vec::new();
    let mut changed_by_me = Vec::new();
    let fields: Vec<&String> = mine_map.keys().chain(base.keys().filter(|k| !mine_map.contains_key(*k))).collect();
    for field in fields {
        let (was, wanted, found) = (base.get(field), mine_map.get(field), theirs_map.get(field));
        if wanted == was || found == wanted {
            continue;
        }
        changed_by_me.push((field.clone(), wanted.cloned(), found.cloned()));
        if found == was {
            match wanted {
                Some(value) => merged.insert(field.clone(), value.clone()),
                None => merged.remove(field),
            };
        } else {
            conflicts.push(Conflict {
                record: record.clone(),
                field: Some(field.clone()),
                mine: wanted.cloned(),
                theirs: found.cloned(),
                at,
            });
        }
    }
    match T::from_map(merged).filter(|m| m.problems().is_empty() || !theirs.problems().is_empty()) {
        Some(merged) => {
            outcome.conflicts.extend(conflicts);
            merged
        }
        None => {
            outcome.conflicts.extend(changed_by_me.into_iter().map(|(field, mine, theirs)| Conflict {
                record: record.clone(),
                field: Some(field),
                mine,
                theirs,
                at,
            }));
            theirs.clone()
        }
    }
}

/// A record that is one of its kind (the plan, the other top-level fields), before and after.
fn apply_single<T: Fields>(
    pair: &Option<(T, T)>,
    current: &T,
    direction: Direction,
    record: Record,
    outcome: &mut Outcome,
) -> Option<T> {
    let (before, after) = pair.as_ref()?;
    let (was, wanted) = match direction {
        Direction::Forward => (before, after),
        Direction::Backward => (after, before),
    };
    if current == was {
        Some(wanted.clone())
    } else if current == wanted {
        None
    } else {
        Some(merge_fields(Some(was), wanted, current, record, 0, outcome))
    }
}

/// The parts of a dataset, as far as a change touches them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub plan: bool,
    pub agencies: bool,
    pub programs: bool,
    pub evaluations: bool,
    pub other: bool,
}

/// Which way a change is applied: as made (redo, saving) or taken back (undo).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
}

/// What one edit, import, restore or merge changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Where the data came from, before and after, when the change replaced it (an import, a restore):
    /// undone, the data is labelled as it was.
    origin: Option<(Origin, Origin)>,
    plan: Option<(Plan, Plan)>,
    other: Option<(Other, Other)>,
    agencies: ListChange<Agency>,
    programs: ListChange<Program>,
    evaluations: ListChange<Evaluation>,
}

impl Change {
    /// What turns `before` into `after`; empty when they are the same.
    pub fn between(before: &Dataset, after: &Dataset) -> Change {
        let other = (Other::of(before), Other::of(after));
        Change {
            origin: None,
            plan: (before.plan != after.plan).then(|| (before.plan.clone(), after.plan.clone())),
            other: (other.0 != other.1).then_some(other),
            agencies: ListChange::between(&before.agencies, &after.agencies),
            programs: ListChange::between(&before.programs, &after.programs),
            evaluations: ListChange::between(&before.evaluations, &after.evaluations),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.origin.is_none()
            && self.plan.is_none()
            && self.other.is_none()
            && self.agencies.is_empty()
            && self.programs.is_empty()
            && self.evaluations.is_empty()
    }

    /// The same change, replacing where the data came from too.
    pub fn from_origin(self, before: Origin, after: Origin) -> Change {
        Change { origin: (before != after).then_some((before, after)), ..self }
    }

    /// Where the data comes from once the change is applied this way, if the change says.
    pub fn origin_after(&self, direction: Direction) -> Option<&Origin> {
        self.origin.as_ref().map(|(before, after)| if direction == Direction::Forward { after } else { before })
    }

    /// The same change with a program's id replaced (it took another id when carried over onto another
    /// tab's data); `None` when the change does not touch it.
    pub fn with_program_renamed(&self, from: &str, to: &str) -> Option<Change> {
        if !self.programs.edits.iter().any(|e| e.key() == from) {
            return None;
        }
        let mut renamed = self.clone();
        for edit in &mut renamed.programs.edits {
            for (_, program) in edit.before.iter_mut().chain(edit.after.iter_mut()) {
                if program.id == from {
                    program.id = to.to_owned();
                }
            }
        }
        if let Some((before, after)) = &mut renamed.programs.order {
            for id in before.iter_mut().chain(after.iter_mut()).filter(|id| *id == from) {
                *id = to.to_owned();
            }
        }
        Some(renamed)
    }

    /// The plan's details changed.
    pub fn plan(before: &Plan, after: Plan) -> Change {
        Change { plan: (*before != after).then(|| (before.clone(), after)), ..Change::default() }
    }

    /// The agencies, from one list to another (a short list: compared whole).
    pub fn agencies(before: &[Agency], after: &[Agency]) -> Change {
        Change { agencies: ListChange::between(before, after), ..Change::default() }
    }

    /// The evaluation rounds, from one list to another.
    pub fn evaluations(before: &[Evaluation], after: &[Evaluation]) -> Change {
        Change { evaluations: ListChange::between(before, after), ..Change::default() }
    }

    /// The programs that `edit` changes; it returns the changed program, or `None` to leave one alone.
    pub fn edit_programs(dataset: &Dataset, mut edit: impl FnMut(&Program) -> Option<Program>) -> Change {
        let edits = dataset
            .programs
            .iter()
            .enumerate()
            .filter_map(|(i, program)| {
                let edited = edit(program).filter(|e| e != program)?;
                Some(program_edit(Some((i, program.clone())), Some((i, edited))))
            })
            .flatten()
            .collect();
        Change { programs: ListChange { edits, order: None }, ..Change::default() }
    }

    /// One program from what it was (`None`: new) to what it is to be (`None`: deleted), at `at`. A
    /// program whose id changes is the old one deleted and the new one added in its place.
    pub fn program(at: usize, before: Option<Program>, after: Option<Program>) -> Change {
        let edits = program_edit(before.map(|p| (at, p)), after.map(|p| (at, p)));
        Change { programs: ListChange { edits, order: None }, ..Change::default() }
    }

    /// The programs with these ids deleted.
    pub fn delete_programs(dataset: &Dataset, ids: &HashSet<&str>) -> Change {
        let edits = dataset
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| ids.contains(p.id.as_str()))
            .map(|(i, p)| Edit { before: Some((i, p.clone())), after: None })
            .collect();
        Change { programs: ListChange { edits, order: None }, ..Change::default() }
    }

    /// Both changes at once; they touch different records.
    pub fn and(mut self, other: Change) -> Change {
        self.origin = self.origin.or(other.origin);
        self.plan = self.plan.or(other.plan);
        self.other = self.other.or(other.other);
        self.agencies.edits.extend(other.agencies.edits);
        self.agencies.order = self.agencies.order.or(other.agencies.order);
        self.programs.edits.extend(other.programs.edits);
        self.programs.order = self.programs.order.or(other.programs.order);
        self.evaluations.edits.extend(other.evaluations.edits);
        self.evaluations.order = self.evaluations.order.or(other.evaluations.order);
        self
    }

    /// Applies the change onto `dataset`, which may have moved on since the change was made.
    pub fn apply(&self, dataset: &mut Dataset, direction: Direction) -> Outcome {
        self.apply_renaming(dataset, direction, &mut Renames::default())
    }

    /// As `apply`, keeping track of programs that had to take another id, for the changes that follow.
    fn apply_renaming(&self, dataset: &mut Dataset, direction: Direction, renames: &mut Renames) -> Outcome {
        let mut outcome = Outcome::default();
        if let Some(plan) = apply_single(&self.plan, &dataset.plan, direction, Record::Plan, &mut outcome) {
            dataset.plan = plan;
        }
        // Only a change of the other top-level fields reads them: they hold the boundaries, which an edit of
        // a program should not copy.
        if self.other.is_some()
            && let Some(other) = apply_single(&self.other, &Other::of(dataset), direction, Record::Other, &mut outcome)
        {
            other.put(dataset);
        }
        outcome.absorb(self.agencies.apply(dataset, direction, renames));
        outcome.absorb(self.programs.apply(dataset, direction, renames));
        outcome.absorb(self.evaluations.apply(dataset, direction, renames));
        outcome
    }

    /// Which parts of the dataset the change touches.
    pub fn parts(&self) -> Parts {
        Parts {
            plan: self.plan.is_some(),
            agencies: !self.agencies.is_empty(),
            programs: !self.programs.is_empty(),
            evaluations: !self.evaluations.is_empty(),
            other: self.other.is_some(),
        }
    }

    /// The programs the change touches, each with the place it had or took (a hint: data that moved on
    /// meanwhile may hold it elsewhere).
    pub fn touched_programs(&self) -> impl Iterator<Item = (&str, usize)> {
        self.programs.edits.iter().map(|e| (e.key(), e.after.as_ref().or(e.before.as_ref()).map_or(0, |(at, _)| *at)))
    }

    /// Whether the change touches anything but the contents of existing programs (their set, their order,
    /// the plan, agencies, rounds): what views that follow programs one by one cannot follow.
    pub fn reshapes(&self) -> bool {
        self.plan.is_some()
            || self.other.is_some()
            || !self.agencies.is_empty()
            || !self.evaluations.is_empty()
            || self.programs.order.is_some()
            || self.programs.edits.iter().any(|e| e.before.is_none() || e.after.is_none())
    }

    /// Whether the change touches few records and leaves the boundaries as they are: it is then checked
    /// record by record before it is made, rather than by checking the whole result (new boundaries are
    /// checked against every program's locations).
    pub fn is_small(&self) -> bool {
        self.other.as_ref().is_none_or(|(before, after)| before.regions == after.regions)
            && self.agencies.edits.len() + self.programs.edits.len() + self.evaluations.edits.len() <= 32
    }

    /// The rules the records as this change leaves them would break in `dataset`, each with its place:
    /// their own rules, and ids they would share with another record. Checked before the change is made,
    /// so that a refused change never touches the data.
    ///
    /// The ranges and limits added after the format's first release are checked as `limits` says: an edit
    /// is refused for a value beyond them that the record did not already hold.
    pub fn violations_before(&self, dataset: &Dataset, direction: Direction, limits: LimitCheck) -> Vec<FormatError> {
        let mut errors = Vec::new();
        if let Some((before, after)) = &self.plan {
            let (from, to) = if direction == Direction::Forward { (before, after) } else { (after, before) };
            let held = from.problems();
            errors.extend(
                to.problems()
                    .into_iter()
                    .filter(|(f, p)| !limits.lets_pass(p, || held.iter().any(|(hf, hp)| hf == f && hp == p)))
                    .map(|(f, p)| FormatError::new(format!("plan.{f}"), p)),
            );
        }
        self.agencies.violations_before(&dataset.agencies, direction, limits, &mut errors);
        self.programs.violations_before(&dataset.programs, direction, limits, &mut errors);
        self.evaluations.violations_before(&dataset.evaluations, direction, limits, &mut errors);
        // The places the programs as changed name must be regions of the boundaries (a small change keeps them).
        if let Some(regions) = &dataset.regions {
            let codes = regions.codes();
            for edit in &self.programs.edits {
                let Some((at, program)) = edit.sides(direction).1 else { continue };
                let place = dataset.programs.iter().position(|p| p.id == program.id).unwrap_or(*at);
                for (j, code) in program.locations.iter().enumerate() {
                    if !code.trim().is_empty() && !codes.contains(code.as_str()) {
                        let problem = Problem::UnknownRegion { code: code.clone() };
                        errors.push(FormatError::new(format!("programs[{place}].locations[{j}]"), problem));
                    }
                }
            }
        }
        errors
    }
}

impl<T: Keyed> ListChange<T> {
    fn violations_before(&self, list: &[T], direction: Direction, limits: LimitCheck, errors: &mut Vec<FormatError>) {
        let mut added = HashSet::new();
        for edit in &self.edits {
            let (from, to) = edit.sides(direction);
            let Some((at, record)) = to else { continue };
            let current = list.iter().position(|r| r.key() == record.key());
            let place = current.unwrap_or(*at);
            let problems = record.problems();
            let id_has_problem = problems.iter().any(|(f, _)| *f == "id");
            let held = std::cell::OnceCell::new();
            for (field, problem) in problems {
                let was_held = || {
                    held.get_or_init(|| from.map(|(_, r)| r.problems()).unwrap_or_default())
                        .iter()
                        .any(|(f, p)| *f == field && *p == problem)
                };
                if !limits.lets_pass(&problem, was_held) {
                    errors.push(FormatError::new(format!("{}[{place}].{field}", T::LIST), problem));
                }
            }
            // A record this change adds under an id the data has meets it field by field (an undo, a redo
            // after another tab's change); a new id taken is refused where the change is made
            // (`edit::save_program`). Two records added under one id in one change are refused here.
            let twice_in_change = !added.insert(record.key());
            if from.is_none() && !id_has_problem && twice_in_change {
                let problem = Problem::DuplicateId { id: record.key().to_owned() };
                errors.push(FormatError::new(format!("{}[{at}].id", T::LIST), problem));
            }
        }
    }
}

fn program_edit(before: Option<(usize, Program)>, after: Option<(usize, Program)>) -> Vec<Edit<Program>> {
    match (before, after) {
        (Some(b), Some(a)) if b.1.id != a.1.id => {
            vec![Edit { before: Some(b), after: None }, Edit { before: None, after: Some(a) }]
        }
        (None, None) => Vec::new(),
        (before, after) => vec![Edit { before, after }],
    }
}

/// Programs of this side that took another id while carried over onto another tab's data.
#[derive(Default)]
struct Renames {
    /// Carrying this tab's changes over onto another tab's data, rather than making one here.
    carrying_over: bool,
    /// Old id to new id.
    map: HashMap<String, String>,
}

/// A change and the way it is to be applied: a step of the history, or one not yet saved.
#[derive(Clone, Debug)]
pub struct Step {
    pub change: Arc<Change>,
    pub direction: Direction,
}

impl Step {
    pub fn forward(change: Arc<Change>) -> Step {
        Step { change, direction: Direction::Forward }
    }
}

/// Applies the steps one after the other onto `dataset` (what another tab saved), as a tab's unsaved
/// changes are carried over onto the newer data.
pub fn rebase(steps: &[Step], dataset: &mut Dataset) -> Outcome {
    let mut renames = Renames { carrying_over: true, map: HashMap::new() };
    let mut outcome = Outcome::default();
    for step in steps {
        outcome.absorb(step.change.apply_renaming(dataset, step.direction, &mut renames));
    }
    outcome
}

impl Conflict {
    /// The change that gives this side's value after all, on the data as it now is; `None` when the record
    /// is gone or the value no longer fits it.
    pub fn keep_mine(&self, dataset: &Dataset) -> Option<Change> {
        match &self.record {
            Record::Plan => {
                let plan = self.with_mine(&dataset.plan)?;
                Some(Change::plan(&dataset.plan, plan))
            }
            Record::Other => {
                let current = Other::of(dataset);
                let other = self.with_mine(&current)?;
                Some(Change { other: Some((current, other)), ..Change::default() })
            }
            Record::Agency(key) => {
                Some(Change { agencies: self.keep_in(&dataset.agencies, key)?, ..Change::default() })
            }
            Record::Program(key) => {
                Some(Change { programs: self.keep_in(&dataset.programs, key)?, ..Change::default() })
            }
            Record::Evaluation(key) => {
                Some(Change { evaluations: self.keep_in(&dataset.evaluations, key)?, ..Change::default() })
            }
        }
    }

    fn with_mine<T: Fields>(&self, current: &T) -> Option<T> {
        let field = self.field.as_ref()?;
        let mut map = current.to_map();
        match &self.mine {
            Some(value) => map.insert(field.clone(), value.clone()),
            None => map.remove(field),
        };
        T::from_map(map)
    }

    fn keep_in<T: Keyed>(&self, list: &[T], key: &str) -> Option<ListChange<T>> {
        let current = list.iter().position(|r| r.key() == key).map(|i| (i, list[i].clone()));
        let edit = match (&self.field, current) {
            (Some(_), Some((i, record))) => {
                let mine = self.with_mine(&record)?;
                Edit { before: Some((i, record)), after: Some((i, mine)) }
            }
            (None, current) => {
                let mine = match &self.mine {
                    Some(Value::Object(map)) => {
                        Some((current.as_ref().map_or(self.at, |(i, _)| *i), T::from_map(map.clone())?))
                    }
                    _ => None,
                };
                Edit { before: current, after: mine }
            }
            (Some(_), None) => return None,
        };
        Some(ListChange { edits: vec![edit], order: None })
    }
}
