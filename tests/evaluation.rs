//! Native tests of evaluation rounds: snapshots, comparison between rounds (a program deleted between
//! them included), and the weighted achievement index with its edge cases.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::edit;
use masterplan_tracker::evaluation::{
    Aspect, Comparison, IndexError, achievement_index, current_statuses, default_weights, index_trend, snapshot,
};
use masterplan_tracker::format::{Aspects, Dataset, Status};
use masterplan_tracker::sample::sample_dataset;
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

#[test]
fn comparing_rounds_names_progress_setbacks_and_changed_programs() {
    let before = sample_dataset();
    let round = snapshot(&before, "r1".into(), "R1".into(), "2020-11-27".into());
    let mut later = edit::set_status(&before, "GOV-01", Status::Done);
    later = edit::set_status(&later, "GOV-02", Status::NotStarted);
    later = edit::delete_programs(&later, &["ENV-03".into()]);
    let (with_copy, copy_id) = edit::duplicate_program(&later, "ECO-01", "salinan").unwrap();
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
    assert!((trend[0].1.clone().unwrap() - 60.0).abs() < 1e-9);
    assert_eq!(trend[0].2, None);
    assert!(trend[1].1.is_err());
    assert!((trend[2].2.unwrap() - 10.0).abs() < 1e-9, "change since the last scored round");
}
