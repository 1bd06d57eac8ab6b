//! The slide deck of presentation mode, generated from the data and the dashboard's filter: a title slide,
//! the headline figures, one slide per dashboard chart, one per dimension with its status chart, quick wins
//! and postponements, one per agency; each slide laid out in pages that fit a 16:9 screen, continued
//! ("lanjutan") where its content does not fit one.

use crate::charts::{BarChart, SlideTheme};
use crate::dashboard;
use crate::format::{Dataset, Dimension};
use crate::i18n::{Key, Lang};
use crate::map::{MapChart, MapView};
use crate::metrics::{Overview, ProgramFilter, StatusCounts};
use crate::scorecard::{Scorecard, SinceRound};

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
    /// Light or dark slides.
    #[serde(default)]
    pub theme: SlideTheme,
    /// The presenter's notes, by slide key: shown in the presenter's window, never to the audience.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub notes: std::collections::BTreeMap<String, String>,
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
        Arrangement { order, ..self.clone() }
    }

    /// The presenter's notes for a slide ("" when there are none).
    pub fn note(&self, key: &str) -> &str {
        self.notes.get(key).map_or("", String::as_str)
    }

    /// The arrangement with a slide's notes set; blank notes are taken away.
    pub fn with_note(&self, key: &str, text: &str) -> Arrangement {
        let mut notes = self.notes.clone();
        if text.trim().is_empty() {
            notes.remove(key);
        } else {
            notes.insert(key.to_owned(), text.to_owned());
        }
        Arrangement { notes, ..self.clone() }
    }

    pub fn with_theme(&self, theme: SlideTheme) -> Arrangement {
        Arrangement { theme, ..self.clone() }
    }

    pub fn toggled(&self, key: &str) -> Arrangement {
        let mut hidden = self.hidden.clone();
        if let Some(at) = hidden.iter().position(|k| k == key) {
            hidden.remove(at);
        } else {
            hidden.push(key.to_owned());
        }
        Arrangement { hidden, ..self.clone() }
    }
}

/// The deck with the comparison of the portfolio's cities after the city's own slides, when the browser
/// holds several cities.
pub fn deck_with_cities(dataset: &Dataset, cities: &[Dataset], of: &DeckOf, lang: Lang) -> Vec<Slide> {
    let mut slides = deck(dataset, of, lang);
    if cities.len() > 1 {
        let comparison = crate::portfolio::Comparison::of(cities, &crate::portfolio::CompareQuery::default());
        slides.extend(crate::portfolio::charts(&comparison, lang).into_iter().map(Slide::Chart));
    }
    slides
}

/// What a deck is made of: the dashboard's filter (the whole plan without one) and the day it is shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeckOf {
    pub filter: ProgramFilter,
    /// `YYYY-MM-DD`.
    pub today: String,
}

/// The deck for the data as it is now, of the programs the filter keeps.
pub fn deck(dataset: &Dataset, of: &DeckOf, lang: Lang) -> Vec<Slide> {
    let data = of.filter.apply(dataset);
    let overview = Overview::of(&data);
    let mut slides = vec![
        Slide::Title {
            city: dataset.plan.city.clone(),
            plan: dataset.plan.title.clone().unwrap_or_default(),
            date: lang.date(&of.today),
        },
        Slide::Headline { programs: overview.programs, counts: overview.counts },
    ];
    slides.extend(dashboard::charts(dataset, &of.filter, lang).into_iter().map(Slide::Chart));
    if let Some(map) = MapChart::of(dataset, &data.programs, MapView::default(), lang) {
        slides.push(Slide::Map(Box::new(map)));
    }
    for dimension in Dimension::ALL {
        let programs: Vec<_> = data.programs.iter().filter(|p| p.dimension == dimension).collect();
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
    slides.extend(Scorecard::all(&data).into_iter().filter(|card| !card.programs.is_empty()).map(|card| {
        let chart = BarChart::shares(&card.counts, "agency-status", card.agency.brief_name().to_owned(), lang);
        Slide::Scorecard { card: Box::new(card), chart, city: dataset.plan.city.clone() }
    }));
    slides
}

/// What the filter keeps, in words for every slide ("Smart Governance · Diskominfo · quick wins only"), or
/// `None` for the whole plan.
pub fn filter_line(dataset: &Dataset, filter: &ProgramFilter, lang: Lang) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(dimension) = filter.dimension {
        parts.push(lang.dimension(dimension).to_owned());
    }
    if let Some(agency) = &filter.agency {
        parts.push(dataset.agency(agency).map_or_else(|| agency.clone(), |a| a.brief_name().to_owned()));
    }
    if filter.quick_wins_only {
        parts.push(lang.t(Key::DashboardQuickWinsOnly).to_owned());
    }
    (!parts.is_empty()).then(|| lang.tf(Key::SlideFiltered, &[("filter", &parts.join(" · "))]))
}

/// One screen of the deck. A slide whose content does not fit one screen continues on the next ones.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
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
    Map(Box<MapChart>),
    /// Headed lists of text (quick wins, postponements, a scorecard's lines).
    Lists {
        title: String,
        kicker: Option<String>,
        sections: Vec<Section>,
        agency_id: Option<String>,
    },
}

/// A heading (empty for lines under the page's title alone) and its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

/// About how many characters a line of a list holds on a 1280 px slide, at the list's 28 px type, and how
/// many lines fit under the title: counted low, so that a page never overflows.
const LIST_LINE_CHARS: usize = 62;
const LIST_PAGE_LINES: usize = 11;

impl Slide {
    /// The screens this slide takes, in order: a chart with many bars and long lists continue over several.
    pub fn pages(&self, lang: Lang) -> Vec<Page> {
        match self {
            Slide::Title { city, plan, date } => {
                vec![Page::Title { city: city.clone(), plan: plan.clone(), date: date.clone() }]
            }
            Slide::Headline { programs, counts } => vec![Page::Headline { programs: *programs, counts: *counts }],
            Slide::Chart(chart) => chart.slide_pages().into_iter().map(Page::Chart).collect(),
            Slide::Map(map) => vec![Page::Map(map.clone())],
            Slide::Dimension { dimension, chart, quick_wins, postponed } => {
                let mut pages: Vec<Page> = chart.slide_pages().into_iter().map(Page::Chart).collect();
                let mut sections = Vec::new();
                if !quick_wins.is_empty() {
                    sections
                        .push(Section { heading: lang.t(Key::QuickWinsLabel).to_owned(), lines: quick_wins.clone() });
                }
                if !postponed.is_empty() {
                    sections.push(Section {
                        heading: lang.tf(Key::PostponedHeading, &[("count", &lang.count(postponed.len()))]),
                        lines: postponed
                            .iter()
                            .map(|(name, year, reason)| postponed_line(name, *year, reason, lang))
                            .collect(),
                    });
                }
                let title = lang.tf(Key::SlideListsTitle, &[("dimension", lang.dimension(*dimension))]);
                pages.extend(list_pages(&title, None, None, sections, lang));
                pages
            }
            Slide::Scorecard { card, chart, city } => {
                let mut pages: Vec<Page> = chart.slide_pages().into_iter().map(Page::Chart).collect();
                let mut lines = vec![quick_wins_line(card, lang)];
                lines.extend(card.since_round.as_ref().map(|since| since_line(since, lang)));
                let mut sections = vec![Section { heading: String::new(), lines }];
                if !card.postponed.is_empty() {
                    sections.push(Section {
                        heading: lang.tf(Key::PostponedHeading, &[("count", &lang.count(card.postponed.len()))]),
                        lines: card
                            .postponed
                            .iter()
                            .map(|(name, year, reason)| postponed_line(name, *year, reason, lang))
                            .collect(),
                    });
                }
                let kicker = lang.tf(Key::ScorecardKicker, &[("city", city)]);
                pages.extend(list_pages(
                    &card.agency.full_name(),
                    Some(kicker),
                    Some(card.agency.id.clone()),
                    sections,
                    lang,
                ));
                pages
            }
        }
    }
}

/// Lists over as many pages as they need, each page under the title (with "(lanjutan)" after the first);
/// a section split between pages repeats its heading.
fn list_pages(
    title: &str,
    kicker: Option<String>,
    agency_id: Option<String>,
    sections: Vec<Section>,
    lang: Lang,
) -> Vec<Page> {
    let lines_of = |text: &str| text.chars().count().div_ceil(LIST_LINE_CHARS).max(1);
    let mut pages: Vec<Vec<Section>> = vec![Vec::new()];
    let mut used = 0;
    for section in sections.into_iter().filter(|s| !s.lines.is_empty()) {
        let heading_lines = if section.heading.is_empty() { 0 } else { 2 };
        let mut current = Section { heading: section.heading.clone(), lines: Vec::new() };
        for line in section.lines {
            let needed = lines_of(&line) + if current.lines.is_empty() { heading_lines } else { 0 };
            if used + needed > LIST_PAGE_LINES && used > 0 {
                if !current.lines.is_empty() {
                    pages.last_mut().expect("a page").push(std::mem::replace(
                        &mut current,
                        Section { heading: section.heading.clone(), lines: Vec::new() },
                    ));
                }
                pages.push(Vec::new());
                used = 0;
                used += heading_lines;
                used += lines_of(&line);
            } else {
                used += needed;
            }
            current.lines.push(line);
        }
        if !current.lines.is_empty() {
            pages.last_mut().expect("a page").push(current);
        }
    }
    pages
        .into_iter()
        .filter(|sections| !sections.is_empty())
        .enumerate()
        .map(|(i, sections)| Page::Lists {
            title: if i == 0 { title.to_owned() } else { lang.tf(Key::SlideContinued, &[("title", title)]) },
            kicker: kicker.clone(),
            sections,
            agency_id: agency_id.clone(),
        })
        .collect()
}

/// "Name → 2021: reason".
pub fn postponed_line(name: &str, year: i32, reason: &str, l: Lang) -> String {
    let reason = if reason.is_empty() { l.t(Key::NoReason) } else { reason };
    format!("{name} → {year}: {reason}")
}

/// "Quick wins: 2 of 4 programs".
pub fn quick_wins_line(card: &Scorecard, l: Lang) -> String {
    l.tf(
        Key::ScorecardQuickWins,
        &[("count", &l.count(card.quick_wins.total())), ("programs", &l.programs(card.counts.total()))],
    )
}

/// "Since Stage I (27 November 2020): 1 moved forward, 0 moved back, 0 added".
pub fn since_line(since: &SinceRound, l: Lang) -> String {
    let c = &since.comparison;
    l.tf(
        Key::ScorecardSince,
        &[
            ("round", &since.label),
            ("date", &l.date(&since.date)),
            ("forward", &l.count(c.forward.len())),
            ("back", &l.count(c.back.len())),
            ("added", &l.count(c.added.len())),
        ],
    )
}
