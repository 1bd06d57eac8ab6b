//! The charts, drawn with plotters as SVG text: what each chart shows (a spec built from the metrics
//! and the translations) and how it is drawn. One colour-blind-safe palette, one colour per status.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::Status;
use crate::i18n::{Key, Lang};
use crate::metrics::{self, Overview, StatusCounts};

/// The Okabe–Ito palette, readable with every common colour-vision deficiency.
pub fn status_color(status: Status) -> RGBColor {
    match status {
        Status::Done => RGBColor(0x00, 0x9E, 0x73),
        Status::Running => RGBColor(0x00, 0x72, 0xB2),
        Status::Discussion => RGBColor(0xE6, 0x9F, 0x00),
        Status::NotStarted => RGBColor(0xD5, 0x5E, 0x00),
    }
}

/// What fills a bar segment: a status' own colour, or one of the palette's other colours for series that
/// are not statuses (years, yes / no / not stated), so that a status' colour never means anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Status(Status),
    /// Sky blue, reddish purple, yellow, grey: the rest of the palette.
    Other(u8),
}

impl Fill {
    pub fn color(self) -> RGBColor {
        match self {
            Fill::Status(status) => status_color(status),
            Fill::Other(i) => [
                RGBColor(0x56, 0xB4, 0xE9),
                RGBColor(0xCC, 0x79, 0xA7),
                RGBColor(0xF0, 0xE4, 0x42),
                RGBColor(0x99, 0x99, 0x99),
            ][usize::from(i) % 4],
        }
    }

    /// Text that stays readable on the fill.
    fn text_color(self) -> RGBColor {
        match self {
            Fill::Status(Status::Discussion) | Fill::Other(_) => BLACK,
            Fill::Status(_) => WHITE,
        }
    }
}

/// The same numbers as a chart, as a table for screen readers and for reading aloud in a meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A horizontal bar chart whose bars may be stacked: the shape of every chart of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The chart's name in `data-testid` (`chart-<name>`) and in file names.
    pub name: &'static str,
    pub title: String,
    pub axis_label: String,
    pub x_max: f64,
    /// What the axis counts, for tick labels written the way the language writes numbers.
    pub axis: Axis,
    pub lang: Lang,
    pub rows: Vec<BarRow>,
    pub legend: Vec<(String, Fill)>,
    pub table: Table,
}

/// What the length of a stacked bar says: how many programs, or which share of the group's programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scale {
    Counts,
    Shares,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Percent,
    Count,
    /// An assessors' score or index, in whatever scale they use.
    Score,
}

impl Axis {
    fn tick_label(self, lang: Lang, value: f64) -> String {
        match self {
            Axis::Percent => lang.percent(value.round().max(0.0) as u32),
            // Programs come whole: a tick between two counts stays unlabelled.
            Axis::Count if value.fract().abs() > 1e-6 => String::new(),
            Axis::Count => lang.count(value.max(0.0) as usize),
            Axis::Score if value.fract().abs() > 1e-6 => lang.decimal(value),
            Axis::Score => lang.integer(value.round() as i64),
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
    pub fill: Fill,
    pub value: f64,
    /// Written inside the segment when it is wide enough.
    pub label: String,
}

/// The drawing's width: about 1:1 in a half-width column at 1280 px.
pub(crate) const WIDTH: u32 = 640;
/// Text sizes as given to plotters, which writes `font-size` as size / 1.24: 20 shows as about 16 px.
pub(crate) const TITLE_SIZE: f64 = 25.0;
pub(crate) const LABEL_SIZE: f64 = 20.0;
const VALUE_SIZE: f64 = 19.0;
const Y_LABEL_AREA: u32 = 200;
const RIGHT_MARGIN: u32 = 118;
pub(crate) const LEGEND_ROW: i32 = 26;
const ROW_HEIGHT: u32 = 50;
pub(crate) const FONT: &str = "sans-serif";

/// The longest row label drawn in full; longer ones end in "…" (the table beside the chart has them whole).
const LABEL_CHARS: usize = 21;

fn shortened(label: &str) -> String {
    shortened_to(label, LABEL_CHARS)
}

/// Text of at most `chars` characters, ending in "…" when it was longer.
pub(crate) fn shortened_to(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(chars - 1).collect::<String>().trim_end())
    }
}

/// An axis end a little past the largest value, on a round number.
fn axis_top(largest: usize) -> usize {
    let step = nice_step(largest);
    largest.div_ceil(step).max(1) * step
}

impl BarChart {
    /// Each status' share of the programs, one bar per status.
    pub fn status_shares(overview: &Overview, lang: Lang) -> BarChart {
        Self::shares_of(&overview.counts, "status", Key::ChartStatusTitle, lang)
    }

    /// Each status' share of the quick-win programs.
    pub fn quick_wins(overview: &Overview, lang: Lang) -> BarChart {
        Self::shares_of(&overview.quick_wins, "quick-wins", Key::ChartQuickWinsTitle, lang)
    }

    fn shares_of(counts: &StatusCounts, name: &'static str, title: Key, lang: Lang) -> BarChart {
        Self::shares(counts, name, lang.t(title).to_owned(), lang)
    }

    /// Each status' share of the programs counted, one bar per status, under any title.
    pub fn shares(counts: &StatusCounts, name: &'static str, title: String, lang: Lang) -> BarChart {
        let shares = counts.shares();
        let rows = Status::ALL
            .iter()
            .map(|&status| {
                let share = shares.get(status);
                BarRow {
                    label: lang.status(status).to_owned(),
                    segments: vec![Segment {
                        fill: Fill::Status(status),
                        value: share.as_fraction() * 100.0,
                        label: String::new(),
                    }],
                    end_label: format!("{} · {}", lang.count(counts.get(status)), lang.share(share)),
                }
            })
            .collect();
        let table = Table {
            head: vec![
                lang.field("status").to_owned(),
                lang.t(Key::SummaryCount).to_owned(),
                lang.t(Key::SummaryShare).to_owned(),
            ],
            rows: Status::ALL
                .iter()
                .map(|&s| vec![lang.status(s).to_owned(), lang.count(counts.get(s)), lang.share(shares.get(s))])
                .chain(std::iter::once(vec![
                    lang.t(Key::SummaryTotal).to_owned(),
                    lang.count(counts.total()),
                    String::new(),
                ]))
                .collect(),
        };
        BarChart {
            name,
            title,
            axis_label: lang.t(Key::ChartShareAxis).to_owned(),
            x_max: 100.0,
            axis: Axis::Percent,
            lang,
            rows,
            legend: Vec::new(),
            table,
        }
    }

    /// Programs per group, each bar stacked by status; the table has a column per status and the total.
    pub fn stacked_by_status(
        name: &'static str,
        title: String,
        group_head: &str,
        groups: Vec<(String, StatusCounts)>,
        lang: Lang,
    ) -> BarChart {
        Self::stacked(Scale::Counts, name, title, group_head, groups, lang)
    }

    /// Each group's programs as shares stacked by status, so that groups of different sizes (rounds that
    /// recorded more or fewer programs) compare; the table has each status' count and share.
    pub fn shares_by_status(
        name: &'static str,
        title: String,
        group_head: &str,
        groups: Vec<(String, StatusCounts)>,
        lang: Lang,
    ) -> BarChart {
        Self::stacked(Scale::Shares, name, title, group_head, groups, lang)
    }

    fn stacked(
        scale: Scale,
        name: &'static str,
        title: String,
        group_head: &str,
        groups: Vec<(String, StatusCounts)>,
        lang: Lang,
    ) -> BarChart {
        let largest = groups.iter().map(|(_, c)| c.total()).max().unwrap_or(0);
        let rows = groups
            .iter()
            .map(|(label, counts)| {
                let (shares, whole) = (counts.shares(), counts.whole_percents());
                BarRow {
                    label: label.clone(),
                    segments: Status::ALL
                        .iter()
                        .map(|&status| {
                            let (count, share) = (counts.get(status), shares.get(status));
                            let (value, label) = match scale {
                                Scale::Counts => (count as f64, lang.count(count)),
                                Scale::Shares => (share.as_fraction() * 100.0, lang.percent(whole[status.index()])),
                            };
                            Segment { fill: Fill::Status(status), value, label }
                        })
                        .collect(),
                    end_label: lang.count(counts.total()),
                }
            })
            .collect();
        let mut head = vec![group_head.to_owned()];
        head.extend(Status::ALL.iter().map(|s| lang.status(*s).to_owned()));
        head.push(lang.t(Key::SummaryTotal).to_owned());
        let table = Table {
            head,
            rows: groups
                .iter()
                .map(|(label, counts)| {
                    let shares = counts.shares();
                    let mut row = vec![label.clone()];
                    row.extend(Status::ALL.iter().map(|s| match scale {
                        Scale::Counts => lang.count(counts.get(*s)),
                        Scale::Shares => format!("{} · {}", lang.count(counts.get(*s)), lang.share(shares.get(*s))),
                    }));
                    row.push(lang.count(counts.total()));
                    row
                })
                .collect(),
        };
        let (axis_label, x_max, axis) = match scale {
            Scale::Counts => (Key::ChartCountAxis, axis_top(largest) as f64, Axis::Count),
            Scale::Shares => (Key::ChartShareAxis, 100.0, Axis::Percent),
        };
        BarChart {
            name,
            title,
            axis_label: lang.t(axis_label).to_owned(),
            x_max,
            axis,
            lang,
            rows,
            legend: Status::ALL.iter().map(|&s| (lang.status(s).to_owned(), Fill::Status(s))).collect(),
            table,
        }
    }

    /// The achievement index of each round, oldest first, with its change since the previous scored round;
    /// a round without a complete set of scores and weights has an empty bar that says so.
    pub fn index_trend(trend: &[(String, Option<f64>, Option<f64>)], lang: Lang) -> BarChart {
        let largest = trend.iter().filter_map(|(_, index, _)| *index).fold(0.0, f64::max);
        let rows = trend
            .iter()
            .map(|(label, index, change)| BarRow {
                label: label.clone(),
                segments: index
                    .map(|value| Segment { fill: Fill::Other(0), value: value.max(0.0), label: String::new() })
                    .into_iter()
                    .collect(),
                end_label: match (index, change) {
                    (Some(value), Some(delta)) => format!("{} ({})", lang.decimal(*value), lang.signed_decimal(*delta)),
                    (Some(value), None) => lang.decimal(*value),
                    (None, _) => lang.t(Key::IndexNotScored).to_owned(),
                },
            })
            .collect();
        BarChart {
            name: "index-trend",
            title: lang.t(Key::ChartIndexTrendTitle).to_owned(),
            axis_label: lang.t(Key::IndexAxis).to_owned(),
            x_max: axis_top(largest.ceil() as usize) as f64,
            axis: Axis::Score,
            lang,
            rows,
            legend: Vec::new(),
            table: Table {
                head: vec![
                    lang.field("label").to_owned(),
                    lang.t(Key::IndexAxis).to_owned(),
                    lang.t(Key::IndexChangeHead).to_owned(),
                ],
                rows: trend
                    .iter()
                    .map(|(label, index, change)| {
                        vec![
                            label.clone(),
                            index.map_or_else(|| lang.t(Key::IndexNotScored).to_owned(), |v| lang.decimal(v)),
                            change.map(|d| lang.signed_decimal(d)).unwrap_or_default(),
                        ]
                    })
                    .collect(),
            },
        }
    }

    /// Programs per dimension, each bar stacked by status.
    pub fn dimensions_by_status(overview: &Overview, lang: Lang) -> BarChart {
        let groups = overview.by_dimension.iter().map(|(d, c)| (lang.dimension(*d).to_owned(), *c)).collect();
        Self::stacked_by_status(
            "dimension",
            lang.t(Key::ChartDimensionTitle).to_owned(),
            lang.field("dimension"),
            groups,
            lang,
        )
    }

    /// One bar per group with a single value and no status: postponements by reason and year.
    pub fn counts(
        name: &'static str,
        title: String,
        group_head: &str,
        groups: Vec<(String, usize)>,
        lang: Lang,
    ) -> BarChart {
        let largest = groups.iter().map(|(_, n)| *n).max().unwrap_or(0);
        BarChart {
            name,
            title,
            axis_label: lang.t(Key::ChartCountAxis).to_owned(),
            x_max: axis_top(largest) as f64,
            axis: Axis::Count,
            lang,
            rows: groups
                .iter()
                .map(|(label, n)| BarRow {
                    label: label.clone(),
                    segments: vec![Segment { fill: Fill::Other(1), value: *n as f64, label: String::new() }],
                    end_label: lang.count(*n),
                })
                .collect(),
            legend: Vec::new(),
            table: Table {
                head: vec![group_head.to_owned(), lang.t(Key::ChartCountAxis).to_owned()],
                rows: groups.iter().map(|(label, n)| vec![label.clone(), lang.count(*n)]).collect(),
            },
        }
    }

    /// Bars of percentages stacked by yes / no / not stated: alignment with the RPJMD and the Renstra.
    pub fn coverage(name: &'static str, title: String, groups: Vec<(String, [usize; 3])>, lang: Lang) -> BarChart {
        let kinds = [lang.yes_no(true), lang.yes_no(false), lang.t(Key::NotSet)];
        let rows = groups
            .iter()
            .map(|(label, counts)| {
                let total: usize = counts.iter().sum();
                let shares = metrics::shares_of(counts);
                BarRow {
                    label: label.clone(),
                    segments: (0..3)
                        .map(|i| Segment {
                            fill: Fill::Other([0, 3, 2][i]),
                            value: shares[i].as_fraction() * 100.0,
                            label: lang.count(counts[i]),
                        })
                        .collect(),
                    end_label: format!("{} · {}", lang.share(shares[0]), lang.count(total)),
                }
            })
            .collect();
        let mut head = vec![String::new()];
        head.extend(kinds.iter().map(|k| (*k).to_owned()));
        head.push(lang.t(Key::SummaryShare).to_owned());
        BarChart {
            name,
            title,
            axis_label: lang.t(Key::ChartShareAxis).to_owned(),
            x_max: 100.0,
            axis: Axis::Percent,
            lang,
            rows,
            legend: kinds.iter().enumerate().map(|(i, k)| ((*k).to_owned(), Fill::Other([0, 3, 2][i]))).collect(),
            table: Table {
                head,
                rows: groups
                    .iter()
                    .map(|(label, c)| {
                        let aligned = metrics::shares_of(c)[0];
                        vec![label.clone(), lang.count(c[0]), lang.count(c[1]), lang.count(c[2]), lang.share(aligned)]
                    })
                    .collect(),
            },
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
            // A segmented range covers both of its ends: 0..n-1 gives exactly n bands (one bar needs 0..1).
            .build_cartesian_2d(0f64..self.x_max, (0..(n - 1).max(1)).into_segmented())?;
        let rows = &self.rows;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(6)
            .x_label_formatter(&|v| self.axis.tick_label(self.lang, *v))
            .y_label_formatter(&|segment| match segment {
                SegmentValue::CenterOf(i) => {
                    n.checked_sub(i + 1).and_then(|row| rows.get(row)).map(|r| shortened(&r.label)).unwrap_or_default()
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
                    segment.fill.color().filled(),
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
                            .color(&segment.fill.text_color())
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
        for (label, fill) in &self.legend {
            let (text_width, _) = area.estimate_text_size(label, &style)?;
            let item_width = 22 + text_width as i32;
            if x > 16 && x + item_width > WIDTH as i32 - 8 {
                x = 16;
                y += LEGEND_ROW;
            }
            area.draw(&Rectangle::new([(x, y - 8), (x + 16, y + 8)], fill.color().filled()))?;
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
