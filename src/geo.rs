//! The city's boundaries: its kecamatan and kelurahan as a GeoJSON FeatureCollection kept in the dataset,
//! the rules they keep, which region holds which, and how many programs each region has. Pure: nothing
//! here knows of the browser or of how the map is drawn.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::format::{Extra, Problem, Program, Status, TEXT_MAX_CHARS};

pub mod boundaries;
pub mod projection;
pub mod simplify;

/// The most positions the boundaries of a dataset hold: a province's kelurahan at a detail no city map
/// needs, little enough that a crafted file cannot make the page crawl. Imported boundaries are simplified
/// far below it (`boundaries::POSITIONS_BUDGET`).
pub const POSITIONS_MAX: usize = 200_000;

/// The regions of a city (RFC 7946 FeatureCollection, WGS84 longitude and latitude).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Regions {
    #[serde(rename = "type")]
    pub kind: CollectionType,
    pub features: Vec<Region>,
    /// Where the boundaries come from (a foreign member of the collection), credited under the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CollectionType {
    FeatureCollection,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeatureType {
    Feature,
}

/// One kecamatan or kelurahan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    #[serde(rename = "type")]
    pub kind: FeatureType,
    pub properties: RegionProperties,
    pub geometry: Geometry,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionProperties {
    /// Kemendagri's kode wilayah (`21.72.01`, `21.72.01.1001`), or the code of the file it came from.
    pub code: String,
    pub name: String,
    /// The kecamatan that holds this kelurahan; without it, the code's prefix says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A region's shape. Rings are closed (the last position repeats the first); the first ring of a polygon
/// is its outline, the others are holes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
}

pub type Ring = Vec<Position>;

/// Longitude and latitude in degrees. A third number (height) is allowed in a file and not kept.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<f64>", into = "[f64; 2]")]
pub struct Position {
    pub lon: f64,
    pub lat: f64,
}

impl TryFrom<Vec<f64>> for Position {
    type Error = String;

    fn try_from(numbers: Vec<f64>) -> Result<Self, Self::Error> {
        match numbers[..] {
            [lon, lat] | [lon, lat, _] => Ok(Position { lon, lat }),
            _ => Err(format!("a position is [longitude, latitude], not {} numbers", numbers.len())),
        }
    }
}

impl From<Position> for [f64; 2] {
    fn from(p: Position) -> [f64; 2] {
        [p.lon, p.lat]
    }
}

impl Geometry {
    /// The polygons, each a list of rings (outline first).
    pub fn polygons(&self) -> impl Iterator<Item = &Vec<Ring>> {
        let (one, many) = match self {
            Geometry::Polygon(rings) => (Some(rings), None),
            Geometry::MultiPolygon(polygons) => (None, Some(polygons.iter())),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }

    pub fn polygons_mut(&mut self) -> Vec<&mut Vec<Ring>> {
        match self {
            Geometry::Polygon(rings) => vec![rings],
            Geometry::MultiPolygon(polygons) => polygons.iter_mut().collect(),
        }
    }

    pub fn positions(&self) -> usize {
        self.polygons().flatten().map(Vec::len).sum()
    }

    /// The place of a ring inside the geometry, as a file writes it: `coordinates[0]` of a polygon,
    /// `coordinates[2][0]` of a multipolygon.
    fn ring_path(&self, polygon: usize, ring: usize) -> String {
        match self {
            Geometry::Polygon(_) => format!("coordinates[{ring}]"),
            Geometry::MultiPolygon(_) => format!("coordinates[{polygon}][{ring}]"),
        }
    }

    /// What is wrong with the shape, each with its place inside the geometry.
    pub fn problems(&self) -> Vec<(String, Problem)> {
        let mut found = Vec::new();
        if self.polygons().next().is_none() {
            found.push(("coordinates".to_owned(), Problem::NoShape));
        }
        for (p, polygon) in self.polygons().enumerate() {
            if polygon.is_empty() {
                let path = match self {
                    Geometry::Polygon(_) => "coordinates".to_owned(),
                    Geometry::MultiPolygon(_) => format!("coordinates[{p}]"),
                };
                found.push((path, Problem::NoShape));
            }
            for (r, ring) in polygon.iter().enumerate() {
                let path = self.ring_path(p, r);
                if let Some(k) = ring.iter().position(|pos| !pos.is_lon_lat()) {
                    let pos = ring[k];
                    found.push((
                        format!("{path}[{k}]"),
                        Problem::NotLonLat { found: format!("[{}, {}]", pos.lon, pos.lat) },
                    ));
                } else if ring.len() < 4 {
                    found.push((path, Problem::RingTooShort { positions: ring.len() }));
                } else if ring.first() != ring.last() {
                    found.push((path, Problem::RingNotClosed));
                }
            }
        }
        found
    }
}

impl Position {
    /// Within the ranges of longitude and latitude (a file in metres, as a projected GIS layer, is not).
    pub fn is_lon_lat(&self) -> bool {
        self.lon.is_finite()
            && self.lat.is_finite()
            && (-180.0..=180.0).contains(&self.lon)
            && (-90.0..=90.0).contains(&self.lat)
    }
}

/// The two levels of a city's regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Kecamatan,
    Kelurahan,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::Kecamatan, Level::Kelurahan];

    /// The level's name in the address and in `map-level`.
    pub fn code(self) -> &'static str {
        match self {
            Level::Kecamatan => "kecamatan",
            Level::Kelurahan => "kelurahan",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// The regions as the map and the register use them: each region's level and the kecamatan that holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionIndex {
    /// In the order of the file.
    pub entries: Vec<RegionEntry>,
    by_code: HashMap<String, usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RegionEntry {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// The place (in `entries`) of the kecamatan that holds it.
    pub parent: Option<usize>,
}

impl RegionIndex {
    pub fn of(regions: &Regions) -> RegionIndex {
        let by_code: HashMap<String, usize> =
            regions.features.iter().enumerate().map(|(i, r)| (r.properties.code.clone(), i)).collect();
        let entries = regions
            .features
            .iter()
            .enumerate()
            .map(|(i, region)| {
                let p = &region.properties;
                let named = p.parent.as_deref().or_else(|| p.code.rsplit_once('.').map(|(prefix, _)| prefix));
                let parent = named.and_then(|code| by_code.get(code).copied()).filter(|&at| at != i);
                // A Kemendagri kelurahan code has four parts; a region held by another is one too.
                let level = if parent.is_some() || p.code.split('.').count() >= 4 {
                    Level::Kelurahan
                } else {
                    Level::Kecamatan
                };
                RegionEntry { code: p.code.clone(), name: p.name.clone(), level, parent }
            })
            .collect();
        RegionIndex { entries, by_code }
    }

    pub fn find(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    pub fn levels(&self) -> Vec<Level> {
        let mut levels: Vec<Level> = self.entries.iter().map(|e| e.level).collect();
        levels.sort();
        levels.dedup();
        levels
    }

    /// The regions a location counts for: itself and the kecamatan that holds it.
    pub fn counted_in(&self, code: &str) -> impl Iterator<Item = usize> + '_ {
        let at = self.find(code);
        at.into_iter().chain(at.and_then(|i| self.entries[i].parent))
    }

    /// The codes of the region and of the regions it holds: what a filter by the region keeps.
    pub fn codes_within(&self, code: &str) -> HashSet<String> {
        let mut codes: HashSet<String> = HashSet::from([code.to_owned()]);
        if let Some(at) = self.find(code) {
            codes.extend(self.entries.iter().filter(|e| e.parent == Some(at)).map(|e| e.code.clone()));
        }
        codes
    }

    /// A region's name with its kecamatan's for a kelurahan (`Kemboja, Tanjung Pinang Barat`); the code
    /// itself for a code that is no region of the file.
    pub fn label(&self, code: &str) -> String {
        match self.find(code).map(|i| &self.entries[i]) {
            Some(entry) => match entry.parent.map(|p| &self.entries[p]) {
                Some(parent) => format!("{}, {}", entry.name, parent.name),
                None => entry.name.clone(),
            },
            None => code.to_owned(),
        }
    }
}

impl Regions {
    /// The rules the boundaries keep by themselves, each with its place below the collection
    /// (`features[3].geometry.coordinates[0]`).
    pub fn problems(&self) -> Vec<(String, Problem)> {
        let mut found = Vec::new();
        let mut codes = HashSet::new();
        for (i, region) in self.features.iter().enumerate() {
            let p = &region.properties;
            let at = format!("features[{i}]");
            // A code names something: `-` and the like could be taken for the register's "city-wide".
            if !p.code.chars().any(char::is_alphanumeric) {
                found.push((format!("{at}.properties.code"), Problem::EmptyText));
            } else if !codes.insert(p.code.as_str()) {
                found.push((format!("{at}.properties.code"), Problem::DuplicateId { id: p.code.clone() }));
            }
            if p.name.trim().is_empty() {
                found.push((format!("{at}.properties.name"), Problem::EmptyText));
            }
            for (field, text) in [("code", Some(&p.code)), ("name", Some(&p.name)), ("parent", p.parent.as_ref())] {
                let chars = text.map_or(0, |t| t.chars().count());
                if chars > TEXT_MAX_CHARS {
                    found.push((format!("{at}.properties.{field}"), Problem::TooLong { chars, max: TEXT_MAX_CHARS }));
                }
            }
            for (path, problem) in region.geometry.problems() {
                found.push((format!("{at}.geometry.{path}"), problem));
            }
        }
        let positions = self.positions();
        if positions > POSITIONS_MAX {
            found.push(("features".to_owned(), Problem::TooManyPositions { count: positions, max: POSITIONS_MAX }));
        }
        found
    }

    pub fn positions(&self) -> usize {
        self.features.iter().map(|r| r.geometry.positions()).sum()
    }

    pub fn codes(&self) -> HashSet<&str> {
        self.features.iter().map(|r| r.properties.code.as_str()).collect()
    }
}

/// What the map counts of the programs located in one region (or of the city-wide ones).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub programs: usize,
    pub running_or_done: usize,
    pub quick_wins: usize,
    pub postponed: usize,
}

impl Tally {
    fn add(&mut self, program: &Program) {
        self.programs += 1;
        if matches!(program.status, Status::Running | Status::Done) {
            self.running_or_done += 1;
        }
        if program.quick_win {
            self.quick_wins += 1;
        }
        if program.postponed_to.is_some() {
            self.postponed += 1;
        }
    }
}

/// The programs per region: a program counts once in each region it names, and once in the kecamatan of
/// each kelurahan it names (twice named, still once).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tallies {
    /// In the order of the index's entries.
    pub regions: Vec<Tally>,
    /// Programs without locations.
    pub city_wide: Tally,
    /// Programs whose locations are none of the regions (kept when a dataset has no boundaries).
    pub elsewhere: usize,
}

impl Tallies {
    pub fn of<'a>(index: &RegionIndex, programs: impl IntoIterator<Item = &'a Program>) -> Tallies {
        let mut tallies =
            Tallies { regions: vec![Tally::default(); index.entries.len()], city_wide: Tally::default(), elsewhere: 0 };
        let mut counted: Vec<usize> = Vec::new();
        for program in programs {
            if program.locations.is_empty() {
                tallies.city_wide.add(program);
                continue;
            }
            counted.clear();
            counted.extend(program.locations.iter().flat_map(|code| index.counted_in(code)));
            counted.sort_unstable();
            counted.dedup();
            if counted.is_empty() {
                tallies.elsewhere += 1;
            }
            for &at in &counted {
                tallies.regions[at].add(program);
            }
        }
        tallies
    }
}
