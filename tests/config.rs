//! The config file as a user meets it: the real binary, HOME and the XDG
//! folders in a temporary folder, `config.toml` written there. A good
//! file changes keys, colours, paths and the home country; each mistake
//! fails with exit 2 naming the file and line; `--print-config` reads back
//! as the defaults; global options work before and after the subcommand.
//! The browser checks run in tmux (skipped without it, except in CI).

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use support::tmux::Tmux;
use tempfile::TempDir;

/// A home of its own: HOME and every XDG folder inside `dir`.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        fs::create_dir_all(home.config_dir()).expect("config dir");
        home
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn config_dir(&self) -> PathBuf {
        self.root().join("config/hotline")
    }

    fn config_file(&self) -> PathBuf {
        self.config_dir().join("config.toml")
    }

    fn write_config(&self, text: &str) {
        fs::write(self.config_file(), text).expect("write config");
    }

    fn env_pairs(&self) -> Vec<(&'static str, PathBuf)> {
        let r = self.root();
        vec![
            ("HOME", r.to_path_buf()),
            ("XDG_CONFIG_HOME", r.join("config")),
            ("XDG_CACHE_HOME", r.join("cache")),
            ("XDG_STATE_HOME", r.join("state")),
        ]
    }

    fn hotline(&self) -> Command {
        let mut cmd = Command::cargo_bin("hotline").expect("binary");
        for (k, v) in self.env_pairs() {
            cmd.env(k, v);
        }
        cmd.env_remove("NO_COLOR");
        cmd
    }

    /// Run; (status, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.hotline().args(args).output().expect("runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// One article, a call this corpus alone has (not in the built-in one).
fn corpus(dir: &Path) {
    fs::create_dir_all(dir).expect("corpus dir");
    fs::write(
        dir.join("yoon_biden.txt"),
        " date 2022-05-12 Yoon and Biden discuss summit by phone\n\n\
         SEOUL, May 12 (Yonhap) -- President Yoon Suk Yeol held a phone call with U.S. President \
         Joe Biden on Thursday, discussing North Korea's ballistic missile launches.\n\n\
         The two leaders spoke for about 25 minutes, the presidential office said.\n",
    )
    .expect("write article");
}

#[test]
fn no_config_file_is_the_defaults_silently() {
    let home = Home::new();
    let (code, out, err) = home.run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("Lee Jae-myung ↔ Xi Jinping"), "{out}");
}

#[test]
fn print_config_reads_back_as_the_defaults_and_names_the_file() {
    let home = Home::new();
    let (code, printed, err) = home.run(&["--print-config"]);
    assert_eq!(code, 0, "{err}");
    let header = printed.lines().next().unwrap_or_default();
    assert!(
        header.contains(&home.config_file().display().to_string()),
        "{header}"
    );
    for needle in [
        "[keys.list]\n",
        "move-down = [\"j\", \"Down\"]",
        "toggle-help = [\"?\"]",
        "[theme]\n",
        "accent = \"cyan\"",
        "paths = []",
        "home_country = \"KR\"",
    ] {
        assert!(printed.contains(needle), "missing {needle:?}");
    }
    let (_, defaults, _) = home.run(&["list"]);
    home.write_config(&printed);
    let (code, with_printed, err) = home.run(&["list"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(with_printed, defaults);
}

#[test]
fn each_kind_of_mistake_fails_with_the_file_and_line() {
    let home = Home::new();
    let file = home.config_file().display().to_string();
    let cases = [
        (
            "# keys\n[keys.browse]\ntoggle-hlep = [\"h\"]\n",
            "config.toml:3: unknown action `toggle-hlep` (did you mean toggle-help?)",
        ),
        (
            "[keys.list]\nclose = [\"Ctrl-q\", \"Ctrl-q\"]\n",
            "config.toml:2: `Ctrl-q` is bound twice in list",
        ),
        (
            "[keys.list]\nmove-down = [\"k\"]\n",
            "config.toml:2: `k` is bound twice in list",
        ),
        (
            "[theme]\n\naccent = \"#12345\"\n",
            "config.toml:3: colour `#12345` is not a name or #rrggbb",
        ),
        (
            "[keys.list]\nmove-down = [\"Hyper-j\"]\n",
            "config.toml:2: `Hyper-j` is not a key",
        ),
        ("\nhome_countri = \"KR\"\n", "config.toml:2: unknown field"),
        ("[keys.list\n", "config.toml:1:"),
        (
            "home_country = \"XX\"\n",
            "config.toml:1: home_country `XX` is not a country of the built-in leaders.toml",
        ),
        ("paths = [\n  \"~/no-such-folder\",\n]\n", "config.toml:2: "),
    ];
    for (text, want) in cases {
        home.write_config(text);
        let (code, out, err) = home.run(&["list"]);
        assert_eq!(code, 2, "{text:?}: {err}");
        assert!(out.is_empty(), "{text:?}: {out}");
        assert!(err.starts_with(&format!("hotline: {file}:")), "{err}");
        assert!(err.contains(want), "{text:?}\n got: {err}\nwant: {want}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn config_paths_open_when_no_paths_are_given() {
    let home = Home::new();
    corpus(&home.root().join("clips"));
    home.write_config("paths = [\"~/clips\"]\n");
    let (code, out, err) = home.run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Yoon Suk Yeol ↔ Joe Biden"), "{out}");
    assert!(!out.contains("Xi Jinping"), "the built-in corpus: {out}");
    let (code, out, _) = home.run(&["check"]);
    assert_eq!(code, 0);
    assert!(out.contains("1 articles read"), "{out}");
    // PATHS given win over the config's.
    let (code, out, _) = home.run(&["list", "assets"]);
    assert_eq!(code, 0);
    assert!(!out.contains("Yoon"), "{out}");
    // --no-config: the built-in corpus again.
    let (code, out, _) = home.run(&["list", "--no-config"]);
    assert_eq!(code, 0);
    assert!(out.contains("Xi Jinping"), "{out}");
    assert!(!out.contains("Yoon"), "{out}");
    // A missing one: the usual error, at the config's line.
    home.write_config("paths = [\"~/clips\",\n  \"gone\"]\n");
    let (code, _, err) = home.run(&["list"]);
    assert_eq!(code, 2);
    let gone = home.config_dir().join("gone").display().to_string();
    assert!(
        err.contains(&format!("config.toml:2: {gone}: no such file or directory")),
        "{err}"
    );
}

#[test]
fn home_country_changes_whose_eras_the_timeline_has() {
    let home = Home::new();
    let (_, korea, _) = home.run(&["export", "--format", "json"]);
    home.write_config("home_country = \"CN\"\n");
    let (code, china, err) = home.run(&["export", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let eras = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).expect("json");
        v["eras"]
            .as_array()
            .map(|a| a.iter().map(|e| e["leader"].to_string()).collect())
            .unwrap_or_default()
    };
    assert!(!eras(&korea).is_empty());
    assert_ne!(eras(&korea), eras(&china), "{china}");
}

#[test]
fn a_config_file_given_or_ignored() {
    let home = Home::new();
    corpus(&home.root().join("clips"));
    let other = home.root().join("other.toml");
    fs::write(&other, "paths = [\"clips\"]\n").expect("write");
    let (code, out, err) = home.run(&["--config", other.to_str().unwrap_or_default(), "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Yoon"), "{out}");
    let (code, _, err) = home.run(&["list", "--config", "/no/such/config.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/config.toml"), "{err}");
    home.write_config("[keys\n");
    let (code, _, err) = home.run(&["--no-config", "list"]);
    assert_eq!(code, 0, "{err}");
}

/// Global options go before or after the subcommand, to the same effect.
#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let home = Home::new();
    corpus(&home.root().join("clips"));
    let clips = home.root().join("clips").display().to_string();
    let cache = home.root().join("cache/hotline");
    let orders: [&[&str]; 2] = [
        &["--no-cache", "check", &clips],
        &["check", "--no-cache", &clips],
    ];
    for args in orders {
        let (code, out, err) = home.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("1 articles read"), "{args:?}: {out}");
        assert!(!cache.exists(), "{args:?} wrote the cache");
    }
    let leaders = Path::new("assets/leaders.toml")
        .canonicalize()
        .expect("assets");
    let leaders = leaders.to_str().unwrap_or_default();
    home.write_config("[keys\n");
    let orders: [&[&str]; 4] = [
        &["--leaders", leaders, "--no-config", "list", &clips],
        &["list", "--leaders", leaders, "--no-config", &clips],
        &["--follow", "--no-config", "list", &clips],
        &["list", &clips, "-L", "--no-config"],
    ];
    for args in orders {
        let (code, out, err) = home.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("Yoon"), "{args:?}: {out}");
    }
}

// ---- The browser, in tmux ----

/// hotline in a 120×40 tmux session with `home`'s folders and `env` set;
/// the pane stays to show how it ended.
fn start(name: &str, home: &Home, env: &str) -> Tmux {
    let vars: Vec<String> = home
        .env_pairs()
        .iter()
        .map(|(k, v)| format!("{k}={}", v.display()))
        .collect();
    let command = format!(
        "env {} {env} {} ; echo hotline exited $?; sleep 600",
        vars.join(" "),
        env!("CARGO_BIN_EXE_hotline")
    );
    Tmux::start(name, (120, 40), &command)
}

const REBOUND: &str = "[keys.browse]\ntoggle-help = [\"F1\", \"?\"]\n\
    [keys.help]\ntoggle-help = [\"Esc\", \"F1\"]\n\
    [theme]\naccent = \"#ff0000\"\n";

#[test]
fn the_browser_uses_the_keys_and_its_help_shows_them() {
    if !Tmux::available("the browser config tests") {
        return;
    }
    let home = Home::new();
    home.write_config(REBOUND);
    let t = start("keys", &home, "");
    t.wait_text("? help");
    t.keys(&["F1"]);
    let help = t.wait_text("Esc or F1 closes");
    assert!(
        help.lines()
            .any(|l| l.contains("F1 ?") && l.contains("help: every key")),
        "{help}"
    );
    // The focused border is drawn in the config's accent colour.
    assert!(
        t.capture_styled().contains("38;2;255;0;0"),
        "no accent colour"
    );
    t.keys(&["F1"]);
    t.wait_text("F1/? help");
    // The about overlay names the file the keys came from.
    t.keys(&["i"]);
    let about = t.wait_text("Esc or i closes");
    assert!(
        about
            .lines()
            .any(|l| l.contains("config") && l.contains("hotline/config.toml")),
        "{about}"
    );
    t.keys(&["Q"]);
    t.wait_text("hotline exited 0");
}

#[test]
fn no_color_wins_over_the_config_colours() {
    if !Tmux::available("the browser config tests") {
        return;
    }
    let home = Home::new();
    home.write_config(REBOUND);
    let t = start("nocolor", &home, "NO_COLOR=1");
    t.wait_text("F1/? help");
    let styled = t.capture_styled();
    assert!(!styled.contains("38;2;255;0;0"), "{styled}");
    assert!(!styled.contains("[36m"), "a colour under NO_COLOR");
    t.keys(&["Q"]);
    t.wait_text("hotline exited 0");
}
