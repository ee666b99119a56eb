//! The hostile folder: every subcommand and output format of the real
//! binary over a folder built to break it — a FIFO, a socket, links to
//! `/dev/zero` and `/dev/urandom`, symbolic link loops, a directory named
//! `x.txt`, a link into `/proc`, names with a newline, an ESC sequence and
//! invalid UTF-8, 10 MiB of `"Xi. "`, a 3 MB line, zalgo text and bidi
//! controls — each run under a time limit, asserting the documented exit
//! status, no ESC byte on stdout or stderr, a warning naming each bad
//! file, a bounded peak memory (the child's VmHWM, sampled from
//! `/proc/<pid>/status`), and the folder byte-identical afterwards.
#![cfg(target_os = "linux")]

mod support;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;

use support::{Run, run, snapshot};

/// A good article, so there is a call to list, show and export.
const GOOD: &str = " date 2025-06-10 Lee and Xi talk\nPresident Lee Jae-myung spoke by phone with Chinese President Xi Jinping on Tuesday for 30 minutes, the presidential office said.\n";

/// Build the hostile folder in `root`; keeps the socket's listener alive.
fn build(root: &Path) -> std::os::unix::net::UnixListener {
    fs::write(root.join("good.txt"), GOOD).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(root.join("fifo.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let socket = std::os::unix::net::UnixListener::bind(root.join("sock.txt")).unwrap();
    symlink("/dev/zero", root.join("zero.txt")).unwrap();
    symlink("/dev/urandom", root.join("urandom.txt")).unwrap();
    symlink(root, root.join("loop")).unwrap();
    symlink("/proc", root.join("proc")).unwrap();
    symlink(root.join("b.txt"), root.join("a.txt")).unwrap();
    symlink(root.join("a.txt"), root.join("b.txt")).unwrap();
    fs::create_dir(root.join("x.txt")).unwrap();
    fs::write(
        root.join("x.txt/inner.txt"),
        GOOD.replace("Tuesday", "June 10"),
    )
    .unwrap();
    fs::write(root.join("new\nline.txt"), GOOD).unwrap();
    fs::write(root.join("esc\x1b]0;PWNED\x07.txt"), GOOD).unwrap();
    let bad = OsStr::from_bytes(b"bad\xff\xfename.txt");
    fs::write(root.join(bad), GOOD).unwrap();
    let xi = " date 2025-06-10\n".to_string() + &"Xi. ".repeat(10 * 1024 * 1024 / 4 - 8);
    fs::write(root.join("xi.txt"), xi).unwrap();
    let line = "Lee Jae-myung Xi Jinping phone ".repeat(3_000_000 / 31);
    fs::write(root.join("long_line.txt"), line).unwrap();
    let zalgo: String = "Xi Jinping called Lee Jae-myung"
        .chars()
        .flat_map(|c| {
            std::iter::once(c).chain("\u{301}\u{316}\u{334}\u{35c}".chars().cycle().take(40))
        })
        .collect();
    fs::write(root.join("zalgo.txt"), zalgo.repeat(50)).unwrap();
    fs::write(
        root.join("bidi.txt"),
        "Lee \u{202e}ix\u{202c} Jae-myung spoke to \u{2067}Xi\u{2069} \u{1b}[31mJinping\u{1b}]0;t\u{7} by phone.\n",
    )
    .unwrap();
    socket
}

/// Files that must each get a warning naming them.
const BAD: [&str; 6] = [
    "fifo.txt",
    "sock.txt",
    "zero.txt",
    "urandom.txt",
    "a.txt",
    "b.txt",
];

/// Peak memory allowed: the corpus is about 13.5 MB; the bound
/// is 3× on hostile files, and the binary itself takes a few MB.
const PEAK_KB: u64 = 3 * 14 * 1024 + 16 * 1024;

fn check_run(what: &str, r: &Run, status: i32, root: &Path) {
    assert_eq!(r.status, Some(status), "{what}: {}", r.stderr_text());
    assert!(!r.stdout.contains(&0x1b), "{what}: ESC on stdout");
    assert!(!r.stderr.contains(&0x1b), "{what}: ESC on stderr");
    assert!(r.peak_kb < PEAK_KB, "{what}: peak {} KB", r.peak_kb);
    // Warnings go to stderr (check: to stdout), each naming its file.
    let said = format!("{}{}", r.stdout_text(), r.stderr_text());
    for name in BAD {
        let path = root.join(name).display().to_string();
        assert!(
            said.contains(&path),
            "{what}: no warning names {name}:\n{said}"
        );
    }
    assert!(
        said.contains("proc"),
        "{what}: the /proc link is not reported"
    );
}

#[test]
fn every_subcommand_and_format_survives_the_hostile_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("hostile");
    fs::create_dir(&root).unwrap();
    let _socket = build(&root);
    let before = snapshot(&root);
    let dir = root.to_str().unwrap();

    let r = run(&["check", dir]);
    check_run("check", &r, 1, &root);
    let out = r.stdout_text();
    assert!(out.contains("2025-06-10-lee-xi"), "{out}");
    // The files named with an escape, a newline and invalid UTF-8 load,
    // their names shown inert.
    assert!(out.contains("hostile/esc.txt  2025-06-10-lee-xi"), "{out}");
    assert!(
        out.contains("hostile/new line.txt  2025-06-10-lee-xi"),
        "{out}"
    );
    assert!(out.contains("hostile/bad\u{fffd}\u{fffd}name.txt"), "{out}");
    assert!(
        out.contains("9 articles read, 7 files failed, 1 calls"),
        "{out}"
    );

    for args in [
        vec!["list", dir],
        vec!["list", "--json", dir],
        vec![dir],
        vec!["search", "xi", dir],
        vec!["search", "--json", "xi", dir],
        vec!["export", "--format", "json", dir],
        vec!["export", "--format", "csv", dir],
        vec!["export", "--format", "markdown", dir],
        vec!["show", "2025-06-10-lee-xi", dir],
        vec!["show", "--evidence", "2025-06-10-lee-xi", dir],
        vec!["show", "xi", dir],
    ] {
        let r = run(&args);
        check_run(&args.join(" "), &r, 0, &root);
        assert!(!r.stdout.is_empty(), "{args:?}: no output");
    }
    let r = run(&["export", "--format", "csv", dir]);
    assert!(r.stdout_text().contains("2025-06-10-lee-xi"));

    assert!(before == snapshot(&root), "the folder changed");
}

#[test]
fn data_files_that_are_special_files_fail_fast() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("p.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let fifo = fifo.to_str().unwrap();
    for (flag, file) in [
        ("--leaders", fifo),
        ("--topics", fifo),
        ("--leaders", "/dev/zero"),
        ("--topics", "/dev/urandom"),
        ("--leaders", tmp.path().to_str().unwrap()),
    ] {
        let r = run(&["list", flag, file]);
        assert_eq!(r.status, Some(2), "{flag} {file}");
        assert!(
            r.stderr_text().contains(file),
            "{flag} {file}: {}",
            r.stderr_text()
        );
        assert!(
            r.peak_kb < 64 * 1024,
            "{flag} {file}: peak {} KB",
            r.peak_kb
        );
    }
    // An escape in the path and in a bad line never reaches stderr.
    let bad = tmp.path().join("le\x1b]0;x\x07aders.toml");
    fs::write(&bad, "home = \"KR\"\n\x1b[31m oops = [\n").unwrap();
    let r = run(&["list", "--leaders", bad.to_str().unwrap()]);
    assert_eq!(r.status, Some(2));
    assert!(!r.stderr.contains(&0x1b), "{}", r.stderr_text());
    assert!(
        r.stderr_text().contains("aders.toml"),
        "{}",
        r.stderr_text()
    );
}

#[test]
fn links_out_of_the_given_paths_are_followed_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let (inside, outside) = (tmp.path().join("in"), tmp.path().join("out"));
    fs::create_dir_all(inside.join("sub")).unwrap();
    fs::create_dir(&outside).unwrap();
    fs::write(inside.join("sub/a.txt"), GOOD).unwrap();
    fs::write(outside.join("o.txt"), GOOD.replace("Tuesday", "June 10")).unwrap();
    symlink(&outside, inside.join("elsewhere")).unwrap();
    symlink(inside.join("sub"), inside.join("again")).unwrap();
    symlink("/proc", inside.join("proc")).unwrap();
    symlink("/", inside.join("root")).unwrap();
    let dir = inside.to_str().unwrap();
    let r = run(&["check", dir]);
    let out = r.stdout_text();
    assert!(out.contains("1 articles read"), "{out}");
    assert!(r.stderr_text().is_empty() || !r.stderr_text().contains("o.txt"));
    assert!(
        out.contains("elsewhere") && out.contains("not followed"),
        "{out}"
    );
    // `--follow` follows links anywhere (but /proc): not to the root.
    fs::remove_file(inside.join("root")).unwrap();
    let r = run(&["check", "--follow", dir]);
    let out = r.stdout_text();
    assert!(out.contains("2 articles read"), "{out}");
    assert!(out.contains("o.txt"), "{out}");
    // Never into /proc, not even with --follow, nor when named.
    assert!(!out.contains("/proc/"), "{out}");
    let r = run(&["check", "/proc"]);
    assert!(
        r.stdout_text().contains("0 articles read"),
        "{}",
        r.stdout_text()
    );
}

/// Impossible dates: a header date that is not a real `YYYY-MM-DD` is a
/// warning naming the file and the text; an impossible day in the text is
/// as if no day were written (the call stays); a year-one header places
/// no call outside the leaders' terms.
#[test]
fn impossible_dates_warn_and_never_misplace_a_call() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "President Moon Jae-in spoke by phone with Chinese President Xi Jinping";
    let files = [
        (
            "feb30.txt",
            format!(" date 2021-02-30 Talk\n{body} on Tuesday.\n"),
        ),
        (
            "month13.txt",
            format!(" date 2021-13-01 Talk\n{body} on Tuesday.\n"),
        ),
        (
            "loose.txt",
            format!(" date 2021-1-26 Talk\n{body} on Tuesday.\n"),
        ),
        (
            "stated.txt",
            format!(" date 2021-03-05 Talk\n{body} on February 29, 2021.\n"),
        ),
    ];
    for (name, text) in &files {
        fs::write(tmp.path().join(name), text).unwrap();
    }
    let r = run(&["check", tmp.path().to_str().unwrap()]);
    let out = r.stdout_text();
    for (name, written) in [
        ("feb30.txt", "2021-02-30"),
        ("month13.txt", "2021-13-01"),
        ("loose.txt", "2021-1-26"),
    ] {
        let path = tmp.path().join(name).display().to_string();
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("warning {path}: header date '{written}'"))),
            "{name}:\n{out}"
        );
    }
    let stated = tmp.path().join("stated.txt").display().to_string();
    assert!(
        out.contains(&format!("ok      {stated}  2021-03-05-moon-xi")),
        "{out}"
    );
    // Alone (so there is no call it could join), year one gives no call.
    let year1 = tmp.path().join("year1.txt");
    fs::write(
        &year1,
        format!(" date 0001-01-01 Talk\n{body} on Tuesday.\n"),
    )
    .unwrap();
    let r = run(&["check", year1.to_str().unwrap()]);
    let out = r.stdout_text();
    assert!(
        out.contains("not in a call") && out.contains(", 0 calls"),
        "{out}"
    );
}
