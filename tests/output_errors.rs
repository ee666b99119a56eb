//! Output that can't be written: a closed stdout pipe is a quiet exit 0
//! for every command and format (`hotline export | head -1`); a stdout
//! that fails otherwise (`>/dev/full`) is an error, `--help` and
//! `--version` included; a stderr that can't be written (`2>/dev/full`, a
//! closed pipe) is ignored, never a panic.
#![cfg(target_os = "linux")]

mod support;

use support::{Stdout, run_with};

const GOOD: &str = " date 2025-06-10 Lee and Xi talk\nPresident Lee Jae-myung spoke by phone with Chinese President Xi Jinping on Tuesday for 30 minutes.\n";

/// A folder with an article and a FIFO (which gives a warning on stderr).
fn folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..50 {
        std::fs::write(tmp.path().join(format!("a{i:02}.txt")), GOOD).unwrap();
    }
    let made = std::process::Command::new("mkfifo")
        .arg(tmp.path().join("fifo.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    tmp
}

fn commands(dir: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["list", dir],
        vec!["list", "--json", dir],
        vec![dir],
        vec!["search", "xi", dir],
        vec!["search", "--json", "xi", dir],
        vec!["export", dir],
        vec!["export", "--format", "csv", dir],
        vec!["export", "--format", "markdown", dir],
        vec!["show", "2025-06-10-lee-xi", dir],
        vec!["check", dir],
    ]
}

#[test]
fn a_closed_stdout_is_a_quiet_success() {
    let tmp = folder();
    let dir = tmp.path().to_str().unwrap();
    for args in commands(dir) {
        let r = run_with(&args, Stdout::Closed, Stdout::Pipe);
        let err = r.stderr_text();
        // `check` says 1 for the FIFO whatever happens to its report.
        let expected = if args[0] == "check" { [0, 1] } else { [0, 0] };
        assert!(
            r.status.is_some_and(|s| expected.contains(&s)),
            "{args:?}: {:?} {err}",
            r.status
        );
        assert!(
            !err.contains("Broken pipe") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn stderr_that_cannot_be_written_is_ignored() {
    let tmp = folder();
    let dir = tmp.path().to_str().unwrap();
    for stderr in [Stdout::Full, Stdout::Closed] {
        for args in commands(dir) {
            let r = run_with(&args, Stdout::Pipe, stderr_kind(&stderr));
            let expected = if args[0] == "check" { 1 } else { 0 };
            assert_eq!(r.status, Some(expected), "{args:?}");
            assert!(!r.stdout.is_empty(), "{args:?}");
        }
    }
    // An error message that can't be written still gives the error status.
    let r = run_with(&["show", "no-such-id", dir], Stdout::Pipe, Stdout::Full);
    assert!(
        r.status.is_some_and(|s| s != 0 && s != 101),
        "{:?}",
        r.status
    );
}

fn stderr_kind(s: &Stdout) -> Stdout {
    match s {
        Stdout::Full => Stdout::Full,
        Stdout::Closed => Stdout::Closed,
        Stdout::Pipe => Stdout::Pipe,
    }
}

#[test]
fn a_full_stdout_is_an_error_for_help_and_version_too() {
    let tmp = folder();
    let dir = tmp.path().to_str().unwrap();
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["list", "--help"],
        vec!["list", dir],
    ] {
        let r = run_with(&args, Stdout::Full, Stdout::Pipe);
        assert_eq!(r.status, Some(2), "{args:?}: {}", r.stderr_text());
        assert!(
            r.stderr_text().contains("No space left"),
            "{args:?}: {}",
            r.stderr_text()
        );
    }
    // Closed, they are quiet successes like everything else.
    for args in [vec!["--help"], vec!["--version"]] {
        let r = run_with(&args, Stdout::Closed, Stdout::Pipe);
        assert_eq!(r.status, Some(0), "{args:?}: {}", r.stderr_text());
    }
}
