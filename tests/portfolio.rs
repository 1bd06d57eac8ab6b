//! Native tests of several cities side by side: the comparison's figures per city and in total, sorting
//! and the province filter, and the portfolio file's round trip and refusals.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Dataset, Problem, Status};
use masterplan_tracker::generate::synthetic_dataset;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::portfolio::{CompareColumn, CompareQuery, Comparison, Portfolio, weights_text};
use masterplan_tracker::sample::sample_dataset;

fn three_cities() -> Vec<Dataset> {
    let mut second = synthetic_dataset(40, 2);
    second.plan.city = "Kota Batam".into();
    second.plan.province = Some("Kepulauan Riau".into());
    let mut third = synthetic_dataset(75, 3);
    third.plan.city = "Kota Padang".into();
    third.plan.province = Some("Sumatera Barat".into());
    vec![sample_dataset(), second, third]
}

#[test]
fn each_city_has_its_figures_and_the_total_adds_them_up() {
    let cities = three_cities();
    let comparison = Comparison::of(&cities, &CompareQuery::default());
    assert_eq!(comparison.rows.len(), 3);
    let tanjungpinang = comparison.rows.iter().find(|r| r.city == "Kota Tanjungpinang").unwrap();
    assert_eq!(tanjungpinang.programs, 131);
    assert_eq!(tanjungpinang.counts.get(Status::Running), 79);
    assert_eq!(tanjungpinang.shares.get(Status::Running).parts(), (60, 31));
    assert_eq!(tanjungpinang.shares.get(Status::Discussion).parts(), (12, 21));
    assert_eq!(tanjungpinang.shares.get(Status::NotStarted).parts(), (27, 48));
    let round = tanjungpinang.latest_round.as_ref().expect("the Stage I round");
    assert_eq!(round.date, "2020-11-27");
    for row in &comparison.rows {
        assert_eq!(row.shares.sum(), 10_000, "{}: shares add up to 100.00", row.city);
        let dataset = cities.iter().find(|d| d.plan.city == row.city).unwrap();
        assert_eq!(row.programs, dataset.programs.len());
        assert_eq!(row.quick_wins, dataset.programs.iter().filter(|p| p.quick_win).count());
        assert_eq!(row.postponed, dataset.programs.iter().filter(|p| p.postponed_to.is_some()).count());
    }
    assert_eq!(comparison.total.programs, 131 + 40 + 75);
    for status in Status::ALL {
        let sum: usize = comparison.rows.iter().map(|r| r.counts.get(status)).sum();
        assert_eq!(comparison.total.counts.get(status), sum);
    }
    assert_eq!(comparison.total.shares.sum(), 10_000);
    assert_eq!(comparison.provinces, ["Kepulauan Riau", "Sumatera Barat"]);
}

#[test]
fn the_comparison_sorts_by_any_column_and_filters_by_province() {
    let cities = three_cities();
    let by_programs = CompareQuery { sort: CompareColumn::Programs, descending: true, ..Default::default() };
    let order: Vec<usize> = Comparison::of(&cities, &by_programs).rows.iter().map(|r| r.programs).collect();
    assert_eq!(order, [131, 75, 40]);
    let by_name: Vec<String> =
        Comparison::of(&cities, &CompareQuery::default()).rows.iter().map(|r| r.city.clone()).collect();
    assert_eq!(by_name, ["Kota Batam", "Kota Padang", "Kota Tanjungpinang"]);
    let riau = CompareQuery { province: Some("Kepulauan Riau".into()), ..Default::default() };
    let comparison = Comparison::of(&cities, &riau);
    assert_eq!(comparison.rows.len(), 2);
    assert_eq!(comparison.total.programs, 131 + 40, "the totals follow the filter");
    for column in CompareColumn::all() {
        assert_eq!(CompareColumn::from_code(&column.code()), Some(column));
        let query = CompareQuery { sort: column, ..Default::default() };
        assert_eq!(Comparison::of(&cities, &query).rows.len(), 3);
    }
}

#[test]
fn the_weights_behind_an_index_are_shown() {
    let weights = masterplan_tracker::evaluation::default_weights();
    assert_eq!(weights_text(&weights, Lang::Id), "10/20/30/30/10");
    let mut halves = weights.clone();
    halves.baseline = serde_json::Number::from_f64(12.5);
    halves.output = serde_json::Number::from_f64(17.5);
    assert_eq!(weights_text(&halves, Lang::Id), "12,5/17,5/30/30/10", "numbers as the language writes them");
    assert_eq!(weights_text(&halves, Lang::En), "12.5/17.5/30/30/10");
}

#[test]
fn a_portfolio_file_reads_back_as_the_same_cities() {
    let cities = three_cities();
    let text = Portfolio { datasets: cities.clone() }.to_file_json("2026-11-28T10:00:00Z");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(Portfolio::is_portfolio(&value));
    assert_eq!(value["format"], "smart-city-masterplan-portfolio");
    assert_eq!(value["version"], 1);
    assert_eq!(value["datasets"][0]["format"], "smart-city-masterplan", "each city as its own file");
    let back = Portfolio::from_value(value).unwrap();
    assert_eq!(back.datasets, cities);
}

#[test]
fn a_broken_city_in_a_portfolio_is_refused_at_its_place() {
    let cities = three_cities();
    let text = Portfolio { datasets: cities }.to_file_json("2026-11-28T10:00:00Z");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["datasets"][1]["programs"][3]["status"] = "selesai".into();
    let refusal = Portfolio::from_value(value.clone()).unwrap_err();
    assert_eq!(refusal.errors[0].path, "datasets[1].programs[3].status");
    assert!(matches!(refusal.errors[0].problem, Problem::UnknownValue { .. }));
    value["version"] = 2.into();
    let refusal = Portfolio::from_value(value).unwrap_err();
    assert_eq!(
        (refusal.errors[0].path.as_str(), &refusal.errors[0].problem),
        ("version", &Problem::NewerVersion { found: 2 })
    );
}

#[test]
fn two_cities_of_one_name_stay_two_rows_each_knowing_its_place() {
    let mut cities = three_cities();
    let mut again = cities[0].clone();
    again.programs.truncate(100);
    cities.push(again);
    let comparison = Comparison::of(&cities, &CompareQuery::default());
    let places: Vec<(Option<usize>, usize)> =
        comparison.rows.iter().filter(|r| r.city == "Kota Tanjungpinang").map(|r| (r.at, r.programs)).collect();
    assert_eq!(places, [(Some(0), 131), (Some(3), 100)]);
    assert_eq!(comparison.total.at, None);
}

#[test]
fn an_incoming_city_replaces_the_city_of_the_same_name_and_province_once() {
    use masterplan_tracker::portfolio::{CityName, replaced_cities};
    let name = |city, province| CityName { city, province };
    let listed = [
        name("Kota Tanjungpinang", Some("Kepulauan Riau")),
        name("Kota Batam", Some("Kepulauan Riau")),
        name("Kota Baru", Some("Kalimantan Selatan")),
    ];
    let incoming = [
        name("kota  batam", None),
        name("Kota Baru", Some("Jambi")),
        name("Kota Batam", Some("Kepulauan Riau")),
        name("Kota Tanjungpinang", Some("Kepulauan  riau")),
        name("Kota Padang", Some("Sumatera Barat")),
    ];
    assert_eq!(
        replaced_cities(&listed, &incoming),
        [
            Some(1), // case and spacing aside, no province to tell them apart
            None,    // another Kota Baru: Jambi's, not South Kalimantan's
            None,    // Batam is replaced once; the second file of it is a city of its own
            Some(0),
            None,
        ]
    );
}
