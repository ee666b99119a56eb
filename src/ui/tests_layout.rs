//! The panes' text is laid out once per selection, width and query
//! (`state::detail_layout`): scrolling and drawing reuse it, a resize or a
//! new filter lays it out again.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::action::{Action, Motion};
use super::tests::{app, type_text};
use super::{render, resolve_searches, update};
use crate::ui::state::app::App;
use crate::ui::state::detail_layout::{DetailKey, DetailView};

fn cached(app: &App) -> Arc<DetailView> {
    let (w, _) = app.detail_size();
    app.layouts
        .detail(&DetailKey::of(app, w))
        .expect("update laid the detail pane out")
}

fn draw(app: &App) {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| render(f, app)).expect("draw");
}

#[test]
fn scrolling_and_drawing_reuse_the_layout_a_resize_or_query_rebuilds_it() {
    let mut app = app();
    update(&mut app, Action::Resize(60, 14));
    update(&mut app, Action::FocusNext);
    let before = cached(&app);
    let builds = app.layouts.builds;
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::Move(Motion::Down));
    draw(&app);
    assert_eq!(app.detail_scroll, 2, "the keys did scroll");
    assert_eq!(app.layouts.builds, builds, "scrolling lays nothing out");
    assert!(Arc::ptr_eq(&before, &cached(&app)), "the same layout");

    update(&mut app, Action::Resize(70, 14));
    assert_eq!(app.layouts.builds, builds + 1, "a resize lays out again");
    let wider = cached(&app);
    assert!(!Arc::ptr_eq(&before, &wider));
    assert!(wider.lines.len() <= before.lines.len());

    type_text(&mut app, "supply");
    let typed = app.layouts.builds;
    resolve_searches(&mut app);
    assert!(
        app.layouts.builds > typed,
        "the applied query lays out again"
    );
    assert!(!cached(&app).hit_lines.is_empty(), "with its hits");
}

#[test]
fn side_by_side_panes_are_laid_out_once() {
    let mut app = app();
    update(&mut app, Action::Resize(60, 16));
    update(&mut app, Action::Pin);
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::SideBySide);
    assert!(app.side.is_some(), "side by side open");
    let builds = app.layouts.builds;
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Move(Motion::Down));
    draw(&app);
    let scroll = app.side.as_ref().map(|s| s.scroll);
    assert_ne!(scroll, Some([0, 0]), "the keys did scroll");
    assert_eq!(
        app.layouts.builds, builds,
        "scrolling the panes lays nothing out"
    );
}
