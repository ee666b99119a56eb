//! The run loop (`ui::tui::run_loop`) driven end to end against ratatui's
//! `TestBackend`: events and worker messages go in through the same channel
//! the real terminal uses, effects come back out, and the screen is read
//! after each step. No terminal and no threads beyond the test's own.

use hotline::ui::fixture;
use hotline::ui::{self, Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn sample() -> App {
    App::new(fixture::sample())
}

fn buffer_text(buf: &Buffer) -> String {
    buf.content.iter().map(|c| c.symbol()).collect()
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
