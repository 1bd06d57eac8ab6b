//! Spreadsheets in people's words: column heads and the values of closed lists as the page writes them,
//! in either language, and back. A head or a value is recognised in Indonesian, in English or as the
//! format's own code, blind to case, accents, spaces and punctuation ("Progres (%)", "progress").

use crate::format::{Dimension, Horizon, Status, SubDimension};
use crate::i18n::Lang;
use crate::register::fold;

/// Text folded for matching: lower case, no accents, letters and digits only.
fn key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Other heads people give the columns in their own spreadsheets.
const OTHER_HEADS: [(&str, &[&str]); 14] = [
    ("name", &["nama", "program", "program kerja"]),
    ("subdimension", &["sub dimensi"]),
    ("agency", &["perangkat daerah", "instansi", "dinas", "penanggung jawab"]),
    ("horizon", &["jangka waktu"]),
    ("start_year", &["tahun mulai"]),
    ("target_year", &["tahun selesai"]),
    ("progress", &["progres", "progres (%)", "capaian (%)"]),
    ("budget_planned", &["anggaran", "pagu", "pagu anggaran"]),
    ("budget_realized", &["realisasi", "realisasi anggaran"]),
    ("delay_reason", &["alasan", "alasan penundaan"]),
    ("postponed_to", &["ditunda ke", "ditunda ke tahun"]),
    ("evidence", &["bukti", "dokumen pendukung"]),
    ("notes", &["catatan", "keterangan"]),
    ("locations", &["lokasi", "kode wilayah", "wilayah", "kelurahan", "kecamatan"]),
];

/// The format's field a column head names, among `fields`; `None` for a column the format does not know.
pub fn field_of(head: &str, fields: &[&'static str]) -> Option<&'static str> {
    let wanted = key(head);
    if wanted.is_empty() {
        return None;
    }
    fields.iter().copied().find(|code| {
        key(code) == wanted
            || Lang::ALL.iter().any(|l| key(l.field(code)) == wanted)
            || OTHER_HEADS.iter().any(|(field, heads)| field == code && heads.iter().any(|h| key(h) == wanted))
    })
}

/// The format's code of a value of a closed list (dimension, sub-dimension, status, horizon) written as
/// the page shows it in either language, or as the code itself; `None` when it names none.
pub fn code_of(field: &str, text: &str) -> Option<&'static str> {
    let wanted = key(text);
    let named = |code: &str, label: &dyn Fn(Lang) -> &'static str| {
        key(code) == wanted || Lang::ALL.iter().any(|l| key(label(*l)) == wanted)
    };
    match field {
        "dimension" => Dimension::ALL.into_iter().find(|d| named(d.code(), &|l| l.dimension(*d))).map(Dimension::code),
        "subdimension" => {
            SubDimension::ALL.into_iter().find(|s| named(s.code(), &|l| l.subdimension(*s))).map(SubDimension::code)
        }
        "status" => Status::ALL.into_iter().find(|s| named(s.code(), &|l| l.status(*s))).map(Status::code),
        "horizon" => Horizon::ALL.into_iter().find(|h| named(h.code(), &|l| l.horizon(*h))).map(Horizon::code),
        _ => None,
    }
}

/// Yes or no as people write it in a cell: `Ya`, `Tidak`, `Yes`, `No`, `true`, `1`, `✓`…; `None` for
/// anything else.
pub fn yes_no(text: &str) -> Option<bool> {
    match key(text).as_str() {
        "ya" | "yes" | "y" | "true" | "benar" | "1" => Some(true),
        "tidak" | "no" | "n" | "false" | "salah" | "bukan" | "0" => Some(false),
        _ if text.trim() == "✓" || text.trim() == "✔" => Some(true),
        _ => None,
    }
}

/// Whether two names are the same name as people type it (case, accents and spacing aside).
pub fn same_name(a: &str, b: &str) -> bool {
    let a = key(a);
    !a.is_empty() && a == key(b)
}

/// Whether a text (a sheet's name, a column's head) is the page's label in either language.
pub fn is_label(name: &str, label: impl Fn(Lang) -> &'static str) -> bool {
    Lang::ALL.iter().any(|l| same_name(name, label(*l)))
}
