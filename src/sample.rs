//! The built-in dataset shown on a first visit: Kota Tanjungpinang's master plan as presented at the
//! Stage I evaluation of 27 November 2020. It is a dataset file like any other, checked by every rule of the
//! format (a native test) and read as the browser's own data is.
//!
//! In the release bundle (`--cfg split`) the file is not part of the wasm: it is a file of its own beside it
//! (named in the page's boot script tag), which boot.js fetches beside the wasm when the browser keeps no data
//! for the city the page opens, so that a returning user's page never waits for it (the service worker keeps
//! it with every file of the build). Elsewhere (native code, the component tests) it is embedded.

use std::cell::OnceCell;

use crate::first_view::FirstView;
use crate::format::{Agency, Dataset, Plan};

/// The file itself: 131 programs, 79 running, 16 under discussion, 36 not yet implemented, as published.
/// The programs the news report names carry what it says of them; the others are marked as programs
/// whose details were not published.
#[cfg(not(split))]
pub const SAMPLE_FILE: &str = include_str!("sample/tanjungpinang-2020-tahap-1.masterplan.json");

/// The day of the evaluation the totals come from, `YYYY-MM-DD`.
pub const SAMPLE_SOURCE_DATE: &str = "2020-11-27";

/// How many programs the example has: data with another count is not the example, whatever else it holds.
const SAMPLE_PROGRAMS: usize = 131;

/// The fingerprints (`fingerprint`) of the example as published and as an earlier release stored it, before
/// its agencies had short names. A native test recomputes them from the file, so that a change to the file
/// that forgets them fails there.
pub const SAMPLE_FINGERPRINTS: [u64; 2] = [0x8057_9547_c9f8_197e, 0x55fa_9641_6260_1bbe];

thread_local! {
    /// The example once read: a first visit reads it once, for the store and for telling whether data is
    /// still the example.
    static READ: OnceCell<Dataset> = const { OnceCell::new() };
}

/// The example as embedded (native code and component tests).
#[cfg(not(split))]
pub fn sample_dataset() -> Dataset {
    READ.with(|read| read.get_or_init(|| parse(SAMPLE_FILE).expect("the built-in dataset follows the format")).clone())
}

/// The example if it is at hand without waiting: always where it is embedded; in the release bundle once
/// boot.js or `fetch_example` brought it.
pub fn example_at_hand() -> Option<Dataset> {
    #[cfg(not(split))]
    return Some(sample_dataset());
    #[cfg(split)]
    READ.with(|read| {
        if read.get().is_none() {
            let dataset = delivered::text().and_then(|text| parse(&text))?;
            let _ = read.set(dataset);
        }
        read.get().cloned()
    })
}

/// Why the example could not be had, for the message that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExampleProblem {
    /// No answer, or the host's refusal, in the browser's own words (`HTTP 404`, `Failed to fetch`).
    NotFetched(String),
    /// What came is not the example's file.
    NotTheFile,
    /// The page was not started by its boot script, which fetches the example.
    NoBootScript,
}

/// The example, fetched if it is not at hand (the release bundle's file; the service worker keeps it for
/// offline use).
pub async fn fetch_example() -> Result<Dataset, ExampleProblem> {
    #[cfg(not(split))]
    return Ok(sample_dataset());
    #[cfg(split)]
    {
        if let Some(example) = example_at_hand() {
            return Ok(example);
        }
        let text = delivered::fetch().await?;
        let dataset = parse(&text).ok_or(ExampleProblem::NotTheFile)?;
        Ok(READ.with(|read| read.get_or_init(|| dataset).clone()))
    }
}

/// The example's first view (its heading and overview's figures), drawn on a first visit while the rest of
/// the app's code arrives; the app then reads the example itself. A native test checks it against the file.
const FIRST_VIEW: &str = include_str!("sample/first-view.json");

pub fn first_view() -> Option<FirstView> {
    serde_json::from_str(FIRST_VIEW).ok()
}

/// Whether the page opens with the example: boot.js fetched it or is fetching it (the release bundle; the app
/// reads it once the rest of its code is there, and says so if it did not come), or it is embedded.
pub fn example_coming() -> bool {
    #[cfg(not(split))]
    return true;
    #[cfg(split)]
    delivered::is_coming()
}

/// What stands for the example while it is fetched (rare: boot.js fetches it beside the wasm): an empty plan
/// of its city.
pub fn stand_in() -> Dataset {
    Dataset::empty(Plan {
        city: "Kota Tanjungpinang".to_owned(),
        province: None,
        title: None,
        start_year: None,
        end_year: None,
        legal_basis: None,
        extra: Default::default(),
    })
}

/// Read as the browser's own data is read (a native test checks the file against every rule of the format).
fn parse(text: &str) -> Option<Dataset> {
    Some(Dataset::parse_saved(text).ok()?.dataset)
}

/// Whether `dataset` is the built-in example exactly as it was published (not changed since). The example
/// as an earlier release stored it, before its agencies had short names, counts as untouched too.
pub fn is_untouched_sample(dataset: &Dataset) -> bool {
    if dataset.programs.len() != SAMPLE_PROGRAMS {
        return false;
    }
    // Compared with the example itself when it was read on this page (a first visit), by its fingerprint
    // otherwise: a returning user's page does not load the example for this.
    READ.with(|read| match read.get() {
        Some(sample) => same_as(dataset, sample),
        None => has_a_sample_fingerprint(dataset),
    })
}

/// `is_untouched_sample` without the example at hand: by the fingerprints of the data as published and as an
/// earlier release stored it.
pub fn has_a_sample_fingerprint(dataset: &Dataset) -> bool {
    dataset.programs.len() == SAMPLE_PROGRAMS && SAMPLE_FINGERPRINTS.contains(&fingerprint(dataset))
}

/// The same rule as the fingerprints': the example as published, or with none of its agencies' short names (as
/// an earlier release stored it).
fn same_as(dataset: &Dataset, sample: &Dataset) -> bool {
    // Every field named, so that a field added to the format is compared here too.
    let Dataset { plan, agencies, programs, evaluations, regions, exported_at, extra } = dataset;
    let as_published = *agencies == sample.agencies;
    let before_short_names = agencies.len() == sample.agencies.len()
        && agencies.iter().zip(&sample.agencies).all(|(a, b)| {
            let Agency { id, name, short_name, extra } = a;
            short_name.is_none() && *id == b.id && *name == b.name && *extra == b.extra
        });
    (as_published || before_short_names)
        && *plan == sample.plan
        && *programs == sample.programs
        && *evaluations == sample.evaluations
        && *regions == sample.regions
        && *exported_at == sample.exported_at
        && *extra == sample.extra
}

/// A 64-bit FNV-1a hash of the data as the browser stores it (the file's compact JSON): equal data, equal
/// fingerprint; the example's are `SAMPLE_FINGERPRINTS`.
pub fn fingerprint(dataset: &Dataset) -> u64 {
    dataset
        .to_compact_json()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// What boot.js hands over (`globalThis.masterplanExample`): the example's text when it fetched it on a first
/// visit, and a function that fetches it (when the page needs it later: another city's first visit, the
/// "open the example" button).
#[cfg(split)]
mod delivered {
    use wasm_bindgen::{JsCast, JsValue};

    use super::ExampleProblem;

    fn handed_over() -> Option<JsValue> {
        js_sys::Reflect::get(&js_sys::global(), &"masterplanExample".into()).ok().filter(|v| v.is_object())
    }

    /// Whether boot.js fetched the example or is fetching it (it found no data for the city the page opens).
    pub fn is_coming() -> bool {
        let field = |example: &JsValue, name: &str| js_sys::Reflect::get(example, &name.into()).ok();
        handed_over().is_some_and(|example| {
            field(&example, "coming").and_then(|c| c.as_bool()).unwrap_or(false)
                || field(&example, "text").is_some_and(|text| text.is_string())
        })
    }

    /// The text boot.js fetched, once (it is let go after).
    pub fn text() -> Option<String> {
        let example = handed_over()?;
        let text = js_sys::Reflect::get(&example, &"text".into()).ok()?.as_string()?;
        let _ = js_sys::Reflect::set(&example, &"text".into(), &JsValue::NULL);
        Some(text)
    }

    pub async fn fetch() -> Result<String, ExampleProblem> {
        let fetch = handed_over()
            .and_then(|example| js_sys::Reflect::get(&example, &"fetch".into()).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or(ExampleProblem::NoBootScript)?;
        let promise = fetch.call0(&JsValue::NULL).map_err(not_fetched)?;
        let text = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.map_err(not_fetched)?;
        text.as_string().ok_or(ExampleProblem::NotTheFile)
    }

    fn not_fetched(error: JsValue) -> ExampleProblem {
        ExampleProblem::NotFetched(match error.dyn_ref::<js_sys::Error>() {
            Some(error) => error.message().into(),
            None => error.as_string().unwrap_or_default(),
        })
    }
}
