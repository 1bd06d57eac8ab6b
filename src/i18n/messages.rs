//! The message catalogue: every user-facing text, in Bahasa Indonesia and in English side by side, so
//! that a key without both texts does not compile.

use super::Lang;

macro_rules! messages {
    ($($key:ident => ($id:expr, $en:expr),)*) => {
        /// A user-facing text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$key, Lang::Id) => $id, (Key::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppTitle => ("Pemantau Masterplan Smart City", "Smart City Masterplan Tracker"),
    LanguageLabel => ("Bahasa", "Language"),
    SampleNotice => (
        "Data contoh bawaan. Jumlah program dan jumlah per status berasal dari hasil Evaluasi Tahap I yang dipublikasikan ({date}); rincian tiap program hanya ilustrasi.",
        "Built-in sample data. The number of programs and the count per status come from the published Stage I evaluation ({date}); the details of each program are illustrative."
    ),
    OverviewHeading => ("Ringkasan capaian", "Progress overview"),
    ProgramsLabel => ("Program kerja", "Work programs"),
    QuickWinsLabel => ("Quick win", "Quick wins"),
    PlanPeriod => ("Periode {start}–{end}", "Period {start}–{end}"),
    ChartStatusTitle => ("Sebaran status program", "Programs by status"),
    ChartDimensionTitle => ("Program per dimensi menurut status", "Programs per dimension by status"),
    ChartShareAxis => ("Persentase program", "Share of programs"),
    ChartCountAxis => ("Jumlah program", "Number of programs"),
    ChartEmpty => ("Belum ada program.", "No programs yet."),
    StatusDone => ("Selesai", "Done"),
    StatusRunning => ("Sudah berjalan", "Running"),
    StatusDiscussion => ("Dalam pembahasan", "Under discussion"),
    StatusNotStarted => ("Belum dilaksanakan", "Not yet implemented"),
    DimGovernance => ("Smart Governance", "Smart Governance"),
    DimBranding => ("Smart Branding", "Smart Branding"),
    DimEconomy => ("Smart Economy", "Smart Economy"),
    DimLiving => ("Smart Living", "Smart Living"),
    DimSociety => ("Smart Society", "Smart Society"),
    DimEnvironment => ("Smart Environment", "Smart Environment"),
    SubPublicService => ("Pelayanan publik", "Public service"),
    SubPublicPolicy => ("Kebijakan publik", "Public policy"),
    SubBureaucracy => ("Manajemen birokrasi", "Bureaucracy"),
    SubTourism => ("Pariwisata", "Tourism"),
    SubBusiness => ("Ekosistem bisnis", "Business ecosystem"),
    SubCityAppearance => ("Penataan wajah kota", "City appearance"),
    SubIndustry => ("Industri", "Industry"),
    SubWelfare => ("Kesejahteraan rakyat", "Public welfare"),
    SubTransaction => ("Ekosistem transaksi keuangan", "Financial transactions"),
    SubHarmony => ("Harmonisasi tata ruang wilayah", "Spatial harmony"),
    SubHealth => ("Kesehatan", "Health"),
    SubMobility => ("Mobilitas", "Mobility"),
    SubCommunity => ("Komunitas", "Community"),
    SubLearning => ("Ekosistem belajar", "Learning ecosystem"),
    SubSecurity => ("Keamanan", "Security"),
    SubProtection => ("Proteksi lingkungan", "Environmental protection"),
    SubWaste => ("Tata kelola sampah", "Waste management"),
    SubEnergy => ("Tata kelola energi", "Energy management"),
    DataHeading => ("Berkas data", "Dataset file"),
    DataExplainer => (
        "Data hanya tersimpan di peramban ini. Untuk berbagi dengan rekan, ekspor berkas lalu kirimkan; berkas dari rekan dapat diimpor di sini.",
        "The data is kept in this browser only. To share it with a colleague, export a file and send it; a colleague's file can be imported here."
    ),
    ImportLabel => ("Impor berkas dataset (.masterplan.json)", "Import a dataset file (.masterplan.json)"),
    ExportJson => ("Ekspor JSON", "Export JSON"),
    ImportReading => ("Membaca {file}…", "Reading {file}…"),
    ImportPreviewTitle => ("Pratinjau impor", "Import preview"),
    ImportPreviewFile => ("Berkas {file}", "File {file}"),
    ImportPreviewIncoming => ("Isi berkas: {city}, {programs} program", "In the file: {city}, {programs} programs"),
    ImportPreviewCurrent => ("Data saat ini: {city}, {programs} program", "Current data: {city}, {programs} programs"),
    ImportPreviewMergeResult => (
        "Jika digabung: {programs} program ({added} baru, {updated} diperbarui dari berkas)",
        "If merged: {programs} programs ({added} new, {updated} updated from the file)"
    ),
    ImportWarningsTitle => ("Perlu diperhatikan", "Worth a look"),
    ImportReplace => ("Ganti seluruh data", "Replace all data"),
    ImportMerge => ("Gabungkan per id program", "Merge by program id"),
    ImportCancel => ("Batal", "Cancel"),
    ImportReplaced => ("Data diganti dengan isi {file}.", "The data was replaced by {file}."),
    ImportMerged => ("Isi {file} digabungkan ke data.", "{file} was merged into the data."),
    ImportCancelled => ("Impor dibatalkan; data tidak berubah.", "Import cancelled; the data is unchanged."),
    ImportRefused => ("Berkas {file} ditolak. Data Anda tidak berubah.", "The file {file} was refused. Your data is unchanged."),
    ImportUnreadable => ("Berkas {file} tidak dapat dibaca: {detail}", "The file {file} could not be read: {detail}"),
    ImportMoreErrors => ("… dan {count} masalah lain.", "… and {count} more problems."),
    Exported => ("Berkas {file} telah diunduh.", "{file} was downloaded."),
    ExportFailed => ("Ekspor gagal: {detail}", "Export failed: {detail}"),
    Dismiss => ("Tutup", "Close"),
    StorageUnavailable => (
        "Penyimpanan peramban tidak dapat dipakai (diblokir atau tidak tersedia). Perubahan tidak akan tersimpan setelah halaman ditutup: ekspor data Anda.",
        "The browser's storage cannot be used (blocked or unavailable). Changes will not survive closing the page: export your data."
    ),
    StorageFull => (
        "Penyimpanan peramban penuh: data terakhir BELUM tersimpan. Ekspor data Anda agar tidak hilang.",
        "The browser's storage is full: the latest data is NOT saved. Export your data so that nothing is lost."
    ),
    StorageWriteFailed => (
        "Data belum tersimpan di peramban ({detail}). Ekspor data Anda agar tidak hilang.",
        "The data is not saved in the browser ({detail}). Export your data so that nothing is lost."
    ),
    StorageCorrupt => (
        "Data yang tersimpan di peramban tidak dapat dibaca ({detail}). Data bawaan ditampilkan; data lama disimpan terpisah dan tidak ditimpa.",
        "The data stored in this browser could not be read ({detail}). The built-in data is shown; the old data is kept aside, not overwritten."
    ),
    StorageNewer => (
        "Data di peramban ini ditulis oleh versi aplikasi yang lebih baru (penyimpanan versi {found}). Data bawaan ditampilkan; data tersebut tidak ditimpa.",
        "The data in this browser was written by a newer version of the app (storage version {found}). The built-in data is shown; that data is not overwritten."
    ),
    FooterPrivacy => (
        "Semua data tetap di peramban Anda; tidak ada yang dikirim ke server.",
        "All data stays in your browser; nothing is sent to a server."
    ),
    PlaceWholeFile => ("berkas", "file"),
    ProblemEmptyFile => ("berkas kosong.", "the file is empty."),
    ProblemNotJson => (
        "bukan JSON yang sah (baris {line}, kolom {column}); berkas mungkin terpotong atau bukan berkas dataset.",
        "not valid JSON (line {line}, column {column}); the file may be cut short or not a dataset file."
    ),
    ProblemNotOurFormat => (
        "bukan berkas masterplan smart city (kolom \"format\" harus \"smart-city-masterplan\").",
        "not a smart-city master plan file (the \"format\" field must be \"smart-city-masterplan\")."
    ),
    ProblemNewerVersion => (
        "ditulis oleh versi aplikasi yang lebih baru (format versi {found}); perbarui aplikasi untuk membukanya.",
        "written by a newer version of the app (format version {found}); update the app to open it."
    ),
    ProblemUnknownVersion => ("{found} bukan versi format yang dikenal.", "{found} is not a known format version."),
    ProblemMissing => ("wajib diisi, tetapi tidak ada.", "required, but missing."),
    ProblemUnknownValue => ("\"{found}\" bukan salah satu dari {allowed}.", "\"{found}\" is not one of {allowed}."),
    ProblemWrongType => ("jenis isian salah ({detail}).", "wrong kind of value ({detail})."),
    ProblemWrongKind => (
        "harus berupa {expected}, bukan {found} (rincian: {detail}).",
        "must be {expected}, not {found} (details: {detail})."
    ),
    KindText => ("teks", "text"),
    KindWholeNumber => ("bilangan bulat", "a whole number"),
    KindNumber => ("angka", "a number"),
    KindTrueFalse => ("true atau false", "true or false"),
    KindList => ("daftar JSON", "a JSON list"),
    KindObject => ("objek JSON", "a JSON object"),
    KindNull => ("null (kosong)", "null (empty)"),
    ProblemEmptyText => ("tidak boleh kosong.", "must not be empty."),
    ProblemIdTooLong => ("terlalu panjang: {chars} karakter, paling banyak {max}.", "too long: {chars} characters, at most {max}."),
    ProblemDuplicateId => ("id \"{id}\" dipakai lebih dari sekali.", "the id \"{id}\" is used more than once."),
    ProblemOutOfRange => ("{value} di luar rentang {min} sampai {max}.", "{value} is outside the range {min} to {max}."),
    ProblemBelowMinimum => ("{value} kurang dari {min}.", "{value} is below {min}."),
    ProblemSubdimensionOfOtherDimension => (
        "subdimensi \"{subdimension}\" termasuk {belongs}, bukan {dimension}.",
        "the sub-dimension \"{subdimension}\" belongs to {belongs}, not to {dimension}."
    ),
    ProblemYearsReversed => ("tahun {end} lebih awal dari tahun mulai {start}.", "the year {end} is before the start year {start}."),
    ProblemNotADate => ("\"{found}\" bukan tanggal TTTT-BB-HH.", "\"{found}\" is not a date YYYY-MM-DD."),
    WarningUnknownAgency => ("OPD \"{agency}\" tidak ada dalam daftar OPD.", "the agency \"{agency}\" is not in the list of agencies."),
    WarningStatusOfUnknownProgram => (
        "status untuk program \"{program}\" yang tidak ada.",
        "a status for the program \"{program}\", which does not exist."
    ),
}
