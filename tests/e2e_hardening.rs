//! End to end, in tmux, the hardening cases of the real binary: a bracketed
//! paste that never ends does not swallow `q`; `n` on a text with a
//! hundred thousand filter hits does not freeze, and SIGTERM ends the
//! program at once; the browser over the hostile folder (FIFO, /dev/zero
//! link, link into /proc) opens, lists its warnings and quits.
//!
//! Needs tmux (skipped with a message without it, failing when `CI` is
//! set). Uses the release binary `tests/e2e_tmux.rs` builds.
#![cfg(target_os = "linux")]

mod support;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use support::home::Isolated;

fn release_binary() -> &'static str {
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
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        target.join("release").join("hotline").display().to_string()
    })
}

const TIMEOUT: Duration = Duration::from_secs(20);

struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
            eprintln!("SKIPPED: tmux is not installed");
        }
        found
    }

    /// `hotline ARGS` in a 120×40 session; the pane stays to show how it
    /// ended; its pid goes to `pid_file`.
    fn start(name: &str, pid_file: &Path, args: &str) -> Tmux {
        let t = Tmux {
            socket: format!("hotline-hard-{}-{name}", std::process::id()),
        };
        let command = format!(
            "sh -c 'echo $$ > {pid}; exec {bin} {args}'; echo \"hotline exited with status $?\"; sleep 600",
            pid = pid_file.display(),
            bin = release_binary()
        );
        let out = t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            &command,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .isolated()
            .env("TERM", "xterm-256color")
            .output()
            .expect("run tmux")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Bytes as if typed: `send-keys -l` passes escape sequences through.
    fn raw(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn an_unfinished_paste_does_not_swallow_q() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start("paste", &dir.path().join("pid"), "");
    t.wait_text("Timeline");
    // The start of a bracketed paste, and never its end.
    t.raw("\x1b[200~abc");
    std::thread::sleep(Duration::from_millis(600));
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
}

#[test]
fn many_hits_do_not_freeze_and_sigterm_ends_at_once() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("xi.txt");
    std::fs::write(
        &file,
        " date 2025-06-10\n".to_string() + &"Xi. ".repeat(100_000),
    )
    .unwrap();
    let pid_file = dir.path().join("pid");
    let t = Tmux::start("hits", &pid_file, file.to_str().unwrap());
    t.wait_text("Timeline");
    t.keys(&["/"]);
    t.raw("xi");
    t.wait_text("1 article");
    t.keys(&["Enter"]);
    // `n` may come before matching answers: the jump follows the answer.
    t.keys(&["n"]);
    t.wait_text("hit 1 of");
    t.keys(&["n"]);
    t.wait_text("hit 2 of");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let started = Instant::now();
    assert!(
        Command::new("kill")
            .args(["-TERM", pid.trim()])
            .status()
            .unwrap()
            .success()
    );
    t.wait_text("hotline exited with status 143");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn the_browser_opens_the_hostile_folder_and_quits() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(
        root.join("good.txt"),
        " date 2025-06-10 Lee and Xi talk\nPresident Lee Jae-myung spoke by phone with Chinese President Xi Jinping on Tuesday.\n",
    )
    .unwrap();
    let made = Command::new("mkfifo")
        .arg(root.join("fifo.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/proc", root.join("proc")).unwrap();
    std::fs::write(
        root.join("esc\x1b]0;PWNED\x07.txt"),
        "Xi \x1b]0;PWNED\x07 Lee",
    )
    .unwrap();
    let t = Tmux::start("hostile", &dir.path().join("pid"), root.to_str().unwrap());
    t.wait_text("Lee–Xi");
    t.keys(&["w"]);
    let screen = t.wait_text("fifo.txt");
    assert!(screen.contains("zero.txt"), "{screen}");
    assert!(!screen.contains("PWNED\u{7}"), "{screen}");
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
    let title = t.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
    assert!(!String::from_utf8_lossy(&title.stdout).contains("PWNED"));
}
