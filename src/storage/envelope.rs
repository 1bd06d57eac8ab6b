//! What the browser keeps, as text: the dataset in a versioned envelope (so that a later app can migrate
//! it) and the user's settings. Pure: encoding and decoding only, no browser.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::compress::{Effort, pack, unpack};
use crate::first_view::FirstView;
use crate::format::Dataset;
use crate::i18n::Lang;
pub use crate::import::Origin;

/// The version of the envelope itself; the dataset inside carries its own format version.
/// 1: the dataset as a JSON object. 2: the dataset file packed (deflate + base64url), about a tenth of the
/// size, so that some 20 000 programs fit in the 5 MiB a browser gives localStorage. Both are read.
pub const STORAGE_VERSION: u32 = 2;

/// A dataset as it was stored, read back.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDataset {
    pub dataset: Dataset,
    pub origin: Origin,
    pub saved_at: String,
    /// How many saves the stored data has seen, in any tab: a tab that saves checks that nobody saved
    /// since the data it changed was read. 0 for data stored before revisions were counted.
    pub revision: u64,
    /// Values beyond the ranges and limits the format gained after an earlier release saved them: kept.
    pub beyond_limits: Vec<crate::format::FormatError>,
}

/// Why stored text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("{0}")]
    Unreadable(String),
    #[error("written by storage version {0}")]
    Newer(u32),
}

/// The dataset is kept as a format file, so that it is read back through the same checks as an import.
#[derive(Serialize, Deserialize)]
struct Envelope {
    storage_version: u32,
    /// Kept first, so that reading it needs no more than the envelope's head.
    #[serde(default)]
    revision: u64,
    saved_at: String,
    origin: Origin,
    /// Version 1: the file as a JSON object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dataset: Option<Value>,
    /// Version 2: the file's text, packed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dataset_packed: Option<String>,
}

/// The envelope of a dataset as the browser keeps it. The file inside is written compact (no indentation:
/// what is packed is never read by a person), which halves the work of packing it.
pub fn encode_dataset(dataset: &Dataset, origin: &Origin, saved_at: &str, revision: u64) -> String {
    let envelope = Envelope {
        storage_version: STORAGE_VERSION,
        revision,
        saved_at: saved_at.to_owned(),
        origin: origin.clone(),
        dataset: None,
        dataset_packed: Some(pack(&dataset.to_compact_json(), Effort::Fast)),
    };
    serde_json::to_string(&envelope).expect("an envelope always serialises")
}

/// What the head of a stored envelope says: enough to tell whether the stored data is what this tab last
/// wrote or read, without unpacking the dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredHead {
    pub revision: u64,
    /// When it was written; tells two writes apart even when a version that counts no revisions wrote one.
    pub saved_at: String,
}

/// The revision of stored text; `None` when the text is no envelope this version can read.
pub fn stored_revision(text: &str) -> Option<u64> {
    stored_head(text).map(|head| head.revision)
}

/// A number at the start of `text`, and what follows it.
fn leading_number(text: &str) -> Option<(u64, &str)> {
    let end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    Some((text[..end].parse::<u64>().ok()?, &text[end..]))
}

/// The head of stored text, read without unpacking the dataset; `None` when the text is no envelope this
/// version can read.
pub fn stored_head(text: &str) -> Option<StoredHead> {
    // This version writes `{"storage_version":N,"revision":N,"saved_at":"…",` first: read exactly that
    // without going through the rest; anything else is read whole.
    let quick = (|| {
        let (version, rest) = leading_number(text.strip_prefix("{\"storage_version\":")?)?;
        let (revision, rest) = leading_number(rest.strip_prefix(",\"revision\":")?)?;
        let rest = rest.strip_prefix(",\"saved_at\":\"")?;
        let saved_at = &rest[..rest.find(['"', '\\'])?];
        rest[saved_at.len()..].starts_with('"').then(|| (version, revision, saved_at.to_owned()))
    })();
    if let Some((version, revision, saved_at)) = quick {
        return (version <= u64::from(STORAGE_VERSION)).then_some(StoredHead { revision, saved_at });
    }
    #[derive(Deserialize)]
    struct Head {
        storage_version: u32,
        #[serde(default)]
        revision: u64,
        #[serde(default)]
        saved_at: String,
    }
    let head: Head = serde_json::from_str(text).ok()?;
    (head.storage_version <= STORAGE_VERSION).then_some(StoredHead { revision: head.revision, saved_at: head.saved_at })
}

pub fn decode_dataset(text: &str) -> Result<StoredDataset, DecodeError> {
    #[derive(Deserialize)]
    struct VersionOnly {
        storage_version: u32,
    }
    let version: VersionOnly = serde_json::from_str(text).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    if version.storage_version > STORAGE_VERSION {
        return Err(DecodeError::Newer(version.storage_version));
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    let unreadable = |e: &dyn std::fmt::Display| DecodeError::Unreadable(e.to_string());
    let saved = match (envelope.dataset, envelope.dataset_packed) {
        (_, Some(packed)) => Dataset::parse_saved(&unpack(&packed).map_err(|e| unreadable(&e))?),
        (Some(value), None) => Dataset::from_saved_value(value),
        (None, None) => return Err(DecodeError::Unreadable("no dataset in the stored envelope".into())),
    }
    .map_err(|e| unreadable(&e))?;
    Ok(StoredDataset {
        dataset: saved.dataset,
        origin: envelope.origin,
        saved_at: envelope.saved_at,
        revision: envelope.revision,
        beyond_limits: saved.beyond_limits,
    })
}

/// The dataset file's text inside an envelope of any storage version, as far as it can be found: for the
/// download of stored data this version could not read otherwise.
pub fn packed_file_text(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).ok()?;
    match (value.get("dataset_packed").and_then(Value::as_str), value.get("dataset")) {
        (Some(packed), _) => unpack(packed).ok(),
        (None, Some(file)) if file.is_object() => serde_json::to_string_pretty(file).ok(),
        _ => None,
    }
}

/// What a kept first view holds: a later version that counts otherwise gives another number, and a version
/// that finds another number draws nothing (after going back to an earlier release, say).
const FIRST_VIEW_VERSION: u32 = 1;

/// A first view as the browser keeps it: beside the data, with the head of the data it was counted from.
#[derive(Serialize, Deserialize)]
struct KeptFirstView<V> {
    version: u32,
    revision: u64,
    saved_at: String,
    view: V,
}

pub fn encode_first_view(head: &StoredHead, view: &FirstView) -> String {
    let kept =
        KeptFirstView { version: FIRST_VIEW_VERSION, revision: head.revision, saved_at: head.saved_at.clone(), view };
    serde_json::to_string(&kept).expect("a first view always serialises")
}

/// The first view kept (`kept`) if it was counted from the data stored now (`stored`, the dataset's text);
/// `None` when it was counted from other data (saved since by an earlier version, which keeps none, or by a
/// tab that could not keep it), when there is no data, or when it cannot be read or was counted otherwise.
pub fn decode_first_view(kept: &str, stored: &str) -> Option<FirstView> {
    let head = stored_head(stored)?;
    let kept: KeptFirstView<FirstView> = serde_json::from_str(kept).ok()?;
    kept.counted_from(&head).then_some(kept.view)
}

/// Whether the first view kept (`kept`) was counted, as this version counts, from the data saved under `head`;
/// read without its figures.
pub fn first_view_counted_from(kept: &str, head: &StoredHead) -> bool {
    serde_json::from_str::<KeptFirstView<serde::de::IgnoredAny>>(kept).is_ok_and(|kept| kept.counted_from(head))
}

impl<V> KeptFirstView<V> {
    fn counted_from(&self, head: &StoredHead) -> bool {
        self.version == FIRST_VIEW_VERSION
            && self.revision == head.revision
            && self.saved_at == head.saved_at
            && !head.saved_at.is_empty()
    }
}

/// The user's choices that outlive the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The data changed since it was last exported (kept apart from the dataset so that an export does
    /// not rewrite a large dataset just to clear it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unexported_changes: bool,
    /// The presenter's choice and order of slides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slides: Option<crate::slides::Arrangement>,
    /// The user chose how to start (the example, a plan of their own, a file): the first-visit choice is
    /// not offered again on top of the page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub started: bool,
    /// The register's optional columns the user chose to show, by their codes; `None`: the default ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_columns: Option<Vec<String>>,
}

impl Settings {
    pub fn lang(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_code)
    }

    pub fn decode(text: &str) -> Settings {
        // Settings are a convenience: unreadable ones fall back to the defaults rather than bother the user.
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("settings always serialise")
    }
}
