//! The slide deck of presentation mode, generated from the data: a title slide, the headline figures,
//! one slide per dashboard chart, and one per dimension with its status chart, quick wins and postponements.

use crate::charts::BarChart;
use crate::dashboard;
use crate::format::{Dataset, Dimension};
use crate::i18n::Lang;
use crate::map::{MapChart, MapView};
use crate::metrics::{Overview, ProgramFilter, StatusCounts};
use crate::scorecard::Scorecard;

#[derive(Clone, Debug, PartialEq)]
pub enum Slide {
    Title {
        city: String,
        plan: String,
        date: String,
    },
    Headline {
        programs: usize,
        counts: StatusCounts,
    },
    Chart(BarChart),
    /// The map of programs by kecamatan, when the data has boundaries.
    Map(Box<MapChart>),
    Dimension {
        dimension: Dimension,
        chart: BarChart,
        quick_wins: Vec<String>,
        postponed: Vec<(String, i32, String)>,
    },
    Scorecard {
        card: Box<Scorecard>,
        chart: BarChart,
        city: String,
    },
}

impl Slide {
    /// A name that stays the same while the data changes, for the presenter's choice of slides and order.
    pub fn key(&self) -> String {
        match self {
            Slide::Title { .. } => "title".to_owned(),
            Slide::Headline { .. } => "headline".to_owned(),
            Slide::Chart(chart) => format!("chart-{}", chart.name),
            Slide::Map(_) => "map".to_owned(),
            Slide::Dimension { dimension, .. } => format!("dimension-{}", dimension.code()),
            Slide::Scorecard { card, .. } => format!("scorecard-{}", card.agency_id),
        }
    }

    /// What the presenter sees in the list of slides.
    pub fn caption(&self, lang: Lang) -> String {
        match self {
            Slide::Title { city, .. } => city.clone(),
            Slide::Headline { programs, .. } => {
                lang.tf(crate::i18n::Key::SlideHeadline, &[("count", &lang.count(*programs))])
            }
            Slide::Chart(chart) => chart.title.clone(),
            Slide::Map(map) => map.title.clone(),
            Slide::Dimension { dimension, .. } => lang.dimension(*dimension).to_owned(),
            Slide::Scorecard { card, .. } => {
                lang.tf(crate::i18n::Key::ScorecardCaption, &[("name", &card.agency.full_name())])
            }
        }
    }
}

/// The presenter's arrangement: an order of slide keys and the keys left out. Slides it does not know yet
/// (a new chart, a dimension that gained programs) come after the ordered ones, shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Arrangement {
    #[serde(default)]
    pub order: Vec<String>,
    #[serde(default)]
    pub hidden: Vec<String>,
}

impl Arrangement {
    /// The slides in the presenter's order, every one of them, each with whether it is shown.
    pub fn arrange(&self, slides: Vec<Slide>) -> Vec<(Slide, bool)> {
        let mut keyed: Vec<(usize, Slide)> = slides
            .into_iter()
            .enumerate()
            .map(|(i, s)| (self.order.iter().position(|k| *k == s.key()).unwrap_or(self.order.len() + i), s))
            .collect();
        keyed.sort_by_key(|(rank, _)| *rank);
        keyed
            .into_iter()
            .map(|(_, s)| {
                let shown = !self.hidden.contains(&s.key());
                (s, shown)
            })
            .collect()
    }

    /// The slides to present.
    pub fn shown(&self, slides: Vec<Slide>) -> Vec<Slide> {
        self.arrange(slides).into_iter().filter(|(_, shown)| *shown).map(|(s, _)| s).collect()
    }

    /// Moves a slide one place up (`-1`) or down (`1`) in `current`, the keys in the order shown now.
    pub fn moved(&self, current: &[String], key: &str, step: isize) -> Arrangement {
        let mut order = current.to_vec();
        if let Some(at) = order.iter().position(|k| k == key) {
            let to = at as isize + step;
            if (0..order.len() as isize).contains(&to) {
                order.swap(at, to as usize);
            }
        }
        Arrangement { order, hidden: self.hidden.clone() }
    }

    pub fn toggled(&self, key: &str) -> Arrangement {
        let mut hidden = self.hidden.clone();
        if let Some(at) = hidden.iter().position(|k| k == key) {
            hidden.remove(at);
        } else {
            hidden.push(key.to_owned());
        }
        Arrangement { order: self.order.clone(), hidden }
    }
}

/// The deck with the comparison of the portfolio's cities after the city's own slides, when the browser
/// holds several cities.
pub fn deck_with_cities(dataset: &Dataset, cities: &[Dataset], lang: Lang, today: &str) -> Vec<Slide> {
    let mut slides = deck(dataset, lang, today);
    if cities.len() > 1 {
        let comparison = crate::portfolio::Comparison::of(cities, &crate::portfolio::CompareQuery::default());
        slides.extend(crate::portfolio::charts(&comparison, lang).into_iter().map(Slide::Chart));
    }
    slides
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
    if let Some(map) = MapChart::of(dataset, &dataset.programs, MapView::default(), lang) {
        slides.push(Slide::Map(Box::new(map)));
    }
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
    slides.extend(Scorecard::all(dataset).into_iter().filter(|card| !card.programs.is_empty()).map(|card| {
        let chart = BarChart::shares(&card.counts, "agency-status", card.agency.brief_name().to_owned(), lang);
        Slide::Scorecard { card: Box::new(card), chart, city: dataset.plan.city.clone() }
    }));
    slides
}
