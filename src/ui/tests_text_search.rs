//! `/` inside the article (less, tig): incremental, smart case, n/N
//! through the matches (taking over from the filter's hits), Esc drops
//! it; the corpus filter stays on `/` in the timeline and on `f`
//! everywhere; the facts toggle moved to `F`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keys::action_for;
use super::tests::app;
use super::update;
use crate::ui::mode::Top;
use crate::ui::state::app::{App, Focus};

fn key(app: &mut App, code: KeyCode) {
    if let Some(action) = action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE)) {
        update(app, action);
    }
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The detail pane focused, at a size where the article scrolls.
fn detail() -> App {
    let mut app = app();
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Action::FocusNext);
    assert_eq!(app.top(), Top::Detail);
    app
}

#[test]
fn slash_in_the_detail_pane_searches_the_text_as_typed() {
    let mut app = detail();
    let builds = app.layouts.builds;
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.top(), Top::TextSearch);
    chars(&mut app, "gyeongju");
    let ts = app.text_search.clone().expect("a search");
    let m = ts.current.expect("Gyeongju is in the article");
    assert_eq!(app.message.as_deref(), Some("match 1 of 1"));
    // Brought into view.
    let (_, h) = app.detail_size();
    assert!(m.line >= app.detail_scroll && m.line < app.detail_scroll + h);
    assert_eq!(app.layouts.builds, builds, "typing lays nothing out again");
    // Not there: said, and the pane goes back to where it was.
    chars(&mut app, "zzz");
    assert_eq!(
        app.message.as_deref(),
        Some("not in this text: gyeongjuzzz")
    );
    assert_eq!(app.detail_scroll, 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.text_search, None);
    assert_eq!(app.top(), Top::Detail);
}

#[test]
fn n_and_n_step_through_text_matches_then_esc_gives_them_back_to_the_filter() {
    let mut app = detail();
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "Lee");
    let total: usize = app
        .message
        .as_deref()
        .and_then(|m| m.rsplit(' ').next()?.parse().ok())
        .unwrap_or(0);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.top(), Top::Detail);
    let first = app.text_search.as_ref().and_then(|t| t.current);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.message, Some(format!("match 2 of {total}")));
    let second = app.text_search.as_ref().and_then(|t| t.current);
    assert_ne!(first, second);
    assert!(total >= 3, "Lee is named several times: {total}");
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.text_search.as_ref().and_then(|t| t.current), first);
    // Back past the first: wraps to the last.
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.message, Some(format!("match {total} of {total}")));
    // Smart case: "Lee" does not match "leaders".
    let found = crate::ui::state::text_search::find_in("leaders Lee", "Lee");
    assert_eq!(found, [(8, 11)]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.text_search, None);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.message.as_deref(), Some("no filter: / to search"));
}

#[test]
fn the_corpus_filter_stays_on_slash_in_the_list_and_f_everywhere() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.focus, Focus::Filter);
    assert_eq!(app.text_search, None);
    let mut in_detail = detail();
    key(&mut in_detail, KeyCode::Char('f'));
    assert_eq!(in_detail.top(), Top::Filter);
    let mut side = super::tests::app();
    update(&mut side, Action::SideBySide);
    key(&mut side, KeyCode::Char('f'));
    assert_eq!(side.top(), Top::Filter);
}

#[test]
fn capital_f_toggles_the_facts() {
    let mut app = app();
    assert!(!app.facts_full);
    key(&mut app, KeyCode::Char('F'));
    assert!(app.facts_full);
}

#[test]
fn side_by_side_searches_the_focused_pane() {
    let mut app = app();
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Action::SideBySide);
    let before = app.side.clone().expect("side by side").scroll;
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.top(), Top::TextSearch);
    chars(&mut app, "presidential office");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.top(), Top::Side);
    assert!(
        app.text_search.as_ref().and_then(|t| t.current).is_some(),
        "{:?}",
        app.message
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.message.as_deref(), Some("match 1 of 1"));
    assert_eq!(
        app.side.as_ref().map(|s| s.scroll[0]),
        Some(before[0]),
        "the other pane stays"
    );
    // Esc drops the search first, then leaves side by side.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.top(), Top::Side);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.top(), Top::List);
}
