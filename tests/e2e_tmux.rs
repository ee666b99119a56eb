//! End to end: the real `hotline` binary inside tmux at a fixed size,
//! driven by keys, read back with `capture-pane`. Waits poll for text with a
//! timeout instead of sleeping. Covers the embedded corpus start, filtering,
//! era jumps, side by side, help, resizing (down to the too-small message),
//! quitting with status 0 and a restored terminal, and SIGTERM; pasting
//! into the filter bar (bracketed paste, switched off again on quit) and
//! the load-warnings overlay.
//!
//! Needs tmux. Without it the tests are skipped with a message locally, but
//! fail when `CI` is set (`.ci/run` installs tmux).
//!
//! The binary is the release build users run: the first test builds it
//! with `cargo build --release` into `target/e2e` (a target dir of its own,
//! so it never waits on the lock of the `cargo test` that runs it).

mod support;

use std::path::Path;
use std::process::Command;
use support::tmux::{Tmux, release_binary};

/// Run hotline, then say how it ended and keep the pane open to be read.
/// The inner shell records its pid and `exec`s hotline, so the pid is
/// hotline's.
fn command(pid_file: &Path) -> String {
    command_with_env(pid_file, "")
}

/// `command`, with `env` (e.g. `NO_COLOR=1 `) set for hotline only.
fn command_with_env(pid_file: &Path, env: &str) -> String {
    command_full(pid_file, env, "", "sleep 600")
}

/// Run hotline with `env` and `args` (shell words, no single quotes), then
/// `after` once it has exited.
fn command_full(pid_file: &Path, env: &str, args: &str, after: &str) -> String {
    format!(
        "sh -c 'echo $$ > {pid}; {env}exec {bin} {args}'; echo \"hotline exited with status $?\"; {after}",
        pid = pid_file.display(),
        bin = release_binary()
    )
}

fn assert_restored(t: &Tmux) {
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(t.display("#{cursor_flag}"), "1", "cursor left hidden");
    assert_eq!(t.display("#{mouse_any_flag}"), "0", "mouse capture left on");
}

#[test]
fn drives_the_real_binary_through_every_screen() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("main", (120, 40), &command(&dir.path().join("pid")));

    // Start on the embedded corpus.
    let screen = t.wait_text("Timeline");
    assert!(screen.contains("Detail"), "{screen}");
    t.wait_text("Lee–Xi");
    t.wait_text("2017 Moon");
    assert_eq!(
        t.display("#{alternate_on}"),
        "1",
        "the UI runs on the alternate screen"
    );

    // Filter live, keep it with Enter, clear it with Esc.
    t.keys(&["/"]);
    t.text("apec");
    let screen = t.wait_for("the filtered counts", |s| {
        s.contains("/ apec") && s.contains(" of 5 articles")
    });
    assert!(screen.contains("2025-06-10"), "{screen}");
    assert!(
        !screen.contains("2021-01-26 Moon"),
        "apec must not list the 2021 call:\n{screen}"
    );
    t.keys(&["Enter"]);
    t.keys(&["Escape"]);
    t.wait_for("the filter cleared", |s| {
        s.contains("type / to filter") && s.contains("2021-01-26")
    });

    // Jump eras: older, to the Yoon era that has no calls, then to Moon's.
    t.keys(&["["]);
    t.wait_text("none in this corpus");
    t.keys(&["["]);
    t.wait_text("Moon Jae-in ↔ Xi Jinping");
    t.keys(&["]", "]"]);
    t.wait_text("Lee Jae-myung ↔ Xi Jinping");

    // Side by side, then back.
    t.keys(&["s"]);
    t.wait_for("side by side", |s| {
        (s.contains("Differ:") || s.contains("Same facts:")) && s.contains("current ·")
    });
    t.keys(&["Escape"]);
    t.wait_for("the timeline again", |s| {
        s.contains("Timeline") && !s.contains("current ·")
    });

    // Help, generated from the key table, and closed again.
    t.keys(&["?"]);
    t.wait_text("Keys · Esc or ? closes");
    t.wait_text("synchronized scrolling on/off");
    t.keys(&["?"]);
    t.wait_for("help closed", |s| !s.contains("Keys · Esc or ? closes"));

    // Resize: smaller, too small, and back.
    t.resize(80, 24);
    t.wait_for("the 80×24 layout", |s| {
        s.contains("Timeline")
            && s.lines().all(|l| l.chars().count() <= 80)
            && s.lines().count() <= 24
    });
    t.resize(40, 10);
    t.wait_text("Terminal too small");
    t.resize(120, 40);
    t.wait_for("the full layout again", |s| {
        s.contains("Timeline") && s.contains("Detail")
    });

    // q closes side by side first and quits only from the timeline (tig).
    t.keys(&["s"]);
    t.wait_text("current ·");
    t.keys(&["q"]);
    t.wait_for("side by side closed by q", |s| {
        s.contains("Timeline") && !s.contains("current ·")
    });

    // Quit: status 0, terminal restored.
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
    assert_restored(&t);
}

#[test]
fn sigterm_restores_the_terminal() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pid_file = dir.path().join("pid");
    let t = Tmux::start("term", (120, 40), &command(&pid_file));
    t.wait_text("Timeline");
    let pid = std::fs::read_to_string(&pid_file).expect("pid file");
    let status = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .expect("kill");
    assert!(status.success());
    t.wait_text("hotline exited with status 143");
    assert_restored(&t);
}

#[test]
fn ctrl_c_quits_even_while_typing_a_filter() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start("ctrlc", (120, 40), &command(&dir.path().join("pid")));
    t.wait_text("Timeline");
    t.keys(&["/"]);
    t.text("q");
    t.wait_text("/ q");
    t.keys(&["C-c"]);
    t.wait_text("hotline exited with status 0");
    assert_restored(&t);
}

/// A paste with a line break lands in the filter bar as one line (without
/// bracketed paste the newline would be Enter and the rest keystrokes), and
/// after quitting the terminal no longer brackets pastes.
#[test]
fn paste_goes_into_the_filter_and_bracketed_paste_is_switched_off_on_quit() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start(
        "paste",
        (120, 40),
        &command_full(&dir.path().join("pid"), "", "", "cat -v"),
    );
    t.wait_text("Lee–Xi");
    let paste = |text: &str| {
        let out = t.run(&["set-buffer", "-b", "e2e", text]);
        assert!(out.status.success(), "set-buffer");
        // -p: bracketed, if the application asked for it.
        let out = t.run(&["paste-buffer", "-p", "-b", "e2e", "-t", "e2e"]);
        assert!(out.status.success(), "paste-buffer");
    };
    // Not focused: ignored (no quitting on the "q", no pinning on the "p").
    paste("qp\n");
    t.keys(&["/"]);
    paste("xi\ntrump");
    let screen = t.wait_for("the pasted filter", |s| {
        s.contains("/ xi trump") && s.contains(" of 5 articles")
    });
    assert!(!screen.contains("pinned"), "{screen}");
    t.keys(&["Enter"]);
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
    assert_restored(&t);
    // `cat -v` now reads the pane: a bracketed paste would show its
    // markers (ESC [ 200 ~).
    paste("after-quit\n");
    let screen = t.wait_for("cat echoing the paste", |s| {
        s.matches("after-quit").count() >= 2
    });
    assert!(
        !screen.contains("200~"),
        "bracketed paste left on:\n{screen}"
    );
}

/// A folder with files the loader warns about: the status line counts the
/// warnings and hints `w`, which lists them.
#[test]
fn w_lists_the_load_warnings() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let clips = dir.path().join("clips");
    std::fs::create_dir(&clips).expect("mkdir");
    std::fs::write(clips.join("broken.txt"), b"\x00\x01binary\x00").expect("write");
    std::fs::write(clips.join("empty.txt"), b"").expect("write");
    let t = Tmux::start(
        "warnings",
        (120, 40),
        &command_full(
            &dir.path().join("pid"),
            "",
            &clips.display().to_string(),
            "sleep 600",
        ),
    );
    // The loading screen already shows the panes: wait for the loaded
    // corpus's status line, which is where the hint appears.
    let screen = t.wait_for("the status line hints w", |s| s.contains(" · w"));
    assert!(screen.contains("warning"), "{screen}");
    t.keys(&["w"]);
    let screen = t.wait_text("Esc or w closes");
    assert!(screen.contains("broken.txt"), "{screen}");
    t.keys(&["w"]);
    t.wait_for("the overlay closed", |s| !s.contains("Esc or w closes"));
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
    assert_restored(&t);
}

/// The parameter lists of the SGR (`ESC [ … m`) sequences in `text`.
fn sgr_params(text: &str) -> Vec<Vec<u32>> {
    text.split("\u{1b}[")
        .skip(1)
        .filter_map(|seq| {
            let end = seq.find(|c: char| c.is_ascii_alphabetic())?;
            (&seq[end..=end] == "m").then(|| {
                seq[..end]
                    .split(';')
                    .filter_map(|p| p.parse().ok())
                    .collect()
            })
        })
        .collect()
}

/// SGR parameter lists in `text` that set a colour (30–49 but the
/// defaults 39/49, 90–107).
fn colour_params(text: &str) -> Vec<Vec<u32>> {
    sgr_params(text)
        .into_iter()
        .filter(|ps| {
            ps.iter()
                .any(|&n| ((30..=49).contains(&n) && n != 39 && n != 49) || (90..=107).contains(&n))
        })
        .collect()
}

#[test]
fn no_color_gives_a_monochrome_screen_with_reverse_video_selection() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start(
        "nocolor",
        (120, 40),
        &command_with_env(&dir.path().join("pid"), "NO_COLOR=1 "),
    );
    t.wait_text("Timeline");
    t.wait_text("Lee–Xi");
    let styled = t.capture_styled();
    assert!(
        colour_params(&styled).is_empty(),
        "colour under NO_COLOR: {:?}",
        colour_params(&styled)
    );
    assert!(
        sgr_params(&styled).iter().any(|ps| ps.contains(&7)),
        "the selection is in reverse video"
    );
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");

    // And without NO_COLOR there is colour, so the check above means something.
    let t = Tmux::start("colour", (120, 40), &command(&dir.path().join("pid2")));
    t.wait_text("Lee–Xi");
    assert!(
        !colour_params(&t.capture_styled()).is_empty(),
        "expected colour without NO_COLOR"
    );
    t.keys(&["q"]);
    t.wait_text("hotline exited with status 0");
}

/// A new user's first minutes (issue 11), at 80×24 and at 120×40: open,
/// filter from an era without calls (the selection follows to the first
/// hit), pin an article, compare it side by side with another (the
/// pinned one on the left, the Differ line whole), resize, quit.
#[test]
fn a_new_user_s_path_at_80x24_and_120x40() {
    if !Tmux::available("the end-to-end TUI test") {
        return;
    }
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Tmux::start(
            &format!("newcomer{w}"),
            (120, 40),
            &command(&dir.path().join("pid")),
        );
        t.resize(w, h);
        t.wait_for("the timeline at this size", |s| {
            s.contains("Timeline") && s.lines().all(|l| l.chars().count() <= w as usize)
        });
        // At 80×24 the article shows under the facts, not just the facts.
        t.wait_text("─ KBS (1/3)");
        t.wait_text("for the first time since");

        // From the Yoon era (no calls), filter for moon: the selection
        // goes to the first Moon call, whose article the detail shows.
        t.keys(&["["]);
        t.wait_text("none in this corpus");
        t.keys(&["/"]);
        t.text("moon");
        t.wait_for("the selection on the first hit", |s| {
            s.contains("/ moon") && s.contains("─ Xinhua (1/1)")
        });
        assert!(!t.capture().contains("none in this corpus"));

        // Keep the filter, open the call, pin its article.
        t.keys(&["Enter", "Enter", "j", "p"]);
        t.wait_text("pinned Xinhua");
        // Clear the filter; the selection stays on the pinned article.
        t.keys(&["Escape"]);
        t.wait_text("type / to filter");
        // Side by side with the article itself: said, not another pair.
        t.keys(&["s"]);
        t.wait_text("this is the pinned article");
        // The next call's article: side by side, pinned on the left.
        t.keys(&["j", "s"]);
        let screen = t.wait_for("side by side", |s| {
            s.contains("pinned · Xinhua") && s.contains("current · Yonhap")
        });
        let header: Vec<&str> = screen
            .lines()
            .skip(2)
            .take_while(|l| !l.contains("pinned ·"))
            .collect();
        let differ = header
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(differ.contains("start unknown in both"), "{screen}");
        assert!(!differ.contains("same start"), "{screen}");
        assert!(!differ.contains('…'), "the Differ line is cut:\n{screen}");

        // Resize to the other size and back: still side by side.
        let (ow, oh) = if w == 80 { (120, 40) } else { (80, 24) };
        t.resize(ow, oh);
        t.wait_for("side by side after a resize", |s| {
            s.contains("pinned · Xinhua") && s.lines().all(|l| l.chars().count() <= ow as usize)
        });
        t.resize(w, h);
        t.wait_for("side by side at the first size", |s| {
            s.contains("current · Yonhap") && s.lines().all(|l| l.chars().count() <= w as usize)
        });

        // Too small: keys behind the message do nothing; q still quits.
        t.keys(&["Escape"]);
        t.wait_for("the timeline again", |s| !s.contains("current ·"));
        t.resize(30, 8);
        t.wait_text("Terminal too small");
        t.keys(&["q"]);
        t.wait_text("hotline exited with status 0");
        assert_restored(&t);
    }
}
