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
    SampleChangedNotice => (
        "Data ini berawal dari contoh bawaan Kota Tanjungpinang (Evaluasi Tahap I, {date}) dan telah diubah: jumlah dan rinciannya bukan lagi angka yang dipublikasikan.",
        "This data started as the built-in example of Kota Tanjungpinang (Stage I evaluation, {date}) and has been changed: its counts and details are no longer the published figures."
    ),
    OverviewHeading => ("Ringkasan capaian", "Progress overview"),
    ProgramsLabel => ("Program kerja", "Work programs"),
    QuickWinsLabel => ("Quick win", "Quick wins"),
    PlanPeriod => ("Periode {start}–{end}", "Period {start}–{end}"),
    ChartStatusTitle => ("Sebaran status program", "Programs by status"),
    ChartDimensionTitle => ("Program per dimensi menurut status", "Programs per dimension by status"),
    ChartShareAxis => ("Persentase program", "Share of programs"),
    ChartCountAxis => ("Jumlah program", "Number of programs"),
    ChartQuickWinsTitle => ("Quick win menurut status", "Quick wins by status"),
    ChartSubdimensionTitle => ("Program per subdimensi menurut status", "Programs per sub-dimension by status"),
    ChartAgencyTitle => ("Program per OPD menurut status", "Programs per agency by status"),
    ChartYearTitle => ("Program per tahun target menurut status", "Programs per target year by status"),
    ChartPostponedTitle => ("Program yang ditunda menurut alasan dan tahun", "Postponed programs by reason and year"),
    ChartAlignmentTitle => ("Keselarasan dengan RPJMD dan Renstra", "Alignment with the RPJMD and the Renstra"),
    ChartRoundsTitle => ("Sebaran status per putaran evaluasi", "Status shares per evaluation round"),
    OtherAgencies => ("OPD lain ({count})", "Other agencies ({count})"),
    NoYear => ("(tanpa tahun)", "(no year)"),
    NoSubdimension => ("(tanpa subdimensi)", "(no sub-dimension)"),
    NoReason => ("(tanpa alasan)", "(no reason given)"),
    ViewCompare => ("Perbandingan kota", "Compare cities"),
    CitiesHeading => ("Perbandingan kota", "Cities side by side"),
    CompareExplainer => (
        "{count} kota di peramban ini. Tambahkan kota lain dengan mengimpor berkas datanya dan memilih \"Tambahkan sebagai kota lain\".",
        "{count} cities in this browser. Add another city by importing its dataset file and choosing \"Add as another city\"."
    ),
    CompareCity => ("Kota", "City"),
    CompareActiveIn => ("Berjalan/selesai: {dimension}", "Running/done: {dimension}"),
    CompareLatestRound => ("Putaran terakhir", "Latest round"),
    CompareIndex => ("Indeks (perubahan)", "Index (change)"),
    CompareIndexOnly => ("Indeks pencapaian", "Achievement index"),
    CompareChange => ("Perubahan indeks", "Change of the index"),
    CompareExportCsv => ("Unduh CSV", "Download CSV"),
    CompareExportXlsx => ("Unduh Excel (XLSX)", "Download Excel (XLSX)"),
    CompareFileName => ("Perbandingan kota", "Cities compared"),
    CompareWeights => ("bobot {weights}", "weights {weights}"),
    CompareActions => ("Tindakan", "Actions"),
    CompareOpen => ("Buka", "Open"),
    CompareTotal => ("Semua kota ({count})", "All cities ({count})"),
    CompareStatusChart => ("Sebaran status per kota", "Status shares per city"),
    CompareIndexChart => ("Indeks pencapaian putaran terakhir per kota", "Achievement index of each city's latest round"),
    ExportPortfolio => ("Ekspor portofolio (semua kota)", "Export the portfolio (every city)"),
    PortfolioFileName => ("Portofolio kota", "City portfolio"),
    CityRemove => ("Hapus kota", "Remove city"),
    CityRemoved => ("Kota {city} dihapus dari peramban ini.", "{city} was removed from this browser."),
    CitiesAdded => ("Ditambahkan sebagai kota lain: {cities}.", "Added as other cities: {cities}."),
    CitiesNotAdded => (
        "Tidak semua kota dapat ditambahkan atau diganti ({detail}). Yang sudah: {cities}.",
        "Not every city could be added or replaced ({detail}). Done: {cities}."
    ),
    CityNotRemoved => ("Kota tidak dapat dihapus: {detail}", "The city could not be removed: {detail}"),
    CityNotBroughtBack => ("Kota tidak dapat dikembalikan: {detail}", "The city could not be brought back: {detail}"),
    CitiesReplaced => (
        "Data diganti dengan berkas kota yang sama (data sebelumnya disimpan sebagai cadangan kota itu): {cities}.",
        "Data replaced by the files of the same cities (what was there is kept as that city's backup): {cities}."
    ),
    ImportBatchReplaces => ("menggantikan data {city} yang sudah ada", "replaces the data of {city} already here"),
    ImportBatchReplace => (
        "Ganti {replaced} kota yang sudah ada, tambahkan {added}",
        "Replace {replaced} cities already here, add {added}"
    ),
    CitiesNoRoom => ("penyimpanan peramban penuh", "the browser's storage is full"),
    CitiesRefused => ("data kota ini ditolak, lihat pesannya", "this city's data was refused, see its message"),
    CitySwitch => ("Kota", "City"),
    ImportBatchTitle => ("{count} berkas untuk ditambahkan sebagai kota", "{count} files to add as cities"),
    ImportBatchWaiting => ("{count} berkas masih dibaca dan diperiksa…", "{count} files still being read and checked…"),
    ImportBatchCity => ("{city} dengan {programs}", "{city} with {programs}"),
    ImportBatchRefused => ("ditolak; tidak ada yang berubah karenanya:", "refused; nothing changes for it:"),
    ImportBatchTooLarge => ("berkas {size} melebihi batas 50 MB.", "the file of {size} is over the 50 MB limit."),
    ImportBatchSpreadsheet => (
        "lembar kerja program tidak memuat kota; impor ke data sebuah kota, bukan di sampingnya.",
        "a spreadsheet of programs names no city; import it into a city's data, not beside it."
    ),
    ImportBatchAdd => ("Tambahkan {count} kota", "Add {count} cities"),
    ImportAddCity => ("Tambahkan sebagai kota lain", "Add as another city"),
    ImportAddCities => ("Tambahkan semua kota", "Add every city"),
    ImportPortfolio => ("Portofolio {count} kota: {cities}. Setiap kota ditambahkan di samping data ini.", "A portfolio of {count} cities: {cities}. Each is added beside this data."),
    MapHeading => ("Peta program", "Map of programs"),
    MapMeasure => ("Ukuran", "Measure"),
    MapLevel => ("Tingkat wilayah", "Level"),
    MapHint => (
        "Klik atau tekan Enter pada wilayah untuk membuka daftar programnya.",
        "Click a region, or press Enter on it, to open the list of its programs."
    ),
    MapNoBoundaries => (
        "Data ini belum memiliki batas wilayah. Impor berkas GeoJSON kecamatan atau kelurahan di panel Data untuk melihat program di peta.",
        "This dataset has no boundaries yet. Import a GeoJSON file of kecamatan or kelurahan in the Data panel to see the programs on a map."
    ),
    MapNoBoundariesLocated => (
        "Program dalam data ini memiliki lokasi, tetapi data ini belum memiliki batas wilayah untuk menggambar peta. Impor berkas GeoJSON kecamatan atau kelurahan di panel Data.",
        "Programs of this dataset have locations, but the dataset has no boundaries to draw the map. Import a GeoJSON file of kecamatan or kelurahan in the Data panel."
    ),
    BoundariesHeading => ("Batas wilayah", "Boundaries"),
    BoundariesCurrent => ("Data ini memiliki {count} wilayah. Sumber: {source}", "This dataset has {count} regions. Source: {source}"),
    BoundariesCurrentNoSource => ("Data ini memiliki {count} wilayah.", "This dataset has {count} regions."),
    BoundariesNone => ("Data ini belum memiliki batas wilayah.", "This dataset has no boundaries yet."),
    BoundariesHint => (
        "Berkas GeoJSON kecamatan atau kelurahan (dari Ina-Geoportal, GADM atau aplikasi SIG), koordinat bujur dan lintang WGS84. Batas yang sangat rinci disederhanakan menjadi paling banyak {budget} titik agar berkas data tetap ringan.",
        "A GeoJSON file of kecamatan or kelurahan (from Ina-Geoportal, GADM or a GIS tool), in WGS84 longitude and latitude. Very detailed boundaries are simplified to at most {budget} positions to keep the dataset file light."
    ),
    BoundariesChoose => ("Impor batas wilayah (GeoJSON)…", "Import boundaries (GeoJSON)…"),
    BoundariesPreview => ("Pratinjau batas wilayah", "Boundaries preview"),
    BoundariesRead => ("{file}: {count} wilayah. Pilih properti yang berisi kode dan nama wilayah.", "{file}: {count} regions. Choose the properties that hold each region's code and name."),
    BoundariesCodeField => ("Kode wilayah", "Region code"),
    BoundariesNameField => ("Nama wilayah", "Region name"),
    BoundariesSize => ("{count} wilayah, {kept} titik koordinat.", "{count} regions, {kept} coordinate positions."),
    BoundariesSimplified => (
        "{count} wilayah, disederhanakan menjadi {kept} titik koordinat dari {file} titik dalam berkas.",
        "{count} regions, simplified to {kept} coordinate positions from {file} in the file."
    ),
    BoundariesLost => (
        "{programs} kehilangan lokasi yang tidak ada di batas wilayah ini: {codes}. Urungkan untuk mengembalikannya.",
        "{programs} lose locations that these boundaries do not have: {codes}. Undo brings them back."
    ),
    BoundariesApply => ("Ganti batas wilayah", "Replace the boundaries"),
    BoundariesRefused => ("Berkas {file} tidak dapat dipakai sebagai batas wilayah; data tidak berubah.", "The file {file} cannot be used as boundaries; the data is unchanged."),
    BoundariesUnreadable => ("Berkas tidak dapat dibaca: {detail}", "The file could not be read: {detail}"),
    BoundariesReplaced => ("Batas wilayah diganti: {count} wilayah.", "Boundaries replaced: {count} regions."),
    MapTitle => ("{measure} per {level}", "{measure} by {level}"),
    MapMeasurePrograms => ("Jumlah program", "Programs"),
    MapMeasureActiveShare => ("Berjalan atau selesai", "Running or done"),
    MapMeasureQuickWins => ("Quick win", "Quick wins"),
    MapMeasurePostponed => ("Ditunda", "Postponed"),
    MapNoPrograms => ("tanpa program", "no programs"),
    MapRegionHead => ("Wilayah", "Region"),
    MapCityWide => ("Seluruh kota (tanpa lokasi)", "City-wide (no location)"),
    MapCityWideCount => ("Seluruh kota, tanpa lokasi: {programs}", "City-wide, no location: {programs}"),
    MapRegionDescription => (
        "{name}: {programs}, {share} berjalan atau selesai, {quick_wins} quick win, {postponed} ditunda",
        "{name}: {programs}, {share} running or done, {quick_wins} quick wins, {postponed} postponed"
    ),
    MapSource => ("Batas wilayah: {source}", "Boundaries: {source}"),
    LevelKecamatan => ("kecamatan", "kecamatan"),
    LevelKelurahan => ("kelurahan", "kelurahan"),
    DashboardHeading => ("Dasbor", "Dashboard"),
    DashboardFilters => ("Filter dasbor", "Dashboard filters"),
    DashboardQuickWinsOnly => ("Hanya quick win", "Quick wins only"),
    ChartShowTable => ("Tampilkan sebagai tabel", "Show as table"),
    ChartShowChart => ("Tampilkan grafik", "Show the chart"),
    ChartCopy => ("Salin", "Copy"),
    ChartCopied => ("Grafik disalin sebagai gambar.", "The chart was copied as an image."),
    ChartNotCopied => (
        "Peramban ini tidak mengizinkan menyalin gambar; unduh PNG sebagai gantinya.",
        "This browser does not allow copying images; download the PNG instead."
    ),
    ViewDashboard => ("Dasbor", "Dashboard"),
    PresentationStart => ("Mulai presentasi", "Start the presentation"),
    PresentationLabel => ("Presentasi", "Presentation"),
    PresentationExit => ("Keluar (Esc)", "Leave (Esc)"),
    SlideCounter => ("{current} / {total}", "{current} / {total}"),
    SlideNext => ("Slide berikutnya", "Next slide"),
    SlidePrevious => ("Slide sebelumnya", "Previous slide"),
    SlideHeadline => ("{count} program kerja", "{count} work programs"),
    SlideContinued => ("{title} (lanjutan)", "{title} (continued)"),
    SlideFiltered => ("Disaring: {filter}", "Filtered: {filter}"),
    SlideListsTitle => ("{dimension}: quick win dan penundaan", "{dimension}: quick wins and postponements"),
    SlideThemeDark => ("Tema gelap", "Dark theme"),
    SlideThemeLight => ("Tema terang", "Light theme"),
    SlidesPrint => ("Cetak slide", "Print slides"),
    PresenterViewOpen => ("Tampilan penyaji", "Presenter view"),
    PresenterViewTitle => ("Tampilan penyaji: {city}", "Presenter view: {city}"),
    PresenterNext => ("Berikutnya", "Next"),
    PresenterNoNext => ("Akhir presentasi", "End of the presentation"),
    PresenterNotes => ("Catatan penyaji", "Speaker notes"),
    PresenterClock => ("Jam", "Clock"),
    PresenterTimer => ("Sejak mulai", "Since the start"),
    PresenterTimerRestart => ("Mulai ulang pewaktu", "Restart the timer"),
    PresenterBlocked => ("Peramban menolak membuka jendela baru. Izinkan pop-up untuk halaman ini, lalu coba lagi.", "The browser refused to open a new window. Allow pop-ups for this page, then try again."),
    ViewReport => ("Laporan", "Report"),
    ReportPrint => ("Cetak", "Print"),
    ReportHint => (
        "Laporan A4 untuk dicetak atau disimpan sebagai PDF dari dialog cetak peramban (juga Ctrl+P).",
        "An A4 report to print, or to save as PDF from the browser's print dialog (also Ctrl+P)."
    ),
    ReportKicker => ("Laporan evaluasi Masterplan Smart City", "Smart City Master Plan evaluation report"),
    ReportDate => ("Keadaan data per {date}", "Data as of {date}"),
    SlidesArrange => ("Atur slide presentasi", "Arrange the presentation's slides"),
    SlideUp => ("Naikkan", "Move up"),
    SlideDown => ("Turunkan", "Move down"),
    ViewEvaluations => ("Evaluasi", "Evaluations"),
    EvaluationsHeading => ("Putaran evaluasi", "Evaluation rounds"),
    EvaluationRecord => ("Rekam putaran dari status saat ini", "Record a round from today's statuses"),
    EvaluationLabelExample => ("Evaluasi Tahap II", "Stage II evaluation"),
    EvaluationsEmpty => ("Belum ada putaran evaluasi.", "No evaluation round yet."),
    RoundPrograms => ("{programs} direkam", "{programs} recorded"),
    Score => ("Nilai", "Score"),
    Weight => ("Bobot", "Weight"),
    AspectBaseline => ("Baseline", "Baseline"),
    AspectOutput => ("Output", "Output"),
    AspectOutcome => ("Outcome", "Outcome"),
    AspectImpact => ("Dampak", "Impact"),
    IndexValue => ("Indeks pencapaian: {value}", "Achievement index: {value}"),
    IndexChange => (" ({change} sejak putaran sebelumnya)", " ({change} since the previous round)"),
    IndexWeightsNot100 => (
        "Bobot berjumlah {sum}, harus 100; indeks belum dapat dihitung.",
        "The weights add up to {sum}, they must add up to 100; no index yet."
    ),
    IndexIncomplete => ("Isi nilai kelima aspek untuk menghitung indeks pencapaian.", "Enter the five aspects' scores to compute the achievement index."),
    CompareHeading => ("Bandingkan", "Compare"),
    CompareFrom => ("Dari", "From"),
    CompareTo => ("Ke", "To"),
    Today => ("Hari ini (data saat ini)", "Today (the current data)"),
    CompareForward => ("{programs} maju", "{programs} moved forward"),
    CompareBack => ("{programs} mundur", "{programs} moved back"),
    CompareAdded => ("{programs} baru", "{programs} added"),
    CompareRemoved => ("{programs} tidak ada lagi", "{programs} removed"),
    CompareUnchanged => ("{programs} tetap", "{programs} unchanged"),
    CompareMoves => ("Program yang bergeser", "Programs that moved"),
    CompareMovesMore => ("… dan {programs} lainnya", "… and {programs} more"),
    ShiftByDimension => ("Pergeseran status per dimensi", "Status shift per dimension"),
    ShiftByAgency => ("Pergeseran status per OPD", "Status shift per agency"),
    ShiftHint => (
        "Setiap sel: jumlah program pada putaran awal → putaran akhir (selisih). Program dikelompokkan menurut data saat ini.",
        "Each cell: programs in the earlier record → the later one (difference). Programs are grouped as they stand in the current data."
    ),
    NoLongerInData => ("(tidak ada lagi di data)", "(no longer in the data)"),
    IndexNotScored => ("belum dinilai", "not scored"),
    IndexAxis => ("Indeks pencapaian", "Achievement index"),
    IndexChangeHead => ("Perubahan", "Change"),
    ChartIndexTrendTitle => ("Tren indeks pencapaian", "Achievement index trend"),
    ScorecardsHeading => ("Rapor OPD", "Agency scorecards"),
    ScorecardsEmpty => ("Belum ada OPD dalam data.", "The data has no agencies yet."),
    ScorecardKicker => ("Rapor OPD · {city}", "Agency scorecard · {city}"),
    ScorecardCaption => ("Rapor {name}", "Scorecard: {name}"),
    ScorecardPrint => ("Cetak rapor ini", "Print this scorecard"),
    ScorecardNoPrograms => ("OPD ini belum memiliki program.", "This agency has no programs yet."),
    ScorecardQuickWins => ("Quick win: {count} dari {programs}", "Quick wins: {count} of {programs}"),
    ScorecardAlignment => ("{name}: {yes} selaras, {no} tidak selaras, {unknown} belum diisi", "{name}: {yes} aligned, {no} not aligned, {unknown} not stated"),
    ScorecardSince => (
        "Sejak {round} ({date}): {forward} maju, {back} mundur, {added} baru",
        "Since {round} ({date}): {forward} moved forward, {back} moved back, {added} added"
    ),
    ScorecardNoRound => ("Belum ada putaran evaluasi untuk dibandingkan.", "No evaluation round to compare with yet."),
    ScorecardThen => ("Putaran", "Round"),
    ScorecardNow => ("Sekarang", "Now"),
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
    FieldId => ("ID", "ID"),
    FieldName => ("Nama program", "Program name"),
    FieldDimension => ("Dimensi", "Dimension"),
    FieldSubdimension => ("Subdimensi", "Sub-dimension"),
    FieldStatus => ("Status", "Status"),
    FieldAgency => ("OPD", "Agency (OPD)"),
    FieldQuickWin => ("Quick win", "Quick win"),
    FieldHorizon => ("Jangka", "Horizon"),
    FieldStartYear => ("Tahun mulai", "Start year"),
    FieldTargetYear => ("Tahun target", "Target year"),
    FieldProgress => ("Kemajuan (%)", "Progress (%)"),
    FieldBudgetPlanned => ("Anggaran rencana (Rp)", "Planned budget (Rp)"),
    FieldBudgetRealized => ("Realisasi anggaran (Rp)", "Realised budget (Rp)"),
    FieldRpjmd => ("Selaras RPJMD", "Aligned with RPJMD"),
    FieldRenstra => ("Selaras Renstra", "Aligned with Renstra"),
    FieldPostponedTo => ("Ditunda ke tahun", "Postponed to"),
    FieldDelayReason => ("Alasan penundaan", "Reason for delay"),
    FieldApps => ("Aplikasi", "Applications"),
    FieldEvidence => ("Bukti", "Evidence"),
    FieldLocations => ("Lokasi", "Locations"),
    LocationsCityWide => ("Seluruh kota", "City-wide"),
    LocationsKecamatan => ("Kecamatan", "Kecamatan"),
    LocationsKelurahan => ("Kelurahan", "Kelurahan"),
    LocationsWholeKecamatan => ("(seluruh kecamatan)", "(the whole kecamatan)"),
    LocationsChoose => ("— pilih —", "— choose —"),
    LocationsAdd => ("Tambah lokasi", "Add location"),
    LocationsRemove => ("Hapus lokasi {name}", "Remove the location {name}"),
    LocationsWithoutBoundaries => (
        "Kode wilayah, dipisah titik koma. Data ini belum memiliki batas wilayah untuk dipilih.",
        "Region codes, separated by semicolons. This dataset has no boundaries to choose from."
    ),
    FieldNotes => ("Catatan", "Notes"),
    FieldCity => ("Kota/kabupaten", "City"),
    FieldProvince => ("Provinsi", "Province"),
    FieldTitle => ("Judul masterplan", "Master plan title"),
    FieldEndYear => ("Tahun akhir", "End year"),
    FieldLegalBasis => ("Dasar hukum", "Legal basis"),
    FieldLabel => ("Label", "Label"),
    FieldDate => ("Tanggal", "Date"),
    FieldStatuses => ("Status tiap program", "Status per program"),
    FieldScores => ("Nilai", "Scores"),
    FieldWeights => ("Bobot", "Weights"),
    HorizonShort => ("Jangka pendek", "Short term"),
    HorizonMedium => ("Jangka menengah", "Medium term"),
    HorizonLong => ("Jangka panjang", "Long term"),
    Yes => ("Ya", "Yes"),
    No => ("Tidak", "No"),
    SheetPrograms => ("Program", "Programs"),
    SheetScores => ("Penilaian", "Scores"),
    SheetSummary => ("Ringkasan", "Summary"),
    SummaryTitle => ("Ringkasan capaian masterplan", "Master plan progress summary"),
    SummaryGenerated => ("Dibuat", "Generated"),
    SummaryCount => ("Jumlah", "Count"),
    SummaryShare => ("Persentase", "Share"),
    SummaryTotal => ("Total", "Total"),
    DataHeading => ("Berkas data", "Dataset file"),
    DataExplainer => (
        "Data hanya tersimpan di peramban ini. Untuk berbagi dengan rekan, ekspor berkas lalu kirimkan; berkas dari rekan dapat diimpor di sini.",
        "The data is kept in this browser only. To share it with a colleague, export a file and send it; a colleague's file can be imported here."
    ),
    ImportLabel => ("Pilih berkas (.json, .csv)", "Choose a file (.json, .csv)"),
    ImportHeading => ("Impor", "Import"),
    ImportHint => (
        "Pilih berkas, seret berkas ke mana saja di halaman ini, atau tempel teks JSON. Sebelum data berubah, Anda melihat pratinjaunya.",
        "Choose a file, drop one anywhere on this page, or paste JSON text. You see a preview before anything changes."
    ),
    ImportPasteOpen => ("Tempel teks JSON", "Paste JSON text"),
    ImportPasteLabel => ("Teks dataset (JSON) atau CSV program", "Dataset text (JSON) or programs CSV"),
    ImportPasteCheck => ("Periksa", "Check"),
    ImportReadingProgress => ("Membaca {file} ({size}): {percent}", "Reading {file} ({size}): {percent}"),
    ImportChecking => ("Memeriksa {file}…", "Checking {file}…"),
    ImportAbort => ("Batalkan", "Stop"),
    ImportTooLarge => (
        "{source} berukuran {size}, melebihi batas {max}; berkas tidak dibaca. Data Anda tidak berubah.",
        "{source} is {size}, over the limit of {max}; it was not read. Your data is unchanged."
    ),
    ImportUndo => ("Urungkan impor", "Undo import"),
    ImportUndone => ("Impor diurungkan; data kembali seperti sebelum impor.", "Import undone; the data is back as it was before."),
    ImportBackupNote => (
        "Data saat ini disimpan dahulu sebagai cadangan, dan impor dapat diurungkan.",
        "The current data is kept as a backup first, and the import can be undone."
    ),
    SourceFile => ("Berkas {file}", "The file {file}"),
    SourcePasted => ("Teks yang ditempel", "The pasted text"),
    SourceLink => ("Data dari tautan berbagi", "The data from the share link"),
    DropHere => ("Lepaskan berkas untuk mengimpor", "Drop the file to import it"),
    DiffTitle => ("Perubahan jika data diganti", "What replacing the data changes"),
    DiffPrograms => (
        "Program: {added} baru, {removed} dihapus, {changed} berubah",
        "Programs: {added} added, {removed} removed, {changed} changed"
    ),
    DiffPlan => ("Rencana: berubah pada {fields}", "Plan: {fields} changed"),
    DiffAgencies => ("OPD: {added} baru, {changed} berubah", "Agencies: {added} added, {changed} changed"),
    DiffEvaluations => ("Putaran evaluasi: {added} baru, {changed} berubah", "Evaluation rounds: {added} added, {changed} changed"),
    DiffMergeResult => (
        "Jika digabung: {programs} program; {kept} program yang hanya ada di peramban ini tetap ada",
        "If merged: {programs} programs; the {kept} programs only in this browser stay"
    ),
    DiffAddedList => ("Program baru ({count})", "Programs added ({count})"),
    DiffRemovedList => ("Program yang hilang jika diganti ({count})", "Programs gone on a replace ({count})"),
    DiffChangedList => ("Program yang berubah ({count})", "Programs changed ({count})"),
    DiffMore => ("… dan {count} lainnya.", "… and {count} more."),
    ExportHeading => ("Ekspor dan berbagi", "Export and share"),
    ExportCsv => ("Ekspor CSV program", "Export programs as CSV"),
    ExportXlsx => ("Ekspor Excel (XLSX)", "Export Excel (XLSX)"),
    CsvDelimiter => ("Pemisah", "Separator"),
    CsvComma => ("koma (,)", "comma (,)"),
    CsvSemicolon => ("titik koma (;) untuk Excel berbahasa Indonesia", "semicolon (;) for Excel in Indonesian"),
    ShareLinkCreate => ("Buat tautan berbagi", "Create a share link"),
    ShareLinkLabel => ("Tautan berbagi", "Share link"),
    ShareLinkCopy => ("Salin tautan", "Copy the link"),
    ShareLinkCopied => ("Tautan disalin.", "The link was copied."),
    ShareLinkNote => (
        "Tautan ini ({chars} karakter) memuat seluruh data di bagian setelah #, yang tidak pernah dikirim ke server. Siapa pun yang memegangnya dapat membuka datanya.",
        "This link ({chars} characters) carries all the data in the part after #, which is never sent to a server. Whoever has it can open the data."
    ),
    ShareLinkTooLarge => (
        "Data terlalu besar untuk tautan ({chars} karakter; paling banyak {max}). Kirim berkas JSON sebagai gantinya.",
        "The data is too large for a link ({chars} characters; at most {max}). Send the JSON file instead."
    ),
    ShareLinkDamaged => (
        "Tautan berbagi ini rusak atau terpotong ({detail}). Data Anda tidak berubah; mintalah tautan baru atau berkasnya.",
        "This share link is damaged or cut short ({detail}). Your data is unchanged; ask for a new link or the file."
    ),
    UnexportedChanges => (
        "Data telah berubah sejak ekspor terakhir. Ekspor untuk menyimpan salinan di luar peramban.",
        "The data has changed since it was last exported. Export it to keep a copy outside the browser."
    ),
    UpdatedByOtherTab => (
        "Data diperbarui dari tab lain yang membuka halaman ini.",
        "The data was updated from another tab of this page."
    ),
    ProgramsRenamed => (
        "Program yang ditambahkan di tab ini memakai id yang sementara itu dipakai tab lain untuk program lain, sehingga keduanya disimpan dan program dari tab ini mendapat id baru: {ids}.",
        "Programs added in this tab used an id that another tab had meanwhile given to another program, so both are kept and this tab's got a new id: {ids}."
    ),
    BeyondLimits => (
        "Data yang tersimpan di peramban ini memuat nilai di luar batas yang kini berlaku (disimpan oleh versi sebelumnya). Nilai itu tetap disimpan; perbaiki di formulir program, detail rencana, atau putaran evaluasi, karena berkas yang diekspor sebelum diperbaiki akan ditolak saat diimpor:",
        "The data kept in this browser holds values outside the limits that now apply (saved by an earlier version). They are kept; mend them in the program form, the plan's details or the evaluation round, since a file exported before then is refused on import:"
    ),
    StepRefused => (
        "Langkah ini tidak dapat dilakukan karena data telah diubah di tab lain, dan hasilnya akan melanggar aturan format:",
        "This step cannot be made: the data was changed in another tab, and the result would break a rule of the format:"
    ),
    ConflictHeading => ("Tab lain mengubah data yang sama", "Another tab changed the same data"),
    ConflictExplainer => (
        "Nilai di bawah diubah di tab ini dan juga di tab lain. Data memakai nilai tab lain sampai Anda memilih; tidak ada yang ditimpa tanpa pilihan Anda.",
        "The values below were changed in this tab and in another one too. The data holds the other tab's value until you choose; nothing is overwritten without your choice."
    ),
    ConflictMine => ("Di tab ini", "In this tab"),
    ConflictTheirs => ("Di tab lain", "In the other tab"),
    ConflictKeepMine => ("Pakai nilai tab ini", "Keep mine"),
    ConflictKeepTheirs => ("Pakai nilai tab lain", "Keep theirs"),
    ConflictKeepAllMine => ("Pakai semua nilai tab ini", "Keep all mine"),
    ConflictKeepAllTheirs => ("Pakai semua nilai tab lain", "Keep all theirs"),
    ConflictDeleted => ("(dihapus)", "(deleted)"),
    ConflictCannotKeep => (
        "Nilai tab ini tidak dapat dipakai lagi: datanya sudah tidak ada atau nilainya tidak cocok lagi.",
        "This tab's value can no longer be kept: the record is gone, or the value no longer fits it."
    ),
    ConflictEmpty => ("(kosong)", "(empty)"),
    ConflictWholeRecord => ("seluruh isi", "the whole record"),
    ConflictKept => ("(dipertahankan)", "(kept)"),
    RecordPlan => ("Rencana induk", "Master plan"),
    ChangeField => ("{record} · {field}: {from} → {to}", "{record} · {field}: {from} → {to}"),
    ChangeFields => ("{record}: {fields} diubah.", "{record}: {fields} changed."),
    ChangeAdded => ("{record} ditambahkan.", "{record} added."),
    ChangeDeleted => ("{record} dihapus.", "{record} deleted."),
    ChangeSameValue => ("{records} · {values}", "{records} · {values}"),
    ChangeCounted => ("{parts}.", "{parts}."),
    ChangeCountAdded => ("{records} ditambahkan", "{records} added"),
    ChangeCountChanged => ("{records} diubah", "{records} changed"),
    ChangeCountDeleted => ("{records} dihapus", "{records} deleted"),
    ChangeNothing => ("Tidak ada yang berubah.", "Nothing changed."),
    ChangeOther => ("Batas wilayah dan data lain dalam berkas diubah.", "The boundaries and other data of the file changed."),
    ChangeExampleOpened => ("Data contoh dibuka.", "The example opened."),
    ChangeOwnPlan => ("Rencana sendiri dimulai.", "A plan of one's own started."),
    ChangeLoaded => ("Data dari «{file}» dimuat.", "Data from “{file}” loaded."),
    ChangeUndone => ("Dibatalkan: {what}", "Undone: {what}"),
    ChangeRedone => ("Diulang: {what}", "Redone: {what}"),
    RecordAgency => ("OPD {name}", "Agency {name}"),
    RecordProgram => ("Program {id} «{name}»", "Program {id} “{name}”"),
    RecordRound => ("Putaran evaluasi «{label}»", "Evaluation round “{label}”"),
    RecordOther => ("Data lain dalam berkas", "Other data of the file"),
    NoRoomForBackup => (
        "Peramban tidak punya ruang untuk menyimpan cadangan data saat ini sebelum data itu diganti.",
        "The browser has no room to keep a backup of the current data before it is replaced."
    ),
    NoRoomForBackupHint => (
        "Unduh data saat ini terlebih dahulu, lalu lanjutkan tanpa cadangan; atau batalkan. Data Anda belum berubah.",
        "Download the current data first, then go on without a backup; or cancel. Your data has not changed."
    ),
    NoRoomGoOn => ("Lanjutkan tanpa cadangan", "Go on without a backup"),
    RoomHeading => ("Penyimpanan di peramban ini", "Storage in this browser"),
    RoomUsed => (
        "Aplikasi memakai {used} dari sekitar {limit} yang diberikan peramban untuk localStorage ({share}).",
        "The app uses {used} of the about {limit} the browser gives localStorage ({share})."
    ),
    RoomEstimate => (
        "Menurut peramban, situs ini memakai {usage} dari {quota} yang tersedia baginya.",
        "The browser estimates that this site uses {usage} of the {quota} available to it."
    ),
    PersistAsking => (
        "Meminta peramban menyimpan data ini secara permanen…",
        "Asking the browser to keep this data for good…"
    ),
    PersistGranted => (
        "Peramban setuju menyimpan data ini secara permanen: data tidak dihapus saat ruang disk menipis.",
        "The browser agreed to keep this data for good: it is not cleared when disk space runs low."
    ),
    PersistRefused => (
        "Peramban tidak menyetujui penyimpanan permanen: data ini dapat dihapus saat ruang disk menipis. Ekspor secara berkala.",
        "The browser did not agree to keep this data for good: it may be cleared when disk space runs low. Export regularly."
    ),
    PersistUnsupported => (
        "Peramban ini tidak dapat diminta menyimpan data secara permanen. Ekspor secara berkala.",
        "This browser cannot be asked to keep data for good. Export regularly."
    ),
    PersistNotAsked => (
        "Selama data masih contoh bawaan, peramban belum diminta menyimpannya secara permanen.",
        "While the data is the built-in example, the browser is not asked to keep it for good."
    ),
    SetAsideHeading => ("Data tersimpan yang tidak dapat dibaca", "Stored data that could not be read"),
    SetAsideExplainer => (
        "Data ini ditemukan di peramban tetapi tidak dapat dibaca oleh versi aplikasi ini. Data disimpan apa adanya, tidak pernah ditimpa, dan dapat diunduh.",
        "This data was found in the browser but this version of the app cannot read it. It is kept as it was, never overwritten, and can be downloaded."
    ),
    SetAsideItem => ("Disisihkan {date} · {size}", "Set aside {date} · {size}"),
    SetAsideFileWord => ("data-tak-terbaca", "unreadable-data"),
    PostponedHeading => ("Program yang ditunda ({count})", "Postponed programs ({count})"),
    ViewsLabel => ("Tampilan", "Views"),
    ViewOverview => ("Ringkasan dan data", "Overview and data"),
    ViewRegister => ("Daftar program", "Program register"),
    Undo => ("Urungkan", "Undo"),
    Redo => ("Ulangi", "Redo"),
    UndoHint => ("Urungkan perubahan terakhir (Ctrl+Z)", "Undo the last change (Ctrl+Z)"),
    RedoHint => ("Ulangi perubahan (Ctrl+Shift+Z)", "Redo the change (Ctrl+Shift+Z)"),
    RegisterHeading => ("Daftar program", "Program register"),
    RegisterShown => ("Menampilkan {shown} dari {total}", "Showing {shown} of {total}"),
    RegisterSearch => ("Cari", "Search"),
    RegisterSearchHint => ("nama, id, aplikasi, OPD, catatan", "name, id, application, agency, notes"),
    SelectAllShown => ("Pilih semua yang ditampilkan", "Select all shown"),
    RegisterEmpty => ("Tidak ada program yang cocok.", "No program matches."),
    FilterAll => ("Semua", "All"),
    FilterPostponed => ("Ditunda", "Postponed"),
    FiltersClear => ("Hapus semua filter", "Clear all filters"),
    NoAgency => ("(tanpa OPD)", "(no agency)"),
    NotSet => ("(tidak diisi)", "(not set)"),
    SelectRow => ("Pilih", "Select"),
    ProgramAdd => ("Tambah program", "Add a program"),
    ProgramEdit => ("Ubah program", "Edit the program"),
    Save => ("Simpan", "Save"),
    Delete => ("Hapus", "Delete"),
    DeleteConfirm => ("Hapus program ini? Dapat diurungkan.", "Delete this program? It can be undone."),
    Duplicate => ("Gandakan", "Duplicate"),
    CopySuffix => ("salinan", "copy"),
    BulkHeading => ("Ubah beberapa program", "Change several programs"),
    BulkSelected => ("{programs} dipilih", "{programs} selected"),
    BulkSetStatus => ("Ubah status", "Set status"),
    BulkSetAgency => ("Ubah OPD", "Set agency"),
    BulkSetDimension => ("Ubah dimensi", "Set dimension"),
    BulkDeleteConfirm => ("Hapus {programs}? Dapat diurungkan.", "Delete {programs}? It can be undone."),
    BulkClear => ("Batalkan pilihan", "Clear the selection"),
    BulkApply => ("Terapkan", "Apply"),
    RegisterColumns => ("Kolom", "Columns"),
    ChartBudgetDimensionTitle => ("Anggaran terealisasi dari rencana, per dimensi", "Budget realised against planned, per dimension"),
    ChartBudgetAgencyTitle => ("Anggaran terealisasi dari rencana, per OPD", "Budget realised against planned, per agency"),
    ChartBudgetAxis => ("Anggaran (Rp)", "Budget (Rp)"),
    BudgetRealized => ("Terealisasi", "Realised"),
    BudgetLeft => ("Sisa rencana", "Planned, not yet spent"),
    BudgetOver => ("Melebihi rencana", "Beyond the plan"),
    BudgetRealizedShare => ("Realisasi", "Realised share"),
    NoBudget => ("(tanpa anggaran)", "(no budget)"),
    CityWideNote => ("{title} · seluruh kota, tanpa saringan", "{title} · city-wide, not filtered"),
    RegisterColumnsHint => ("Kolom yang ditampilkan selain ID, nama, dan status", "Columns shown besides the id, name and status"),
    BulkWillChange => ("{programs} akan diubah", "{programs} will change"),
    BulkNothingToChange => ("Program terpilih sudah bernilai ini.", "The selected programs already have these values."),
    BulkChooseValue => ("Pilih nilai baru.", "Choose a new value."),
    AgenciesHeading => ("OPD (organisasi perangkat daerah)", "Agencies (OPD)"),
    AgencyNew => ("Nama OPD baru", "New agency's name"),
    AgencyAdd => ("Tambah OPD", "Add the agency"),
    AgencyRename => ("Nama OPD", "Agency's name"),
    AgencyShortName => ("Singkatan", "Short name"),
    AgencyShortNameExample => ("mis. Diskominfo", "e.g. Diskominfo"),
    FieldAgencyShortName => ("Singkatan OPD", "Agency short name"),
    AgencyMergeInto => ("Gabungkan ke / pindahkan program ke…", "Merge into / move programs to…"),
    AgencyMerge => ("Gabungkan", "Merge"),
    AgencyInUse => (
        "OPD ini masih dipakai program; pilih dahulu ke mana programnya dipindahkan.",
        "This agency still has programs; choose first where they go."
    ),
    PlanHeading => ("Rincian rencana", "Plan details"),
    BackupsHeading => ("Cadangan", "Backups"),
    BackupsExplainer => (
        "Sebelum setiap impor atau pemulihan, data disimpan sebagai cadangan di peramban ini ({count} terakhir).",
        "Before every import or restore the data is kept as a backup in this browser (the last {count})."
    ),
    BackupsEmpty => ("Belum ada cadangan.", "No backups yet."),
    BackupTaken => ("Waktu", "Taken"),
    BackupReason => ("Sebab", "Why"),
    BackupActions => ("Tindakan", "Actions"),
    BackupBeforeImport => ("sebelum impor: {file}", "before importing {file}"),
    BackupBeforePastedImport => ("sebelum impor teks yang ditempel", "before importing pasted text"),
    BackupBeforeLinkImport => ("sebelum impor dari tautan berbagi", "before importing a share link"),
    BackupBeforeRestore => ("sebelum pemulihan cadangan", "before restoring a backup"),
    BackupBeforeNewPlan => ("sebelum memulai rencana baru", "before starting a new plan"),
    BackupBeforeExample => ("sebelum membuka contoh bawaan", "before opening the built-in example"),
    StartHeading => ("Mulai", "Get started"),
    StartExplainer => (
        "Pemantau ini dibuka dengan contoh Kota Tanjungpinang. Jelajahi contohnya, mulai rencana kota Anda sendiri, atau buka berkas dari rekan.",
        "This tracker opens with the example of Kota Tanjungpinang. Explore the example, start your own city's plan, or open a colleague's file."
    ),
    StartExample => ("Jelajahi contoh Tanjungpinang", "Explore the Tanjungpinang example"),
    StartNewPlan => ("Mulai rencana kota saya", "Start my city's plan"),
    StartOpenFile => ("Buka berkas", "Open a file"),
    StartAgain => ("Mulai rencana lain, atau kembali ke contoh", "Start another plan, or go back to the example"),
    NewPlanHeading => ("Rencana baru", "A new plan"),
    NewPlanHint => (
        "Rencana baru dimulai kosong, dengan enam dimensi smart city. Data saat ini disimpan dulu sebagai cadangan dan dapat dipulihkan, atau diurungkan.",
        "A new plan starts empty, with the six smart-city dimensions. The current data is kept as a backup first, and can be restored, or the step undone."
    ),
    NewPlanCreate => ("Buat rencana", "Create the plan"),
    NewPlanStarted => (
        "Rencana {city} dimulai. Data sebelumnya disimpan sebagai cadangan.",
        "The plan of {city} is started. The data before it is kept as a backup."
    ),
    ExampleOpened => (
        "Contoh Kota Tanjungpinang dibuka. Data sebelumnya disimpan sebagai cadangan.",
        "The example of Kota Tanjungpinang is open. The data before it is kept as a backup."
    ),
    ExampleUnavailable => (
        "Contoh Kota Tanjungpinang tidak dapat dimuat ({detail}). Periksa sambungan, lalu coba lagi dengan tombol contoh.",
        "The example of Kota Tanjungpinang could not be loaded ({detail}). Check the connection, then try again with the example button."
    ),
    ExampleNoAnswer => ("tidak ada jawaban", "no answer"),
    ExampleNotTheFile => ("berkasnya bukan contoh yang dapat dibaca", "the file is not a readable example"),
    ExampleNoBootScript => ("halaman dibuka tanpa boot.js", "the page was opened without boot.js"),
    NotAYear => ("bukan tahun (mis. 2021)", "not a year (e.g. 2021)"),
    NextStepsHeading => ("Langkah berikutnya", "What to do next"),
    NextStepsExplainer => (
        "Rencana ini belum berisi program. Enam dimensi sudah siap: {dimensions}.",
        "This plan has no programs yet. The six dimensions are ready: {dimensions}."
    ),
    NextAddProgram => ("Tambah program pertama", "Add the first program"),
    NextFillTemplate => ("Isi templat spreadsheet, lalu impor", "Fill in the spreadsheet template, then import it"),
    NextOpenFile => ("Buka berkas dari rekan", "Open a colleague's file"),
    BackupRestore => ("Pulihkan", "Restore"),
    BackupDownload => ("Unduh", "Download"),
    BackupFileWord => ("cadangan", "backup"),
    BackupUnreadable => ("Cadangan ini tidak dapat dibaca: {detail}", "This backup could not be read: {detail}"),
    BackupRestored => (
        "Cadangan dari {date} dipulihkan; data sebelumnya disimpan sebagai cadangan.",
        "The backup of {date} was restored; the data before it was kept as a backup."
    ),
    BackupsTrimmed => (
        "Ruang peramban terbatas: {count} cadangan tertua dihapus agar data tetap tersimpan.",
        "The browser's room is limited: the {count} oldest backups were let go so the data stays saved."
    ),
    BackupsNotKept => (
        "Cadangan tidak dapat disimpan di peramban ini. Ekspor data Anda sebelum mengimpor data lain.",
        "No backup could be kept in this browser. Export your data before importing other data."
    ),
    ExportJson => ("Ekspor JSON", "Export JSON"),
    ImportPreviewTitle => ("Pratinjau impor", "Import preview"),
    ImportPreviewIncoming => ("Isi berkas: {city}, {programs} program", "In the file: {city}, {programs} programs"),
    ImportPreviewCurrent => ("Data saat ini: {city}, {programs} program", "Current data: {city}, {programs} programs"),
    ImportWarningsTitle => ("Perlu diperhatikan", "Worth a look"),
    ImportReplace => ("Ganti seluruh data", "Replace all data"),
    ImportMerge => ("Gabungkan per id program", "Merge by program id"),
    ImportCancel => ("Batal", "Cancel"),
    ImportReplaced => ("Data diganti dengan {source}.", "The data was replaced by {source}."),
    ImportMerged => ("{source} digabungkan ke data.", "{source} was merged into the data."),
    ImportCancelled => ("Impor dibatalkan; data tidak berubah.", "Import cancelled; the data is unchanged."),
    ImportRefused => ("{source} ditolak. Data Anda tidak berubah.", "{source} was refused. Your data is unchanged."),
    ImportUnreadable => ("{source} tidak dapat dibaca: {detail}", "{source} could not be read: {detail}"),
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
        "Data di peramban ini ditulis oleh versi aplikasi yang lebih baru (penyimpanan versi {found}). Halaman ini tidak menimpanya dan tidak menyimpan apa pun: muat ulang halaman untuk memakai versi baru; ekspor dulu perubahan di sini.",
        "The data in this browser was written by a newer version of the app (storage version {found}). This page does not overwrite it and saves nothing: reload the page to use the newer version; export what you changed here first."
    ),
    StorageNotCombined => (
        "Perubahan di tab ini tidak dapat digabungkan dengan data yang disimpan tab lain tanpa melanggar aturan format ({detail}). Perubahan tetap ditampilkan tetapi BELUM tersimpan: ekspor data ini, lalu muat ulang halaman.",
        "This tab's changes could not be combined with the data another tab saved without breaking a rule of the format ({detail}). They stay on screen but are NOT saved: export this data, then reload the page."
    ),
    UpdateAvailable => (
        "Versi baru aplikasi sudah tersedia. Data Anda tetap di peramban ini.",
        "A new version of the app is available. Your data stays in this browser."
    ),
    UpdateReload => ("Muat ulang ke versi baru", "Reload into the new version"),
    AppNotLoaded => (
        "Sisa aplikasi tidak dapat dimuat, jadi halaman ini belum dapat diubah. Periksa sambungan, lalu muat ulang halaman. Data Anda tetap tersimpan di peramban ini.",
        "The rest of the app could not be loaded, so this page cannot be changed yet. Check the connection, then reload the page. Your data stays kept in this browser."
    ),
    ReloadPage => ("Muat ulang halaman", "Reload the page"),
    UpdateWaitsForSave => (
        "Halaman belum dimuat ulang: ada perubahan yang belum tersimpan atau pilihan yang menunggu. Selesaikan pesan di atas dulu, lalu coba lagi.",
        "The page was not reloaded: a change is not saved yet or a choice is waiting. Settle the message above first, then try again."
    ),
    FooterPrivacy => (
        "Semua data tetap di peramban Anda; tidak ada yang dikirim ke server.",
        "All data stays in your browser; nothing is sent to a server."
    ),
    PlaceWholeFile => ("berkas", "file"),
    PlaceProgram => ("Program ke-{n}", "Program {n}"),
    PlaceAgency => ("OPD ke-{n}", "Agency {n}"),
    PlaceRound => ("Putaran evaluasi ke-{n}", "Evaluation round {n}"),
    DatePattern => ("HH/BB/TTTT", "DD/MM/YYYY"),
    DateNotADate => ("«{typed}» bukan tanggal; tulis seperti {pattern}, misalnya 28/11/2026.", "“{typed}” is not a date; write it as {pattern}, for example 28/11/2026."),
    DateNoSuchDay => ("{typed} tidak ada di kalender.", "{typed} is not a day of the calendar."),
    PlaceSheet => ("lembar \"{sheet}\",", "sheet \"{sheet}\","),
    ProblemNotWorkbook => (
        "bukan buku kerja XLSX yang dapat dibaca. Simpan berkas sebagai Buku Kerja Excel (.xlsx) atau CSV, lalu coba lagi.",
        "not an XLSX workbook this app can read. Save the file as an Excel Workbook (.xlsx) or as CSV, then try again."
    ),
    SheetAgencies => ("OPD", "Agencies"),
    AgencyNameHead => ("Nama OPD", "Agency name"),
    StepUndo => ("Urungkan", "Undo"),
    StepUndone => ("Diurungkan; data kembali seperti sebelumnya.", "Undone; the data is back as it was before."),
    TemplateTitle => ("Templat program kerja Masterplan Smart City", "Smart City Master Plan work programs template"),
    TemplateStepRows => (
        "1. Isi satu baris per program di lembar \"{programs}\". Kolom ID, Nama program, Dimensi dan Status wajib diisi; ID tidak boleh kembar.",
        "1. Fill in one row per program on the sheet \"{programs}\". ID, Program name, Dimension and Status are required; no two programs share an ID."
    ),
    TemplateStepLists => (
        "2. Dimensi, subdimensi, status, jangka waktu, OPD dan Ya/Tidak dipilih dari daftar pada selnya (panah di sisi sel).",
        "2. Dimension, sub-dimension, status, horizon, agency and Yes/No are chosen from the list in their cells (the arrow beside the cell)."
    ),
    TemplateStepAgencies => (
        "3. OPD ada di lembar \"{agencies}\": tambahkan OPD baru di sana (ID boleh dikosongkan), lalu pilih namanya di lembar program.",
        "3. The agencies are on the sheet \"{agencies}\": add new ones there (the ID may stay empty), then choose their names on the programs sheet."
    ),
    TemplateStepValues => (
        "4. Beberapa aplikasi atau bukti dipisahkan titik koma (;). Tahun ditulis empat angka; progres 0 sampai 100; anggaran dalam rupiah tanpa pemisah.",
        "4. Several applications or pieces of evidence are separated by semicolons (;). Years have four digits; progress is 0 to 100; budgets in rupiah without separators."
    ),
    TemplateStepImport => (
        "5. Simpan sebagai .xlsx, lalu buka di Pemantau (Ringkasan dan data, Impor berkas). Periksa pratinjaunya, lalu pilih Ganti atau Gabungkan.",
        "5. Save as .xlsx, then open it in the tracker (Overview and data, Import a file). Check the preview, then choose Replace or Merge."
    ),
    TemplateExample => ("Contoh baris:", "An example row:"),
    TemplateFileName => ("templat-program-masterplan", "masterplan-programs-template"),
    TemplatesHeading => ("Templat spreadsheet", "Spreadsheet template"),
    TemplatesHint => (
        "Isi program kota Anda di Excel atau LibreOffice, lalu impor berkasnya di sini. Kolom berjudul bahasa Indonesia atau Inggris, dan nilai seperti yang tampil di halaman ini, dibaca semua.",
        "Fill in your city's programs in Excel or LibreOffice, then import the file here. Column heads in Indonesian or English, and values as this page shows them, are all read."
    ),
    TemplateXlsx => ("Templat Excel (.xlsx)", "Excel template (.xlsx)"),
    TemplateCsv => ("Templat CSV", "CSV template"),
    TemplateExampleName => ("Perizinan daring terpadu", "Integrated online permits"),
    TemplateExampleAgency => ("Dinas Komunikasi dan Informatika", "Dinas Komunikasi dan Informatika"),
    SheetLists => ("Daftar", "Lists"),
    SheetInstructions => ("Petunjuk", "Instructions"),
    PlaceCell => ("baris {row}, kolom \"{column}\" ({path})", "row {row}, column \"{column}\" ({path})"),
    ProblemMissingColumn => (
        "kolom \"{column}\" tidak ada; setiap program memerlukannya.",
        "there is no column \"{column}\"; every program needs one."
    ),
    ProblemNotCsv => ("bukan CSV yang dapat dibaca (baris {line}).", "not readable CSV (line {line})."),
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
    ProblemTooLong => ("terlalu panjang: {chars} karakter, paling banyak {max}.", "too long: {chars} characters, at most {max}."),
    ProblemYearOutOfRange => (
        "tahun {year} di luar rentang {first} sampai {last}.",
        "the year {year} is outside {first} to {last}."
    ),
    ProblemScaleNotPositive => ("skala {found} harus lebih dari nol.", "a scale of {found} must be above zero."),
    ProblemAboveScale => ("nilai {found} melebihi skala penilaian (0–{max}).", "a score of {found} is above the round's scale (0–{max})."),
    FieldScaleMax => ("Skala maksimum", "Scale maximum"),
    ScaleNotStated => ("tidak dinyatakan", "not stated"),
    ScaleStated => ("skala 0–{max}", "scale 0–{max}"),
    ReportScoresHeading => ("Nilai, bobot, dan kontribusi pada indeks", "Scores, weights and contributions to the index"),
    ReportScoresEmpty => ("Belum ada putaran evaluasi yang dinilai.", "No evaluation round has been scored yet."),
    ReportEvidenceHeading => ("Bukti per program", "Evidence per program"),
    ReportEvidenceEmpty => ("Belum ada bukti yang dicatat untuk program mana pun.", "No evidence has been recorded for any program yet."),
    ReportBudgetHeading => ("Anggaran: rencana dan realisasi", "Budget: planned and realised"),
    AspectHead => ("Aspek", "Aspect"),
    ContributionHead => ("Kontribusi pada indeks", "Contribution to the index"),
    DefaultWeightsNote => ("Putaran ini tidak menyatakan bobot; bobot bawaan yang dipakai.", "This round states no weights; the default weights count."),
    IndexAxisScale => ("Indeks (skala 0–{max})", "Index (scale 0–{max})"),
    IndexAxisNoScale => ("Indeks (skala tidak dinyatakan)", "Index (scale not stated)"),
    ProblemNegative => ("{found} kurang dari nol; nilai dan bobot tidak boleh negatif.", "{found} is below zero; scores and weights cannot be negative."),
    ProblemTooManyPrograms => (
        "{count} program; satu data memuat paling banyak {max} program.",
        "{count} programs; a dataset holds at most {max} programs."
    ),
    ProblemDuplicateId => ("id \"{id}\" dipakai lebih dari sekali.", "the id \"{id}\" is used more than once."),
    ProblemOutOfRange => ("{value} di luar rentang {min} sampai {max}.", "{value} is outside the range {min} to {max}."),
    ProblemBelowMinimum => ("{value} kurang dari {min}.", "{value} is below {min}."),
    ProblemSubdimensionOfOtherDimension => (
        "subdimensi \"{subdimension}\" termasuk {belongs}, bukan {dimension}.",
        "the sub-dimension \"{subdimension}\" belongs to {belongs}, not to {dimension}."
    ),
    ProblemYearsReversed => ("tahun {end} lebih awal dari tahun mulai {start}.", "the year {end} is before the start year {start}."),
    ProblemNotADate => ("\"{found}\" bukan tanggal TTTT-BB-HH.", "\"{found}\" is not a date YYYY-MM-DD."),
    ProblemUnknownRegion => (
        "\"{code}\" bukan kode wilayah dalam batas wilayah data ini.",
        "\"{code}\" is not the code of a region in this dataset's boundaries."
    ),
    ProblemNoShape => ("tidak berisi bentuk wilayah (poligon).", "holds no shape (polygon)."),
    ProblemRingTooShort => (
        "batas poligon hanya {positions} titik; paling sedikit 4 (tiga sudut dan titik pertama lagi).",
        "a polygon ring of only {positions} positions; at least 4 (three corners and the first again)."
    ),
    ProblemRingNotClosed => (
        "batas poligon tidak tertutup: titik terakhir harus sama dengan titik pertama.",
        "the polygon ring is not closed: its last position must be its first."
    ),
    ProblemNotLonLat => (
        "{found} bukan bujur dan lintang (WGS84); simpan berkas dengan sistem koordinat EPSG:4326.",
        "{found} is not longitude and latitude (WGS84); save the file in the EPSG:4326 coordinate system."
    ),
    ProblemTooManyPositions => (
        "{count} titik koordinat; paling banyak {max}. Sederhanakan batas wilayah di aplikasi SIG lebih dahulu.",
        "{count} coordinate positions; at most {max}. Simplify the boundaries in a GIS tool first."
    ),
    ProblemNotFeatureCollection => (
        "bukan GeoJSON FeatureCollection (berkas batas wilayah berisi daftar \"features\").",
        "not a GeoJSON FeatureCollection (a boundaries file holds a list of \"features\")."
    ),
    WarningUnknownAgency => ("OPD \"{agency}\" tidak ada dalam daftar OPD.", "the agency \"{agency}\" is not in the list of agencies."),
    WarningWeightsSum => (
        "bobot berjumlah {sum}, bukan 100: indeks pencapaian putaran ini tidak dapat dihitung sampai bobotnya diperbaiki.",
        "the weights add up to {sum}, not 100: this round's achievement index cannot be computed until they are mended."
    ),
    WarningStatusOfUnknownProgram => (
        "status untuk program \"{program}\" yang tidak ada.",
        "a status for the program \"{program}\", which does not exist."
    ),
}
