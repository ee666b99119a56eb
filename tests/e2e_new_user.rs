//! End to end, a new user's first two sessions with the real binary in
//! tmux: open a folder of clippings, filter, pin, side by side, search
//! inside the article, bookmark, quit; open it again and find the bookmark
//! in `'`, the articles read before no longer bold and one never opened
//! still bold (read from `capture-pane -e`). `HOME` and every `XDG_*`
//! folder point into a temporary folder; the corpus folder must be
//! byte-identical afterwards and the marks file under `XDG_STATE_HOME`.
//!
//! Needs tmux (skipped with a message without it, failing when `CI` is
//! set) and the release binary, built like `e2e_tmux` into `target/e2e`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

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
            "cargo build --release failed:\n{}",
            String::from_utf8_lossy(&built.stderr)
        );
        target.join("release").join("hotline").display().to_string()
    })
}

const TIMEOUT: Duration = Duration::from_secs(15);

/// A tmux server of our own (`-L`), so nothing touches the user's sessions.
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
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required for the end-to-end test in CI (.ci/run installs it)"
            );
            eprintln!("SKIPPED: tmux is not installed; the new-user e2e test did not run");
        }
        found
    }

    fn start(name: &str, command: &str) -> Tmux {
        let t = Tmux {
            socket: format!("hotline-e2e-new-{}-{name}", std::process::id()),
        };
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
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color")
            .output()
            .expect("run tmux")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    fn text(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "e2e", "-l", text]);
        assert!(out.status.success(), "send-keys -l {text:?}");
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn capture_styled(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout)
            .into_owned()
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(40));
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

/// The folders a new user has: an empty home and its XDG folders.
struct Home {
    root: PathBuf,
}

impl Home {
    fn env(&self) -> String {
        let p = |name: &str| self.root.join(name).display().to_string();
        format!(
            "HOME={} XDG_CACHE_HOME={} XDG_STATE_HOME={} XDG_CONFIG_HOME={}",
            p("home"),
            p("cache"),
            p("state"),
            p("config")
        )
    }

    fn command(&self, corpus: &Path) -> String {
        format!(
            "env {} {} {}; echo \"hotline exited with status $?\"; sleep 600",
            self.env(),
            release_binary(),
            corpus.display()
        )
    }
}

/// Every file under `root` with its bytes.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// Is the first character of `needle` on this captured line bold: the
/// line's SGR escapes replayed (0 resets, 1 sets, 22 clears; the
/// parameters of a 256-colour or RGB colour are skipped, so the 1 of
/// `38;5;1` is not taken for bold).
fn bold_at(styled_line: &str, needle: &str) -> Option<bool> {
    let mut visible = String::new();
    let mut flags = Vec::new();
    let mut bold = false;
    let mut chars = styled_line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            let mut params = String::new();
            let mut end = ' ';
            for p in chars.by_ref() {
                if p.is_ascii_alphabetic() {
                    end = p;
                    break;
                }
                params.push(p);
            }
            if end != 'm' {
                continue;
            }
            let list: Vec<&str> = params.split([';', ':']).collect();
            let mut i = 0;
            while i < list.len() {
                match list[i] {
                    "" | "0" => bold = false,
                    "1" => bold = true,
                    "22" => bold = false,
                    "38" | "48" | "58" => {
                        i += match list.get(i + 1) {
                            Some(&"5") => 2,
                            Some(&"2") => 4,
                            _ => 0,
                        };
                    }
                    _ => {}
                }
                i += 1;
            }
            continue;
        }
        visible.push(c);
        flags.push(bold);
    }
    let at = visible.find(needle)?;
    flags.get(visible[..at].chars().count()).copied()
}

/// The bold state of the first line holding `needle` (in a styled capture).
fn row_bold(styled: &str, needle: &str) -> bool {
    styled
        .lines()
        .find_map(|l| bold_at(l, needle))
        .unwrap_or_else(|| panic!("{needle:?} on screen:\n{styled}"))
}

#[test]
fn the_bold_reader_sees_what_sgr_says() {
    assert_eq!(bold_at("\u{1b}[1mAB\u{1b}[0mCD", "A"), Some(true));
    assert_eq!(bold_at("\u{1b}[1mAB\u{1b}[0mCD", "C"), Some(false));
    assert_eq!(bold_at("\u{1b}[38;5;1mX", "X"), Some(false));
    assert_eq!(bold_at("\u{1b}[38;5;1;1mX\u{1b}[22mY", "Y"), Some(false));
    assert_eq!(bold_at("X", "Z"), None);
}

#[test]
fn a_new_user_marks_quits_and_finds_the_marks_again() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let home = Home {
        root: dir.path().to_path_buf(),
    };
    let corpus = dir.path().join("clippings");
    std::fs::create_dir_all(&corpus).expect("corpus folder");
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    for name in [
        "000_d4689abd9a63b843.txt",
        "001_cd7f0beace2aceae.txt",
        "002_dd8dd39acc5365f4.txt",
        "003_2c1f4e09e345c561.txt",
        "004_534532e4a34e8250.txt",
    ] {
        std::fs::copy(assets.join(name), corpus.join(name)).expect("copy an article");
    }
    let before = tree(&corpus);

    // First session: open, filter, pin, side by side, search, bookmark.
    let t = Tmux::start("first", &home.command(&corpus));
    t.wait_text("Lee–Xi");
    let styled = t.capture_styled();
    assert!(row_bold(&styled, "Lee–Xi"), "a new corpus is all unread");
    t.keys(&["/"]);
    t.text("jae-myung");
    t.wait_for("the filter applied", |s| {
        s.contains("/ jae-myung") && s.contains("3 of 5 articles")
    });
    t.keys(&["Enter"]);
    t.keys(&["p"]);
    t.wait_text("pinned");
    t.keys(&["s"]);
    t.wait_text("current ·");
    t.keys(&["/"]);
    t.text("Xi");
    t.wait_text("search text / Xi");
    t.keys(&["Enter"]);
    t.keys(&["n"]);
    t.wait_text("match 2 of");
    // Esc drops the search; the next key waits for it to land, or the
    // terminal would read Esc then `m` as Alt-m.
    t.keys(&["Escape"]);
    t.wait_for("the search dropped", |s| !s.contains("match 2 of"));
    t.keys(&["m"]);
    t.wait_text("bookmarked");
    t.keys(&["Q"]);
    t.wait_text("hotline exited with status 0");
    drop(t);

    let state = dir.path().join("state/hotline/marks.json");
    let saved = std::fs::read_to_string(&state).expect("the marks file is under XDG_STATE_HOME");
    assert!(saved.contains("\"version\": 1"), "{saved}");
    assert_eq!(tree(&corpus), before, "the corpus folder is untouched");
    assert!(
        !dir.path().join("home/.local").exists(),
        "nothing outside XDG_*"
    );

    // Second session: the bookmark and the read state are still there.
    let t = Tmux::start("second", &home.command(&corpus));
    t.wait_text("Lee–Xi");
    t.keys(&["'"]);
    let screen = t.wait_text("1 bookmarked");
    assert!(screen.contains("2025-06-10"), "{screen}");
    // `'` closes the list as Esc does, and can not run into the next key
    // as an Alt- sequence.
    t.keys(&["'"]);
    let screen = t.wait_for("the list again", |s| !s.contains("bookmarked ·"));
    if screen.contains("▸ 2025-06-10") {
        t.keys(&["Enter"]); // expand the newest call
    }
    let screen = t.wait_for("the newest call's articles", |s| {
        s.contains("Bloomberg ·") && s.contains('★')
    });
    // The articles of the newest call: two were side by side (read), one
    // never opened (bold); the bookmarked one (★) was read.
    let styled = t.capture_styled();
    let styled_lines: Vec<&str> = styled.lines().collect();
    let outlets = ["KBS · ", "source not stated · ", "Bloomberg · "];
    let mut bold = Vec::new();
    let mut starred = None;
    for (i, line) in screen.lines().enumerate() {
        // The timeline pane: left of the detail pane's border.
        let list = line.split('│').next().unwrap_or_default();
        let Some(o) = outlets.iter().position(|o| list.contains(o)) else {
            continue;
        };
        let title: String = list
            .split(outlets[o])
            .nth(1)
            .unwrap_or_default()
            .chars()
            .take(12)
            .collect();
        let is_bold = bold_at(styled_lines.get(i).copied().unwrap_or_default(), &title)
            .unwrap_or_else(|| panic!("{title:?} in the styled row {i}:\n{styled}"));
        if list.contains('★') {
            starred = Some(is_bold);
        }
        bold.push(is_bold);
    }
    assert_eq!(bold.len(), 3, "{screen}");
    assert_eq!(
        bold.iter().filter(|&&b| b).count(),
        1,
        "one never opened: {bold:?}\n{screen}"
    );
    assert_eq!(
        starred,
        Some(false),
        "the bookmarked article was read:\n{screen}"
    );
    // A call never opened is still bold.
    assert!(row_bold(&styled, "Moon–Xi"), "{screen}");
    t.keys(&["Q"]);
    t.wait_text("hotline exited with status 0");
    assert_eq!(tree(&corpus), before, "the corpus folder is untouched");
}
