//! The timeline pane: era headers, calls newest first, a call's articles
//! when expanded, and the articles placed in no call at the end.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::query::line_match_indices;
use crate::ui::state::app::{App, Focus, Group, Row};
use crate::ui::text::Cells;

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Untrusted text with the filter's matched characters highlighted.
fn field(app: &App, c: &mut Cells, text: &str, style: Style) {
    match &app.filter.query {
        Some(q) if app.filter.active() => {
            let idx = line_match_indices(text, q);
            c.push_highlighted(text, style, app.theme.highlight(), &idx);
        }
        _ => {
            c.push_untrusted(text, style);
        }
    }
}

/// One row of the list, `width` columns wide. Each row has shorter forms
/// for narrow panes; the first that fits whole is used.
pub fn row_cells(app: &App, row: Row, width: usize) -> Cells {
    row_form(app, row, width).0
}

/// The row, and which of its forms was used: 0 is the longest, which
/// says what its numbers are; shorter call rows need the pane's legend.
fn row_form(app: &App, row: Row, width: usize) -> (Cells, usize) {
    let candidates = row_forms(app, row);
    let fits = |(l, r): &(Cells, Cells)| {
        let rw = if r.is_empty() { 0 } else { r.width() + 1 };
        l.width() + rw <= width
    };
    let index = candidates
        .iter()
        .position(fits)
        .unwrap_or(candidates.len().saturating_sub(1));
    let Some((mut left, right)) = candidates.into_iter().nth(index) else {
        return (Cells::new(), 0);
    };
    let cells = if right.is_empty() {
        left.truncate(width);
        left
    } else {
        Cells::spread(left, right, width)
    };
    (cells, index)
}

/// What the short call rows' numbers are, for the pane's bottom border.
const LEGEND: &str = " minutes · articles ";

/// (left, right) forms of a row, longest first.
fn row_forms(app: &App, row: Row) -> Vec<(Cells, Cells)> {
    let t = &app.timeline;
    let theme = &app.theme;
    let mut forms = Vec::new();
    match row {
        Row::Group(g) => {
            let arrow = if app.is_collapsed(g) { "▸ " } else { "▾ " };
            let mut left = Cells::new();
            left.push(arrow, theme.era());
            match g {
                Group::Era(e) => {
                    let Some(era) = t.eras.get(e) else {
                        return forms;
                    };
                    field(app, &mut left, t.leader_name(era.leader), theme.era());
                    let short_left = left.clone();
                    let to = era.to.map(|d| d.year().to_string()).unwrap_or_default();
                    left.push(&format!("  {}–{to}", era.from.year()), theme.dim());
                    let shown = app.visible_calls_of_era(e).len();
                    let text = if era.calls.is_empty() {
                        "no calls".to_string()
                    } else if shown == 0 {
                        "no matches".to_string()
                    } else {
                        plural(shown, "call", "calls")
                    };
                    let mut right = Cells::new();
                    right.push(
                        &text,
                        if shown == 0 {
                            theme.dim()
                        } else {
                            theme.text()
                        },
                    );
                    let mut tiny = Cells::new();
                    tiny.push(&shown.to_string(), theme.text());
                    forms.push((left, right.clone()));
                    forms.push((short_left.clone(), right));
                    forms.push((short_left, tiny));
                }
                Group::Orphans => {
                    left.push("Calls outside any era", theme.era());
                    forms.push((left, Cells::new()));
                }
                Group::Unassigned => {
                    left.push("Not in any call", theme.era());
                    let n = t
                        .unassigned
                        .iter()
                        .filter(|&&a| app.article_visible(a))
                        .count();
                    let mut right = Cells::new();
                    right.push(&plural(n, "article", "articles"), theme.text());
                    let mut tiny = Cells::new();
                    tiny.push(&n.to_string(), theme.text());
                    forms.push((left.clone(), right));
                    forms.push((left, tiny));
                }
            }
        }
        Row::Call(c) => {
            let Some(call) = t.calls.get(c) else {
                return forms;
            };
            let arrow = if app.is_expanded(c) { "▾ " } else { "▸ " };
            let mut left = Cells::new();
            left.push("  ", theme.text());
            left.push(arrow, theme.dim());
            field(app, &mut left, &call.date.to_string(), theme.date());
            left.push(" ", theme.text());
            // Bold while any of its articles is unread (newsboat's feeds).
            let unread = call.articles.iter().any(|&a| app.marks.is_unread(a));
            let label_style = if unread { theme.bold() } else { theme.text() };
            field(app, &mut left, &t.call_label(call), label_style);
            let shown = app.visible_articles_of_call(c).len();
            let total = call.articles.len();
            let count = if shown == total {
                plural(total, "article", "articles")
            } else {
                format!("{shown} of {total} articles")
            };
            let minutes = call.duration_minutes.value;
            let min_text = minutes.map_or("? min".to_string(), |m| format!("{m} min"));
            let short_count = if shown == total {
                total.to_string()
            } else {
                format!("{shown}/{total}")
            };
            let mut full = Cells::new();
            full.push(&format!("{min_text} · {count}"), theme.text());
            // Shorter: the pane's bottom border says what the numbers are.
            let mut short = Cells::new();
            short.push(&format!("{min_text} · {short_count}"), theme.text());
            let mut tiny = Cells::new();
            tiny.push(&short_count, theme.text());
            forms.push((left.clone(), full));
            forms.push((left.clone(), short));
            forms.push((left.clone(), tiny));
            forms.push((left, Cells::new()));
        }
        Row::Article { article, call } => {
            let Some(a) = t.articles.get(article) else {
                return forms;
            };
            let mut left = Cells::new();
            let pin = if app.pinned == Some(article) {
                "◆ "
            } else if app.marks.is_bookmarked(article) {
                "★ "
            } else {
                "  "
            };
            left.push(if call.is_some() { "      " } else { "    " }, theme.text());
            left.push(pin, theme.bold());
            if call.is_none() {
                match a.published {
                    Some(d) => field(app, &mut left, &d.to_string(), theme.date()),
                    None => {
                        left.push("undated", theme.dim());
                    }
                }
                left.push(" · ", theme.dim());
            }
            match &a.source {
                Some(s) => field(app, &mut left, s, theme.outlet()),
                None => {
                    left.push(crate::export::SOURCE_NOT_STATED, theme.dim());
                }
            }
            left.push(" · ", theme.dim());
            // Unread articles are bold until opened (newsboat).
            let title_style = if app.marks.is_unread(article) {
                theme.bold()
            } else {
                theme.text()
            };
            field(app, &mut left, &a.title, title_style);
            forms.push((left, Cells::new()));
        }
    }
    forms
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = matches!(app.focus, Focus::List | Focus::Filter);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(theme.border_type(app.focus == Focus::List))
        .border_style(theme.border(app.focus == Focus::List))
        .title(Line::styled(
            " Timeline ",
            theme.title(app.focus == Focus::List),
        ));
    if let Some(cp) = app.counterpart {
        block = block.title(
            Line::styled(
                format!(" with {} ", app.timeline.leader_name(cp)),
                theme.bold(),
            )
            .right_aligned(),
        );
    }
    let inner_w = area.width.saturating_sub(2) as usize;
    let inner_h = area.height.saturating_sub(2) as usize;
    if app.rows.len() > inner_h && inner_h > 0 {
        let pos = format!(" {}/{} ", app.selected + 1, app.rows.len());
        block = block.title_bottom(Line::styled(pos, theme.dim()).right_aligned());
    }
    let mut lines: Vec<Line> = Vec::new();
    if app.rows.is_empty() {
        let msg = if app.load.loading().is_some() {
            "Loading…"
        } else if app.timeline.articles.is_empty() {
            "No articles loaded."
        } else if app.no_matches() {
            "No article matches the filter."
        } else {
            "Nothing to show."
        };
        let mut c = Cells::new();
        c.push(msg, theme.bold());
        lines.extend(c.wrap(inner_w).into_iter().map(Cells::into_line));
        if app.no_matches() {
            let mut c = Cells::new();
            c.push("Esc clears it.", theme.dim());
            lines.extend(c.wrap(inner_w).into_iter().map(Cells::into_line));
        }
    } else {
        let offset = app.list_offset.min(app.rows.len().saturating_sub(1));
        let mut legend = false;
        for (i, &row) in app.rows.iter().enumerate().skip(offset).take(inner_h) {
            let (mut cells, form) = row_form(app, row, inner_w);
            legend |= matches!(row, Row::Call(_)) && form > 0;
            if i == app.selected {
                let sel = theme.selected(focused);
                cells.pad_to(inner_w, Style::default());
                let mut line = cells.into_line();
                for span in &mut line.spans {
                    span.style = span.style.patch(sel);
                }
                lines.push(line);
            } else {
                lines.push(cells.into_line());
            }
        }
        if legend && crate::ui::text::width(LEGEND) + 4 <= inner_w {
            block = block.title_bottom(Line::styled(LEGEND, theme.dim()).left_aligned());
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
