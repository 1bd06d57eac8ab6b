//! The map of programs by kecamatan or kelurahan: what it shows (each region filled by a measure in classes
//! of one hue of the palette, the city-wide programs counted apart, the same numbers as a table) and its
//! drawing with plotters as SVG, each region a group the page can focus, read out and click.

use std::collections::HashMap;
use std::fmt::Write as _;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::{
    FONT, LABEL_SIZE, LEGEND_ROW, SLIDE_HEIGHT, SLIDE_WIDTH, TITLE_SIZE, Table, WIDTH, chars_fitting, shortened_to,
    wrapped,
};
use crate::format::{Dataset, Program};
use crate::geo::projection::Projection;
use crate::geo::{Level, Position, RegionIndex, Ring, Tallies, Tally};
use crate::i18n::{Key, Lang};
use crate::metrics::Share;

/// What fills the regions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    #[default]
    Programs,
    /// The share of the region's programs that are running or done.
    ActiveShare,
    QuickWins,
    Postponed,
}

impl Measure {
    pub const ALL: [Measure; 4] = [Measure::Programs, Measure::ActiveShare, Measure::QuickWins, Measure::Postponed];

    pub fn code(self) -> &'static str {
        match self {
            Measure::Programs => "programs",
            Measure::ActiveShare => "active-share",
            Measure::QuickWins => "quick-wins",
            Measure::Postponed => "postponed",
        }
    }

    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Measure::Programs => Key::MapMeasurePrograms,
            Measure::ActiveShare => Key::MapMeasureActiveShare,
            Measure::QuickWins => Key::MapMeasureQuickWins,
            Measure::Postponed => Key::MapMeasurePostponed,
        })
    }

    /// The region's value: a count, or a share in percent (`None` without programs to share).
    fn value(self, tally: &Tally) -> Option<f64> {
        match self {
            Measure::Programs => Some(tally.programs as f64),
            Measure::QuickWins => Some(tally.quick_wins as f64),
            Measure::Postponed => Some(tally.postponed as f64),
            Measure::ActiveShare => {
                (tally.programs > 0).then(|| tally.running_or_done as f64 / tally.programs as f64 * 100.0)
            }
        }
    }
}

/// What the map shows: the level of regions and the measure that fills them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MapView {
    /// `None`: the coarsest level the boundaries have.
    pub level: Option<Level>,
    pub measure: Measure,
}

/// One region as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRegion {
    pub code: String,
    pub name: String,
    /// The kecamatan's name, for a kelurahan.
    pub parent_name: Option<String>,
    pub tally: Tally,
    /// The class of its value (an index into the legend); `None` for a share of no programs.
    pub class: Option<usize>,
    /// What a screen reader says of it: its name and numbers.
    pub description: String,
    /// Its polygons, each a list of rings (outline first).
    shapes: Vec<Vec<Ring>>,
    /// The lines drawn around it: its rings, or for a kecamatan drawn from its kelurahan, the edges that no
    /// two of them share.
    outline: Vec<Vec<Position>>,
}

/// The map of one dataset, level and measure, under the dashboard's filters.
#[derive(Clone, Debug, PartialEq)]
pub struct MapChart {
    pub title: String,
    pub lang: Lang,
    pub level: Level,
    /// The levels the boundaries have, coarsest first.
    pub levels: Vec<Level>,
    pub measure: Measure,
    pub regions: Vec<MapRegion>,
    /// Each class: its words (`1–2`, `50–75 %`) and its colour.
    pub legend: Vec<(String, RGBColor)>,
    /// The programs without a location, said beside the map.
    pub city_wide: String,
    /// Where the boundaries come from, credited under the map.
    pub source: Option<String>,
    pub table: Table,
}

/// The palette's blue (Okabe–Ito) and its tints: one hue, lighter to darker, readable with every common
/// colour-vision deficiency; a grey for regions without programs to share.
const BLUE: (u8, u8, u8) = (0x00, 0x72, 0xB2);
const NO_VALUE: RGBColor = RGBColor(0xF2, 0xF2, 0xF2);

fn tint(step: usize, steps: usize) -> RGBColor {
    let t = (step + 1) as f64 / steps as f64;
    let mix = |c: u8| (255.0 - (255.0 - f64::from(c)) * (0.15 + 0.85 * t)).round() as u8;
    RGBColor(mix(BLUE.0), mix(BLUE.1), mix(BLUE.2))
}

/// Whether text on the colour reads better in white.
fn is_dark(color: RGBColor) -> bool {
    let RGBColor(r, g, b) = color;
    0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b) < 140.0
}

/// The classes of a measure's values: for counts, `0` and up to four ranges of equal width; for shares,
/// quarters. Returns each class' lower and upper end (inclusive for counts).
fn classes(measure: Measure, largest: f64) -> Vec<(f64, f64)> {
    match measure {
        Measure::ActiveShare => vec![(0.0, 25.0), (25.0, 50.0), (50.0, 75.0), (75.0, 100.0)],
        _ => {
            let largest = largest.max(0.0) as usize;
            let width = largest.div_ceil(4).max(1);
            let mut out = vec![(0.0, 0.0)];
            let mut low = 1;
            while low <= largest {
                out.push((low as f64, (low + width - 1) as f64));
                low += width;
            }
            out
        }
    }
}

fn class_of(measure: Measure, classes: &[(f64, f64)], value: f64) -> usize {
    match measure {
        // The upper end belongs to the higher class; 100 % to the last.
        Measure::ActiveShare => classes.iter().rposition(|(low, _)| value >= *low).unwrap_or(0),
        _ => classes.iter().position(|(_, high)| value <= *high).unwrap_or(classes.len() - 1),
    }
}

impl MapChart {
    /// The map of `programs` (the dashboard's filter applied) on the dataset's boundaries; `None` without
    /// boundaries.
    pub fn of(dataset: &Dataset, programs: &[Program], view: MapView, lang: Lang) -> Option<MapChart> {
        let regions = dataset.regions.as_ref()?;
        let index = RegionIndex::of(regions);
        let levels = index.levels();
        let level = view.level.filter(|l| levels.contains(l)).or_else(|| levels.first().copied())?;
        let tallies = Tallies::of(&index, programs);
        // Each kecamatan's kelurahan, found in one pass (a file may hold tens of thousands of regions).
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); index.entries.len()];
        for (i, entry) in index.entries.iter().enumerate() {
            if let Some(parent) = entry.parent {
                children[parent].push(i);
            }
        }
        let holds_kelurahan: Vec<bool> = children.iter().map(|c| !c.is_empty()).collect();
        // At the kecamatan level, the kecamatan; at the kelurahan level, the kelurahan and the kecamatan
        // that have none of theirs in the file (so that the city has no hole).
        let shown: Vec<usize> = (0..index.entries.len())
            .filter(|&i| match level {
                Level::Kecamatan => index.entries[i].level == Level::Kecamatan,
                Level::Kelurahan => index.entries[i].level == Level::Kelurahan || !holds_kelurahan[i],
            })
            .collect();
        let values: Vec<Option<f64>> = shown.iter().map(|&i| view.measure.value(&tallies.regions[i])).collect();
        let largest = values.iter().flatten().copied().fold(0.0, f64::max);
        let bounds = classes(view.measure, largest);
        let colors: Vec<RGBColor> = match view.measure {
            Measure::ActiveShare => (0..bounds.len()).map(|k| tint(k, bounds.len())).collect(),
            // The class of 0 is the lightest tint, the others darker in turn.
            _ => (0..bounds.len()).map(|k| tint(k, bounds.len().max(2))).collect(),
        };
        let mut legend: Vec<(String, RGBColor)> = bounds
            .iter()
            .zip(&colors)
            .map(|(&(low, high), color)| {
                let words = match view.measure {
                    Measure::ActiveShare => {
                        format!("{}–{}", lang.integer(low as i64), lang.percent(high as u32))
                    }
                    _ if low == high => lang.integer(low as i64),
                    _ => format!("{}–{}", lang.integer(low as i64), lang.integer(high as i64)),
                };
                (words, *color)
            })
            .collect();
        if view.measure == Measure::ActiveShare && values.iter().any(Option::is_none) {
            legend.push((lang.t(Key::MapNoPrograms).to_owned(), NO_VALUE));
        }
        let map_regions: Vec<MapRegion> = shown
            .iter()
            .zip(&values)
            .map(|(&i, value)| {
                let entry = &index.entries[i];
                let tally = tallies.regions[i];
                let children: &[usize] = if level == Level::Kecamatan { &children[i] } else { &[] };
                let (shapes, outline) = if children.is_empty() {
                    let shapes: Vec<Vec<Ring>> = regions.features[i].geometry.polygons().cloned().collect();
                    let outline = shapes.iter().flatten().cloned().collect();
                    (shapes, outline)
                } else {
                    let shapes: Vec<Vec<Ring>> =
                        children.iter().flat_map(|&c| regions.features[c].geometry.polygons().cloned()).collect();
                    let outline = outer_edges(&shapes);
                    (shapes, outline)
                };
                MapRegion {
                    code: entry.code.clone(),
                    name: entry.name.clone(),
                    parent_name: entry.parent.map(|p| index.entries[p].name.clone()),
                    tally,
                    class: value.map(|v| class_of(view.measure, &bounds, v)),
                    description: describe(&entry.name, &tally, lang),
                    shapes,
                    outline,
                }
            })
            .collect();
        let mut table = Table {
            head: vec![
                lang.t(Key::MapRegionHead).to_owned(),
                lang.t(Key::MapMeasurePrograms).to_owned(),
                lang.t(Key::MapMeasureActiveShare).to_owned(),
                lang.t(Key::MapMeasureQuickWins).to_owned(),
                lang.t(Key::MapMeasurePostponed).to_owned(),
            ],
            rows: map_regions
                .iter()
                .map(|r| {
                    let name = match &r.parent_name {
                        Some(parent) => format!("{} ({parent})", r.name),
                        None => r.name.clone(),
                    };
                    row(name, &r.tally, lang)
                })
                .collect(),
        };
        table.rows.push(row(lang.t(Key::MapCityWide).to_owned(), &tallies.city_wide, lang));
        let title =
            lang.tf(Key::MapTitle, &[("measure", view.measure.name(lang)), ("level", lang.t(level_key(level)))]);
        Some(MapChart {
            title,
            lang,
            level,
            levels,
            measure: view.measure,
            regions: map_regions,
            legend,
            city_wide: lang.tf(Key::MapCityWideCount, &[("programs", &lang.programs(tallies.city_wide.programs))]),
            source: regions.source.clone(),
            table,
        })
    }
}

pub fn level_key(level: Level) -> Key {
    match level {
        Level::Kecamatan => Key::LevelKecamatan,
        Level::Kelurahan => Key::LevelKelurahan,
    }
}

fn share_text(tally: &Tally, lang: Lang) -> String {
    if tally.programs == 0 {
        return "–".to_owned();
    }
    lang.share(Share::ratio(tally.running_or_done, tally.programs))
}

fn row(name: String, tally: &Tally, lang: Lang) -> Vec<String> {
    vec![
        name,
        lang.count(tally.programs),
        share_text(tally, lang),
        lang.count(tally.quick_wins),
        lang.count(tally.postponed),
    ]
}

fn describe(name: &str, tally: &Tally, lang: Lang) -> String {
    lang.tf(
        Key::MapRegionDescription,
        &[
            ("name", name),
            ("programs", &lang.programs(tally.programs)),
            ("share", &share_text(tally, lang)),
            ("quick_wins", &lang.count(tally.quick_wins)),
            ("postponed", &lang.count(tally.postponed)),
        ],
    )
}

/// The edges of the polygons that no two of them share, chained into lines: the outline of a kecamatan
/// drawn from its kelurahan, without the lines between them.
fn outer_edges(shapes: &[Vec<Ring>]) -> Vec<Vec<Position>> {
    // Positions compared at about 1 cm, so that the same vertex written by two features matches.
    let key = |p: Position| ((p.lon * 1e7).round() as i64, (p.lat * 1e7).round() as i64);
    type Point = (i64, i64);
    let mut uses: HashMap<(Point, Point), usize> = HashMap::new();
    for ring in shapes.iter().flatten() {
        for pair in ring.windows(2) {
            let (a, b) = (key(pair[0]), key(pair[1]));
            *uses.entry(if a <= b { (a, b) } else { (b, a) }).or_default() += 1;
        }
    }
    let mut lines = Vec::new();
    for ring in shapes.iter().flatten() {
        let mut line: Vec<Position> = Vec::new();
        for pair in ring.windows(2) {
            let (a, b) = (key(pair[0]), key(pair[1]));
            let outer = uses.get(&if a <= b { (a, b) } else { (b, a) }).copied().unwrap_or(0) == 1;
            if outer {
                if line.is_empty() {
                    line.push(pair[0]);
                }
                line.push(pair[1]);
            } else if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

const MAP_MIN_HEIGHT: f64 = 320.0;
const MAP_MAX_HEIGHT: f64 = 720.0;
const TITLE_HEIGHT: u32 = 44;
const MARGIN: f64 = 16.0;
/// Plotters writes `font-size` as size / 1.24.
const NAME_SIZE: f64 = 16.0;
const SOURCE_SIZE: f64 = 14.0;

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// What a class fills with.
fn fill_of(chart: &MapChart, region: &MapRegion) -> RGBColor {
    match region.class {
        Some(k) => chart.legend.get(k).map_or(NO_VALUE, |(_, c)| *c),
        None => NO_VALUE,
    }
}

/// The inside of a plotters SVG document: its elements without the `<svg>` element around them.
fn inner(svg: &str) -> &str {
    let start = svg.find('>').map_or(0, |i| i + 1);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    &svg[start..end]
}

/// `text` for an attribute's value: names and codes come from files.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The signed area of a ring in the projection's pixels, and its centroid.
fn area_and_centroid(points: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for pair in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if area.abs() < 1e-9 {
        let n = points.len().max(1) as f64;
        let (sx, sy) = points.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        return (0.0, (sx / n, sy / n));
    }
    (area / 2.0, (cx / (3.0 * area), cy / (3.0 * area)))
}

impl MapChart {
    /// The map as an SVG document for the dashboard's card: each region a `<g data-testid="map-region">` with
    /// its code, its count and a description, focusable; names where they fit; the legend, the city-wide
    /// programs and the boundaries' source below.
    pub fn to_svg(&self) -> String {
        let positions = self.regions.iter().flat_map(|r| r.shapes.iter().flatten().flatten());
        let map_width = f64::from(WIDTH) - 2.0 * MARGIN;
        let map_height = Projection::height_for(positions.clone(), map_width)
            .unwrap_or(MAP_MIN_HEIGHT)
            .clamp(MAP_MIN_HEIGHT, MAP_MAX_HEIGHT);
        let legend_rows = self.legend_rows();
        let below = LEGEND_ROW * (legend_rows as i32) + 8 + 28 + if self.source.is_some() { 24 } else { 0 } + 8;
        let height = TITLE_HEIGHT + (map_height + 2.0 * MARGIN) as u32 + below as u32;
        self.svg_with(&MapLayout::CARD, (WIDTH, height), (map_width, map_height))
    }

    /// The map as an SVG document that fills a 16:9 slide (1280 × 600, like the charts'): the map as large as
    /// the frame's height allows, the legend, the city-wide programs and the source beside it, in type that
    /// stays at least 20 px on a 1280 × 720 screen.
    pub fn to_slide_svg(&self) -> String {
        let positions = self.regions.iter().flat_map(|r| r.shapes.iter().flatten().flatten());
        let layout = MapLayout::SLIDE;
        let (most_wide, most_high) =
            (f64::from(SLIDE_WIDTH) * 0.62, f64::from(SLIDE_HEIGHT - layout.title_height) - 2.0 * MARGIN);
        // Tall shapes take the frame's height; wide ones its width, at most.
        let ratio = Projection::height_for(positions, 1000.0).map_or(1.0, |h| h / 1000.0).max(0.05);
        let map_width = most_wide.min(most_high / ratio);
        self.svg_with(&layout, (SLIDE_WIDTH, SLIDE_HEIGHT), (map_width, (map_width * ratio).min(most_high)))
    }

    fn svg_with(&self, layout: &MapLayout, size: (u32, u32), (map_width, map_height): (f64, f64)) -> String {
        let positions = self.regions.iter().flat_map(|r| r.shapes.iter().flatten().flatten());
        let projection = Projection::fit(positions, map_width, map_height);
        let to_pixel = |p: Position| -> (i32, i32) {
            let (x, y) = projection.map_or((0.0, 0.0), |pr| pr.project(p));
            ((x + MARGIN).round() as i32, (y + MARGIN + f64::from(layout.title_height)).round() as i32)
        };

        let mut under = String::new();
        {
            let root = SVGBackend::with_string(&mut under, size).into_drawing_area();
            root.fill(&WHITE).expect("drawing into a string buffer");
            root.present().expect("drawing into a string buffer");
        }
        let mut svg = String::with_capacity(under.len() * 4);
        svg.push_str(&under[..under.find('>').map_or(0, |i| i + 1)]);
        svg.push_str(inner(&under));

        // Larger regions first, so that one lying inside another (an island kelurahan) is drawn over it.
        let mut order: Vec<(usize, f64)> = self
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let area: f64 = r
                    .shapes
                    .iter()
                    .filter_map(|p| p.first())
                    .map(|ring| {
                        let pts: Vec<(f64, f64)> = ring.iter().map(|p| (p.lon, p.lat)).collect();
                        area_and_centroid(&pts).0.abs()
                    })
                    .sum();
                (i, area)
            })
            .collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        for &(i, _) in &order {
            let region = &self.regions[i];
            let mut part = String::new();
            {
                let area = SVGBackend::with_string(&mut part, size).into_drawing_area();
                self.draw_region(&area, region, &to_pixel).expect("drawing into a string buffer");
                area.present().expect("drawing into a string buffer");
            }
            let _ = write!(
                svg,
                r#"<g class="map-region" data-testid="map-region" data-region-code="{}" data-count="{}" tabindex="0" role="button" aria-label="{}">"#,
                attribute(&region.code),
                region.tally.programs,
                attribute(&region.description),
            );
            svg.push_str(inner(&part));
            svg.push_str("</g>");
        }

        let mut over = String::new();
        {
            let root = SVGBackend::with_string(&mut over, size).into_drawing_area();
            self.draw_over(&root, &to_pixel, (map_width, map_height), layout).expect("drawing into a string buffer");
            root.present().expect("drawing into a string buffer");
        }
        svg.push_str(r#"<g class="map-text">"#);
        svg.push_str(inner(&over));
        svg.push_str("</g></svg>\n");
        svg
    }

    fn draw_region(&self, area: &Area<'_>, region: &MapRegion, to_pixel: &dyn Fn(Position) -> (i32, i32)) -> Drawn {
        let fill = fill_of(self, region);
        for polygon in &region.shapes {
            for (k, ring) in polygon.iter().enumerate() {
                let points: Vec<(i32, i32)> = ring.iter().map(|p| to_pixel(*p)).collect();
                // A hole is drawn in white over its outline: SVG polygons of plotters have no holes.
                let color = if k == 0 { fill } else { WHITE };
                area.draw(&plotters::element::Polygon::new(points.clone(), color.filled()))?;
                // The fill's own colour around it closes the hairline gaps between neighbours.
                area.draw(&PathElement::new(points, color.stroke_width(1)))?;
            }
        }
        let line = if self.level == Level::Kecamatan { RGBColor(0x33, 0x33, 0x33) } else { WHITE };
        let width = if self.level == Level::Kecamatan { 2 } else { 1 };
        for outline in &region.outline {
            let points: Vec<(i32, i32)> = outline.iter().map(|p| to_pixel(*p)).collect();
            area.draw(&PathElement::new(points, line.stroke_width(width)))?;
        }
        Ok(())
    }

    /// How many rows the legend takes at the drawing's width.
    fn legend_rows(&self) -> usize {
        let mut rows = 1;
        let mut x = 16;
        for (label, _) in &self.legend {
            let width = 22 + 10 * label.chars().count() as i32;
            if x > 16 && x + width > WIDTH as i32 - 8 {
                rows += 1;
                x = 16;
            }
            x += width + 20;
        }
        rows
    }

    /// The title, the kecamatan's outlines at the kelurahan level, the names that fit, the legend, the
    /// city-wide programs and the source.
    fn draw_over(
        &self,
        root: &Area<'_>,
        to_pixel: &dyn Fn(Position) -> (i32, i32),
        (map_width, map_height): (f64, f64),
        layout: &MapLayout,
    ) -> Drawn {
        root.draw(&Text::new(
            self.title.as_str(),
            (16, layout.title_height as i32 / 2),
            (FONT, layout.title)
                .into_font()
                .style(FontStyle::Bold)
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        for region in &self.regions {
            // The name at the centroid of the region's largest polygon, when it fits inside that polygon's box.
            let largest = region
                .shapes
                .iter()
                .filter_map(|p| p.first())
                .map(|ring| {
                    let pts: Vec<(f64, f64)> = ring
                        .iter()
                        .map(|p| {
                            let (x, y) = to_pixel(*p);
                            (f64::from(x), f64::from(y))
                        })
                        .collect();
                    let (area, centroid) = area_and_centroid(&pts);
                    let (min_x, max_x) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), (x, _)| (a.min(*x), b.max(*x)));
                    let (min_y, max_y) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), (_, y)| (a.min(*y), b.max(*y)));
                    (area.abs(), centroid, max_x - min_x, max_y - min_y)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let Some((_, (cx, cy), width, height)) = largest else { continue };
            let color = if is_dark(fill_of(self, region)) { WHITE } else { BLACK };
            let style = (FONT, layout.name).into_font().color(&color).pos(Pos::new(HPos::Center, VPos::Center));
            // Measured at the legend's size and scaled: the page's Content-Security-Policy allows the one
            // style attribute plotters measures text with at that size (index.html), no other.
            let measure = (FONT, LABEL_SIZE).into_font().color(&BLACK);
            let (text_width, text_height) = root.estimate_text_size(&region.name, &measure)?;
            let scale = layout.name / LABEL_SIZE;
            if f64::from(text_width) * scale <= width * 0.9 && f64::from(text_height) * scale * 1.6 <= height {
                root.draw(&Text::new(region.name.as_str(), (cx.round() as i32, cy.round() as i32), style))?;
            }
        }
        if layout.beside {
            return self.draw_legend_beside(root, (MARGIN * 2.0 + map_width) as i32 + 24, layout);
        }
        let mut y = layout.title_height as i32 + (map_height + 2.0 * MARGIN) as i32 + LEGEND_ROW / 2;
        let style = (FONT, LABEL_SIZE).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
        let mut x = 16;
        for (label, color) in &self.legend {
            let (text_width, _) = root.estimate_text_size(label, &style)?;
            let item = 22 + text_width as i32;
            if x > 16 && x + item > WIDTH as i32 - 8 {
                x = 16;
                y += LEGEND_ROW;
            }
            root.draw(&Rectangle::new([(x, y - 8), (x + 16, y + 8)], color.filled()))?;
            root.draw(&Rectangle::new([(x, y - 8), (x + 16, y + 8)], RGBColor(0x88, 0x88, 0x88).stroke_width(1)))?;
            root.draw(&Text::new(label.as_str(), (x + 22, y), style.clone()))?;
            x += item + 20;
        }
        y += LEGEND_ROW + 4;
        root.draw(&Text::new(self.city_wide.as_str(), (16, y), style.clone()))?;
        if let Some(source) = &self.source {
            y += 26;
            let credit = self.lang.tf(Key::MapSource, &[("source", source)]);
            let small = (FONT, SOURCE_SIZE).into_font().color(&RGBColor(0x44, 0x44, 0x44));
            root.draw(&Text::new(shortened_to(&credit, 95), (16, y), small.pos(Pos::new(HPos::Left, VPos::Center))))?;
        }
        Ok(())
    }

    /// A slide's legend in a column right of the map, from `left`: one item per row, then the city-wide
    /// programs and the source, each wrapped to the column.
    fn draw_legend_beside(&self, root: &Area<'_>, left: i32, layout: &MapLayout) -> Drawn {
        let size = layout.label;
        let style = (FONT, size).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
        let chars = chars_fitting(SLIDE_WIDTH as i32 - 16 - left, size).max(8);
        let line = (size / 1.24 * 1.25) as i32;
        let swatch = (size / 2.5) as i32;
        let mut y = layout.title_height as i32 + 24;
        for (label, color) in &self.legend {
            let corners = [(left, y - swatch), (left + 2 * swatch, y + swatch)];
            root.draw(&Rectangle::new(corners, color.filled()))?;
            root.draw(&Rectangle::new(corners, RGBColor(0x88, 0x88, 0x88).stroke_width(1)))?;
            root.draw(&Text::new(shortened_to(label, chars - 3), (left + 2 * swatch + 10, y), style.clone()))?;
            y += layout.legend_row;
        }
        y += line / 2;
        for text in wrapped(&self.city_wide, chars, 3) {
            root.draw(&Text::new(text, (left, y), style.clone()))?;
            y += line;
        }
        if let Some(source) = &self.source {
            let credit = self.lang.tf(Key::MapSource, &[("source", source)]);
            let small = (FONT, layout.source).into_font().color(&RGBColor(0x44, 0x44, 0x44));
            let small_chars = chars_fitting(SLIDE_WIDTH as i32 - 16 - left, layout.source);
            y += line / 2;
            for text in wrapped(&credit, small_chars.max(8), 3) {
                root.draw(&Text::new(text, (left, y), small.clone().pos(Pos::new(HPos::Left, VPos::Center))))?;
                y += (layout.source / 1.24 * 1.25) as i32;
            }
        }
        Ok(())
    }
}

/// Where the map is drawn: the card's layout (legend below) or a slide's (legend beside, larger type).
struct MapLayout {
    title: f64,
    title_height: u32,
    name: f64,
    label: f64,
    source: f64,
    legend_row: i32,
    beside: bool,
}

impl MapLayout {
    const CARD: MapLayout = MapLayout {
        title: TITLE_SIZE,
        title_height: TITLE_HEIGHT,
        name: NAME_SIZE,
        label: LABEL_SIZE,
        source: SOURCE_SIZE,
        legend_row: LEGEND_ROW,
        beside: false,
    };
    /// Type as the charts' on a slide: at 1280 × 720, names about 25 px, the source about 21 px.
    const SLIDE: MapLayout = MapLayout {
        title: 46.0,
        title_height: 80,
        name: 32.0,
        label: 34.0,
        source: 27.0,
        legend_row: 48,
        beside: true,
    };
}
