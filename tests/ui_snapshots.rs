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

/// The real run loop, on a `TestBackend`: key events in through the
/// channel, matching answered through the same channel, quit with `q`.
#[test]
fn run_loop_drives_a_test_backend() {
    use hotline::ui::tui::{Effects, Msg, run_loop};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::sync::mpsc;

    struct Sync {
        tx: mpsc::Sender<Msg>,
        app_timeline: std::sync::Arc<hotline::model::Timeline>,
        index: std::sync::Arc<hotline::query::SearchIndex>,
    }
    impl Effects for Sync {
        fn perform(&mut self, effect: ui::Effect) {
            if let ui::Effect::Search { generation, text } = effect {
                let last = text == "trump";
                let result =
                    hotline::query::parse(&text).map(|q| self.index.search(&self.app_timeline, &q));
                let _ = self.tx.send(Msg::Action(Action::MatchesReady(
                    hotline::query::MatchOutcome {
                        generation,
                        text,
                        result,
                    },
                )));
                // Quit once the last search has answered: deterministic,
                // no sleeping.
                if last {
                    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
                    let _ = self.tx.send(Msg::Event(Event::Key(q)));
                }
            }
        }
    }

    let app = sample();
    let (tx, rx) = mpsc::channel();
    let mut effects = Sync {
        tx: tx.clone(),
        app_timeline: app.timeline.clone(),
        index: app
            .load
            .index()
            .cloned()
            .expect("App::new builds the index"),
    };
    let key = |c: KeyCode| Msg::Event(Event::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    for msg in [
        key(KeyCode::Char('/')),
        key(KeyCode::Char('t')),
        key(KeyCode::Char('r')),
        key(KeyCode::Char('u')),
        key(KeyCode::Char('m')),
        key(KeyCode::Char('p')),
        key(KeyCode::Enter),
        Msg::Event(Event::Resize(90, 30)),
    ] {
        tx.send(msg).expect("send");
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let (app, signal) = run_loop(&mut terminal, app, &rx, &mut effects).expect("run loop");
    assert_eq!(signal, None);
    assert!(app.should_quit);
    assert_eq!(app.filter.input.text(), "trump");
    assert!(app.filter.active());
    assert_eq!(app.counts(), (1, 1));
    assert_eq!(app.size, (90, 30));
    let text = buffer_text(terminal.backend().buffer());
    // Messages that queue up are applied together before the next frame,
    // so here the loop drew its first frame and then quit.
    assert!(text.contains("Timeline"), "the loop drew a frame");
}

/// The run loop over an app whose index is not built yet: the first frame
/// comes before the index, keys typed meanwhile are applied at once, and
/// the filter they typed runs as soon as the index arrives.
#[test]
fn run_loop_draws_before_the_index_and_keeps_a_filter_typed_meanwhile() {
    use hotline::ui::tui::{Effects, Msg, run_loop};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::sync::{Arc, mpsc};

    struct Deferred {
        tx: mpsc::Sender<Msg>,
        timeline: Arc<hotline::model::Timeline>,
        index: Option<Arc<hotline::query::SearchIndex>>,
        performed: Vec<ui::Effect>,
    }
    impl Effects for Deferred {
        fn perform(&mut self, effect: ui::Effect) {
            self.performed.push(effect.clone());
            match effect {
                // Answered after the keys already queued, like a slow build.
                ui::Effect::BuildIndex => {
                    let index = Arc::new(hotline::query::SearchIndex::build(&self.timeline));
                    let _ = self
                        .tx
                        .send(Msg::Action(Action::IndexReady(ui::action::Reloaded {
                            timeline: self.timeline.clone(),
                            index,
                        })));
                }
                ui::Effect::Search { generation, text } => {
                    let index = self.index.clone().expect("no search before the index");
                    let result =
                        hotline::query::parse(&text).map(|q| index.search(&self.timeline, &q));
                    let _ = self.tx.send(Msg::Action(Action::MatchesReady(
                        hotline::query::MatchOutcome {
                            generation,
                            text,
                            result,
                        },
                    )));
                    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
                    let _ = self.tx.send(Msg::Event(Event::Key(q)));
                }
                _ => {}
            }
        }
        fn reloaded(&mut self, r: &ui::action::Reloaded) {
            self.index = Some(r.index.clone());
        }
    }

    let app = App::new_indexing(fixture::sample());
    let (tx, rx) = mpsc::channel();
    let mut effects = Deferred {
        tx: tx.clone(),
        timeline: app.timeline.clone(),
        index: None,
        performed: Vec::new(),
    };
    let key = |c: KeyCode| Msg::Event(Event::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    for msg in [
        key(KeyCode::Char('/')),
        Msg::Event(Event::Paste("tru".into())),
        key(KeyCode::Char('m')),
        key(KeyCode::Char('p')),
        key(KeyCode::Enter),
    ] {
        tx.send(msg).expect("send");
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let (app, _) = run_loop(&mut terminal, app, &rx, &mut effects).expect("run loop");
    assert!(app.should_quit);
    assert!(!app.load.indexing());
    assert_eq!(app.filter.input.text(), "trump");
    assert!(app.filter.active());
    assert_eq!(app.counts(), (1, 1));
    assert_eq!(
        effects.performed.first(),
        Some(&ui::Effect::BuildIndex),
        "indexing starts before the first key"
    );
    let searches = effects
        .performed
        .iter()
        .filter(|e| matches!(e, ui::Effect::Search { .. }))
        .count();
    assert_eq!(searches, 1, "one search, once the index is in");
}

/// The run loop from nothing loaded: the load, then the index, each
/// answered through the channel after the keys already queued; the filter
/// typed before either arrived runs once both are in.
#[test]
fn run_loop_from_loading_shows_the_corpus_then_indexes_it() {
    use hotline::ui::tui::{Effects, Msg, run_loop};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::sync::{Arc, mpsc};

    struct Deferred {
        tx: mpsc::Sender<Msg>,
        timeline: Option<Arc<hotline::model::Timeline>>,
        index: Option<Arc<hotline::query::SearchIndex>>,
        performed: Vec<ui::Effect>,
    }
    impl Effects for Deferred {
        fn perform(&mut self, effect: ui::Effect) {
            self.performed.push(effect.clone());
            match effect {
                ui::Effect::Load => {
                    let t = Arc::new(fixture::sample());
                    let _ = self.tx.send(Msg::Action(Action::Loaded(t)));
                }
                ui::Effect::BuildIndex => {
                    let timeline = self.timeline.clone().expect("loaded first");
                    let index = Arc::new(hotline::query::SearchIndex::build(&timeline));
                    let _ = self
                        .tx
                        .send(Msg::Action(Action::IndexReady(ui::action::Reloaded {
                            timeline,
                            index,
                        })));
                }
                ui::Effect::Search { generation, text } => {
                    let index = self.index.clone().expect("no search before the index");
                    let timeline = self.timeline.clone().expect("loaded");
                    let result = hotline::query::parse(&text).map(|q| index.search(&timeline, &q));
                    let _ = self.tx.send(Msg::Action(Action::MatchesReady(
                        hotline::query::MatchOutcome {
                            generation,
                            text,
                            result,
                        },
                    )));
                    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
                    let _ = self.tx.send(Msg::Event(Event::Key(q)));
                }
                _ => {}
            }
        }
        fn loaded(&mut self, timeline: &Arc<hotline::model::Timeline>) {
            self.timeline = Some(timeline.clone());
        }
        fn reloaded(&mut self, r: &ui::action::Reloaded) {
            self.index = Some(r.index.clone());
        }
    }

    let app = App::loading(hotline::lexicon::leaders::Leaders::embedded(), "clips/");
    let (tx, rx) = mpsc::channel();
    let mut effects = Deferred {
        tx: tx.clone(),
        timeline: None,
        index: None,
        performed: Vec::new(),
    };
    let key = |c: KeyCode| Msg::Event(Event::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    for msg in [
        key(KeyCode::Char('/')),
        Msg::Event(Event::Paste("trump".into())),
        key(KeyCode::Enter),
    ] {
        tx.send(msg).expect("send");
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    let (app, _) = run_loop(&mut terminal, app, &rx, &mut effects).expect("run loop");
    assert!(app.should_quit);
    assert!(app.load.loading().is_none() && !app.load.indexing());
    assert_eq!(app.filter.input.text(), "trump");
    assert_eq!(app.counts(), (1, 1));
    let kinds: Vec<&str> = effects
        .performed
        .iter()
        .map(|e| match e {
            ui::Effect::Load => "load",
            ui::Effect::BuildIndex => "index",
            ui::Effect::Search { .. } => "search",
            ui::Effect::Reload => "reload",
            ui::Effect::SaveMarks { .. } => "save marks",
            ui::Effect::OpenUrl(_) => "open",
            ui::Effect::Copy(_) => "copy",
            ui::Effect::Run { .. } => "run",
        })
        .collect();
    assert_eq!(kinds, ["load", "index", "search"]);
}
