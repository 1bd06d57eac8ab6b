//! What the page draws before the rest of the app's code is there: the plan's heading and the overview's
//! figures, counted when the data is saved and kept by the browser beside it, so that the overview is on
//! screen while the code that reads, checks and edits the data arrives.

use serde::{Deserialize, Serialize};

use crate::format::{Dataset, Dimension, Plan};
use crate::i18n::{Key, Lang};
use crate::metrics::{Overview, StatusCounts};

/// The plan as the page's header names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanHeading {
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i32>,
}

impl PlanHeading {
    pub fn of(plan: &Plan) -> Self {
        PlanHeading {
            city: plan.city.clone(),
            title: plan.title.clone(),
            province: plan.province.clone(),
            start_year: plan.start_year,
            end_year: plan.end_year,
        }
    }

    /// The line under the city's name: the plan's title, its province and its years, those it has.
    pub fn line(&self, lang: Lang) -> String {
        let period = match (self.start_year, self.end_year) {
            (Some(start), Some(end)) => {
                Some(lang.tf(Key::PlanPeriod, &[("start", &start.to_string()), ("end", &end.to_string())]))
            }
            _ => None,
        };
        [self.title.clone(), self.province.clone(), period].into_iter().flatten().collect::<Vec<_>>().join(" · ")
    }
}

/// The first view of a dataset: its heading and its overview's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Kept", into = "Kept")]
pub struct FirstView {
    pub plan: PlanHeading,
    pub figures: Overview,
}

impl FirstView {
    pub fn of(dataset: &Dataset) -> Self {
        FirstView { plan: PlanHeading::of(&dataset.plan), figures: Overview::of(dataset) }
    }
}

/// How a first view is kept: the counts only (the shares are worked out from them, as the app does).
#[derive(Clone, Serialize, Deserialize)]
struct Kept {
    plan: PlanHeading,
    /// Programs by status, in the order of `Status::ALL`.
    counts: [usize; 4],
    quick_wins: [usize; 4],
    /// Each dimension's programs by status, in the order of `Dimension::ALL`.
    by_dimension: [[usize; 4]; 6],
}

impl From<FirstView> for Kept {
    fn from(view: FirstView) -> Kept {
        let figures = &view.figures;
        let mut by_dimension = [[0; 4]; 6];
        for (dimension, counts) in &figures.by_dimension {
            by_dimension[dimension.index()] = counts.in_order();
        }
        Kept {
            counts: figures.counts.in_order(),
            quick_wins: figures.quick_wins.in_order(),
            by_dimension,
            plan: view.plan,
        }
    }
}

/// Why kept figures are not drawn: they do not add up (the page then waits for the app to count them).
#[derive(Debug, thiserror::Error)]
#[error("the kept figures do not add up")]
pub struct NotAddingUp;

impl TryFrom<Kept> for FirstView {
    type Error = NotAddingUp;

    fn try_from(kept: Kept) -> Result<FirstView, NotAddingUp> {
        let adds_up = (0..4).all(|status| {
            kept.quick_wins[status] <= kept.counts[status]
                && kept.by_dimension.iter().map(|counts| counts[status]).sum::<usize>() == kept.counts[status]
        });
        if !adds_up {
            return Err(NotAddingUp);
        }
        let by_dimension =
            Dimension::ALL.iter().map(|&d| (d, StatusCounts::from_order(kept.by_dimension[d.index()]))).collect();
        Ok(FirstView {
            plan: kept.plan,
            figures: Overview::from_counts(
                StatusCounts::from_order(kept.counts),
                StatusCounts::from_order(kept.quick_wins),
                by_dimension,
            ),
        })
    }
}
