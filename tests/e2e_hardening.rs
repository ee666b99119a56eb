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
use std::process::Command;
use std::time::{Duration, Instant};
use support::tmux::{Tmux, release_binary};

/// `hotline ARGS` for a 120×40 session; the pane stays to show how it
/// ended; its pid goes to `pid_file`.
fn start(name: &str, pid_file: &Path, args: &str) -> Tmux {
    let command = format!(
        "sh -c 'echo $$ > {pid}; exec {bin} {args}'; echo \"hotline exited with status $?\"; sleep 600",
        pid = pid_file.display(),
        bin = release_binary()
    );
    Tmux::start(name, (120, 40), &command)
}

#[test]
fn an_unfinished_paste_does_not_swallow_q() {
    if !Tmux::available("the hardening e2e tests") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = start("paste", &dir.path().join("pid"), "");
    t.wait_text("Timeline");
    // The start of a bracketed paste, and never its end.
    t.text("\x1b[200~abc");
    std::thread::sleep(Duration::from_millis(600));
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
}

#[test]
fn many_hits_do_not_freeze_and_sigterm_ends_at_once() {
    if !Tmux::available("the hardening e2e tests") {
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
    let t = start("hits", &pid_file, file.to_str().unwrap());
    t.wait_text("Timeline");
    t.keys(&["/"]);
    t.text("xi");
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
    if !Tmux::available("the hardening e2e tests") {
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
    let t = start("hostile", &dir.path().join("pid"), root.to_str().unwrap());
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
