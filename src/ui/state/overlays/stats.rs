//! The statistics screen (`t`, `:stats`): its numbers (`crate::stats`,
//! for the counterpart `c` shows, or all), its sections and their heights,
//! and the text rows of its tables. Pure over the state, so `update` can
//! bound the scroll with the same heights `ui::view::stats` draws with;
//! the charts themselves are drawn there.

use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::stats::{Stats, YearDurations};
use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// Rows of the durations chart.
pub const CHART_ROWS: usize = 10;

/// A part of the screen, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Rows of text (headings, tables).
    Text,
    /// The calls per year, a bar per counterpart.
    YearBars,
    /// Each call's length over time, and the median per year.
    DurationChart,
}

/// The screen laid out: each section with its first row and its height.
#[derive(Debug, Clone)]
pub struct Plan {
    pub stats: Stats,
    /// (section, first row, rows), top to bottom; a `Text` section's rows
    /// are `texts[k]` for the k-th `Text` section.
    pub sections: Vec<(Section, usize, usize)>,
    pub texts: Vec<Vec<Line<'static>>>,
}

impl Plan {
    /// All its rows.
    pub fn height(&self) -> usize {
        self.sections.last().map_or(0, |&(_, top, h)| top + h)
    }
}

/// The screen's frame: all but the hint line, so messages still show.
pub fn frame_area(screen: Rect) -> Rect {
    Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    }
}

/// The rows inside the frame's border.
pub fn inner(screen: Rect) -> Rect {
    crate::ui::layout::inner(frame_area(screen))
}

/// Rows the bar chart takes: a bar per counterpart called that year (a
/// row of zeros says nothing and pushes the other years off the screen),
/// one row for a year without calls (a gap is information), and a blank
/// row between years when there are several counterparts.
pub fn year_bar_rows(stats: &Stats) -> usize {
    let gaps = usize::from(stats.counterparts.len() > 1);
    let rows: usize = stats
        .years
        .iter()
        .map(|y| bars_in_year(&y.per_counterpart))
        .sum();
    (rows + stats.years.len() * gaps).saturating_sub(gaps)
}

/// The bars one year shows: its counterparts with calls, at least one.
pub fn bars_in_year(per_counterpart: &[usize]) -> usize {
    per_counterpart.iter().filter(|&&n| n > 0).count().max(1)
}

/// What the screen shows for the app's corpus and counterpart.
pub fn plan(app: &App) -> Plan {
    let stats = crate::stats::compute(&app.timeline, app.counterpart);
    let theme = &app.theme;
    let mut sections = Vec::new();
    let mut texts = Vec::new();
    let mut top = 0;
    let mut text = |rows: Vec<Line<'static>>, sections: &mut Vec<_>, top: &mut usize| {
        let h = rows.len();
        sections.push((Section::Text, *top, h));
        texts.push(rows);
        *top += h;
    };

    let mut head = vec![summary(app, &stats), Line::default()];
    head.push(heading(app, "Calls per year"));
    if stats.years.is_empty() {
        head.push(Line::styled("  no calls", theme.dim()));
    }
    text(head, &mut sections, &mut top);
    if !stats.years.is_empty() {
        let h = year_bar_rows(&stats);
        sections.push((Section::YearBars, top, h));
        top += h;
    }

    let mut eras = vec![Line::default(), heading(app, "Calls per era")];
    eras.extend(table(
        app,
        &["era", "years", "calls"],
        stats.eras.iter().map(|e| {
            let to = e.to.map_or(String::new(), |y| y.to_string());
            vec![
                e.leader.clone(),
                format!("{}–{to}", e.from),
                e.calls.to_string(),
            ]
        }),
    ));
    eras.push(Line::default());
    eras.push(heading(app, "Durations in minutes"));
    let chart = stats.durations.iter().any(|d| d.max.is_some());
    if chart {
        eras.push(legend(app, &stats));
    }
    text(eras, &mut sections, &mut top);
    if chart {
        sections.push((Section::DurationChart, top, CHART_ROWS));
        top += CHART_ROWS;
    }

    let mut rest = table(
        app,
        &YearDurations::HEADINGS,
        stats.durations.iter().map(YearDurations::cells),
    );
    rest.push(Line::default());
    rest.push(heading(app, "Outlets"));
    rest.extend(table(
        app,
        &["outlet", "calls", "articles"],
        stats.outlets.iter().map(|o| {
            vec![
                o.outlet.clone(),
                o.calls.to_string(),
                o.articles.to_string(),
            ]
        }),
    ));
    rest.push(Line::default());
    rest.push(heading(app, "Articles per call"));
    rest.extend(table(
        app,
        &["articles", "calls"],
        stats
            .articles_per_call
            .iter()
            .map(|(n, c)| vec![n.to_string(), c.to_string()]),
    ));
    rest.push(Line::default());
    rest.push(heading(app, "How the date was found"));
    rest.extend(table(
        app,
        &["date", "calls"],
        stats
            .date_basis
            .iter()
            .map(|(b, n)| vec![b.clone(), n.to_string()]),
    ));
    text(rest, &mut sections, &mut top);
    Plan {
        stats,
        sections,
        texts,
    }
}

/// The screen's title: what it counts and how to leave.
/// `closed_by` is " · Esc or t closes" as the keymap in force binds it.
pub fn title(app: &App, closed_by: &str) -> String {
    match app.counterpart {
        Some(id) => format!(
            " Statistics · calls with {} · c: next{closed_by} ",
            crate::ui::text::safe(app.timeline.leader_name(id))
        ),
        None => format!(" Statistics · all counterparts · c: one{closed_by} "),
    }
}

/// Rows in all, and rows that fit, at the app's terminal size.
pub fn fit(app: &App) -> (usize, usize) {
    let (w, h) = app.size;
    let inner = inner(Rect::new(0, 0, w, h));
    (plan(app).height(), inner.height as usize)
}

fn summary(app: &App, stats: &Stats) -> Line<'static> {
    let theme = &app.theme;
    let mut c = Cells::new();
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    c.push(&plural(stats.calls, "call"), theme.bold());
    c.push(" · ", theme.dim());
    c.push(&plural(stats.articles, "article"), theme.bold());
    if let Some(name) = &stats.only {
        c.push(" · with ", theme.dim());
        c.push_untrusted(name, theme.bold());
    }
    c.into_line()
}

/// How the durations chart marks the `k`-th counterpart's calls: a dot in
/// its colour, or without colour the initial of its name.
pub fn marker(app: &App, stats: &Stats, k: usize) -> char {
    if app.theme.mono {
        stats
            .surnames
            .get(k)
            .and_then(|s| s.chars().next())
            .filter(|c| !crate::sanitize::is_unsafe_char(*c) && !c.is_control())
            .unwrap_or('•')
    } else {
        '•'
    }
}

/// Whether the chart draws the yearly median as a line (it takes two
/// years with a known length).
pub fn has_median_line(stats: &Stats) -> bool {
    stats
        .durations
        .iter()
        .filter(|d| d.median.is_some())
        .count()
        > 1
}

/// The durations chart's key: each counterpart's mark, and the median.
fn legend(app: &App, stats: &Stats) -> Line<'static> {
    let theme = &app.theme;
    let mut c = Cells::new();
    for (k, name) in stats.surnames.iter().enumerate() {
        c.push("  ", theme.text());
        c.push(&format!("{} ", marker(app, stats, k)), theme.series(k));
        c.push_untrusted(name, theme.text());
    }
    if has_median_line(stats) {
        c.push("  ⠤⠤ ", theme.dim());
        c.push("median of the year", theme.text());
    }
    c.into_line()
}

fn heading(app: &App, text: &str) -> Line<'static> {
    Line::styled(text.to_string(), app.theme.era())
}

/// A table as rows of text: the first column left-aligned (names, from
/// the articles and so shown inert), the others right-aligned numbers.
fn table(
    app: &App,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let rows: Vec<Vec<String>> = rows
        .map(|r| {
            r.into_iter()
                .map(|cell| crate::ui::text::safe(&cell).into_owned())
                .collect()
        })
        .collect();
    if rows.is_empty() {
        return vec![Line::styled("  none", theme.dim())];
    }
    let mut widths: Vec<usize> = header.iter().map(|h| crate::ui::text::width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(crate::ui::text::width(cell));
        }
    }
    let line = |cells: Vec<String>, style: ratatui::style::Style| {
        let mut c = Cells::new();
        c.push(" ", style);
        for (k, (cell, &w)) in cells.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(crate::ui::text::width(cell)));
            if k == 0 {
                c.push(&format!(" {cell}{pad}"), style);
            } else {
                c.push(&format!("  {pad}{cell}"), style);
            }
        }
        c.into_line()
    };
    let mut out = vec![line(
        header.iter().map(|h| h.to_string()).collect(),
        theme.dim(),
    )];
    out.extend(rows.into_iter().map(|r| line(r, theme.text())));
    out
}
