//! The `?` overlay: every key, generated from the keymap the event
//! handler uses (the defaults, or as the config file rebinds them), so the
//! two cannot drift, then what the era ribbon's marks
//! mean. Two columns when there is room. The text only: `ui::view::popup`
//! draws every overlay.

use ratatui::text::Line;

use crate::ui::keymap;
use crate::ui::keys::Context;
use crate::ui::state::app::App;
use crate::ui::text::Cells;

/// Column where descriptions start.
const KEYS_WIDTH: usize = 17;
/// Space between the two columns.
const GAP: usize = 3;

/// One section per context: a heading, then a line per binding, wrapped to
/// `width` with descriptions aligned.
fn sections(app: &App, width: usize) -> Vec<Vec<Cells>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for ctx in Context::ALL {
        let rows: Vec<_> = app
            .keymap
            .entries()
            .iter()
            .filter(|b| b.context == ctx)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut section = Vec::new();
        let mut h = Cells::new();
        h.push(ctx.title(), theme.era());
        section.push(h);
        for b in rows {
            let mut c = Cells::new();
            let mut k = Cells::new();
            k.push("  ", theme.text());
            k.push(&keymap::keys_label(b), theme.bold());
            k.truncate(KEYS_WIDTH - 1);
            k.pad_to(KEYS_WIDTH, theme.text());
            c.append(k);
            c.push(b.help, theme.text());
            section.extend(c.wrap_hanging(width, KEYS_WIDTH));
        }
        out.push(section);
    }
    // What the marks on the era ribbon mean.
    let mut section = Vec::new();
    let mut h = Cells::new();
    h.push("Era ribbon", theme.era());
    section.push(h);
    for part in crate::ui::state::ribbon_axis::LEGEND
        .trim_start_matches("Ribbon: ")
        .split(" · ")
    {
        let mut c = Cells::new();
        c.push("  ", theme.text());
        c.push(part, theme.text());
        section.extend(c.wrap_hanging(width, 4));
    }
    out.push(section);
    out
}

/// Every binding, one column, unwrapped: what the overlay says.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, section) in sections(app, usize::MAX / 4).into_iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.extend(section.into_iter().map(Cells::into_line));
    }
    out
}

/// The overlay's rows for a popup `width` columns wide (inside the border):
/// two columns of sections when there is room for them.
pub fn rows(app: &App, width: usize) -> Vec<Line<'static>> {
    let two = width >= 96;
    let col = if two { (width - GAP) / 2 } else { width };
    let secs = sections(app, col.max(1));
    let with_gaps = |secs: &[Vec<Cells>]| {
        let mut v: Vec<Cells> = Vec::new();
        for (i, s) in secs.iter().enumerate() {
            if i > 0 {
                v.push(Cells::new());
            }
            v.extend(s.iter().cloned());
        }
        v
    };
    if !two {
        return with_gaps(&secs).into_iter().map(Cells::into_line).collect();
    }
    let total: usize = secs.iter().map(|s| s.len() + 1).sum();
    let mut split = 0;
    let mut acc = 0;
    for (i, s) in secs.iter().enumerate() {
        if i > 0 && acc + s.len() / 2 > total / 2 {
            break;
        }
        acc += s.len() + 1;
        split = i + 1;
    }
    let left = with_gaps(&secs[..split]);
    let right = with_gaps(&secs[split..]);
    let n = left.len().max(right.len());
    (0..n)
        .map(|i| {
            let mut row = left.get(i).cloned().unwrap_or_default();
            row.pad_to(col + GAP, app.theme.text());
            if let Some(r) = right.get(i) {
                row.append(r.clone());
            }
            row.into_line()
        })
        .collect()
}
