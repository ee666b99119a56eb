//! `q` closes one layer at a time and quits only from the timeline list
//! (tig); `Q` and Ctrl-c quit at once, from anywhere but the typing bar.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keys::{Context, action_for};
use super::tests::app;
use super::update;
use crate::ui::mode::{Overlay, Top};
use crate::ui::state::app::{App, Focus};

/// Press a key as the event handler would: the key table for what is on
/// top, then `update`.
fn press(app: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if let Some(action) = action_for(app.context(), key) {
        update(app, action);
    }
}

#[test]
fn q_closes_overlay_then_side_by_side_then_detail_then_quits() {
    let mut app = app();
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::SideBySide);
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.top(), Top::Overlay(Overlay::Help(0)));

    let mut seen = Vec::new();
    while !app.should_quit {
        press(&mut app, 'q');
        seen.push(app.top());
        assert!(seen.len() <= 4, "q never quit: {seen:?}");
    }
    assert_eq!(seen, [Top::Side, Top::Detail, Top::List, Top::List]);
}

#[test]
fn q_on_the_bare_list_quits() {
    let mut app = app();
    assert_eq!(app.top(), Top::List);
    press(&mut app, 'q');
    assert!(app.should_quit);
}

#[test]
fn every_overlay_closes_on_q_without_quitting() {
    for open in [Action::ToggleHelp, Action::ToggleOverlay(Overlay::About)] {
        let mut app = app();
        update(&mut app, open.clone());
        assert!(app.overlay.is_some(), "{open:?}");
        press(&mut app, 'q');
        assert_eq!(app.overlay, None, "{open:?}");
        assert!(!app.should_quit, "{open:?}");
    }
}

#[test]
fn capital_q_quits_at_once_from_every_view_and_overlay() {
    let setups: [&dyn Fn(&mut App); 4] = [
        &|_| {},
        &|a| update(a, Action::FocusNext),
        &|a| update(a, Action::SideBySide),
        &|a| {
            update(a, Action::SideBySide);
            update(a, Action::ToggleHelp);
        },
    ];
    for setup in setups {
        let mut app = app();
        setup(&mut app);
        press(&mut app, 'Q');
        assert!(app.should_quit, "Q did not quit from {:?}", app.top());
    }
}

#[test]
fn q_and_capital_q_are_typed_in_the_filter_bar_and_ctrl_c_quits() {
    let mut app = app();
    update(&mut app, Action::FocusFilter);
    press(&mut app, 'q');
    press(&mut app, 'Q');
    assert!(!app.should_quit);
    assert_eq!(app.filter.input.text(), "qQ");
    assert_eq!(app.focus, Focus::Filter);
    let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(matches!(
        action_for(Context::Filter, cc),
        Some(Action::Quit)
    ));
}
