//! Terminal input: bytes from the terminal → crossterm `Event`s, parsed
//! here rather than by crossterm, whose parser waits for the end of a
//! bracketed paste forever: a stray `ESC [200~` (a paste cut short, a
//! hostile program) would swallow every later key, `q` and Ctrl-c
//! included. Here a paste ends at its end marker, after a quiet gap of
//! `PASTE_GAP`, after `PASTE_TIME` in all, or at `PASTE_MAX` bytes (the
//! rest of an oversized paste is dropped until it ends).
//!
//! Keys (UTF-8 text, controls, CSI and SS3 sequences with modifiers),
//! SGR mouse reports and pastes become the same `Event`s crossterm gives;
//! window size changes come from SIGWINCH.
//!
//! `pause` makes the reader stand aside while a pager or editor started
//! from the browser owns the terminal, so no key of theirs is taken.

use std::io::Read;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// A paste with no byte for this long has ended.
pub const PASTE_GAP: Duration = Duration::from_millis(300);
/// No paste lasts longer than this.
pub const PASTE_TIME: Duration = Duration::from_secs(3);
/// Bytes of a paste kept, at most.
pub const PASTE_MAX: usize = 1 << 20;
/// An escape sequence left incomplete this long is dropped (a lone ESC
/// is the Esc key).
const SEQUENCE_GAP: Duration = Duration::from_millis(50);
/// Longest escape sequence read; longer ones are dropped.
const SEQUENCE_MAX: usize = 64;

/// Set by `pause`: the reader reads nothing until `resume`.
static PAUSED: AtomicBool = AtomicBool::new(false);
/// The reader has seen `PAUSED` and is not inside a read.
static PARKED: AtomicBool = AtomicBool::new(false);
/// How often the reader looks at `PAUSED` while the terminal is quiet.
const PAUSE_CHECK: Duration = Duration::from_millis(50);

/// Stop reading the terminal (another program is about to read it);
/// returns once the reader has stood aside, or after half a second.
pub fn pause() {
    PAUSED.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_millis(500);
    while !PARKED.load(Ordering::SeqCst) && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
}

/// Read the terminal again after `pause`.
pub fn resume() {
    PARKED.store(false, Ordering::SeqCst);
    PAUSED.store(false, Ordering::SeqCst);
}

/// Whether `fd` has bytes to read within `wait`. An error (a closed
/// terminal) counts as readable, so the read that follows reports it.
fn readable(fd: RawFd, wait: Duration) -> bool {
    let mut pfd = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(wait.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, and its count is 1.
    let n = unsafe { libc::poll(&mut pfd, 1, ms) };
    n != 0
}

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Read the terminal on threads of their own and hand each event to
/// `send` until it returns false or input ends. Window size changes
/// (SIGWINCH) come as `Event::Resize` through the same `send`.
pub fn spawn<F>(send: F) -> std::io::Result<()>
where
    F: Fn(Event) -> bool + Clone + Send + 'static,
{
    let (mut source, fd): (Box<dyn Read + Send>, RawFd) =
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            (Box::new(std::io::stdin()), std::io::stdin().as_raw_fd())
        } else {
            let tty = std::fs::File::open("/dev/tty")?;
            let fd = tty.as_raw_fd();
            (Box::new(tty), fd)
        };
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    thread::Builder::new()
        .name("hotline-tty".into())
        .spawn(move || {
            // Larger than stdin's own buffer, so reads go past it and
            // `readable` sees every byte still to come.
            let mut buf = vec![0u8; 16 * 1024];
            loop {
                if PAUSED.load(Ordering::SeqCst) {
                    PARKED.store(true, Ordering::SeqCst);
                    thread::sleep(PAUSE_CHECK);
                    continue;
                }
                PARKED.store(false, Ordering::SeqCst);
                // Read only what is there: a read that blocked could take
                // a key from the program `pause` makes room for.
                if !readable(fd, PAUSE_CHECK) || PAUSED.load(Ordering::SeqCst) {
                    continue;
                }
                match source.read(&mut buf) {
                    Ok(n) if n > 0 && tx.send(buf[..n].to_vec()).is_ok() => {}
                    _ => break,
                }
            }
        })?;
    let mut winch = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
    let resized = send.clone();
    thread::Builder::new()
        .name("hotline-winch".into())
        .spawn(move || {
            for _ in winch.forever() {
                if let Ok((w, h)) = ratatui::crossterm::terminal::size()
                    && !resized(Event::Resize(w, h))
                {
                    break;
                }
            }
        })?;
    thread::Builder::new()
        .name("hotline-input".into())
        .spawn(move || {
            let mut parser = Parser::default();
            let mut out = Vec::new();
            loop {
                let got = match parser.wait() {
                    Some(d) => rx.recv_timeout(d),
                    None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match got {
                    Ok(bytes) => parser.feed(&bytes, Instant::now(), &mut out),
                    Err(RecvTimeoutError::Timeout) => parser.timeout(Instant::now(), &mut out),
                    Err(RecvTimeoutError::Disconnected) => break,
                }
                for event in out.drain(..) {
                    if !send(event) {
                        return;
                    }
                }
            }
        })?;
    Ok(())
}

/// Bytes → events, with the time each chunk arrived for the paste limits.
#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes of an incomplete escape sequence (or UTF-8 character).
    pending: Vec<u8>,
    paste: Option<Paste>,
    /// Inside an over-long escape sequence: its parameter bytes are
    /// dropped up to its final byte.
    skipping: bool,
}

#[derive(Debug)]
struct Paste {
    text: Vec<u8>,
    started: Instant,
    last: Instant,
}

impl Parser {
    /// How long to wait for more bytes before `timeout` (None: forever).
    pub fn wait(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_GAP.min(PASTE_TIME))
        } else if !self.pending.is_empty() {
            Some(SEQUENCE_GAP)
        } else {
            None
        }
    }

    /// No bytes came for `wait()`: end a paste that went quiet or ran too
    /// long; a lone ESC is the Esc key; drop a cut-off sequence.
    pub fn timeout(&mut self, now: Instant, out: &mut Vec<Event>) {
        if let Some(p) = &self.paste {
            if now.duration_since(p.last) >= PASTE_GAP
                || now.duration_since(p.started) >= PASTE_TIME
            {
                self.end_paste(out);
            }
            return;
        }
        if self.pending == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.pending.clear();
        self.skipping = false;
    }

    fn end_paste(&mut self, out: &mut Vec<Event>) {
        if let Some(p) = self.paste.take() {
            out.push(Event::Paste(String::from_utf8_lossy(&p.text).into_owned()));
        }
    }

    /// Bytes that arrived together at `now`.
    pub fn feed(&mut self, bytes: &[u8], now: Instant, out: &mut Vec<Event>) {
        let mut data: Vec<u8> = std::mem::take(&mut self.pending);
        data.extend_from_slice(bytes);
        let mut i = 0;
        while i < data.len() {
            if self.skipping {
                let b = data[i];
                if (0x20..=0x3f).contains(&b) {
                    i += 1;
                    continue;
                }
                self.skipping = false;
                if (0x40..=0x7e).contains(&b) {
                    i += 1;
                }
                continue;
            }
            if self.paste.is_some() {
                match self.paste_bytes(&data[i..], now) {
                    PasteStep::Ended(n) => {
                        i += n;
                        self.end_paste(out);
                    }
                    PasteStep::More(n) => {
                        i += n;
                        self.pending = data[i..].to_vec();
                        return;
                    }
                }
                continue;
            }
            match parse_one(&data[i..]) {
                Parsed::Event(n, event) => {
                    out.extend(event);
                    i += n;
                }
                Parsed::PasteStart(n) => {
                    i += n;
                    self.paste = Some(Paste {
                        text: Vec::new(),
                        started: now,
                        last: now,
                    });
                }
                Parsed::Incomplete => {
                    let rest = &data[i..];
                    if rest == [0x1b] {
                        // An ESC that ends what arrived is the Esc key
                        // (as crossterm reads it): Esc then q is not Alt-q.
                        out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                        return;
                    }
                    if rest.len() > SEQUENCE_MAX {
                        // Not a sequence anyone sends: dropped whole.
                        self.skipping = true;
                        return;
                    }
                    self.pending = rest.to_vec();
                    return;
                }
            }
        }
    }
}

/// What a paste did with the bytes it was given.
enum PasteStep {
    /// It ended after this many bytes (marker included; 0 when it ran
    /// out of time).
    Ended(usize),
    /// It took this many and waits for more (the rest may start the end
    /// marker).
    More(usize),
}

impl Parser {
    /// Bytes arriving inside a paste at `now`.
    fn paste_bytes(&mut self, rest: &[u8], now: Instant) -> PasteStep {
        let Some(p) = &mut self.paste else {
            return PasteStep::Ended(0);
        };
        if now.duration_since(p.started) >= PASTE_TIME {
            return PasteStep::Ended(0);
        }
        p.last = now;
        let (inside, end) = match find(rest, PASTE_END) {
            Some(at) => (&rest[..at], Some(at + PASTE_END.len())),
            None => (&rest[..rest.len() - partial_suffix(rest, PASTE_END)], None),
        };
        let room = PASTE_MAX.saturating_sub(p.text.len());
        // Past the limit the rest is dropped, not typed.
        p.text.extend_from_slice(&inside[..inside.len().min(room)]);
        match end {
            Some(n) => PasteStep::Ended(n),
            None => PasteStep::More(inside.len()),
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `hay` could begin `needle`.
fn partial_suffix(hay: &[u8], needle: &[u8]) -> usize {
    (1..needle.len().min(hay.len() + 1))
        .rev()
        .find(|&k| hay.ends_with(&needle[..k]))
        .unwrap_or(0)
}

enum Parsed {
    /// Bytes used, and the event they make (none for ignored input).
    Event(usize, Option<Event>),
    PasteStart(usize),
    Incomplete,
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn char_key(c: char, mods: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), mods | shift)
}

/// One event from the start of `b` (not empty).
fn parse_one(b: &[u8]) -> Parsed {
    match b[0] {
        0x1b => parse_escape(b),
        b'\r' | b'\n' => Parsed::Event(1, Some(key(KeyCode::Enter, KeyModifiers::NONE))),
        b'\t' => Parsed::Event(1, Some(key(KeyCode::Tab, KeyModifiers::NONE))),
        0x7f | 0x08 => Parsed::Event(1, Some(key(KeyCode::Backspace, KeyModifiers::NONE))),
        0 => Parsed::Event(1, Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL))),
        c @ 0x01..=0x1a => Parsed::Event(
            1,
            Some(key(
                KeyCode::Char((b'a' + c - 1) as char),
                KeyModifiers::CONTROL,
            )),
        ),
        0x1c..=0x1f => Parsed::Event(1, None),
        _ => match utf8_char(b) {
            Some((c, n)) => Parsed::Event(n, Some(char_key(c, KeyModifiers::NONE))),
            None if b.len() < utf8_len(b[0]) => Parsed::Incomplete,
            None => Parsed::Event(1, None),
        },
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

fn utf8_char(b: &[u8]) -> Option<(char, usize)> {
    let n = utf8_len(b[0]);
    let s = std::str::from_utf8(b.get(..n)?).ok()?;
    s.chars().next().map(|c| (c, n))
}

fn parse_escape(b: &[u8]) -> Parsed {
    let Some(&second) = b.get(1) else {
        // A lone ESC: more may follow in this chunk or soon (`timeout`).
        return Parsed::Incomplete;
    };
    match second {
        b'[' => parse_csi(b),
        b'O' => match b.get(2) {
            None => Parsed::Incomplete,
            Some(&c) => Parsed::Event(3, ss3(c).map(|code| key(code, KeyModifiers::NONE))),
        },
        0x1b => Parsed::Event(1, Some(key(KeyCode::Esc, KeyModifiers::NONE))),
        _ => match parse_one(&b[1..]) {
            Parsed::Event(n, Some(Event::Key(k))) => {
                Parsed::Event(n + 1, Some(key(k.code, k.modifiers | KeyModifiers::ALT)))
            }
            Parsed::Event(n, _) => Parsed::Event(n + 1, None),
            other => other,
        },
    }
}

fn ss3(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        _ => return None,
    })
}

/// `ESC [ params final`: keys with modifiers, SGR mouse, paste start.
fn parse_csi(b: &[u8]) -> Parsed {
    let Some(end) = b[2..].iter().position(|&c| (0x40..=0x7e).contains(&c)) else {
        return Parsed::Incomplete;
    };
    let len = 2 + end + 1;
    if b[..len] == *PASTE_START {
        return Parsed::PasteStart(len);
    }
    let params = &b[2..2 + end];
    let fin = b[2 + end];
    let text = std::str::from_utf8(params).unwrap_or("");
    if let Some(sgr) = text.strip_prefix('<') {
        return Parsed::Event(len, mouse(sgr, fin));
    }
    let nums: Vec<u16> = text.split(';').map(|p| p.parse().unwrap_or(0)).collect();
    let mods = modifiers(nums.get(1).copied().unwrap_or(1));
    let code = match fin {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        b'Z' => return Parsed::Event(len, Some(key(KeyCode::BackTab, KeyModifiers::SHIFT))),
        b'P'..=b'S' => Some(KeyCode::F(1 + fin - b'P')),
        b'~' => match nums.first().copied().unwrap_or(0) {
            1 | 7 => Some(KeyCode::Home),
            2 => Some(KeyCode::Insert),
            3 => Some(KeyCode::Delete),
            4 | 8 => Some(KeyCode::End),
            5 => Some(KeyCode::PageUp),
            6 => Some(KeyCode::PageDown),
            n @ 11..=15 => Some(KeyCode::F((n - 10) as u8)),
            n @ 17..=21 => Some(KeyCode::F((n - 11) as u8)),
            n @ 23..=24 => Some(KeyCode::F((n - 12) as u8)),
            _ => None,
        },
        _ => None,
    };
    Parsed::Event(len, code.map(|c| key(c, mods)))
}

/// xterm's modifier parameter: 1 + shift(1) + alt(2) + ctrl(4).
fn modifiers(p: u16) -> KeyModifiers {
    let bits = p.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// SGR mouse: `ESC [ < button ; column ; row M|m`, 1-based.
fn mouse(params: &str, fin: u8) -> Option<Event> {
    let mut it = params.split(';').map(|p| p.parse::<u16>().ok());
    let (cb, column, row) = (it.next()??, it.next()??, it.next()??);
    let mut modifiers = KeyModifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let button = match cb & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 64 != 0 {
        match cb & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if fin == b'm' {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers,
    }))
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
