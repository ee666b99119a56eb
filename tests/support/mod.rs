//! Running the real binary under a time limit while sampling its peak
//! memory, and snapshots of a folder to prove it unchanged.
#![allow(dead_code)]

pub mod cached;
pub mod home;
pub mod queries;
pub mod tmux;

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use home::Isolated;

/// What a run gave.
pub struct Run {
    /// `None` when a signal ended it.
    pub status: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Peak resident memory (VmHWM) seen, in KB.
    pub peak_kb: u64,
}

impl Run {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Longest any one run may take (a debug build, on a loaded machine).
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// Where the child's stdout goes.
pub enum Stdout {
    /// A pipe read to its end.
    Pipe,
    /// A pipe whose reader is gone before the child writes.
    Closed,
    /// `/dev/full`: every write fails with ENOSPC.
    Full,
}

/// Run `hotline ARGS` with stdin closed and stdout read; fail the test if
/// it takes longer than `TIME_LIMIT`.
pub fn run(args: &[&str]) -> Run {
    run_with(args, Stdout::Pipe, Stdout::Pipe)
}

/// `run`, choosing where stdout and stderr go.
pub fn run_with(args: &[&str], stdout: Stdout, stderr: Stdout) -> Run {
    let open = |s: &Stdout| match s {
        Stdout::Full => Stdio::from(fs::File::create("/dev/full").expect("/dev/full")),
        _ => Stdio::piped(),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_hotline"))
        .args(args)
        .env("NO_COLOR", "1")
        .isolated()
        .stdin(Stdio::null())
        .stdout(open(&stdout))
        .stderr(open(&stderr))
        .spawn()
        .expect("hotline starts");
    if matches!(stdout, Stdout::Closed) {
        drop(child.stdout.take());
    }
    if matches!(stderr, Stdout::Closed) {
        drop(child.stderr.take());
    }
    let pid = child.id();
    // Drain both pipes on threads so a full pipe never stalls the child.
    let drain = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("hotline {args:?} took more than {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        status: status.code(),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        peak_kb: peak,
    }
}

/// Everything about a folder that a run could change, links not followed:
/// each entry's type, mode, size, modification time, link target, and a
/// hash of each regular file's bytes.
pub fn snapshot(root: &Path) -> BTreeMap<Vec<u8>, (String, u64)> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::MetadataExt;
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read_dir").flatten() {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).expect("lstat");
            let mut hash = DefaultHasher::new();
            let kind = if meta.file_type().is_symlink() {
                fs::read_link(&path).expect("readlink").hash(&mut hash);
                "link"
            } else if meta.is_dir() {
                stack.push(path.clone());
                "dir"
            } else if meta.is_file() {
                fs::read(&path).expect("read").hash(&mut hash);
                "file"
            } else {
                "special"
            };
            let desc = format!(
                "{kind} {:o} {} {} {}",
                meta.mode(),
                meta.len(),
                meta.mtime(),
                meta.mtime_nsec()
            );
            out.insert(path.as_os_str().as_bytes().to_vec(), (desc, hash.finish()));
        }
    }
    out
}
