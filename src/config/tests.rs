//! Reading config.toml: the printed default reads back as the defaults,
//! each setting is applied, each mistake names the file and line.

use std::path::{Path, PathBuf};

use ratatui::style::Color;

use super::*;
use crate::ui::keymap::action_name;
use crate::ui::keys::Context;

fn parse(text: &str) -> Result<Config> {
    Config::parse(
        text,
        Path::new("/cfg/hotline/config.toml"),
        Some(Path::new("/home/u")),
    )
}

fn error(text: &str) -> String {
    format!("{:#}", parse(text).expect_err("an error"))
}

#[test]
fn the_printed_default_config_reads_back_as_exactly_the_defaults() {
    let text = print::default_config(Some(Path::new("/cfg/hotline/config.toml")), "KR");
    let config = parse(&text).expect("the printed config parses");
    let defaults = Config::default();
    assert!(config.keymap.is_default());
    let keys = |c: &Config| -> Vec<(Context, String, Vec<crate::ui::keys::Key>, String)> {
        c.keymap
            .entries()
            .iter()
            .map(|e| {
                (
                    e.context,
                    action_name(&e.action),
                    e.keys.clone(),
                    e.hint.clone(),
                )
            })
            .collect()
    };
    assert_eq!(keys(&config), keys(&defaults));
    assert_eq!(config.palette, defaults.palette);
    assert_eq!(config.paths, defaults.paths);
    assert_eq!(config.home_country, defaults.home_country);
    // Every action of the table is in it, in its context.
    for b in crate::ui::keys::BINDINGS
        .iter()
        .filter(|b| !b.keys.is_empty())
    {
        let ctx = crate::ui::keymap::context_name(b.context);
        let section = text
            .split(&format!("[keys.{ctx}]\n"))
            .nth(1)
            .and_then(|s| s.split("\n[").next())
            .unwrap_or_default();
        let line = format!("\n{} = [", action_name(&b.action));
        assert!(section.contains(&line), "{ctx}: {line}");
    }
    for role in crate::ui::theme::Role::ALL {
        assert!(
            text.contains(&format!("\n{} = \"", role.name())),
            "{}",
            role.name()
        );
    }
}

#[test]
fn an_empty_file_is_the_defaults() {
    let config = parse("").expect("empty is fine");
    assert!(config.keymap.is_default());
    assert_eq!(config.palette, Palette::default());
}

#[test]
fn keys_colours_paths_and_home_are_read() {
    let config = parse(
        "home_country = \"CN\"\npaths = [\"~/clips\", \"rel\", \"/abs\"]\n\
         [theme]\naccent = \"#ff8800\"\ndim = \"light-blue\"\n\
         [keys.list]\nmove-down = [\"x\"]\n",
    )
    .expect("valid");
    assert_eq!(config.palette.get(Role::Accent), Color::Rgb(0xff, 0x88, 0));
    assert_eq!(config.palette.get(Role::Dim), Color::LightBlue);
    let paths: Vec<(PathBuf, usize)> = config
        .paths
        .iter()
        .map(|p| (p.path.clone(), p.line))
        .collect();
    assert_eq!(
        paths,
        [
            (PathBuf::from("/home/u/clips"), 2),
            (PathBuf::from("/cfg/hotline/rel"), 2),
            (PathBuf::from("/abs"), 2),
        ]
    );
    assert_eq!(config.home_country, Some(("CN".into(), 1)));
    assert!(!config.keymap.is_default());
}

#[test]
fn each_mistake_names_the_file_and_its_line() {
    let cases = [
        (
            "\n[keys.browse]\ntoggle-hlep = [\"h\"]\n",
            "config.toml:3: unknown action `toggle-hlep` (did you mean toggle-help?)",
        ),
        (
            "[keys.list]\n\nclose = [\"Ctrl-q\", \"Ctrl-q\"]\n",
            "config.toml:3: `Ctrl-q` is bound twice in list",
        ),
        (
            "[theme]\n\naccent = \"#12345\"\n",
            "config.toml:3: colour `#12345` is not a name or #rrggbb",
        ),
        (
            "[theme]\naccent = \"chartreuse\"\n",
            "config.toml:2: colour `chartreuse` is not a name or #rrggbb",
        ),
        (
            "[theme]\nacent = \"red\"\n",
            "config.toml:2: unknown colour role `acent` (did you mean accent?)",
        ),
        (
            "[keys.lsit]\nclose = []\n",
            "config.toml:1: unknown key context `lsit` (did you mean list?)",
        ),
        (
            "[keys.list]\nmove-down = [\"Hyper-x\"]\n",
            "config.toml:2: `Hyper-x` is not a key",
        ),
        (
            "[keys.list]\nmove-down = [\"k\"]\n",
            "config.toml:2: `k` is bound twice in list: to move-down and to move-up",
        ),
        ("paths = \"x\"\n", "config.toml:1: invalid type"),
        ("\n\ncolour = 3\n", "config.toml:3: unknown field `colour`"),
        ("[keys\n", "config.toml:1: "),
    ];
    for (text, want) in cases {
        let got = error(text);
        assert!(got.starts_with("/cfg/hotline/"), "{got}");
        assert!(got.contains(want), "{text:?}\n got: {got}\nwant: {want}");
    }
}

#[test]
fn a_tilde_without_a_home_is_an_error_not_a_guess() {
    let err =
        Config::parse("paths = [\"~/x\"]", Path::new("config.toml"), None).expect_err("no home");
    assert!(format!("{err}").starts_with("config.toml:1:"), "{err}");
}

#[test]
fn a_missing_config_path_names_the_config_line() {
    let config = parse("\npaths = [\n  \"/no/such/hotline/dir\",\n]\n").expect("parses");
    let err = config.default_paths().expect_err("missing");
    assert_eq!(
        err.to_string(),
        "/cfg/hotline/config.toml:3: /no/such/hotline/dir: no such file or directory"
    );
}

#[test]
fn the_home_country_must_be_one_the_leaders_file_lists() {
    let mut lexicon = Lexicon::embedded();
    let before = lexicon.fingerprint();
    parse("home_country = \"CN\"")
        .expect("parses")
        .apply_home(&mut lexicon, "the built-in leaders.toml")
        .expect("CN is listed");
    assert_eq!(lexicon.leaders.home, "CN");
    assert_ne!(lexicon.fingerprint(), before, "the cache must re-read");
    let err = parse("\nhome_country = \"XX\"")
        .expect("parses")
        .apply_home(&mut Lexicon::embedded(), "the built-in leaders.toml")
        .expect_err("XX is not");
    let text = err.to_string();
    assert!(
        text.starts_with("/cfg/hotline/config.toml:2: home_country `XX` is not a country of the built-in leaders.toml"),
        "{text}"
    );
    assert!(text.contains("KR, CN"), "{text}");
}

#[test]
fn hostile_text_is_an_error_never_a_panic() {
    for text in [
        "\u{0}",
        "[keys.list]\nmove-down = [\"\u{1b}[31m\"]",
        "[theme]\naccent = \"\u{1b}]52;c;x\u{7}\"",
        "[keys]\nlist = { move-down = [1] }",
        "paths = [[\"a\"]]",
        "[keys.\"\u{1b}\"]",
    ] {
        if let Err(e) = parse(text) {
            assert!(!format!("{e:#}").contains('\u{1b}'), "{text:?}: {e:#}");
        }
    }
}

/// `Palette` indexes its colours by `role as usize`.
#[test]
fn every_role_has_its_own_colour_slot() {
    let mut palette = Palette::default();
    for (i, role) in Role::ALL.into_iter().enumerate() {
        assert_eq!(role as usize, i, "{role:?}");
        palette.set(role, Color::Indexed(i as u8));
    }
    for (i, role) in Role::ALL.into_iter().enumerate() {
        assert_eq!(palette.get(role), Color::Indexed(i as u8));
    }
}
