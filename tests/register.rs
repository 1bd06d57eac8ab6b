//! Native tests of the register: search and filter semantics, sort, the address form of a view, undo
//! and redo, and the edits (agencies merged and deleted, validation shared with the importer).
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::edit::{self, BulkSet};
use masterplan_tracker::format::{Dataset, Dimension, Problem, Status, SubDimension};
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::history::{Change, History, STEPS};
use masterplan_tracker::register::{Column, NO_AGENCY, RegisterQuery, SearchIndex, fold, natural, shown};
use masterplan_tracker::sample::sample_dataset;

fn ids(dataset: &Dataset, rows: &[usize]) -> Vec<String> {
    rows.iter().map(|&i| dataset.programs[i].id.clone()).collect()
}

fn query(params: &[(&str, &str)]) -> RegisterQuery {
    RegisterQuery::from_params(params.iter().copied())
}

#[test]
fn search_ignores_case_and_diacritics_and_looks_everywhere() {
    let mut dataset = sample_dataset();
    dataset.programs[0].notes = Some("Kerja sama dengan Pérum".into());
    let index = SearchIndex::of(&dataset);
    let find = |text: &str| shown(&dataset, &index, &query(&[("q", text)])).len();
    assert_eq!(find("sikancil"), 1, "by name and application");
    assert_eq!(find("GOV-04"), 1, "by id");
    assert_eq!(find("perum"), 1, "by notes, without the accent");
    assert_eq!(find("dinas lingkungan"), 1, "by the agency's name");
    assert_eq!(find("dlh"), 1, "by the agency's id");
    assert_eq!(find("refocusing"), 4, "by the reason for delay");
    assert_eq!(find("  "), 131, "a blank search shows everything");
    assert_eq!(fold("ÉCOLE Façade"), "ecole facade");
}

#[test]
fn filters_combine() {
    let dataset = sample_dataset();
    let index = SearchIndex::of(&dataset);
    let count = |params: &[(&str, &str)]| shown(&dataset, &index, &query(params)).len();
    assert_eq!(count(&[("status", "running")]), 79);
    assert_eq!(count(&[("status", "discussion")]), 16);
    assert_eq!(count(&[("quick_win", "yes")]), 14);
    assert_eq!(count(&[("quick_win", "yes"), ("dimension", "governance")]), 6);
    assert_eq!(count(&[("subdimension", "health")]), 2);
    assert_eq!(count(&[("agency", "diskominfo")]), 1);
    assert_eq!(count(&[("agency", NO_AGENCY)]), 131 - 4);
    assert_eq!(count(&[("postponed", "yes")]), 4);
    assert_eq!(count(&[("rpjmd", "yes")]), 2);
    assert_eq!(count(&[("renstra", "no")]), 129);
    assert_eq!(count(&[("dimension", "nonsense")]), 131, "a malformed filter is ignored");
}

#[test]
fn sorting_is_natural_stable_and_reversible() {
    let dataset = synthetic_dataset(300, 5);
    let index = SearchIndex::of(&dataset);
    let by_id = shown(&dataset, &index, &RegisterQuery::default());
    let sorted = ids(&dataset, &by_id);
    assert!(sorted.windows(2).all(|w| natural(&w[0], &w[1]).is_le()));
    let descending = shown(&dataset, &index, &query(&[("sort", "progress"), ("dir", "desc")]));
    let progress: Vec<Option<i64>> = descending.iter().map(|&i| dataset.programs[i].progress).collect();
    assert!(progress.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(natural("GOV-2", "GOV-10"), std::cmp::Ordering::Less);
    assert_eq!(natural("a-010", "a-9"), std::cmp::Ordering::Greater);
}

#[test]
fn a_view_round_trips_through_the_address() {
    let view = RegisterQuery {
        search: "kampung iklim".into(),
        dimension: Some(Dimension::Environment),
        subdimension: Some(SubDimension::Protection),
        status: Some(Status::Running),
        agency: Some("dlh".into()),
        quick_win: Some(true),
        horizon: None,
        target_year: Some(2021),
        postponed: Some(false),
        rpjmd: None,
        renstra: Some(false),
        sort: Column::Name,
        descending: true,
    };
    let params = view.to_params();
    let back = RegisterQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, view);
    assert!(RegisterQuery::default().to_params().is_empty());
    assert!(view.is_filtering());
    assert!(!RegisterQuery { sort: Column::Status, ..Default::default() }.is_filtering());
}

#[test]
fn undo_and_redo_every_kind_of_edit() {
    let original = sample_dataset();
    let mut history = History::default();
    let mut current = original.clone();
    let mut record = |current: &mut Dataset, next: Dataset| {
        history.record(Change::between(current, &next).expect("a change"));
        *current = next;
    };
    record(&mut current, edit::set_status(&sample_dataset(), "GOV-04", Status::Done));
    let (duplicated, new_id) = edit::duplicate_program(&current, "GOV-04", "salinan").unwrap();
    record(&mut current, duplicated);
    assert_eq!(current.programs[4].id, new_id);
    let next = edit::delete_programs(&current, &["LIV-01".into(), "ENV-03".into()]);
    record(&mut current, next);
    let next = edit::merge_agencies(&current, "diskominfo", "disdukcapil");
    record(&mut current, next);
    let mut plan = current.plan.clone();
    plan.title = Some("Judul baru".into());
    let next = edit::set_plan(&current, plan).unwrap();
    record(&mut current, next);
    let edited = current.clone();
    for _ in 0..5 {
        current = history.undo(&current).unwrap();
    }
    assert_eq!(current, original, "five undos restore the original exactly, order included");
    assert!(history.undo(&current).is_none());
    for _ in 0..5 {
        current = history.redo(&current).unwrap();
    }
    assert_eq!(current, edited);
    assert!(!history.can_redo());
}

#[test]
fn history_keeps_many_steps_and_forgets_the_redo_on_a_new_edit() {
    let mut history = History::default();
    let mut current = synthetic_dataset(500, 2);
    for i in 0..STEPS + 10 {
        let status = if i % 2 == 0 { Status::Done } else { Status::Running };
        let next = edit::set_status(&current, &current.programs[i % 500].id.clone(), status);
        if let Some(change) = Change::between(&current, &next) {
            history.record(change);
            current = next;
        }
    }
    let mut undone = 0;
    while let Some(previous) = history.undo(&current) {
        current = previous;
        undone += 1;
    }
    assert!(undone >= 100, "at least a hundred steps: {undone}");
    let next = edit::set_status(&current, &current.programs[0].id.clone(), Status::Discussion);
    history.record(Change::between(&current, &next).unwrap());
    assert!(!history.can_redo());
    assert!(Change::between(&current, &current).is_none());
}

#[test]
fn edits_are_checked_by_the_importers_rules() {
    let dataset = sample_dataset();
    let mut program = dataset.programs[0].clone();
    program.progress = Some(150);
    program.subdimension = Some(SubDimension::Waste);
    let rejected = edit::save_program(&dataset, Some("GOV-01"), program).unwrap_err();
    let problems: Vec<(&str, &Problem)> = rejected.0.iter().map(|e| (e.path.as_str(), &e.problem)).collect();
    assert!(matches!(problems[0], ("programs[0].subdimension", Problem::SubdimensionOfOtherDimension { .. })));
    assert!(matches!(problems[1], ("programs[0].progress", Problem::OutOfRange { .. })));
    let mut twin = dataset.programs[1].clone();
    twin.id = "GOV-01".into();
    assert!(matches!(edit::save_program(&dataset, None, twin).unwrap_err().0[0].problem, Problem::DuplicateId { .. }));
}

#[test]
fn agencies_merge_and_refuse_deletion_while_in_use() {
    let dataset = sample_dataset();
    let (with_new, id) = edit::add_agency(&dataset, "Dinas Pariwisata").unwrap();
    assert_eq!(id, "dinas-pariwisata");
    let (_, second) = edit::add_agency(&with_new, "Dinas Pariwisata").unwrap();
    assert_eq!(second, "dinas-pariwisata-2");
    assert!(edit::add_agency(&dataset, "   ").is_err(), "an agency needs a name");
    assert!(edit::delete_agency(&dataset, "dlh", None).is_none(), "in use: a decision is needed");
    let moved = edit::delete_agency(&dataset, "dlh", Some(Some("diskominfo"))).unwrap();
    assert_eq!(edit::programs_of_agency(&moved, "diskominfo"), 2);
    assert!(moved.agency("dlh").is_none());
    let orphaned = edit::delete_agency(&dataset, "dlh", Some(None)).unwrap();
    assert_eq!(edit::programs_of_agency(&orphaned, "dlh"), 0);
    let renamed = edit::rename_agency(&dataset, "dlh", "Dinas Lingkungan Hidup Kota").unwrap();
    assert_eq!(renamed.agency("dlh").unwrap().name, "Dinas Lingkungan Hidup Kota");
    let bulk = edit::bulk_set(&dataset, &["LIV-01".into(), "GOV-01".into()], &BulkSet::Dimension(Dimension::Living));
    assert_eq!(bulk.programs[0].subdimension, None, "a sub-dimension of the old dimension is cleared");
}
