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

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Each status' share, adding up to exactly 100.00 % (or all zero when there are no programs).
    pub fn shares(&self) -> StatusShares {
        StatusShares(largest_remainder(&self.0, Share::WHOLE.0))
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
        let counts = StatusCounts::of(&dataset.programs);
        Overview {
            programs: dataset.programs.len(),
            counts,
            shares: counts.shares(),
            quick_wins: StatusCounts::of(dataset.programs.iter().filter(|p| p.quick_win)),
            by_dimension: by_dimension(&dataset.programs),
        }
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
