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

/// Bytes that may start something `inert` rewrites: controls, DEL and the
/// lead bytes of C1 controls (0xC2) and of the bidi and line-separator
/// block (0xE2). All others are skipped a block at a time (this runs over
/// every byte of every article).
fn may_care(b: u8) -> bool {
    (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
}

/// Position of the first byte `needs_care` flags.
fn first_to_rewrite(bytes: &[u8], keep_newlines: bool) -> Option<usize> {
    let mut from = 0;
    loop {
        // Kept newlines are in every line: they must not stop the skipping.
        let i = if keep_newlines {
            find_byte(bytes, from, |b| may_care(b) & (b != b'\n'))
        } else {
            find_byte(bytes, from, may_care)
        }?;
        if needs_care(bytes, i, bytes[i], keep_newlines) {
            return Some(i);
        }
        from = i + 1;
    }
}

const BLOCK: usize = 32;

/// Position of the first byte at or after `from` for which `hit` holds.
/// Blocks without a hit are skipped with a test that vectorises, so they
/// cost a few instructions; in the block with the hit, the same test
/// finds the 8 bytes to search byte by byte.
#[inline(always)]
pub(crate) fn find_byte(b: &[u8], mut from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    while let Some(block) = b.get(from..from + BLOCK) {
        if any_byte(block, &hit) {
            if let Some(k) = block.chunks_exact(8).position(|part| any_byte(part, &hit)) {
                from += 8 * k;
            }
            break;
        }
        from += BLOCK;
    }
    b[from..].iter().position(|&c| hit(c)).map(|p| from + p)
}

/// Calls `visit` at each position `i` where `hit(b[i], b[i + 1])` (0 for
/// the byte after the last), in order, skipping those before the position
/// the previous call returned (`usize::MAX` stops the scan). Made for hits
/// too frequent for `find_byte`: each block is flagged once, branch-free,
/// and the hits are read from a bit mask.
#[inline(always)]
pub(crate) fn for_each_byte(
    b: &[u8],
    hit: impl Fn(u8, u8) -> bool,
    mut visit: impl FnMut(usize) -> usize,
) {
    let (mut base, mut next) = (0, 0);
    while base < b.len() {
        // The block and the byte after it; the last one padded with zeros.
        let mut pad = [0u8; BLOCK + 1];
        let block = match b.get(base..base + BLOCK + 1) {
            Some(block) => block,
            None => {
                pad[..b.len() - base].copy_from_slice(&b[base..]);
                &pad[..]
            }
        };
        let mut flags = [0u8; BLOCK];
        for (k, f) in flags.iter_mut().enumerate() {
            *f = u8::from(hit(block[k], block[k + 1]));
        }
        let mut mask = bitmask(&flags);
        while mask != 0 {
            let i = base + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if i >= b.len() {
                return;
            }
            if i >= next {
                next = visit(i);
            }
        }
        base = (base + BLOCK).max(next);
    }
}

/// Bit `k` set when `flags[k]` (each 0 or 1) is 1: per 8 bytes, one
/// multiplication gathers the flags into the top byte.
#[inline(always)]
fn bitmask(flags: &[u8; BLOCK]) -> u32 {
    let mut mask = 0;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        mask |= ((word.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * k);
    }
    mask
}

/// Whether `hit` holds for a byte of `block`, without a branch per byte.
/// The accumulator must be a `u8`: with a `bool` one, LLVM vectorises
/// `hit` across its comparisons instead of across bytes.
#[inline(always)]
fn any_byte(block: &[u8], hit: &impl Fn(u8) -> bool) -> bool {
    block.iter().fold(0u8, |any, &c| any | u8::from(hit(c))) != 0
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
