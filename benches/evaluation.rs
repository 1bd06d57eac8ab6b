//! Figures of evaluation rounds, printed rather than asserted: a snapshot, the comparison with today, the
//! shift per dimension and per agency, every agency's scorecard and the dashboard's charts (the index trend
//! included) at 131, 2 000 and 20 000 programs, natively.

use std::time::Instant;

use masterplan_tracker::dashboard::charts;
use masterplan_tracker::evaluation::{Comparison, current_statuses, shift_by, snapshot};
use masterplan_tracker::format::{Dataset, Status};
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::metrics::ProgramFilter;
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::scorecard::Scorecard;

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e3
}

/// The dataset with a round recorded, then every tenth program moved on, and the round scored.
fn with_a_round(mut dataset: Dataset) -> Dataset {
    let mut round = snapshot(&dataset, "r1".into(), "Evaluasi 2021".into(), "2021-11-30".into());
    round.scores = Some(masterplan_tracker::evaluation::default_weights());
    dataset.evaluations.push(round);
    for program in dataset.programs.iter_mut().step_by(10) {
        program.status = Status::Done;
    }
    dataset
}

fn main() {
    for (label, dataset) in [
        ("131 (built-in)", sample_dataset()),
        ("2 000", synthetic_dataset(2_000, 1)),
        ("20 000", synthetic_dataset(20_000, 1)),
    ] {
        let dataset = with_a_round(dataset);
        let started = Instant::now();
        let round = snapshot(&dataset, "r2".into(), "R2".into(), "2022-11-30".into());
        let snapshotting = millis(started);
        let started = Instant::now();
        let today = current_statuses(&dataset);
        let comparison = Comparison::between(&dataset.evaluations[0].statuses, &today);
        let comparing = millis(started);
        let started = Instant::now();
        let dimensions = shift_by(&dataset, &round.statuses, &today, |p| p.dimension);
        let agencies = shift_by(&dataset, &round.statuses, &today, |p| p.agency.clone());
        let shifting = millis(started);
        let started = Instant::now();
        let cards = Scorecard::all(&dataset);
        let scorecards = millis(started);
        let started = Instant::now();
        let all = charts(&dataset, &ProgramFilter::default(), Lang::Id);
        let charting = millis(started);
        println!(
            "{label:>15} programs: snapshot {snapshotting:.2} ms; compare {comparing:.2} ms ({} forward); shift \
             {shifting:.2} ms ({} + {} groups); {} scorecards {scorecards:.2} ms; {} charts {charting:.2} ms",
            comparison.forward.len(),
            dimensions.len(),
            agencies.len(),
            cards.len(),
            all.len()
        );
    }
}
