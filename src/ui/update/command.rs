//! The `:` command line run: go to the nearest call of a date, to an era,
//! quit or open the help; Tab completes. What the text means is decided in
//! `state::command`; this moves the selection and says what happened.

use super::nav::call_row;
use super::select;
use crate::ui::mode::Overlay;
use crate::ui::state::app::{App, Focus, Group, Row};
use crate::ui::state::command::{self, Command};

/// Enter: run the line and close it.
pub(super) fn run(app: &mut App) {
    let Some(line) = app.command.take() else {
        return;
    };
    match command::parse(&app.timeline, line.text()) {
        Command::Empty => {}
        Command::Quit => app.should_quit = true,
        Command::Help => app.overlay = Some(Overlay::Help(0)),
        Command::Stats => app.overlay = Some(Overlay::Stats(0)),
        Command::Date { from, to } => go_to_date(app, from, to),
        Command::Era(e) => go_to_era(app, e),
        Command::Unknown(text) => {
            let shown = crate::ui::text::safe(&text).into_owned();
            app.message = Some(format!(
                "unknown command :{shown} · try a date (2020-05), a leader, stats, q or help"
            ));
        }
    }
}

/// Tab: complete the line as far as the candidates agree; several left
/// are listed in the status line.
pub(super) fn complete(app: &mut App) {
    let Some(text) = app.command.as_ref().map(|l| l.text().to_string()) else {
        return;
    };
    let (line, matches) = command::complete(&app.timeline, &text);
    if let Some(input) = app.command.as_mut() {
        input.set(&line);
    }
    app.message = match matches.len() {
        0 => Some("nothing to complete".into()),
        1 => None,
        _ => Some(matches.join(" ")),
    };
}

/// The shown call nearest to the span (a collapsed era is opened for it);
/// the newer of two as near.
fn go_to_date(app: &mut App, from: chrono::NaiveDate, to: chrono::NaiveDate) {
    let nearest = (0..app.timeline.calls.len())
        .filter(|&c| app.call_visible(c))
        .min_by_key(|&c| {
            let date = app.timeline.calls[c].date;
            (command::distance(date, from, to), std::cmp::Reverse(date))
        });
    let Some(call) = nearest else {
        app.message = Some("no call shown to go to".into());
        return;
    };
    let group = match app.call_era.get(call).copied().flatten() {
        Some(e) => Group::Era(e),
        None => Group::Orphans,
    };
    if app.is_collapsed(group) {
        app.set_collapsed(group, false);
        app.rebuild_rows();
    }
    if let Some(row) = call_row(app, call) {
        focus_row(app, row);
        let c = &app.timeline.calls[call];
        app.message = Some(format!("{} · {}", c.date, app.timeline.call_label(c)));
    }
}

/// The newest shown call of era `e`, or its header when none is shown.
fn go_to_era(app: &mut App, e: usize) {
    let call = app.rows.iter().position(|&r| match r {
        Row::Call(c) => app.call_era.get(c).copied().flatten() == Some(e),
        _ => false,
    });
    let header = app
        .rows
        .iter()
        .position(|&r| r == Row::Group(Group::Era(e)));
    if let Some(row) = call.or(header) {
        focus_row(app, row);
    }
    if let Some(era) = app.timeline.eras.get(e) {
        let name = app.timeline.leader_name(era.leader).to_string();
        app.message = Some(format!("era of {name}"));
    }
}

/// Go to `row` in the list: the list takes the keys again, so the jump is
/// seen (side by side shows two fixed articles and is left).
fn focus_row(app: &mut App, row: usize) {
    app.side = None;
    if app.focus == Focus::Filter {
        app.focus = Focus::List;
    }
    select(app, row);
}
