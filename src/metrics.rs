//! The numbers of the evaluation: counts per status, shares that add up to exactly 100 % by the
//! largest-remainder method, and the same breakdown per dimension. Pure functions of a dataset.

use crate::format::{Dataset, Dimension, Program, Status};

/// A share in hundredths of a percent: `6031` is 60.31 %. Integers, so that shares add up exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Share(pub u32);

impl Share {
    pub const WHOLE: Share = Share(10_000);

    /// Whole percent and the two decimals, e.g. `(60, 31)`.
    pub fn parts(self) -> (u32, u32) {
        (self.0 / 100, self.0 % 100)
    }

    /// `part` of `whole`, rounded to the hundredth of a percent; nothing of nothing is 0.
    pub fn ratio(part: usize, whole: usize) -> Share {
        if whole == 0 {
            return Share(0);
        }
        Share(((part as u128 * 10_000 + whole as u128 / 2) / whole as u128).min(u128::from(u32::MAX)) as u32)
    }

    pub fn as_fraction(self) -> f64 {
        f64::from(self.0) / 10_000.0
    }
}

/// How many programs stand at each status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct StatusCounts([usize; 4]);

impl StatusCounts {
    pub fn of<'a>(programs: impl IntoIterator<Item = &'a Program>) -> Self {
        let mut counts = StatusCounts::default();
        for program in programs {
            counts.0[program.status.index()] += 1;
        }
        counts
    }

    pub fn from_counts(done: usize, running: usize, discussion: usize, not_started: usize) -> Self {
        StatusCounts([done, running, discussion, not_started])
    }

    pub fn get(&self, status: Status) -> usize {
        self.0[status.index()]
    }

    /// The counts in the order of `Status::ALL`.
    pub fn in_order(&self) -> [usize; 4] {
        self.0
    }

    /// Counts given in the order of `Status::ALL`.
    pub fn from_order(counts: [usize; 4]) -> Self {
        StatusCounts(counts)
    }

    /// Counts one more program at `status`.
    pub fn add(&mut self, status: Status) {
        self.0[status.index()] += 1;
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Each status' share, adding up to exactly 100.00 % (or all zero when there are no programs).
    pub fn shares(&self) -> StatusShares {
        StatusShares(largest_remainder(&self.0, Share::WHOLE.0))
    }

    /// Each status' share in whole percent, adding up to exactly 100 (for labels too small for decimals).
    pub fn whole_percents(&self) -> [u32; 4] {
        largest_remainder(&self.0, 100).map(|share| share.0)
    }
}

/// The share of each status, in the order of `Status::ALL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusShares([Share; 4]);

impl StatusShares {
    pub fn get(&self, status: Status) -> Share {
        self.0[status.index()]
    }

    pub fn sum(&self) -> u32 {
        self.0.iter().map(|s| s.0).sum()
    }
}

/// Each count's share of their sum, adding up to exactly 100.00 % (all zero when the sum is zero).
pub fn shares_of<const N: usize>(counts: &[usize; N]) -> [Share; N] {
    largest_remainder(counts, Share::WHOLE.0)
}

/// Splits `whole` in proportion to `counts`, in integers that add up to `whole` exactly: everyone gets the
/// floor of their exact part, and the units left over go to the largest remainders (ties: the larger
/// count, then the earlier position, so the result never depends on anything but the counts).
fn largest_remainder<const N: usize>(counts: &[usize; N], whole: u32) -> [Share; N] {
    let total: u64 = counts.iter().map(|&c| c as u64).sum();
    let mut shares = [Share(0); N];
    if total == 0 {
        return shares;
    }
    let mut remainders = [(0u64, 0usize, 0usize); N];
    let mut given: u64 = 0;
    for (i, &count) in counts.iter().enumerate() {
        let exact = count as u64 * u64::from(whole);
        let floor = exact / total;
        shares[i] = Share(floor as u32);
        given += floor;
        remainders[i] = (exact % total, count, i);
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let left = (u64::from(whole) - given) as usize;
    for &(_, _, i) in remainders.iter().take(left) {
        shares[i].0 += 1;
    }
    shares
}

/// The headline figures of a dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub programs: usize,
    pub counts: StatusCounts,
    pub shares: StatusShares,
    pub quick_wins: StatusCounts,
    pub by_dimension: Vec<(Dimension, StatusCounts)>,
}

impl Overview {
    pub fn of(dataset: &Dataset) -> Self {
        Overview::from_counts(
            StatusCounts::of(&dataset.programs),
            StatusCounts::of(dataset.programs.iter().filter(|p| p.quick_win)),
            by_dimension(&dataset.programs),
        )
    }

    /// The figures of programs counted by status, the quick wins among them, and each dimension's.
    pub fn from_counts(
        counts: StatusCounts,
        quick_wins: StatusCounts,
        by_dimension: Vec<(Dimension, StatusCounts)>,
    ) -> Self {
        Overview { programs: counts.total(), counts, shares: counts.shares(), quick_wins, by_dimension }
    }
}

/// Status counts for each of the six dimensions, in the order of `Dimension::ALL`, empty ones included.
pub fn by_dimension(programs: &[Program]) -> Vec<(Dimension, StatusCounts)> {
    let mut counts = [StatusCounts::default(); 6];
    for program in programs {
        counts[program.dimension.index()].0[program.status.index()] += 1;
    }
    Dimension::ALL.iter().map(|&d| (d, counts[d.index()])).collect()
}

/// Which programs the dashboard counts: all, or those of one dimension, one agency, or the quick wins.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProgramFilter {
    pub dimension: Option<Dimension>,
    /// An agency id.
    pub agency: Option<String>,
    pub quick_wins_only: bool,
}

impl ProgramFilter {
    /// The filter an address names (`dimension=governance&agency=dlh&quick_win=yes`, as the register's).
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> ProgramFilter {
        let mut filter = ProgramFilter::default();
        for (key, value) in params {
            match key {
                "dimension" => filter.dimension = crate::format::from_code(value),
                "agency" if !value.is_empty() => filter.agency = Some(value.to_owned()),
                "quick_win" => filter.quick_wins_only = crate::format::from_yes_no_code(value) == Some(true),
                _ => {}
            }
        }
        filter
    }

    /// The address parameters that say this filter; none for the whole plan.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(d) = self.dimension {
            params.push(("dimension", d.code().to_owned()));
        }
        if let Some(a) = &self.agency {
            params.push(("agency", a.clone()));
        }
        if self.quick_wins_only {
            params.push(("quick_win", crate::format::yes_no_code(Some(true)).to_owned()));
        }
        params
    }

    pub fn keeps(&self, program: &Program) -> bool {
        self.dimension.is_none_or(|d| program.dimension == d)
            && self.agency.as_deref().is_none_or(|a| program.agency.as_deref() == Some(a))
            && (!self.quick_wins_only || program.quick_win)
    }

    /// The dataset with only the programs this filter keeps; without a filter, the dataset itself (the
    /// dashboard redraws on every edit, and 20 000 programs are not copied for nothing).
    pub fn apply<'a>(&self, dataset: &'a Dataset) -> std::borrow::Cow<'a, Dataset> {
        if *self == ProgramFilter::default() {
            return std::borrow::Cow::Borrowed(dataset);
        }
        let programs = dataset.programs.iter().filter(|p| self.keeps(p)).cloned().collect();
        std::borrow::Cow::Owned(Dataset {
            plan: dataset.plan.clone(),
            agencies: dataset.agencies.clone(),
            programs,
            evaluations: dataset.evaluations.clone(),
            regions: dataset.regions.clone(),
            exported_at: dataset.exported_at.clone(),
            extra: dataset.extra.clone(),
        })
    }
}

/// Status counts per group, in the order given; groups are anything with a label.
pub type Breakdown<K> = Vec<(K, StatusCounts)>;

/// Per sub-dimension, in the order of the format; programs without one are left out.
pub fn by_subdimension(programs: &[Program]) -> Breakdown<crate::format::SubDimension> {
    crate::format::SubDimension::ALL
        .iter()
        .map(|&s| (s, StatusCounts::of(programs.iter().filter(|p| p.subdimension == Some(s)))))
        .filter(|(_, c)| c.total() > 0)
        .collect()
}

/// A group of the agency breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgencyGroup {
    Agency(String),
    /// The agencies beyond the largest ones, counted together.
    Others(usize),
    NoAgency,
}

/// Per agency, the `largest` by number of programs first, the rest together, then programs without one.
pub fn by_agency(programs: &[Program], largest: usize) -> Breakdown<AgencyGroup> {
    let mut per: std::collections::BTreeMap<&str, StatusCounts> = std::collections::BTreeMap::new();
    let mut without = StatusCounts::default();
    for program in programs {
        match program.agency.as_deref() {
            Some(id) => per.entry(id).or_default().add(program.status),
            None => without.add(program.status),
        }
    }
    let mut groups: Vec<(&str, StatusCounts)> = per.into_iter().collect();
    groups.sort_by(|a, b| b.1.total().cmp(&a.1.total()).then(a.0.cmp(b.0)));
    let rest: Vec<(&str, StatusCounts)> = groups.split_off(groups.len().min(largest));
    let mut breakdown: Breakdown<AgencyGroup> =
        groups.into_iter().map(|(id, c)| (AgencyGroup::Agency(id.to_owned()), c)).collect();
    if !rest.is_empty() {
        let mut sum = StatusCounts::default();
        for (_, counts) in &rest {
            for s in Status::ALL {
                sum.0[s.index()] += counts.get(s);
            }
        }
        breakdown.push((AgencyGroup::Others(rest.len()), sum));
    }
    if without.total() > 0 {
        breakdown.push((AgencyGroup::NoAgency, without));
    }
    breakdown
}

/// Per target year, earliest first; `None` holds the programs without one.
pub fn by_target_year(programs: &[Program]) -> Breakdown<Option<i32>> {
    let mut years: Vec<Option<i32>> = programs.iter().map(|p| p.target_year).collect();
    years.sort();
    years.dedup();
    // Programs without a year go last.
    years.sort_by_key(|y| (y.is_none(), *y));
    years.into_iter().map(|y| (y, StatusCounts::of(programs.iter().filter(|p| p.target_year == y)))).collect()
}

/// Postponed programs counted by reason and by the year they were pushed back to.
pub fn postponements(programs: &[Program]) -> Vec<((String, i32), usize)> {
    let mut counts: std::collections::BTreeMap<(String, i32), usize> = std::collections::BTreeMap::new();
    for program in programs {
        if let Some(year) = program.postponed_to {
            *counts.entry((program.delay_reason.clone().unwrap_or_default(), year)).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

/// How many programs are aligned, not aligned, and not stated: `[yes, no, unknown]`.
pub fn alignment(programs: &[Program], field: fn(&Program) -> Option<bool>) -> [usize; 3] {
    let mut counts = [0; 3];
    for program in programs {
        counts[match field(program) {
            Some(true) => 0,
            Some(false) => 1,
            None => 2,
        }] += 1;
    }
    counts
}

/// The planned and realised budget of a group of programs, in rupiah. Sums are 128-bit: 100 000 programs
/// of up to 10^15 each do not fit 64 bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    pub planned: i128,
    pub realized: i128,
    /// Programs of the group with a planned or a realised budget.
    pub with_budget: usize,
    pub programs: usize,
}

impl Budget {
    fn add(&mut self, program: &Program) {
        self.programs += 1;
        if program.budget_planned.is_some() || program.budget_realized.is_some() {
            self.with_budget += 1;
        }
        self.planned += i128::from(program.budget_planned.unwrap_or(0));
        self.realized += i128::from(program.budget_realized.unwrap_or(0));
    }

    /// The realised share of the planned budget; `None` without a plan.
    pub fn realized_share(&self) -> Option<Share> {
        (self.planned > 0).then(|| {
            let basis_points = (self.realized * 10_000 + self.planned / 2) / self.planned;
            Share(u32::try_from(basis_points.clamp(0, i128::from(u32::MAX))).unwrap_or(u32::MAX))
        })
    }
}

/// Whether any program states a budget: the budget charts are drawn only then.
pub fn has_budgets(programs: &[Program]) -> bool {
    programs.iter().any(|p| p.budget_planned.is_some() || p.budget_realized.is_some())
}

/// The budget per dimension, in the dimensions' order, of the dimensions whose programs state one; the
/// programs without a budget are counted apart (the second value), so that no program leaves the chart.
pub fn budget_by_dimension(programs: &[Program]) -> (Vec<(Dimension, Budget)>, usize) {
    let mut per = [Budget::default(); 6];
    for program in programs {
        per[program.dimension.index()].add(program);
    }
    let without = per.iter().map(|b| b.programs - b.with_budget).sum();
    let groups = Dimension::ALL.into_iter().zip(per).filter(|(_, b)| b.with_budget > 0).collect();
    (groups, without)
}

/// The budget per agency, the `largest` by planned budget first, the rest together, then programs without
/// an agency; the programs without a budget are counted apart.
pub fn budget_by_agency(programs: &[Program], largest: usize) -> (Vec<(AgencyGroup, Budget)>, usize) {
    let mut per: std::collections::BTreeMap<Option<&str>, Budget> = std::collections::BTreeMap::new();
    for program in programs {
        per.entry(program.agency.as_deref()).or_default().add(program);
    }
    let without = per.values().map(|b| b.programs - b.with_budget).sum();
    let no_agency = per.remove(&None).filter(|b| b.with_budget > 0);
    let mut groups: Vec<(&str, Budget)> =
        per.into_iter().filter(|(_, b)| b.with_budget > 0).map(|(id, b)| (id.unwrap_or_default(), b)).collect();
    groups.sort_by(|a, b| b.1.planned.cmp(&a.1.planned).then(b.1.realized.cmp(&a.1.realized)).then(a.0.cmp(b.0)));
    let rest = groups.split_off(groups.len().min(largest));
    let mut breakdown: Vec<(AgencyGroup, Budget)> =
        groups.into_iter().map(|(id, b)| (AgencyGroup::Agency(id.to_owned()), b)).collect();
    if !rest.is_empty() {
        let mut sum = Budget::default();
        for (_, b) in &rest {
            sum.planned += b.planned;
            sum.realized += b.realized;
            sum.with_budget += b.with_budget;
            sum.programs += b.programs;
        }
        breakdown.push((AgencyGroup::Others(rest.len()), sum));
    }
    breakdown.extend(no_agency.map(|b| (AgencyGroup::NoAgency, b)));
    (breakdown, without)
}
