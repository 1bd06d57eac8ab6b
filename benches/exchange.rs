//! Figures of exchanging data, printed rather than asserted (a slow machine must not fail a build):
//! how many programs a share link carries, and how long checking, diffing and CSV take natively.
//! Run with `cargo xtask bench` (or `cargo bench --bench exchange`).

use std::time::Instant;

use masterplan_tracker::diff::DatasetDiff;
use masterplan_tracker::format::Dataset;
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::sample::sample_dataset;
use masterplan_tracker::share_link::{MAX_LINK_CHARS, link_for};
use masterplan_tracker::spreadsheet::{Delimiter, from_csv, to_csv};

const PAGE: &str = "https://pemkot.example.go.id/smartcity/masterplan/";

fn main() {
    let sample = sample_dataset();
    let link = link_for(PAGE, &sample).expect("the sample fits a link");
    println!("share link of the built-in dataset (131 programs): {} characters (limit {MAX_LINK_CHARS})", link.len());

    // The largest synthetic dataset whose link fits, by bisection.
    let (mut fits, mut too_many) = (1usize, 20_000usize);
    while too_many - fits > 1 {
        let middle = (fits + too_many) / 2;
        if link_for(PAGE, &synthetic_dataset(middle, 1)).is_ok() { fits = middle } else { too_many = middle }
    }
    println!("largest synthetic dataset a share link carries: {fits} programs");

    for programs in [131, 2_000, 20_000] {
        let dataset = synthetic_dataset(programs, 1);
        let text = dataset.to_file_json();
        let started = Instant::now();
        let checked = Dataset::parse(&text).expect("valid");
        let parse = started.elapsed();
        let started = Instant::now();
        let diff = DatasetDiff::between(&sample, &checked.dataset);
        let diffing = started.elapsed();
        let started = Instant::now();
        let csv = to_csv(&dataset, Delimiter::Semicolon, masterplan_tracker::i18n::Lang::Id);
        let csv_write = started.elapsed();
        let started = Instant::now();
        from_csv(&csv, &dataset).expect("valid");
        let csv_read = started.elapsed();
        println!(
            "{programs:>6} programs: file {:>6} KB; check {:>7.1} ms; diff {:>6.1} ms ({} added); CSV write {:>6.1} ms, read+check {:>7.1} ms",
            text.len() / 1000,
            parse.as_secs_f64() * 1e3,
            diffing.as_secs_f64() * 1e3,
            diff.programs.added.len(),
            csv_write.as_secs_f64() * 1e3,
            csv_read.as_secs_f64() * 1e3,
        );
    }
}
