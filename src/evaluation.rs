//! Evaluation rounds: a round records every program's status on a day; two rounds (or a round and today)
//! compare; the assessors' five aspect scores, weighted, give the achievement index ("indeks pencapaian").

use std::collections::BTreeMap;

use serde_json::Number;

use crate::format::{Aspects, Dataset, Evaluation, Program, Status};
use crate::metrics::StatusCounts;

/// The aspects the national assessors score since 2021, in the order they are presented.
pub const ASPECTS: [Aspect; 5] = [Aspect::Baseline, Aspect::Output, Aspect::Outcome, Aspect::Impact, Aspect::QuickWin];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aspect {
    Baseline,
    Output,
    Outcome,
    Impact,
    QuickWin,
}

impl Aspect {
    pub fn code(self) -> &'static str {
        match self {
            Aspect::Baseline => "baseline",
            Aspect::Output => "output",
            Aspect::Outcome => "outcome",
            Aspect::Impact => "impact",
            Aspect::QuickWin => "quick_win",
        }
    }

    /// This aspect's number in a set of scores or weights.
    pub fn of(self, aspects: &Aspects) -> Option<f64> {
        self.slot_in(aspects).as_ref().and_then(Number::as_f64)
    }

    pub fn set_in(self, aspects: &mut Aspects, value: Option<Number>) {
        *self.slot_in_mut(aspects) = value;
    }

    fn slot_in(self, aspects: &Aspects) -> &Option<Number> {
        match self {
            Aspect::Baseline => &aspects.baseline,
            Aspect::Output => &aspects.output,
            Aspect::Outcome => &aspects.outcome,
            Aspect::Impact => &aspects.impact,
            Aspect::QuickWin => &aspects.quick_win,
        }
    }

    fn slot_in_mut(self, aspects: &mut Aspects) -> &mut Option<Number> {
        match self {
            Aspect::Baseline => &mut aspects.baseline,
            Aspect::Output => &mut aspects.output,
            Aspect::Outcome => &mut aspects.outcome,
            Aspect::Impact => &mut aspects.impact,
            Aspect::QuickWin => &mut aspects.quick_win,
        }
    }
}

/// The weights one city reported; editable, as they have differed by year and region.
pub fn default_weights() -> Aspects {
    let n = |v: u64| Some(Number::from(v));
    Aspects {
        baseline: n(10),
        output: n(20),
        outcome: n(30),
        impact: n(30),
        quick_win: n(10),
        extra: Default::default(),
    }
}

/// Why an achievement index cannot be computed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum IndexError {
    #[error("the weights add up to {sum}, not 100")]
    WeightsNot100 { sum: f64 },
    #[error("no weight for {0:?}")]
    MissingWeight(Aspect),
    #[error("no score for {0:?}")]
    MissingScore(Aspect),
}

/// The weighted average of the five aspect scores; weights must add up to 100.
pub fn achievement_index(scores: &Aspects, weights: &Aspects) -> Result<f64, IndexError> {
    let mut weight_of = Vec::with_capacity(ASPECTS.len());
    for aspect in ASPECTS {
        weight_of.push(aspect.of(weights).ok_or(IndexError::MissingWeight(aspect))?);
    }
    let sum: f64 = weight_of.iter().sum();
    if (sum - 100.0).abs() > 1e-9 {
        return Err(IndexError::WeightsNot100 { sum });
    }
    let mut index = 0.0;
    for (aspect, weight) in ASPECTS.iter().zip(weight_of) {
        index += aspect.of(scores).ok_or(IndexError::MissingScore(*aspect))? * weight / 100.0;
    }
    Ok(index)
}

/// A new round with every program's status as it is now.
pub fn snapshot(dataset: &Dataset, id: String, label: String, date: String) -> Evaluation {
    Evaluation {
        id,
        label,
        date,
        statuses: current_statuses(dataset),
        scores: None,
        weights: None,
        scale_max: None,
        extra: Default::default(),
    }
}

/// How far a status has come: not started, under discussion, running, done.
fn progress_rank(status: Status) -> u8 {
    match status {
        Status::NotStarted => 0,
        Status::Discussion => 1,
        Status::Running => 2,
        Status::Done => 3,
    }
}

/// What changed between two records of statuses (an earlier round and a later one, or today).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// `(program id, before, after)` of programs whose status advanced.
    pub forward: Vec<(String, Status, Status)>,
    pub back: Vec<(String, Status, Status)>,
    /// Programs only the later record has.
    pub added: Vec<String>,
    /// Programs only the earlier record has (deleted since, or not yet planned).
    pub removed: Vec<String>,
    pub unchanged: usize,
}

impl Comparison {
    pub fn between(earlier: &BTreeMap<String, Status>, later: &BTreeMap<String, Status>) -> Comparison {
        let mut comparison = Comparison::default();
        for (id, after) in later {
            match earlier.get(id) {
                None => comparison.added.push(id.clone()),
                Some(before) => match progress_rank(*after).cmp(&progress_rank(*before)) {
                    std::cmp::Ordering::Greater => comparison.forward.push((id.clone(), *before, *after)),
                    std::cmp::Ordering::Less => comparison.back.push((id.clone(), *before, *after)),
                    std::cmp::Ordering::Equal => comparison.unchanged += 1,
                },
            }
        }
        comparison.removed = earlier.keys().filter(|id| !later.contains_key(*id)).cloned().collect();
        comparison
    }
}

/// Today's statuses, as a round would record them.
pub fn current_statuses(dataset: &Dataset) -> BTreeMap<String, Status> {
    dataset.programs.iter().map(|p| (p.id.clone(), p.status)).collect()
}

/// The rounds oldest first, by date; rounds of the same day in the order they were recorded. Rounds can be
/// recorded with a past date, re-dated or imported in any order, so no order of the file is relied on.
pub fn chronological(dataset: &Dataset) -> Vec<&Evaluation> {
    chronological_rounds(&dataset.evaluations)
}

/// Rounds in date order (a stable sort: rounds of one day keep the file's order).
pub fn chronological_rounds(rounds: &[Evaluation]) -> Vec<&Evaluation> {
    let mut rounds: Vec<&Evaluation> = rounds.iter().collect();
    rounds.sort_by(|a, b| a.date.cmp(&b.date));
    rounds
}

/// One round's place in the trend of the achievement index.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub id: String,
    pub label: String,
    pub index: Result<f64, IndexError>,
    /// The change since the previous round (by date) that has an index.
    pub change: Option<f64>,
}

/// Each round's achievement index, oldest first, with its change since the previous round that has one.
pub fn index_trend(dataset: &Dataset) -> Vec<TrendPoint> {
    index_trend_of(&dataset.evaluations)
}

/// The trend of the achievement index over these rounds.
pub fn index_trend_of(rounds: &[Evaluation]) -> Vec<TrendPoint> {
    let fallback = default_weights();
    let mut previous: Option<f64> = None;
    chronological_rounds(rounds)
        .into_iter()
        .map(|e| {
            let index = match &e.scores {
                Some(scores) => achievement_index(scores, e.weights.as_ref().unwrap_or(&fallback)),
                None => Err(IndexError::MissingScore(Aspect::Baseline)),
            };
            let change = match (&index, previous) {
                (Ok(now), Some(before)) => Some(now - before),
                _ => None,
            };
            if let Ok(now) = index {
                previous = Some(now);
            }
            TrendPoint { id: e.id.clone(), label: e.label.clone(), index, change }
        })
        .collect()
}

/// The status counts of one group of programs in an earlier record and in a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupShift<K> {
    /// The group the program is in now; `None` for programs no longer in the data, whose group is unknown.
    pub group: Option<K>,
    pub before: StatusCounts,
    pub after: StatusCounts,
}

/// How each group's statuses shifted between two records. A program is grouped by where it stands in the
/// data now (a program that changed dimension counts in its new one on both sides), so that a move within
/// a group is not taken for a program leaving it; programs only one record has count on that side only.
/// Groups come in `K`'s order; programs no longer in the data come last.
pub fn shift_by<K: Ord + Clone>(
    dataset: &Dataset,
    earlier: &BTreeMap<String, Status>,
    later: &BTreeMap<String, Status>,
    group_of: impl Fn(&Program) -> K,
) -> Vec<GroupShift<K>> {
    let programs: std::collections::HashMap<&str, &Program> =
        dataset.programs.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut groups: BTreeMap<Option<K>, (StatusCounts, StatusCounts)> = BTreeMap::new();
    for (record, side) in [(earlier, 0), (later, 1)] {
        for (id, status) in record {
            let group = programs.get(id.as_str()).map(|p| group_of(p));
            let counts = groups.entry(group).or_default();
            if side == 0 { counts.0.add(*status) } else { counts.1.add(*status) }
        }
    }
    let mut shifts: Vec<GroupShift<K>> =
        groups.into_iter().map(|(group, (before, after))| GroupShift { group, before, after }).collect();
    // `None` sorts first in an `Option`; programs no longer in the data belong at the end.
    let unknown = shifts.iter().take_while(|s| s.group.is_none()).count();
    shifts.rotate_left(unknown);
    shifts
}

/// The latest round by date (the one recorded later of two on the same day): what "since the last round"
/// means.
pub fn latest_round(dataset: &Dataset) -> Option<&Evaluation> {
    chronological(dataset).pop()
}

/// The status counts each recorded evaluation round holds, oldest first, by the round's label and
/// date; only the programs `counts_program` says yes to (all of them, or those a filter keeps).
pub fn by_round(
    dataset: &Dataset,
    counts_program: impl Fn(&str) -> bool,
) -> crate::metrics::Breakdown<(String, String)> {
    chronological(dataset)
        .into_iter()
        .map(|e| {
            let mut counts = StatusCounts::default();
            e.statuses.iter().filter(|(id, _)| counts_program(id)).for_each(|(_, status)| counts.add(*status));
            ((e.label.clone(), e.date.clone()), counts)
        })
        .collect()
}

/// One aspect of a round as the assessors read it: the score, its weight, and what it adds to the index
/// (score × weight / 100).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AspectScore {
    pub aspect: Aspect,
    pub score: Option<f64>,
    pub weight: Option<f64>,
    pub contribution: Option<f64>,
}

/// A round's scores, weights and each aspect's contribution to its achievement index.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundScores {
    pub id: String,
    pub label: String,
    pub date: String,
    pub aspects: Vec<AspectScore>,
    /// The round states no weights: those of `default_weights` count.
    pub default_weights: bool,
    pub index: Result<f64, IndexError>,
    pub scale_max: Option<f64>,
}

/// Every round's scores, oldest first; rounds with neither scores nor weights are left out.
pub fn round_scores(dataset: &Dataset) -> Vec<RoundScores> {
    let fallback = default_weights();
    chronological(dataset)
        .into_iter()
        .filter_map(|round| {
            if round.scores.is_none() && round.weights.is_none() {
                return None;
            }
            let no_scores = Aspects::default();
            let scores = round.scores.as_ref().unwrap_or(&no_scores);
            let weights = round.weights.as_ref().unwrap_or(&fallback);
            let aspects = ASPECTS
                .iter()
                .map(|&aspect| {
                    let (score, weight) = (aspect.of(scores), aspect.of(weights));
                    let contribution = score.zip(weight).map(|(s, w)| s * w / 100.0);
                    AspectScore { aspect, score, weight, contribution }
                })
                .collect();
            Some(RoundScores {
                id: round.id.clone(),
                label: round.label.clone(),
                date: round.date.clone(),
                aspects,
                default_weights: round.weights.is_none(),
                index: achievement_index(scores, weights),
                scale_max: round.scale_max.as_ref().and_then(Number::as_f64),
            })
        })
        .collect()
}
