//! `update` unit tests over the hand-built fixture: navigation, eras,
//! expand/collapse, scrolling bounds, filter editing and matching.

use super::action::{Action, Edit, Effect, Motion};
use super::{fixture, resolve_searches, update};
use crate::query;
use crate::ui::state::app::{App, Focus, Group, Row};

pub(super) fn app() -> App {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::Resize(120, 40));
    app
}

pub(super) fn type_text(app: &mut App, text: &str) {
    update(app, Action::FocusFilter);
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
}

pub(super) fn row_label(app: &App) -> String {
    match app.selected_row() {
        Some(Row::Group(Group::Era(e))) => format!(
            "era {}",
            app.timeline.leader_name(app.timeline.eras[e].leader)
        ),
        Some(Row::Group(g)) => format!("{g:?}"),
        Some(Row::Call(c)) => app.timeline.calls[c].id.clone(),
        Some(Row::Article { article, .. }) => app.timeline.articles[article].id.clone(),
        None => "nothing".into(),
    }
}

/// Select the row of the call `id`.
pub(super) fn select_call(app: &mut App, id: &str) {
    let row = app
        .rows
        .iter()
        .position(|&r| matches!(r, Row::Call(c) if app.timeline.calls[c].id == id))
        .expect("the call is listed");
    super::update::select(app, row);
}

#[test]
fn starts_on_the_newest_call() {
    let app = app();
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
    assert_eq!(app.selected_article(), Some(0));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn rows_list_every_era_calls_newest_first_and_unassigned_last() {
    let app = app();
    let labels: Vec<String> = app
        .rows
        .iter()
        .map(|r| match *r {
            Row::Group(Group::Era(e)) => app.timeline.eras[e].leader.0.to_string(),
            Row::Group(g) => format!("{g:?}"),
            Row::Call(c) => app.timeline.calls[c].id.clone(),
            Row::Article { article, .. } => article.to_string(),
        })
        .collect();
    let lee = app.timeline.eras[0].leader.0.to_string();
    let yoon = app.timeline.eras[1].leader.0.to_string();
    let moon = app.timeline.eras[2].leader.0.to_string();
    assert_eq!(
        labels,
        [
            lee.as_str(),
            "2025-06-10-lee-xi",
            "2025-06-06-lee-trump",
            yoon.as_str(),
            moon.as_str(),
            "2021-01-26-moon-xi",
            "2020-02-20-moon-xi",
            "Unassigned",
            "6",
        ]
    );
}

#[test]
fn era_keys_move_through_time_including_empty_eras() {
    let mut app = app();
    update(&mut app, Action::PrevEra);
    assert_eq!(row_label(&app), "era Yoon Suk Yeol");
    update(&mut app, Action::PrevEra);
    assert_eq!(row_label(&app), "2021-01-26-moon-xi");
    update(&mut app, Action::PrevEra);
    assert_eq!(row_label(&app), "2021-01-26-moon-xi");
    assert_eq!(app.message.as_deref(), Some("already at the oldest era"));
    update(&mut app, Action::NextEra);
    update(&mut app, Action::NextEra);
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
    // g / G: the first and last rows, whatever they are.
    update(&mut app, Action::LastCall);
    assert_eq!(row_label(&app), "006_fixture");
    update(&mut app, Action::FirstCall);
    assert_eq!(row_label(&app), "era Lee Jae-myung");
}

#[test]
fn expand_and_collapse_calls_and_eras() {
    let mut app = app();
    let before = app.rows.len();
    update(&mut app, Action::Toggle);
    assert_eq!(app.rows.len(), before + 3);
    update(&mut app, Action::Expand); // into the first article
    assert_eq!(row_label(&app), "000_fixture");
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.selected_article(), Some(1));
    update(&mut app, Action::Collapse); // back to the call, collapsed
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
    assert_eq!(app.rows.len(), before);
    update(&mut app, Action::Collapse); // to the era header
    assert_eq!(row_label(&app), "era Lee Jae-myung");
    update(&mut app, Action::Collapse); // fold the era
    assert_eq!(app.rows.len(), before - 2);
    update(&mut app, Action::Toggle);
    assert_eq!(app.rows.len(), before);
}

#[test]
fn list_movement_stops_at_both_ends() {
    let mut app = app();
    update(&mut app, Action::Move(Motion::Top));
    update(&mut app, Action::Move(Motion::Up));
    assert_eq!(app.selected, 0);
    update(&mut app, Action::Move(Motion::PageDown));
    update(&mut app, Action::Move(Motion::PageDown));
    assert_eq!(app.selected, app.rows.len() - 1);
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.selected, app.rows.len() - 1);
    update(&mut app, Action::Move(Motion::HalfUp));
    assert!(app.selected < app.rows.len() - 1);
}

#[test]
fn list_scrolls_to_keep_the_selection_on_screen() {
    let mut app = app();
    update(&mut app, Action::Resize(60, 12)); // 6 list rows
    let h = app.list_height();
    assert!(h < app.rows.len());
    update(&mut app, Action::Move(Motion::Bottom));
    assert!(app.selected >= app.list_offset && app.selected < app.list_offset + h);
    update(&mut app, Action::Move(Motion::Top));
    assert_eq!(app.list_offset, 0);
}

#[test]
fn detail_scrolling_is_bounded() {
    let mut app = app();
    update(&mut app, Action::Resize(60, 14));
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Detail);
    update(&mut app, Action::Move(Motion::Bottom));
    let bottom = app.detail_scroll;
    assert!(bottom > 0);
    update(&mut app, Action::Move(Motion::PageDown));
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.detail_scroll, bottom);
    update(&mut app, Action::Move(Motion::Top));
    assert_eq!(app.detail_scroll, 0);
    update(&mut app, Action::Move(Motion::Up));
    assert_eq!(app.detail_scroll, 0);
    // Growing the terminal pulls the scroll back in range.
    update(&mut app, Action::Move(Motion::Bottom));
    update(&mut app, Action::Resize(200, 80));
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn filter_is_live_and_never_blocks() {
    let mut app = app();
    type_text(&mut app, "trump");
    // Typing only queued work: the newest search, nothing computed yet.
    let searches: Vec<_> = app
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::Search { .. }))
        .collect();
    assert_eq!(searches.len(), 1);
    assert!(app.filter.pending());
    resolve_searches(&mut app);
    assert!(!app.filter.pending());
    assert!(app.filter.active());
    assert_eq!(app.counts(), (1, 1));
    assert_eq!(row_label(&app), "2025-06-06-lee-trump");
    update(&mut app, Action::FilterAccept);
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.filter.input.text(), "trump");
    update(&mut app, Action::Back);
    assert!(!app.filter.active());
    assert_eq!(app.counts(), (7, 4));
}

#[test]
fn stale_matches_are_ignored() {
    let mut app = app();
    type_text(&mut app, "xi");
    let old = app.filter.generation;
    update(&mut app, Action::Edit(Edit::Insert('x')));
    update(
        &mut app,
        Action::MatchesReady(query::MatchOutcome {
            generation: old,
            text: "xi".into(),
            result: Ok(Vec::new()),
        }),
    );
    assert!(!app.filter.active(), "a stale answer must not apply");
    assert!(app.filter.pending());
}

#[test]
fn filter_editing_keys() {
    let mut app = app();
    type_text(&mut app, "apec denuc");
    update(&mut app, Action::Edit(Edit::KillWord));
    assert_eq!(app.filter.input.text(), "apec ");
    update(&mut app, Action::Edit(Edit::KillToStart));
    assert_eq!(app.filter.input.text(), "");
    assert!(!app.filter.pending(), "an empty filter needs no matching");
    type_text(&mut app, "zzzzqqq");
    resolve_searches(&mut app);
    assert!(app.no_matches());
    assert!(app.rows.is_empty());
    update(&mut app, Action::FilterCancel);
    assert!(!app.rows.is_empty());
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn bad_query_keeps_previous_results_and_says_why() {
    let mut app = app();
    type_text(&mut app, "moon");
    resolve_searches(&mut app);
    let shown = app.counts();
    type_text(&mut app, " !");
    resolve_searches(&mut app);
    if app.filter.error.is_some() {
        assert_eq!(app.counts(), shown);
    }
}

#[test]
fn counterpart_cycles_all_then_each() {
    let mut app = app();
    assert_eq!(app.counterparts.len(), 2);
    update(&mut app, Action::CycleCounterpart);
    assert_eq!(
        app.counterpart
            .map(|c| app.timeline.leader_name(c).to_string())
            .as_deref(),
        Some("Xi Jinping")
    );
    assert!(!app.rows.contains(&Row::Call(1)));
    update(&mut app, Action::CycleCounterpart);
    assert_eq!(app.counts().1, 1);
    assert!(app.rows.contains(&Row::Call(1)));
    update(&mut app, Action::CycleCounterpart);
    assert_eq!(app.counterpart, None);
    assert_eq!(app.counts(), (7, 4));
}

#[test]
fn pin_and_side_by_side() {
    let mut app = app();
    // Nothing pinned: the current article and the next one of the call.
    update(&mut app, Action::SideBySide);
    let side = app.side.clone().expect("side by side opens");
    assert_eq!((side.left, side.right), (0, 1));
    update(&mut app, Action::Back);
    assert!(app.side.is_none());
    update(&mut app, Action::Pin);
    assert_eq!(app.pinned, Some(0));
    select_call(&mut app, "2020-02-20-moon-xi");
    update(&mut app, Action::SideBySide);
    let side = app.side.clone().expect("side by side opens");
    assert_eq!((side.left, side.right), (0, 5));
    assert_eq!(app.context(), super::keys::Context::Side);
    // Each side scrolls on its own, then together.
    update(&mut app, Action::Resize(60, 14));
    update(&mut app, Action::Move(Motion::Down));
    let s = app.side.clone().unwrap_or_else(|| unreachable!());
    assert_eq!(s.scroll[0], 0);
    update(&mut app, Action::ToggleSync);
    update(&mut app, Action::Move(Motion::Bottom));
    let s = app.side.clone().unwrap_or_else(|| unreachable!());
    assert!(s.scroll[0] > 0 && s.scroll[1] > 0);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.side.as_ref().map(|s| s.focus), Some(0));
}

#[test]
fn next_hit_scrolls_the_hit_into_view() {
    let mut app = app();
    update(&mut app, Action::Resize(60, 14));
    type_text(&mut app, "supply");
    resolve_searches(&mut app);
    update(&mut app, Action::FilterAccept);
    assert_eq!(app.selected_article(), Some(0));
    update(&mut app, Action::NextHit);
    let (w, h) = app.detail_size();
    let view = crate::ui::state::detail_layout::build(&app, w);
    if let Some(k) = app.hit_cursor {
        let line = view.hit_lines[k];
        assert!(
            line >= app.detail_scroll && line < app.detail_scroll + h,
            "hit on screen"
        );
    }
}

#[test]
fn next_hit_before_the_answer_jumps_when_it_comes() {
    let mut app = app();
    update(&mut app, Action::Resize(60, 14));
    type_text(&mut app, "supply");
    update(&mut app, Action::FilterAccept);
    update(&mut app, Action::NextHit);
    assert_eq!(app.message.as_deref(), Some("matching… the jump follows"));
    resolve_searches(&mut app);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("hit 1 of"), "{message}");
}

#[test]
fn help_toggles_and_quit_quits() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.context(), super::keys::Context::Help);
    update(&mut app, Action::Move(Motion::PageDown));
    update(&mut app, Action::ToggleHelp);
    assert!(app.overlay.is_none());
    update(&mut app, Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn reload_keeps_the_selection_and_filter() {
    let mut app = app();
    select_call(&mut app, "2020-02-20-moon-xi");
    update(&mut app, Action::Pin);
    update(&mut app, Action::Reload);
    assert_eq!(app.effects, vec![Effect::Reload]);
    app.effects.clear();
    let fresh = App::new(fixture::sample());
    update(
        &mut app,
        Action::Reloaded(super::action::Reloaded {
            timeline: fresh.timeline.clone(),
            index: fresh.load.index().cloned().expect("built"),
        }),
    );
    assert_eq!(row_label(&app), "2020-02-20-moon-xi");
    assert_eq!(app.pinned, Some(5));
    assert!(!app.load.reloading());
}

#[test]
fn clicks_select_rows_and_focus_panes() {
    let mut app = app();
    let a = app.areas();
    // Row 0 of the list is the first era header.
    update(
        &mut app,
        Action::Click {
            column: a.list.x + 3,
            row: a.list.y + 1,
        },
    );
    assert_eq!(app.selected, 0);
    update(
        &mut app,
        Action::Click {
            column: a.detail.x + 3,
            row: a.detail.y + 3,
        },
    );
    assert_eq!(app.focus, Focus::Detail);
    update(
        &mut app,
        Action::Wheel {
            column: a.list.x + 3,
            row: a.list.y + 3,
            down: true,
        },
    );
    assert_eq!(app.selected, 3);
}

#[test]
fn empty_corpus_has_no_rows_and_does_not_panic() {
    let mut app = App::new(fixture::empty());
    for action in [
        Action::Move(Motion::Down),
        Action::Toggle,
        Action::Expand,
        Action::Collapse,
        Action::PrevEra,
        Action::NextEra,
        Action::FirstCall,
        Action::Pin,
        Action::SideBySide,
        Action::NextHit,
        Action::CycleCounterpart,
    ] {
        update(&mut app, action);
    }
    assert!(app.rows.is_empty());
    assert!(app.side.is_none());
}

#[test]
fn clicking_a_mark_on_the_ribbon_selects_its_call() {
    let mut app = app();
    let segs = crate::ui::view::ribbon::segments(&app, 120);
    let moon = segs
        .iter()
        .find(|s| s.era == 2)
        .copied()
        .unwrap_or_else(|| unreachable!());
    let x = crate::ui::view::ribbon::column_of(&moon, app.timeline.calls[3].date);
    update(
        &mut app,
        Action::Click {
            column: x as u16,
            row: 0,
        },
    );
    assert_eq!(row_label(&app), "2020-02-20-moon-xi");
    // Between marks, the era itself.
    let yoon = segs
        .iter()
        .find(|s| s.era == 1)
        .copied()
        .unwrap_or_else(|| unreachable!());
    update(
        &mut app,
        Action::Click {
            column: (yoon.x + yoon.width / 2) as u16,
            row: 1,
        },
    );
    assert_eq!(row_label(&app), "era Yoon Suk Yeol");
}
