//! Native tests of changes made in two tabs: a change carried over onto data that another tab changed
//! meanwhile (different programs, different fields, the same field, deletes against edits, imports against
//! edits), as property tests over generated edits; and a change between any two datasets applied and
//! taken back exactly.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::sync::Arc;

use masterplan_tracker::change::{Change, Direction, Named, Record, Step, Summary, rebase};
use masterplan_tracker::edit;
use masterplan_tracker::format::{Dataset, Program, Status};
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::i18n::{Lang, Told};
use proptest::prelude::*;
use serde_json::json;

/// One edit a user makes to one program.
#[derive(Clone, Debug)]
enum Edit {
    Status(Status),
    Name(String),
    Progress(i64),
    Delete,
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        prop::sample::select(Status::ALL.to_vec()).prop_map(Edit::Status),
        "[A-Za-zÀ-ÿ ]{1,20}".prop_map(|n| Edit::Name(format!("Program {n}"))),
        (0i64..=100).prop_map(Edit::Progress),
        Just(Edit::Delete),
    ]
}

/// Makes the edits on a copy of `base`, each on the program at its place; returns the copy.
fn edited(base: &Dataset, edits: &[(usize, Edit)]) -> Dataset {
    let mut dataset = base.clone();
    let ids: Vec<String> = edits.iter().map(|(i, _)| base.programs[*i].id.clone()).collect();
    for ((_, edit), id) in edits.iter().zip(ids) {
        let Some(program) = dataset.programs.iter_mut().find(|p| p.id == id) else { continue };
        match edit {
            Edit::Status(status) => program.status = *status,
            Edit::Name(name) => program.name = name.clone(),
            Edit::Progress(progress) => program.progress = Some(*progress),
            Edit::Delete => dataset.programs.retain(|p| p.id != id),
        }
    }
    dataset
}

fn carried_over(mine: &Change, onto: &Dataset) -> (Dataset, masterplan_tracker::change::Outcome) {
    let mut dataset = onto.clone();
    let outcome = rebase(&[Step::forward(Arc::new(mine.clone()))], &mut dataset);
    (dataset, outcome)
}

fn program<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a Program> {
    dataset.programs.iter().find(|p| p.id == id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Two tabs edit different programs: both tabs' edits survive, whichever saves second.
    #[test]
    fn edits_of_different_programs_both_survive(
        mine in prop::collection::vec((0usize..30, an_edit()), 1..8),
        theirs in prop::collection::vec((0usize..30, an_edit()), 1..8),
    ) {
        let base = synthetic_dataset(60, 7);
        // This tab edits the first thirty programs, the other tab the last thirty.
        let theirs: Vec<(usize, Edit)> = theirs.into_iter().map(|(i, e)| (i + 30, e)).collect();
        let mine_data = edited(&base, &mine);
        let theirs_data = edited(&base, &theirs);
        let (result, outcome) = carried_over(&Change::between(&base, &mine_data), &theirs_data);
        prop_assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
        for (i, original) in base.programs.iter().enumerate() {
            let expected = if i < 30 { program(&mine_data, &original.id) } else { program(&theirs_data, &original.id) };
            prop_assert_eq!(program(&result, &original.id), expected);
        }
        prop_assert!(result.violations().is_empty());
    }

    /// Two tabs edit different fields of the same program: both fields survive.
    #[test]
    fn edits_of_different_fields_of_one_program_both_survive(
        at in 0usize..60,
        status in prop::sample::select(Status::ALL.to_vec()),
        name in "[a-z]{1,12}",
    ) {
        let base = synthetic_dataset(60, 3);
        let id = base.programs[at].id.clone();
        let mine = edited(&base, &[(at, Edit::Status(status))]);
        let theirs = edited(&base, &[(at, Edit::Name(name.clone()))]);
        let (result, outcome) = carried_over(&Change::between(&base, &mine), &theirs);
        prop_assert!(outcome.conflicts.is_empty());
        let merged = program(&result, &id).unwrap();
        prop_assert_eq!(merged.status, status);
        prop_assert_eq!(&merged.name, &name);
    }

    /// Two tabs change the same field differently: the other tab's value stays until the user chooses,
    /// the conflict names the program, the field and both values, and "keep mine" gives this tab's.
    #[test]
    fn the_same_field_changed_in_both_is_a_conflict_until_the_user_chooses(
        at in 0usize..60,
        statuses in prop::sample::subsequence(Status::ALL.to_vec(), 2),
    ) {
        let base = synthetic_dataset(60, 5);
        let (mine_status, theirs_status) = (statuses[0], statuses[1]);
        let id = base.programs[at].id.clone();
        let mine = edited(&base, &[(at, Edit::Status(mine_status))]);
        let theirs = edited(&base, &[(at, Edit::Status(theirs_status))]);
        let (result, outcome) = carried_over(&Change::between(&base, &mine), &theirs);
        if base.programs[at].status == mine_status {
            // This tab changed nothing: nothing to carry over.
            prop_assert!(outcome.conflicts.is_empty());
            prop_assert_eq!(&result, &theirs);
        } else if base.programs[at].status == theirs_status {
            prop_assert!(outcome.conflicts.is_empty());
            prop_assert_eq!(program(&result, &id).unwrap().status, mine_status);
        } else {
            prop_assert_eq!(outcome.conflicts.len(), 1);
            let conflict = &outcome.conflicts[0];
            prop_assert_eq!(&conflict.record, &Record::Program(id.clone()));
            prop_assert_eq!(conflict.field.as_deref(), Some("status"));
            prop_assert_eq!(conflict.mine.clone(), Some(json!(mine_status.code())));
            prop_assert_eq!(conflict.theirs.clone(), Some(json!(theirs_status.code())));
            prop_assert_eq!(&result, &theirs, "nothing is overwritten before the user chooses");
            let keep_mine = conflict.keep_mine(&result).unwrap();
            let chosen = edit::applied(&result, &keep_mine).unwrap();
            prop_assert_eq!(program(&chosen, &id).unwrap().status, mine_status);
        }
    }

    /// A change of any dataset into any other, applied, gives the other; taken back, the first.
    #[test]
    fn a_change_applies_and_reverts_exactly(
        edits in prop::collection::vec((0usize..40, an_edit()), 0..12),
        added in 0usize..4,
        seed in 0u64..1000,
    ) {
        let a = synthetic_dataset(40, seed);
        let mut b = edited(&a, &edits);
        let extra = synthetic_dataset(added, seed + 1);
        for (i, mut p) in extra.programs.into_iter().enumerate() {
            p.id = format!("NEW-{i}");
            let at = (i * 7) % (b.programs.len() + 1);
            b.programs.insert(at, p);
        }
        b.programs.reverse();
        b.plan.title = Some(format!("Rencana {seed}"));
        b.extra.insert("x-note".into(), json!({"seed": seed}));
        let change = Change::between(&a, &b);
        let mut forward = a.clone();
        prop_assert!(change.apply(&mut forward, Direction::Forward).conflicts.is_empty());
        prop_assert_eq!(&forward, &b);
        prop_assert!(change.apply(&mut forward, Direction::Backward).conflicts.is_empty());
        prop_assert_eq!(&forward, &a);
    }
}

#[test]
fn a_program_deleted_here_and_changed_there_waits_for_the_choice() {
    let base = synthetic_dataset(20, 1);
    let id = base.programs[4].id.clone();
    let mine = edited(&base, &[(4, Edit::Delete)]);
    let theirs = edited(&base, &[(4, Edit::Name("Dikerjakan di tab lain".into()))]);
    let (result, outcome) = carried_over(&Change::between(&base, &mine), &theirs);
    assert_eq!(result, theirs, "the other tab's program stays until the user chooses");
    let [conflict] = &outcome.conflicts[..] else { panic!("{:?}", outcome.conflicts) };
    assert_eq!((conflict.field.as_deref(), conflict.mine.is_none()), (None, true));
    assert!(conflict.theirs.is_some());
    let deleted = edit::applied(&result, &conflict.keep_mine(&result).unwrap()).unwrap();
    assert!(program(&deleted, &id).is_none(), "keep mine deletes it");
}

#[test]
fn a_program_changed_here_and_deleted_there_comes_back_if_kept() {
    let base = synthetic_dataset(20, 1);
    let id = base.programs[4].id.clone();
    let mine = edited(&base, &[(4, Edit::Status(Status::Done)), (4, Edit::Progress(100))]);
    let theirs = edited(&base, &[(4, Edit::Delete)]);
    let (result, outcome) = carried_over(&Change::between(&base, &mine), &theirs);
    assert_eq!(result, theirs);
    let [conflict] = &outcome.conflicts[..] else { panic!("{:?}", outcome.conflicts) };
    assert!(conflict.mine.is_some() && conflict.theirs.is_none());
    let back = edit::applied(&result, &conflict.keep_mine(&result).unwrap()).unwrap();
    assert_eq!(program(&back, &id), program(&mine, &id), "keep mine brings it back as this tab had it");
    assert_eq!(back.programs.iter().position(|p| p.id == id), Some(4), "in its place");
}

#[test]
fn an_import_carried_over_keeps_what_the_file_does_not_change_and_meets_what_it_does() {
    let base = synthetic_dataset(30, 2);
    // The colleague's file changes program 3's status and program 5's name, and adds one.
    let mut file = base.clone();
    file.programs[3].status = if base.programs[3].status == Status::Done { Status::Running } else { Status::Done };
    file.programs[5].name = "Nama dari berkas".into();
    let mut added = base.programs[0].clone();
    added.id = "FILE-1".into();
    file.programs.push(added);
    let import = Change::between(&base, &file);
    // Meanwhile another tab changed program 3's status otherwise, and program 7's progress.
    let mut theirs = base.clone();
    theirs.programs[3].status = Status::Discussion;
    if file.programs[3].status == Status::Discussion {
        theirs.programs[3].status = Status::NotStarted;
    }
    theirs.programs[7].progress = Some(42);
    let (result, outcome) = carried_over(&import, &theirs);
    assert_eq!(result.programs[7].progress, Some(42), "the other tab's edit the file does not touch survives");
    assert_eq!(result.programs[5].name, "Nama dari berkas");
    assert!(program(&result, "FILE-1").is_some());
    assert_eq!(result.programs[3].status, theirs.programs[3].status, "kept until the user chooses");
    let fields: Vec<_> = outcome.conflicts.iter().map(|c| (c.record.clone(), c.field.clone())).collect();
    assert_eq!(fields, [(Record::Program(base.programs[3].id.clone()), Some("status".to_owned()))]);
}

#[test]
fn programs_added_in_both_tabs_under_one_id_are_both_kept() {
    let base = synthetic_dataset(10, 4);
    let new = |name: &str| Program { id: "BARU-2".into(), name: name.into(), ..base.programs[0].clone() };
    let mine = edit::save_program(&base, None, new("Parkir pintar")).unwrap();
    let theirs = edit::applied(&base, &edit::save_program(&base, None, new("e-Retribusi")).unwrap()).unwrap();
    // This tab then edits its new program before saving.
    let mine_data = edit::applied(&base, &mine).unwrap();
    let status = edit::set_status(&mine_data, "BARU-2", Status::Running);
    let mut result = theirs.clone();
    let outcome = rebase(&[Step::forward(Arc::new(mine)), Step::forward(Arc::new(status))], &mut result);
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    assert_eq!(outcome.renamed, [("BARU-2".to_owned(), "BARU-2-2".to_owned())]);
    assert_eq!(program(&result, "BARU-2").unwrap().name, "e-Retribusi");
    let renamed = program(&result, "BARU-2-2").unwrap();
    assert_eq!((renamed.name.as_str(), renamed.status), ("Parkir pintar", Status::Running), "the later edit follows");
    assert!(result.violations().is_empty());
}

#[test]
fn made_here_a_program_under_a_taken_id_is_refused_not_renamed() {
    let base = synthetic_dataset(10, 4);
    let twin = Program { name: "Kembar".into(), ..base.programs[2].clone() };
    let refused = edit::save_program(&base, None, twin).unwrap_err();
    assert!(refused.0.iter().any(|e| e.path == "programs[10].id"), "{refused:?}");
}

#[test]
fn undoing_a_deletion_of_a_program_another_tab_brought_back_changed_asks() {
    let base = synthetic_dataset(10, 4);
    let deletion = edit::delete_programs(&base, &[base.programs[3].id.clone()]);
    let mut now = edit::applied(&base, &deletion).unwrap();
    // Another tab puts the program back, changed.
    let mut theirs = base.programs[3].clone();
    theirs.name = "Kembali dari tab lain".into();
    now.programs.insert(3, theirs.clone());
    let outcome = edit::apply(&mut now, &deletion, Direction::Backward).unwrap();
    assert_eq!(now.programs.iter().filter(|p| p.id == theirs.id).count(), 1, "no second program under one id");
    assert_eq!(now.programs[3], theirs, "the other tab's program stays until the user chooses");
    let fields: Vec<_> = outcome.conflicts.iter().filter_map(|c| c.field.clone()).collect();
    assert_eq!(fields, ["name"]);
}

#[test]
fn a_merge_that_would_break_a_rule_keeps_the_other_tabs_program_and_asks() {
    let base = synthetic_dataset(10, 6);
    let at = base.programs.iter().position(|p| p.subdimension.is_some()).unwrap();
    let id = base.programs[at].id.clone();
    // This tab moves the program to another dimension (its sub-dimension is cleared); the other tab gives
    // it another sub-dimension of its old dimension.
    let other =
        masterplan_tracker::format::Dimension::ALL.into_iter().find(|d| *d != base.programs[at].dimension).unwrap();
    let mine = edit::bulk_set(&base, std::slice::from_ref(&id), &edit::BulkSet::Dimension(other));
    let mut theirs = base.clone();
    let old = base.programs[at].subdimension.unwrap();
    theirs.programs[at].subdimension = masterplan_tracker::format::SubDimension::ALL
        .into_iter()
        .find(|s| s.dimension() == old.dimension() && *s != old);
    let (result, outcome) = carried_over(&mine, &theirs);
    assert!(result.violations().is_empty());
    assert_eq!(result.programs[at], theirs.programs[at]);
    let fields: HashSet<_> = outcome.conflicts.iter().filter_map(|c| c.field.clone()).collect();
    assert_eq!(fields, HashSet::from(["dimension".to_owned(), "subdimension".to_owned()]));
}

#[test]
fn undo_after_another_tab_changed_the_same_program_keeps_its_other_fields() {
    let base = synthetic_dataset(10, 8);
    let mine = edit::set_status(&base, &base.programs[1].id, Status::Done);
    let mut now = edit::applied(&base, &mine).unwrap();
    // The other tab renames the program; this tab then undoes its status change.
    now.programs[1].name = "Nama baru dari tab lain".into();
    let outcome = mine.apply(&mut now, Direction::Backward);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(now.programs[1].status, base.programs[1].status);
    assert_eq!(now.programs[1].name, "Nama baru dari tab lain");
}

#[test]
fn a_program_renamed_to_make_room_takes_no_id_this_change_gives_another() {
    let base = synthetic_dataset(10, 4);
    let new = |id: &str, name: &str| Program { id: id.into(), name: name.into(), ..base.programs[0].clone() };
    // This tab merges a file that adds X and X-2; another tab meanwhile added its own X.
    let mut file = base.clone();
    file.programs.push(new("X", "Dari berkas"));
    file.programs.push(new("X-2", "Juga dari berkas"));
    let mine = Change::between(&base, &file);
    let mut theirs = base.clone();
    theirs.programs.push(new("X", "Dari tab lain"));
    let (result, outcome) = carried_over(&mine, &theirs);
    assert!(result.violations().is_empty(), "{:?}", result.violations());
    assert_eq!(outcome.renamed, [("X".to_owned(), "X-3".to_owned())]);
    let names: Vec<_> = ["X", "X-2", "X-3"].iter().map(|id| program(&result, id).unwrap().name.as_str()).collect();
    assert_eq!(names, ["Dari tab lain", "Juga dari berkas", "Dari berkas"]);
}

#[test]
fn a_delete_and_its_undo_carried_over_bring_back_no_second_program() {
    let base = synthetic_dataset(10, 4);
    let id = base.programs[2].id.clone();
    let deletion = edit::delete_programs(&base, std::slice::from_ref(&id));
    let steps = [
        Step::forward(Arc::new(deletion.clone())),
        Step { change: Arc::new(deletion), direction: Direction::Backward },
    ];
    let mut theirs = base.clone();
    theirs.programs[2].name = "Diubah di tab lain".into();
    let mut result = theirs.clone();
    let outcome = rebase(&steps, &mut result);
    assert!(outcome.renamed.is_empty(), "an undo brings a program back under its own id");
    assert_eq!(result.programs.iter().filter(|p| p.id == id).count(), 1);
    assert_eq!(result.programs[2].name, "Diubah di tab lain", "the other tab's change is kept");
    assert!(result.violations().is_empty());
}

#[test]
fn history_follows_a_program_renamed_to_make_room() {
    use masterplan_tracker::history::History;
    let base = synthetic_dataset(5, 4);
    let added = Program { id: "X".into(), name: "Baru".into(), ..base.programs[0].clone() };
    let mut history = History::default();
    let add = edit::save_program(&base, None, added).unwrap();
    let mut now = edit::applied(&base, &add).unwrap();
    history.record(Arc::new(add));
    let status = edit::set_status(&now, "X", Status::Done);
    now = edit::applied(&now, &status).unwrap();
    history.record(Arc::new(status));
    // Carried over onto another tab's X, this tab's program became X-2.
    let mut renamed = now.clone();
    renamed.programs.iter_mut().find(|p| p.id == "X").unwrap().id = "X-2".into();
    let mut other = base.programs[1].clone();
    other.id = "X".into();
    renamed.programs.push(other.clone());
    history.rename_program("X", "X-2");
    let step = history.undo().unwrap();
    assert!(step.change.apply(&mut renamed, step.direction).conflicts.is_empty());
    assert_eq!(program(&renamed, "X-2").unwrap().status, base.programs[0].status, "undone on this tab's program");
    assert_eq!(program(&renamed, "X"), Some(&other), "the other tab's program untouched");
}

#[test]
fn an_import_undone_labels_the_data_as_it_was() {
    use masterplan_tracker::import::Origin;
    let imported = Origin::Imported { file: "contoh.json".into() };
    let change = Change::default().from_origin(Origin::Sample, imported.clone());
    assert_eq!(change.origin_after(Direction::Forward), Some(&imported));
    assert_eq!(change.origin_after(Direction::Backward), Some(&Origin::Sample));
    assert!(!change.is_empty(), "a change of origin alone is still a change");
    assert_eq!(Change::default().from_origin(Origin::Sample, Origin::Sample), Change::default());
}

/// The sample as an earlier release could have saved it: a year its program form took, a negative score its
/// round editor took; read as the browser's own data.
fn saved_beyond_the_later_limits() -> Dataset {
    let mut file: serde_json::Value =
        serde_json::from_str(&masterplan_tracker::sample::sample_dataset().to_file_json()).unwrap();
    file["programs"][1]["target_year"] = 2150.into();
    file["evaluations"][0]["scores"] = json!({ "impact": -5 });
    let saved = Dataset::from_saved_value(file).unwrap();
    assert_eq!(saved.beyond_limits.len(), 2);
    saved.dataset
}

#[test]
fn an_edit_is_refused_only_for_the_later_limits_it_breaks_itself() {
    let dataset = saved_beyond_the_later_limits();
    let held = dataset.programs[1].id.clone();
    // Small edits: the status of the program that holds the old year, the round's label.
    let status = edit::set_status(&dataset, &held, Status::Done);
    let mut now = edit::applied(&dataset, &status).expect("the old year does not stand in the way");
    let round = dataset.evaluations[0].id.clone();
    now = edit::applied(&now, &edit::update_round(&now, &round, |r| r.label = "Tahap I (revisi)".into())).unwrap();
    // A large one: every program's status at once.
    let all: Vec<String> = now.programs.iter().map(|p| p.id.clone()).collect();
    let bulk = edit::bulk_set(&now, &all, &edit::BulkSet::Status(Status::Running));
    assert!(!bulk.is_small());
    now = edit::applied(&now, &bulk).expect("nor in a bulk edit");
    // A value beyond a later limit that the edit brings itself is refused at its place, small or large.
    let mut program = now.programs[2].clone();
    program.target_year = Some(2150);
    let mine = edit::save_program(&now, Some(&now.programs[2].clone()), program).unwrap();
    let refused = edit::applied(&now, &mine).unwrap_err();
    assert_eq!(refused.0.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["programs[2].target_year"]);
    let mut changed = now.clone();
    for program in &mut changed.programs {
        program.progress = Some(50);
    }
    changed.programs[3].budget_planned = Some(-1);
    let refused = edit::applied(&now, &Change::between(&now, &changed)).unwrap_err();
    assert_eq!(refused.0.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["programs[3].budget_planned"]);
    // The same year set on the program that held it is no new break; a fix of it stands.
    let mut program = now.programs[1].clone();
    program.target_year = Some(2020);
    let fix = edit::save_program(&now, Some(&now.programs[1].clone()), program).unwrap();
    let fixed = edit::applied(&now, &fix).unwrap();
    assert_eq!(fixed.programs[1].target_year, Some(2020));
    // Undone, the fix gives the old year back: a step already taken, not an edit.
    let mut undone = fixed.clone();
    assert!(edit::apply(&mut undone.clone(), &fix, Direction::Backward).is_err(), "as an edit, refused");
    edit::replay(&mut undone, &fix, Direction::Backward).expect("as a step taken, made");
    assert_eq!(undone.programs[1].target_year, Some(2150));
}

/// The sample with one program's id, for the tests of what a change says.
fn sample_and_ids(ids: &[&str]) -> (Dataset, Vec<String>) {
    (masterplan_tracker::sample::sample_dataset(), ids.iter().map(|id| (*id).to_owned()).collect())
}

#[test]
fn a_status_change_is_told_by_program_field_and_both_values_in_both_languages() {
    let (dataset, _) = sample_and_ids(&[]);
    let change = edit::set_status(&dataset, "GOV-02", Status::Done);
    let summary = change.summary(&dataset);
    assert_eq!(
        summary,
        Summary::Field {
            of: Named { record: Record::Program("GOV-02".into()), name: "GOV-02".into() },
            field: "status".into(),
            from: Some(json!("running")),
            to: Some(json!("done")),
        }
    );
    assert_eq!(Lang::Id.change_message(&summary, Told::Made), "GOV-02 · Status: Sudah berjalan → Selesai");
    assert_eq!(Lang::En.change_message(&summary, Told::Made), "GOV-02 · Status: Running → Done");
    assert_eq!(
        Lang::Id.change_message(&summary, Told::Undone),
        "Dibatalkan: GOV-02 · Status: Sudah berjalan → Selesai"
    );
    assert_eq!(Lang::En.change_message(&summary, Told::Redone), "Redone: GOV-02 · Status: Running → Done");
}

#[test]
fn a_change_to_a_selection_is_told_by_its_count_and_the_value_it_gives() {
    let (dataset, ids) = sample_and_ids(&["GOV-01", "GOV-02", "ENV-01"]);
    let to_agency = edit::bulk_set(&dataset, &ids, &edit::BulkSet::Agency(Some("diskominfo".into())));
    let summary = to_agency.summary(&dataset);
    // The agency by its acronym, not its id.
    assert_eq!(Lang::Id.summary(&summary), "3 program · OPD: Diskominfo");
    assert_eq!(Lang::En.summary(&summary), "3 programs · Agency (OPD): Diskominfo");
    // A new dimension clears sub-dimensions of the old one: still one value given to all.
    let to_dimension =
        edit::bulk_set(&dataset, &ids, &edit::BulkSet::Dimension(masterplan_tracker::format::Dimension::Economy));
    let Summary::SameValue { count: 3, values, .. } = to_dimension.summary(&dataset) else {
        panic!("one value for all")
    };
    assert_eq!(values[0], ("dimension".to_owned(), Some(json!("economy"))));
    // Several values at once are each said.
    let both = edit::bulk_change(
        &dataset,
        &ids,
        &[edit::BulkSet::Status(Status::Done), edit::BulkSet::Agency(Some("diskominfo".into()))],
    );
    let said = Lang::Id.summary(&both.summary(&dataset));
    assert!(
        said.starts_with("3 program · ") && said.contains("OPD: Diskominfo") && said.contains("Status: Selesai"),
        "{said}"
    );
    // A round's score changed is told as that score, the date the language's way.
    let mut scored = dataset.clone();
    scored.evaluations[0].scores =
        Some(masterplan_tracker::format::Aspects { impact: Some(3.into()), ..Default::default() });
    let mut rescored = scored.clone();
    rescored.evaluations[0].scores.as_mut().unwrap().impact = Some(4.into());
    let score = Change::between(&scored, &rescored).summary(&rescored);
    assert_eq!(Lang::Id.summary(&score), "Putaran evaluasi «Evaluasi Tahap I» · Nilai Dampak: 3 → 4");
    rescored.evaluations[0].date = "2020-12-01".into();
    let mut redated = scored.clone();
    redated.evaluations[0].date = "2020-12-01".into();
    let date = Change::between(&scored, &redated).summary(&redated);
    assert_eq!(
        Lang::En.summary(&date),
        "Evaluation round “Evaluasi Tahap I” · Date: 27 November 2020 → 1 December 2020"
    );
    // A long text is cut short in the message.
    let mut noted = dataset.clone();
    noted.programs[0].notes = Some("catatan ".repeat(40));
    let said = Lang::Id.summary(&Change::between(&dataset, &noted).summary(&noted));
    assert!(said.ends_with('…') && said.chars().count() < 120, "{said}");
    // Different values are counted.
    let mut changed = dataset.clone();
    changed.programs[0].progress = Some(10);
    changed.programs[1].progress = Some(20);
    let summary = Change::between(&dataset, &changed).summary(&dataset);
    assert_eq!(Lang::Id.summary(&summary), "2 program diubah.");
    assert_eq!(Lang::En.summary(&summary), "2 programs changed.");
}

#[test]
fn added_deleted_renamed_and_merged_records_are_told_as_such() {
    let (dataset, ids) = sample_and_ids(&["GOV-02"]);
    let deleted = edit::delete_programs(&dataset, &ids);
    assert_eq!(Lang::Id.summary(&deleted.summary(&dataset)), "GOV-02 dihapus.");
    assert_eq!(Lang::En.change_message(&deleted.summary(&dataset), Told::Undone), "Undone: GOV-02 deleted.");
    let mut program = dataset.programs[1].clone();
    program.id = "GOV-31".into();
    let renamed = edit::save_program(&dataset, Some(&dataset.programs[1]), program.clone()).unwrap();
    assert_eq!(Lang::En.summary(&renamed.summary(&dataset)), "GOV-31 · ID: GOV-02 → GOV-31");
    program.status = Status::Done;
    let renamed_and_done = edit::save_program(&dataset, Some(&dataset.programs[1]), program).unwrap();
    assert_eq!(Lang::En.summary(&renamed_and_done.summary(&dataset)), "GOV-31: ID, Status changed.");
    let mut new = dataset.programs[1].clone();
    new.id = "GOV-32".into();
    let added = edit::save_program(&dataset, None, new).unwrap();
    assert_eq!(Lang::Id.summary(&added.summary(&dataset)), "GOV-32 ditambahkan.");
    // An agency merged into another: its programs moved and the agency gone, counted by kind.
    let merged = edit::merge_agencies(&dataset, "dlh", "diskominfo");
    let moved = dataset.programs.iter().filter(|p| p.agency.as_deref() == Some("dlh")).count();
    assert_eq!(
        Lang::En.summary(&merged.summary(&dataset)),
        format!(
            "{}, 1 agency deleted.",
            Lang::En.tf(masterplan_tracker::i18n::Key::ChangeCountChanged, &[("records", &Lang::En.programs(moved))])
        )
    );
    let renamed_agency = edit::rename_agency(&dataset, "dlh", "Dinas Lingkungan Hidup Kota");
    assert_eq!(
        Lang::Id.summary(&renamed_agency.summary(&dataset)),
        "OPD DLH · Nama OPD: Dinas Lingkungan Hidup → Dinas Lingkungan Hidup Kota"
    );
}

#[test]
fn a_change_to_thousands_of_programs_is_counted_not_read_field_by_field() {
    let dataset = synthetic_dataset(1_500, 7);
    let ids: Vec<String> = dataset.programs.iter().map(|p| p.id.clone()).collect();
    let change = edit::bulk_set(&dataset, &ids, &edit::BulkSet::Status(Status::Done));
    let changed = change.touched_programs().count();
    assert!(changed > 1_000, "{changed}");
    assert_eq!(
        change.summary(&dataset),
        Summary::Counted(vec![(
            masterplan_tracker::change::Kind::Program,
            masterplan_tracker::change::Counts { added: 0, changed, deleted: 0 }
        )])
    );
    // Up to a thousand, the value given is said.
    let some = edit::bulk_set(&dataset, &ids[..900], &edit::BulkSet::Status(Status::Done));
    assert!(matches!(some.summary(&dataset), Summary::SameValue { .. }));
}
