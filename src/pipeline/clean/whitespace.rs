//! Whitespace: runs of spaces, tabs and no-break spaces collapse to one
//! space, and inline image markup is cut out, in one byte loop.

use std::borrow::Cow;

use crate::sanitize;

/// Bounds on inline image markup, so a stray "![" can't eat a paragraph.
const IMAGE_ALT_MAX: usize = 300;
const IMAGE_TAG_MAX: usize = 2000;

/// Calls `f` with each line of `text` (`text.split('\n')`) and whether
/// `collapse_spaces` would change it. One pass over the text finds both
/// the line ends and the bytes that may need collapsing; most lines have
/// none, and are not looked at again.
pub(super) fn for_each_line<'t>(text: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let b = text.as_bytes();
    let edge_space = |line: &[u8]| line.first() == Some(&b' ') || line.last() == Some(&b' ');
    let (mut start, mut end, mut needs) = (0, None, false);
    sanitize::for_each_byte(b, may_need_collapse, |j| {
        if b[j] == b'\n' {
            f(&text[start..j], needs || edge_space(&b[start..j]));
            (start, end, needs) = (j + 1, None, false);
            return j + 1;
        }
        // The first flagged byte of a line finds where the line ends.
        let end = *end
            .get_or_insert_with(|| sanitize::find_byte(b, j, |c| c == b'\n').unwrap_or(b.len()));
        let (line, k) = (&b[start..end], j - start);
        if line[k] == b' ' || whitespace_len(line, k) > 0 || image_end(line, k).is_some() {
            // The rest of the line needs no look.
            needs = true;
            end
        } else {
            j + 1
        }
    });
    f(&text[start..], needs || edge_space(&b[start..]));
}

/// Runs of whitespace (tabs, NBSP, ideographic space…) become one space,
/// and inline image markup (`![alt](url)`, `<img …>`) is cut out. One byte
/// loop that copies whole runs of ordinary text: this touches every byte of
/// every article.
pub(super) fn collapse_spaces(line: &str) -> Cow<'_, str> {
    match needs_collapse(line) {
        true => Cow::Owned(collapse(line)),
        false => Cow::Borrowed(line),
    }
}

/// `collapse_spaces` of a line that needs it.
pub(super) fn collapse(line: &str) -> String {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut i, mut copied) = (0, 0);
    // Whether a gap (whitespace or removed markup) sits between `out` and
    // the text still to copy.
    let mut gap = false;
    while i < b.len() {
        if !SPECIAL[usize::from(b[i])] {
            i += 1;
            continue;
        }
        // A lone space between two words is ordinary text (the common case).
        if b[i] == b' ' && i > copied && b.get(i + 1).is_some_and(|&n| !WHITE_START[usize::from(n)])
        {
            i += 1;
            continue;
        }
        let skip = match whitespace_len(b, i) {
            0 => image_end(b, i).map_or(0, |end| end - i),
            n => {
                let run_end = whitespace_run_end(b, i + n);
                if n == 1 && b[i] == b' ' && run_end == i + 1 && i > copied && run_end < b.len() {
                    i += 1;
                    continue;
                }
                run_end - i
            }
        };
        if skip == 0 {
            i += 1;
            continue;
        }
        push_with_gap(&mut out, &line[copied..i], &mut gap);
        gap = true;
        i += skip;
        copied = i;
    }
    push_with_gap(&mut out, &line[copied..], &mut gap);
    // Markup cut from the very end leaves the space that preceded it.
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out
}

/// A cheap first look at a line (no '\n'): most lines are already
/// single-spaced, markup-free.
pub(super) fn needs_collapse(line: &str) -> bool {
    let mut needs = false;
    for_each_line(line, |_, n| needs = n);
    needs
}

/// A space before a space, or a byte that may start other whitespace or
/// image markup.
#[inline(always)]
pub(super) fn may_need_collapse(c: u8, next: u8) -> bool {
    ((c == b' ') & (next == b' '))
        | (c.wrapping_sub(b'\t') <= b'\r' - b'\t')
        | (c.wrapping_sub(0xc2) <= 0xe3 - 0xc2)
        | (c == b'!')
        | (c == b'<')
}

pub(super) fn push_with_gap(out: &mut String, text: &str, gap: &mut bool) {
    if text.is_empty() {
        return;
    }
    if *gap && !out.is_empty() && !out.ends_with(' ') && !text.starts_with(' ') {
        out.push(' ');
    }
    *gap = false;
    out.push_str(text);
}

pub(super) fn whitespace_run_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match whitespace_len(b, i) {
            0 => break,
            n => i += n,
        }
    }
    i
}

/// Bytes that may start whitespace or image markup.
pub(super) const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b" \t\n\x0b\x0c\r\xc2\xe1\xe2\xe3!<";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// Bytes that may start a whitespace character.
pub(super) const WHITE_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b" \t\n\x0b\x0c\r\xc2\xe1\xe2\xe3";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// Byte length of the whitespace character at `i`, or 0. Matches
/// `char::is_whitespace` by its UTF-8 encodings.
pub(crate) fn whitespace_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xc2 => match b.get(i + 1) {
            Some(0x85 | 0xa0) => 2,
            _ => 0,
        },
        0xe1 => usize::from(b[i..].starts_with(&[0xe1, 0x9a, 0x80])) * 3,
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) | (Some(0x81), Some(0x9f)) => 3,
            _ => 0,
        },
        0xe3 => usize::from(b[i..].starts_with(&[0xe3, 0x80, 0x80])) * 3,
        _ => 0,
    }
}

/// End of the image markup starting at `i`, if any. The search for the
/// closing part is bounded, so a stray "![" can't eat a paragraph and the
/// loop stays linear.
pub(super) fn image_end(b: &[u8], i: usize) -> Option<usize> {
    if b[i..].starts_with(b"![") {
        markdown_image_end(b, i)
    } else if b[i] == b'<' && b.len() - i >= 4 && b[i + 1..i + 4].eq_ignore_ascii_case(b"img") {
        find_within(b, i, IMAGE_TAG_MAX, b">").map(|j| j + 1)
    } else {
        None
    }
}

pub(super) fn markdown_image_end(b: &[u8], start: usize) -> Option<usize> {
    let mid = find_within(b, start, IMAGE_ALT_MAX, b"](")?;
    find_within(b, mid, IMAGE_TAG_MAX, b")").map(|j| j + 1)
}

/// Position of `needle` in `b[from..from + window]`. Needles are ASCII, so
/// every result is a char boundary.
pub(super) fn find_within(b: &[u8], from: usize, window: usize, needle: &[u8]) -> Option<usize> {
    let end = (from + window).min(b.len());
    b[from..end]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}
