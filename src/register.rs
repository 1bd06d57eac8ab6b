//! The program register's view of the data: search (blind to case and diacritics), filters and sort, and
//! their form as address parameters, so that a filtered view can be bookmarked or sent to a colleague.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::format::{
    Dataset, Dimension, Horizon, Program, Status, SubDimension, from_code, from_yes_no_code, yes_no_code,
};

/// A register column that can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Id,
    Name,
    Dimension,
    Subdimension,
    Agency,
    Status,
    QuickWin,
    Horizon,
    TargetYear,
    Progress,
    PostponedTo,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Id,
        Column::Name,
        Column::Dimension,
        Column::Subdimension,
        Column::Agency,
        Column::Status,
        Column::QuickWin,
        Column::Horizon,
        Column::TargetYear,
        Column::Progress,
        Column::PostponedTo,
    ];

    /// The field's name in the format, also the column's name in the address.
    pub fn code(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Dimension => "dimension",
            Column::Subdimension => "subdimension",
            Column::Agency => "agency",
            Column::Status => "status",
            Column::QuickWin => "quick_win",
            Column::Horizon => "horizon",
            Column::TargetYear => "target_year",
            Column::Progress => "progress",
            Column::PostponedTo => "postponed_to",
        }
    }

    fn from_code(code: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A column the user may hide or show; the id, the name and the status (the column edited in place) are
/// always shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Optional {
    Dimension,
    Subdimension,
    Agency,
    QuickWin,
    Horizon,
    TargetYear,
    Progress,
    PostponedTo,
    Locations,
}

impl Optional {
    /// In the order the table shows them.
    pub const ALL: [Optional; 9] = [
        Optional::Dimension,
        Optional::Subdimension,
        Optional::Agency,
        Optional::QuickWin,
        Optional::Horizon,
        Optional::TargetYear,
        Optional::Progress,
        Optional::PostponedTo,
        Optional::Locations,
    ];

    /// The field's name in the format (the sorted column's), also how the choice is remembered.
    pub fn code(self) -> &'static str {
        self.sorted_by().map_or("locations", Column::code)
    }

    pub fn from_code(code: &str) -> Option<Optional> {
        Optional::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The column to sort by when its header is clicked; the locations are not sorted.
    pub fn sorted_by(self) -> Option<Column> {
        Some(match self {
            Optional::Dimension => Column::Dimension,
            Optional::Subdimension => Column::Subdimension,
            Optional::Agency => Column::Agency,
            Optional::QuickWin => Column::QuickWin,
            Optional::Horizon => Column::Horizon,
            Optional::TargetYear => Column::TargetYear,
            Optional::Progress => Column::Progress,
            Optional::PostponedTo => Column::PostponedTo,
            Optional::Locations => return None,
        })
    }
}

/// The optional columns the register shows, in the table's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownColumns(Vec<Optional>);

impl Default for ShownColumns {
    /// What fits a 1366 px laptop beside the id, the name and the status.
    fn default() -> Self {
        ShownColumns(vec![Optional::Dimension, Optional::Agency, Optional::Progress])
    }
}

impl ShownColumns {
    pub fn shows(&self, column: Optional) -> bool {
        self.0.contains(&column)
    }

    /// With `column` shown or hidden; the table's order is kept.
    pub fn with(&self, column: Optional, shown: bool) -> ShownColumns {
        ShownColumns(Optional::ALL.into_iter().filter(|c| if *c == column { shown } else { self.shows(*c) }).collect())
    }

    pub fn iter(&self) -> impl Iterator<Item = Optional> + '_ {
        self.0.iter().copied()
    }

    /// As remembered: the codes; codes this version does not know (a later one's columns) are skipped.
    pub fn from_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> ShownColumns {
        let chosen: HashSet<Optional> = codes.into_iter().filter_map(Optional::from_code).collect();
        ShownColumns(Optional::ALL.into_iter().filter(|c| chosen.contains(c)).collect())
    }

    pub fn codes(&self) -> Vec<String> {
        self.0.iter().map(|c| c.code().to_owned()).collect()
    }
}

/// What the register shows: a search, filters (each `None` when not filtering) and a sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegisterQuery {
    pub search: String,
    pub dimension: Option<Dimension>,
    pub subdimension: Option<SubDimension>,
    pub status: Option<Status>,
    /// An agency id, or `NO_AGENCY` for programs without one.
    pub agency: Option<String>,
    pub quick_win: Option<bool>,
    pub horizon: Option<Horizon>,
    pub target_year: Option<i32>,
    pub postponed: Option<bool>,
    pub rpjmd: Option<bool>,
    pub renstra: Option<bool>,
    /// A region's code (its kelurahan included), or `CITY_WIDE` for programs without a location.
    pub region: Option<String>,
    pub sort: Column,
    pub descending: bool,
}

/// The agency filter's value for programs that have no agency.
pub const NO_AGENCY: &str = "-";

/// The region filter's value for city-wide programs (no location).
pub const CITY_WIDE: &str = "-";

impl RegisterQuery {
    /// From the address's parameters; unknown or malformed ones are ignored.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> RegisterQuery {
        let mut query = RegisterQuery::default();
        for (key, value) in params {
            match key {
                "q" => query.search = value.to_owned(),
                "dimension" => query.dimension = from_code(value),
                "subdimension" => query.subdimension = from_code(value),
                "status" => query.status = from_code(value),
                "agency" if !value.is_empty() => query.agency = Some(value.to_owned()),
                "quick_win" => query.quick_win = from_yes_no_code(value),
                "horizon" => query.horizon = from_code(value),
                "target_year" => query.target_year = value.parse().ok(),
                "postponed" => query.postponed = from_yes_no_code(value),
                "rpjmd" => query.rpjmd = from_yes_no_code(value),
                "renstra" => query.renstra = from_yes_no_code(value),
                "region" if !value.is_empty() => query.region = Some(value.to_owned()),
                "sort" => query.sort = Column::from_code(value).unwrap_or_default(),
                "dir" => query.descending = value == "desc",
                _ => {}
            }
        }
        query
    }

    /// The address parameters that say this query; defaults are left out.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if !self.search.is_empty() {
            params.push(("q", self.search.clone()));
        }
        if let Some(d) = &self.dimension {
            params.push(("dimension", d.code().to_owned()));
        }
        if let Some(s) = &self.subdimension {
            params.push(("subdimension", s.code().to_owned()));
        }
        if let Some(s) = &self.status {
            params.push(("status", s.code().to_owned()));
        }
        if let Some(a) = &self.agency {
            params.push(("agency", a.clone()));
        }
        for (key, value) in [
            ("quick_win", self.quick_win),
            ("postponed", self.postponed),
            ("rpjmd", self.rpjmd),
            ("renstra", self.renstra),
        ] {
            if value.is_some() {
                params.push((key, yes_no_code(value).to_owned()));
            }
        }
        if let Some(r) = &self.region {
            params.push(("region", r.clone()));
        }
        if let Some(h) = &self.horizon {
            params.push(("horizon", h.code().to_owned()));
        }
        if let Some(y) = self.target_year {
            params.push(("target_year", y.to_string()));
        }
        if self.sort != Column::default() {
            params.push(("sort", self.sort.code().to_owned()));
        }
        if self.descending {
            params.push(("dir", "desc".to_owned()));
        }
        params
    }

    pub fn is_filtering(&self) -> bool {
        RegisterQuery { sort: self.sort, descending: self.descending, ..RegisterQuery::default() } != *self
    }

    /// The locations the region filter keeps: the region's code and its kelurahan's.
    fn region_codes(&self, dataset: &Dataset) -> Option<HashSet<String>> {
        let region = self.region.as_deref().filter(|r| *r != CITY_WIDE)?;
        Some(match &dataset.regions {
            Some(regions) => crate::geo::RegionIndex::of(regions).codes_within(region),
            None => HashSet::from([region.to_owned()]),
        })
    }

    fn matches(&self, program: &Program, haystack: &str, needle: &str, within: Option<&HashSet<String>>) -> bool {
        (needle.is_empty() || haystack.contains(needle))
            && match (self.region.as_deref(), within) {
                (Some(CITY_WIDE), _) => program.locations.is_empty(),
                (_, Some(codes)) => program.locations.iter().any(|l| codes.contains(l)),
                _ => true,
            }
            && self.dimension.is_none_or(|d| program.dimension == d)
            && self.subdimension.is_none_or(|s| program.subdimension == Some(s))
            && self.status.is_none_or(|s| program.status == s)
            && self.agency.as_deref().is_none_or(|a| {
                if a == NO_AGENCY { program.agency.is_none() } else { program.agency.as_deref() == Some(a) }
            })
            && self.quick_win.is_none_or(|q| program.quick_win == q)
            && self.horizon.is_none_or(|h| program.horizon == Some(h))
            && self.target_year.is_none_or(|y| program.target_year == Some(y))
            && self.postponed.is_none_or(|p| program.postponed_to.is_some() == p)
            && self.rpjmd.is_none_or(|r| program.rpjmd.unwrap_or(false) == r)
            && self.renstra.is_none_or(|r| program.renstra.unwrap_or(false) == r)
    }
}

/// What a search looks through, per program, folded once per change of the data rather than per keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex(Vec<String>);

impl SearchIndex {
    pub fn of(dataset: &Dataset) -> SearchIndex {
        SearchIndex(dataset.programs.iter().map(|p| Self::entry(dataset, p)).collect())
    }

    /// Reads again the programs at these places, whose contents changed (not their places): an edit of
    /// one program of 20 000 folds one text, not 20 000.
    pub fn update(&mut self, dataset: &Dataset, places: &[usize]) {
        for &at in places {
            if let (Some(entry), Some(program)) = (self.0.get_mut(at), dataset.programs.get(at)) {
                *entry = Self::entry(dataset, program);
            }
        }
    }

    fn entry(dataset: &Dataset, p: &Program) -> String {
        let agency_name = p.agency.as_deref().and_then(|id| dataset.agency(id)).map(|a| a.name.as_str());
        let parts = [
            Some(p.name.as_str()),
            Some(p.id.as_str()),
            p.agency.as_deref(),
            agency_name,
            p.notes.as_deref(),
            p.delay_reason.as_deref(),
        ];
        let mut text: String = parts.into_iter().flatten().collect::<Vec<_>>().join("\u{1f}");
        for app in &p.apps {
            text.push('\u{1f}');
            text.push_str(app);
        }
        fold(&text)
    }
}

/// The positions of the programs the query shows, in its order.
pub fn shown(dataset: &Dataset, index: &SearchIndex, query: &RegisterQuery) -> Vec<usize> {
    let needle = fold(query.search.trim());
    let within = query.region_codes(dataset);
    let mut rows: Vec<usize> = dataset
        .programs
        .iter()
        .enumerate()
        .filter(|(i, p)| query.matches(p, index.0.get(*i).map_or("", String::as_str), &needle, within.as_ref()))
        .map(|(i, _)| i)
        .collect();
    let programs = &dataset.programs;
    // Text keys are folded once per row, not once per comparison: sorting 20 000 names stays quick.
    let keys: Vec<String> = match query.sort {
        Column::Name | Column::Agency => programs.iter().map(|p| text_key(dataset, query.sort, p)).collect(),
        _ => Vec::new(),
    };
    rows.sort_by(|&x, &y| order(dataset, query, x, y, |i| keys[i].as_str().into()));
    rows
}

/// `rows` as `shown` gave them, with the programs at `places` (whose contents changed, not their places)
/// taken out and put back where the query now puts them: the same rows as `shown` would give, for the
/// cost of a few programs rather than a sort of all of them.
pub fn reshown(dataset: &Dataset, index: &SearchIndex, query: &RegisterQuery, rows: &mut Vec<usize>, places: &[usize]) {
    let needle = fold(query.search.trim());
    let within = query.region_codes(dataset);
    rows.retain(|i| !places.contains(i));
    let key = |i: usize| -> std::borrow::Cow<'_, str> { text_key(dataset, query.sort, &dataset.programs[i]).into() };
    for &at in places {
        let Some(program) = dataset.programs.get(at) else { continue };
        if query.matches(program, index.0.get(at).map_or("", String::as_str), &needle, within.as_ref()) {
            let place = rows.partition_point(|&row| order(dataset, query, row, at, key) == Ordering::Less);
            rows.insert(place, at);
        }
    }
}

/// What the name and agency columns sort by: folded text, so that case and accents do not count.
fn text_key(dataset: &Dataset, column: Column, p: &Program) -> String {
    match column {
        Column::Name => fold(&p.name),
        Column::Agency => {
            p.agency.as_deref().map(|id| fold(dataset.agency(id).map_or(id, |a| a.name.as_str()))).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// The order of two programs (by their places) in the query's sort; the id breaks ties, so that equal rows
/// keep a predictable order.
fn order<'k>(
    dataset: &Dataset,
    query: &RegisterQuery,
    x: usize,
    y: usize,
    key: impl Fn(usize) -> std::borrow::Cow<'k, str>,
) -> Ordering {
    let programs = &dataset.programs;
    let (a, b) = (&programs[x], &programs[y]);
    let ordering = match query.sort {
        Column::Id => natural(&a.id, &b.id),
        Column::Name | Column::Agency => key(x).cmp(&key(y)),
        Column::Dimension => a.dimension.cmp(&b.dimension),
        Column::Subdimension => a.subdimension.cmp(&b.subdimension),
        Column::Status => a.status.cmp(&b.status),
        Column::QuickWin => b.quick_win.cmp(&a.quick_win),
        Column::Horizon => horizon_rank(a.horizon).cmp(&horizon_rank(b.horizon)),
        Column::TargetYear => a.target_year.cmp(&b.target_year),
        Column::Progress => a.progress.cmp(&b.progress),
        Column::PostponedTo => a.postponed_to.cmp(&b.postponed_to),
    }
    .then_with(|| natural(&a.id, &b.id))
    // Ids that read alike (`P-1`, `P-01`) keep their places in the data: the order is total, so that rows
    // updated for an edit stand where a fresh sort puts them.
    .then(x.cmp(&y));
    if query.descending { ordering.reverse() } else { ordering }
}

fn horizon_rank(horizon: Option<Horizon>) -> u8 {
    match horizon {
        None => 0,
        Some(Horizon::Short) => 1,
        Some(Horizon::Medium) => 2,
        Some(Horizon::Long) => 3,
    }
}

/// Orders `GOV-2` before `GOV-10`: runs of digits compare by value.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (digits(a), digits(b));
                let (da, db) = (&a[..na], &b[..nb]);
                let trim = |d: &[u8]| -> usize { d.iter().take_while(|c| **c == b'0').count() };
                let (va, vb) = (&da[trim(da)..], &db[trim(db)..]);
                let ordering = va.len().cmp(&vb.len()).then(va.cmp(vb));
                if ordering != Ordering::Equal {
                    return ordering;
                }
                a = &a[na..];
                b = &b[nb..];
            }
            (Some(x), Some(y)) => {
                let ordering = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if ordering != Ordering::Equal {
                    return ordering;
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

/// The blocks of combining diacritical marks (general, extended, supplement, for symbols, half marks).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Lower case without diacritics, so that "Perumahan" finds "perumahan" and "Kopi" finds "Kopí".
pub fn fold(text: &str) -> String {
    text.chars()
        // A letter and its accent written apart ("e" then U+0301, as some keyboards and PDFs write it)
        // fold like the letter written whole: the combining marks go, without a Unicode table.
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ś' | 'š' | 'ş' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' | 'ţ' => 't',
            other => other,
        })
        .collect()
}
