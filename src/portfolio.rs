//! Several cities side by side: the portfolio file (every city's dataset file as it is, in one file), and
//! the comparison of the cities' figures (a row per city, a totals row, sorting and a province filter).
//! Pure: nothing here knows of the browser.

use std::borrow::Borrow;

use serde_json::{Map, Value};

use crate::evaluation::{self, Aspect};
use crate::format::{Aspects, Dataset, Dimension, FormatError, Problem, Refusal, Status};
use crate::metrics::{Share, StatusCounts, StatusShares};

/// The value of the `format` field of a portfolio file.
pub const PORTFOLIO_TAG: &str = "smart-city-masterplan-portfolio";
pub const PORTFOLIO_VERSION: u64 = 1;

/// Every city of a portfolio, as their dataset files.
#[derive(Clone, Debug, PartialEq)]
pub struct Portfolio {
    pub datasets: Vec<Dataset>,
}

impl Portfolio {
    /// Whether a file's JSON says it is a portfolio (and not one city's dataset).
    pub fn is_portfolio(value: &Value) -> bool {
        value.get("format").and_then(Value::as_str) == Some(PORTFOLIO_TAG)
    }

    /// Reads a portfolio file: its envelope, then each city's dataset by every rule of the format, each
    /// problem named at its place (`datasets[2].programs[3].status`).
    pub fn from_value(value: Value) -> Result<Portfolio, Refusal> {
        let Value::Object(mut object) = value else {
            return Err(Refusal::one("", Problem::NotOurFormat));
        };
        if object.get("format").and_then(Value::as_str) != Some(PORTFOLIO_TAG) {
            return Err(Refusal::one("format", Problem::NotOurFormat));
        }
        match object.get("version").map(|v| (v.as_u64(), v)) {
            None => return Err(Refusal::one("version", Problem::Missing)),
            Some((Some(PORTFOLIO_VERSION), _)) => {}
            Some((Some(found), _)) if found > PORTFOLIO_VERSION => {
                return Err(Refusal::one("version", Problem::NewerVersion { found }));
            }
            Some((_, other)) => {
                return Err(Refusal::one("version", Problem::UnknownVersion { found: other.to_string() }));
            }
        }
        let Some(Value::Array(files)) = object.remove("datasets") else {
            return Err(Refusal::one("datasets", Problem::Missing));
        };
        let mut datasets = Vec::with_capacity(files.len());
        let mut errors = Vec::new();
        for (i, file) in files.into_iter().enumerate() {
            match Dataset::from_value(file) {
                Ok(checked) => datasets.push(checked.dataset),
                Err(refusal) => errors.extend(refusal.errors.into_iter().map(|e| {
                    let path =
                        if e.path.is_empty() { format!("datasets[{i}]") } else { format!("datasets[{i}].{}", e.path) };
                    FormatError { path, ..e }
                })),
            }
            if errors.len() >= 25 {
                break;
            }
        }
        if errors.is_empty() { Ok(Portfolio { datasets }) } else { Err(Refusal { errors }) }
    }

    /// The portfolio file's JSON text: `{format, version, exported_at, datasets}`, each dataset as its own
    /// file writes it.
    pub fn to_file_json(&self, exported_at: &str) -> String {
        let mut file = Map::new();
        file.insert("format".into(), Value::from(PORTFOLIO_TAG));
        file.insert("version".into(), Value::from(PORTFOLIO_VERSION));
        file.insert("exported_at".into(), Value::from(exported_at));
        file.insert("datasets".into(), Value::Array(self.datasets.iter().map(Dataset::to_file_value).collect()));
        serde_json::to_string_pretty(&Value::Object(file)).expect("a portfolio always serialises")
    }
}

/// The latest scored round of a city: its date, index, change since the round before, and the weights
/// behind the index (they differ between years).
#[derive(Clone, Debug, PartialEq)]
pub struct LatestRound {
    pub label: String,
    pub date: String,
    pub index: Option<f64>,
    pub change: Option<f64>,
    pub weights: Aspects,
    /// The top of the round's scale, where it states one.
    pub scale_max: Option<f64>,
}

/// One city's figures, or the figures of every city together.
#[derive(Clone, Debug, PartialEq)]
pub struct CityFigures {
    /// The city's place among the datasets compared (`None` for the totals): what tells two cities of one
    /// name apart.
    pub at: Option<usize>,
    pub city: String,
    pub province: Option<String>,
    pub programs: usize,
    pub counts: StatusCounts,
    /// By the largest-remainder method, adding up to exactly 100.00 % (as on the overview).
    pub shares: StatusShares,
    pub quick_wins: usize,
    pub postponed: usize,
    /// The share of each dimension's programs that are running or done; `None` without programs in it.
    pub active_by_dimension: [Option<Share>; 6],
    pub latest_round: Option<LatestRound>,
}

impl CityFigures {
    pub fn of(dataset: &Dataset) -> CityFigures {
        let mut figures = Self::over(&[dataset]);
        figures.city = dataset.plan.city.clone();
        figures.province = dataset.plan.province.clone();
        figures.latest_round = latest_round(dataset);
        figures
    }
}

fn latest_round(dataset: &Dataset) -> Option<LatestRound> {
    let trend = evaluation::index_trend(dataset);
    let latest = trend.last()?;
    let round = dataset.evaluations.iter().find(|e| e.id == latest.id)?;
    Some(LatestRound {
        label: round.label.clone(),
        date: round.date.clone(),
        index: latest.index.as_ref().ok().copied(),
        change: latest.change,
        scale_max: round.scale_max.as_ref().and_then(serde_json::Number::as_f64),
        weights: round.weights.clone().unwrap_or_else(evaluation::default_weights),
    })
}

/// A column of the comparison to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareColumn {
    #[default]
    City,
    Province,
    Programs,
    Count(Status),
    Share(Status),
    QuickWins,
    Postponed,
    Active(Dimension),
    RoundDate,
    Index,
}

impl CompareColumn {
    /// The column's name in the address and in `compare-sort-<name>`.
    pub fn code(self) -> String {
        match self {
            CompareColumn::City => "city".into(),
            CompareColumn::Province => "province".into(),
            CompareColumn::Programs => "programs".into(),
            CompareColumn::Count(s) => format!("count-{}", s.code()),
            CompareColumn::Share(s) => format!("share-{}", s.code()),
            CompareColumn::QuickWins => "quick-wins".into(),
            CompareColumn::Postponed => "postponed".into(),
            CompareColumn::Active(d) => format!("active-{}", d.code()),
            CompareColumn::RoundDate => "round-date".into(),
            CompareColumn::Index => "index".into(),
        }
    }

    pub fn all() -> Vec<CompareColumn> {
        let mut all = vec![CompareColumn::City, CompareColumn::Province, CompareColumn::Programs];
        all.extend(Status::ALL.iter().map(|s| CompareColumn::Count(*s)));
        all.extend(Status::ALL.iter().map(|s| CompareColumn::Share(*s)));
        all.extend([CompareColumn::QuickWins, CompareColumn::Postponed]);
        all.extend(Dimension::ALL.iter().map(|d| CompareColumn::Active(*d)));
        all.extend([CompareColumn::RoundDate, CompareColumn::Index]);
        all
    }

    pub fn from_code(code: &str) -> Option<CompareColumn> {
        Self::all().into_iter().find(|c| c.code() == code)
    }
}

/// What the comparison shows: a province filter and a sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareQuery {
    pub province: Option<String>,
    pub sort: CompareColumn,
    pub descending: bool,
}

/// The cities' rows (filtered and sorted) and the totals over those rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub rows: Vec<CityFigures>,
    pub total: CityFigures,
    /// The provinces of all cities, for the filter.
    pub provinces: Vec<String>,
}

impl Comparison {
    /// From the cities' datasets, owned or borrowed (the page compares what it holds without copying it).
    pub fn of<D: Borrow<Dataset>>(datasets: &[D], query: &CompareQuery) -> Comparison {
        let datasets: Vec<&Dataset> = datasets.iter().map(Borrow::borrow).collect();
        let mut provinces: Vec<String> = datasets.iter().filter_map(|d| d.plan.province.clone()).collect();
        provinces.sort();
        provinces.dedup();
        let kept: Vec<&Dataset> = datasets
            .iter()
            .copied()
            .filter(|d| query.province.as_ref().is_none_or(|p| d.plan.province.as_ref() == Some(p)))
            .collect();
        let mut rows: Vec<CityFigures> = datasets
            .iter()
            .enumerate()
            .filter(|(_, d)| query.province.as_ref().is_none_or(|p| d.plan.province.as_ref() == Some(p)))
            .map(|(at, d)| CityFigures { at: Some(at), ..CityFigures::of(d) })
            .collect();
        rows.sort_by(|a, b| {
            let ordering = order(a, b, query.sort).then_with(|| a.city.cmp(&b.city));
            if query.descending { ordering.reverse() } else { ordering }
        });
        let total = CityFigures::over(&kept);
        Comparison { rows, total, provinces }
    }
}

impl CityFigures {
    /// The figures of several datasets' programs together (the totals row; no city, no round).
    fn over(datasets: &[&Dataset]) -> CityFigures {
        let programs: Vec<&crate::format::Program> = datasets.iter().flat_map(|d| &d.programs).collect();
        let counts = StatusCounts::of(programs.iter().copied());
        let mut active_by_dimension = [None; 6];
        for (slot, dimension) in active_by_dimension.iter_mut().zip(Dimension::ALL) {
            let in_dimension: Vec<_> = programs.iter().filter(|p| p.dimension == dimension).collect();
            let active = in_dimension.iter().filter(|p| matches!(p.status, Status::Running | Status::Done)).count();
            *slot = (!in_dimension.is_empty()).then(|| Share::ratio(active, in_dimension.len()));
        }
        CityFigures {
            at: None,
            city: String::new(),
            province: None,
            programs: counts.total(),
            shares: counts.shares(),
            counts,
            quick_wins: programs.iter().filter(|p| p.quick_win).count(),
            postponed: programs.iter().filter(|p| p.postponed_to.is_some()).count(),
            active_by_dimension,
            latest_round: None,
        }
    }
}

fn order(a: &CityFigures, b: &CityFigures, column: CompareColumn) -> std::cmp::Ordering {
    let dimension_at = |d: Dimension| Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0);
    match column {
        CompareColumn::City => crate::register::fold(&a.city).cmp(&crate::register::fold(&b.city)),
        CompareColumn::Province => a.province.cmp(&b.province),
        CompareColumn::Programs => a.programs.cmp(&b.programs),
        CompareColumn::Count(s) => a.counts.get(s).cmp(&b.counts.get(s)),
        CompareColumn::Share(s) => a.shares.get(s).cmp(&b.shares.get(s)),
        CompareColumn::QuickWins => a.quick_wins.cmp(&b.quick_wins),
        CompareColumn::Postponed => a.postponed.cmp(&b.postponed),
        CompareColumn::Active(d) => a.active_by_dimension[dimension_at(d)].cmp(&b.active_by_dimension[dimension_at(d)]),
        CompareColumn::RoundDate => {
            a.latest_round.as_ref().map(|r| &r.date).cmp(&b.latest_round.as_ref().map(|r| &r.date))
        }
        CompareColumn::Index => {
            let index = |f: &CityFigures| f.latest_round.as_ref().and_then(|r| r.index);
            index(a).partial_cmp(&index(b)).unwrap_or(std::cmp::Ordering::Equal)
        }
    }
}

/// The weights behind an index, as the table shows them: `10/20/30/30/10`.
pub fn weights_text(weights: &Aspects, lang: crate::i18n::Lang) -> String {
    [Aspect::Baseline, Aspect::Output, Aspect::Outcome, Aspect::Impact, Aspect::QuickWin]
        .iter()
        .map(|a| a.of(weights).map_or_else(|| "–".to_owned(), |w| lang.plain_number(w)))
        .collect::<Vec<_>>()
        .join("/")
}

/// The comparison's charts: each city's status shares, stacked; and each city's latest index (when some
/// city has one), with its change.
pub fn charts(comparison: &Comparison, lang: crate::i18n::Lang) -> Vec<crate::charts::BarChart> {
    use crate::charts::BarChart;
    use crate::i18n::Key;
    if comparison.rows.is_empty() {
        return Vec::new();
    }
    let mut charts = vec![BarChart::shares_by_status(
        "compare-status",
        lang.t(Key::CompareStatusChart).to_owned(),
        lang.t(Key::CompareCity),
        comparison.rows.iter().map(|r| (r.city.clone(), r.counts)).collect(),
        lang,
    )];
    let points: Vec<(String, Option<f64>, Option<f64>)> = comparison
        .rows
        .iter()
        .filter_map(|r| r.latest_round.as_ref().map(|round| (r.city.clone(), round.index, round.change)))
        .collect();
    if points.iter().any(|(_, index, _)| index.is_some()) {
        // Cities scored on different scales are not comparable on one axis: the axis states a scale only
        // when every scored city's round states the same one.
        let scales: Vec<Option<f64>> = comparison
            .rows
            .iter()
            .filter_map(|r| r.latest_round.as_ref().filter(|round| round.index.is_some()).map(|round| round.scale_max))
            .collect();
        let scale = scales.first().copied().flatten().filter(|first| scales.iter().all(|s| *s == Some(*first)));
        let mut chart = BarChart::index_trend(&points, scale, lang);
        chart.name = "compare-index";
        chart.title = lang.t(Key::CompareIndexChart).to_owned();
        charts.push(chart);
    }
    charts
}

/// A city as the portfolio names it: its name and, where known, its province.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CityName<'a> {
    pub city: &'a str,
    pub province: Option<&'a str>,
}

impl<'a> CityName<'a> {
    pub fn of(dataset: &'a Dataset) -> CityName<'a> {
        CityName { city: &dataset.plan.city, province: dataset.plan.province.as_deref() }
    }

    /// The same city: names equal but for case and spacing ("Kota  batam" is "Kota Batam"), and provinces
    /// equal where both name one (two cities of one name lie in different provinces).
    pub fn same_as(self, other: CityName) -> bool {
        let words = |text: &str| text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
        words(self.city) == words(other.city)
            && match (self.province, other.province) {
                (Some(a), Some(b)) => words(a) == words(b),
                _ => true,
            }
    }
}

/// Which city already in the portfolio each incoming city's data replaces: the place in `listed` of the first
/// city of the same name that no earlier incoming city replaces, or `None` to add it as a city of its own.
pub fn replaced_cities(listed: &[CityName], incoming: &[CityName]) -> Vec<Option<usize>> {
    let mut taken = vec![false; listed.len()];
    incoming
        .iter()
        .map(|city| {
            let at = listed.iter().enumerate().position(|(i, here)| !taken[i] && here.same_as(*city))?;
            taken[at] = true;
            Some(at)
        })
        .collect()
}
