//! Native tests of the boundaries: reading them in a dataset and from a GIS file, their refusals with the
//! place, simplification that keeps shapes valid, counts per region with kelurahan rolling up, and the
//! projection.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::{Dataset, Problem};
use masterplan_tracker::geo::boundaries::{BoundariesFile, FieldChoice, POSITIONS_BUDGET};
use masterplan_tracker::geo::projection::Projection;
use masterplan_tracker::geo::simplify;
use masterplan_tracker::geo::{Level, Position, RegionIndex, Tallies};
use masterplan_tracker::sample::sample_dataset;
use proptest::prelude::*;
use serde_json::{Value, json};

#[path = "support/refused.rs"]
mod refused;

fn square(lon: f64, lat: f64, size: f64) -> Value {
    json!([[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]])
}

fn feature(code: &str, name: &str, coordinates: Value) -> Value {
    json!({"type": "Feature", "properties": {"code": code, "name": name},
           "geometry": {"type": "Polygon", "coordinates": coordinates}})
}

/// A dataset with one kecamatan and two of its kelurahan, and programs located in them.
fn located() -> Value {
    let mut file = refused::minimal();
    file["regions"] = json!({
        "type": "FeatureCollection",
        "source": "test boundaries",
        "features": [
            feature("21.72.01", "Barat", square(104.40, 0.90, 0.02)),
            feature("21.72.01.1001", "Satu", square(104.40, 0.90, 0.01)),
            feature("21.72.01.1002", "Dua", square(104.41, 0.90, 0.01)),
        ],
    });
    file["programs"][0]["locations"] = json!(["21.72.01.1001"]);
    file["programs"][1]["locations"] = json!(["21.72.01.1001", "21.72.01.1002"]);
    file
}

fn first_error(file: &Value) -> (String, Problem) {
    let refusal = Dataset::parse(&file.to_string()).expect_err("the file must be refused");
    let first = refusal.errors.into_iter().next().expect("a refusal names at least one error");
    (first.path, first.problem)
}

#[test]
fn regions_and_locations_are_read_and_written_back_unchanged() {
    let file = located();
    let dataset = Dataset::parse(&file.to_string()).unwrap().dataset;
    let regions = dataset.regions.as_ref().unwrap();
    assert_eq!(regions.features.len(), 3);
    assert_eq!(regions.source.as_deref(), Some("test boundaries"));
    assert_eq!(dataset.programs[1].locations, ["21.72.01.1001", "21.72.01.1002"]);
    let again = Dataset::parse(&dataset.to_file_json()).unwrap().dataset;
    assert_eq!(again, dataset);
    let written: Value = serde_json::from_str(&dataset.to_file_json()).unwrap();
    assert_eq!(written["regions"], file["regions"]);
}

#[test]
fn locations_without_boundaries_are_kept() {
    let mut file = refused::minimal();
    file["programs"][0]["locations"] = json!(["21.72.09"]);
    let dataset = Dataset::parse(&file.to_string()).unwrap().dataset;
    assert_eq!(dataset.programs[0].locations, ["21.72.09"]);
}

#[test]
fn a_location_that_is_no_region_is_refused_at_its_place() {
    let mut file = located();
    file["programs"][1]["locations"] = json!(["21.72.01.1001", "21.72.09"]);
    assert_eq!(
        first_error(&file),
        ("programs[1].locations[1]".to_owned(), Problem::UnknownRegion { code: "21.72.09".to_owned() })
    );
}

#[test]
fn broken_boundaries_are_refused_with_their_place() {
    type Breaks = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Breaks, &str, Problem)> = vec![
        (
            Box::new(|f| f["regions"]["features"][2]["properties"]["code"] = json!("21.72.01.1001")),
            "regions.features[2].properties.code",
            Problem::DuplicateId { id: "21.72.01.1001".to_owned() },
        ),
        (
            Box::new(|f| f["regions"]["features"][1]["properties"]["code"] = json!(" ")),
            "regions.features[1].properties.code",
            Problem::EmptyText,
        ),
        (
            // A code that names nothing could be taken for the register's "city-wide" (`-`).
            Box::new(|f| f["regions"]["features"][1]["properties"]["code"] = json!("-")),
            "regions.features[1].properties.code",
            Problem::EmptyText,
        ),
        (
            Box::new(|f| f["regions"]["features"][0]["geometry"]["coordinates"][0][4] = json!([104.5, 0.95])),
            "regions.features[0].geometry.coordinates[0]",
            Problem::RingNotClosed,
        ),
        (
            Box::new(|f| {
                f["regions"]["features"][0]["geometry"]["coordinates"] =
                    json!([[[104.4, 0.9], [104.5, 0.9], [104.4, 0.9]]])
            }),
            "regions.features[0].geometry.coordinates[0]",
            Problem::RingTooShort { positions: 3 },
        ),
        (
            Box::new(|f| f["regions"]["features"][1]["geometry"]["coordinates"][0][2] = json!([450000.0, 10000.0])),
            "regions.features[1].geometry.coordinates[0][2]",
            Problem::NotLonLat { found: "[450000, 10000]".to_owned() },
        ),
    ];
    for (breaks, path, problem) in cases {
        let mut file = located();
        breaks(&mut file);
        assert_eq!(first_error(&file), (path.to_owned(), problem), "{path}");
    }
    let mut file = located();
    file["regions"]["features"][0]["geometry"] = json!({"type": "Point", "coordinates": [104.4, 0.9]});
    let (path, problem) = first_error(&file);
    assert_eq!(path, "regions.features[0].geometry.type");
    assert!(matches!(problem, Problem::UnknownValue { ref found, .. } if found == "Point"), "{problem:?}");
}

#[test]
fn the_sample_carries_four_kecamatan_and_eighteen_kelurahan_and_credits_their_source() {
    let dataset = sample_dataset();
    let regions = dataset.regions.as_ref().expect("the sample has boundaries");
    let index = RegionIndex::of(regions);
    let count = |level| index.entries.iter().filter(|e| e.level == level).count();
    assert_eq!((count(Level::Kecamatan), count(Level::Kelurahan)), (4, 18));
    assert!(regions.source.as_deref().unwrap().contains("cahyadsn/wilayah_boundaries"));
    assert!(regions.source.as_deref().unwrap().contains("MIT"));
    let kemboja = index.find("21.72.01.1002").unwrap();
    assert_eq!(index.entries[index.entries[kemboja].parent.unwrap()].name, "Tanjung Pinang Barat");
    // The programs the report names keep only what it says: no place.
    for program in dataset.programs.iter().filter(|p| !p.name.contains("rincian tidak dipublikasikan")) {
        assert!(program.locations.is_empty(), "{}", program.id);
    }
    assert!(dataset.programs.iter().any(|p| !p.locations.is_empty()));
}

#[test]
fn a_kelurahan_counts_for_its_kecamatan_once_per_program() {
    let dataset = Dataset::parse(&located().to_string()).unwrap().dataset;
    let index = RegionIndex::of(dataset.regions.as_ref().unwrap());
    let tallies = Tallies::of(&index, &dataset.programs);
    let of = |code: &str| tallies.regions[index.find(code).unwrap()].programs;
    assert_eq!(of("21.72.01.1001"), 2);
    assert_eq!(of("21.72.01.1002"), 1);
    // Program 1 names both kelurahan of the kecamatan: it counts there once.
    assert_eq!(of("21.72.01"), 2);
    assert_eq!(tallies.city_wide.programs, dataset.programs.len() - 2);
}

#[test]
fn the_projection_keeps_proportions_at_the_citys_latitude() {
    // A square of 0.1° at 60° north is half as wide as it is tall on the ground.
    let square = [
        Position { lon: 10.0, lat: 59.95 },
        Position { lon: 10.1, lat: 59.95 },
        Position { lon: 10.1, lat: 60.05 },
        Position { lon: 10.0, lat: 60.05 },
    ];
    let projection = Projection::fit(&square, 400.0, 400.0).unwrap();
    let (x0, y0) = projection.project(square[0]);
    let (x1, _) = projection.project(square[1]);
    let (_, y2) = projection.project(square[2]);
    let (width, height) = (x1 - x0, y0 - y2);
    assert!((height - 400.0).abs() < 1e-6, "{height}");
    assert!((width / height - 60f64.to_radians().cos()).abs() < 1e-3, "{width} / {height}");
    // North is up: a larger latitude has a smaller y.
    assert!(y2 < y0);
    let height_for = Projection::height_for(&square, 200.0).unwrap();
    assert!((height_for - 400.0).abs() < 1.0, "{height_for}");
}

/// A GIS layer as the national geospatial agency's portal exports it: kecamatan codes in `KDCPUM`, names in
/// `WADMKC`, other properties beside them.
fn agency_layer() -> Value {
    let features: Vec<Value> = (0..4)
        .map(|i| {
            json!({"type": "Feature",
                   "properties": {"OBJECTID": i, "KDPPUM": "21", "KDCPUM": format!("21.72.0{}", i + 1),
                                  "WADMKC": format!("Kecamatan {i}"), "WADMPR": "Kepulauan Riau"},
                   "geometry": {"type": "Polygon", "coordinates": square(104.4 + f64::from(i) * 0.02, 0.9, 0.02)}})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

#[test]
fn the_code_and_name_properties_are_proposed_for_the_usual_sources() {
    let read = |file: Value| BoundariesFile::read(&file.to_string()).unwrap().proposal;
    assert_eq!(read(agency_layer()), FieldChoice { code: "KDCPUM".into(), name: "WADMKC".into() });
    let mut gadm = agency_layer();
    for (i, f) in gadm["features"].as_array_mut().unwrap().iter_mut().enumerate() {
        f["properties"] = json!({"GID_0": "IDN", "GID_2": "IDN.17.7_1", "GID_3": format!("IDN.17.7.{i}_1"),
                                 "NAME_2": "Tanjung Pinang", "NAME_3": format!("Bukit {i}")});
    }
    assert_eq!(read(gadm), FieldChoice { code: "GID_3".into(), name: "NAME_3".into() });
    let mut kemendagri = agency_layer();
    for (i, f) in kemendagri["features"].as_array_mut().unwrap().iter_mut().enumerate() {
        f["properties"] = json!({"kode": format!("21.72.0{i}"), "nama": format!("Kec {i}"), "centroid": [104.4, 0.9]});
    }
    assert_eq!(read(kemendagri), FieldChoice { code: "kode".into(), name: "nama".into() });
}

#[test]
fn a_boundaries_file_makes_regions_with_the_chosen_fields() {
    let file = BoundariesFile::read(&agency_layer().to_string()).unwrap();
    let boundaries = file.regions(&file.proposal).unwrap();
    let codes: Vec<&str> = boundaries.regions.features.iter().map(|r| r.properties.code.as_str()).collect();
    assert_eq!(codes, ["21.72.01", "21.72.02", "21.72.03", "21.72.04"]);
    assert_eq!(boundaries.regions.features[2].properties.name, "Kecamatan 2");
    // A code chosen that is the same in every feature is refused at the second feature's property.
    let refusal = file.regions(&FieldChoice { code: "KDPPUM".into(), name: "WADMKC".into() }).unwrap_err();
    assert_eq!(refusal.errors[0].path, "features[1].properties.KDPPUM");
    assert_eq!(refusal.errors[0].problem, Problem::DuplicateId { id: "21".into() });
}

#[test]
fn a_boundaries_file_is_refused_at_its_place() {
    let mut layer = agency_layer();
    layer["features"][3]["geometry"] = json!({"type": "LineString", "coordinates": [[104.4, 0.9], [104.5, 0.9]]});
    let refusal = BoundariesFile::read(&layer.to_string()).unwrap_err();
    assert!(refusal.errors[0].path.starts_with("features[3].geometry"), "{}", refusal.errors[0].path);
    let mut layer = agency_layer();
    layer["features"][2]["geometry"] = Value::Null;
    assert_eq!(BoundariesFile::read(&layer.to_string()).unwrap_err().errors[0].path, "features[2].geometry");
    let refusal = BoundariesFile::read(&refused::minimal().to_string()).unwrap_err();
    assert_eq!((refusal.errors[0].path.as_str(), &refusal.errors[0].problem), ("type", &Problem::NotFeatureCollection));
    let mut layer = agency_layer();
    layer["features"][1]["geometry"]["coordinates"][0][1] = json!([500000.0, 100000.0]);
    let file = BoundariesFile::read(&layer.to_string()).unwrap();
    let refusal = file.regions(&file.proposal).unwrap_err();
    assert_eq!(refusal.errors[0].path, "features[1].geometry.coordinates[0][1]");
}

/// A wobbly ring of `n` positions around a centre: a coastline's worth of detail.
fn wobbly_ring(n: usize, lon: f64, lat: f64, radius: f64, seed: u64) -> Vec<Position> {
    let mut ring: Vec<Position> = (0..n)
        .map(|i| {
            let angle = i as f64 / n as f64 * std::f64::consts::TAU;
            let wobble = 1.0 + 0.15 * ((i as u64).wrapping_mul(seed | 1) % 7) as f64 / 7.0;
            Position { lon: lon + radius * wobble * angle.cos(), lat: lat + radius * wobble * angle.sin() }
        })
        .collect();
    ring.push(ring[0]);
    ring
}

#[test]
fn large_boundaries_are_simplified_to_the_budget_and_stay_valid() {
    let features: Vec<Value> = (0..40)
        .map(|i| {
            let ring =
                wobbly_ring(2_000, 104.0 + f64::from(i % 8) * 0.05, 0.8 + f64::from(i / 8) * 0.05, 0.02, i as u64);
            let coords: Vec<[f64; 2]> = ring.iter().map(|p| [p.lon, p.lat]).collect();
            json!({"type": "Feature", "properties": {"kode": format!("21.72.{i:02}"), "nama": format!("R{i}")},
                   "geometry": {"type": "Polygon", "coordinates": [coords]}})
        })
        .collect();
    let text = json!({"type": "FeatureCollection", "features": features}).to_string();
    let file = BoundariesFile::read(&text).unwrap();
    let boundaries = file.regions(&file.proposal).unwrap();
    assert_eq!(boundaries.positions_in_file, 40 * 2_001);
    let kept = boundaries.regions.positions();
    assert!(kept <= POSITIONS_BUDGET, "{kept}");
    // Not simplified further than needed: the budget is mostly used.
    assert!(kept > POSITIONS_BUDGET / 4, "{kept}");
    assert!(boundaries.regions.problems().is_empty(), "{:?}", boundaries.regions.problems());
}

proptest! {
    #[test]
    fn a_simplified_ring_stays_closed_with_at_least_four_positions_inside_its_bounds(
        n in 4usize..400, seed in 0u64..1000, tolerance in 0.0f64..0.05
    ) {
        let ring = wobbly_ring(n, 104.5, 0.9, 0.03, seed);
        let simplified = simplify::ring(&ring, tolerance);
        prop_assert!(simplified.len() >= 4);
        prop_assert!(simplified.len() <= ring.len());
        prop_assert_eq!(simplified.first(), simplified.last());
        // Only positions of the ring are kept, in their order.
        let mut from = 0;
        for p in &simplified[..simplified.len() - 1] {
            let at = ring[from..].iter().position(|q| q == p);
            prop_assert!(at.is_some());
            from += at.unwrap() + 1;
        }
    }
}

#[test]
fn an_edit_naming_a_place_that_is_no_region_is_refused_at_its_place() {
    use masterplan_tracker::change::Direction;
    use masterplan_tracker::edit;
    let mut dataset = sample_dataset();
    let original = dataset.programs[20].clone();
    let mut edited = original.clone();
    edited.locations = vec!["21.72.01.1001".into(), "21.72.99".into()];
    let change = edit::save_program(&dataset, Some(&original), edited).unwrap();
    let refused = edit::apply(&mut dataset, &change, Direction::Forward).unwrap_err();
    assert_eq!(refused.0[0].path, "programs[20].locations[1]");
    assert_eq!(refused.0[0].problem, Problem::UnknownRegion { code: "21.72.99".into() });
    assert_eq!(dataset.programs[20], original, "a refused edit changes nothing");
}

#[test]
fn new_boundaries_take_the_locations_they_lack_and_undo_brings_all_back() {
    use masterplan_tracker::change::Direction;
    use masterplan_tracker::edit;
    let start = sample_dataset();
    let mut dataset = start.clone();
    let file = BoundariesFile::read(&agency_layer().to_string()).unwrap();
    let regions = file.regions(&file.proposal).unwrap().regions;
    let (change, lost) = edit::replace_regions(&dataset, Some(regions.clone()));
    let located = start.programs.iter().filter(|p| p.locations.iter().any(|l| l.split('.').count() == 4)).count();
    assert!(lost.programs >= located && lost.programs > 0);
    assert!(lost.codes.iter().any(|c| c == "21.72.01.1002"));
    edit::apply(&mut dataset, &change, Direction::Forward).unwrap();
    assert_eq!(dataset.regions.as_ref(), Some(&regions));
    let codes = regions.codes();
    assert!(dataset.programs.iter().flat_map(|p| &p.locations).all(|l| codes.contains(l.as_str())));
    edit::apply(&mut dataset, &change, Direction::Backward).unwrap();
    assert_eq!(dataset, start);
}
