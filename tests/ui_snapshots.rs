//! Snapshots of every screen of the terminal UI, drawn into ratatui's
//! `TestBackend`: start, filtered, expanded call, side by side, help, load
//! warnings, indexing, tiny terminal, NO_COLOR, empty corpus, no match,
//! untrusted text. Plus a property test: random actions at random sizes
//! never panic.
//!
//! Screens are built from `ui::fixture::sample()` (a hand-made timeline),
//! so they do not move when extraction improves; one more snapshot shows
//! the embedded corpus.

use hotline::ui::fixture;
use hotline::ui::{self, Action, App, Edit, Motion, Theme, resolve_searches, update};
use proptest::prelude::*;
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

fn sample() -> App {
    App::new(fixture::sample())
}

fn type_filter(app: &mut App, text: &str) {
    update(app, Action::FocusFilter);
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
    resolve_searches(app);
}

/// One character per cell saying how it is emphasised: R reverse video,
/// H bold+underline (a filter match in monochrome), B bold, U underline,
/// D dim, I italic, c coloured, `.` plain.
fn style_map(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let m = cell.modifier;
            let ch = if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::BOLD | Modifier::UNDERLINED) {
                'H'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::DIM) {
                'D'
            } else if m.contains(Modifier::ITALIC) {
                'I'
            } else if cell.fg != Color::Reset || cell.bg != Color::Reset {
                'c'
            } else {
                '.'
            };
            out.push(ch);
        }
        out.push('\n');
    }
    out
}

fn buffer_text(buf: &Buffer) -> String {
    buf.content.iter().map(|c| c.symbol()).collect()
}

#[test]
fn start_screen() {
    let mut app = sample();
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn start_screen_narrow() {
    let mut app = sample();
    insta::assert_snapshot!(screen(&mut app, 72, 24));
}

#[test]
fn filtered() {
    let mut app = sample();
    type_filter(&mut app, "apec");
    let t = terminal(&mut app, 120, 40);
    insta::assert_snapshot!("filtered_typing", t.backend().to_string());
    update(&mut app, Action::FilterAccept);
    update(&mut app, Action::NextHit);
    let t = terminal(&mut app, 120, 40);
    insta::assert_snapshot!("filtered", t.backend().to_string());
    insta::assert_snapshot!("filtered_styles", style_map(t.backend().buffer()));
}

#[test]
fn no_match() {
    let mut app = sample();
    type_filter(&mut app, "qqqzzz");
    insta::assert_snapshot!(screen(&mut app, 100, 24));
}

#[test]
fn expanded_call_with_disagreeing_outlets() {
    let mut app = sample();
    update(&mut app, Action::Toggle);
    update(&mut app, Action::Expand);
    update(&mut app, Action::Move(Motion::Down));
    update(&mut app, Action::Move(Motion::Down));
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn era_with_no_calls() {
    let mut app = sample();
    update(&mut app, Action::PrevEra);
    insta::assert_snapshot!(screen(&mut app, 100, 24));
}

#[test]
fn counterpart_trump() {
    let mut app = sample();
    update(&mut app, Action::CycleCounterpart);
    update(&mut app, Action::CycleCounterpart);
    insta::assert_snapshot!(screen(&mut app, 100, 24));
}

#[test]
fn side_by_side() {
    let mut app = sample();
    update(&mut app, Action::Pin);
    // G: the last row (the unassigned article); two up, the oldest call.
    update(&mut app, Action::LastCall);
    update(&mut app, Action::Move(Motion::Up));
    update(&mut app, Action::Move(Motion::Up));
    update(&mut app, Action::SideBySide);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn help_overlay() {
    let mut app = sample();
    update(&mut app, Action::ToggleHelp);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn help_lists_every_binding_of_the_key_table() {
    let mut app = sample();
    update(&mut app, Action::ToggleHelp);
    let lines: Vec<String> = ui::help::lines(&app)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    for b in ui::keys::BINDINGS {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(b.help) && l.contains(&ui::keys::keys_label(b))),
            "help misses {:?}",
            b.help
        );
    }
}

#[test]
fn warnings_overlay() {
    let mut app = App::new(fixture::with_warnings());
    let start = screen(&mut app, 120, 40);
    let status = start.lines().nth(38).unwrap_or_default();
    assert!(
        status.contains("15 warnings · w"),
        "status hints w: {status}"
    );
    update(&mut app, Action::ToggleWarnings);
    let t = terminal(&mut app, 120, 40);
    let text = buffer_text(t.backend().buffer());
    assert!(!text.chars().any(|c| c.is_control()));
    assert!(!text.contains("pwned-title"), "an OSC payload is visible");
    insta::assert_snapshot!("warnings_overlay", t.backend().to_string());
    // Scrolled to the end on a small terminal: wrapped, with a position.
    update(&mut app, Action::Resize(60, 14));
    update(&mut app, Action::Move(Motion::Bottom));
    insta::assert_snapshot!("warnings_overlay_scrolled", screen(&mut app, 60, 14));
}

#[test]
fn indexing() {
    let mut app = App::new_indexing(fixture::sample());
    app.effects.clear();
    insta::assert_snapshot!("indexing_start", screen(&mut app, 100, 24));
    type_filter(&mut app, "trump");
    // Kept while the index is built: the whole timeline still shows.
    insta::assert_snapshot!("indexing_typed", screen(&mut app, 100, 24));
}

#[test]
fn loading() {
    let mut app = App::loading(
        hotline::lexicon::leaders::Leaders::embedded(),
        "clips/\u{1b}]0;pwned-title\u{7}2025",
    );
    app.effects.clear();
    let t = terminal(&mut app, 100, 24);
    let text = buffer_text(t.backend().buffer());
    assert!(!text.contains("pwned-title"), "an OSC payload is visible");
    insta::assert_snapshot!("loading", t.backend().to_string());
}

#[test]
fn tiny_terminal() {
    let mut app = sample();
    insta::assert_snapshot!(screen(&mut app, 30, 8));
}

#[test]
fn no_color() {
    let mut app = App::new(fixture::sample()).with_theme(Theme::mono());
    type_filter(&mut app, "xi");
    update(&mut app, Action::FilterAccept);
    let t = terminal(&mut app, 100, 24);
    let buf = t.backend().buffer();
    for cell in &buf.content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "colour under NO_COLOR"
        );
    }
    insta::assert_snapshot!("no_color", t.backend().to_string());
    insta::assert_snapshot!("no_color_styles", style_map(buf));
}

#[test]
fn no_color_is_read_once_not_from_the_environment_at_render() {
    assert!(Theme::from_no_color(Some(std::ffi::OsStr::new("1"))).mono);
    assert!(!Theme::from_no_color(Some(std::ffi::OsStr::new(""))).mono);
    assert!(!Theme::from_no_color(None).mono);
}

#[test]
fn empty_corpus() {
    let mut app = App::new(fixture::empty());
    insta::assert_snapshot!(screen(&mut app, 100, 24));
}

#[test]
fn unassigned_article_with_wide_characters_and_escape_sequences() {
    let mut app = sample();
    update(&mut app, Action::Move(Motion::Bottom));
    let t = terminal(&mut app, 120, 30);
    let text = buffer_text(t.backend().buffer());
    assert!(!text.contains('\u{1b}'), "ESC reached the screen");
    assert!(!text.contains('\u{7}'), "BEL reached the screen");
    assert!(
        !text.chars().any(|c| c.is_control()),
        "a control character reached the screen"
    );
    assert!(
        !text.contains("pwned-title"),
        "an OSC title payload is visible"
    );
    assert!(
        !text.contains("ZWNobyBwd25lZA"),
        "an OSC 52 clipboard payload is visible"
    );
    insta::assert_snapshot!(t.backend().to_string());
}

#[test]
fn embedded_corpus_start_screen() {
    let loaded = std::panic::catch_unwind(|| {
        hotline::pipeline::load::load(
            &hotline::pipeline::load::Inputs::Embedded,
            &hotline::pipeline::load::Lexicon::embedded(),
        )
    });
    let timeline = match loaded {
        Ok(t) => t,
        Err(e) => {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            if msg.contains("not yet implemented") && std::env::var_os("CI").is_none() {
                eprintln!(
                    "SKIPPED embedded_corpus_start_screen: the loading pipeline is not built yet ({msg})"
                );
                return;
            }
            std::panic::resume_unwind(e);
        }
    };
    let mut app = App::new(timeline);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

fn motion() -> impl Strategy<Value = Motion> {
    prop_oneof![
        Just(Motion::Up),
        Just(Motion::Down),
        Just(Motion::PageUp),
        Just(Motion::PageDown),
        Just(Motion::HalfUp),
        Just(Motion::HalfDown),
        Just(Motion::Top),
        Just(Motion::Bottom),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        prop::sample::select(vec![
            'a', 'p', 'e', 'c', 'x', ' ', '!', '\'', ':', '이', '习', 'z'
        ])
        .prop_map(Edit::Insert),
        Just(Edit::Backspace),
        Just(Edit::Delete),
        Just(Edit::Left),
        Just(Edit::Right),
        Just(Edit::Home),
        Just(Edit::End),
        Just(Edit::KillToStart),
        Just(Edit::KillWord),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        prop::sample::select(vec![
            Action::ToggleHelp,
            Action::FocusFilter,
            Action::FocusNext,
            Action::FocusPrev,
            Action::FocusList,
            Action::CycleCounterpart,
            Action::Pin,
            Action::SideBySide,
            Action::ToggleSync,
            Action::Back,
            Action::PrevEra,
            Action::NextEra,
            Action::FirstCall,
            Action::LastCall,
            Action::NextHit,
            Action::PrevHit,
            Action::Toggle,
            Action::Expand,
            Action::Collapse,
            Action::FilterAccept,
            Action::FilterCancel,
            Action::Reload,
            Action::ToggleWarnings,
            Action::ToggleEvidence,
        ]),
        prop::sample::select(vec![
            "xi",
            "trump\n",
            "\u{1b}]0;t\u{7}apec",
            "이재명\t习近平",
            "",
            " \r\n ",
        ])
        .prop_map(|t| Action::Paste(t.to_string())),
        motion().prop_map(Action::Move),
        motion().prop_map(Action::ScrollDetail),
        edit().prop_map(Action::Edit),
        (1u16..300, 1u16..100).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..300, 0u16..100, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
        (0u16..300, 0u16..100).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_actions_at_random_sizes_never_panic(
        actions in prop::collection::vec(action(), 0..40),
        w in 1u16..=300,
        h in 1u16..=100,
        mono in any::<bool>(),
        corpus in 0..4u8,
        indexing in any::<bool>(),
    ) {
        let timeline = match corpus {
            0 => fixture::empty(),
            1 => fixture::sample(),
            _ => fixture::with_warnings(),
        };
        let theme = if mono { Theme::mono() } else { Theme::color() };
        let app = if corpus == 3 {
            App::loading(hotline::lexicon::leaders::Leaders::embedded(), "clips/")
        } else if indexing {
            App::new_indexing(timeline)
        } else {
            App::new(timeline)
        };
        let mut app = app.with_theme(theme);
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        update(&mut app, Action::Resize(w, h));
        for action in actions {
            // A resize action changes the terminal too, as a real one would.
            if let Action::Resize(nw, nh) = action {
                t.backend_mut().resize(nw, nh);
                let _ = t.autoresize();
            }
            update(&mut app, action);
            resolve_searches(&mut app);
            app.effects.clear();
            t.draw(|f| ui::render(f, &app)).expect("draw");
            let text = buffer_text(t.backend().buffer());
            prop_assert!(!text.chars().any(|c| c.is_control()));
        }
    }
}
