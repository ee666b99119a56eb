//! Side by side: two articles in full, the pinned one on the left, each
//! scrolling on its own or in sync, under a line that says where their
//! facts differ.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use std::sync::Arc;

use super::detail;
use crate::ui::layout::Areas;
use crate::ui::state::app::App;
use crate::ui::state::detail_layout::side_header::differences;
use crate::ui::state::detail_layout::{DetailView, PaneKey, article_only};
use crate::ui::text::Cells;

/// One pane's text, wrapped to `width`: from the cache `update` filled,
/// built here only for a state no `update` has seen.
fn pane_lines(app: &App, article: usize, width: usize) -> Arc<DetailView> {
    app.layouts
        .pane(&PaneKey::of(app, article, width))
        .unwrap_or_else(|| Arc::new(article_only(app, article, width)))
}

pub fn render(frame: &mut Frame, a: &Areas, app: &App) {
    let Some(side) = &app.side else { return };
    let theme = &app.theme;
    let width = a.side_header.width as usize;
    let mut header = differences(app, side.left, side.right).wrap_hanging(width, 8);
    let rows = a.side_header.height as usize;
    if header.len() > rows {
        header.truncate(rows);
        if let Some(last) = header.last_mut() {
            last.push(" …", theme.dim());
            last.truncate(width);
        }
    }
    let header: Vec<Line> = header.into_iter().map(Cells::into_line).collect();
    frame.render_widget(Paragraph::new(header), a.side_header);
    let panes = [
        (a.left, side.left, "pinned"),
        (a.right, side.right, "current"),
    ];
    let pinned_is_left = app.pinned == Some(side.left);
    for (k, (area, article, role)) in panes.into_iter().enumerate() {
        let focused = side.focus == k;
        let role = if k == 0 && !pinned_is_left {
            "left"
        } else {
            role
        };
        let name = app
            .timeline
            .articles
            .get(article)
            .map(|x| {
                x.source
                    .clone()
                    .unwrap_or_else(|| crate::export::SOURCE_NOT_STATED.into())
            })
            .unwrap_or_default();
        let title = format!(" {role} · {} ", detail::safe_title(&name));
        let inner_w = area.width.saturating_sub(2) as usize;
        let inner_h = area.height.saturating_sub(2) as usize;
        let lines = pane_lines(app, article, inner_w);
        let max = lines.lines.len().saturating_sub(inner_h);
        let scroll = side.scroll[k].min(max);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_type(theme.border_type(focused))
            .border_style(theme.border(focused))
            .title(Line::styled(title, theme.title(focused)));
        let pct = (scroll * 100).checked_div(max).unwrap_or(100);
        let sync = if side.sync { "sync · " } else { "" };
        block = block
            .title_bottom(Line::styled(format!(" {sync}{pct}% "), theme.dim()).right_aligned());
        let shown: Vec<Line<'static>> = lines
            .lines
            .iter()
            .skip(scroll)
            .take(inner_h)
            .cloned()
            .collect();
        let shown = if focused {
            super::text_search::mark(app, shown, scroll)
        } else {
            shown
        };
        frame.render_widget(Paragraph::new(shown).block(block), area);
    }
}
