//! The in-text search drawn over a pane's visible lines: each match
//! marked, the one `n`/`N` landed on marked as the current hit. Only the
//! lines on screen are touched; the laid-out text stays as cached.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::ui::state::app::App;
use crate::ui::state::text_search::{find_in, line_text};

/// `lines` (starting at pane line `first`) with the search's matches
/// marked, when a search with text is on.
pub fn mark(app: &App, lines: Vec<Line<'static>>, first: usize) -> Vec<Line<'static>> {
    let Some(ts) = app.text_search.as_ref().filter(|t| !t.needle().is_empty()) else {
        return lines;
    };
    let theme = &app.theme;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let ranges = find_in(&line_text(&line), ts.needle());
            if ranges.is_empty() {
                return line;
            }
            let current = ts
                .current
                .filter(|m| m.line == first + i)
                .map(|m| (m.start, m.end));
            let style_at = |col: usize| {
                if current.is_some_and(|(s, e)| (s..e).contains(&col)) {
                    Some(theme.current_hit())
                } else if ranges.iter().any(|&(s, e)| (s..e).contains(&col)) {
                    Some(theme.highlight())
                } else {
                    None
                }
            };
            restyle(line, style_at)
        })
        .collect()
}

/// The line cut into runs of characters that share a mark, each mark
/// laid over the span's own style.
fn restyle(line: Line<'static>, style_at: impl Fn(usize) -> Option<Style>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut col = 0;
    for span in &line.spans {
        let mut run = String::new();
        let mut run_mark: Option<Option<Style>> = None;
        for c in span.content.chars() {
            let mark = style_at(col);
            if run_mark.is_some_and(|m| m != mark) {
                let style = run_mark
                    .flatten()
                    .map_or(span.style, |m| span.style.patch(m));
                spans.push(Span::styled(std::mem::take(&mut run), style));
            }
            run_mark = Some(mark);
            run.push(c);
            col += 1;
        }
        if !run.is_empty() {
            let style = run_mark
                .flatten()
                .map_or(span.style, |m| span.style.patch(m));
            spans.push(Span::styled(run, style));
        }
    }
    Line { spans, ..line }
}
