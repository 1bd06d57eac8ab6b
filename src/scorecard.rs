//! An agency's (OPD's) scorecard: its programs, status shares, quick wins, postponements with their
//! reasons, RPJMD and Renstra alignment, and how its programs moved since the latest evaluation round.

use std::collections::BTreeMap;

use crate::evaluation::{self, Comparison};
use crate::format::{Agency, Dataset, Program, Status};
use crate::metrics::{self, StatusCounts};

#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    pub agency_id: String,
    /// The agency as the data names it (its name and short name).
    pub agency: Agency,
    /// The agency's programs, in the data's order.
    pub programs: Vec<Program>,
    pub counts: StatusCounts,
    pub quick_wins: StatusCounts,
    /// `(program name, year postponed to, reason)`; the reason is empty when none was given.
    pub postponed: Vec<(String, i32, String)>,
    /// `[aligned, not aligned, not stated]`.
    pub rpjmd: [usize; 3],
    pub renstra: [usize; 3],
    /// How the agency's programs moved since the latest round; `None` when no round is recorded.
    pub since_round: Option<SinceRound>,
}

/// The agency's programs in the latest round and today.
#[derive(Clone, Debug, PartialEq)]
pub struct SinceRound {
    pub label: String,
    pub date: String,
    /// The statuses in the round and today of the programs both have (the agency's now), so that the two
    /// add up to the same number and a difference is a program that moved; programs added since are in
    /// `comparison.added`.
    pub before: StatusCounts,
    pub after: StatusCounts,
    pub comparison: Comparison,
}

impl Scorecard {
    /// The scorecard of the agency with this id, or `None` when the data has no such agency.
    pub fn of(dataset: &Dataset, agency_id: &str) -> Option<Scorecard> {
        let agency = dataset.agency(agency_id)?;
        let programs: Vec<Program> =
            dataset.programs.iter().filter(|p| p.agency.as_deref() == Some(agency_id)).cloned().collect();
        let today: BTreeMap<String, Status> = programs.iter().map(|p| (p.id.clone(), p.status)).collect();
        let since_round = evaluation::latest_round(dataset).map(|round| {
            // Only the programs the agency has now: the round does not say whose a program was then.
            let then: BTreeMap<String, Status> =
                round.statuses.iter().filter(|(id, _)| today.contains_key(*id)).map(|(i, s)| (i.clone(), *s)).collect();
            let (mut before, mut after) = (StatusCounts::default(), StatusCounts::default());
            for (id, status) in &then {
                before.add(*status);
                after.add(today[id]);
            }
            SinceRound {
                label: round.label.clone(),
                date: round.date.clone(),
                before,
                after,
                comparison: Comparison::between(&then, &today),
            }
        });
        Some(Scorecard {
            agency_id: agency.id.clone(),
            agency: agency.clone(),
            counts: StatusCounts::of(&programs),
            quick_wins: StatusCounts::of(programs.iter().filter(|p| p.quick_win)),
            postponed: programs
                .iter()
                .filter_map(|p| p.postponed_to.map(|y| (p.name.clone(), y, p.delay_reason.clone().unwrap_or_default())))
                .collect(),
            rpjmd: metrics::alignment(&programs, |p| p.rpjmd),
            renstra: metrics::alignment(&programs, |p| p.renstra),
            since_round,
            programs,
        })
    }

    /// Every agency's scorecard, in the order the data lists the agencies.
    pub fn all(dataset: &Dataset) -> Vec<Scorecard> {
        dataset.agencies.iter().filter_map(|a| Scorecard::of(dataset, &a.id)).collect()
    }
}
