//! Native tests of the charts: the numbers behind each chart, and text from a file never becoming markup.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::charts::BarChart;
use masterplan_tracker::format::Status;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::metrics::Overview;
use masterplan_tracker::sample::sample_dataset;

#[test]
fn the_status_chart_carries_the_overview_figures_per_locale() {
    let overview = Overview::of(&sample_dataset());
    let id = BarChart::status_shares(&overview, Lang::Id);
    let labels: Vec<&str> = id.rows.iter().map(|r| r.end_label.as_str()).collect();
    assert_eq!(labels, ["0 · 0,00 %", "79 · 60,31 %", "16 · 12,21 %", "36 · 27,48 %"]);
    let en = BarChart::status_shares(&overview, Lang::En);
    assert_eq!(en.rows[1].label, "Running");
    assert_eq!(en.rows[1].end_label, "79 · 60.31%");
    let svg = en.to_svg();
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("79 · 60.31%") && svg.contains("Programs by status"));
}

#[test]
fn the_dimension_chart_stacks_every_status() {
    let overview = Overview::of(&sample_dataset());
    let chart = BarChart::dimensions_by_status(&overview, Lang::Id);
    assert_eq!(chart.rows.len(), 6);
    let total: f64 = chart.rows.iter().flat_map(|r| &r.segments).map(|s| s.value).sum();
    assert_eq!(total, 131.0);
    assert_eq!(chart.legend.iter().map(|(_, s)| *s).collect::<Vec<_>>(), Status::ALL);
    assert!(chart.x_max >= 30.0);
}

#[test]
fn hostile_text_is_escaped_in_the_svg() {
    let overview = Overview::of(&sample_dataset());
    let mut chart = BarChart::status_shares(&overview, Lang::En);
    chart.title = "<script>alert(1)</script>".into();
    chart.rows[0].label = "\"><img src=x onerror=alert(1)>".into();
    let svg = chart.to_svg();
    assert!(!svg.contains("<script>") && !svg.contains("<img"), "{svg}");
    assert!(svg.contains("&lt;script&gt;"));
}
