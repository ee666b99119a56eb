//! Where the command line writes: stdout and stderr behind one guard.
//!
//! - No ESC byte reaches either stream: every ESC that would be written
//!   becomes `␛` (U+241B). Text from articles and file names is already
//!   made inert field by field (`sanitize::inert`); the guard is the last
//!   line for anything that was missed. Only `show --evidence` on a
//!   terminal, which styles its own output, writes escapes on purpose.
//! - A closed stdout (`hotline export | head -1`) is remembered, so the
//!   error that follows is a quiet exit 0 whatever wrapped it
//!   (serde_json, csv, anyhow).
//! - Writing to stderr never fails the program: a warning that can't be
//!   written is dropped (`2>/dev/full`, a closed stderr pipe).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write to stdout failed because the reader went away.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// What replaces an ESC byte.
const ESC_PICTURE: &[u8] = "␛".as_bytes();

/// A writer that replaces ESC bytes (unless `escapes` allows them) and
/// records a broken pipe.
pub struct Guard<W: Write> {
    inner: W,
    escapes: bool,
    stdout: bool,
}

impl<W: Write> Guard<W> {
    /// Guard stdout: ESC replaced, a broken pipe remembered.
    pub fn stdout(inner: W) -> Guard<W> {
        Guard {
            inner,
            escapes: false,
            stdout: true,
        }
    }

    /// Guard any other writer (stderr, a test buffer).
    pub fn other(inner: W) -> Guard<W> {
        Guard {
            inner,
            escapes: false,
            stdout: false,
        }
    }

    /// The writer guarded: text gathered here before it goes on (to a
    /// pager).
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// Let escape sequences through (styled output on a terminal only).
    pub fn allow_escapes(&mut self, allow: bool) {
        self.escapes = allow;
    }

    fn note<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if self.stdout
            && let Err(e) = &result
            && e.kind() == io::ErrorKind::BrokenPipe
        {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
        result
    }
}

impl<W: Write> Write for Guard<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.escapes {
            let r = self.inner.write(buf);
            return self.note(r);
        }
        let r = match buf.iter().position(|&b| b == 0x1b) {
            None => self.inner.write(buf),
            Some(0) => self.inner.write_all(ESC_PICTURE).map(|()| 1),
            Some(i) => self.inner.write(&buf[..i]),
        };
        self.note(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

/// Did stdout's reader go away (so an error now is no failure)?
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Whether `error` is, underneath any wrapping, a closed pipe.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        if let Some(json) = e.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
        }
        if let Some(csv) = e.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(io) = csv.kind()
        {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        false
    })
}

/// Write one line to stderr, without ESC; a failure is ignored (there is
/// nowhere left to report it).
pub fn eprint_line(line: &str) {
    let stderr = io::stderr();
    let mut err = Guard::other(stderr.lock());
    let _ = err.write_all(line.as_bytes());
    let _ = err.write_all(b"\n");
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_never_passes_unless_allowed() {
        let mut g = Guard::other(Vec::new());
        g.write_all(b"a\x1b]0;PWNED\x07b\x1b\x1b").unwrap();
        let out = String::from_utf8(g.inner.clone()).unwrap();
        assert_eq!(out, "a␛]0;PWNED\u{7}b␛␛");
        let mut g = Guard::other(Vec::new());
        g.allow_escapes(true);
        g.write_all(b"\x1b[1m").unwrap();
        assert_eq!(g.inner, b"\x1b[1m");
    }

    #[test]
    fn broken_pipe_is_seen_through_wrappers() {
        let io_err = || io::Error::from(io::ErrorKind::BrokenPipe);
        let json = serde_json::Error::io(io_err());
        assert!(is_broken_pipe(&anyhow::Error::new(json)));
        assert!(is_broken_pipe(&anyhow::Error::new(io_err()).context("x")));
        let csv: csv::Error = io_err().into();
        assert!(is_broken_pipe(&anyhow::Error::new(csv)));
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert!(!is_broken_pipe(&anyhow::Error::new(full)));
    }
}
