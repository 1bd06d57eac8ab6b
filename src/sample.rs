//! The built-in dataset shown on a first visit: Kota Tanjungpinang's master plan as presented at the
//! Stage I evaluation of 27 November 2020. It is a dataset file like any other and goes through the same
//! parser as every import.

use crate::format::{Checked, Dataset};

/// The file itself: 131 programs, 79 running, 16 under discussion, 36 not yet implemented, as published.
/// The programs the news report names carry what it says of them; the others are marked as programs
/// whose details were not published.
pub const SAMPLE_FILE: &str = include_str!("sample/tanjungpinang-2020-tahap-1.masterplan.json");

/// The day of the evaluation the totals come from, `YYYY-MM-DD`.
pub const SAMPLE_SOURCE_DATE: &str = "2020-11-27";

pub fn sample_dataset() -> Dataset {
    let Checked { dataset, .. } = Dataset::parse(SAMPLE_FILE).expect("the built-in dataset follows the format");
    dataset
}

thread_local! {
    /// Read once, for telling whether data is still the example as published.
    static SAMPLE: Dataset = sample_dataset();
}

/// Whether `dataset` is the built-in example exactly as it was published (not changed since). The example
/// as an earlier release stored it, before its agencies had short names, counts as untouched too.
pub fn is_untouched_sample(dataset: &Dataset) -> bool {
    SAMPLE.with(|sample| {
        // Every field named, so that a field added to the format is compared here too.
        let Dataset { plan, agencies: _, programs, evaluations, regions, exported_at, extra } = dataset;
        let same_agencies = dataset.agencies.len() == sample.agencies.len()
            && dataset.agencies.iter().zip(&sample.agencies).all(|(a, b)| {
                a.id == b.id
                    && a.name == b.name
                    && a.extra == b.extra
                    && a.short_name.as_ref().is_none_or(|s| Some(s) == b.short_name.as_ref())
            });
        programs.len() == sample.programs.len()
            && same_agencies
            && *plan == sample.plan
            && *programs == sample.programs
            && *evaluations == sample.evaluations
            && *regions == sample.regions
            && *exported_at == sample.exported_at
            && *extra == sample.extra
    })
}
