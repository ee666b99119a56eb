//! The status counts ("3 of 5 articles · 1 of 3 calls") and the key-hint
//! line, which shows a message instead when there is one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::ui::state::app::App;
use crate::ui::text::Cells;

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The counts, right of the filter bar.
pub fn counts(app: &App) -> Cells {
    let theme = &app.theme;
    let t = &app.timeline;
    let (articles, calls) = app.counts();
    let mut c = Cells::new();
    if app.load.loading().is_some() {
        // No counts yet: "0 articles" would be wrong.
        c.push("loading the corpus…", theme.dim());
        return c;
    }
    if app.load.indexing() {
        c.push("indexing… ", theme.dim());
    } else if app.filter.pending() {
        c.push("matching… ", theme.dim());
    }
    if app.load.reloading() {
        c.push("reloading… ", theme.dim());
    }
    let all = articles == t.articles.len() && calls == t.calls.len();
    let text = if all {
        format!(
            "{} · {}",
            plural(t.articles.len(), "article", "articles"),
            plural(t.calls.len(), "call", "calls")
        )
    } else {
        format!(
            "{articles} of {} · {calls} of {}",
            plural(t.articles.len(), "article", "articles"),
            plural(t.calls.len(), "call", "calls")
        )
    };
    c.push(&text, theme.bold());
    let warnings = app.warnings().count();
    if warnings > 0 {
        c.push(" · ", theme.dim());
        c.push(&plural(warnings, "warning", "warnings"), theme.warning());
        c.push(" · ", theme.dim());
        c.push("w", theme.bold());
    }
    c
}

/// Key hints for what has focus, or the latest message.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = &app.theme;
    let width = area.width as usize;
    let mut c = Cells::new();
    if let Some(msg) = &app.message {
        c.push_untrusted(msg, theme.bold());
    } else {
        for hint in app.keymap.hints(app.context()) {
            let sep = if c.is_empty() { 0 } else { 2 };
            if c.width() + sep + crate::ui::text::width(hint) > width {
                break;
            }
            if sep > 0 {
                c.push("  ", theme.text());
            }
            match hint.split_once(' ') {
                Some((k, rest)) => {
                    c.push(k, theme.bold());
                    c.push(" ", theme.dim());
                    c.push(rest, theme.dim());
                }
                None => {
                    c.push(hint, theme.dim());
                }
            }
        }
    }
    c.truncate(width);
    frame.render_widget(Paragraph::new(c.into_line()), area);
}
