//! The open overlay drawn: every one the same way, a bordered popup over
//! the views with its rows (`mode::Overlay::rows`), scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::ui::layout::popup;
use crate::ui::mode::Overlay;
use crate::ui::state::app::App;

/// `overlay` in a centred popup: its rows from its scroll on, with a
/// position note ("3–12 of 40{unit} · j/k scroll") when they don't all
/// fit. One function for every overlay, so they look and scroll alike.
pub fn render(frame: &mut Frame, area: Rect, app: &App, overlay: Overlay) {
    let theme = &app.theme;
    let (title, unit) = (overlay.title(app), overlay.unit());
    let scroll = overlay.scroll().unwrap_or(0);
    let p = popup(area);
    if p.width < 3 || p.height < 3 {
        return;
    }
    let inner_w = p.width.saturating_sub(2) as usize;
    let all = overlay.rows(app, inner_w);
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
