//! Opening files the user names, safely: every file hotline reads (corpus
//! articles, `--leaders`, `--topics`) is opened here.
//!
//! - Opened with `O_NONBLOCK | O_NOCTTY`, so a FIFO (even one swapped in
//!   for a regular file between a `stat` and the `open`) can not block,
//!   and a terminal device never becomes ours.
//! - Checked on the opened handle (`fstat`) to be a regular file: FIFOs,
//!   sockets, `/dev/zero`, `/dev/urandom` and directories are refused.
//! - Read with a size limit, whatever the file claims or grows to.
//!
//! Also the directory policy of the walk: which directories a symbolic
//! link may lead into, and which trees are never walked (`/proc`, `/sys`,
//! `/dev`).

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug)]
pub enum OpenError {
    /// Not a regular file (FIFO, socket, device, directory).
    NotRegular(&'static str),
    /// Larger than the limit (its size, or "more than the limit").
    TooLarge(u64),
    /// The system said no.
    Io(io::Error),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::NotRegular(kind) => write!(f, "not a regular file ({kind})"),
            OpenError::TooLarge(len) => write!(f, "larger than the limit ({len} bytes or more)"),
            OpenError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// Open `path` for reading without blocking and check, on the handle,
/// that it is a regular file. Gives the file and its metadata.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), OpenError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK (04000) and O_NOCTTY (0400) on Linux; the BSDs and
        // macOS use 0x4 and 0x20000.
        #[cfg(any(target_os = "linux", target_os = "android"))]
        options.custom_flags(0o4000 | 0o400);
        #[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
        options.custom_flags(0x4 | 0x20000);
    }
    let file = options.open(path).map_err(OpenError::Io)?;
    let meta = file.metadata().map_err(OpenError::Io)?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular(kind_of(&meta)));
    }
    Ok((file, meta))
}

/// What a non-regular file is, in words.
fn kind_of(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}

/// Read an opened file to its end, refusing more than `limit` bytes.
///
/// A file still the size its `fstat` gave (`meta`) takes one `read`: one
/// byte more than that is asked for, and a read stopping short of it met
/// the end, so no second `read` is spent to see it. A file that grew since
/// is read on, up to the limit and never past it; one that shrank ends
/// where its reads end.
// `vec![0; n]` is what the lint asks for: see the allocation below.
#[allow(clippy::slow_vector_initialization)]
pub fn read_limited(mut file: File, meta: &Metadata, limit: u64) -> Result<Vec<u8>, OpenError> {
    if meta.len() > limit {
        return Err(OpenError::TooLarge(meta.len()));
    }
    // Within `limit`, which fits memory as a budget does.
    let len = meta.len() as usize;
    // Allocated, then zeroed: `vec![0; n]` asks for zeroed memory
    // (`calloc`), which glibc serves past its per-thread cache, the slow
    // way, for every file read.
    let mut bytes = Vec::with_capacity(len + 1);
    bytes.resize(len + 1, 0u8);
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => {
                filled += n;
                if filled == len {
                    break;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(OpenError::Io(e)),
        }
    }
    if filled <= len {
        bytes.truncate(filled);
        return Ok(bytes);
    }
    file.take(limit + 1 - filled as u64)
        .read_to_end(&mut bytes)
        .map_err(OpenError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(OpenError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Data files (`--leaders`, `--topics`) are small: this much at most.
pub const MAX_DATA_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Read a small data file as text: a regular file, at most
/// `MAX_DATA_FILE_BYTES`, valid UTF-8.
pub fn read_data_file(path: &Path) -> Result<String, OpenError> {
    let (file, meta) = open_regular(path)?;
    let bytes = read_limited(file, &meta, MAX_DATA_FILE_BYTES)?;
    String::from_utf8(bytes)
        .map_err(|_| OpenError::Io(io::Error::new(io::ErrorKind::InvalidData, "not UTF-8")))
}

/// Trees no article lives in, whose files never end (`/proc/kcore`,
/// `/dev/zero`) and whose links lead everywhere (`/proc/self/root`).
const NEVER_WALKED: [&str; 3] = ["/proc", "/sys", "/dev"];

/// Whether the real (canonical) path `real` is inside a tree never walked.
pub fn is_forbidden(real: &Path) -> bool {
    cfg!(unix) && NEVER_WALKED.iter().any(|root| real.starts_with(root))
}

/// Whether a directory symbolic link whose target is the canonical `real`
/// may be followed: into `/proc`, `/sys` and `/dev` never; elsewhere when
/// `follow` is set or the target stays inside one of the canonical `roots`.
pub fn may_follow(real: &Path, roots: &[PathBuf], follow: bool) -> bool {
    !is_forbidden(real) && (follow || roots.iter().any(|r| real.starts_with(r)))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_refused_without_blocking() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("p.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        // No writer: a blocking open would never return.
        let err = open_regular(&fifo).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
        for dev in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            let err = open_regular(Path::new(dev)).unwrap_err();
            assert!(err.to_string().contains("device"), "{dev}: {err}");
        }
        let err = read_data_file(tmp.path()).unwrap_err();
        assert!(err.to_string().contains("directory"), "{err}");
    }

    #[test]
    fn reads_are_limited() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("a");
        std::fs::write(&p, b"0123456789").unwrap();
        let (f, m) = open_regular(&p).unwrap();
        assert_eq!(read_limited(f, &m, 10).unwrap(), b"0123456789");
        let (f, m) = open_regular(&p).unwrap();
        assert!(matches!(
            read_limited(f, &m, 9),
            Err(OpenError::TooLarge(10))
        ));
    }

    #[test]
    fn a_file_that_changed_since_its_stat_is_read_as_it_is_within_the_limit() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("a");
        std::fs::write(&p, b"01234").unwrap();
        let (f, m) = open_regular(&p).unwrap();
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_limited(f, &m, 10).unwrap(), b"0123456789");
        let (f, m) = open_regular(&p).unwrap();
        std::fs::write(&p, b"0123456789ab").unwrap();
        assert!(matches!(
            read_limited(f, &m, 10),
            Err(OpenError::TooLarge(11))
        ));
        std::fs::write(&p, b"0123456789").unwrap();
        let (f, m) = open_regular(&p).unwrap();
        std::fs::write(&p, b"012").unwrap();
        assert_eq!(read_limited(f, &m, 10).unwrap(), b"012");
        std::fs::write(&p, b"").unwrap();
        let (f, m) = open_regular(&p).unwrap();
        assert_eq!(read_limited(f, &m, 10).unwrap(), b"");
    }

    #[test]
    fn link_policy() {
        let roots = [PathBuf::from("/data/news")];
        assert!(may_follow(Path::new("/data/news/2020"), &roots, false));
        assert!(!may_follow(Path::new("/data/other"), &roots, false));
        assert!(may_follow(Path::new("/data/other"), &roots, true));
        for bad in ["/proc", "/proc/1/root", "/sys/kernel", "/dev"] {
            assert!(!may_follow(Path::new(bad), &roots, true), "{bad}");
        }
        assert!(!is_forbidden(Path::new("/devices")));
    }
}
