//! Native tests of the register: search and filter semantics, sort, the address form of a view, undo
//! and redo, and the edits (agencies merged and deleted, validation shared with the importer).
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::change::{Change, Direction};
use masterplan_tracker::edit::{self, BulkSet};
use masterplan_tracker::format::{Dataset, Dimension, Problem, Status, SubDimension};
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::history::{History, STEPS};
use masterplan_tracker::register::{Column, NO_AGENCY, RegisterQuery, SearchIndex, fold, natural, reshown, shown};
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
        region: Some("21.72.01".into()),
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
fn a_region_filter_keeps_the_programs_located_in_it_or_in_its_kelurahan() {
    let dataset = masterplan_tracker::sample::sample_dataset();
    let index = SearchIndex::of(&dataset);
    let in_kecamatan = shown(&dataset, &index, &query(&[("region", "21.72.01")]));
    let expected: Vec<usize> = (0..dataset.programs.len())
        .filter(|&i| dataset.programs[i].locations.iter().any(|l| l == "21.72.01" || l.starts_with("21.72.01.")))
        .collect();
    assert!(!expected.is_empty());
    let mut got = in_kecamatan.clone();
    got.sort_unstable();
    assert_eq!(got, expected);
    let in_kelurahan = shown(&dataset, &index, &query(&[("region", "21.72.01.1002")]));
    assert!(in_kelurahan.iter().all(|&i| dataset.programs[i].locations.iter().any(|l| l == "21.72.01.1002")));
    assert!(in_kelurahan.len() < in_kecamatan.len());
    let city_wide = shown(&dataset, &index, &query(&[("region", "-")]));
    assert_eq!(city_wide.len(), dataset.programs.iter().filter(|p| p.locations.is_empty()).count());
    assert!(city_wide.iter().all(|&i| dataset.programs[i].locations.is_empty()));
}

/// Makes a change on `current` and records it.
fn make(current: &mut Dataset, history: &mut History, change: Change) {
    edit::apply(current, &change, Direction::Forward).expect("the edit keeps the rules");
    history.record(std::sync::Arc::new(change));
}

#[test]
fn undo_and_redo_every_kind_of_edit() {
    let original = sample_dataset();
    let mut history = History::default();
    let mut current = original.clone();
    let change = edit::set_status(&current, "GOV-04", Status::Done);
    make(&mut current, &mut history, change);
    let (duplicated, new_id) = edit::duplicate_program(&current, "GOV-04", "salinan").unwrap();
    make(&mut current, &mut history, duplicated);
    assert_eq!(current.programs[4].id, new_id);
    let change = edit::delete_programs(&current, &["LIV-01".into(), "ENV-03".into()]);
    make(&mut current, &mut history, change);
    let change = edit::merge_agencies(&current, "diskominfo", "disdukcapil");
    make(&mut current, &mut history, change);
    let mut plan = current.plan.clone();
    plan.title = Some("Judul baru".into());
    let change = edit::set_plan(&current, plan);
    make(&mut current, &mut history, change);
    let edited = current.clone();
    for _ in 0..5 {
        let step = history.undo().unwrap();
        assert!(step.change.apply(&mut current, step.direction).conflicts.is_empty());
    }
    assert_eq!(current, original, "five undos restore the original exactly, order included");
    assert!(history.undo().is_none());
    for _ in 0..5 {
        let step = history.redo().unwrap();
        step.change.apply(&mut current, step.direction);
    }
    assert_eq!(current, edited);
    assert!(!history.can_redo());
}

#[test]
fn history_keeps_many_steps_and_forgets_the_redo_on_a_new_edit() {
    let mut history = History::default();
    let mut current = synthetic_dataset(500, 2);
    let start = current.clone();
    for i in 0..STEPS + 10 {
        let program = &current.programs[i % 500];
        let status = if program.status == Status::Done { Status::Running } else { Status::Done };
        let change = edit::set_status(&current, &program.id.clone(), status);
        make(&mut current, &mut history, change);
    }
    let mut undone = 0;
    while let Some(step) = history.undo() {
        step.change.apply(&mut current, step.direction);
        undone += 1;
    }
    assert_eq!(undone, STEPS, "exactly the last {STEPS} steps");
    assert_ne!(current, start, "the oldest steps are forgotten");
    let change = edit::set_status(&current, &current.programs[0].id.clone(), Status::Discussion);
    make(&mut current, &mut history, change);
    assert!(!history.can_redo());
    assert!(Change::between(&current, &current).is_empty());
}

#[test]
fn edits_are_checked_by_the_importers_rules() {
    let dataset = sample_dataset();
    let mut program = dataset.programs[0].clone();
    program.progress = Some(150);
    program.subdimension = Some(SubDimension::Waste);
    let change = edit::save_program(&dataset, Some(&dataset.programs[0]), program).unwrap();
    let rejected = edit::applied(&dataset, &change).unwrap_err();
    let problems: Vec<(&str, &Problem)> = rejected.0.iter().map(|e| (e.path.as_str(), &e.problem)).collect();
    assert!(matches!(problems[0], ("programs[0].subdimension", Problem::SubdimensionOfOtherDimension { .. })));
    assert!(matches!(problems[1], ("programs[0].progress", Problem::OutOfRange { .. })));
    let mut twin = dataset.programs[1].clone();
    twin.id = "GOV-01".into();
    let rejected = edit::save_program(&dataset, None, twin).unwrap_err();
    assert!(matches!(rejected.0[0].problem, Problem::DuplicateId { .. }), "{rejected:?}");
    assert_eq!(rejected.0[0].path, "programs[131].id");
    let mut emptied = dataset.programs[2].clone();
    emptied.name = " ".into();
    let change = edit::save_program(&dataset, Some(&dataset.programs[2]), emptied).unwrap();
    let mut refused = dataset.clone();
    assert!(edit::apply(&mut refused, &change, Direction::Forward).is_err());
    assert_eq!(refused, dataset, "a refused edit changes nothing");
}

#[test]
fn agencies_merge_and_refuse_deletion_while_in_use() {
    let dataset = sample_dataset();
    let made = |d: &Dataset, change: Change| edit::applied(d, &change).unwrap();
    let (change, id) = edit::add_agency(&dataset, "Dinas Pariwisata", "");
    let with_new = made(&dataset, change);
    assert_eq!(id, "dinas-pariwisata");
    let (_, second) = edit::add_agency(&with_new, "Dinas Pariwisata", "");
    assert_eq!(second, "dinas-pariwisata-2");
    assert!(edit::applied(&dataset, &edit::add_agency(&dataset, "   ", "").0).is_err(), "an agency needs a name");
    assert!(edit::delete_agency(&dataset, "dlh", None).is_none(), "in use: a decision is needed");
    let moved = made(&dataset, edit::delete_agency(&dataset, "dlh", Some(Some("diskominfo"))).unwrap());
    assert_eq!(edit::programs_of_agency(&moved, "diskominfo"), 2);
    assert!(moved.agency("dlh").is_none());
    let orphaned = made(&dataset, edit::delete_agency(&dataset, "dlh", Some(None)).unwrap());
    assert_eq!(edit::programs_of_agency(&orphaned, "dlh"), 0);
    let renamed = made(&dataset, edit::rename_agency(&dataset, "dlh", "Dinas Lingkungan Hidup Kota"));
    assert_eq!(renamed.agency("dlh").unwrap().name, "Dinas Lingkungan Hidup Kota");
    let bulk = made(
        &dataset,
        edit::bulk_set(&dataset, &["LIV-01".into(), "GOV-01".into()], &BulkSet::Dimension(Dimension::Living)),
    );
    assert_eq!(bulk.programs[0].subdimension, None, "a sub-dimension of the old dimension is cleared");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// After an edit of a few programs, the rows the register updates for those programs alone are the
    /// rows it would find afresh, for any search, filter and sort.
    #[test]
    fn rows_updated_for_the_edited_programs_are_the_rows_found_afresh(
        seed in 0u64..500,
        edits in proptest::collection::vec((0usize..300, 0u8..5, 0u8..4), 1..6),
        column in proptest::sample::select(Column::ALL.to_vec()),
        descending in proptest::bool::ANY,
        status in proptest::option::of(proptest::sample::select(Status::ALL.to_vec())),
        search in proptest::sample::select(vec!["", "data", "layanan", "pa", "zzz"]),
    ) {
        let mut dataset = synthetic_dataset(300, seed);
        let query = RegisterQuery { search: search.into(), status, sort: column, descending, ..Default::default() };
        let mut index = SearchIndex::of(&dataset);
        let mut rows = shown(&dataset, &index, &query);
        let mut places = Vec::new();
        for (at, field, value) in edits {
            let program = &mut dataset.programs[at];
            match field {
                0 => program.status = Status::ALL[usize::from(value)],
                1 => program.name = format!("{} {value}", ["Zona", "Data", "Pasar", "layanan"][usize::from(value)]),
                2 => program.agency = (value > 0).then(|| format!("opd-{:02}", value * 7)),
                3 => program.progress = Some(i64::from(value) * 30),
                _ => program.quick_win = value % 2 == 0,
            }
            places.push(at);
        }
        places.sort_unstable();
        places.dedup();
        index.update(&dataset, &places);
        proptest::prop_assert_eq!(&index, &SearchIndex::of(&dataset));
        reshown(&dataset, &index, &query, &mut rows, &places);
        proptest::prop_assert_eq!(rows, shown(&dataset, &index, &query));
    }
}

#[test]
fn ids_that_read_alike_keep_one_order_when_rows_are_updated() {
    let mut dataset = synthetic_dataset(4, 1);
    for (program, id) in dataset.programs.iter_mut().zip(["P-01", "P-1", "p-1", "P-2"]) {
        program.id = id.into();
    }
    let query = RegisterQuery::default();
    let index = SearchIndex::of(&dataset);
    let mut rows = shown(&dataset, &index, &query);
    assert_eq!(rows, [0, 1, 2, 3], "alike ids in their order in the data");
    dataset.programs[1].status = Status::Done;
    reshown(&dataset, &index, &query, &mut rows, &[1]);
    assert_eq!(rows, shown(&dataset, &index, &query));
    assert_eq!(rows, [0, 1, 2, 3]);
}

#[test]
fn a_new_agencys_id_comes_from_its_acronym_or_else_from_the_first_words_of_its_name() {
    let dataset = sample_dataset();
    let (change, id) = edit::add_agency(&dataset, "Badan Perencanaan Pembangunan Daerah", " Bappeda ");
    assert_eq!(id, "bappeda");
    let added = edit::applied(&dataset, &change).unwrap();
    let agency = added.agency("bappeda").unwrap();
    assert_eq!(agency.short_name.as_deref(), Some("Bappeda"));
    assert_eq!(agency.full_name(), "Badan Perencanaan Pembangunan Daerah (Bappeda)");
    let (_, id) = edit::add_agency(&dataset, "Badan Perencanaan Pembangunan Daerah", "");
    assert_eq!(id, "badan-perencanaan", "a short id, whole words");
    let (_, id) = edit::add_agency(&dataset, "Dinas Komunikasi dan Informatika", "Diskominfo");
    assert_eq!(id, "diskominfo-2", "the example has its diskominfo already");
    let (_, id) = edit::add_agency(&dataset, "Kesbangpolinmasdanlinmaskota", "");
    assert_eq!(id, "kesbangpolinmasdanlinmaskota", "one long word stays whole");
}

#[test]
fn a_new_program_is_offered_the_next_id_in_its_dimensions_pattern() {
    use masterplan_tracker::format::Dimension;
    let mut dataset = sample_dataset();
    assert_eq!(edit::next_program_id(&dataset, Dimension::Governance), "GOV-31");
    assert_eq!(edit::next_program_id(&dataset, Dimension::Branding), "BRA-17");
    // A gap is not filled (a number once used may be in someone's notes); an id taken elsewhere is skipped.
    dataset.programs.retain(|p| p.id != "ENV-05");
    dataset.programs[0].id = "ENV-21".into();
    assert_eq!(edit::next_program_id(&dataset, Dimension::Environment), "ENV-22");
    // Without a pattern, the dimension's first.
    dataset.programs.retain(|p| p.dimension != Dimension::Society);
    assert_eq!(edit::next_program_id(&dataset, Dimension::Society), "SOC-01");
}

#[test]
fn the_registers_columns_default_to_what_fits_a_laptop_and_keep_the_tables_order() {
    use masterplan_tracker::register::{Optional, ShownColumns};
    let default = ShownColumns::default();
    assert_eq!(default.iter().collect::<Vec<_>>(), [Optional::Dimension, Optional::Agency, Optional::Progress]);
    // Shown in the table's order whatever the order of choosing; hidden ones leave.
    let chosen =
        default.with(Optional::Locations, true).with(Optional::Subdimension, true).with(Optional::Agency, false);
    assert_eq!(
        chosen.iter().collect::<Vec<_>>(),
        [Optional::Dimension, Optional::Subdimension, Optional::Progress, Optional::Locations]
    );
    // Remembered by code, and a code a later version wrote is passed over.
    let codes = chosen.codes();
    assert_eq!(codes, ["dimension", "subdimension", "progress", "locations"]);
    let read = ShownColumns::from_codes(codes.iter().map(String::as_str).chain(["budget_gap"]));
    assert_eq!(read, chosen);
    assert_eq!(ShownColumns::from_codes([]).iter().count(), 0, "every optional column may be hidden");
}
