//! Sharing a dataset by link with no server: the dataset packed into the URL fragment, the part after
//! `#` that a browser never sends to a server. Opening such a link leads to the usual import preview.

use crate::compress::{Effort, UnpackError, pack, unpack};
use crate::format::Dataset;

/// What a share link's fragment starts with; the digit is the link encoding's version.
const FRAGMENT_PREFIX: &str = "data=1.";

/// The longest link offered: chat apps and mail clients cut or refuse longer messages (Microsoft Teams
/// takes about 28 000 characters, WhatsApp 65 536), so a longer link is refused with the file offered.
pub const MAX_LINK_CHARS: usize = 28_000;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link is {chars} characters long, more than {max}")]
    TooLong { chars: usize, max: usize },
    #[error("the link's data is damaged: {0}")]
    Damaged(#[from] UnpackError),
}

/// The fragment (without `#`) that carries `dataset`, compact JSON without the export stamp.
pub fn fragment_for(dataset: &Dataset) -> String {
    let compact = Dataset { exported_at: None, ..dataset.clone() };
    format!("{FRAGMENT_PREFIX}{}", pack(&compact.to_file_value().to_string(), Effort::Smallest))
}

/// The whole link for a page address (anything after `#` in it is dropped), refused when too long.
pub fn link_for(page_url: &str, dataset: &Dataset) -> Result<String, LinkError> {
    let base = page_url.split('#').next().unwrap_or(page_url);
    let link = format!("{base}#{}", fragment_for(dataset));
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS { Err(LinkError::TooLong { chars, max: MAX_LINK_CHARS }) } else { Ok(link) }
}

/// Whether the fragment (with or without `#`) is a share link's, without unpacking it.
pub fn is_link(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(FRAGMENT_PREFIX)
}

/// The dataset file text a fragment carries; `None` when the fragment is not a share link at all.
pub fn text_in_fragment(fragment: &str) -> Option<Result<String, LinkError>> {
    let packed = fragment.trim_start_matches('#').strip_prefix(FRAGMENT_PREFIX)?;
    Some(unpack(packed).map_err(LinkError::from))
}
