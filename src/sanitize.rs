//! Making untrusted text inert: control characters and escape sequences
//! from articles or file names never reach the terminal.
//!
//! Escape sequences (CSI, OSC, DCS and friends, and two-byte ESC codes) are
//! removed whole, so a title-setting or clipboard-writing OSC leaves no
//! payload behind. Other C0 controls and DEL become their Unicode "control
//! picture" (␇, ␡), C1 controls and bidi overrides become U+FFFD: visible,
//! harmless, and one column wide.

use std::borrow::Cow;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// The 8-bit String Terminator, which also ends OSC/DCS strings.
const ST8: char = '\u{9c}';

/// Remove escape sequences and replace other control characters so the
/// result is safe to print. Tabs become spaces; newlines are kept only
/// when `keep_newlines` (otherwise they, too, become spaces).
pub fn inert(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    match first_to_rewrite(text.as_bytes(), keep_newlines) {
        None => Cow::Borrowed(text),
        Some(first) => Cow::Owned(rewrite(text, first, keep_newlines)),
    }
}

/// Bytes that may start something `inert` rewrites; all others are skipped
/// with one table look-up each (this runs over every byte of every article).
const MAYBE_CARE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 0x20 {
        t[k] = true;
        k += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t
};

/// Whether any byte of `block` is in `MAYBE_CARE`, without branching per
/// byte (so it vectorises): lets clean text be skipped a block at a time.
fn block_may_care(block: &[u8]) -> bool {
    block.iter().fold(false, |any, &b| {
        any | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    })
}

const BLOCK: usize = 32;

/// Position of the first byte `needs_care` flags.
fn first_to_rewrite(bytes: &[u8], keep_newlines: bool) -> Option<usize> {
    let mut from = 0;
    loop {
        while bytes.len() - from >= BLOCK && !block_may_care(&bytes[from..from + BLOCK]) {
            from += BLOCK;
        }
        if from == bytes.len() {
            return None;
        }
        // Byte by byte through one block, then back to skipping.
        let end = (from + BLOCK).min(bytes.len());
        let Some(p) = bytes[from..end]
            .iter()
            .position(|&b| MAYBE_CARE[usize::from(b)])
        else {
            from = end;
            continue;
        };
        let i = from + p;
        if needs_care(bytes, i, bytes[i], keep_newlines) {
            return Some(i);
        }
        from = i + 1;
    }
}

/// True when `c` would be altered by `inert`: lets other modules check a
/// single character without allocating.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// Byte-level scan for the fast path: most text has nothing to rewrite and
/// is returned borrowed. Only the lead bytes of C1 controls (0xC2) and of
/// the bidi and line-separator block (0xE2) need a closer look.
fn needs_care(bytes: &[u8], i: usize, b: u8, keep_newlines: bool) -> bool {
    match b {
        b'\n' => !keep_newlines,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn rewrite(text: &str, first: usize, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            // CRLF is one line break; a lone CR would let text overwrite
            // the start of its own line.
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(if keep_newlines { '\n' } else { ' ' });
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(if keep_newlines { '\n' } else { ' ' }),
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if c.is_control() || is_bidi_control(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Consume what follows an ESC. Strings (OSC, DCS, SOS, PM, APC) run to
/// BEL or ST; we also stop at a line break or any other control so an
/// unterminated string can never swallow the rest of an article.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    let Some(&kind) = chars.peek() else { return };
    match kind {
        '[' => {
            chars.next();
            // CSI: parameters and intermediates, then one final byte.
            while let Some(&c) = chars.peek() {
                if !(' '..='~').contains(&c) {
                    return;
                }
                chars.next();
                if ('@'..='~').contains(&c) {
                    return;
                }
            }
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            chars.next();
            while let Some(&c) = chars.peek() {
                match c {
                    BEL | ST8 => {
                        chars.next();
                        return;
                    }
                    ESC => {
                        chars.next();
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        return;
                    }
                    c if c.is_control() => return,
                    _ => {
                        chars.next();
                    }
                }
            }
        }
        ' '..='/' => {
            // nF sequences such as ESC ( B: intermediates, then a final byte.
            while let Some(&c) = chars.peek() {
                if !(' '..='~').contains(&c) {
                    return;
                }
                chars.next();
                if c > '/' {
                    return;
                }
            }
        }
        '0'..='~' => {
            chars.next();
        }
        // A bare ESC before text or a newline: drop just the ESC.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_clean_runs_are_skipped_but_what_follows_is_caught() {
        let clean = "a".repeat(100);
        assert!(matches!(inert(&clean, true), Cow::Borrowed(_)));
        for n in [0, 1, 31, 32, 33, 63, 64, 65, 100] {
            let pad = "x".repeat(n);
            assert_eq!(
                inert(&format!("{pad}\u{1b}[31mred"), true),
                format!("{pad}red")
            );
            assert_eq!(
                inert(&format!("{pad}\u{7}"), true),
                format!("{pad}\u{2407}")
            );
            assert_eq!(inert(&format!("{pad}a\nb"), false), format!("{pad}a b"));
            assert_eq!(
                inert(&format!("{pad}\u{202e}"), true),
                format!("{pad}\u{fffd}")
            );
            assert!(matches!(
                inert(&format!("{pad}é’ok\n"), true),
                Cow::Borrowed(_)
            ));
        }
    }

    use super::*;

    fn clean(s: &str) -> String {
        inert(s, true).into_owned()
    }

    #[test]
    fn plain_text_is_borrowed() {
        let s = "President Moon ’talks’ — 문재인 대통령 · 习近平\nnext";
        assert!(matches!(inert(s, true), Cow::Borrowed(_)));
        assert!(matches!(inert("a b", false), Cow::Borrowed(_)));
    }

    #[test]
    fn newlines_and_tabs() {
        assert_eq!(inert("a\tb\nc", true), "a b\nc");
        assert_eq!(inert("a\tb\nc", false), "a b c");
        assert_eq!(inert("a\r\nb\rc", true), "a\nb\nc");
        assert_eq!(inert("a\r\nb\rc", false), "a b c");
    }

    #[test]
    fn csi_sequences_removed() {
        assert_eq!(clean("\x1b[31mred\x1b[0m text"), "red text");
        assert_eq!(clean("\x1b[2J\x1b[1;1Hcleared"), "cleared");
        assert_eq!(clean("\x1b[?1049h"), "");
    }

    #[test]
    fn osc_sequences_removed_with_payload() {
        assert_eq!(clean("a\x1b]0;evil title\x07b"), "ab");
        assert_eq!(clean("a\x1b]52;c;ZXZpbA==\x07b"), "ab");
        assert_eq!(
            clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
        // Unterminated: stops at the line end, the next line survives.
        assert_eq!(clean("a\x1b]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn other_escapes() {
        assert_eq!(clean("a\x1bcb"), "ab");
        assert_eq!(clean("a\x1b(Bb"), "ab");
        assert_eq!(clean("trailing\x1b"), "trailing");
        assert_eq!(clean("a\x1b\nb"), "a\nb");
    }

    #[test]
    fn controls_made_visible() {
        assert_eq!(clean("bell\x07"), "bell␇");
        assert_eq!(clean("nul\0"), "nul␀");
        assert_eq!(clean("del\x7f"), "del␡");
        assert_eq!(clean("c1\u{9b}31m"), "c1\u{fffd}31m");
        assert_eq!(clean("x\u{85}y"), "x\ny");
    }

    #[test]
    fn bidi_overrides_replaced() {
        assert_eq!(clean("a\u{202e}cba\u{202c}"), "a\u{fffd}cba\u{fffd}");
        assert_eq!(clean("\u{2066}x\u{2069}"), "\u{fffd}x\u{fffd}");
        // Neighbouring characters in the same UTF-8 block are left alone.
        assert_eq!(clean("“quote” … ‰"), "“quote” … ‰");
    }

    #[test]
    fn result_never_has_controls() {
        let nasty = "\x1b]0;t\x07\x1b[1m\u{9d}x\u{202d}\x08\x1b\x1b[\x1b]";
        let out = clean(nasty);
        assert!(
            !out.chars().any(|c| c != '\n' && is_unsafe_char(c)),
            "{out:?}"
        );
    }
}
