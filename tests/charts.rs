//! Native tests of the charts: the numbers behind each chart, and text from a file never becoming markup.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::charts::{BarChart, Fill};
use masterplan_tracker::format::Dimension;
use masterplan_tracker::format::Status;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::metrics::{Overview, StatusCounts};
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
    let fills: Vec<Fill> = Status::ALL.iter().map(|s| Fill::Status(*s)).collect();
    assert_eq!(chart.legend.iter().map(|(_, f)| *f).collect::<Vec<_>>(), fills);
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

#[test]
fn every_dashboard_chart_carries_the_same_numbers_as_its_table() {
    use masterplan_tracker::dashboard::charts;
    use masterplan_tracker::metrics::ProgramFilter;
    let dataset = sample_dataset();
    let all = charts(&dataset, &ProgramFilter::default(), Lang::Id);
    let names: Vec<&str> = all.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "status",
            "dimension",
            "subdimension",
            "agency",
            "target-year",
            "quick-wins",
            "postponed",
            "alignment",
            "rounds"
        ]
    );
    for chart in &all {
        assert_eq!(
            chart.rows.len(),
            chart.table.rows.len() - usize::from(chart.name == "status" || chart.name == "quick-wins"),
            "{}",
            chart.name
        );
        for (row, table_row) in chart.rows.iter().zip(&chart.table.rows) {
            assert_eq!(row.label, table_row[0], "{}", chart.name);
        }
        assert!(chart.to_svg().contains("<svg"), "{}", chart.name);
    }
    // The status table is the overview's figures.
    let status = &all[0].table.rows;
    assert_eq!(status[1], ["Sudah berjalan", "79", "60,31 %"]);
    assert_eq!(status[4], ["Total", "131", ""]);
    // Quick wins: the 14 the news report names, all running.
    assert_eq!(all[5].table.rows[1], ["Sudah berjalan", "14", "100,00 %"]);
    assert_eq!(all[6].table.rows, [["2021 · Refocusing anggaran untuk penanganan Covid-19", "4"]]);
    assert_eq!(all[7].table.rows[0], ["RPJMD", "2", "0", "129", "1,53 %"]);
    // A filter applies to every chart at once.
    let governance =
        ProgramFilter { dimension: Some(masterplan_tracker::format::Dimension::Governance), ..Default::default() };
    let filtered = charts(&dataset, &governance, Lang::En);
    assert_eq!(filtered[0].table.rows[4], ["Total", "30", ""]);
    assert_eq!(filtered[1].rows.iter().filter(|r| r.end_label != "0").count(), 1);
}

#[test]
fn rounds_get_a_chart_when_there_are_any() {
    use masterplan_tracker::dashboard::charts;
    use masterplan_tracker::metrics::ProgramFilter;
    let mut dataset = sample_dataset();
    dataset.evaluations.clear();
    assert!(
        charts(&dataset, &ProgramFilter::default(), Lang::Id).iter().all(|c| c.name != "rounds"),
        "no rounds, no chart"
    );
    let statuses = dataset.programs.iter().map(|p| (p.id.clone(), p.status)).collect();
    dataset.evaluations.push(masterplan_tracker::format::Evaluation {
        id: "2020-tahap-1".into(),
        label: "Evaluasi Tahap I".into(),
        date: "2020-11-27".into(),
        statuses,
        scores: None,
        weights: None,
        scale_max: None,
        extra: Default::default(),
    });
    let all = charts(&dataset, &ProgramFilter::default(), Lang::Id);
    let rounds = all.iter().find(|c| c.name == "rounds").expect("a rounds chart");
    assert_eq!(
        rounds.table.rows[0],
        ["Evaluasi Tahap I (27 November 2020)", "0 · 0,00 %", "79 · 60,31 %", "16 · 12,21 %", "36 · 27,48 %", "131"]
    );
    // Shares, so that rounds of different sizes compare: each bar fills the axis.
    let filled: f64 = rounds.rows[0].segments.iter().map(|s| s.value).sum();
    assert!((filled - 100.0).abs() < 1e-9 && rounds.x_max == 100.0, "{filled}");
    assert!(all.iter().all(|c| c.name != "index-trend"), "no scores, no index trend");
}

#[test]
fn share_labels_in_a_stacked_bar_add_up_to_100() {
    use masterplan_tracker::metrics::StatusCounts;
    let thirds = StatusCounts::from_counts(1, 1, 1, 0);
    let chart = BarChart::shares_by_status("rounds", "R".into(), "Putaran", vec![("R1".into(), thirds)], Lang::En);
    let labels: Vec<&str> = chart.rows[0].segments.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["34%", "33%", "33%", "0%"]);
    assert_eq!(chart.table.rows[0][1..4], ["1 · 33.34%", "1 · 33.33%", "1 · 33.33%"]);
}

#[test]
fn the_index_trend_charts_each_rounds_index_and_its_change() {
    use masterplan_tracker::dashboard::charts;
    use masterplan_tracker::evaluation::snapshot;
    use masterplan_tracker::metrics::ProgramFilter;
    let mut dataset = sample_dataset();
    let scores = |v: u64| every_aspect(serde_json::Number::from(v));
    dataset.evaluations[0].scores = Some(scores(60));
    dataset.evaluations.push(snapshot(&dataset, "2021".into(), "Evaluasi 2021".into(), "2021-11-30".into()));
    let mut third = snapshot(&dataset, "2022".into(), "Evaluasi 2022".into(), "2022-11-30".into());
    third.scores = Some(scores(72));
    dataset.evaluations.push(third);
    for (lang, first, second, third) in
        [(Lang::Id, "60,00", "belum dinilai", "72,00 (+12,00)"), (Lang::En, "60.00", "not scored", "72.00 (+12.00)")]
    {
        let all = charts(&dataset, &ProgramFilter::default(), lang);
        let trend = all.iter().find(|c| c.name == "index-trend").expect("an index trend chart");
        let ends: Vec<&str> = trend.rows.iter().map(|r| r.end_label.as_str()).collect();
        assert_eq!(ends, [first, second, third]);
        assert!(trend.rows[1].segments.is_empty(), "an unscored round has no bar");
        assert_eq!(trend.x_max, 80.0);
        assert_eq!(trend.table.rows.len(), 3);
        assert!(trend.to_svg().contains(third));
    }
}

#[test]
fn the_presenter_hides_and_reorders_slides_and_new_slides_still_come() {
    use masterplan_tracker::slides::{Arrangement, deck};
    let of = masterplan_tracker::slides::DeckOf { today: "2026-11-27".into(), ..Default::default() };
    let slides = deck(&sample_dataset(), &of, Lang::Id);
    let keys: Vec<String> = slides.iter().map(|s| s.key()).collect();
    assert_eq!(&keys[..3], ["title", "headline", "chart-status"]);
    assert!(keys.contains(&"dimension-environment".to_owned()));
    let last_chart = keys.iter().rposition(|k| k.starts_with("chart-")).unwrap();
    assert_eq!(keys[last_chart + 1], "map", "the map after the charts");
    let arrangement = Arrangement::default().toggled("title").moved(&keys, "chart-status", -1);
    let shown: Vec<String> = arrangement.shown(slides.clone()).iter().map(|s| s.key()).collect();
    assert_eq!(&shown[..2], ["chart-status", "headline"]);
    assert_eq!(shown.len(), keys.len() - 1);
    // A slide the arrangement does not know yet is shown, after the known ones.
    let partial = Arrangement { order: vec!["headline".into()], ..Default::default() };
    let arranged: Vec<String> = partial.arrange(slides).iter().map(|(s, _)| s.key()).collect();
    assert_eq!(&arranged[..2], ["headline", "title"]);
}

#[test]
fn a_chart_with_more_bars_than_a_slide_holds_continues_on_balanced_slides_on_one_axis() {
    use masterplan_tracker::charts::SLIDE_ROWS;
    let groups: Vec<(String, StatusCounts)> = (0..11)
        .map(|i| {
            let mut counts = StatusCounts::default();
            for _ in 0..=i {
                counts.add(masterplan_tracker::format::Status::Running);
            }
            (format!("OPD {i}"), counts)
        })
        .collect();
    let chart = BarChart::stacked_by_status("agency", "Program per OPD".into(), "OPD", groups, Lang::Id);
    let pages = chart.slide_pages();
    assert_eq!(pages.iter().map(|p| p.rows.len()).collect::<Vec<_>>(), [6, 5], "at most {SLIDE_ROWS}, balanced");
    assert_eq!(pages[0].title, "Program per OPD");
    assert_eq!(pages[1].title, "Program per OPD (lanjutan)");
    assert!(pages.iter().all(|p| p.x_max == chart.x_max), "bars on both slides compare");
    let rows: Vec<_> = pages.iter().flat_map(|p| p.rows.clone()).collect();
    assert_eq!(rows, chart.rows, "every bar once, in order");
    let svg = pages[1].to_slide_svg(masterplan_tracker::charts::SlideTheme::Dark);
    assert!(svg.contains(r#"viewBox="0 0 1280 600""#) && svg.contains("#121212"), "drawn for the frame, dark");
    assert_eq!(BarChart::status_shares(&Overview::of(&sample_dataset()), Lang::Id).slide_pages().len(), 1);
}

#[test]
fn a_dimensions_long_lists_continue_on_the_next_slide_with_their_heading_again() {
    use masterplan_tracker::slides::{DeckOf, Page, Slide, deck};
    let mut dataset = sample_dataset();
    for (i, program) in dataset.programs.iter_mut().filter(|p| p.dimension == Dimension::Governance).enumerate() {
        program.quick_win = true;
        program.postponed_to = (i % 2 == 0).then_some(2021);
        program.delay_reason = Some("Anggaran dialihkan untuk penanganan Covid-19".into());
    }
    let slides = deck(&dataset, &DeckOf::default(), Lang::Id);
    let governance = slides.iter().find(|s| s.key() == "dimension-governance").unwrap();
    let pages = governance.pages(Lang::Id);
    assert!(matches!(pages[0], Page::Chart(_)), "the dimension's chart first, alone");
    let lists: Vec<_> = pages
        .iter()
        .filter_map(|p| match p {
            Page::Lists { title, sections, .. } => Some((title.clone(), sections.clone())),
            _ => None,
        })
        .collect();
    assert!(lists.len() >= 3, "{} quick wins and their postponements take several slides", lists.len());
    assert_eq!(lists[0].0, "Smart Governance: quick win dan penundaan");
    assert!(lists[1..].iter().all(|(title, _)| title == "Smart Governance: quick win dan penundaan (lanjutan)"));
    let lines: usize = lists.iter().flat_map(|(_, sections)| sections.iter().map(|s| s.lines.len())).sum();
    let Slide::Dimension { quick_wins, postponed, .. } = governance else { unreachable!() };
    assert_eq!(lines, quick_wins.len() + postponed.len(), "every line once");
    assert!(lists.iter().all(|(_, sections)| sections.iter().all(|s| !s.heading.is_empty() && !s.lines.is_empty())));
}

#[test]
fn a_filtered_deck_counts_only_the_programs_the_filter_keeps() {
    use masterplan_tracker::metrics::ProgramFilter;
    use masterplan_tracker::slides::{DeckOf, Slide, deck, filter_line};
    let dataset = sample_dataset();
    let filter = ProgramFilter { dimension: Some(Dimension::Governance), ..Default::default() };
    let governance = dataset.programs.iter().filter(|p| p.dimension == Dimension::Governance).count();
    let slides = deck(&dataset, &DeckOf { filter: filter.clone(), today: "2026-11-28".into() }, Lang::Id);
    let Slide::Headline { programs, .. } = &slides[1] else { panic!("the headline second") };
    assert_eq!(*programs, governance);
    let dimensions: Vec<String> = slides.iter().map(|s| s.key()).filter(|k| k.starts_with("dimension-")).collect();
    assert_eq!(dimensions, ["dimension-governance"]);
    for slide in &slides {
        if let Slide::Scorecard { card, .. } = slide {
            assert!(card.programs.iter().all(|p| p.dimension == Dimension::Governance), "{}", card.agency.id);
        }
    }
    assert_eq!(filter_line(&dataset, &filter, Lang::En).as_deref(), Some("Filtered: Smart Governance"));
    let agency = ProgramFilter { agency: Some("diskominfo".into()), quick_wins_only: true, ..Default::default() };
    assert_eq!(filter_line(&dataset, &agency, Lang::Id).as_deref(), Some("Disaring: Diskominfo · Hanya quick win"));
    assert_eq!(filter_line(&dataset, &ProgramFilter::default(), Lang::Id), None);
}

#[test]
fn every_breakdown_adds_up_to_the_programs_shown() {
    use masterplan_tracker::dashboard::charts;
    use masterplan_tracker::metrics::ProgramFilter;
    let dataset = sample_dataset();
    let filters = [
        ProgramFilter::default(),
        ProgramFilter { dimension: Some(Dimension::Governance), ..Default::default() },
        ProgramFilter { quick_wins_only: true, ..Default::default() },
        ProgramFilter { agency: Some("diskominfo".into()), ..Default::default() },
    ];
    for filter in filters {
        let shown = dataset.programs.iter().filter(|p| filter.keeps(p)).count();
        for chart in charts(&dataset, &filter, Lang::En) {
            if !["dimension", "subdimension", "agency", "target-year"].contains(&chart.name) {
                continue;
            }
            let total: usize = chart.table.rows.iter().map(|row| row.last().unwrap().parse::<usize>().unwrap()).sum();
            assert_eq!(total, shown, "{} under {filter:?}", chart.name);
        }
    }
    let all = charts(&dataset, &ProgramFilter::default(), Lang::Id);
    let subdimensions = all.iter().find(|c| c.name == "subdimension").unwrap();
    assert_eq!(subdimensions.rows.last().unwrap().label, "(tanpa subdimensi)", "programs without one have their bar");
}

#[test]
fn the_index_axis_runs_to_the_stated_scale_or_says_it_is_not_stated() {
    use masterplan_tracker::dashboard::index_trend_chart;
    let mut dataset = sample_dataset();
    dataset.evaluations[0].scores = Some(every_aspect(serde_json::Number::from_f64(2.98).unwrap()));
    let unstated = index_trend_chart(&dataset, Lang::Id).unwrap();
    assert_eq!(unstated.axis_label, "Indeks (skala tidak dinyatakan)");
    assert_eq!(unstated.x_max, 3.0);
    dataset.evaluations[0].scale_max = Some(4.into());
    for (lang, axis) in [(Lang::Id, "Indeks (skala 0–4)"), (Lang::En, "Index (scale 0–4)")] {
        let stated = index_trend_chart(&dataset, lang).unwrap();
        assert_eq!(stated.axis_label, axis);
        assert_eq!(stated.x_max, 4.0, "2,98 on a scale of 4 is not near its top");
        assert!(stated.to_svg().contains(axis));
    }
}

#[test]
fn under_a_filter_the_city_wide_index_chart_says_it_is_not_filtered() {
    use masterplan_tracker::dashboard::charts;
    use masterplan_tracker::metrics::ProgramFilter;
    let mut dataset = sample_dataset();
    dataset.evaluations[0].scores = Some(every_aspect(3.into()));
    let title = |filter: &ProgramFilter, lang| {
        charts(&dataset, filter, lang).into_iter().find(|c| c.name == "index-trend").unwrap().title
    };
    assert_eq!(title(&ProgramFilter::default(), Lang::Id), "Tren indeks pencapaian");
    let governance = ProgramFilter { dimension: Some(Dimension::Governance), ..Default::default() };
    assert_eq!(title(&governance, Lang::Id), "Tren indeks pencapaian · seluruh kota, tanpa saringan");
    assert_eq!(title(&governance, Lang::En), "Achievement index trend · city-wide, not filtered");
}

#[test]
fn the_budget_charts_set_realised_against_planned_and_count_every_program() {
    use masterplan_tracker::dashboard::charts;
    use masterplan_tracker::metrics::ProgramFilter;
    let mut dataset = sample_dataset();
    assert!(charts(&dataset, &ProgramFilter::default(), Lang::Id).iter().all(|c| !c.name.starts_with("budget")));
    let set = |d: &mut masterplan_tracker::format::Dataset, id: &str, planned: Option<i64>, realized: Option<i64>| {
        let p = d.programs.iter_mut().find(|p| p.id == id).unwrap();
        p.budget_planned = planned;
        p.budget_realized = realized;
    };
    set(&mut dataset, "GOV-01", Some(2_000_000_000), Some(1_500_000_000));
    set(&mut dataset, "GOV-02", Some(500_000_000), Some(250_000_000));
    set(&mut dataset, "ENV-01", Some(100_000_000), Some(150_000_000));
    let all = charts(&dataset, &ProgramFilter::default(), Lang::Id);
    let by_dimension = all.iter().find(|c| c.name == "budget-dimension").expect("a budget chart per dimension");
    assert!(all.iter().any(|c| c.name == "budget-agency"), "and per agency");
    assert_eq!(
        by_dimension.table.rows[0],
        ["Smart Governance", "Rp 2.500.000.000", "Rp 1.750.000.000", "70,00 %", "2"]
    );
    assert_eq!(by_dimension.table.rows[1], ["Smart Environment", "Rp 100.000.000", "Rp 150.000.000", "150,00 %", "1"]);
    // The programs without a budget have their row: the table adds up to every program shown.
    assert_eq!(by_dimension.table.rows[2], ["(tanpa anggaran)", "", "", "", "128"]);
    let counted: usize = by_dimension.table.rows.iter().map(|r| r[4].replace('.', "").parse::<usize>().unwrap()).sum();
    assert_eq!(counted, 131);
    // The bar: realised, what is left of the plan, and spending beyond it; the end says the share and amounts.
    let governance = &by_dimension.rows[0];
    assert_eq!(governance.segments.iter().map(|s| s.value).collect::<Vec<_>>(), [1.75e9, 0.75e9]);
    assert_eq!(governance.end_label, "70,00 % · 1,75 M / 2,5 M");
    let environment = &by_dimension.rows[1];
    assert_eq!(environment.segments.iter().map(|s| s.value).collect::<Vec<_>>(), [1e8, 5e7]);
    assert_eq!(by_dimension.x_max, 5e9);
    let en = charts(&dataset, &ProgramFilter::default(), Lang::En);
    let en = en.iter().find(|c| c.name == "budget-dimension").unwrap();
    assert_eq!(en.rows[0].end_label, "70.00% · 1.75 bn / 2.5 bn");
    assert!(en.to_svg().contains("Budget realised against planned, per dimension"));
    // A filter applies: Smart Environment alone.
    let environment_only = ProgramFilter { dimension: Some(Dimension::Environment), ..Default::default() };
    let filtered = charts(&dataset, &environment_only, Lang::Id);
    let filtered = filtered.iter().find(|c| c.name == "budget-dimension").unwrap();
    assert_eq!(filtered.table.rows.len(), 2, "{:?}", filtered.table.rows);
}

/// The same score for every aspect.
fn every_aspect(n: serde_json::Number) -> masterplan_tracker::format::Aspects {
    let n = Some(n);
    masterplan_tracker::format::Aspects {
        baseline: n.clone(),
        output: n.clone(),
        outcome: n.clone(),
        impact: n.clone(),
        quick_win: n,
        extra: Default::default(),
    }
}
