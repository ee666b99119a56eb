//! Side by side: two articles in full, the pinned one on the left, each
//! scrolling on its own or in sync, under a line that says where their
//! facts differ.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use std::sync::Arc;

use super::detail;
use super::text::Cells;
use crate::model::CallFacts;
use crate::ui::layout::Areas;
use crate::ui::state::app::App;
use crate::ui::state::detail_layout::{DetailView, PaneKey};

/// One pane's text, wrapped to `width`: from the cache `update` filled,
/// built here only for a state no `update` has seen.
fn pane_lines(app: &App, article: usize, width: usize) -> Arc<DetailView> {
    app.layouts
        .pane(&PaneKey::of(app, article, width))
        .unwrap_or_else(|| Arc::new(detail::article_only(app, article, width)))
}

fn show<T: PartialEq + ToString>(a: &Option<T>) -> String {
    a.as_ref().map_or("?".to_string(), ToString::to_string)
}

/// Where the two articles' facts differ: date, minutes, start time, and
/// topics one names and the other does not.
pub fn differences(app: &App, left: usize, right: usize) -> Cells {
    let theme = &app.theme;
    let t = &app.timeline;
    let mut c = Cells::new();
    let (Some(l), Some(r)) = (t.articles.get(left), t.articles.get(right)) else {
        return c;
    };
    let (lf, rf): (&CallFacts, &CallFacts) = (&l.facts, &r.facts);
    let mut diffs: Vec<Cells> = Vec::new();
    let mut same: Vec<&str> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    let mut fact = |name: &'static str, a: String, b: String, equal: bool| {
        if equal && a == "?" {
            // Neither says: that is not agreement.
            unknown.push(name);
        } else if equal {
            same.push(name);
        } else {
            let mut d = Cells::new();
            d.push(&format!("{name} "), theme.bold());
            d.push(&a, theme.warning());
            d.push(" ≠ ", theme.dim());
            d.push(&b, theme.warning());
            diffs.push(d);
        }
    };
    fact("date", show(&lf.date), show(&rf.date), lf.date == rf.date);
    fact(
        "minutes",
        show(&lf.duration_minutes),
        show(&rf.duration_minutes),
        lf.duration_minutes == rf.duration_minutes,
    );
    let time = |x: &Option<chrono::NaiveTime>| {
        x.map_or("?".to_string(), |t| t.format("%H:%M").to_string())
    };
    fact(
        "start",
        time(&lf.start_time),
        time(&rf.start_time),
        lf.start_time == rf.start_time,
    );
    let only_left: Vec<&str> = lf
        .topics
        .iter()
        .filter(|x| !rf.topics.contains(x))
        .map(String::as_str)
        .collect();
    let only_right: Vec<&str> = rf
        .topics
        .iter()
        .filter(|x| !lf.topics.contains(x))
        .map(String::as_str)
        .collect();
    if only_left.is_empty() && only_right.is_empty() {
        same.push("topics");
    }
    if !only_left.is_empty() {
        let mut d = Cells::new();
        d.push("only left: ", theme.bold());
        d.push_untrusted(&only_left.join(", "), theme.warning());
        diffs.push(d);
    }
    if !only_right.is_empty() {
        let mut d = Cells::new();
        d.push("only right: ", theme.bold());
        d.push_untrusted(&only_right.join(", "), theme.warning());
        diffs.push(d);
    }
    let unknown_note =
        (!unknown.is_empty()).then(|| format!("{} unknown in both", unknown.join(", ")));
    if diffs.is_empty() {
        c.push("Same facts: ", theme.bold());
        c.push(&same.join(", "), theme.text());
        if let Some(note) = unknown_note {
            c.push(&format!(" · {note}"), theme.dim());
        }
    } else {
        c.push("Differ: ", theme.bold());
        for (i, d) in diffs.into_iter().enumerate() {
            if i > 0 {
                c.push(" · ", theme.dim());
            }
            c.append(d);
        }
        if !same.is_empty() {
            c.push(&format!(" · same {}", same.join(", ")), theme.dim());
        }
        if let Some(note) = unknown_note {
            c.push(&format!(" · {note}"), theme.dim());
        }
    }
    c
}

/// Lines the facts-difference header takes at `width`: all of it, from
/// two lines up to a third of `main_height` (then cut with `…`).
pub fn header_rows(app: &App, width: u16, main_height: u16) -> u16 {
    let Some(side) = &app.side else {
        return 2;
    };
    let n = differences(app, side.left, side.right)
        .wrap_hanging(width as usize, 8)
        .len();
    let most = (main_height / 3).max(2);
    (n.min(u16::MAX as usize) as u16).clamp(2, most)
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
        let shown: Vec<Line> = lines
            .lines
            .iter()
            .skip(scroll)
            .take(inner_h)
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(shown).block(block), area);
    }
}
