//! A tmux server of the test's own (`-L`), running one command in a
//! session of a given size, with the keys, captures and waits the
//! end-to-end tests share, and the release binary they drive.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::home::Isolated;

/// How long a wait for the screen may take (a loaded CI machine).
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The release binary, built once per test process into `target/e2e` (a
/// target folder of its own, so it never waits on the test build's lock).
pub fn release_binary() -> &'static str {
    static BIN: OnceLock<String> = OnceLock::new();
    BIN.get_or_init(|| {
        let root = env!("CARGO_MANIFEST_DIR");
        let target = Path::new(root).join("target").join("e2e");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let built = Command::new(cargo)
            .args(["build", "--release", "--bin", "hotline", "--target-dir"])
            .arg(&target)
            .current_dir(root)
            .output()
            .expect("cargo runs");
        assert!(
            built.status.success(),
            "cargo build --release failed:\n{}",
            String::from_utf8_lossy(&built.stderr)
        );
        target.join("release").join("hotline").display().to_string()
    })
}

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Whether tmux is here; without it a test is skipped with a message,
    /// except in CI (`.ci/run` installs it), where that is a failure.
    pub fn available(what: &str) -> bool {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required for the end-to-end tests in CI (.ci/run installs it)"
            );
            eprintln!("SKIPPED: tmux is not installed; {what} did not run");
        }
        found
    }

    /// `command` in a detached `width`×`height` session on a server named
    /// after the test process and `name`.
    pub fn start(name: &str, (width, height): (u16, u16), command: &str) -> Tmux {
        let t = Tmux {
            socket: format!("hotline-e2e-{}-{name}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            // The server and so every pane start with the test's own HOME
            // and XDG folders, whatever the command line sets on top.
            .isolated()
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color")
            .output()
            .expect("run tmux")
    }

    /// Keys as tmux names them (`Enter`, `C-c`, `-l TEXT`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// `text` typed literally.
    pub fn text(&self, text: &str) {
        self.keys(&["-l", text]);
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// The screen with its styles as escape sequences (`capture-pane -e`).
    pub fn capture_styled(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout)
            .into_owned()
    }

    /// The screen once `ok` holds for it; a timeout fails the test and
    /// shows the screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    /// A tmux format read off the pane (`#{cursor_x}`, `#{pane_dead}`).
    pub fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The window resized to `width`×`height`, as a terminal resize.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        let out = self.run(&["resize-window", "-t", "e2e", "-x", &w, "-y", &h]);
        assert!(
            out.status.success(),
            "resize-window: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
