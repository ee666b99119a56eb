//! The era ribbon's geometry, apart from its drawing (`ui::view::ribbon`):
//! where each era sits on the time axis at a given width and which column
//! a date falls in. Plain data over the timeline, so `update` can hit-test
//! a click on the ribbon without asking the view.

use chrono::{Duration, NaiveDate};

use super::app::App;

/// An era's place on the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Index into `Timeline::eras`.
    pub era: usize,
    pub x: usize,
    pub width: usize,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Eras oldest first, laid out over `width` columns: each gets a share
/// proportional to its length, and at least a few columns so a short
/// (or just begun) term stays visible.
pub fn segments(app: &App, width: usize) -> Vec<Segment> {
    let t = &app.timeline;
    let n = t.eras.len();
    if n == 0 || width == 0 {
        return Vec::new();
    }
    let spans: Vec<(usize, NaiveDate, NaiveDate)> = (0..n)
        .rev()
        .filter_map(|e| {
            let era = t.eras.get(e)?;
            let last_call = era
                .calls
                .iter()
                .filter_map(|&c| t.calls.get(c))
                .map(|c| c.date)
                .max();
            let to = era.to.unwrap_or_else(|| {
                let floor = era.from + Duration::days(365);
                last_call.map_or(floor, |d| (d + Duration::days(30)).max(floor))
            });
            Some((e, era.from, to.max(era.from)))
        })
        .collect();
    let days: Vec<i64> = spans
        .iter()
        .map(|&(_, f, t)| (t - f).num_days().max(1))
        .collect();
    let total: i64 = days.iter().sum();
    let min_w = (width / n).min(6);
    let spare = width - min_w * n;
    let mut widths: Vec<usize> = days
        .iter()
        .map(|&d| min_w + (spare as i64 * d / total.max(1)) as usize)
        .collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += width.saturating_sub(used);
    }
    let mut x = 0;
    spans
        .iter()
        .zip(widths)
        .map(|(&(era, from, to), w)| {
            let s = Segment {
                era,
                x,
                width: w,
                from,
                to,
            };
            x += w;
            s
        })
        .collect()
}

/// What the ribbon's marks mean: in the help overlay and the era summary.
pub const LEGEND: &str = "Ribbon: ◆ the selected call · ● a call · ▁▂▃▅▇ calls in that stretch of time (taller: more) · ┼ a new term";

/// Column of `date` inside a segment.
pub fn column_of(seg: &Segment, date: NaiveDate) -> usize {
    if seg.width < 2 {
        return seg.x;
    }
    let span = (seg.to - seg.from).num_days().max(1);
    let into = (date - seg.from).num_days().clamp(0, span);
    let inner = (seg.width - 1) as i64;
    seg.x + 1 + ((into * (inner - 1).max(0)) / span) as usize
}
