//! Native tests of the map: one shape per region at each level, counts as the register would find them,
//! classes and legend, names from files escaped, the table of the same numbers.
#![cfg(not(target_arch = "wasm32"))]

use masterplan_tracker::format::Dataset;
use masterplan_tracker::geo::Level;
use masterplan_tracker::i18n::Lang;
use masterplan_tracker::map::{MapChart, MapView, Measure};
use masterplan_tracker::sample::sample_dataset;

/// The `data-region-code` and `data-count` of every region group, in the drawing's order.
fn groups(svg: &str) -> Vec<(String, usize)> {
    svg.split(r#"data-testid="map-region""#)
        .skip(1)
        .map(|rest| {
            let attr = |name: &str| {
                let start = rest.find(&format!(r#"{name}=""#)).unwrap() + name.len() + 2;
                rest[start..start + rest[start..].find('"').unwrap()].to_owned()
            };
            (attr("data-region-code"), attr("data-count").parse().unwrap())
        })
        .collect()
}

#[test]
fn the_sample_map_has_four_kecamatan_and_eighteen_kelurahan_with_their_counts() {
    let dataset = sample_dataset();
    let kecamatan = MapChart::of(&dataset, &dataset.programs, MapView::default(), Lang::Id).unwrap();
    assert_eq!(kecamatan.level, Level::Kecamatan);
    assert_eq!(kecamatan.levels, [Level::Kecamatan, Level::Kelurahan]);
    let drawn = groups(&kecamatan.to_svg());
    assert_eq!(drawn.len(), 4);
    // A kecamatan counts the programs located in it or in any of its kelurahan, each once.
    for (code, count) in &drawn {
        let expected = dataset
            .programs
            .iter()
            .filter(|p| p.locations.iter().any(|l| l == code || l.starts_with(&format!("{code}."))))
            .count();
        assert_eq!(*count, expected, "{code}");
    }
    let view = MapView { level: Some(Level::Kelurahan), measure: Measure::Programs };
    let kelurahan = MapChart::of(&dataset, &dataset.programs, view, Lang::Id).unwrap();
    let drawn = groups(&kelurahan.to_svg());
    assert_eq!(drawn.len(), 18);
    for (code, count) in &drawn {
        assert_eq!(*count, dataset.programs.iter().filter(|p| p.locations.contains(code)).count(), "{code}");
    }
    let city_wide = dataset.programs.iter().filter(|p| p.locations.is_empty()).count();
    assert!(kelurahan.city_wide.contains(&city_wide.to_string()), "{}", kelurahan.city_wide);
    assert_eq!(kelurahan.table.rows.len(), 19, "a row per kelurahan and the city-wide programs");
}

#[test]
fn shares_fall_in_quarters_and_regions_without_programs_say_so() {
    let mut dataset = sample_dataset();
    // No program in Penyengat.
    for p in &mut dataset.programs {
        p.locations.retain(|l| l != "21.72.03.1004");
    }
    let view = MapView { level: Some(Level::Kelurahan), measure: Measure::ActiveShare };
    let map = MapChart::of(&dataset, &dataset.programs, view, Lang::En).unwrap();
    let legend: Vec<&str> = map.legend.iter().map(|(words, _)| words.as_str()).collect();
    assert_eq!(legend, ["0–25%", "25–50%", "50–75%", "75–100%", "no programs"]);
    let penyengat = map.regions.iter().find(|r| r.code == "21.72.03.1004").unwrap();
    assert_eq!(penyengat.class, None);
    for region in map.regions.iter().filter(|r| r.tally.programs > 0) {
        let share = region.tally.running_or_done as f64 / region.tally.programs as f64;
        let expected = if share >= 0.75 { 3 } else { (share * 4.0).floor() as usize };
        assert_eq!(region.class, Some(expected), "{}", region.code);
    }
}

#[test]
fn names_and_codes_from_a_file_never_become_markup() {
    let mut dataset = sample_dataset();
    let regions = dataset.regions.as_mut().unwrap();
    regions.features[0].properties.name = r#"<script>alert("x")</script> & "Barat""#.to_owned();
    regions.features[0].properties.code = r#"21.72.01"><b"#.to_owned();
    for p in &mut dataset.programs {
        p.locations.clear();
    }
    let svg = MapChart::of(&dataset, &dataset.programs, MapView::default(), Lang::Id).unwrap().to_svg();
    assert!(!svg.contains("<script>") && !svg.contains("<b"), "escaped");
    assert!(svg.contains("&lt;script&gt;"));
}

#[test]
fn without_boundaries_there_is_no_map() {
    let mut dataset: Dataset = sample_dataset();
    dataset.regions = None;
    assert!(MapChart::of(&dataset, &dataset.programs, MapView::default(), Lang::Id).is_none());
}

#[test]
fn on_a_slide_the_map_fills_the_frame_with_its_legend_beside_it() {
    let dataset = sample_dataset();
    let map = MapChart::of(&dataset, &dataset.programs, MapView::default(), Lang::Id).unwrap();
    let slide = map.to_slide_svg();
    assert!(slide.contains(r#"viewBox="0 0 1280 600""#), "the charts' slide frame");
    assert_eq!(groups(&slide), groups(&map.to_svg()), "the same regions, with the same counts");
    // The legend's first item lies right of the map, not below it.
    let x_of = |text: &str| -> i32 {
        let at = slide.find(&format!(">\n{text}\n</text>")).unwrap_or_else(|| panic!("{text} in the slide"));
        let tag = &slide[slide[..at].rfind("<text").unwrap()..at];
        tag.split("x=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
    };
    assert!(x_of("0") > 640, "the legend beside the map");
    assert!(slide.contains("font-size=\"27.4"), "labels at 34 / 1.24 px, over 26 px at 1280 × 720");
}
