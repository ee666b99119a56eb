//! The real terminal: set-up and restore (raw mode, alternate screen, mouse
//! capture, bracketed paste, cursor), restore on panic and on
//! SIGTERM/SIGHUP/SIGINT, and the run loop, which is generic over the
//! ratatui backend so tests can drive it with `TestBackend`.
//!
//! The first frame does not wait for the search index: `run` starts from
//! `App::new_indexing`, and the index is built on a thread of its own
//! (`Effect::BuildIndex` → `Action::IndexReady`).

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
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

/// Leave raw mode and the alternate screen, stop mouse capture and
/// bracketed paste, show the cursor. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// How long the run loop has to end the program on a signal before the
/// signal thread does it.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// The same for Ctrl-c, which the loop handles as a key.
const CTRL_C_GRACE: Duration = Duration::from_secs(2);

/// Wait `grace`, then restore the terminal and end the process with
/// `code`: called off the UI thread, it ends a program whose loop is busy.
/// A loop that is not busy has ended the program before.
fn exit_after(grace: Duration, code: i32) {
    thread::sleep(grace);
    restore();
    std::process::exit(code);
}

fn is_ctrl_c(event: &Event) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    matches!(event, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('c')
        && k.modifiers.contains(KeyModifiers::CONTROL))
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
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
    .context("cannot open the alternate screen")?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.hide_cursor()?;
    terminal.clear()?;
    Ok(terminal)
}

/// Does the work `update` asks for: matching, reloading, indexing.
pub trait Effects {
    fn perform(&mut self, effect: Effect);

    /// A new corpus and its index are in (a reload, or the index of the
    /// corpus shown): matchers bound to the old ones must follow.
    fn reloaded(&mut self, _reloaded: &Reloaded) {}

    /// The first load is in (its index is asked for next).
    fn loaded(&mut self, _timeline: &Arc<Timeline>) {}
}

/// Matching on the worker thread, reloading and indexing on threads of
/// their own; all answer through the event channel.
struct Runner {
    tx: Sender<Msg>,
    inputs: Inputs,
    lexicon: Lexicon,
    /// The corpus shown, for `Effect::BuildIndex`.
    timeline: Arc<Timeline>,
    /// `None` until there is an index to match with (`update` asks for no
    /// search before).
    worker: Option<MatchWorker>,
}

fn spawn_worker(tx: &Sender<Msg>, timeline: Arc<Timeline>, index: Arc<SearchIndex>) -> MatchWorker {
    let tx = tx.clone();
    MatchWorker::spawn(timeline, index, move |outcome| {
        let _ = tx.send(Msg::Action(Action::MatchesReady(outcome)));
    })
}

impl Effects for Runner {
    fn reloaded(&mut self, reloaded: &Reloaded) {
        self.timeline = reloaded.timeline.clone();
        self.worker = Some(spawn_worker(
            &self.tx,
            reloaded.timeline.clone(),
            reloaded.index.clone(),
        ));
    }

    fn loaded(&mut self, timeline: &Arc<Timeline>) {
        self.timeline = timeline.clone();
        self.worker = None;
    }

    fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::Load => {
                let tx = self.tx.clone();
                let inputs = self.inputs.clone();
                let lexicon = self.lexicon.clone();
                let spawned = thread::Builder::new()
                    .name("hotline-load".into())
                    .spawn(move || {
                        let loaded =
                            std::panic::catch_unwind(|| Arc::new(corpus::load(&inputs, &lexicon)));
                        let action = match loaded {
                            Ok(timeline) => Action::Loaded(timeline),
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
            Effect::Search { generation, text } => {
                if let Some(worker) = &self.worker {
                    worker.submit(generation, text);
                }
            }
            Effect::BuildIndex => {
                let tx = self.tx.clone();
                let timeline = self.timeline.clone();
                let spawned =
                    thread::Builder::new()
                        .name("hotline-index".into())
                        .spawn(move || {
                            let built = std::panic::catch_unwind(|| {
                                Arc::new(SearchIndex::build(&timeline))
                            });
                            let action = match built {
                                Ok(index) => Action::IndexReady(Reloaded { timeline, index }),
                                Err(panic) => Action::IndexFailed(panic_text(&panic)),
                            };
                            let _ = tx.send(Msg::Action(action));
                        });
                if spawned.is_err() {
                    let _ = self.tx.send(Msg::Action(Action::IndexFailed(
                        "cannot start a thread".into(),
                    )));
                }
            }
            Effect::OpenUrl(url) => open_in_browser(&url),
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

/// Start the system's opener on `url`, detached, its output discarded so
/// it can not draw over the screen. No shell: the address is one argument.
/// A machine without an opener simply opens nothing.
fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let child = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Ok(mut child) = child {
        // Reaped off the loop, so no zombie stays behind.
        let _ = thread::Builder::new()
            .name("hotline-opener".into())
            .spawn(move || child.wait());
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
/// The timeline shows at once; the index follows from its own thread.
pub fn run(timeline: Timeline, inputs: Inputs, lexicon: Lexicon) -> Result<()> {
    run_app(App::new_indexing(timeline), inputs, lexicon)
}

/// Like `run`, but nothing is loaded yet: the first frame says what is
/// being loaded, the corpus is loaded on a thread of its own, shown as
/// soon as it is in, and indexed on another.
pub fn run_loading(inputs: Inputs, lexicon: Lexicon) -> Result<()> {
    let what = describe(&inputs);
    let app = App::loading(lexicon.leaders.clone(), what);
    run_app(app, inputs, lexicon)
}

/// What `inputs` names, for the loading screen.
pub fn describe(inputs: &Inputs) -> String {
    match inputs {
        Inputs::Embedded => "the built-in corpus".into(),
        Inputs::Paths(paths) if paths.len() <= 3 => paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Inputs::Paths(paths) => format!("{} files and folders", paths.len()),
    }
}

fn run_app(app: App, inputs: Inputs, lexicon: Lexicon) -> Result<()> {
    let theme = super::theme::Theme::from_no_color(std::env::var_os("NO_COLOR").as_deref());
    let app = app.with_theme(theme);
    let (tx, rx) = mpsc::channel();

    // Signals first, so one arriving during set-up still restores.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot watch signals")?;
    let signal_tx = tx.clone();
    thread::Builder::new()
        .name("hotline-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = signal_tx.send(Msg::Signal(sig));
                // The loop normally ends the program at once; if it is
                // busy, the signal still ends it.
                exit_after(SIGNAL_GRACE, 128 + sig);
            }
        })?;

    let _restore = Restore;
    let mut terminal = setup()?;

    // Our own input parser: crossterm's waits forever for the end of a
    // bracketed paste (see `input`).
    let input_tx = tx.clone();
    super::input::spawn(move |event| {
        let ctrl_c = is_ctrl_c(&event);
        if input_tx.send(Msg::Event(event)).is_err() {
            return false;
        }
        if ctrl_c {
            // Ctrl-c quits anywhere: even from a busy loop.
            let _ = thread::Builder::new()
                .name("hotline-ctrl-c".into())
                .spawn(|| exit_after(CTRL_C_GRACE, 0));
        }
        true
    })?;

    let worker = app
        .index
        .clone()
        .map(|index| spawn_worker(&tx, app.timeline.clone(), index));
    let mut runner = Runner {
        tx,
        inputs,
        lexicon,
        timeline: app.timeline.clone(),
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
/// behind rendering. Work the app asked for before the loop (such as
/// `Effect::BuildIndex` from `App::new_indexing`) starts before the first
/// frame. Returns the final state and the signal that ended the loop, if
/// one did.
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
    for effect in std::mem::take(&mut app.effects) {
        effects.perform(effect);
    }
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
                    match &action {
                        Action::Reloaded(r) => effects.reloaded(r),
                        Action::Loaded(t) => effects.loaded(t),
                        // Only the index of the corpus shown: a reload may
                        // have overtaken it.
                        Action::IndexReady(r) if Arc::ptr_eq(&r.timeline, &app.timeline) => {
                            effects.reloaded(r)
                        }
                        _ => {}
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
