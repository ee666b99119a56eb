//! What a newcomer tripped on (issue 11): side by side with the pinned
//! article itself, the selection following the filter, `g`/`G` on the
//! rows shown, where a hit matched when its text holds none.

use super::action::{Action, Edit, Motion};
use super::tests::select_call;
use super::{fixture, resolve_searches, update};
use crate::ui::state::app::{App, Group, Row};

fn app() -> App {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::Resize(120, 40));
    app
}

fn filter(app: &mut App, text: &str) {
    update(app, Action::FocusFilter);
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
    resolve_searches(app);
}

fn selected_call_id(app: &App) -> Option<String> {
    match app.selected_row() {
        Some(Row::Call(c)) => Some(app.timeline.calls[c].id.clone()),
        _ => None,
    }
}

#[test]
fn side_by_side_of_the_pinned_article_is_never_silently_another_pair() {
    let mut app = app();
    // The 2025-06-10 call holds articles 0, 1, 2: pin 0, keep it selected.
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.selected_article(), Some(0));
    update(&mut app, Action::Pin);
    update(&mut app, Action::SideBySide);
    let side = app
        .side
        .clone()
        .expect("opens beside the next article of the call");
    assert_eq!((side.left, side.right), (0, 1));
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("this is the pinned article"), "{msg}");
    update(&mut app, Action::Back);
    // A call of one article: nothing of the same call to compare with.
    select_call(&mut app, "2020-02-20-moon-xi");
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.selected_article(), Some(5));
    update(&mut app, Action::Pin);
    update(&mut app, Action::SideBySide);
    assert!(app.side.is_none(), "no other article shown silently");
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("select another one"), "{msg}");
}

#[test]
fn the_selection_follows_the_filter_to_the_first_hit() {
    let mut app = app();
    // On the Yoon era (no calls), filter for moon: the first Moon call.
    update(&mut app, Action::PrevEra);
    assert!(matches!(
        app.selected_row(),
        Some(Row::Group(Group::Era(1)))
    ));
    filter(&mut app, "moon");
    assert_eq!(
        selected_call_id(&app).as_deref(),
        Some("2021-01-26-moon-xi")
    );
    // A selected row that still matches stays.
    select_call(&mut app, "2020-02-20-moon-xi");
    update(&mut app, Action::Edit(Edit::Insert(' ')));
    for c in "xi".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    resolve_searches(&mut app);
    assert_eq!(
        selected_call_id(&app).as_deref(),
        Some("2020-02-20-moon-xi")
    );
}

#[test]
fn after_no_match_and_a_cleared_line_the_next_filter_selects_a_hit() {
    let mut app = app();
    filter(&mut app, "zzzz");
    assert!(app.no_matches());
    update(&mut app, Action::Edit(Edit::KillToStart));
    resolve_searches(&mut app);
    filter(&mut app, "covid");
    assert_eq!(
        selected_call_id(&app).as_deref(),
        Some("2021-01-26-moon-xi")
    );
}

#[test]
fn g_and_capital_g_go_to_the_first_and_last_rows_shown() {
    let mut app = app();
    // Collapse the newest era: g lands on its header, not an older call.
    update(&mut app, Action::FirstCall);
    update(&mut app, Action::Toggle);
    assert!(app.is_collapsed(Group::Era(0)));
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::FirstCall);
    assert_eq!(app.selected, 0);
    assert_eq!(app.selected_row(), Some(Row::Group(Group::Era(0))));
    update(&mut app, Action::LastCall);
    assert_eq!(app.selected, app.rows.len() - 1);
}

#[test]
fn n_says_where_a_hit_matched_when_the_text_holds_none() {
    let mut app = app();
    // Bloomberg's article (1) says "trading partner", not APEC: the call's
    // topics do.
    filter(&mut app, "apec");
    update(&mut app, Action::FilterAccept);
    update(&mut app, Action::Toggle);
    let row = app
        .rows
        .iter()
        .position(|&r| matches!(r, Row::Article { article: 1, .. }))
        .expect("Bloomberg's article is listed");
    super::update::select(&mut app, row);
    update(&mut app, Action::NextHit);
    assert_eq!(
        app.message.as_deref(),
        Some("no hit in the text · matched: call topic APEC")
    );
}

#[test]
fn what_the_screen_shows_can_be_found() {
    let mut app = app();
    for (query, call) in [
        ("moon-xi", "2021-01-26-moon-xi"),
        ("Moon–Xi", "2021-01-26-moon-xi"),
        ("2025-06-10-lee-xi", "2025-06-10-lee-xi"),
        ("11:30", "2025-06-10-lee-xi"),
        ("blomberg", "2025-06-10-lee-xi"),
        ("blmbrg", "2025-06-10-lee-xi"),
        ("'jinp", "2025-06-10-lee-xi"),
    ] {
        update(&mut app, Action::FilterCancel);
        filter(&mut app, query);
        assert!(
            app.filter.error.is_none(),
            "{query}: {:?}",
            app.filter.error
        );
        assert!(!app.no_matches(), "{query} finds nothing");
        let found = app.timeline.calls.iter().position(|c| c.id == call);
        assert!(
            found.is_some_and(|c| app.call_visible(c)),
            "{query} does not find {call}"
        );
    }
}

#[test]
fn an_article_without_a_stated_source_is_found_as_the_screen_names_it() {
    let mut t = fixture::sample();
    t.articles[2].source = None;
    let mut app = App::new(t);
    for query in ["src:unknown", "unknown", "'source not stated"] {
        update(&mut app, Action::FilterCancel);
        filter(&mut app, query);
        let hits = app.filter.hits.as_ref().expect("the filter applies");
        assert!(hits.matched[2], "{query} misses the unsourced article");
        assert!(!hits.matched[0], "{query} finds KBS's article");
    }
}
