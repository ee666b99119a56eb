//! The keymap: names derived from the values, key spellings that read
//! back, rebindings applied with their conflicts reported by line.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::ui::action::Motion;
use crate::ui::mode::Overlay;

fn rebind(context: Context, action: &str, keys: &[&str], line: usize) -> Rebind {
    Rebind {
        context,
        action: action.into(),
        keys: keys.iter().filter_map(|k| parse_key(k)).collect(),
        line,
    }
}

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn action_and_context_names_come_from_the_values() {
    assert_eq!(action_name(&Action::Move(Motion::Down)), "move-down");
    assert_eq!(
        action_name(&Action::ToggleOverlay(Overlay::About)),
        "toggle-overlay-about"
    );
    assert_eq!(
        action_name(&Action::ScrollDetail(Motion::PageDown)),
        "scroll-detail-page-down"
    );
    assert_eq!(action_name(&Action::ToggleHelp), "toggle-help");
    assert_eq!(context_name(Context::TextSearch), "text-search");
    assert_eq!(context_named("list"), Some(Context::List));
    assert_eq!(context_named("lists"), None);
}

/// Two rows of one context with one name would make a rebinding ambiguous.
#[test]
fn every_bindable_action_has_one_name_per_context() {
    for ctx in Context::ALL {
        let mut names: Vec<String> = BINDINGS
            .iter()
            .filter(|b| b.context == ctx && !b.keys.is_empty())
            .map(|b| action_name(&b.action))
            .collect();
        let all = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all, "{ctx:?}: {names:?}");
    }
}

#[test]
fn every_default_key_reads_back_from_its_config_spelling() {
    for b in BINDINGS {
        for k in b.keys {
            let name = key_config_name(k);
            assert_eq!(parse_key(&name), Some(*k), "{name}");
            assert_eq!(parse_key(&k.label()), Some(*k), "{}", k.label());
        }
    }
}

#[test]
fn key_spellings() {
    let ctrl_d = Key {
        code: KeyCode::Char('d'),
        mods: KeyModifiers::CONTROL,
    };
    assert_eq!(parse_key("Ctrl-d"), Some(ctrl_d));
    assert_eq!(parse_key("ctrl-D"), Some(ctrl_d));
    assert_eq!(parse_key("PgDn").map(|k| k.code), Some(KeyCode::PageDown));
    assert_eq!(
        parse_key("pagedown").map(|k| k.code),
        Some(KeyCode::PageDown)
    );
    assert_eq!(parse_key("F5").map(|k| k.label()), Some("F5".into()));
    assert_eq!(parse_key("Alt-x").map(|k| k.label()), Some("Alt-x".into()));
    assert_eq!(parse_key("Space").map(|k| k.code), Some(KeyCode::Char(' ')));
    for bad in [
        "",
        "Ctrl-",
        "Ctrl-Ctrl-x",
        "Hyper-x",
        "F0",
        "F99",
        "jj",
        "\u{1b}",
    ] {
        assert_eq!(parse_key(bad), None, "{bad:?}");
    }
}

#[test]
fn a_rebinding_replaces_the_keys_and_the_hint() {
    let map =
        Keymap::with(&[rebind(Context::List, "move-down", &["x", "Ctrl-n"], 3)]).expect("valid");
    let down = map.action_for(Context::List, press(KeyCode::Char('x'), KeyModifiers::NONE));
    assert!(matches!(down, Some(Action::Move(Motion::Down))));
    assert!(
        map.action_for(Context::List, press(KeyCode::Char('j'), KeyModifiers::NONE))
            .is_none()
    );
    // The detail pane's own `j` is untouched.
    let detail = map.action_for(
        Context::Detail,
        press(KeyCode::Char('j'), KeyModifiers::NONE),
    );
    assert!(matches!(detail, Some(Action::Move(Motion::Down))));
    assert!(map.hints(Context::List).contains(&"x/Ctrl-n move"));
    assert!(!map.is_default());
    assert!(Keymap::defaults().is_default());
}

#[test]
fn hints_keep_their_words_whatever_the_keys() {
    let era = [Key {
        code: KeyCode::Char('e'),
        mods: KeyModifiers::NONE,
    }];
    assert_eq!(rewrite_hint("[ ] era", &era), "e era");
    assert_eq!(rewrite_hint("/ search text", &era), "e search text");
    assert_eq!(rewrite_hint("Esc/q back", &era), "e back");
    assert_eq!(rewrite_hint("j/k move", &[]), "");
}

#[test]
fn a_key_taken_from_another_action_is_an_error_unless_that_one_moves_too() {
    let err =
        Keymap::with(&[rebind(Context::List, "move-down", &["k"], 7)]).expect_err("k is move-up's");
    assert_eq!(err.line, 7);
    assert!(
        err.message.contains("`k` is bound twice in list"),
        "{}",
        err.message
    );
    assert!(err.message.contains("move-up"), "{}", err.message);
    let swapped = Keymap::with(&[
        rebind(Context::List, "move-down", &["k"], 7),
        rebind(Context::List, "move-up", &["j"], 8),
    ])
    .expect("a swap is fine");
    let k = swapped.action_for(Context::List, press(KeyCode::Char('k'), KeyModifiers::NONE));
    assert!(matches!(k, Some(Action::Move(Motion::Down))));
    let unbound = Keymap::with(&[
        rebind(Context::List, "move-down", &["k"], 7),
        rebind(Context::List, "move-up", &[], 8),
    ])
    .expect("unbinding frees the key");
    let e = unbound
        .entries()
        .iter()
        .find(|e| e.context == Context::List);
    assert!(e.is_some());
    assert!(
        unbound
            .entries()
            .iter()
            .any(|e| action_name(&e.action) == "move-up" && keys_label(e) == "(none)")
    );
}

#[test]
fn a_key_twice_in_one_list_is_an_error() {
    let err = Keymap::with(&[rebind(Context::List, "quit", &[], 1)]).expect_err("no quit in list");
    assert!(
        err.message.contains("not an action of list"),
        "{}",
        err.message
    );
    let err = Keymap::with(&[rebind(Context::List, "close", &["Ctrl-q", "Ctrl-q"], 4)])
        .expect_err("twice");
    assert_eq!(err.line, 4);
    assert!(
        err.message.contains("`Ctrl-q` is bound twice in list"),
        "{}",
        err.message
    );
}

#[test]
fn a_misspelt_action_gets_a_suggestion() {
    let err =
        Keymap::with(&[rebind(Context::Browse, "toggle-hlep", &["h"], 12)]).expect_err("typo");
    assert_eq!(err.line, 12);
    assert_eq!(
        err.message,
        "unknown action `toggle-hlep` (did you mean toggle-help?)"
    );
}

#[test]
fn a_plain_character_cannot_be_bound_where_text_is_typed() {
    let err = Keymap::with(&[rebind(Context::Global, "quit", &["x"], 2)]).expect_err("typed");
    assert!(
        err.message.contains("would stop it being typed"),
        "{}",
        err.message
    );
    assert!(Keymap::with(&[rebind(Context::Global, "quit", &["Ctrl-q"], 2)]).is_ok());
}

#[test]
fn two_rebindings_taking_one_key_name_both_lines() {
    let err = Keymap::with(&[
        rebind(Context::List, "move-up", &["Ctrl-q"], 13),
        rebind(Context::List, "close", &["Ctrl-q"], 14),
    ])
    .expect_err("twice");
    assert_eq!(err.line, 14);
    assert_eq!(
        err.message,
        "`Ctrl-q` is bound twice in list: to move-up (line 13) and to close"
    );
}
