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
    /// Rupiah, written short: `1,5 M` (miliar), `250 jt`.
    Amount,
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
            Axis::Amount => lang.amount_short(value),
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

/// Text of at most `chars` characters, ending in "…" when it was longer.
pub(crate) fn shortened_to(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(chars - 1).collect::<String>().trim_end())
    }
}

/// An amount axis' end: 1, 2 or 5 times a power of ten, at or past the largest amount (1 for none).
fn amount_axis_top(largest: f64) -> f64 {
    if largest <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(largest.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|top| *top >= largest).unwrap_or(10.0 * power)
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
    ///
    /// `scale` is the top of the scale the rounds state: the axis runs to it and says so; without one the
    /// axis ends past the largest index and says the scale is not stated.
    pub fn index_trend(trend: &[(String, Option<f64>, Option<f64>)], scale: Option<f64>, lang: Lang) -> BarChart {
        let largest = trend.iter().filter_map(|(_, index, _)| *index).fold(0.0, f64::max);
        let (axis_label, x_max) = match scale {
            Some(top) => (lang.tf(Key::IndexAxisScale, &[("max", &lang.plain_number(top))]), top.max(largest)),
            None => (lang.t(Key::IndexAxisNoScale).to_owned(), axis_top(largest.ceil() as usize) as f64),
        };
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
            axis_label,
            x_max,
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

    /// The realised budget against the planned one, per group: a bar as long as the larger of the two, the
    /// realised part filled, what is left of the plan lighter, and spending beyond the plan apart. Programs
    /// without a budget have a bar of their own that says how many they are.
    pub fn budget(
        name: &'static str,
        title: String,
        group_head: &str,
        groups: Vec<(String, metrics::Budget)>,
        without: usize,
        lang: Lang,
    ) -> BarChart {
        let largest = groups.iter().map(|(_, b)| b.planned.max(b.realized) as f64).fold(0.0, f64::max);
        let (spent, left, over) = (Fill::Other(0), Fill::Other(2), Fill::Other(1));
        let mut rows: Vec<BarRow> = groups
            .iter()
            .map(|(label, b)| {
                let (planned, realized) = (b.planned as f64, b.realized as f64);
                let segments = [
                    (spent, realized.min(planned.max(0.0))),
                    (left, (planned - realized).max(0.0)),
                    (over, if planned > 0.0 { (realized - planned).max(0.0) } else { realized }),
                ]
                .into_iter()
                .filter(|(_, value)| *value > 0.0)
                .map(|(fill, value)| Segment { fill, value, label: String::new() })
                .collect();
                let share = b.realized_share().map(|s| format!("{} · ", lang.share(s))).unwrap_or_default();
                BarRow {
                    label: label.clone(),
                    segments,
                    end_label: format!("{share}{} / {}", lang.amount_short(realized), lang.amount_short(planned)),
                }
            })
            .collect();
        let mut table_rows: Vec<Vec<String>> = groups
            .iter()
            .map(|(label, b)| {
                vec![
                    label.clone(),
                    lang.amount(b.planned),
                    lang.amount(b.realized),
                    b.realized_share().map(|s| lang.share(s)).unwrap_or_default(),
                    lang.count(b.with_budget),
                ]
            })
            .collect();
        if without > 0 {
            let label = lang.t(Key::NoBudget).to_owned();
            rows.push(BarRow { label: label.clone(), segments: Vec::new(), end_label: lang.programs(without) });
            table_rows.push(vec![label, String::new(), String::new(), String::new(), lang.count(without)]);
        }
        BarChart {
            name,
            title,
            axis_label: lang.t(Key::ChartBudgetAxis).to_owned(),
            x_max: amount_axis_top(largest),
            axis: Axis::Amount,
            lang,
            rows,
            legend: vec![
                (lang.t(Key::BudgetRealized).to_owned(), spent),
                (lang.t(Key::BudgetLeft).to_owned(), left),
                (lang.t(Key::BudgetOver).to_owned(), over),
            ],
            table: Table {
                head: vec![
                    group_head.to_owned(),
                    lang.field("budget_planned").to_owned(),
                    lang.field("budget_realized").to_owned(),
                    lang.t(Key::BudgetRealizedShare).to_owned(),
                    lang.t(Key::ChartCountAxis).to_owned(),
                ],
                rows: table_rows,
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

    /// The chart as an SVG document for the dashboard's half-width card. Text is escaped by plotters, so names
    /// from a file never become markup.
    pub fn to_svg(&self) -> String {
        self.svg_with(&Layout::CARD)
    }

    /// The chart as an SVG document that fills a 16:9 slide: large type, long labels on two lines.
    pub fn to_slide_svg(&self, theme: SlideTheme) -> String {
        self.svg_with(&Layout::slide(theme))
    }

    /// The chart in slides of at most `SLIDE_ROWS` bars each, balanced, every one on the same axis; the pages
    /// after the first say in their title that they continue it.
    pub fn slide_pages(&self) -> Vec<BarChart> {
        if self.rows.len() <= SLIDE_ROWS {
            return vec![self.clone()];
        }
        let pages = self.rows.len().div_ceil(SLIDE_ROWS);
        let per_page = self.rows.len().div_ceil(pages);
        self.rows
            .chunks(per_page)
            .enumerate()
            .map(|(i, rows)| BarChart {
                title: if i == 0 {
                    self.title.clone()
                } else {
                    self.lang.tf(Key::SlideContinued, &[("title", &self.title)])
                },
                rows: rows.to_vec(),
                ..self.clone()
            })
            .collect()
    }

    fn svg_with(&self, layout: &Layout) -> String {
        let legend_height = if self.legend.is_empty() { 0 } else { 2 * layout.legend_row as u32 + 8 };
        let height = layout.height.unwrap_or_else(|| {
            layout.title_height + legend_height + layout.row_height * self.rows.len().max(1) as u32 + 56
        });
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (layout.width, height)).into_drawing_area();
            // Drawing into a String cannot fail; an error here would be a bug in the layout maths.
            self.draw(&root, legend_height, layout).expect("drawing into a string buffer");
            root.present().expect("drawing into a string buffer");
        }
        svg
    }

    fn draw(
        &self,
        root: &DrawingArea<SVGBackend<'_>, Shift>,
        legend_height: u32,
        layout: &Layout,
    ) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
        root.fill(&layout.background)?;
        let (title_area, rest) = root.split_vertically(layout.title_height - 16);
        title_area.draw(&Text::new(
            self.title.as_str(),
            (16, (layout.title_height as i32 - 16) / 2),
            (FONT, layout.title)
                .into_font()
                .style(FontStyle::Bold)
                .color(&layout.ink)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let (legend_area, plot_area) = rest.split_vertically(legend_height);
        self.draw_legend(&legend_area, layout)?;

        let n = self.rows.len().max(1);
        let mut chart = ChartBuilder::on(&plot_area)
            .margin_left(12)
            .margin_right(layout.right_margin)
            .margin_top(4)
            .margin_bottom(8)
            .x_label_area_size(layout.x_label_area)
            .y_label_area_size(layout.y_label_area)
            // A segmented range covers both of its ends: 0..n-1 gives exactly n bands (one bar needs 0..1).
            .build_cartesian_2d(0f64..self.x_max, (0..(n - 1).max(1)).into_segmented())?;
        let rows = &self.rows;
        let one_line = layout.label_lines == 1;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(6)
            .x_label_formatter(&|v| self.axis.tick_label(self.lang, *v))
            .y_label_formatter(&|segment| match segment {
                // Labels on more than one line are drawn below, by hand: plotters writes one line per tick.
                SegmentValue::CenterOf(i) if one_line => n
                    .checked_sub(i + 1)
                    .and_then(|row| rows.get(row))
                    .map(|r| shortened_to(&r.label, layout.label_chars))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_desc(self.axis_label.as_str())
            .label_style((FONT, layout.label).into_font().color(&layout.ink))
            .axis_desc_style((FONT, layout.label).into_font().color(&layout.ink))
            .axis_style(layout.ink)
            .light_line_style(layout.background)
            .bold_line_style(layout.grid)
            .draw()?;

        let plot_width = f64::from(layout.width - layout.y_label_area - layout.right_margin - 12);
        let row_pixels = {
            let (_, top) = chart.backend_coord(&(0.0, SegmentValue::Exact(n.max(2) - 1)));
            let (_, bottom) = chart.backend_coord(&(0.0, SegmentValue::Exact(0)));
            f64::from((bottom - top).abs()) / (n.max(2) - 1) as f64
        };
        // Thick enough to read from afar, never a block: what is left of the row is space between bars.
        let bar_margin = layout.bar_margin.max(((row_pixels - layout.bar_max) / 2.0).max(0.0) as u32);
        let char_width = layout.value / 1.9;
        for (i, row) in self.rows.iter().enumerate() {
            let band = n - 1 - i;
            let mut x = 0.0;
            for segment in row.segments.iter().filter(|s| s.value > 0.0) {
                let end = x + segment.value;
                let mut bar = Rectangle::new(
                    [(x, SegmentValue::Exact(band)), (end, SegmentValue::Exact(band + 1))],
                    segment.fill.color().filled(),
                );
                bar.set_margin(bar_margin, bar_margin, 0, 0);
                chart.draw_series(std::iter::once(bar))?;
                let width_px = segment.value / self.x_max * plot_width;
                if !segment.label.is_empty() && width_px >= char_width * segment.label.chars().count() as f64 + 8.0 {
                    chart.draw_series(std::iter::once(Text::new(
                        segment.label.clone(),
                        (x + segment.value / 2.0, SegmentValue::CenterOf(band)),
                        (FONT, layout.value)
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
                        (FONT, layout.label).into_font().color(&layout.ink).pos(Pos::new(HPos::Left, VPos::Center)),
                    ),
            ))?;
            if !one_line {
                let (left, middle) = chart.backend_coord(&(0.0, SegmentValue::CenterOf(band)));
                let lines = wrapped(&row.label, layout.label_chars, layout.label_lines);
                let line_height = (layout.label / 1.24 * 1.2) as i32;
                let first = middle - line_height * (lines.len() as i32 - 1) / 2;
                let style =
                    (FONT, layout.label).into_font().color(&layout.ink).pos(Pos::new(HPos::Right, VPos::Center));
                for (k, line) in lines.iter().enumerate() {
                    root.draw(&Text::new(line.as_str(), (left - 14, first + k as i32 * line_height), style.clone()))?;
                }
            }
        }
        Ok(())
    }

    fn draw_legend(
        &self,
        area: &DrawingArea<SVGBackend<'_>, Shift>,
        layout: &Layout,
    ) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
        let style = (FONT, layout.label).into_font().color(&layout.ink).pos(Pos::new(HPos::Left, VPos::Center));
        let swatch = (layout.label / 2.5) as i32;
        // Items flow left to right and wrap onto a second row when the language's words are long.
        let (mut x, mut y) = (16i32, layout.legend_row / 2 + 4);
        for (label, fill) in &self.legend {
            let item_width = 2 * swatch + 6 + text_width(label, layout.label);
            if x > 16 && x + item_width > layout.width as i32 - 8 {
                x = 16;
                y += layout.legend_row;
            }
            area.draw(&Rectangle::new([(x, y - swatch), (x + 2 * swatch, y + swatch)], fill.color().filled()))?;
            area.draw(&Text::new(label.as_str(), (x + 2 * swatch + 6, y), style.clone()))?;
            x += item_width + 20;
        }
        Ok(())
    }
}

/// About how wide a text is drawn, in pixels, at a size as given to plotters. Counted, not measured: in the
/// browser plotters measures text with an element whose inline style the page's Content-Security-Policy
/// refuses for any size but one, and each measurement makes the browser lay the page out again.
fn text_width(text: &str, size: f64) -> i32 {
    (text.chars().count() as f64 * char_width(size)).ceil() as i32
}

/// About how many characters of text at `size` fit `width` pixels (counted as `text_width` counts).
pub(crate) fn chars_fitting(width: i32, size: f64) -> usize {
    (f64::from(width.max(0)) / char_width(size)) as usize
}

/// A character's average width in sans-serif, in pixels, at a size as given to plotters.
fn char_width(size: f64) -> f64 {
    size / 1.24 * 0.62
}

/// The most bars a slide shows: each label stays at least 20 px high on a 1280 × 720 screen, on two lines.
pub const SLIDE_ROWS: usize = 8;

/// Light (dark on white) or dark (white on near-black, for a dim room or a projector): the presenter chooses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlideTheme {
    #[default]
    Light,
    Dark,
}

impl SlideTheme {
    pub fn code(self) -> &'static str {
        match self {
            SlideTheme::Light => "light",
            SlideTheme::Dark => "dark",
        }
    }

    pub fn other(self) -> SlideTheme {
        match self {
            SlideTheme::Light => SlideTheme::Dark,
            SlideTheme::Dark => SlideTheme::Light,
        }
    }
}

/// Where a chart is drawn: its size, its type sizes (as given to plotters, which writes `font-size` as
/// size / 1.24) and its colours.
struct Layout {
    width: u32,
    /// A fixed height (a slide), or `None` for a height that grows with the bars (a card).
    height: Option<u32>,
    title: f64,
    label: f64,
    value: f64,
    title_height: u32,
    x_label_area: u32,
    y_label_area: u32,
    right_margin: u32,
    row_height: u32,
    legend_row: i32,
    bar_margin: u32,
    /// The thickest a bar is drawn, in pixels.
    bar_max: f64,
    label_lines: usize,
    label_chars: usize,
    background: RGBColor,
    ink: RGBColor,
    grid: RGBColor,
}

impl Layout {
    /// About 1:1 in a half-width column at 1280 px.
    const CARD: Layout = Layout {
        width: WIDTH,
        height: None,
        title: TITLE_SIZE,
        label: LABEL_SIZE,
        value: VALUE_SIZE,
        title_height: 60,
        x_label_area: 48,
        y_label_area: Y_LABEL_AREA,
        right_margin: RIGHT_MARGIN,
        row_height: ROW_HEIGHT,
        legend_row: LEGEND_ROW,
        bar_margin: 7,
        bar_max: f64::INFINITY,
        label_lines: 1,
        label_chars: LABEL_CHARS,
        background: WHITE,
        ink: BLACK,
        grid: RGBColor(0xDD, 0xDD, 0xDD),
    };

    /// 1280 × 600, the frame of a 16:9 screen less the deck's bar: at 1280 × 720 its smallest text is about
    /// 27 px.
    fn slide(theme: SlideTheme) -> Layout {
        let (background, ink, grid) = match theme {
            SlideTheme::Light => (WHITE, BLACK, RGBColor(0xCC, 0xCC, 0xCC)),
            SlideTheme::Dark => (RGBColor(0x12, 0x12, 0x12), WHITE, RGBColor(0x55, 0x55, 0x55)),
        };
        Layout {
            width: SLIDE_WIDTH,
            height: Some(SLIDE_HEIGHT),
            title: 46.0,
            label: 34.0,
            value: 32.0,
            title_height: 80,
            x_label_area: 84,
            y_label_area: 440,
            right_margin: 210,
            row_height: 0,
            legend_row: 44,
            bar_margin: 8,
            bar_max: 84.0,
            label_lines: 2,
            label_chars: 26,
            background,
            ink,
            grid,
        }
    }
}

/// The size of a chart on a slide, in the SVG's units (pixels at 1280 px wide).
pub const SLIDE_WIDTH: u32 = 1280;
pub const SLIDE_HEIGHT: u32 = 600;

/// A label on at most `lines` lines of at most `chars` characters, broken between words; what does not fit
/// ends in "…" (the chart's table has it whole).
pub(crate) fn wrapped(label: &str, chars: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = label.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let fits = current.is_empty() || current.chars().count() + 1 + word.chars().count() <= chars;
        if fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if out.len() + 1 == lines {
            // The last line: the rest of the label, shortened.
            let rest: Vec<&str> = std::iter::once(word).chain(words).collect();
            current = shortened_to(&format!("{current} {}", rest.join(" ")), chars);
            break;
        }
        out.push(std::mem::take(&mut current));
        current.push_str(word);
    }
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    out.into_iter().map(|line| shortened_to(&line, chars)).collect()
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
    use super::{nice_step, wrapped};

    #[test]
    fn long_labels_wrap_between_words_and_end_in_an_ellipsis_when_too_long() {
        assert_eq!(wrapped("Smart Governance", 26, 2), ["Smart Governance"]);
        assert_eq!(
            wrapped("Dinas Kependudukan dan Pencatatan Sipil", 26, 2),
            ["Dinas Kependudukan dan", "Pencatatan Sipil"]
        );
        assert_eq!(
            wrapped("2021 · Anggaran dialihkan untuk penanganan Covid-19 di Kota Tanjungpinang", 26, 2),
            ["2021 · Anggaran dialihkan", "untuk penanganan Covid-19…"]
        );
        assert_eq!(wrapped("Abcdefghijklmnopqrstuvwxyz0123", 10, 2), ["Abcdefghi…"]);
        assert_eq!(wrapped("", 10, 2), [""]);
    }

    #[test]
    fn ticks_stay_few() {
        assert_eq!(nice_step(0), 1);
        assert_eq!(nice_step(30), 5);
        assert_eq!(nice_step(131), 50);
        assert_eq!(nice_step(20_000), 5_000);
    }
}
