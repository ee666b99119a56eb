//! The detail pane drawn: the text `state::detail_layout` laid out for the
//! selection (the call's facts, then the article, or the evidence view),
//! scrolled, in a bordered block with how far down it is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::ui::state::app::{App, Focus};
use crate::ui::state::detail_layout::{DetailKey, build};
use crate::ui::text::safe;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Detail;
    let inner_w = area.width.saturating_sub(2) as usize;
    let inner_h = area.height.saturating_sub(2) as usize;
    // Laid out by `update` already; built here only for a state no
    // `update` has seen (a test setting fields by hand).
    let view = app
        .layouts
        .detail(&DetailKey::of(app, inner_w))
        .unwrap_or_else(|| std::sync::Arc::new(build(app, inner_w)));
    let max = view.lines.len().saturating_sub(inner_h);
    let scroll = app.detail_scroll.min(max);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(theme.border_type(focused))
        .border_style(theme.border(focused))
        .title(Line::styled(" Detail ", theme.title(focused)));
    if view.lines.len() > inner_h && inner_h > 0 {
        let pct = (scroll * 100).checked_div(max).unwrap_or(100);
        block = block.title_bottom(Line::styled(format!(" {pct}% "), theme.dim()).right_aligned());
    }
    let lines: Vec<Line> = view
        .lines
        .iter()
        .skip(scroll)
        .take(inner_h)
        .cloned()
        .collect();
    let lines = super::text_search::mark(app, lines, scroll);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The text of an untrusted string for a title bar.
pub fn safe_title(s: &str) -> String {
    safe(s).into_owned()
}
