//! Open and copy in a real terminal (tmux): `o` hands the terminal to the
//! pager, which gets every key typed (the input reader stands aside) and
//! the article's path as its last word; Ctrl-c there does not end
//! hotline; `e` runs the editor and the corpus is read again after it;
//! a pager that can not start is named in the status line; `y` reaches
//! tmux's clipboard through OSC 52. The pager and editor are small shell
//! scripts that write down what they got.
//!
//! Needs tmux; without it the test is skipped with a message locally, and
//! fails when `CI` is set.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::tmux::{TIMEOUT, Tmux};

/// Wait until `path` holds text containing `what`.
fn wait_file(path: &Path, what: &str) -> String {
    let start = Instant::now();
    loop {
        let text = fs::read_to_string(path).unwrap_or_default();
        if text.contains(what) {
            return text;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{} never held {what:?}: {text:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn script(path: &Path, body: &str) {
    fs::write(path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    let status = Command::new("chmod")
        .arg("+x")
        .arg(path)
        .status()
        .expect("chmod");
    assert!(status.success());
}

/// The command tmux runs: hotline on `corpus` with every folder it keeps
/// things in under `home`, and the pager and editor given.
fn command(home: &Path, corpus: &Path, pager: &str, editor: &str) -> String {
    format!(
        "env HOME='{h}' XDG_CACHE_HOME='{h}/cache' XDG_STATE_HOME='{h}/state' \
         XDG_CONFIG_HOME='{h}/config' PAGER=\"{pager}\" EDITOR=\"{editor}\" VISUAL= '{bin}' '{c}'",
        h = home.display(),
        c = corpus.display(),
        bin = env!("CARGO_BIN_EXE_hotline"),
    )
}

#[test]
fn the_pager_and_editor_get_the_terminal_and_y_copies() {
    if !Tmux::available("the open and copy test") {
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let corpus = h.join("corpus");
    fs::create_dir(&corpus).expect("corpus dir");
    let article = corpus.join("lee_xi.txt");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/yonhap_lee_xi.txt"),
        &article,
    )
    .expect("copy the article");
    let (args, typed) = (h.join("args"), h.join("typed"));
    script(
        &h.join("pager.sh"),
        &format!(
            "echo \"$@\" >> '{}'\nread line\necho \"$line\" >> '{}'",
            args.display(),
            typed.display()
        ),
    );
    script(
        &h.join("editor.sh"),
        "sed 's/spoke for 30 minutes/spoke for 45 minutes/' \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"",
    );
    let pager = format!("{} --first-word", h.join("pager.sh").display());
    let editor = h.join("editor.sh").display().to_string();
    let t = Tmux::start(
        "open-main",
        (100, 30),
        &command(h, &corpus, &pager, &editor),
    );
    t.run(&["set-option", "-g", "set-clipboard", "on"]);
    t.wait_text("1 article");

    // o: the pager gets its own word, then the path, then the keys typed.
    t.keys(&["o"]);
    let got = wait_file(&args, "lee_xi.txt");
    assert!(got.starts_with("--first-word "), "{got}");
    assert!(
        got.trim_end().ends_with(&article.display().to_string()),
        "{got}"
    );
    t.keys(&["-l", "every key reaches the pager"]);
    t.keys(&["Enter"]);
    wait_file(&typed, "every key reaches the pager");
    t.wait_text("back from");

    // Ctrl-c in the pager ends the pager, not hotline.
    t.keys(&["o"]);
    wait_file(&args, "lee_xi.txt\n--first-word");
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["C-c"]);
    t.wait_for(":\"ended with\" or back", |s| {
        s.contains("ended with") || s.contains("back from")
    });
    t.keys(&["j"]);
    t.wait_text("1 article");

    // e: the editor changes the article; the corpus is read again.
    t.wait_text("30 min");
    t.keys(&["e"]);
    t.wait_text("45 min");
    assert!(
        fs::read_to_string(&article)
            .unwrap_or_default()
            .contains("45 minutes")
    );

    // y: the call id on tmux's clipboard.
    t.keys(&["y"]);
    t.wait_text("copied call id 2025-06-10-lee-xi");
    let start = Instant::now();
    loop {
        let buffer = String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned();
        if buffer == "2025-06-10-lee-xi" {
            break;
        }
        assert!(start.elapsed() < TIMEOUT, "tmux's buffer: {buffer:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["q"]);
}

#[test]
fn a_pager_that_can_not_start_is_named_and_hotline_goes_on() {
    if !Tmux::available("the open and copy test") {
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let t = Tmux::start(
        "open-missing",
        (100, 30),
        &format!(
            "{}; sleep 5",
            command(
                h,
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/data/formats/yonhap_lee_xi.txt")
                    .as_path(),
                "/nonexistent/pager -x",
                "vi"
            )
        ),
    );
    t.wait_text("1 article");
    t.keys(&["o"]);
    t.wait_text("cannot start /nonexistent/pager");
    t.keys(&["j"]);
    t.wait_text("1 article");
}
