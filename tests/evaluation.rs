//! Native tests of evaluation rounds: snapshots, comparison between rounds (a program deleted between
//! them included), and the weighted achievement index with its edge cases.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::edit;
use masterplan_tracker::edit::BulkSet;
use masterplan_tracker::evaluation::{
    Aspect, Comparison, IndexError, achievement_index, current_statuses, default_weights, index_trend, latest_round,
    shift_by, snapshot,
};
use masterplan_tracker::format::{Aspects, Dataset, Dimension, Status};
use masterplan_tracker::metrics::StatusCounts;
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::scorecard::Scorecard;
use serde_json::Number;

fn aspects(values: [Option<f64>; 5]) -> Aspects {
    let n = |v: Option<f64>| v.and_then(Number::from_f64);
    Aspects {
        baseline: n(values[0]),
        output: n(values[1]),
        outcome: n(values[2]),
        impact: n(values[3]),
        quick_win: n(values[4]),
        extra: Default::default(),
    }
}

#[test]
fn a_snapshot_records_every_status_and_reads_back() {
    let dataset = sample_dataset();
    let round = snapshot(&dataset, "2021".into(), "Evaluasi 2021".into(), "2021-11-30".into());
    assert_eq!(round.statuses.len(), 131);
    assert_eq!(round.statuses.values().filter(|s| **s == Status::Running).count(), 79);
    let mut with_round = dataset.clone();
    with_round.evaluations.push(round);
    let back = Dataset::parse(&with_round.to_file_json()).unwrap();
    assert!(back.warnings.is_empty());
    assert_eq!(back.dataset, with_round);
}

/// The data with an edit made (the edits here keep every rule).
fn made(dataset: &Dataset, change: masterplan_tracker::change::Change) -> Dataset {
    edit::applied(dataset, &change).unwrap()
}

#[test]
fn comparing_rounds_names_progress_setbacks_and_changed_programs() {
    let before = sample_dataset();
    let round = snapshot(&before, "r1".into(), "R1".into(), "2020-11-27".into());
    let mut later = made(&before, edit::set_status(&before, "GOV-01", Status::Done));
    later = made(&later, edit::set_status(&later, "GOV-02", Status::NotStarted));
    later = made(&later, edit::delete_programs(&later, &["ENV-03".into()]));
    let (copy, copy_id) = edit::duplicate_program(&later, "ECO-01", "salinan").unwrap();
    let with_copy = made(&later, copy);
    let comparison = Comparison::between(&round.statuses, &current_statuses(&with_copy));
    assert_eq!(comparison.forward, [("GOV-01".to_owned(), Status::Running, Status::Done)]);
    assert_eq!(comparison.back, [("GOV-02".to_owned(), Status::Running, Status::NotStarted)]);
    assert_eq!(comparison.added, [copy_id]);
    assert_eq!(comparison.removed, ["ENV-03"]);
    assert_eq!(comparison.unchanged, 131 - 3);
}

#[test]
fn the_achievement_index_weighs_the_five_aspects() {
    let scores = aspects([Some(80.0), Some(70.0), Some(60.0), Some(50.0), Some(90.0)]);
    let index = achievement_index(&scores, &default_weights()).unwrap();
    // 80·0.1 + 70·0.2 + 60·0.3 + 50·0.3 + 90·0.1
    assert!((index - 64.0).abs() < 1e-9, "{index}");
    let even = aspects([Some(20.0); 5]);
    assert!((achievement_index(&scores, &even).unwrap() - 70.0).abs() < 1e-9);
}

#[test]
fn the_index_refuses_weights_not_adding_to_100_and_missing_aspects() {
    let scores = aspects([Some(80.0), Some(70.0), Some(60.0), Some(50.0), Some(90.0)]);
    let wrong = aspects([Some(10.0), Some(20.0), Some(30.0), Some(30.0), Some(20.0)]);
    assert_eq!(achievement_index(&scores, &wrong), Err(IndexError::WeightsNot100 { sum: 110.0 }));
    let no_weight = aspects([Some(10.0), Some(20.0), Some(30.0), None, Some(10.0)]);
    assert_eq!(achievement_index(&scores, &no_weight), Err(IndexError::MissingWeight(Aspect::Impact)));
    let no_score = aspects([Some(80.0), None, Some(60.0), Some(50.0), Some(90.0)]);
    assert_eq!(achievement_index(&no_score, &default_weights()), Err(IndexError::MissingScore(Aspect::Output)));
}

#[test]
fn the_trend_gives_each_rounds_change_since_the_previous_scored_one() {
    let mut dataset = sample_dataset();
    let mut first = snapshot(&dataset, "2021".into(), "2021".into(), "2021-11-01".into());
    first.scores = Some(aspects([Some(60.0); 5]));
    let unscored = snapshot(&dataset, "2022".into(), "2022".into(), "2022-11-01".into());
    let mut third = snapshot(&dataset, "2023".into(), "2023".into(), "2023-11-01".into());
    third.scores = Some(aspects([Some(70.0); 5]));
    third.weights = Some(aspects([Some(20.0); 5]));
    dataset.evaluations = vec![first, unscored, third];
    let trend = index_trend(&dataset);
    assert!((trend[0].index.clone().unwrap() - 60.0).abs() < 1e-9);
    assert_eq!(trend[0].change, None);
    assert!(trend[1].index.is_err());
    assert!((trend[2].change.unwrap() - 10.0).abs() < 1e-9, "change since the last scored round");
}

#[test]
fn the_shift_per_dimension_counts_the_same_programs_before_and_after() {
    let before = sample_dataset();
    let round = snapshot(&before, "r1".into(), "R1".into(), "2020-11-27".into());
    let mut later = made(&before, edit::set_status(&before, "GOV-01", Status::Done));
    later = made(&later, edit::delete_programs(&later, &["ENV-03".into()]));
    let later = made(&later, edit::duplicate_program(&later, "ECO-01", "salinan").unwrap().0);
    let shifts = shift_by(&later, &round.statuses, &current_statuses(&later), |p| p.dimension);
    let governance = shifts.iter().find(|s| s.group == Some(Dimension::Governance)).unwrap();
    assert_eq!(governance.after.get(Status::Done), governance.before.get(Status::Done) + 1);
    assert_eq!(governance.after.get(Status::Running) + 1, governance.before.get(Status::Running));
    assert_eq!(governance.before.total(), governance.after.total());
    let economy = shifts.iter().find(|s| s.group == Some(Dimension::Economy)).unwrap();
    assert_eq!(economy.after.total(), economy.before.total() + 1, "the copy is added");
    // ENV-03 is gone from the data: it counts in the round, in a group of its own, last.
    let gone = shifts.last().unwrap();
    assert_eq!(gone.group, None);
    assert_eq!((gone.before.total(), gone.after.total()), (1, 0));
    assert_eq!(shifts.iter().map(|s| s.before.total()).sum::<usize>(), 131);
    assert_eq!(shifts.iter().map(|s| s.after.total()).sum::<usize>(), 131);
}

#[test]
fn the_shift_per_agency_groups_programs_without_one_together() {
    let dataset = sample_dataset();
    let round = snapshot(&dataset, "r1".into(), "R1".into(), "2020-11-27".into());
    let later = made(&dataset, edit::set_status(&dataset, "GOV-01", Status::Done));
    let shifts = shift_by(&later, &round.statuses, &current_statuses(&later), |p| p.agency.clone());
    assert_eq!(shifts.len(), 5, "four agencies and the programs without one");
    let none = shifts.iter().find(|s| s.group == Some(None)).unwrap();
    assert_eq!(none.before, none.after);
    let disdukcapil = shifts.iter().find(|s| s.group == Some(Some("disdukcapil".to_owned()))).unwrap();
    assert_eq!(disdukcapil.before, StatusCounts::from_counts(0, 1, 0, 0));
    assert_eq!(disdukcapil.after, StatusCounts::from_counts(1, 0, 0, 0));
}

#[test]
fn the_latest_round_is_the_latest_by_date_not_by_position() {
    let mut dataset = sample_dataset();
    let late = snapshot(&dataset, "2022".into(), "2022".into(), "2022-11-01".into());
    let early = snapshot(&dataset, "2021".into(), "2021".into(), "2021-11-01".into());
    dataset.evaluations.extend([late, early]);
    assert_eq!(latest_round(&dataset).unwrap().id, "2022");
    dataset.evaluations.clear();
    assert_eq!(latest_round(&dataset), None);
}

#[test]
fn an_agency_scorecard_sums_up_its_programs_and_their_moves_since_the_last_round() {
    let mut dataset = sample_dataset();
    let mine: Vec<String> = ["GOV-09", "GOV-13", "ECO-01"].map(String::from).to_vec();
    dataset = made(&dataset, edit::bulk_set(&dataset, &mine, &BulkSet::Agency(Some("diskominfo".into()))));
    dataset = made(&dataset, edit::bulk_set(&dataset, &["GOV-04".into()], &BulkSet::Status(Status::Running)));
    dataset.evaluations.push(snapshot(&dataset, "r1".into(), "Evaluasi 2021".into(), "2021-11-01".into()));
    dataset = made(&dataset, edit::set_status(&dataset, "GOV-09", Status::Discussion));
    dataset = made(&dataset, edit::set_status(&dataset, "ECO-01", Status::NotStarted));
    let (change, copy) = edit::duplicate_program(&dataset, "GOV-04", "salinan").unwrap();
    let dataset = made(&dataset, change);
    let card = Scorecard::of(&dataset, "diskominfo").unwrap();
    assert_eq!(card.agency.name, "Dinas Komunikasi dan Informatika");
    // GOV-04 (Tanjak) was the agency's already; its copy is new since the round.
    let ids: Vec<&str> = card.programs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["GOV-04", copy.as_str(), "GOV-09", "GOV-13", "ECO-01"]);
    assert_eq!(card.counts, StatusCounts::from_counts(0, 2, 1, 2));
    // GOV-04 (running) and its copy, ECO-01 (not started now) are quick wins.
    assert_eq!(card.quick_wins, StatusCounts::from_counts(0, 2, 0, 1));
    let postponed: Vec<(&str, i32)> = card.postponed.iter().map(|(n, y, _)| (n.as_str(), *y)).collect();
    assert_eq!(postponed.len(), 2);
    assert!(postponed.iter().all(|(name, year)| *year == 2021 && (name.contains("GOV-09") || name.contains("GOV-13"))));
    assert!(card.postponed.iter().all(|(_, _, reason)| reason.contains("Covid-19")));
    assert_eq!(card.rpjmd, [0, 0, 5], "the sample states no alignment for these programs");
    // Since the round: one forward, one back, one added; the table counts the four the round had.
    let since = card.since_round.unwrap();
    assert_eq!(since.label, "Evaluasi 2021");
    assert_eq!(since.before, StatusCounts::from_counts(0, 2, 0, 2));
    assert_eq!(since.after, StatusCounts::from_counts(0, 1, 1, 2));
    assert_eq!(since.comparison.forward, [("GOV-09".to_owned(), Status::NotStarted, Status::Discussion)]);
    assert_eq!(since.comparison.back, [("ECO-01".to_owned(), Status::Running, Status::NotStarted)]);
    assert_eq!(since.comparison.added, [copy]);
    assert_eq!(Scorecard::of(&dataset, "no-such-agency"), None);
    assert_eq!(Scorecard::all(&dataset).len(), 4);
    let mut without_rounds = dataset.clone();
    without_rounds.evaluations.clear();
    assert_eq!(Scorecard::of(&without_rounds, "diskominfo").unwrap().since_round, None);
}

#[test]
fn recording_a_round_names_it_by_its_date_and_keeps_the_rules() {
    let dataset = sample_dataset();
    let (change, first) = edit::record_round(&dataset, "  Evaluasi 2021 ", "2021-11-30");
    let once = made(&dataset, change);
    let (change, second) = edit::record_round(&once, "Evaluasi 2021 (ulang)", "2021-11-30");
    let twice = made(&once, change);
    assert_eq!((first.as_str(), second.as_str()), ("2021-11-30", "2021-11-30-2"));
    assert_eq!(twice.evaluations.last().unwrap().label, "Evaluasi 2021 (ulang)");
    assert_eq!(once.evaluations.last().unwrap().label, "Evaluasi 2021", "the label is trimmed");
    let refused = edit::applied(&dataset, &edit::record_round(&dataset, " ", "2021-11-30").0).unwrap_err();
    assert_eq!(refused.0[0].path, "evaluations[1].label");
    let renamed = made(&twice, edit::update_round(&twice, &second, |r| r.label = "Evaluasi 2021 (revisi)".into()));
    assert_eq!(renamed.evaluations[2].label, "Evaluasi 2021 (revisi)");
    let misdated = edit::update_round(&twice, &second, |r| r.date = "30/11/2021".into());
    assert!(edit::applied(&twice, &misdated).is_err(), "not a date");
    assert_eq!(made(&renamed, edit::delete_round(&renamed, &first)).evaluations.len(), 2);
}

#[test]
fn rounds_count_in_date_order_whatever_the_files_order() {
    let mut dataset = sample_dataset();
    let scored = |id: &str, date: &str, score: f64| {
        let mut round = snapshot(&dataset, id.into(), id.into(), date.into());
        round.scores = Some(aspects([Some(score); 5]));
        round
    };
    let (late, early) = (scored("2023", "2023-11-01", 80.0), scored("2021", "2021-11-01", 60.0));
    let same_day = scored("2023-b", "2023-11-01", 90.0);
    dataset.evaluations.extend([late, early, same_day]);
    let trend = index_trend(&dataset);
    let ids: Vec<&str> = trend.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2020-tahap-1", "2021", "2023", "2023-b"]);
    assert_eq!(trend[1].change, None, "Stage I has no scores");
    assert!((trend[2].change.unwrap() - 20.0).abs() < 1e-9);
    assert!((trend[3].change.unwrap() - 10.0).abs() < 1e-9);
    assert_eq!(latest_round(&dataset).unwrap().id, "2023-b", "the later recorded of two on one day");
}

#[test]
fn a_rounds_scores_give_each_aspects_contribution_which_add_up_to_its_index() {
    use masterplan_tracker::evaluation::round_scores;
    let mut dataset = sample_dataset();
    assert!(round_scores(&dataset).is_empty(), "an unscored round has no scores to show");
    dataset.evaluations[0].scores = Some(aspects([Some(3.0), Some(2.5), Some(3.5), Some(3.0), Some(2.0)]));
    let rounds = round_scores(&dataset);
    let round = &rounds[0];
    assert!(round.default_weights, "the round states none");
    let contributions: Vec<f64> = round.aspects.iter().map(|a| a.contribution.unwrap()).collect();
    let expected = [0.3, 0.5, 1.05, 0.9, 0.2];
    for (got, want) in contributions.iter().zip(expected) {
        assert!((got - want).abs() < 1e-9, "{contributions:?}");
    }
    let index = round.index.clone().unwrap();
    assert!((contributions.iter().sum::<f64>() - index).abs() < 1e-9);
    // A score above the round's stated scale is refused like a negative one.
    dataset.evaluations[0].scale_max = Some(3.into());
    let refused = masterplan_tracker::format::Dataset::parse(&dataset.to_file_json()).unwrap_err();
    assert!(refused.errors.iter().any(|e| e.path == "evaluations[0].scores.outcome"), "{:?}", refused.errors);
}
