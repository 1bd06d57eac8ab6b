//! What the browser keeps, read back: the stored envelope (its head too) and a backup, whatever another
//! version or a damaged profile left there.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masterplan_tracker::backups::Backup;
use masterplan_tracker::storage::envelope::{decode_dataset, packed_file_text, stored_head};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let head = stored_head(text);
    if let Ok(stored) = decode_dataset(text) {
        assert_eq!(head.map(|h| h.revision), Some(stored.revision), "the head says what the envelope holds");
    }
    let _ = packed_file_text(text);
    if let Ok(backup) = serde_json::from_str::<Backup>(text) {
        let _ = backup.dataset();
    }
});
