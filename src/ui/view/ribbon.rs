//! The era ribbon: a horizontal time axis from the first era to the last,
//! each era's span labelled with its leader (initials added where two
//! share a surname: Lee M.-b. / Lee J.-m.), a mark for each call shown —
//! `●`, or where columns hold several calls a density bar `▁▂▃▅▇` — and
//! the selected call's `◆`. `LEGEND` says so in help and the era summary.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::ui::state::app::App;
use crate::ui::text::{Cells, char_width};

pub use crate::ui::state::ribbon_axis::{LEGEND, Segment, column_of, segments};

/// Density bars, fewest calls first.
const BARS: [char; 5] = ['▁', '▂', '▃', '▅', '▇'];

/// The mark for a column holding `n` calls when the busiest holds `max`:
/// dots while no column holds more than two, density bars after.
fn mark(n: usize, max: usize) -> char {
    // A few calls read best as dots; bars once columns stack up.
    if max <= 2 {
        '●'
    } else {
        let level = (n * BARS.len()).div_ceil(max).clamp(1, BARS.len());
        BARS[level - 1]
    }
}

/// An era's name on the ribbon: the surname, with the given name's
/// initials when another era's leader has the same surname.
pub fn era_name(app: &App, era: usize) -> String {
    let t = &app.timeline;
    let Some(e) = t.eras.get(era) else {
        return String::new();
    };
    let leader = t.leaders.get(e.leader);
    let shared = t
        .eras
        .iter()
        .any(|o| o.leader != e.leader && t.leaders.get(o.leader).surname == leader.surname);
    if !shared {
        return leader.surname.clone();
    }
    let given = leader
        .name
        .strip_prefix(leader.surname.as_str())
        .or_else(|| leader.name.strip_suffix(leader.surname.as_str()))
        .unwrap_or(&leader.name)
        .trim();
    let initials: Vec<String> = given
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.split('-')
                .filter_map(|p| p.chars().next())
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect();
    if initials.is_empty() {
        leader.surname.clone()
    } else {
        format!("{} {}", leader.surname, initials.join(" "))
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = &app.theme;
    let width = area.width as usize;
    let segs = segments(app, width);
    if segs.is_empty() {
        let mut c = Cells::new();
        c.push(
            if app.load.loading().is_some() {
                "loading…"
            } else {
                "no eras to show"
            },
            theme.dim(),
        );
        c.truncate(width);
        frame.render_widget(Paragraph::new(c.into_line()), area);
        return;
    }
    let current = app.selected_era();
    let selected_call = app.selected_call();
    let mut axis: Vec<(char, Style)> = vec![('─', theme.dim()); width];
    let mut labels: Vec<(char, Style)> = vec![(' ', Style::default()); width];
    for (i, seg) in segs.iter().enumerate() {
        let style = if current == Some(seg.era) {
            theme.era_current()
        } else {
            theme.dim()
        };
        for cell in axis.iter_mut().skip(seg.x).take(seg.width) {
            *cell = ('─', style);
        }
        if seg.width > 0 {
            axis[seg.x] = (if i == 0 { '├' } else { '┼' }, style);
        }
        // Label: "2017 Moon", else "Moon", else "2017".
        if app.timeline.eras.get(seg.era).is_none() {
            continue;
        }
        let surname = era_name(app, seg.era);
        let room = seg.width.saturating_sub(1);
        let year = seg.from.year().to_string();
        let text = [format!("{year} {surname}"), surname.clone(), year]
            .into_iter()
            .find(|s| crate::ui::text::width(s) <= room)
            .unwrap_or_default();
        let lstyle = if current == Some(seg.era) {
            theme.era_current()
        } else {
            theme.text()
        };
        let mut x = seg.x;
        for ch in text.chars() {
            let w = char_width(ch);
            if x + w > seg.x + room {
                break;
            }
            labels[x] = (ch, lstyle);
            // A wide character covers the next cell too.
            for k in 1..w {
                labels[x + k] = ('\u{0}', lstyle);
            }
            x += w.max(1);
        }
    }
    if width > 1 {
        let (_, s) = axis[width - 1];
        axis[width - 1] = ('┤', s);
    }
    // Marks: every call shown, the selected one drawn last.
    let mut selected_at = None;
    let mut counts = vec![0usize; width];
    for seg in &segs {
        for c in app.visible_calls_of_era(seg.era) {
            let Some(call) = app.timeline.calls.get(c) else {
                continue;
            };
            let x = column_of(seg, call.date).min(width - 1);
            counts[x] += 1;
            if Some(c) == selected_call {
                selected_at = Some(x);
            }
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0);
    for (x, &n) in counts.iter().enumerate() {
        if n > 0 {
            axis[x] = (mark(n, max), theme.mark());
        }
    }
    if let Some(x) = selected_at {
        axis[x] = ('◆', theme.mark_selected());
    }
    let to_line = |cells: Vec<(char, Style)>| {
        let mut c = Cells::new();
        for (ch, s) in cells {
            if ch != '\u{0}' {
                let mut buf = [0u8; 4];
                c.push(ch.encode_utf8(&mut buf), s);
            }
        }
        c.into_line()
    };
    let mut lines: Vec<Line> = vec![to_line(axis)];
    if area.height > 1 {
        lines.push(to_line(labels));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_show_density_once_columns_hold_several_calls() {
        assert_eq!(mark(1, 1), '●');
        assert_eq!(mark(2, 2), '●');
        assert_eq!(mark(1, 10), '▁');
        assert_eq!(mark(10, 10), '▇');
        assert_eq!(mark(5, 10), '▃');
        assert!(BARS.iter().all(|b| LEGEND.contains(*b)));
        assert!(LEGEND.contains('◆') && LEGEND.contains('●'));
    }
}
