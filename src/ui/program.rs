//! What the run loop needs to hand an article to another program or the
//! clipboard, as pure functions: the argv of `$PAGER` / `$EDITOR` (split as
//! a shell would, never run through one) and the OSC 52 sequence that asks
//! the terminal (through tmux when inside it) to copy text. The terminal
//! handing-over itself is `tui`'s.

use base64::Engine as _;

/// The pager when `$PAGER` is unset: colours pass through.
pub const DEFAULT_PAGER: &str = "less -R";
/// The editor when neither `$VISUAL` nor `$EDITOR` is set.
pub const DEFAULT_EDITOR: &str = "vi";

/// The argv a `$PAGER`-style variable names: `value` split into words as
/// a shell would (quotes, backslashes), or `fallback` when it is unset or
/// blank. A value that can not be split (an open quote) is an error naming
/// `var`, so the user learns which variable to fix.
pub fn argv(var: &str, value: Option<&str>, fallback: &str) -> Result<Vec<String>, String> {
    let text = match value {
        Some(v) if !v.trim().is_empty() => v,
        _ => fallback,
    };
    match shlex::split(text) {
        Some(words) if !words.is_empty() => Ok(words),
        _ => Err(format!(
            "${var} can not be read as a command: {}",
            crate::sanitize::inert(text, false)
        )),
    }
}

/// The first of `vars` that is set and not blank, as `(name, value)`.
pub fn first_set<'a>(vars: &[(&'a str, Option<String>)]) -> Option<(&'a str, String)> {
    vars.iter().find_map(|(name, value)| {
        value
            .as_ref()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (*name, v.clone()))
    })
}

/// The escape sequence that puts `text` on the clipboard of the terminal
/// (OSC 52, understood by most terminals and over SSH). Inside tmux
/// (`tmux`) it is sent twice: as it is, which tmux takes into its own
/// buffer and passes on with `set-clipboard on`, and wrapped in tmux's
/// passthrough with each ESC doubled, which reaches the outer terminal
/// with `allow-passthrough on`; either setting then copies. The text is
/// sent as base64: nothing in it can act as a control code.
pub fn osc52(text: &str, tmux: bool) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let seq = format!("\x1b]52;c;{payload}\x07");
    if tmux {
        let wrapped = format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"));
        seq + &wrapped
    } else {
        seq
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pager_variable_is_split_like_a_shell_without_one() {
        let words = |v: Option<&str>| argv("PAGER", v, DEFAULT_PAGER);
        assert_eq!(words(None), Ok(vec!["less".into(), "-R".into()]));
        assert_eq!(words(Some("  ")), Ok(vec!["less".into(), "-R".into()]));
        assert_eq!(words(Some("most -s")), Ok(vec!["most".into(), "-s".into()]));
        assert_eq!(
            words(Some("'/opt/my pager/bin/p' --x; rm -rf ~")),
            Ok(vec![
                "/opt/my pager/bin/p".into(),
                "--x;".into(),
                "rm".into(),
                "-rf".into(),
                "~".into()
            ]),
            "no shell: ; and ~ are plain words"
        );
        let err = words(Some("less 'open")).expect_err("open quote");
        assert!(err.contains("$PAGER"), "{err}");
    }

    #[test]
    fn the_first_variable_set_wins() {
        let vars = [
            ("VISUAL", Some(" ".to_string())),
            ("EDITOR", Some("nano".to_string())),
        ];
        assert_eq!(first_set(&vars), Some(("EDITOR", "nano".to_string())));
        assert_eq!(first_set(&[("VISUAL", None)]), None);
    }

    #[test]
    fn osc52_carries_base64_and_tmux_gets_its_passthrough() {
        assert_eq!(
            osc52("2020-05-13-moon-xi", false),
            "\x1b]52;c;MjAyMC0wNS0xMy1tb29uLXhp\x07"
        );
        let wrapped = osc52("a", true);
        assert_eq!(
            wrapped,
            "\x1b]52;c;YQ==\x07\x1bPtmux;\x1b\x1b]52;c;YQ==\x07\x1b\\"
        );
        let hostile = osc52("x\x1b]0;pwned\x07", false);
        assert_eq!(hostile.matches('\x1b').count(), 1, "{hostile:?}");
    }
}
