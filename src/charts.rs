//! The charts, drawn with plotters as SVG text: what each chart shows (a spec built from the metrics
//! and the translations) and how it is drawn. One colour-blind-safe palette, one colour per status.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::Status;
use crate::i18n::{Key, Lang};
use crate::metrics::Overview;

/// The Okabe–Ito palette, readable with every common colour-vision deficiency.
pub fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Done => RGBColor(0x00, 0x9E, 0x73),
        Status::Running => RGBColor(0x00, 0x72, 0xB2),
        Status::Discussion => RGBColor(0xE6, 0x9F, 0x00),
        Status::NotStarted => RGBColor(0xD5, 0x5E, 0x00),
    }
}

/// Text that stays readable on a status' colour.
fn text_color_on(status: Status) -> RGBColor {
    match status {
        Status::Discussion => BLACK,
        _ => WHITE,
    }
}

/// A horizontal bar chart whose bars may be stacked: the shape of both overview charts.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub axis_label: String,
    pub x_max: f64,
    /// What the axis counts, for tick labels written the way the language writes numbers.
    pub axis: Axis,
    pub lang: Lang,
    pub rows: Vec<BarRow>,
    pub legend: Vec<(String, Status)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Percent,
    Count,
}

impl Axis {
    fn tick_label(self, lang: Lang, value: f64) -> String {
        match self {
            Axis::Percent => lang.percent(value.round().max(0.0) as u32),
            // Programs come whole: a tick between two counts stays unlabelled.
            Axis::Count if value.fract().abs() > 1e-6 => String::new(),
            Axis::Count => lang.count(value.max(0.0) as usize),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub segments: Vec<Segment>,
    /// Written after the bar's end, e.g. `79 · 60,31 %`.
    pub end_label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub status: Status,
    pub value: f64,
    /// Written inside the segment when it is wide enough.
    pub label: String,
}

/// The drawing's width: about 1:1 in a half-width column at 1280 px.
const WIDTH: u32 = 640;
/// Text sizes as given to plotters, which writes `font-size` as size / 1.24: 20 shows as about 16 px.
const TITLE_SIZE: f64 = 25.0;
const LABEL_SIZE: f64 = 20.0;
const VALUE_SIZE: f64 = 19.0;
const Y_LABEL_AREA: u32 = 200;
const RIGHT_MARGIN: u32 = 118;
const LEGEND_ROW: i32 = 26;
const ROW_HEIGHT: u32 = 50;
const FONT: &str = "sans-serif";

impl BarChart {
    /// Each status' share of all programs, one bar per status.
    pub fn status_shares(overview: &Overview, lang: Lang) -> BarChart {
        let rows = Status::ALL
            .iter()
            .map(|&status| {
                let share = overview.shares.get(status);
                BarRow {
                    label: lang.status(status).to_owned(),
                    segments: vec![Segment { status, value: share.as_fraction() * 100.0, label: String::new() }],
                    end_label: format!("{} · {}", lang.count(overview.counts.get(status)), lang.share(share)),
                }
            })
            .collect();
        BarChart {
            title: lang.t(Key::ChartStatusTitle).to_owned(),
            axis_label: lang.t(Key::ChartShareAxis).to_owned(),
            x_max: 100.0,
            axis: Axis::Percent,
            lang,
            rows,
            legend: Vec::new(),
        }
    }

    /// Programs per dimension, each bar stacked by status.
    pub fn dimensions_by_status(overview: &Overview, lang: Lang) -> BarChart {
        let largest = overview.by_dimension.iter().map(|(_, c)| c.total()).max().unwrap_or(0);
        let step = nice_step(largest);
        let top = (largest.div_ceil(step).max(1)) * step;
        let rows = overview
            .by_dimension
            .iter()
            .map(|(dimension, counts)| BarRow {
                label: lang.dimension(*dimension).to_owned(),
                segments: Status::ALL
                    .iter()
                    .map(|&status| Segment {
                        status,
                        value: counts.get(status) as f64,
                        label: lang.count(counts.get(status)),
                    })
                    .collect(),
                end_label: lang.count(counts.total()),
            })
            .collect();
        BarChart {
            title: lang.t(Key::ChartDimensionTitle).to_owned(),
            axis_label: lang.t(Key::ChartCountAxis).to_owned(),
            x_max: top as f64,
            axis: Axis::Count,
            lang,
            rows,
            legend: Status::ALL.iter().map(|&s| (lang.status(s).to_owned(), s)).collect(),
        }
    }

    /// The chart as an SVG document. Text is escaped by plotters, so names from a file never become markup.
    pub fn to_svg(&self) -> String {
        let legend_height = if self.legend.is_empty() { 0 } else { 2 * LEGEND_ROW as u32 + 8 };
        let height = 60 + legend_height + ROW_HEIGHT * self.rows.len().max(1) as u32 + 56;
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
            // Drawing into a String cannot fail; an error here would be a bug in the layout maths.
            self.draw(&root, legend_height).expect("drawing into a string buffer");
            root.present().expect("drawing into a string buffer");
        }
        svg
    }

    fn draw(
        &self,
        root: &DrawingArea<SVGBackend<'_>, Shift>,
        legend_height: u32,
    ) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
        root.fill(&WHITE)?;
        let (title_area, rest) = root.split_vertically(44);
        title_area.draw(&Text::new(
            self.title.as_str(),
            (16, 22),
            (FONT, TITLE_SIZE).into_font().style(FontStyle::Bold).color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let (legend_area, plot_area) = rest.split_vertically(legend_height);
        self.draw_legend(&legend_area)?;

        let n = self.rows.len().max(1);
        let mut chart = ChartBuilder::on(&plot_area)
            .margin_left(12)
            .margin_right(RIGHT_MARGIN)
            .margin_top(4)
            .margin_bottom(8)
            .x_label_area_size(48)
            .y_label_area_size(Y_LABEL_AREA)
            // A segmented range covers both of its ends: 0..n-1 gives exactly n bands.
            .build_cartesian_2d(0f64..self.x_max, (0..n - 1).into_segmented())?;
        let rows = &self.rows;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(6)
            .x_label_formatter(&|v| self.axis.tick_label(self.lang, *v))
            .y_label_formatter(&|segment| match segment {
                SegmentValue::CenterOf(i) => {
                    n.checked_sub(i + 1).and_then(|row| rows.get(row)).map(|r| r.label.clone()).unwrap_or_default()
                }
                _ => String::new(),
            })
            .x_desc(self.axis_label.as_str())
            .label_style((FONT, LABEL_SIZE).into_font().color(&BLACK))
            .axis_desc_style((FONT, LABEL_SIZE).into_font().color(&BLACK))
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
            .draw()?;

        for (i, row) in self.rows.iter().enumerate() {
            let band = n - 1 - i;
            let mut x = 0.0;
            for segment in row.segments.iter().filter(|s| s.value > 0.0) {
                let end = x + segment.value;
                let mut bar = Rectangle::new(
                    [(x, SegmentValue::Exact(band)), (end, SegmentValue::Exact(band + 1))],
                    status_color(segment.status).filled(),
                );
                bar.set_margin(7, 7, 0, 0);
                chart.draw_series(std::iter::once(bar))?;
                let width_px = segment.value / self.x_max * f64::from(WIDTH - Y_LABEL_AREA - RIGHT_MARGIN - 12);
                if !segment.label.is_empty() && width_px >= 10.0 * segment.label.chars().count() as f64 + 8.0 {
                    chart.draw_series(std::iter::once(Text::new(
                        segment.label.clone(),
                        (x + segment.value / 2.0, SegmentValue::CenterOf(band)),
                        (FONT, VALUE_SIZE)
                            .into_font()
                            .color(&text_color_on(segment.status))
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    )))?;
                }
                x = end;
            }
            chart.draw_series(std::iter::once(
                EmptyElement::at((x, SegmentValue::CenterOf(band)))
                    + Text::new(
                        row.end_label.clone(),
                        (8, 0),
                        (FONT, LABEL_SIZE).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
                    ),
            ))?;
        }
        Ok(())
    }

    fn draw_legend(
        &self,
        area: &DrawingArea<SVGBackend<'_>, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
        let style = (FONT, LABEL_SIZE).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
        // Items flow left to right and wrap onto a second row when the language's words are long.
        let (mut x, mut y) = (16i32, LEGEND_ROW / 2 + 4);
        for (label, status) in &self.legend {
            let (text_width, _) = area.estimate_text_size(label, &style)?;
            let item_width = 22 + text_width as i32;
            if x > 16 && x + item_width > WIDTH as i32 - 8 {
                x = 16;
                y += LEGEND_ROW;
            }
            area.draw(&Rectangle::new([(x, y - 8), (x + 16, y + 8)], status_color(*status).filled()))?;
            area.draw(&Text::new(label.as_str(), (x + 22, y), style.clone()))?;
            x += item_width + 20;
        }
        Ok(())
    }
}

/// A tick step of 1, 2 or 5 times a power of ten that gives at most about six ticks.
fn nice_step(largest: usize) -> usize {
    let mut power = 1;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * power;
            if largest.div_ceil(step) <= 6 {
                return step;
            }
        }
        power *= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn ticks_stay_few() {
        assert_eq!(nice_step(0), 1);
        assert_eq!(nice_step(30), 5);
        assert_eq!(nice_step(131), 50);
        assert_eq!(nice_step(20_000), 5_000);
    }
}
