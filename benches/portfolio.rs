//! Figures of several cities side by side, printed rather than asserted: the comparison of 3, 50 and 250
//! cities of 131 programs each, natively (the target: at most 100 ms), and what the cities take in
//! the browser's storage as the app packs them: their datasets in localStorage (about 5 million characters
//! per site), their backups (the last five of each city at most) on the shelf, IndexedDB.

use std::time::Instant;

use masterplan_tracker::backups::{Backup, BackupReason};
use masterplan_tracker::format::Dataset;
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::portfolio::{CompareColumn, CompareQuery, Comparison};
use masterplan_tracker::storage::envelope::{Origin, encode_dataset};

fn cities(count: usize) -> Vec<Dataset> {
    (0..count)
        .map(|i| {
            let mut dataset = synthetic_dataset(131, i as u64 + 1);
            dataset.plan.city = format!("Kota Contoh {}", i + 1);
            dataset.plan.province = Some(format!("Provinsi {}", i % 34 + 1));
            dataset
        })
        .collect()
}

fn main() {
    for count in [3, 50, 250] {
        let datasets = cities(count);
        let query = CompareQuery { sort: CompareColumn::Programs, descending: true, ..Default::default() };
        let mut times: Vec<f64> = (0..9)
            .map(|_| {
                let started = Instant::now();
                let comparison = Comparison::of(&datasets, &query);
                assert_eq!(comparison.rows.len(), count);
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let stored: usize = datasets
            .iter()
            .map(|d| {
                encode_dataset(d, &Origin::Imported { file: "x.masterplan.json".into() }, "2026-11-28T00:00:00Z", 1)
                    .chars()
                    .count()
            })
            .sum();
        let backup: usize = datasets
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let reason = BackupReason::BeforeImport { file: "x.masterplan.json".into() };
                let backup = Backup::of(d, Origin::Sample, reason, i as u64, "2026-11-28T00:00:00Z".into());
                serde_json::to_string(&backup).expect("a backup serialises").chars().count()
            })
            .sum();
        println!(
            "portfolio of {count:>3} cities x 131 programs: compared in {:.1} ms (median of 9); datasets stored packed {:.2} M characters of localStorage's ~5.24 M ({:.0} %); on the shelf (IndexedDB) one backup of each {:.2} M characters, five of each {:.2} M",
            times[4],
            stored as f64 / 1e6,
            stored as f64 / (5.0 * 1024.0 * 1024.0) * 100.0,
            backup as f64 / 1e6,
            5.0 * backup as f64 / 1e6,
        );
    }
}
