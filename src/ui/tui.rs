//! The real terminal: set-up and restore (raw mode, alternate screen, mouse
//! capture, bracketed paste, cursor), restore on panic and on
//! SIGTERM/SIGHUP/SIGINT, and the threads that do the work the run loop
//! (`runner`, generic over the backend) hands out.
//!
//! `o` / `e` hand the terminal over: raw mode and the alternate screen
//! are left, the input reader stands aside (`input::pause`), the pager or
//! editor runs (argv from `ui::program`, never a shell), and all is set
//! up again and redrawn whole; `y` / `Y` write OSC 52.
//!
//! The first frame does not wait for the search index: `run` starts from
//! `App::new_indexing`, and the index is built on a thread of its own
//! (`Effect::BuildIndex` → `Action::IndexReady`).

use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::action::{Action, Effect, OpenFile, Program, Reloaded};
use super::program::{DEFAULT_EDITOR, DEFAULT_PAGER, argv, first_set, osc52};
pub use super::runner::{Effects, Msg, run_loop};
use crate::model::Timeline;
use crate::pipeline::load::{self, Inputs, Lexicon};
use crate::query::{MatchWorker, SearchIndex};
use crate::ui::keymap::Keymap;
use crate::ui::state::app::App;
use crate::ui::theme::Palette;

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

/// Set while a pager or editor has the terminal: Ctrl-c there is theirs
/// (the terminal sends SIGINT to hotline too), not a reason to quit.
static PROGRAM_RUNNING: AtomicBool = AtomicBool::new(false);

/// When the last pager or editor ended. The signal thread may read a
/// SIGINT sent while the program ran only after the program is gone (the
/// kernel delivered it at once; the thread was not scheduled yet), so a
/// SIGINT this soon after is still the program's. hotline itself gets
/// Ctrl-c as a key in raw mode, never as a signal, so nothing is lost.
static PROGRAM_ENDED: std::sync::Mutex<Option<Instant>> = std::sync::Mutex::new(None);

/// How long after a program ends a SIGINT is still taken as its own.
const PROGRAM_SIGINT_GRACE: Duration = Duration::from_secs(2);

/// A SIGINT the pager or editor had (see `PROGRAM_ENDED`).
fn sigint_was_the_programs() -> bool {
    let ended = PROGRAM_ENDED.lock().map(|e| *e).unwrap_or(None);
    PROGRAM_RUNNING.load(Ordering::SeqCst)
        || ended.is_some_and(|at| at.elapsed() < PROGRAM_SIGINT_GRACE)
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

/// Matching on the worker thread, reloading and indexing on threads of
/// their own; all answer through the event channel.
struct Threads {
    tx: Sender<Msg>,
    inputs: Inputs,
    lexicon: Lexicon,
    /// The corpus shown, for `Effect::BuildIndex`.
    timeline: Arc<Timeline>,
    /// `None` until there is an index to match with (`update` asks for no
    /// search before).
    worker: Option<MatchWorker>,
    /// A pager or editor drew over the screen: redraw it whole.
    redraw: bool,
    /// The marks file (`Effect::SaveMarks`); `None`: marks are not kept.
    marks_path: Option<PathBuf>,
}

fn spawn_worker(tx: &Sender<Msg>, timeline: Arc<Timeline>, index: Arc<SearchIndex>) -> MatchWorker {
    let tx = tx.clone();
    MatchWorker::spawn(timeline, index, move |outcome| {
        let _ = tx.send(Msg::Action(Action::MatchesReady(outcome)));
    })
}

/// Run `job` on a thread named `name` and send the action it returns. A
/// panic in it, or a thread that can not start, is sent as `failed(why)`,
/// so the UI always hears back and never stays "loading" for ever.
fn spawn_job<F>(tx: &Sender<Msg>, name: &str, job: F, failed: fn(String) -> Action)
where
    F: FnOnce() -> Action + Send + 'static,
{
    let thread_tx = tx.clone();
    let spawned = thread::Builder::new().name(name.into()).spawn(move || {
        // The job owns all it touches; after a panic nothing of it is
        // looked at again, only its message.
        let action = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))
            .unwrap_or_else(|panic| failed(panic_text(&panic)));
        let _ = thread_tx.send(Msg::Action(action));
    });
    if spawned.is_err() {
        let _ = tx.send(Msg::Action(failed("cannot start a thread".into())));
    }
}

impl Effects for Threads {
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

    fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::Load => {
                let (inputs, lexicon) = (self.inputs.clone(), self.lexicon.clone());
                let job = move || {
                    // The kept word index is read while the articles load.
                    crate::query::kept::read_ahead(&roots_of(&inputs));
                    Action::Loaded(Arc::new(load::load(&inputs, &lexicon)))
                };
                spawn_job(&self.tx, "hotline-load", job, Action::ReloadFailed);
            }
            Effect::Search { generation, text } => {
                if let Some(worker) = &self.worker {
                    worker.submit(generation, text);
                }
            }
            Effect::BuildIndex => {
                let timeline = self.timeline.clone();
                let roots = roots_of(&self.inputs);
                let job = move || {
                    let index = Arc::new(crate::query::kept::index_for(&roots, &timeline));
                    Action::IndexReady(Reloaded { timeline, index })
                };
                spawn_job(&self.tx, "hotline-index", job, Action::IndexFailed);
            }
            Effect::OpenUrl(url) => open_in_browser(&url),
            Effect::Copy(text) => {
                let sequence = osc52(&text, std::env::var_os("TMUX").is_some());
                let mut out = io::stdout();
                let _ = out.write_all(sequence.as_bytes());
                let _ = out.flush();
            }
            Effect::Run { program, file } => {
                let (message, reload) = run_program(program, &file);
                self.redraw = true;
                let _ = self
                    .tx
                    .send(Msg::Action(Action::ProgramDone { message, reload }));
                // The window may have changed size meanwhile.
                if let Ok((w, h)) = ratatui::crossterm::terminal::size() {
                    let _ = self.tx.send(Msg::Action(Action::Resize(w, h)));
                }
            }
            // Small and rare (a key press): written here, in order, so two
            // saves never race each other.
            Effect::SaveMarks { base, mine } => {
                let Some(path) = &self.marks_path else { return };
                let answer = match crate::marks::file::save(path, &base, &mine) {
                    Ok(written) => Action::MarksSaved {
                        sent: mine,
                        written: Box::new(written),
                    },
                    Err(why) => Action::MarksSaveFailed(why),
                };
                let _ = self.tx.send(Msg::Action(answer));
            }
            Effect::Reload => {
                let (inputs, lexicon) = (self.inputs.clone(), self.lexicon.clone());
                let job = move || {
                    crate::query::kept::read_ahead(&roots_of(&inputs));
                    let timeline = load::load(&inputs, &lexicon);
                    let index = crate::query::kept::index_for(&roots_of(&inputs), &timeline);
                    Action::Reloaded(Reloaded {
                        timeline: Arc::new(timeline),
                        index: Arc::new(index),
                    })
                };
                spawn_job(&self.tx, "hotline-reload", job, Action::ReloadFailed);
            }
        }
    }
}

/// The folders and files a corpus was loaded from (none for the built-in
/// one): what the cache keys its word index by.
fn roots_of(inputs: &load::Inputs) -> Vec<std::path::PathBuf> {
    match inputs {
        load::Inputs::Paths(paths) => paths.clone(),
        load::Inputs::Embedded => Vec::new(),
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

/// Hand the terminal to the pager or editor on the article, wait, take
/// the terminal back. What the status line says, and whether the corpus
/// may have changed (the editor ran on a file of it).
fn run_program(program: Program, file: &OpenFile) -> (String, bool) {
    let env = |name: &str| std::env::var(name).ok();
    let words = match program {
        Program::Pager => argv("PAGER", env("PAGER").as_deref(), DEFAULT_PAGER),
        Program::Editor => match first_set(&[("VISUAL", env("VISUAL")), ("EDITOR", env("EDITOR"))])
        {
            Some((name, value)) => argv(name, Some(&value), DEFAULT_EDITOR),
            None => argv("EDITOR", None, DEFAULT_EDITOR),
        },
    };
    let words = match words {
        Ok(words) => words,
        Err(why) => return (why, false),
    };
    let Some((name, args)) = words.split_first() else {
        return ("no program to run".into(), false);
    };
    let shown = crate::sanitize::inert(name, false).into_owned();
    let copy = match file {
        OpenFile::Path(_) => None,
        OpenFile::Text { name, text } => match read_only_copy(name, text) {
            Ok(copy) => Some(copy),
            Err(e) => {
                return (
                    format!("cannot write a copy of the article to open: {e}"),
                    false,
                );
            }
        },
    };
    let path = match (file, &copy) {
        (_, Some(copy)) => copy.path().to_path_buf(),
        (OpenFile::Path(p), None) => std::path::PathBuf::from(p),
        (OpenFile::Text { .. }, None) => return ("no file to open".into(), false),
    };
    hand_over();
    let status = std::process::Command::new(name)
        .args(args)
        .arg(&path)
        .status();
    take_back();
    match status {
        Err(e) => (format!("cannot start {shown}: {e}"), false),
        Ok(s) => {
            let edited = program == Program::Editor && copy.is_none();
            let said = if s.success() {
                format!("back from {shown}")
            } else {
                format!("{shown} ended with {s}")
            };
            (said, edited)
        }
    }
}

/// The article's text in a read-only temporary file, removed when
/// dropped; named after the article so the editor knows its type.
fn read_only_copy(name: &str, text: &str) -> io::Result<tempfile::NamedTempFile> {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let mut file = tempfile::Builder::new()
        .prefix("hotline-")
        .suffix(&format!("-{name}"))
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    let mut permissions = file.as_file().metadata()?.permissions();
    permissions.set_readonly(true);
    file.as_file().set_permissions(permissions)?;
    Ok(file)
}

/// Give the terminal to another program: the reader stands aside, the
/// screen and modes are as the shell had them.
fn hand_over() {
    super::input::pause();
    PROGRAM_RUNNING.store(true, Ordering::SeqCst);
    restore();
}

/// Take the terminal back after `hand_over`.
fn take_back() {
    let _ = enable_raw_mode();
    let _ = execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        ratatui::crossterm::cursor::Hide
    );
    if let Ok(mut ended) = PROGRAM_ENDED.lock() {
        *ended = Some(Instant::now());
    }
    PROGRAM_RUNNING.store(false, Ordering::SeqCst);
    super::input::resume();
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".into())
}

/// Run the interactive browser on the real terminal until the user quits
/// (or a signal ends it: the exit status then says which).
/// The timeline shows at once; the index follows from its own thread.
pub fn run(timeline: Timeline, inputs: Inputs, lexicon: Lexicon) -> Result<ExitCode> {
    run_app(
        App::new_indexing(timeline),
        inputs,
        lexicon,
        Settings::default(),
    )
}

/// What the config file sets for the browser: its keys and colours.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub keymap: Option<Arc<Keymap>>,
    pub palette: Palette,
    /// Where they came from, for the about overlay.
    pub config_file: Option<std::path::PathBuf>,
}

/// Like `run`, but nothing is loaded yet: the first frame says what is
/// being loaded, the corpus is loaded on a thread of its own, shown as
/// soon as it is in, and indexed on another.
pub fn run_loading(inputs: Inputs, lexicon: Lexicon) -> Result<ExitCode> {
    run_loading_with(inputs, lexicon, Settings::default())
}

/// `run_loading` with the config file's keys and colours.
pub fn run_loading_with(inputs: Inputs, lexicon: Lexicon, settings: Settings) -> Result<ExitCode> {
    let what = describe(&inputs);
    let app = App::loading(lexicon.leaders.clone(), what);
    run_app(app, inputs, lexicon, settings)
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

/// Read the user's marks into `app` (a bad file is a warning, never an
/// error) and say where they are saved: `None` without a state folder.
pub fn load_marks(app: &mut App, path: Option<PathBuf>) -> Option<PathBuf> {
    let Some(path) = path else {
        app.marks.warn(
            "marks",
            "no state folder ($XDG_STATE_HOME or $HOME): read state, bookmarks and notes last until quit".into(),
        );
        return None;
    };
    let loaded = crate::marks::file::load(&path);
    app.marks.base = loaded.marks.clone();
    app.marks.marks = loaded.marks;
    app.marks.persist = true;
    if let Some(why) = loaded.warning {
        app.message = Some(format!("{why} · w lists it"));
        app.marks.warn("marks", why);
    }
    Some(path)
}

fn run_app(app: App, inputs: Inputs, lexicon: Lexicon, settings: Settings) -> Result<ExitCode> {
    let theme = crate::ui::theme::Theme::from_no_color(std::env::var_os("NO_COLOR").as_deref())
        .with_palette(settings.palette);
    let keymap = settings.keymap.unwrap_or_else(Keymap::defaults);
    let mut app = app.with_theme(theme).with_keymap(keymap);
    app.config_file = settings.config_file.map(|p| p.display().to_string());
    app.source = Some(describe(&inputs));
    let marks_path = load_marks(&mut app, crate::marks::file::default_path());
    let (tx, rx) = mpsc::channel();

    // Signals first, so one arriving during set-up still restores.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot watch signals")?;
    let signal_tx = tx.clone();
    thread::Builder::new()
        .name("hotline-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig == SIGINT && sigint_was_the_programs() {
                    continue;
                }
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
        .load
        .index()
        .cloned()
        .map(|index| spawn_worker(&tx, app.timeline.clone(), index));
    let mut threads = Threads {
        tx,
        inputs,
        lexicon,
        timeline: app.timeline.clone(),
        worker,
        redraw: false,
        marks_path,
    };
    let (_, signal) = run_loop(&mut terminal, app, &rx, &mut threads)?;
    restore();
    // Leave the way a signal asked (128 + its number), as a shell expects.
    Ok(match signal {
        Some(sig) => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
        None => ExitCode::SUCCESS,
    })
}
