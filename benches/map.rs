//! Figures of the map, printed rather than asserted: a province's 400 kelurahan in 20 kecamatan with
//! 100 000 positions and 2 000 located programs, counted and drawn as SVG at each level, natively (the
//! issue's target: at most 200 ms); and the built-in sample's map.

use std::time::Instant;

use masterplan_tracker::generate::{synthetic_dataset, with_province_regions};
use masterplan_tracker::geo::Level;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::map::{MapChart, MapView, Measure};
use masterplan_tracker::sample::sample_dataset;

/// The median of `runs` timings of `work`, in milliseconds.
fn median_ms(runs: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let started = Instant::now();
        size = work();
        times.push(started.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], size)
}

fn main() {
    let province = with_province_regions(synthetic_dataset(2_000, 7), 20, 20, 250, 7);
    let positions = province.regions.as_ref().map_or(0, |r| r.positions());
    for (label, dataset) in [("sample (22 regions)", sample_dataset()), ("province (420 regions)", province)] {
        for level in [Level::Kecamatan, Level::Kelurahan] {
            let view = MapView { level: Some(level), measure: Measure::ActiveShare };
            let (ms, bytes) = median_ms(9, || {
                let map = MapChart::of(&dataset, &dataset.programs, view, Lang::Id).expect("boundaries");
                map.to_svg().len()
            });
            println!(
                "map {label:>24} {:>9}: counted and drawn in {ms:7.1} ms (median of 9), SVG {} KiB",
                level.code(),
                bytes / 1024
            );
        }
    }
    println!("map province boundaries: {positions} positions");
}
