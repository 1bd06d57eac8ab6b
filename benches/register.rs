//! Figures of the program register, printed rather than asserted: building the search index, searching,
//! filtering and sorting at 131, 2 000 and 20 000 programs (natively; `cargo xtask bench` also measures
//! them in headless Chromium, with the rendering).

use std::time::Instant;

use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::register::{RegisterQuery, SearchIndex, shown};
use masterplan_tracker::sample::sample_dataset;

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e3
}

fn main() {
    for (label, dataset) in [
        ("131 (built-in)", sample_dataset()),
        ("2 000", synthetic_dataset(2_000, 1)),
        ("20 000", synthetic_dataset(20_000, 1)),
    ] {
        let started = Instant::now();
        let index = SearchIndex::of(&dataset);
        let indexing = millis(started);
        let query = |params: &[(&str, &str)]| RegisterQuery::from_params(params.iter().copied());
        let mut figures = Vec::new();
        for (what, q) in [
            ("search", query(&[("q", "digitalisasi")])),
            ("filter", query(&[("status", "running"), ("dimension", "living")])),
            ("sort by name", query(&[("sort", "name")])),
            ("all", RegisterQuery::default()),
        ] {
            let started = Instant::now();
            let rows = shown(&dataset, &index, &q);
            figures.push(format!("{what} {:.2} ms ({} rows)", millis(started), rows.len()));
        }
        println!("{label:>15} programs: index {indexing:.1} ms; {}", figures.join("; "));
    }
}
