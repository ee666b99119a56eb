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

mod support;

use std::path::{Path, PathBuf};

use support::snapshot;
use support::tmux::{Tmux, release_binary};

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
    if !Tmux::available("the new-user e2e test") {
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
    let before = snapshot(&corpus);

    // First session: open, filter, pin, side by side, search, bookmark.
    let t = Tmux::start("new-first", (120, 40), &home.command(&corpus));
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
    assert_eq!(snapshot(&corpus), before, "the corpus folder is untouched");
    assert!(
        !dir.path().join("home/.local").exists(),
        "nothing outside XDG_*"
    );

    // Second session: the bookmark and the read state are still there.
    let t = Tmux::start("new-second", (120, 40), &home.command(&corpus));
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
    assert_eq!(snapshot(&corpus), before, "the corpus folder is untouched");
}
