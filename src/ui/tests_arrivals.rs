//! `update` unit tests for what arrives from outside the keyboard: a
//! bracketed paste, load warnings, the index built in the background,
//! the corpus loaded after the first frame.

use super::action::{Action, Edit, Effect, Motion};
use super::tests::{app, row_label, select_call, type_text};
use super::{fixture, resolve_searches, update};
use crate::ui::mode::Overlay;
use crate::ui::state::app::App;

// ---- paste ---------------------------------------------------------------

fn search_effects(app: &App) -> Vec<(u64, String)> {
    app.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Search { generation, text } => Some((*generation, text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn paste_inserts_at_the_cursor_of_a_focused_filter_and_searches() {
    let mut app = app();
    type_text(&mut app, "xi");
    update(&mut app, Action::Edit(Edit::Home));
    app.effects.clear();
    update(&mut app, Action::Paste("trump\r\nmoon\t".into()));
    assert_eq!(app.filter.input.text(), "trump moon xi");
    assert_eq!(app.filter.input.cursor(), "trump moon ".chars().count());
    assert_eq!(
        search_effects(&app),
        vec![(app.filter.generation, "trump moon xi".to_string())]
    );
    resolve_searches(&mut app);
    assert!(app.filter.active());
    assert!(!app.filter.pending());
}

#[test]
fn pasted_escape_sequences_and_controls_never_reach_the_filter() {
    let mut app = app();
    update(&mut app, Action::FocusFilter);
    update(
        &mut app,
        Action::Paste("a\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}pec\u{1b}[2J\u{0}\u{7f}".into()),
    );
    assert_eq!(app.filter.input.text(), "apec");
    // Nothing usable: no change, no search.
    app.effects.clear();
    let generation = app.filter.generation;
    update(&mut app, Action::Paste("\u{1b}[31m\u{7}".into()));
    assert_eq!(app.filter.input.text(), "apec");
    assert_eq!(app.filter.generation, generation);
    assert!(app.effects.is_empty());
}

#[test]
fn a_huge_paste_is_capped() {
    let mut app = app();
    update(&mut app, Action::FocusFilter);
    update(&mut app, Action::Paste("apec ".repeat(10_000)));
    assert_eq!(
        app.filter.input.text().chars().count(),
        crate::ui::state::line_input::MAX_INPUT
    );
}

#[test]
fn paste_does_nothing_unless_the_filter_has_focus() {
    let mut app = app();
    let before = (app.selected, app.focus, app.rows.len());
    update(&mut app, Action::Paste("q/xi\n".into()));
    assert_eq!(app.filter.input.text(), "");
    assert_eq!((app.selected, app.focus, app.rows.len()), before);
    assert!(!app.should_quit);
    assert!(app.effects.is_empty());
    // Over the help or warnings overlay, even with the filter focused.
    update(&mut app, Action::FocusFilter);
    app.overlay = Some(Overlay::Help(0));
    update(&mut app, Action::Paste("xi".into()));
    assert_eq!(app.filter.input.text(), "");
    app.overlay = None;
    update(&mut app, Action::FocusList);
    update(&mut app, Action::SideBySide);
    update(&mut app, Action::Paste("xi".into()));
    assert_eq!(app.filter.input.text(), "");
}

#[test]
fn a_bracketed_paste_event_becomes_a_paste_action() {
    use ratatui::crossterm::event::Event;
    let app = app();
    let action = super::event::action_for(&app, &Event::Paste("xi".into()));
    assert!(matches!(action, Some(Action::Paste(ref t)) if t == "xi"));
}

// ---- load warnings ---------------------------------------------------------

#[test]
fn w_opens_the_warnings_overlay_which_scrolls_and_closes() {
    use super::keys::{self, Context};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    let mut app = App::new(fixture::with_warnings());
    update(&mut app, Action::Resize(60, 14));
    let w = keys::action_for(app.context(), key(KeyCode::Char('w')));
    assert!(matches!(w, Some(Action::ToggleWarnings)));
    update(&mut app, Action::ToggleWarnings);
    assert_eq!(app.overlay, Some(Overlay::Warnings(0)));
    assert_eq!(app.context(), Context::Warnings);
    // The list stays put while the overlay scrolls.
    let selected = app.selected;
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.overlay, Some(Overlay::Warnings(1)));
    assert_eq!(app.selected, selected);
    update(&mut app, Action::Move(Motion::Bottom));
    let (rows, page) = crate::ui::Overlay::Warnings(0).rows_for_size(&app);
    assert!(rows > page, "the fixture's warnings overflow 14 rows");
    assert_eq!(app.overlay, Some(Overlay::Warnings(rows - page)));
    update(&mut app, Action::Move(Motion::PageDown));
    assert_eq!(
        app.overlay,
        Some(Overlay::Warnings(rows - page)),
        "stops at the end"
    );
    // A taller terminal brings the scroll back within bounds.
    update(&mut app, Action::Resize(100, 60));
    assert_eq!(app.overlay, Some(Overlay::Warnings(0)));
    // Clicks do not reach the list behind it; the wheel scrolls it.
    update(&mut app, Action::Resize(60, 14));
    let a = app.areas();
    update(
        &mut app,
        Action::Click {
            column: a.list.x + 3,
            row: a.list.y + 1,
        },
    );
    assert_eq!(app.selected, selected);
    update(
        &mut app,
        Action::Wheel {
            column: 50,
            row: 10,
            down: true,
        },
    );
    assert_eq!(app.overlay, Some(Overlay::Warnings(3)));
    assert_eq!(app.selected, selected);
    for k in [KeyCode::Esc, KeyCode::Char('w'), KeyCode::Char('q')] {
        let close = keys::action_for(app.context(), key(k));
        assert!(matches!(close, Some(Action::ToggleWarnings)), "{k:?}");
    }
    update(&mut app, Action::ToggleWarnings);
    assert!(app.overlay.is_none());
    assert!(!app.should_quit);
}

#[test]
fn w_without_warnings_says_so() {
    let mut app = app();
    update(&mut app, Action::ToggleWarnings);
    assert!(app.overlay.is_none());
    assert_eq!(app.message.as_deref(), Some("no load warnings"));
}

#[test]
fn w_in_the_filter_bar_types_w() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::new(fixture::with_warnings());
    update(&mut app, Action::FocusFilter);
    let a = super::keys::action_for(
        app.context(),
        KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE),
    );
    assert!(matches!(a, Some(Action::Edit(Edit::Insert('w')))));
}

#[test]
fn a_reload_without_warnings_closes_the_overlay() {
    let mut app = App::new(fixture::with_warnings());
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Action::ToggleWarnings);
    let fresh = App::new(fixture::sample());
    update(
        &mut app,
        Action::Reloaded(super::action::Reloaded {
            timeline: fresh.timeline.clone(),
            index: fresh.load.index().cloned().expect("built"),
        }),
    );
    assert!(app.overlay.is_none());
}

// ---- background indexing -------------------------------------------------------

fn indexing_app() -> App {
    let mut app = App::new_indexing(fixture::sample());
    update(&mut app, Action::Resize(120, 40));
    app
}

fn index_of(app: &App) -> super::action::Reloaded {
    super::action::Reloaded {
        timeline: app.timeline.clone(),
        index: std::sync::Arc::new(crate::query::SearchIndex::build(&app.timeline)),
    }
}

#[test]
fn new_indexing_shows_the_timeline_and_asks_for_the_index() {
    let app = indexing_app();
    assert!(app.load.index().is_none());
    assert!(app.load.indexing());
    assert_eq!(app.effects, vec![Effect::BuildIndex]);
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
    assert_eq!(app.rows, App::new(fixture::sample()).rows);
}

#[test]
fn a_filter_typed_while_indexing_is_kept_and_run_when_the_index_arrives() {
    let mut app = indexing_app();
    app.effects.clear();
    type_text(&mut app, "trumpx");
    update(&mut app, Action::Edit(Edit::Backspace));
    // Keys are never blocked: the text is there, no search asked yet.
    assert_eq!(app.filter.input.text(), "trump");
    assert!(search_effects(&app).is_empty());
    assert!(app.filter.pending());
    assert!(!app.filter.active());
    resolve_searches(&mut app);
    assert!(app.filter.pending(), "nothing to match with yet");
    // Navigation works meanwhile.
    update(&mut app, Action::FilterAccept);
    select_call(&mut app, "2020-02-20-moon-xi");
    assert_eq!(row_label(&app), "2020-02-20-moon-xi");
    let r = index_of(&app);
    update(&mut app, Action::IndexReady(r));
    assert!(!app.load.indexing());
    assert!(app.load.index().is_some());
    assert_eq!(
        search_effects(&app),
        vec![(app.filter.generation, "trump".to_string())]
    );
    resolve_searches(&mut app);
    assert!(app.filter.active());
    assert!(!app.filter.pending());
    assert_eq!(app.counts(), (1, 1));
    // And from now on typing searches as usual.
    update(&mut app, Action::FocusFilter);
    update(&mut app, Action::Edit(Edit::Insert(' ')));
    update(&mut app, Action::Edit(Edit::Insert('x')));
    assert_eq!(search_effects(&app).len(), 1);
}

#[test]
fn an_index_for_a_replaced_corpus_is_ignored() {
    let mut app = indexing_app();
    let stale = index_of(&app);
    // A reload overtakes the index build.
    let fresh = App::new(fixture::sample());
    update(
        &mut app,
        Action::Reloaded(super::action::Reloaded {
            timeline: fresh.timeline.clone(),
            index: fresh.load.index().cloned().expect("built"),
        }),
    );
    assert!(!app.load.indexing());
    let index = app.load.index().cloned().expect("the reload's index");
    update(&mut app, Action::IndexReady(stale));
    assert!(std::sync::Arc::ptr_eq(
        app.load.index().expect("kept"),
        &index
    ));
}

#[test]
fn a_filter_typed_while_indexing_survives_a_reload_that_comes_first() {
    let mut app = indexing_app();
    app.effects.clear();
    type_text(&mut app, "trump");
    let fresh = App::new(fixture::sample());
    update(
        &mut app,
        Action::Reloaded(super::action::Reloaded {
            timeline: fresh.timeline.clone(),
            index: fresh.load.index().cloned().expect("built"),
        }),
    );
    assert_eq!(
        search_effects(&app),
        vec![(app.filter.generation, "trump".to_string())]
    );
    resolve_searches(&mut app);
    assert_eq!(app.counts(), (1, 1));
}

#[test]
fn a_failed_index_build_says_so_and_keeps_browsing() {
    let mut app = indexing_app();
    update(&mut app, Action::IndexFailed("out of memory".into()));
    assert!(!app.load.indexing());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("out of memory"))
    );
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.selected, 2);
}

// ---- loading before the first frame ----------------------------------------------

fn loading_app() -> App {
    let mut app = App::loading(crate::lexicon::leaders::Leaders::embedded(), "clips/");
    update(&mut app, Action::Resize(120, 40));
    app
}

/// The load answers, then the index build it asks for.
fn loaded(app: &mut App) {
    let timeline = std::sync::Arc::new(fixture::sample());
    update(app, Action::Loaded(timeline.clone()));
    assert!(app.load.indexing());
    assert!(app.effects.contains(&Effect::BuildIndex));
    assert!(
        search_effects(app).is_empty(),
        "no index to search with yet"
    );
    app.effects.retain(|e| *e != Effect::BuildIndex);
    let r = index_of(app);
    update(app, Action::IndexReady(r));
}

#[test]
fn loading_asks_for_the_corpus_and_starts_like_new_once_it_is_in() {
    let mut app = loading_app();
    assert_eq!(app.effects, vec![Effect::Load]);
    assert!(app.load.reloading());
    assert!(app.rows.is_empty());
    // R while loading does not load twice.
    app.effects.clear();
    update(&mut app, Action::Reload);
    assert!(app.effects.is_empty());
    assert_eq!(app.message.as_deref(), Some("still loading…"));
    loaded(&mut app);
    assert!(app.load.loading().is_none());
    assert!(!app.load.reloading());
    assert!(app.load.index().is_some());
    assert_eq!(row_label(&app), "2025-06-10-lee-xi");
    assert_eq!(app.message, None, "no 'reloaded' message on the first load");
}

#[test]
fn a_filter_typed_while_loading_runs_once_the_corpus_is_in() {
    let mut app = loading_app();
    app.effects.clear();
    type_text(&mut app, "trump");
    assert!(search_effects(&app).is_empty());
    loaded(&mut app);
    assert_eq!(
        search_effects(&app),
        vec![(app.filter.generation, "trump".to_string())]
    );
    resolve_searches(&mut app);
    assert_eq!(app.counts(), (1, 1));
}

#[test]
fn a_failed_load_says_so_and_q_quits() {
    let mut app = loading_app();
    update(&mut app, Action::ReloadFailed("permission denied".into()));
    assert!(app.load.loading().is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("loading failed: permission denied")
    );
    update(&mut app, Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn o_opens_the_articles_web_address_and_only_a_web_address() {
    let mut timeline = fixture::sample();
    let first = timeline.calls[0].articles[0];
    timeline.articles[first].url = Some("https://en.yna.co.kr/view/AEN1".into());
    let mut app = App::new(timeline.clone());
    select_call(&mut app, &timeline.calls[0].id);
    update(&mut app, Action::OpenUrl);
    assert_eq!(
        app.effects,
        vec![Effect::OpenUrl("https://en.yna.co.kr/view/AEN1".into())]
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("opening"))
    );

    timeline.articles[first].url = Some("javascript:alert(1)".into());
    let mut app = App::new(timeline.clone());
    select_call(&mut app, &timeline.calls[0].id);
    update(&mut app, Action::OpenUrl);
    assert!(app.effects.is_empty(), "{:?}", app.effects);
    assert_eq!(
        app.message.as_deref(),
        Some("this article has no web address")
    );
}
