//! The evidence view of the detail pane (`v`), drawn into ratatui's
//! `TestBackend` like `ui_snapshots.rs`: on and off, NO_COLOR (where
//! sentence and span must differ by underline and reverse video, not
//! colour), a narrow terminal, evidence in a headline and a caption, and
//! an article without evidence. Built on `ui::fixture::sample()`, whose
//! articles carry hand-made evidence.

use hotline::ui::fixture;
use hotline::ui::{self, Action, App, Motion, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn terminal(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| ui::render(f, app)).expect("draw");
    t
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    terminal(app, w, h).backend().to_string()
}

/// R reverse video, U underline, B bold, c coloured, `.` plain (as in
/// `ui_snapshots.rs`, reduced to what this view uses).
fn style_map(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let m = cell.modifier;
            out.push(if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::DIM) {
                'D'
            } else if cell.fg != Color::Reset || cell.bg != Color::Reset {
                'c'
            } else {
                '.'
            });
        }
        out.push('\n');
    }
    out
}

/// The screen without its last line (the hint line, where a message shows).
fn without_hints(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}

#[test]
fn evidence_view_on_and_off() {
    let mut app = App::new(fixture::sample());
    let before = screen(&mut app, 120, 40);
    update(&mut app, Action::ToggleEvidence);
    let on = screen(&mut app, 120, 40);
    assert!(on.contains("Evidence"), "{on}");
    assert!(
        on.contains("date        2025-06-10 ← “…Tuesday…” ¶1"),
        "{on}"
    );
    assert!(on.contains("KBS (1/3) · evidence"), "{on}");
    assert!(on.contains("caption 1: "), "{on}");
    insta::assert_snapshot!("evidence_view", on);
    update(&mut app, Action::ToggleEvidence);
    let off = screen(&mut app, 120, 40);
    assert_eq!(without_hints(&off), without_hints(&before));
}

#[test]
fn evidence_view_keeps_on_while_moving_and_shows_a_value_without_evidence() {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::ToggleEvidence);
    update(&mut app, Action::Toggle);
    for _ in 0..3 {
        update(&mut app, Action::Move(Motion::Down));
    }
    let text = screen(&mut app, 120, 40);
    // Yonhap's article states a start time the fixture gives no evidence for.
    assert!(text.contains("Yonhap (3/3) · evidence"), "{text}");
    assert!(text.contains("start       11:30  no evidence"), "{text}");
    insta::assert_snapshot!("evidence_view_article_three", text);
}

#[test]
fn evidence_view_no_color() {
    let mut app = App::new(fixture::sample()).with_theme(Theme::mono());
    update(&mut app, Action::ToggleEvidence);
    let t = terminal(&mut app, 100, 30);
    let buf = t.backend().buffer();
    for cell in &buf.content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "colour under NO_COLOR"
        );
    }
    let styles = style_map(buf);
    assert!(styles.contains('R'), "spans in reverse video");
    assert!(styles.contains('U'), "sentences underlined");
    insta::assert_snapshot!("evidence_view_no_color", t.backend().to_string());
    insta::assert_snapshot!("evidence_view_no_color_styles", styles);
}

#[test]
fn evidence_view_narrow_and_scrolled() {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::ToggleEvidence);
    insta::assert_snapshot!("evidence_view_narrow", screen(&mut app, 60, 20));
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Move(Motion::PageDown));
    insta::assert_snapshot!("evidence_view_narrow_scrolled", screen(&mut app, 60, 20));
    // Every size, even below the minimum, draws without panicking.
    for (w, h) in [(1, 1), (20, 5), (49, 11), (50, 12), (51, 13), (300, 100)] {
        screen(&mut app, w, h);
    }
}

#[test]
fn evidence_in_a_headline() {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::ToggleEvidence);
    // The 2021 Moon–Xi call: Xinhua names Xi in its headline.
    // G: the last row (the unassigned article); two up, the oldest call.
    update(&mut app, Action::LastCall);
    update(&mut app, Action::Move(Motion::Up));
    update(&mut app, Action::Move(Motion::Up));
    update(&mut app, Action::Move(Motion::Up));
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("headline: Xi holds phone talks"), "{text}");
    assert!(
        text.contains("counterpart Xi Jinping ← “Xi…” headline"),
        "{text}"
    );
    insta::assert_snapshot!("evidence_view_headline", text);
}

#[test]
fn evidence_view_of_an_article_without_evidence() {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::ToggleEvidence);
    update(&mut app, Action::Move(Motion::Bottom));
    let t = terminal(&mut app, 120, 30);
    let text = t.backend().to_string();
    assert!(
        text.contains("No fact of this article has evidence"),
        "{text}"
    );
    let cells: String = t
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        !cells.chars().any(char::is_control),
        "a control character reached the screen"
    );
    assert!(!cells.contains("pwned-title"), "an OSC payload is visible");
    insta::assert_snapshot!("evidence_view_no_evidence", text);
}

#[test]
fn n_in_the_evidence_view_explains_instead_of_jumping() {
    let mut app = App::new(fixture::sample());
    update(&mut app, Action::ToggleEvidence);
    update(&mut app, Action::NextHit);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("evidence view"))
    );
    assert_eq!(app.detail_scroll, 0);
}
