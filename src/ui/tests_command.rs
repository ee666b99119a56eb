//! The `:` command line through the key table and `update`: dates to the
//! nearest call, leader names to eras, `:q`, `:help`, Tab completion, and
//! unknown or hostile text only ever giving a status message.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keys::action_for;
use super::tests::{app, row_label};
use super::update;
use crate::ui::mode::{Overlay, Top};
use crate::ui::state::app::{App, Group};

fn key(app: &mut App, code: KeyCode) {
    if let Some(action) = action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE)) {
        update(app, action);
    }
}

/// `:` then `text`, as typed, without Enter.
fn typed(app: &mut App, text: &str) {
    key(app, KeyCode::Char(':'));
    assert_eq!(app.top(), Top::Command);
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// `:text` Enter.
fn run(app: &mut App, text: &str) {
    typed(app, text);
    key(app, KeyCode::Enter);
    assert_eq!(app.command, None, "Enter closes the line");
}

#[test]
fn a_month_goes_to_the_nearest_call() {
    let mut app = app();
    // May 2020: February 20th is 71 days before, January 2021 far after.
    run(&mut app, "2020-05");
    assert_eq!(row_label(&app), "2020-02-20-moon-xi");
    assert_eq!(app.message.as_deref(), Some("2020-02-20 · Moon–Xi"));
}

#[test]
fn a_day_goes_to_the_nearest_call_and_a_tie_to_the_newer() {
    let mut app = app();
    run(&mut app, "2025-06-07");
    assert_eq!(row_label(&app), "2025-06-06-lee-trump");
    run(&mut app, "2021-01-01");
    assert_eq!(row_label(&app), "2021-01-26-moon-xi");
    // Two days from both calls of June 2025.
    run(&mut app, "2025-06-08");
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
}

#[test]
fn a_call_in_a_collapsed_era_is_reached_and_its_era_opened() {
    let mut app = app();
    run(&mut app, "moon");
    update(&mut app, Action::Collapse);
    update(&mut app, Action::Collapse);
    assert!(app.is_collapsed(Group::Era(2)));
    run(&mut app, "2020");
    assert!(!app.is_collapsed(Group::Era(2)));
    assert_eq!(row_label(&app), "2020-02-20-moon-xi");
}

#[test]
fn a_leader_name_goes_to_the_era_in_any_case() {
    let mut app = app();
    run(&mut app, "MOON");
    assert_eq!(row_label(&app), "2021-01-26-moon-xi");
    // An era with no calls: its header.
    run(&mut app, "Yoon");
    assert_eq!(row_label(&app), "era Yoon Suk Yeol");
    run(&mut app, "lee jae");
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
}

#[test]
fn q_quits_help_opens_and_typed_keys_act_on_nothing_else() {
    let mut app = app();
    typed(&mut app, "jq");
    assert!(!app.should_quit, "q is typed, not a quit");
    assert_eq!(
        row_label(&app),
        "2025-06-10-lee-xi",
        "j is typed, not a move"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.top(), super::mode::Top::List);
    run(&mut app, "help");
    assert_eq!(app.overlay, Some(Overlay::Help(0)));
    key(&mut app, KeyCode::Esc);
    run(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn unknown_and_hostile_commands_only_say_so() {
    let mut app = app();
    let before = row_label(&app);
    run(&mut app, "frobnicate");
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("unknown command :frobnicate"), "{msg}");
    update(&mut app, Action::OpenCommand);
    update(
        &mut app,
        Action::Paste("evil\x1b]52;c;AAAA\x07\x1b[2J\u{9b}31m".into()),
    );
    update(&mut app, Action::CommandRun);
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("unknown command :evil"), "{msg}");
    assert!(!msg.chars().any(|c| c.is_control()), "{msg:?}");
    for bad in ["2020-13", "2020-02-30", "9999-99-99", "-"] {
        run(&mut app, bad);
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.starts_with("unknown")),
            "{bad}"
        );
    }
    assert_eq!(row_label(&app), before);
    assert!(!app.should_quit);
    // Nothing typed: closes quietly.
    run(&mut app, "");
    assert_eq!(app.message, None);
}

#[test]
fn tab_completes_leaders_years_and_commands() {
    let mut app = app();
    typed(&mut app, "mo");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.command.as_ref().map(|l| l.text()), Some("moon"));
    key(&mut app, KeyCode::Esc);
    typed(&mut app, "20");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.command.as_ref().map(|l| l.text()), Some("202"));
    assert_eq!(app.message.as_deref(), Some("2025 2021 2020"));
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.command.as_ref().map(|l| l.text()), Some("2021"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(row_label(&app), "2021-01-26-moon-xi");
    typed(&mut app, "he");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.command.as_ref().map(|l| l.text()), Some("help"));
    key(&mut app, KeyCode::Esc);
    typed(&mut app, "zz");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.command.as_ref().map(|l| l.text()), Some("zz"));
    assert_eq!(app.message.as_deref(), Some("nothing to complete"));
}

#[test]
fn a_jump_from_side_by_side_leaves_it_for_the_list() {
    let mut app = app();
    update(&mut app, Action::SideBySide);
    assert_eq!(app.top(), Top::Side);
    run(&mut app, "2020");
    assert_eq!(app.top(), Top::List);
    assert_eq!(row_label(&app), "2020-02-20-moon-xi");
}
