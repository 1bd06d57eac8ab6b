//! Text packed small and safe for a URL or a storage slot: deflate, then unpadded URL-safe base64.
//! Dataset JSON repeats its field names in every program, so it shrinks about tenfold.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The most that unpacking may produce: more than any real dataset, little enough that a crafted
/// link cannot exhaust the browser's memory.
pub const UNPACKED_LIMIT: usize = 64 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnpackError {
    #[error("not base64url text")]
    NotBase64,
    #[error("not deflate data, or cut short")]
    NotDeflate,
    #[error("unpacks to more than {UNPACKED_LIMIT} bytes")]
    TooLarge,
    #[error("unpacks to bytes that are not UTF-8 text")]
    NotText,
}

/// How hard to compress: links want the smallest text, saves in the browser want speed (every edit of a
/// 20 000-program plan is saved at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    Smallest,
    Fast,
}

pub fn pack(text: &str, effort: Effort) -> String {
    let level = match effort {
        Effort::Smallest => 9,
        Effort::Fast => 1,
    };
    URL_SAFE_NO_PAD.encode(compress_to_vec(text.as_bytes(), level))
}

pub fn unpack(packed: &str) -> Result<String, UnpackError> {
    let bytes = URL_SAFE_NO_PAD.decode(packed.trim()).map_err(|_| UnpackError::NotBase64)?;
    let raw = decompress_to_vec_with_limit(&bytes, UNPACKED_LIMIT).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => UnpackError::TooLarge,
        _ => UnpackError::NotDeflate,
    })?;
    String::from_utf8(raw).map_err(|_| UnpackError::NotText)
}
