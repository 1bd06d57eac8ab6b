//! Native tests of the metrics: the published Stage I figures, and shares that always add up to 100.00.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Dimension, Status};
use masterplan_tracker::metrics::{Overview, Share, StatusCounts};
use masterplan_tracker::sample::sample_dataset;
use proptest::prelude::*;

#[test]
fn the_sample_matches_the_published_evaluation() {
    let overview = Overview::of(&sample_dataset());
    assert_eq!(overview.programs, 131);
    assert_eq!(overview.counts.get(Status::Running), 79);
    assert_eq!(overview.counts.get(Status::Discussion), 16);
    assert_eq!(overview.counts.get(Status::NotStarted), 36);
    assert_eq!(overview.counts.get(Status::Done), 0);
    assert_eq!(overview.shares.get(Status::Running), Share(6031));
    assert_eq!(overview.shares.get(Status::Discussion), Share(1221));
    assert_eq!(overview.shares.get(Status::NotStarted), Share(2748));
    assert_eq!(overview.shares.sum(), 10_000);
    let per_dimension: usize = overview.by_dimension.iter().map(|(_, c)| c.total()).sum();
    assert_eq!(per_dimension, 131);
    assert_eq!(overview.by_dimension.len(), Dimension::ALL.len());
}

#[test]
fn no_programs_means_no_shares() {
    let shares = StatusCounts::default().shares();
    assert_eq!(shares.sum(), 0);
}

#[test]
fn thirds_round_to_the_largest_count_first() {
    let shares = StatusCounts::from_counts(1, 1, 1, 0).shares();
    assert_eq!(shares.sum(), 10_000);
    assert_eq!(shares.get(Status::Done), Share(3334));
    assert_eq!(shares.get(Status::Running), Share(3333));
}

proptest! {
    #[test]
    fn shares_add_up_to_exactly_100(done in 0usize..50_000, running in 0usize..50_000,
                                    discussion in 0usize..50_000, not_started in 0usize..50_000) {
        let counts = StatusCounts::from_counts(done, running, discussion, not_started);
        let shares = counts.shares();
        if counts.total() == 0 {
            prop_assert_eq!(shares.sum(), 0);
        } else {
            prop_assert_eq!(shares.sum(), 10_000);
            for status in Status::ALL {
                // Each share is its exact value rounded down or up, never further away.
                let exact = counts.get(status) as f64 * 10_000.0 / counts.total() as f64;
                let share = f64::from(shares.get(status).0);
                prop_assert!((share - exact).abs() < 1.0, "{:?}: {} vs {}", status, share, exact);
            }
        }
    }
}

#[test]
fn the_dashboards_filter_round_trips_through_the_address() {
    use masterplan_tracker::format::Dimension;
    use masterplan_tracker::metrics::ProgramFilter;
    let filter =
        ProgramFilter { dimension: Some(Dimension::Living), agency: Some("dlh".into()), quick_wins_only: true };
    let params = filter.to_params();
    assert_eq!(
        params,
        [("dimension", "living".to_owned()), ("agency", "dlh".to_owned()), ("quick_win", "yes".to_owned())]
    );
    assert_eq!(ProgramFilter::from_params(params.iter().map(|(k, v)| (*k, v.as_str()))), filter);
    assert!(ProgramFilter::default().to_params().is_empty(), "the whole plan says nothing");
    let odd = ProgramFilter::from_params([("dimension", "nowhere"), ("quick_win", "no"), ("agency", "")]);
    assert_eq!(odd, ProgramFilter::default(), "what names nothing filters nothing");
}
