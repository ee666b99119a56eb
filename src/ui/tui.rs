//! The real terminal: set-up and restore (raw mode, alternate screen, mouse
//! capture, cursor), restore on panic and on SIGTERM/SIGHUP/SIGINT, and the
//! run loop, which is generic over the ratatui backend so tests can drive
//! it with `TestBackend`.

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::{Action, Effect, Reloaded};
use super::app::App;
use super::{event as ev, render, update};
use crate::corpus::{self, Inputs, Lexicon};
use crate::model::Timeline;
use crate::query::{MatchWorker, SearchIndex};

/// Messages applied between two frames at most.
const MAX_BATCH: usize = 256;

/// What reaches the run loop.
#[derive(Debug)]
pub enum Msg {
    Event(Event),
    Action(Action),
    /// A termination signal: restore the terminal and leave.
    Signal(i32),
}

/// Leave raw mode and the alternate screen, stop mouse capture, show the
/// cursor. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Restores the terminal when dropped, whatever way `run` is left.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

/// Restore the terminal before a panic message is printed. Panics on other
/// threads (a failed reload, caught and reported) leave the UI alone.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().name() == Some("main") {
            restore();
            previous(info);
        }
    }));
}

fn setup() -> Result<Terminal<CrosstermBackend<Stdout>>> {
    install_panic_hook();
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
        .context("cannot open the alternate screen")?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.hide_cursor()?;
    terminal.clear()?;
    Ok(terminal)
}

/// Does the work `update` asks for: matching and reloading.
pub trait Effects {
    fn perform(&mut self, effect: Effect);

    /// A new corpus is in: matchers bound to the old one must follow.
    fn reloaded(&mut self, _reloaded: &Reloaded) {}
}

/// Matching on the worker thread, reloading on a thread of its own; both
/// answer through the event channel.
struct Runner {
    tx: Sender<Msg>,
    inputs: Inputs,
    lexicon: Lexicon,
    worker: MatchWorker,
}

fn spawn_worker(tx: &Sender<Msg>, timeline: Arc<Timeline>, index: Arc<SearchIndex>) -> MatchWorker {
    let tx = tx.clone();
    MatchWorker::spawn(timeline, index, move |outcome| {
        let _ = tx.send(Msg::Action(Action::MatchesReady(outcome)));
    })
}

impl Effects for Runner {
    fn reloaded(&mut self, reloaded: &Reloaded) {
        self.worker = spawn_worker(&self.tx, reloaded.timeline.clone(), reloaded.index.clone());
    }

    fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::Search { generation, text } => self.worker.submit(generation, text),
            Effect::Reload => {
                let tx = self.tx.clone();
                let inputs = self.inputs.clone();
                let lexicon = self.lexicon.clone();
                let spawned =
                    thread::Builder::new()
                        .name("hotline-reload".into())
                        .spawn(move || {
                            let loaded = std::panic::catch_unwind(|| {
                                let timeline = corpus::load(&inputs, &lexicon);
                                let index = SearchIndex::build(&timeline);
                                (timeline, index)
                            });
                            let action = match loaded {
                                Ok((timeline, index)) => Action::Reloaded(Reloaded {
                                    timeline: Arc::new(timeline),
                                    index: Arc::new(index),
                                }),
                                Err(panic) => Action::ReloadFailed(panic_text(&panic)),
                            };
                            let _ = tx.send(Msg::Action(action));
                        });
                if spawned.is_err() {
                    let _ = self.tx.send(Msg::Action(Action::ReloadFailed(
                        "cannot start a thread".into(),
                    )));
                }
            }
        }
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".into())
}

/// Run the interactive browser on the real terminal until the user quits.
pub fn run(timeline: Timeline, inputs: Inputs, lexicon: Lexicon) -> Result<()> {
    let theme = super::theme::Theme::from_no_color(std::env::var_os("NO_COLOR").as_deref());
    let app = App::new(timeline).with_theme(theme);
    let (tx, rx) = mpsc::channel();

    // Signals first, so one arriving during set-up still restores.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot watch signals")?;
    let signal_tx = tx.clone();
    thread::Builder::new()
        .name("hotline-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = signal_tx.send(Msg::Signal(sig));
            }
        })?;

    let _restore = Restore;
    let mut terminal = setup()?;

    let input_tx = tx.clone();
    thread::Builder::new()
        .name("hotline-input".into())
        .spawn(move || {
            while let Ok(event) = event::read() {
                if input_tx.send(Msg::Event(event)).is_err() {
                    break;
                }
            }
        })?;

    let worker = spawn_worker(&tx, app.timeline.clone(), app.index.clone());
    let mut runner = Runner {
        tx,
        inputs,
        lexicon,
        worker,
    };
    let outcome = run_loop(&mut terminal, app, &rx, &mut runner);
    restore();
    match outcome {
        Ok((_, Some(sig))) => {
            // Leave the way the signal asked, terminal already restored.
            std::process::exit(128 + sig);
        }
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Draw, wait for a message, update, repeat. Messages that arrived while
/// drawing are all applied before the next frame, so typing never queues
/// behind rendering. Returns the final state and the signal that ended the
/// loop, if one did.
pub fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    mut app: App,
    rx: &Receiver<Msg>,
    effects: &mut E,
) -> Result<(App, Option<i32>)>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Effects,
{
    let size = terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| render(frame, &app))?;
        let Ok(first) = rx.recv() else {
            return Ok((app, None));
        };
        let mut next = Some(first);
        let mut handled = 0;
        while let Some(msg) = next {
            handled += 1;
            match msg {
                Msg::Signal(sig) => return Ok((app, Some(sig))),
                Msg::Event(event) => {
                    if let Some(action) = ev::action_for(&app, &event) {
                        update(&mut app, action);
                    }
                }
                Msg::Action(action) => {
                    if let Action::Reloaded(r) = &action {
                        effects.reloaded(r);
                    }
                    update(&mut app, action);
                }
            }
            for effect in std::mem::take(&mut app.effects) {
                effects.perform(effect);
            }
            if app.should_quit {
                return Ok((app, None));
            }
            // Redraw at least every so many messages, even under a flood.
            next = if handled < MAX_BATCH {
                rx.try_recv().ok()
            } else {
                None
            };
        }
    }
}
