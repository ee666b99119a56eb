//! The mouse: the wheel scrolls the pane under it, a click selects (a
//! row, a call's mark on the era ribbon, a pane to focus).

use super::super::action::Motion;
use super::{WHEEL_LINES, move_list, move_overlay, scroll_detail, scroll_side, select, toggle};
use crate::ui::layout;
use crate::ui::mode::Top;
use crate::ui::state::app::{App, Focus, Group, Row};

pub(super) fn inside(r: ratatui::layout::Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.right() && row >= r.y && row < r.bottom()
}

pub(super) fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let m = if down { Motion::Down } else { Motion::Up };
    let a = app.areas();
    for _ in 0..WHEEL_LINES {
        if matches!(app.top(), Top::Overlay(_)) {
            move_overlay(app, m);
        } else if let Some(side) = app.side.as_mut() {
            if inside(a.left, column, row) {
                side.focus = 0;
            } else if inside(a.right, column, row) {
                side.focus = 1;
            }
            scroll_side(app, m);
        } else if inside(a.list, column, row) {
            move_list(app, m);
        } else if inside(a.detail, column, row) {
            scroll_detail(app, m);
        }
    }
}

pub(super) fn click(app: &mut App, column: u16, row: u16) {
    if matches!(app.top(), Top::Overlay(_)) {
        return;
    }
    let a = app.areas();
    if let Some(side) = app.side.as_mut() {
        if inside(a.left, column, row) {
            side.focus = 0;
        } else if inside(a.right, column, row) {
            side.focus = 1;
        }
        return;
    }
    if inside(a.ribbon, column, row) {
        click_ribbon(app, column);
    } else if inside(a.filter, column, row) {
        app.focus = Focus::Filter;
    } else if inside(a.detail, column, row) {
        app.focus = Focus::Detail;
    } else if inside(a.list, column, row) {
        app.focus = Focus::List;
        let inner = layout::inner(a.list);
        if inside(inner, column, row) {
            let r = app.list_offset + (row - inner.y) as usize;
            if r < app.rows.len() {
                if r == app.selected {
                    toggle(app);
                } else {
                    select(app, r);
                }
            }
        }
    }
}

/// A click on the era ribbon selects the call whose mark is nearest (within
/// a column), or the era clicked.
pub(super) fn click_ribbon(app: &mut App, column: u16) {
    let width = app.size.0 as usize;
    let x = column as usize;
    let segs = crate::ui::state::ribbon_axis::segments(app, width);
    let mut best: Option<(usize, usize)> = None;
    for seg in &segs {
        for c in app.visible_calls_of_era(seg.era) {
            let Some(call) = app.timeline.calls.get(c) else {
                continue;
            };
            let d = crate::ui::state::ribbon_axis::column_of(seg, call.date).abs_diff(x);
            if d <= 1 && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((c, d));
            }
        }
    }
    let target = match best {
        Some((c, _)) => app.rows.iter().position(|&r| r == Row::Call(c)),
        None => segs
            .iter()
            .find(|s| x >= s.x && x < s.x + s.width)
            .and_then(|s| {
                app.rows
                    .iter()
                    .position(|&r| r == Row::Group(Group::Era(s.era)))
            }),
    };
    if let Some(r) = target {
        app.focus = Focus::List;
        select(app, r);
    }
}
