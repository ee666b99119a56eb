//! The `w` overlay: every warning the load gave (`file: message`), both
//! parts untrusted and drawn inert, wrapped to the popup and scrollable.
//! Same shape as the `?` help overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::app::App;
use super::help::popup;
use super::text::Cells;

/// Continuation lines of a long warning start this far in.
const INDENT: usize = 4;

/// The overlay's rows for a popup `width` columns wide (inside the border):
/// one warning per entry, long ones wrapped with a hanging indent.
pub fn rows(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for w in &app.timeline.warnings {
        let mut c = Cells::new();
        c.push("⚠ ", theme.warning());
        c.push_untrusted(&w.file, theme.bold());
        c.push(": ", theme.text());
        c.push_untrusted(&w.message, theme.text());
        out.extend(
            c.wrap_hanging(width.max(1), INDENT)
                .into_iter()
                .map(Cells::into_line),
        );
    }
    out
}

/// Rows of the overlay for the app's terminal size, and how many fit.
pub fn rows_for_size(app: &App) -> (usize, usize) {
    let p = popup(Rect::new(0, 0, app.size.0, app.size.1));
    let inner_w = p.width.saturating_sub(2) as usize;
    let inner_h = p.height.saturating_sub(2) as usize;
    (rows(app, inner_w).len(), inner_h)
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
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
    let scroll = app.warnings_view.unwrap_or(0).min(max);
    let more = if max > 0 {
        format!(
            " {}–{} of {} lines · j/k scroll ",
            scroll + 1,
            (scroll + inner_h).min(all.len()),
            all.len()
        )
    } else {
        String::new()
    };
    let n = app.timeline.warnings.len();
    let title = format!(
        " {n} load warning{} · Esc or w closes ",
        if n == 1 { "" } else { "s" }
    );
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
