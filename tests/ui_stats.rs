//! The statistics screen (`t`, `:stats`): opened and closed the ways the
//! key table says, numbers that agree with the timeline, the counterpart
//! `c` shows, scrolling, and snapshots at the smallest size, at 80×24, at
//! 200×60 and without colour.

use hotline::ui::fixture;
use hotline::ui::keys::{self, Context};
use hotline::ui::{self, Action, App, Motion, Overlay, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn screen(app: &mut App, w: u16, h: u16) -> String {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keys::action_for(app.context(), event) {
        update(app, action);
    }
}

fn opened() -> App {
    let mut app = App::new(fixture::sample());
    press(&mut app, KeyCode::Char('t'));
    app
}

#[test]
fn t_opens_the_statistics_and_esc_t_q_close_them_without_quitting() {
    for close in [KeyCode::Esc, KeyCode::Char('t'), KeyCode::Char('q')] {
        let mut app = opened();
        assert_eq!(app.overlay, Some(Overlay::Stats(0)));
        assert_eq!(app.context(), Context::Stats);
        press(&mut app, close);
        assert_eq!(app.overlay, None, "{close:?}");
        assert!(!app.should_quit, "{close:?}");
    }
}

#[test]
fn the_command_line_opens_them_and_tab_completes_stats() {
    let mut app = App::new(fixture::sample());
    press(&mut app, KeyCode::Char(':'));
    for c in "st".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.command.as_ref().map(|l| l.text()), Some("stats"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Some(Overlay::Stats(0)));
}

#[test]
fn the_screen_shows_the_timeline_s_numbers() {
    let mut app = opened();
    let text = screen(&mut app, 100, 70);
    assert!(text.contains("Statistics · all counterparts"), "{text}");
    assert!(text.contains("4 calls · 6 articles"), "{text}");
    // A bar row per year and counterpart, labelled without colour.
    for label in ["2020 Xi", "2025 Xi", "Trump"] {
        assert!(text.contains(label), "{label}\n{text}");
    }
    // 2022 had no call: it is there, empty.
    assert!(text.contains("2022"), "{text}");
    // The durations table: 2025 has two calls, 20 and 30 minutes.
    let row = text
        .lines()
        .find(|l| l.contains(" 2025 ") && l.contains(" 20 ") && l.contains(" 30 "))
        .unwrap_or_default();
    assert!(!row.is_empty(), "{text}");
    for heading in ["Outlets", "Articles per call", "How the date was found"] {
        assert!(text.contains(heading), "{heading}\n{text}");
    }
}

#[test]
fn c_confines_the_numbers_to_one_counterpart_and_says_so() {
    let mut app = opened();
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.overlay, Some(Overlay::Stats(0)), "still open");
    let text = screen(&mut app, 100, 60);
    assert!(text.contains("calls with Xi Jinping"), "{text}");
    assert!(text.contains("3 calls · 5 articles"), "{text}");
    assert!(!text.contains("Trump"), "{text}");
}

#[test]
fn a_small_screen_scrolls_to_the_last_table_and_no_further() {
    let mut app = opened();
    let top = screen(&mut app, 50, 12);
    assert!(top.contains("of") && top.contains("j/k scroll"), "{top}");
    assert!(!top.contains("How the date was found"), "{top}");
    update(&mut app, Action::Move(Motion::Bottom));
    let bottom = screen(&mut app, 50, 12);
    assert!(bottom.contains("stated"), "{bottom}");
    let Some(Overlay::Stats(end)) = app.overlay else {
        panic!("open");
    };
    update(&mut app, Action::Move(Motion::Down));
    assert_eq!(app.overlay, Some(Overlay::Stats(end)), "no further");
    // A larger window: the scroll comes back inside the rows.
    screen(&mut app, 200, 60);
    let (rows, page) = Overlay::Stats(0).rows_for_size(&app);
    assert!(rows.saturating_sub(page) < end);
    assert_eq!(app.overlay, Some(Overlay::Stats(rows.saturating_sub(page))));
}

#[test]
fn every_size_draws_without_panicking() {
    for (w, h) in [(1, 1), (20, 5), (50, 12), (51, 13), (80, 24), (300, 100)] {
        let mut app = opened();
        for m in [Motion::Bottom, Motion::Up, Motion::PageDown] {
            update(&mut app, Action::Move(m));
            screen(&mut app, w, h);
        }
    }
    let mut empty = App::new(fixture::empty());
    update(&mut empty, Action::ToggleOverlay(Overlay::Stats(0)));
    let text = screen(&mut empty, 80, 24);
    assert!(text.contains("no calls"), "{text}");
}

#[test]
fn stats_50x12() {
    insta::assert_snapshot!(screen(&mut opened(), 50, 12));
}

#[test]
fn stats_80x24() {
    insta::assert_snapshot!(screen(&mut opened(), 80, 24));
}

#[test]
fn stats_200x60() {
    insta::assert_snapshot!(screen(&mut opened(), 200, 60));
}

#[test]
fn stats_no_color_100x50() {
    let mut app = App::new(fixture::sample()).with_theme(Theme::mono());
    press(&mut app, KeyCode::Char('t'));
    let text = screen(&mut app, 100, 50);
    // Without colour the chart's series tell apart by their letters.
    assert!(text.contains("X Xi") && text.contains("T Trump"), "{text}");
    assert!(
        text.contains("X") && text.contains("median of the year"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}
