//! `/` inside the detail or side-by-side pane: the search follows each
//! keystroke from where the pane was, `n`/`N` step through the matches
//! (wrapping), Esc drops it. Matches are read from the layout cache
//! (`pane_view`): searching never lays the text out again.

use std::sync::Arc;

use super::{detail_layout, pane_layout};
use crate::ui::state::app::App;
use crate::ui::state::detail_layout::DetailView;
use crate::ui::state::text_search::{self, TextMatch, TextSearch};

/// The pane searched: the focused side-by-side pane, else the detail
/// pane; its text, scroll and height.
fn pane_view(app: &mut App) -> (Arc<DetailView>, usize, usize) {
    match app.side.clone() {
        Some(s) => {
            let k = s.focus.min(1);
            let article = if k == 0 { s.left } else { s.right };
            let (_, h) = app.side_size();
            (pane_layout(app, article), s.scroll[k], h)
        }
        None => {
            let (_, h) = app.detail_size();
            (detail_layout(app), app.detail_scroll, h)
        }
    }
}

fn set_scroll(app: &mut App, to: usize) {
    match app.side.as_mut() {
        Some(side) if side.sync => side.scroll = [to, to],
        Some(side) => side.scroll[side.focus.min(1)] = to,
        None => app.detail_scroll = to,
    }
}

/// `/` in a pane: a fresh search, looking from where the pane is.
pub(super) fn open(app: &mut App) {
    let (_, scroll, _) = pane_view(app);
    app.text_search = Some(TextSearch {
        typing: true,
        origin: scroll,
        ..TextSearch::default()
    });
}

/// The text changed: the first match from where the search opened.
pub(super) fn changed(app: &mut App) {
    let Some(ts) = app.text_search.clone() else {
        return;
    };
    let (view, _, h) = pane_view(app);
    let found = text_search::find(&view.lines, ts.needle());
    let pick = found
        .iter()
        .position(|m| m.line >= ts.origin)
        .or((!found.is_empty()).then_some(0));
    land(app, &view, &found, pick, h, ts.origin);
}

/// `n` / `N` while a search is kept: the next or previous match, wrapping.
pub(super) fn step(app: &mut App, forward: bool) {
    let Some(ts) = app.text_search.clone() else {
        return;
    };
    let (view, scroll, h) = pane_view(app);
    let found = text_search::find(&view.lines, ts.needle());
    let n = found.len();
    let at = |m: &TextMatch| (m.line, m.start);
    let pick = match ts.current {
        _ if n == 0 => None,
        Some(cur) if forward => found.iter().position(|m| at(m) > at(&cur)).or(Some(0)),
        Some(cur) => found.iter().rposition(|m| at(m) < at(&cur)).or(Some(n - 1)),
        None if forward => found.iter().position(|m| m.line >= scroll).or(Some(0)),
        None => found
            .iter()
            .rposition(|m| m.line < scroll + h)
            .or(Some(n - 1)),
    };
    land(app, &view, &found, pick, h, scroll);
}

/// Make match `pick` the current one and bring it into view; say which
/// of how many, or that there is none (the pane goes back to `rest`).
fn land(
    app: &mut App,
    view: &DetailView,
    found: &[TextMatch],
    pick: Option<usize>,
    h: usize,
    rest: usize,
) {
    let needle = app
        .text_search
        .as_ref()
        .map(|t| t.needle().to_string())
        .unwrap_or_default();
    let current = pick.and_then(|k| found.get(k).copied());
    if let Some(ts) = app.text_search.as_mut() {
        ts.current = current;
    }
    let max = view.lines.len().saturating_sub(h);
    let (_, scroll, _) = pane_view(app);
    let to = match current {
        Some(m) if m.line < scroll || m.line >= scroll + h.max(1) => m.line.saturating_sub(h / 3),
        Some(_) => scroll,
        None => rest,
    };
    set_scroll(app, to.min(max));
    app.message = Some(match (pick, needle.is_empty()) {
        (_, true) => "search the text: type, Enter keeps it, Esc drops it".into(),
        (Some(k), false) => format!("match {} of {}", k + 1, found.len()),
        (None, false) => {
            let shown = crate::ui::text::safe(&needle).into_owned();
            format!("not in this text: {shown}")
        }
    });
}
