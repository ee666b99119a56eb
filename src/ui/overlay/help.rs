//! The `?` overlay: every key, generated from the key table the event
//! handler uses, so the two cannot drift, then what the era ribbon's marks
//! mean. Two columns when there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::ui::keys::{self, BINDINGS, Context};
use crate::ui::state::app::App;
use crate::ui::view::text::Cells;

/// Column where descriptions start.
const KEYS_WIDTH: usize = 17;
/// Space between the two columns.
const GAP: usize = 3;
/// Widest the overlay gets.
const MAX_WIDTH: u16 = 124;

/// One section per context: a heading, then a line per binding, wrapped to
/// `width` with descriptions aligned.
fn sections(app: &App, width: usize) -> Vec<Vec<Cells>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for ctx in Context::ALL {
        let rows: Vec<_> = BINDINGS.iter().filter(|b| b.context == ctx).collect();
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
            k.push(&keys::keys_label(b), theme.bold());
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
    for part in crate::ui::view::ribbon::LEGEND
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

/// Where the overlay goes in `area`.
pub fn popup(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(MAX_WIDTH);
    let h = area.height.saturating_sub(2);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
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

/// Rows of the overlay for the app's terminal size, and how many fit.
pub fn rows_for_size(app: &App) -> (usize, usize) {
    fit(app, rows)
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let title = " Keys · Esc or ? closes ".to_string();
    render_scrolling(frame, area, app, rows, scroll, title, "");
}

/// How many rows an overlay built by `rows` has at the app's terminal
/// size, and how many of them fit in the popup.
pub fn fit(app: &App, rows: impl Fn(&App, usize) -> Vec<Line<'static>>) -> (usize, usize) {
    let p = popup(Rect::new(0, 0, app.size.0, app.size.1));
    let inner_w = p.width.saturating_sub(2) as usize;
    let inner_h = p.height.saturating_sub(2) as usize;
    (rows(app, inner_w).len(), inner_h)
}

/// A centred popup showing `rows` from `scroll` on, with a position note
/// ("3–12 of 40{unit} · j/k scroll") when they don't all fit. Shared by
/// every scrollable overlay so they look and scroll alike.
pub fn render_scrolling(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    rows: impl Fn(&App, usize) -> Vec<Line<'static>>,
    scroll: usize,
    title: String,
    unit: &str,
) {
    let theme = &app.theme;
    let p = popup(area);
    if p.width < 3 || p.height < 3 {
        return;
    }
    let inner_w = p.width.saturating_sub(2) as usize;
    let all = rows(app, inner_w);
    let h = (all.len() as u16 + 2).min(p.height);
    let p = Rect::new(p.x, p.y + (p.height - h) / 2, p.width, h);
    let inner_h = h.saturating_sub(2) as usize;
    let max = all.len().saturating_sub(inner_h);
    let scroll = scroll.min(max);
    let more = if max > 0 {
        format!(
            " {}–{} of {}{unit} · j/k scroll ",
            scroll + 1,
            (scroll + inner_h).min(all.len()),
            all.len()
        )
    } else {
        String::new()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(theme.border_type(true))
        .border_style(theme.border(true))
        .title(Line::styled(title, theme.title(true)))
        .title_bottom(Line::styled(more, theme.dim()).right_aligned());
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(inner_h).collect();
    frame.render_widget(Clear, p);
    frame.render_widget(Paragraph::new(shown).block(block), p);
}
