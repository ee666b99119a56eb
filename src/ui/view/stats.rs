//! The statistics screen drawn (`t`, `:stats`): over everything but the
//! hint line, the sections `state::overlays::stats::plan` lays out —
//! a bar per year and counterpart (ratatui `BarChart`), each call's
//! length over time with the yearly median (`Chart`), and the tables —
//! scrolled as one page. Each section is drawn on a canvas of its own
//! height and only its rows on screen are copied, so a chart cut by the
//! frame's edge is cut, not squeezed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Borders, Chart, Clear, Dataset, GraphType, Paragraph,
    Widget,
};

use chrono::Datelike;

use crate::stats::Stats;
use crate::ui::state::app::App;
use crate::ui::state::overlays::stats::{self as plan, Plan, Section};

/// Columns of the bar chart at most, labels included.
const BARS_WIDTH: u16 = 72;

/// Draw the screen scrolled `scroll` rows down.
pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let theme = &app.theme;
    let outer = plan::frame_area(area);
    let inner = plan::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let plan = plan::plan(app);
    let total = plan.height();
    let page = inner.height as usize;
    let scroll = scroll.min(total.saturating_sub(page));
    let note = if total > page {
        format!(
            " {}–{} of {} lines · j/k scroll ",
            scroll + 1,
            (scroll + page).min(total),
            total
        )
    } else {
        String::new()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(theme.border_type(true))
        .border_style(theme.border(true))
        .title(Line::styled(
            crate::ui::mode::Overlay::Stats(0).title(app),
            theme.title(true),
        ))
        .title_bottom(Line::styled(note, theme.dim()).right_aligned());
    frame.render_widget(Clear, outer);
    frame.render_widget(block, outer);

    let mut texts = plan.texts.iter();
    for &(section, top, rows) in &plan.sections {
        let text = match section {
            Section::Text => texts.next(),
            _ => None,
        };
        // Rows of the section on screen: [from, to) of its own.
        let from = scroll.saturating_sub(top);
        let to = (scroll + page).saturating_sub(top).min(rows);
        if from >= to {
            continue;
        }
        let y = inner.y + (top + from).saturating_sub(scroll) as u16;
        let target = Rect::new(inner.x, y, inner.width, (to - from) as u16);
        match section {
            Section::Text => {
                let lines: Vec<Line> = text
                    .map(|t| t.iter().skip(from).take(to - from).cloned().collect())
                    .unwrap_or_default();
                frame.render_widget(Paragraph::new(lines), target);
            }
            Section::YearBars | Section::DurationChart => {
                let mut canvas = Buffer::empty(Rect::new(0, 0, inner.width, rows as u16));
                let whole = canvas.area;
                if section == Section::YearBars {
                    year_bars(app, &plan, whole, &mut canvas);
                } else {
                    duration_chart(app, &plan.stats, whole, &mut canvas);
                }
                copy_rows(&canvas, from, frame.buffer_mut(), target);
            }
        }
    }
}

/// Rows `from..` of `canvas` into `target` of the screen.
fn copy_rows(canvas: &Buffer, from: usize, screen: &mut Buffer, target: Rect) {
    for dy in 0..target.height {
        let sy = from as u16 + dy;
        for dx in 0..target.width {
            if let (Some(cell), Some(out)) = (
                canvas.cell((dx, sy)),
                screen.cell_mut((target.x + dx, target.y + dy)),
            ) {
                *out = cell.clone();
            }
        }
    }
}

/// A bar per year and counterpart, across: each labelled with the year
/// (on the first of its year) and the counterpart's surname, so the bars
/// tell apart without colour too.
fn year_bars(app: &App, plan: &Plan, area: Rect, buf: &mut Buffer) {
    let stats = &plan.stats;
    let names: Vec<String> = (0..stats.counterparts.len())
        .map(|k| short(stats, k))
        .collect();
    let name_w = names
        .iter()
        .map(|n| crate::ui::text::width(n))
        .max()
        .unwrap_or(0)
        .max("none".len());
    let max = stats
        .years
        .iter()
        .flat_map(|y| y.per_counterpart.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let groups: Vec<BarGroup> = stats
        .years
        .iter()
        .map(|y| {
            // The counterparts called that year; a year without calls
            // keeps one empty bar, so the gap shows.
            let mut shown: Vec<(usize, usize)> = y
                .per_counterpart
                .iter()
                .copied()
                .enumerate()
                .filter(|&(_, n)| n > 0)
                .collect();
            if shown.is_empty() {
                shown.push((usize::MAX, 0));
            }
            let bars: Vec<Bar> = shown
                .iter()
                .enumerate()
                .map(|(i, &(k, n))| {
                    let year = if i == 0 {
                        y.year.to_string()
                    } else {
                        String::new()
                    };
                    let name = names.get(k).map_or("none", String::as_str);
                    Bar::default()
                        .value(n as u64)
                        .label(Line::from(format!("{year:>4} {name:<name_w$}")))
                        .text_value(if n == 0 { String::new() } else { n.to_string() })
                        .style(app.theme.series(k.min(names.len())))
                })
                .collect();
            BarGroup::default().bars(&bars)
        })
        .collect();
    let gap = u16::from(stats.counterparts.len() > 1);
    // Bars wider than this say nothing more and are harder to compare.
    let area = Rect {
        width: area.width.min(BARS_WIDTH),
        ..area
    };
    BarChart::grouped(groups)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .group_gap(gap)
        .max(max as u64)
        .value_style(app.theme.bold())
        .label_style(app.theme.text())
        .render(area, buf);
}

/// Each call's length (minutes) at its date, a series per counterpart,
/// and the median of each year as a line.
fn duration_chart(app: &App, stats: &Stats, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let t = &app.timeline;
    let year_of = |d: chrono::NaiveDate| f64::from(d.year()) + f64::from(d.ordinal0()) / 366.0;
    let series: Vec<Vec<(f64, f64)>> = stats
        .counterparts
        .iter()
        .map(|name| {
            t.calls
                .iter()
                .filter(|c| t.leader_name(c.counterpart) == name.as_str())
                .filter_map(|c| Some((year_of(c.date), f64::from(c.duration_minutes.value?))))
                .collect()
        })
        .collect();
    let medians: Vec<(f64, f64)> = stats
        .durations
        .iter()
        .filter_map(|d| Some((f64::from(d.year) + 0.5, f64::from(d.median?))))
        .collect();
    let points = series.iter().flatten().chain(&medians);
    let (mut x0, mut x1, mut y1) = (f64::MAX, f64::MIN, 0.0f64);
    for &(x, y) in points {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        return;
    }
    let (x0, x1) = (x0.floor(), x1.floor() + 1.0);
    let y1 = (y1 * 1.1).ceil().max(1.0);
    let mut datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .filter(|(_, points)| !points.is_empty())
        .map(|(k, points)| {
            Dataset::default()
                .marker(Marker::Custom(plan::marker(app, stats, k)))
                .graph_type(GraphType::Scatter)
                .style(theme.series(k))
                .data(points)
        })
        .collect();
    if plan::has_median_line(stats) {
        datasets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.dim())
                .data(&medians),
        );
    }
    let year_label = |y: f64| Line::from(format!("{}", y as i64));
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([x0, x1])
                // The axis ends with the last year: label it so.
                .labels([year_label(x0), year_label(x1 - 1.0)])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, y1])
                .labels([Line::from("0"), Line::from(format!("{y1} min"))])
                .style(theme.dim()),
        )
        .render(area, buf);
}

/// The `k`-th counterpart as a chart labels it: the surname, shown inert.
fn short(stats: &Stats, k: usize) -> String {
    let name = stats.surnames.get(k).map_or("", String::as_str);
    crate::ui::text::safe(name).into_owned()
}
