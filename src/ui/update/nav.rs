//! The timeline's structure from the keyboard: expand and collapse groups
//! and calls, jump between eras, cycle the counterpart shown.

use super::select;
use crate::ui::state::app::{App, Focus, Group, Row};

pub(super) fn group_row_of(app: &App, row: usize) -> Option<usize> {
    (0..=row.min(app.rows.len().saturating_sub(1)))
        .rev()
        .find(|&i| matches!(app.rows[i], Row::Group(_)))
}

pub(super) fn call_row(app: &App, call: usize) -> Option<usize> {
    app.rows.iter().position(|&r| r == Row::Call(call))
}

pub(super) fn toggle(app: &mut App) {
    match app.selected_row() {
        Some(Row::Group(g)) => {
            let c = app.is_collapsed(g);
            app.set_collapsed(g, !c);
            app.rebuild_rows();
        }
        Some(Row::Call(c)) => {
            let e = app.is_expanded(c);
            app.set_expanded(c, !e);
            app.rebuild_rows();
        }
        Some(Row::Article { .. }) => app.focus = Focus::Detail,
        None => {}
    }
}

pub(super) fn expand(app: &mut App) {
    match app.selected_row() {
        Some(Row::Group(g)) => {
            if app.is_collapsed(g) {
                app.set_collapsed(g, false);
                app.rebuild_rows();
            } else if app
                .rows
                .get(app.selected + 1)
                .is_some_and(|r| !matches!(r, Row::Group(_)))
            {
                select(app, app.selected + 1);
            }
        }
        Some(Row::Call(c)) => {
            if app.is_expanded(c) {
                if matches!(app.rows.get(app.selected + 1), Some(Row::Article { .. })) {
                    select(app, app.selected + 1);
                }
            } else {
                app.set_expanded(c, true);
                app.rebuild_rows();
            }
        }
        Some(Row::Article { .. }) => app.focus = Focus::Detail,
        None => {}
    }
}

pub(super) fn collapse(app: &mut App) {
    match app.selected_row() {
        Some(Row::Group(g)) if !app.is_collapsed(g) => {
            app.set_collapsed(g, true);
            app.rebuild_rows();
        }
        Some(Row::Group(_)) => {}
        Some(Row::Call(c)) => {
            if app.is_expanded(c) {
                app.set_expanded(c, false);
                app.rebuild_rows();
            } else if let Some(g) = group_row_of(app, app.selected) {
                select(app, g);
            }
        }
        Some(Row::Article { call: Some(c), .. }) => {
            if let Some(r) = call_row(app, c) {
                select(app, r);
            }
            app.set_expanded(c, false);
            app.rebuild_rows();
        }
        Some(Row::Article { call: None, .. }) => {
            if let Some(g) = group_row_of(app, app.selected) {
                select(app, g);
            }
        }
        None => {}
    }
}

/// `[` (older) and `]` (newer): to the newest shown call of that era, or
/// its header when it has none.
pub(super) fn jump_era(app: &mut App, older: bool) {
    let n = app.timeline.eras.len();
    if n == 0 {
        app.message = Some("no eras".into());
        return;
    }
    let target = match app.selected_era() {
        Some(e) if older && e + 1 < n => e + 1,
        Some(e) if !older && e > 0 => e - 1,
        Some(_) => {
            app.message = Some(
                if older {
                    "already at the oldest era"
                } else {
                    "already at the newest era"
                }
                .into(),
            );
            return;
        }
        None if older => n - 1,
        None => 0,
    };
    let call_row = app.rows.iter().position(|&r| match r {
        Row::Call(c) => app.call_era.get(c).copied().flatten() == Some(target),
        _ => false,
    });
    let header = app
        .rows
        .iter()
        .position(|&r| r == Row::Group(Group::Era(target)));
    if let Some(r) = call_row.or(header) {
        select(app, r);
    }
}

pub(super) fn cycle_counterpart(app: &mut App) {
    if app.counterparts.len() < 2 {
        app.message = Some(match app.counterparts.first() {
            Some(&id) => format!("every call is with {}", app.timeline.leader_name(id)),
            None => "no calls".into(),
        });
        return;
    }
    app.counterpart = match app.counterpart {
        None => app.counterparts.first().copied(),
        Some(cp) => {
            let i = app.counterparts.iter().position(|&c| c == cp).unwrap_or(0);
            app.counterparts.get(i + 1).copied()
        }
    };
    app.message = Some(match app.counterpart {
        Some(id) => format!("showing calls with {}", app.timeline.leader_name(id)),
        None => "showing calls with every counterpart".into(),
    });
    app.rebuild_rows();
}
