//! A boundaries file from elsewhere (the national geospatial agency's portal, GADM, a GIS tool): which of
//! its properties are the region's code and name, and the regions it makes, simplified to a size that
//! keeps the dataset file light. Every refusal names its place in that file (`features[3].geometry`).

use serde_json::{Map, Value};

use super::{CollectionType, FeatureType, Geometry, Region, RegionProperties, Regions, simplify};
use crate::format::{FormatError, Problem, Refusal};

/// The most positions imported boundaries keep: about 400 KB of the dataset file, detail enough for a
/// city's kelurahan on a screen. Larger boundaries are simplified down to it.
pub const POSITIONS_BUDGET: usize = 20_000;

/// The most positions a boundaries file may have at all: more is a national layer, to be cut to the city
/// in a GIS tool first.
pub const POSITIONS_READ_MAX: usize = 2_000_000;

/// How many property names a boundaries file offers as its code and name at most.
const FIELDS_OFFERED: usize = 200;

/// Property names that hold a region's code, most likely first (compared without case): this format's,
/// Kemendagri's, the geospatial agency's (desa, then kecamatan), GADM's (level 4, then 3).
const CODE_FIELDS: &[&str] =
    &["code", "kode", "kode_wilayah", "kd_wilayah", "kdepum", "kdcpum", "kode_kel", "kode_kec", "gid_4", "gid_3", "id"];
/// Property names that hold a region's name, most likely first.
const NAME_FIELDS: &[&str] =
    &["name", "nama", "wadmkd", "wadmkc", "namobj", "nama_kel", "nama_kec", "name_4", "name_3"];

/// A boundaries file as read, before the user confirms which properties are the code and the name.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundariesFile {
    features: Vec<(Map<String, Value>, Geometry)>,
    source: Option<String>,
    /// The properties the features have, in the order first seen.
    pub fields: Vec<String>,
    /// The properties proposed as the code and the name.
    pub proposal: FieldChoice,
}

/// Which properties of a boundaries file are the code and the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChoice {
    pub code: String,
    pub name: String,
}

/// The regions a boundaries file makes with a choice of fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Boundaries {
    pub regions: Regions,
    /// Positions in the file; the regions have fewer when they were simplified.
    pub positions_in_file: usize,
}

impl BoundariesFile {
    /// Reads a GeoJSON FeatureCollection of polygons and proposes its code and name properties.
    pub fn read(text: &str) -> Result<BoundariesFile, Refusal> {
        let Value::Object(mut collection) = crate::format::json_value(text)? else {
            return Err(Refusal::one("", Problem::NotFeatureCollection));
        };
        if collection.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
            return Err(Refusal::one("type", Problem::NotFeatureCollection));
        }
        let Some(Value::Array(raw)) = collection.remove("features") else {
            return Err(Refusal::one("features", Problem::Missing));
        };
        if raw.is_empty() {
            return Err(Refusal::one("features", Problem::NoShape));
        }
        let source = collection.get("source").and_then(Value::as_str).map(str::to_owned);
        let mut features = Vec::with_capacity(raw.len());
        let mut fields: Vec<String> = Vec::new();
        let mut seen_fields = std::collections::HashSet::new();
        let mut errors = Vec::new();
        let mut positions = 0;
        for (i, feature) in raw.into_iter().enumerate() {
            let Value::Object(mut feature) = feature else {
                errors.push(FormatError::new(format!("features[{i}]"), Problem::NotFeatureCollection));
                continue;
            };
            let properties = match feature.remove("properties") {
                Some(Value::Object(map)) => map,
                _ => Map::new(),
            };
            // The properties offered as code and name: the first ones seen, enough for any real layer.
            for key in properties.keys() {
                if fields.len() < FIELDS_OFFERED && seen_fields.insert(key.clone()) {
                    fields.push(key.clone());
                }
            }
            let geometry = match feature.remove("geometry") {
                None | Some(Value::Null) => {
                    errors.push(FormatError::new(format!("features[{i}].geometry"), Problem::NoShape));
                    continue;
                }
                Some(value) => match serde_path_to_error::deserialize::<_, Geometry>(value) {
                    Ok(geometry) => geometry,
                    Err(e) => {
                        let inner = e.path().to_string();
                        let path = if inner == "." {
                            format!("features[{i}].geometry")
                        } else {
                            format!("features[{i}].geometry.{inner}")
                        };
                        errors.push(FormatError::new(path, Problem::from_serde_message(&e.inner().to_string())));
                        continue;
                    }
                },
            };
            positions += geometry.positions();
            features.push((properties, geometry));
            if errors.len() >= 25 {
                break;
            }
        }
        if !errors.is_empty() {
            return Err(Refusal { errors });
        }
        if positions > POSITIONS_READ_MAX {
            return Err(Refusal::one(
                "features",
                Problem::TooManyPositions { count: positions, max: POSITIONS_READ_MAX },
            ));
        }
        let proposal = propose(&features, &fields);
        Ok(BoundariesFile { features, source, fields, proposal })
    }

    pub fn features(&self) -> usize {
        self.features.len()
    }

    /// The regions with `choice` as their code and name, checked by the format's rules and simplified to
    /// `POSITIONS_BUDGET`. Refused at the feature and property that break a rule.
    pub fn regions(&self, choice: &FieldChoice) -> Result<Boundaries, Refusal> {
        let mut errors = Vec::new();
        let mut features = Vec::with_capacity(self.features.len());
        for (i, (properties, geometry)) in self.features.iter().enumerate() {
            let text = |field: &str| properties.get(field).and_then(value_text).unwrap_or_default();
            let (code, name) = (text(&choice.code), text(&choice.name));
            if code.is_empty() {
                errors.push(FormatError::new(format!("features[{i}].properties.{}", choice.code), Problem::EmptyText));
            }
            if name.is_empty() {
                errors.push(FormatError::new(format!("features[{i}].properties.{}", choice.name), Problem::EmptyText));
            }
            let parent = properties.get("parent").and_then(value_text).filter(|p| !p.is_empty());
            features.push(Region {
                kind: FeatureType::Feature,
                properties: RegionProperties { code, name, parent, extra: Map::new() },
                geometry: rounded(geometry),
                extra: Map::new(),
            });
        }
        let mut regions = Regions {
            kind: CollectionType::FeatureCollection,
            features,
            source: self.source.clone(),
            extra: Map::new(),
        };
        let positions_in_file = regions.positions();
        for (path, problem) in regions.problems() {
            if matches!(problem, Problem::EmptyText) && errors.iter().any(|e: &FormatError| e.path.starts_with(&path)) {
                continue;
            }
            let path = path
                .replace(".properties.code", &format!(".properties.{}", choice.code))
                .replace(".properties.name", &format!(".properties.{}", choice.name));
            if !matches!(problem, Problem::TooManyPositions { .. }) {
                errors.push(FormatError::new(path, problem));
            }
        }
        if !errors.is_empty() {
            errors.truncate(25);
            return Err(Refusal { errors });
        }
        simplify::to_budget(&mut regions, POSITIONS_BUDGET);
        // Thousands of tiny islands keep four positions each however far they are simplified.
        let kept = regions.positions();
        if kept > super::POSITIONS_MAX {
            return Err(Refusal::one("features", Problem::TooManyPositions { count: kept, max: super::POSITIONS_MAX }));
        }
        Ok(Boundaries { regions, positions_in_file })
    }
}

/// A property's value as a region's code or name: text as it is, a number as written.
fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Positions rounded to six decimals (about 11 cm): more digits only weigh.
fn rounded(geometry: &Geometry) -> Geometry {
    let mut geometry = geometry.clone();
    for polygon in geometry.polygons_mut() {
        for ring in polygon.iter_mut() {
            for p in ring.iter_mut() {
                p.lon = (p.lon * 1e6).round() / 1e6;
                p.lat = (p.lat * 1e6).round() / 1e6;
            }
        }
    }
    geometry
}

/// The code: a known name whose values are present and different in every feature, else the first
/// property that is (with digits, as codes have); the name: a known name present in every feature, else
/// the first other property with letters.
fn propose(features: &[(Map<String, Value>, Geometry)], fields: &[String]) -> FieldChoice {
    let values = |field: &str| -> Vec<String> {
        features.iter().map(|(props, _)| props.get(field).and_then(value_text).unwrap_or_default()).collect()
    };
    let unique = |field: &str| {
        let all = values(field);
        let mut seen = std::collections::HashSet::new();
        all.iter().all(|v| !v.is_empty() && seen.insert(v.clone()))
    };
    let everywhere = |field: &str| values(field).iter().all(|v| !v.is_empty());
    let known = |names: &[&str], ok: &dyn Fn(&str) -> bool| -> Option<String> {
        names.iter().find_map(|name| fields.iter().find(|f| f.eq_ignore_ascii_case(name) && ok(f)).cloned())
    };
    let code = known(CODE_FIELDS, &unique)
        .or_else(|| {
            fields
                .iter()
                .find(|f| unique(f) && values(f).iter().all(|v| v.chars().any(|c| c.is_ascii_digit())))
                .cloned()
        })
        .or_else(|| fields.first().cloned())
        .unwrap_or_default();
    let name = known(NAME_FIELDS, &everywhere)
        .or_else(|| {
            fields
                .iter()
                .find(|f| **f != code && everywhere(f) && values(f).iter().all(|v| v.chars().any(char::is_alphabetic)))
                .cloned()
        })
        .unwrap_or_else(|| code.clone());
    FieldChoice { code, name }
}
