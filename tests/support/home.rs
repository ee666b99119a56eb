//! A stand-in home for every hotline a test starts: `HOME` and the three
//! XDG folders point into a folder under the build's temp dir, one per test
//! process, so no test reads or writes the real `~/.cache`, state or config.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The variables hotline (and `etcetera`) read to find its folders.
const VARIABLES: [(&str, &str); 4] = [
    ("HOME", ""),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CONFIG_HOME", "config"),
];

/// This process's stand-in home, made on first use. Folders left by test
/// processes that are gone are removed then, so they never pile up.
pub fn dir() -> &'static Path {
    static HOME: OnceLock<PathBuf> = OnceLock::new();
    HOME.get_or_init(|| {
        let parent = Path::new(env!("CARGO_TARGET_TMPDIR")).join("isolated-home");
        remove_stale(&parent);
        let home = parent.join(std::process::id().to_string());
        for (_, sub) in VARIABLES {
            fs::create_dir_all(home.join(sub)).expect("make the stand-in home");
        }
        home
    })
}

/// Folders named after a process id that no longer runs.
fn remove_stale(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let alive = name
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|pid| Path::new("/proc").join(pid.to_string()).exists());
        if !alive {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// The pairs to set on a child process.
pub fn vars() -> impl Iterator<Item = (&'static str, PathBuf)> {
    VARIABLES.iter().map(|&(name, sub)| (name, dir().join(sub)))
}

/// `.isolated()` on a command: the child sees only the stand-in home.
pub trait Isolated {
    fn isolated(&mut self) -> &mut Self;
}

impl Isolated for std::process::Command {
    fn isolated(&mut self) -> &mut Self {
        for (name, path) in vars() {
            self.env(name, OsStr::new(&path));
        }
        self
    }
}

impl Isolated for assert_cmd::Command {
    fn isolated(&mut self) -> &mut Self {
        for (name, path) in vars() {
            self.env(name, OsStr::new(&path));
        }
        self
    }
}
