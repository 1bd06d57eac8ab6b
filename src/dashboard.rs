//! The dashboard's charts, from the data and the dashboard's filter: which charts there are, in which
//! order, and the numbers behind each (the same numbers feed the chart and its table).

use crate::charts::BarChart;
use crate::evaluation;
use crate::format::Dataset;
use crate::i18n::{Key, Lang};
use crate::metrics::{self, AgencyGroup, Overview, ProgramFilter};

/// How many agencies get a bar of their own; the rest are grouped as "others".
pub const LARGEST_AGENCIES: usize = 10;

/// Every chart of the dashboard for the programs the filter keeps.
pub fn charts(dataset: &Dataset, filter: &ProgramFilter, lang: Lang) -> Vec<BarChart> {
    let data = filter.apply(dataset);
    let programs = &data.programs;
    let overview = Overview::of(&data);
    let mut charts = vec![
        BarChart::status_shares(&overview, lang),
        BarChart::dimensions_by_status(&overview, lang),
        BarChart::stacked_by_status(
            "subdimension",
            lang.t(Key::ChartSubdimensionTitle).to_owned(),
            lang.field("subdimension"),
            subdimension_groups(programs, lang),
            lang,
        ),
        BarChart::stacked_by_status(
            "agency",
            lang.t(Key::ChartAgencyTitle).to_owned(),
            lang.field("agency"),
            metrics::by_agency(programs, LARGEST_AGENCIES)
                .into_iter()
                .map(|(group, c)| (agency_label(&data, group, lang), c))
                .collect(),
            lang,
        ),
        BarChart::stacked_by_status(
            "target-year",
            lang.t(Key::ChartYearTitle).to_owned(),
            lang.field("target_year"),
            metrics::by_target_year(programs)
                .into_iter()
                .map(|(year, c)| (year.map_or_else(|| lang.t(Key::NoYear).to_owned(), |y| y.to_string()), c))
                .collect(),
            lang,
        ),
        BarChart::quick_wins(&overview, lang),
        BarChart::counts(
            "postponed",
            lang.t(Key::ChartPostponedTitle).to_owned(),
            &format!("{} · {}", lang.field("delay_reason"), lang.field("postponed_to")),
            metrics::postponements(programs)
                .into_iter()
                .map(|((reason, year), n)| {
                    let reason = if reason.is_empty() { lang.t(Key::NoReason).to_owned() } else { reason };
                    (format!("{year} · {reason}"), n)
                })
                .collect(),
            lang,
        ),
        BarChart::coverage(
            "alignment",
            lang.t(Key::ChartAlignmentTitle).to_owned(),
            vec![
                ("RPJMD".to_owned(), metrics::alignment(programs, |p| p.rpjmd)),
                ("Renstra".to_owned(), metrics::alignment(programs, |p| p.renstra)),
            ],
            lang,
        ),
    ];
    charts.extend(budget_charts(&data, lang));
    let kept: std::collections::HashSet<&str> = programs.iter().map(|p| p.id.as_str()).collect();
    let unfiltered = *filter == ProgramFilter::default();
    charts.extend(rounds_chart(dataset, |id| unfiltered || kept.contains(id), lang));
    charts.extend(index_trend_chart(dataset, lang).map(|mut chart| {
        // The assessors score the city as a whole: under a filter the chart says it is not filtered.
        if !unfiltered {
            chart.title = lang.tf(Key::CityWideNote, &[("title", &chart.title)]);
        }
        chart
    }));
    charts
}

/// The budget realised against the planned one, per dimension and per agency; none while no program
/// states a budget.
pub fn budget_charts(data: &Dataset, lang: Lang) -> Vec<BarChart> {
    let programs = &data.programs;
    if !metrics::has_budgets(programs) {
        return Vec::new();
    }
    let (dimensions, without) = metrics::budget_by_dimension(programs);
    let (agencies, _) = metrics::budget_by_agency(programs, LARGEST_AGENCIES);
    vec![
        BarChart::budget(
            "budget-dimension",
            lang.t(Key::ChartBudgetDimensionTitle).to_owned(),
            lang.field("dimension"),
            dimensions.into_iter().map(|(d, b)| (lang.dimension(d).to_owned(), b)).collect(),
            without,
            lang,
        ),
        BarChart::budget(
            "budget-agency",
            lang.t(Key::ChartBudgetAgencyTitle).to_owned(),
            lang.field("agency"),
            agencies.into_iter().map(|(group, b)| (agency_label(data, group, lang), b)).collect(),
            without,
            lang,
        ),
    ]
}

/// An agency group's label on a chart: the agency's acronym or name, the others counted, or none.
fn agency_label(data: &Dataset, group: AgencyGroup, lang: Lang) -> String {
    match group {
        AgencyGroup::Agency(id) => data.agency(&id).map_or(id.clone(), |a| a.brief_name().to_owned()),
        AgencyGroup::Others(n) => lang.tf(Key::OtherAgencies, &[("count", &lang.count(n))]),
        AgencyGroup::NoAgency => lang.t(Key::NoAgency).to_owned(),
    }
}

/// Programs per sub-dimension, and those without one in a bar of their own: no program leaves the chart.
fn subdimension_groups(programs: &[crate::format::Program], lang: Lang) -> Vec<(String, metrics::StatusCounts)> {
    let mut groups: Vec<(String, metrics::StatusCounts)> =
        metrics::by_subdimension(programs).into_iter().map(|(s, c)| (lang.subdimension(s).to_owned(), c)).collect();
    let without = metrics::StatusCounts::of(programs.iter().filter(|p| p.subdimension.is_none()));
    if without.total() > 0 {
        groups.push((lang.t(Key::NoSubdimension).to_owned(), without));
    }
    groups
}

/// Status shares in each recorded round, of the programs `counts_program` keeps; `None` without rounds.
pub fn rounds_chart(dataset: &Dataset, counts_program: impl Fn(&str) -> bool, lang: Lang) -> Option<BarChart> {
    let rounds: Vec<(String, metrics::StatusCounts)> = crate::evaluation::by_round(dataset, counts_program)
        .into_iter()
        .map(|((label, date), counts)| (format!("{label} ({})", lang.date(&date)), counts))
        .collect();
    (!rounds.is_empty()).then(|| {
        BarChart::shares_by_status(
            "rounds",
            lang.t(Key::ChartRoundsTitle).to_owned(),
            lang.field("label"),
            rounds,
            lang,
        )
    })
}

/// The achievement index across the rounds; `None` until some round has one. The assessors score the city
/// as a whole, so no filter applies.
pub fn index_trend_chart(dataset: &Dataset, lang: Lang) -> Option<BarChart> {
    let trend: Vec<(String, Option<f64>, Option<f64>)> = evaluation::index_trend(dataset)
        .into_iter()
        .map(|point| (point.label, point.index.ok(), point.change))
        .collect();
    // Rounds scored on different scales share no axis: it states a scale only when every scored round states
    // the same one.
    let scored: Vec<Option<f64>> = evaluation::chronological(dataset)
        .into_iter()
        .zip(&trend)
        .filter(|(_, (_, index, _))| index.is_some())
        .map(|(round, _)| round.scale_max.as_ref().and_then(serde_json::Number::as_f64))
        .collect();
    let scale = scored.first().copied().flatten().filter(|first| scored.iter().all(|s| *s == Some(*first)));
    trend.iter().any(|(_, index, _)| index.is_some()).then(|| BarChart::index_trend(&trend, scale, lang))
}
