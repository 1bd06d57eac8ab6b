//! The slide deck of presentation mode, generated from the data: a title slide, the headline figures,
//! one slide per dashboard chart, and one per dimension with its status chart, quick wins and postponements.

use crate::charts::BarChart;
use crate::dashboard;
use crate::format::{Dataset, Dimension};
use crate::i18n::Lang;
use crate::metrics::{Overview, ProgramFilter, StatusCounts};

#[derive(Clone, Debug, PartialEq)]
pub enum Slide {
    Title { city: String, plan: String, date: String },
    Headline { programs: usize, counts: StatusCounts },
    Chart(BarChart),
    Dimension { dimension: Dimension, chart: BarChart, quick_wins: Vec<String>, postponed: Vec<(String, i32, String)> },
}

/// The deck for the data as it is now; `today` is `YYYY-MM-DD`.
pub fn deck(dataset: &Dataset, lang: Lang, today: &str) -> Vec<Slide> {
    let overview = Overview::of(dataset);
    let mut slides = vec![
        Slide::Title {
            city: dataset.plan.city.clone(),
            plan: dataset.plan.title.clone().unwrap_or_default(),
            date: lang.date(today),
        },
        Slide::Headline { programs: overview.programs, counts: overview.counts },
    ];
    slides.extend(dashboard::charts(dataset, &ProgramFilter::default(), lang).into_iter().map(Slide::Chart));
    for dimension in Dimension::ALL {
        let programs: Vec<_> = dataset.programs.iter().filter(|p| p.dimension == dimension).collect();
        if programs.is_empty() {
            continue;
        }
        let counts = StatusCounts::of(programs.iter().copied());
        slides.push(Slide::Dimension {
            dimension,
            chart: BarChart::shares(&counts, "dimension-status", lang.dimension(dimension).to_owned(), lang),
            quick_wins: programs
                .iter()
                .filter(|p| p.quick_win)
                .map(|p| format!("{} ({})", p.name, lang.status(p.status)))
                .collect(),
            postponed: programs
                .iter()
                .filter_map(|p| p.postponed_to.map(|y| (p.name.clone(), y, p.delay_reason.clone().unwrap_or_default())))
                .collect(),
        });
    }
    slides
}
