//! Cleaning: from decoded text to the reading text of an article. Splits off
//! the ` date YYYY-MM-DD` header, drops boilerplate and page noise, splits
//! paragraphs and sentences (including glued ones), and makes control
//! characters inert.
//!
//! Which lines count as noise is data (`assets/boilerplate.toml`), and only
//! short lines are ever checked against it, so a paragraph of prose is
//! never dropped. Everything is one pass over the text per step; a 10 MiB
//! line costs the same per byte as a short one.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

#[cfg(test)]
use crate::model::Header;
use crate::model::{Cleaned, Paragraph};
use crate::sanitize;

/// The built-in noise patterns.
pub const EMBEDDED_BOILERPLATE: &str = include_str!("../assets/boilerplate.toml");

/// A short line seen this often in one article is page furniture
/// ("Article content" ×20), not something the writer said three times.
const REPEAT_MIN: usize = 3;
const REPEAT_MAX_WORDS: usize = 8;
const REPEAT_MAX_BYTES: usize = 100;
/// How far down a photo caption may sit (in paragraphs).
const CAPTION_TOP: usize = 3;
const CAPTION_MAX_WORDS: usize = 40;
const CREDIT_MAX_WORDS: usize = 6;
/// Bounds on inline image markup, so a stray "![" can't eat a paragraph.
const IMAGE_ALT_MAX: usize = 300;
const IMAGE_TAG_MAX: usize = 2000;
/// Longest word looked at when deciding whether a "." is an abbreviation.
const ABBREV_LOOKBACK: usize = 40;

/// Noise patterns, loaded from TOML (see `assets/boilerplate.toml` for what
/// each list means). Users may add their own with `from_toml` + `extend`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Patterns {
    pub max_line_bytes: usize,
    pub exact: Vec<String>,
    pub prefixes: Vec<String>,
    pub block_start: Vec<String>,
    pub block_words: Vec<String>,
    pub block_short_words: usize,
    pub buttons: Vec<String>,
    pub korean_meta: Vec<String>,
    pub image_prefixes: Vec<String>,
    pub caption_prefixes: Vec<String>,
    pub labels: Vec<String>,
    pub abbreviations: HashSet<String>,
}

impl Default for Patterns {
    fn default() -> Self {
        Patterns {
            max_line_bytes: 200,
            exact: Vec::new(),
            prefixes: Vec::new(),
            block_start: Vec::new(),
            block_words: Vec::new(),
            block_short_words: 3,
            buttons: Vec::new(),
            korean_meta: Vec::new(),
            image_prefixes: Vec::new(),
            caption_prefixes: Vec::new(),
            labels: Vec::new(),
            abbreviations: HashSet::new(),
        }
    }
}

impl Patterns {
    pub fn from_toml(text: &str) -> Result<Patterns, toml::de::Error> {
        let mut p: Patterns = toml::from_str(text)?;
        p.buttons = p.buttons.iter().map(|b| b.to_lowercase()).collect();
        p.block_words = p.block_words.iter().map(|b| b.to_lowercase()).collect();
        Ok(p)
    }

    /// The built-in patterns (parsed once).
    pub fn embedded() -> &'static Patterns {
        static EMBEDDED: OnceLock<Patterns> = OnceLock::new();
        // The file is compiled in and checked by a test; an empty set of
        // patterns is still a working (if noisier) cleaner.
        EMBEDDED.get_or_init(|| Patterns::from_toml(EMBEDDED_BOILERPLATE).unwrap_or_default())
    }

    /// Add another file's patterns to these.
    pub fn extend(&mut self, other: Patterns) {
        self.max_line_bytes = self.max_line_bytes.max(other.max_line_bytes);
        self.exact.extend(other.exact);
        self.prefixes.extend(other.prefixes);
        self.block_start.extend(other.block_start);
        self.block_words.extend(other.block_words);
        self.buttons.extend(other.buttons);
        self.korean_meta.extend(other.korean_meta);
        self.image_prefixes.extend(other.image_prefixes);
        self.caption_prefixes.extend(other.caption_prefixes);
        self.labels.extend(other.labels);
        self.abbreviations.extend(other.abbreviations);
    }
}

pub fn clean(text: &str) -> Cleaned {
    clean_with(text, Patterns::embedded())
}

/// `clean` with a given set of noise patterns.
pub fn clean_with(text: &str, pats: &Patterns) -> Cleaned {
    let safe = sanitize::inert(text.strip_prefix('\u{feff}').unwrap_or(text), true);
    let mut lines = safe.split('\n');
    let mut cleaned = Cleaned::default();
    let mut body: Vec<String> = Vec::new();
    if let Some(first) = lines.next() {
        match parse_header(first) {
            Some((published, rest)) => {
                cleaned.header.published = published;
                let rest = collapse_spaces(rest);
                if is_caption_line(&rest, pats) || is_photo_caption(&rest) {
                    cleaned.captions.push(rest);
                } else if !rest.is_empty() {
                    cleaned.header.headline = Some(rest);
                }
            }
            None => body.push(collapse_spaces(first)),
        }
    }
    body.extend(lines.map(collapse_spaces));
    body.retain(|l| !l.is_empty());

    let kept = drop_noise(body, pats, &mut cleaned.captions);
    let last = kept.len().saturating_sub(1);
    for (i, line) in kept.into_iter().enumerate() {
        if i < CAPTION_TOP && i < last && is_photo_caption(&line) {
            cleaned.captions.push(line);
            continue;
        }
        let paragraph = split_sentences(line, pats);
        if !paragraph.text.is_empty() {
            cleaned.paragraphs.push(paragraph);
        }
    }
    cleaned
}

/// ` date 2025-06-10 rest…` (any case, any spacing, `-`, `/` or `.` between
/// the numbers) → the date, if it is a real one, and the rest of the line.
fn parse_header(line: &str) -> Option<(Option<NaiveDate>, &str)> {
    let s = line.trim_start();
    if s.len() < 4 || !s.as_bytes()[..4].eq_ignore_ascii_case(b"date") {
        return None;
    }
    let s = s[4..].trim_start_matches([' ', ':']);
    let (year, s) = take_digits(s, 4, 4)?;
    let s = s.strip_prefix(['-', '/', '.'])?;
    let (month, s) = take_digits(s, 1, 2)?;
    let s = s.strip_prefix(['-', '/', '.'])?;
    let (day, rest) = take_digits(s, 1, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(year as i32, month, day), rest))
}

fn take_digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// Runs of whitespace (tabs, NBSP, ideographic space…) become one space,
/// and inline image markup (`![alt](url)`, `<img …>`) is cut out. One byte
/// loop that copies whole runs of ordinary text: this touches every byte of
/// every article.
fn collapse_spaces(line: &str) -> String {
    let b = line.as_bytes();
    if !needs_collapse(line) {
        return line.to_string();
    }
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

/// A cheap first look: most lines are already single-spaced, markup-free.
/// Only rare bytes stop this loop, so it runs without mispredictions.
fn needs_collapse(line: &str) -> bool {
    let b = line.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || line.contains("  ") {
        return true;
    }
    let mut i = 0;
    while i < b.len() {
        // Skip blocks without a byte that could matter, a block at a time.
        if b.len() - i >= BLOCK && !block_may_be_special(&b[i..i + BLOCK]) {
            i += BLOCK;
            continue;
        }
        // Byte by byte through one block, then back to skipping.
        let end = (i + BLOCK).min(b.len());
        while i < end {
            let c = b[i];
            if c != b' '
                && SPECIAL[usize::from(c)]
                && (whitespace_len(b, i) > 0 || image_end(b, i).is_some())
            {
                return true;
            }
            i += 1;
        }
    }
    false
}

const BLOCK: usize = 32;

/// Whether `block` holds a `SPECIAL` byte other than ' ', without a
/// branch per byte (so it vectorises).
fn block_may_be_special(block: &[u8]) -> bool {
    block.iter().fold(false, |any, &c| {
        any | (c.wrapping_sub(b'\t') <= b'\r' - b'\t')
            | (c.wrapping_sub(0xc2) <= 0xe3 - 0xc2)
            | (c == b'!')
            | (c == b'<')
    })
}

fn push_with_gap(out: &mut String, text: &str, gap: &mut bool) {
    if text.is_empty() {
        return;
    }
    if *gap && !out.is_empty() && !out.ends_with(' ') && !text.starts_with(' ') {
        out.push(' ');
    }
    *gap = false;
    out.push_str(text);
}

fn whitespace_run_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match whitespace_len(b, i) {
            0 => break,
            n => i += n,
        }
    }
    i
}

/// Bytes that may start whitespace or image markup.
const SPECIAL: [bool; 256] = {
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
const WHITE_START: [bool; 256] = {
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
fn image_end(b: &[u8], i: usize) -> Option<usize> {
    if b[i..].starts_with(b"![") {
        markdown_image_end(b, i)
    } else if b[i] == b'<' && b.len() - i >= 4 && b[i + 1..i + 4].eq_ignore_ascii_case(b"img") {
        find_within(b, i, IMAGE_TAG_MAX, b">").map(|j| j + 1)
    } else {
        None
    }
}

fn markdown_image_end(b: &[u8], start: usize) -> Option<usize> {
    let mid = find_within(b, start, IMAGE_ALT_MAX, b"](")?;
    find_within(b, mid, IMAGE_TAG_MAX, b")").map(|j| j + 1)
}

/// Position of `needle` in `b[from..from + window]`. Needles are ASCII, so
/// every result is a char boundary.
fn find_within(b: &[u8], from: usize, window: usize, needle: &[u8]) -> Option<usize> {
    let end = (from + window).min(b.len());
    b[from..end]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Drop boilerplate lines; move caption lines to `captions`.
fn drop_noise(lines: Vec<String>, pats: &Patterns, captions: &mut Vec<String>) -> Vec<String> {
    let repeated = repeated_short_lines(&lines);
    let mut kept = Vec::with_capacity(lines.len());
    let mut in_block = false;
    for line in lines {
        if in_block && is_block_line(&line, pats) {
            continue;
        }
        in_block = false;
        let short = line.len() <= pats.max_line_bytes;
        if short && starts_with_any(&line, &pats.block_start) {
            in_block = true;
        } else if short && (is_boilerplate(&line, pats) || repeated.contains(&line)) {
            continue;
        } else if short && is_caption_line(&line, pats) {
            captions.push(line);
        } else {
            kept.push(line);
        }
    }
    kept
}

fn repeated_short_lines(lines: &[String]) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        if line.len() <= REPEAT_MAX_BYTES && line.split(' ').count() <= REPEAT_MAX_WORDS {
            *counts.entry(line.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= REPEAT_MIN)
        .map(|(l, _)| l.to_string())
        .collect()
}

/// Inside a subscription block: bullets, very short lines ("or") and lines
/// about subscribing or accounts.
fn is_block_line(line: &str, pats: &Patterns) -> bool {
    if line.len() > pats.max_line_bytes {
        return false;
    }
    if ["- ", "• ", "* ", "· ", "– "]
        .iter()
        .any(|b| line.starts_with(b))
        || line.split(' ').count() <= pats.block_short_words
        || starts_with_any(line, &pats.block_start)
        || is_boilerplate(line, pats)
    {
        return true;
    }
    let lower = line.to_lowercase();
    pats.block_words.iter().any(|w| lower.contains(w.as_str()))
}

fn is_boilerplate(line: &str, pats: &Patterns) -> bool {
    let bare = line.trim_end_matches(['.', ':']);
    pats.exact.iter().any(|e| bare.eq_ignore_ascii_case(e))
        || starts_with_any(line, &pats.prefixes)
        || starts_with_any(line, &pats.image_prefixes)
        || is_button_row(line, pats)
        || is_korean_meta(line, pats)
}

fn starts_with_any(line: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| {
        line.len() >= p.len() && line.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

fn is_button_row(line: &str, pats: &Patterns) -> bool {
    let mut words = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '/' | '•' | ','))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| pats.buttons.iter().any(|b| b.eq_ignore_ascii_case(w)))
}

/// `입력 2020.02.20 10:31`, `기사입력 : 2020-02-20`: a metadata word, then a
/// date. Requiring the four-digit year keeps prose starting with 수정 or 등록.
fn is_korean_meta(line: &str, pats: &Patterns) -> bool {
    pats.korean_meta.iter().any(|word| {
        let Some(rest) = line.strip_prefix(word.as_str()) else {
            return false;
        };
        let rest = rest.trim_start_matches([' ', ':', '=', '|', '：']);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4 && rest[4..].starts_with(['.', '-', '/', '년'])
    })
}

/// "Photo : KBS News", "[Photo: …]", "사진=연합뉴스": a caption wherever it sits.
fn is_caption_line(line: &str, pats: &Patterns) -> bool {
    starts_with_any(line, &pats.caption_prefixes) && line.split(' ').count() <= CAPTION_MAX_WORDS
}

/// "(Yonhap)", "(Cheong Wa Dae)", "(AP Photo/Ahn Young-joon)".
fn is_lone_credit(line: &str) -> bool {
    line.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .is_some_and(is_credit_name)
}

fn is_credit_name(s: &str) -> bool {
    let words = s.split(' ').count();
    !s.is_empty()
        && words <= CREDIT_MAX_WORDS
        && s.len() <= 60
        && s.starts_with(|c: char| c.is_uppercase() || (c.is_alphabetic() && !c.is_ascii()))
        && !s.contains(['(', ')', ',', '.', ';'])
        && !s.bytes().any(|b| b.is_ascii_digit())
        && !s.starts_with("With ")
        && !s.contains(" from ")
}

/// A short descriptive sentence ending in a parenthesised credit: "President
/// Moon talks with … on Thursday. (Cheong Wa Dae)". Only looked for near the
/// top; a credit alone at the end is the source trailer and stays.
fn is_photo_caption(line: &str) -> bool {
    // Both forms end in a parenthesised credit; checked first as it is cheap.
    if !line.ends_with(')') || line.split(' ').count() > CAPTION_MAX_WORDS {
        return false;
    }
    if is_lone_credit(line) {
        return true;
    }
    let Some(inner) = line.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let before = inner[..open].trim_end();
    is_credit_name(&inner[open + 1..])
        && before.ends_with(['.', '!'])
        && before.split(' ').count() >= 3
}

/// Split a paragraph (spaces already collapsed) into sentences. Glued
/// sentences ("week.Our") get the missing space; broadcast labels
/// ("Report:") at a sentence start are dropped. The text is only rebuilt
/// when one of those two happens; otherwise ranges point into it as is.
pub fn split_sentences(text: String, pats: &Patterns) -> Paragraph {
    let cuts = cuts(&text, pats);
    let mut rewrite = cuts.iter().any(|c| c.glued);
    // (start, end, space before) of each sentence, in `text`.
    let mut found = Vec::with_capacity(cuts.len() + 1);
    let (mut from, mut space_before) = (0, false);
    let ends = cuts
        .iter()
        .map(|c| (c.end, c.next, c.glued || c.next > c.end))
        .chain(std::iter::once((text.len(), text.len(), false)));
    for (end, next, space_after) in ends {
        let piece = &text[from..end];
        let trimmed = piece.trim();
        let body = strip_label(trimmed, pats);
        rewrite |= body.len() != trimmed.len();
        if !body.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let start = from + lead + (trimmed.len() - body.len());
            found.push((start, start + body.len(), space_before || lead > 0));
        }
        from = next;
        space_before = space_after;
    }
    if !rewrite {
        let sentences = found.iter().map(|&(s, e, _)| (s, e)).collect();
        return Paragraph { text, sentences };
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut sentences = Vec::with_capacity(found.len());
    for (s, e, space) in found {
        if space && !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        out.push_str(&text[s..e]);
        sentences.push((start, out.len()));
    }
    Paragraph {
        text: out,
        sentences,
    }
}

fn strip_label<'a>(s: &'a str, pats: &Patterns) -> &'a str {
    for label in &pats.labels {
        if s.len() >= label.len()
            && s.as_bytes()[..label.len()].eq_ignore_ascii_case(label.as_bytes())
            && s[label.len()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
        {
            return s[label.len()..].trim_start();
        }
    }
    s
}

/// A sentence end: the sentence stops at `end`, the next starts at `next`.
/// `glued` when no space separated them ("week.Our") and one must be added.
struct Cut {
    end: usize,
    next: usize,
    glued: bool,
}

/// Where the sentences of `text` end, in order.
fn cuts(text: &str, pats: &Patterns) -> Vec<Cut> {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    let mut token = Token::default();
    let mut i = 0;
    while i < b.len() {
        if !INTERESTING[usize::from(b[i])] {
            i += 1;
            continue;
        }
        if matches!(b[i], b'.' | b'!' | b'?') {
            token.advance(b, i);
            let run_end = i + b[i..]
                .iter()
                .take_while(|&&x| matches!(x, b'.' | b'!' | b'?'))
                .count();
            let end = skip_closers(text, run_end);
            if let Some(next) = boundary(text, token.start, i, run_end, end, token.in_url, pats) {
                let glued = next == end;
                cuts.push(Cut { end, next, glued });
            }
            i = end;
        } else if is_cjk_stop(&b[i..]) {
            // Full-width 。！？ end a sentence with or without a space.
            let end = skip_closers(text, i + 3);
            if end < b.len() {
                let next = end + usize::from(b[end] == b' ');
                cuts.push(Cut {
                    end,
                    next,
                    glued: false,
                });
            }
            i = end;
        } else {
            i += 1;
        }
    }
    cuts
}

/// The space-delimited token a terminator sits in, found lazily: spaces are
/// everywhere, so the scanner doesn't stop at them; at each terminator we
/// look back only over bytes not yet seen, which keeps the whole thing
/// linear even for a 10 MiB line without spaces.
#[derive(Default)]
struct Token {
    start: usize,
    /// Bytes before this have been searched for spaces and for "://".
    seen: usize,
    in_url: bool,
}

impl Token {
    fn advance(&mut self, b: &[u8], i: usize) {
        if let Some(p) = b[self.seen..i].iter().rposition(|&c| c == b' ') {
            self.start = self.seen + p + 1;
            self.in_url = b.len() - self.start >= 4
                && b[self.start..self.start + 4].eq_ignore_ascii_case(b"www.");
            self.seen = self.start;
        }
        if !self.in_url {
            // Overlap by two bytes so a "://" split across calls is found.
            let from = self.seen.saturating_sub(2).max(self.start);
            self.in_url = has_scheme_mark(&b[from..i]);
        }
        self.seen = i;
    }
}

/// `b` holds "://". Looks for the rare ':' first (most tokens have none).
fn has_scheme_mark(b: &[u8]) -> bool {
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&c| c == b':') {
        let i = from + p;
        if b[i + 1..].starts_with(b"//") {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Bytes the sentence scanner must look at; everything else is skipped.
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b".!?\xe3\xef";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

fn is_cjk_stop(b: &[u8]) -> bool {
    b.starts_with("。".as_bytes())
        || b.starts_with("！".as_bytes())
        || b.starts_with("？".as_bytes())
}

/// Closing quotes and brackets that belong to the sentence just ended.
fn skip_closers(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '」' | '』' | '»') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Does the terminator run `text[dot..run_end]` (closers up to `end`) end a
/// sentence? Returns where the next sentence starts.
fn boundary(
    text: &str,
    token_start: usize,
    dot: usize,
    run_end: usize,
    end: usize,
    in_url: bool,
    pats: &Patterns,
) -> Option<usize> {
    let rest = &text[end..];
    let single_dot = run_end - dot == 1 && text.as_bytes()[dot] == b'.';
    let word = word_before(text, token_start, dot);
    if let Some(after) = rest.strip_prefix(' ') {
        let next = after.chars().next()?;
        if !starts_sentence(next) {
            return None;
        }
        if single_dot && is_abbreviation(word, after, pats) {
            return None;
        }
        return Some(end + 1);
    }
    // Glued: "week.Our", "more.Report:". Needs an upper-case letter then a
    // lower-case one, so "U.S.A" and "3.5" stay whole.
    let mut chars = rest.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    let prev = text[..dot].chars().next_back()?;
    let glued = !in_url
        && first.is_uppercase()
        && second.is_lowercase()
        && (prev.is_alphanumeric() || matches!(prev, ')' | '"' | '”' | '’'))
        && !(single_dot && is_abbreviation(word, rest, pats));
    glued.then_some(end)
}

/// The word right before a ".", without leading punctuation ("(Mr" → "Mr").
fn word_before(text: &str, token_start: usize, dot: usize) -> &str {
    if dot - token_start > ABBREV_LOOKBACK {
        return "";
    }
    text[token_start..dot].trim_start_matches(|c: char| !c.is_alphanumeric())
}

fn is_abbreviation(word: &str, after: &str, pats: &Patterns) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        // "11:30 a.m. Tuesday" goes on; "11:30 a.m. Kang said" is a new sentence.
        return is_day_or_month(after);
    }
    if word.contains('.') {
        // U.S., e.g., U.N.
        return true;
    }
    let mut chars = word.chars();
    let single_initial =
        chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.next().is_none();
    single_initial || pats.abbreviations.contains(word)
}

fn is_day_or_month(after: &str) -> bool {
    const NAMES: [&str; 19] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ];
    NAMES.iter().any(|n| after.starts_with(n))
}

/// What may open a sentence after ". ": anything but a lower-case word,
/// so Hangul and CJK (which have no case) split too.
fn starts_sentence(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_lowercase())
        || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '「' | '『')
}

#[cfg(test)]
mod tests {
    #[test]
    fn collapse_finds_runs_anywhere_in_long_lines() {
        for n in [0, 1, 31, 32, 33, 63, 64, 65, 100] {
            let pad = "w".repeat(n + 1);
            assert_eq!(
                collapse_spaces(&format!("{pad} a  b")),
                format!("{pad} a b")
            );
            assert_eq!(
                collapse_spaces(&format!("{pad} a\u{a0}b")),
                format!("{pad} a b")
            );
            assert_eq!(
                collapse_spaces(&format!("{pad} a\tb")),
                format!("{pad} a b")
            );
            assert_eq!(
                collapse_spaces(&format!("{pad} a ![x](y.png) b")),
                format!("{pad} a b")
            );
            assert_eq!(
                collapse_spaces(&format!("{pad} a! é b")),
                format!("{pad} a! é b")
            );
        }
    }

    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        clean(text)
            .paragraphs
            .iter()
            .flat_map(|p| p.sentence_texts().map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<String> {
        clean(text).paragraphs.into_iter().map(|p| p.text).collect()
    }

    fn seed(prefix: &str) -> Cleaned {
        let doc = crate::read::embedded()
            .into_iter()
            .find(|d| d.id.starts_with(prefix))
            .unwrap();
        clean(&doc.text)
    }

    #[test]
    fn embedded_patterns_parse() {
        let p = Patterns::from_toml(EMBEDDED_BOILERPLATE).unwrap();
        assert!(p.exact.len() > 10 && p.abbreviations.contains("Mr"));
        assert!(p.buttons.iter().any(|b| b == "kakaotalk"));
    }

    #[test]
    fn header_date_and_headline() {
        let c = clean(" date 2024-03-05 Leaders talk trade\nBody one.\n");
        assert_eq!(c.header.published, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(c.header.headline.as_deref(), Some("Leaders talk trade"));
        assert_eq!(
            paragraphs(" date 2024-03-05 Leaders\nBody one."),
            ["Body one."]
        );
    }

    #[test]
    fn header_is_lenient() {
        for line in [
            "date 2024-3-5",
            "  DATE:2024-03-05",
            "\tDate 2024/03/05  ",
            "\u{feff} date 2024.03.05",
        ] {
            let c = clean(&format!("{line}\nbody"));
            assert_eq!(
                c.header.published,
                NaiveDate::from_ymd_opt(2024, 3, 5),
                "{line:?}"
            );
            assert_eq!(c.header.headline, None);
        }
        // Impossible date: still a header, no date.
        let c = clean(" date 2024-02-30 Title\nbody");
        assert_eq!(
            (c.header.published, c.header.headline.as_deref()),
            (None, Some("Title"))
        );
    }

    #[test]
    fn without_header_line_one_is_body() {
        let c = clean("Dated letters arrived.\nSecond line.");
        assert_eq!(c.header, Header::default());
        assert_eq!(paragraphs("Date 20240305 is not a header\nyes").len(), 2);
        assert_eq!(paragraphs("Dated letters arrived.\nSecond line.").len(), 2);
        assert_eq!(c.paragraphs[0].text, "Dated letters arrived.");
    }

    #[test]
    fn header_caption_goes_to_captions() {
        for cap in [
            "Photo : KBS News",
            "Photo by Kim Min-ji",
            "(Yonhap)",
            "[Photo: Yonhap]",
            "Image: AP",
        ] {
            let c = clean(&format!(" date 2024-03-05 {cap}\nbody"));
            assert_eq!(c.header.headline, None, "{cap}");
            assert_eq!(c.captions, [cap]);
        }
    }

    #[test]
    fn paragraphs_one_per_line_or_blank_separated() {
        let a = paragraphs("One.\nTwo  words\there.\n\n\nThree.");
        assert_eq!(a, ["One.", "Two words here.", "Three."]);
        assert_eq!(paragraphs("\n\n  \n"), Vec::<String>::new());
        assert_eq!(paragraphs("a\u{a0}\u{a0}b\u{3000}c"), ["a b c"]);
        assert_eq!(
            paragraphs(" \t lead  and trail \u{2003}"),
            ["lead and trail"]
        );
        assert_eq!(paragraphs("![x](y) Lee ![x](y)![x](y) Xi"), ["Lee Xi"]);
    }

    #[test]
    fn repeated_short_lines_dropped() {
        let text = "Real news paragraph.\nRead the story\nMore news.\nRead the story\nRead the story\nOnce here";
        assert_eq!(
            paragraphs(text),
            ["Real news paragraph.", "More news.", "Once here"]
        );
        // Twice is not enough, and long repeated lines are prose.
        let long =
            "Lee and Xi agreed to boost exchanges between the two peoples in many fields of life.";
        let text = format!("{long}\n{long}\n{long}\nShort\nShort");
        assert_eq!(paragraphs(&text).len(), 5);
    }

    #[test]
    fn subscription_block_dropped() {
        let text = "First real paragraph.\n\
            THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY\n\
            Subscribe now to read the latest news in your city.\n\
            - Exclusive articles from many writers.\n\
            - Daily puzzles.\n\
            REGISTER / SIGN IN TO UNLOCK MORE ARTICLES\n\
            Create an account or sign in to continue with your reading experience.\n\
            - Enjoy additional articles per month\n\
            Sign In or Create an Account\n\
            or\n\
            Xi made the remarks on Tuesday.\n\
            - A bullet outside a block stays.\n\
            By signing up you consent to receive the above newsletter from Postmedia Network Inc.\n\
            Last paragraph.";
        assert_eq!(
            paragraphs(text),
            [
                "First real paragraph.",
                "Xi made the remarks on Tuesday.",
                "- A bullet outside a block stays.",
                "Last paragraph."
            ]
        );
    }

    #[test]
    fn image_markup_dropped() {
        let text = "![Moon and Xi](https://x.kr/a.jpg)\n<img src=\"a.jpg\" alt=\"x\">\n[Image: Xi on the phone]\n[사진]\n\
            Lee spoke ![icon](i.png) with Xi <IMG SRC=a.png> today. ![end](e.png)\n\
            A stray ![ never closed stays.";
        assert_eq!(
            paragraphs(text),
            ["Lee spoke with Xi today.", "A stray ![ never closed stays."]
        );
    }

    #[test]
    fn korean_metadata_dropped_prose_kept() {
        let text = "입력 2020.02.20 10:31\n수정 2020.02.20 11:00\n기사입력 : 2020-02-20\n승인 2020.02.20\n\
            수정안은 2020년에 통과됐다.\n문재인 대통령은 20일 시진핑 주석과 통화했다.";
        assert_eq!(
            paragraphs(text),
            [
                "수정안은 2020년에 통과됐다.",
                "문재인 대통령은 20일 시진핑 주석과 통화했다."
            ]
        );
    }

    #[test]
    fn share_and_font_buttons_dropped() {
        let text = "Share | Print | A+ A-\nFacebook Twitter KakaoTalk\n공유 · 인쇄 · 가 가\nLee will share his view.\nFont size";
        assert_eq!(paragraphs(text), ["Lee will share his view."]);
    }

    #[test]
    fn photo_caption_near_top_but_trailer_kept() {
        let text = "President Lee talks with Xi over the phone on Tuesday. (Presidential Office)\n\
            (Yonhap)\n\
            SEOUL -- Lee and Xi spoke for 30 minutes on Tuesday.\n\
            They agreed to meet.\n\
            (Yonhap)";
        let c = clean(text);
        assert_eq!(
            c.captions,
            [
                "President Lee talks with Xi over the phone on Tuesday. (Presidential Office)",
                "(Yonhap)"
            ]
        );
        let last = c.paragraphs.last().unwrap();
        assert_eq!(last.text, "(Yonhap)");
        assert_eq!(c.paragraphs.len(), 3);
        // A paragraph that merely ends in parentheses is prose.
        let text =
            "Lee met the leader of the ruling party (Democratic Party).\nMore text follows here.";
        assert!(clean(text).captions.is_empty());
        let text =
            "Xi and Lee spoke by phone, Cheong Wa Dae said. (With contribution from Xinhua)\nMore.";
        assert!(clean(text).captions.is_empty());
    }

    #[test]
    fn caption_prefix_lines_anywhere() {
        let c = clean("Body one.\nPhoto: Yonhap\nBody two.\n사진=연합뉴스\nBody three.");
        assert_eq!(c.captions, ["Photo: Yonhap", "사진=연합뉴스"]);
        assert_eq!(c.paragraphs.len(), 3);
    }

    #[test]
    fn sentences_basic() {
        assert_eq!(
            sentences(
                "Lee called Xi. They spoke! Did they agree? \"Yes,\" he said. 2022 marks a year."
            ),
            [
                "Lee called Xi.",
                "They spoke!",
                "Did they agree?",
                "\"Yes,\" he said.",
                "2022 marks a year."
            ]
        );
        assert_eq!(
            sentences("He said \"in one mind.\" Xi added more."),
            ["He said \"in one mind.\"", "Xi added more."]
        );
        assert_eq!(
            sentences("“We agree.” Kang said so."),
            ["“We agree.”", "Kang said so."]
        );
        assert_eq!(
            sentences("It ended... Then more."),
            ["It ended...", "Then more."]
        );
        assert_eq!(sentences("He left. (Yonhap)"), ["He left.", "(Yonhap)"]);
        assert_eq!(
            sentences("no capital. after this"),
            ["no capital. after this"]
        );
    }

    #[test]
    fn glued_sentences_unglued() {
        let p = &clean("Anchor: He spoke last week.Our Bae Joo-yon has more.Report: Presidential aides said so.").paragraphs[0];
        assert_eq!(
            p.text,
            "He spoke last week. Our Bae Joo-yon has more. Presidential aides said so."
        );
        assert_eq!(
            p.sentence_texts().collect::<Vec<_>>(),
            [
                "He spoke last week.",
                "Our Bae Joo-yon has more.",
                "Presidential aides said so."
            ]
        );
        assert_eq!(sentences("in 2019.The next"), ["in 2019.", "The next"]);
        assert_eq!(
            sentences("Reporter: Kim here. Anchor: Thanks."),
            ["Kim here.", "Thanks."]
        );
        // A label word inside a sentence is text.
        assert_eq!(
            sentences("The Anchor: a ship part."),
            ["The Anchor: a ship part."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        for s in [
            "The U.S. President spoke to Mr. Xi and Dr. Kim.",
            "They met on Dec. 23, 2019, in Beijing.",
            "It began at 11:30 a.m. on Tuesday and ended at 9 p.m. Wednesday.",
            "George W. Bush called S. Korea about No. 1 issues.",
            "Growth was 3.5 percent on Jan. 26 at 11:30.",
            "See https://news.example.com/A.Story and www.Korea.Kr for more.",
            "Samsung Electronics Co. Chairman Lee spoke.",
            "The U.S.-China talks resumed.",
            "S.Korea and U.S.A agreed.",
        ] {
            assert_eq!(sentences(s), [s], "{s}");
        }
        assert_eq!(
            sentences("It began at 11:30 a.m. Kang said so."),
            ["It began at 11:30 a.m.", "Kang said so."]
        );
    }

    #[test]
    fn korean_and_chinese_sentences() {
        let p = &clean(
            "문재인 대통령은 통화했다. 이어 시 주석은 말했다.习近平同韩国总统通电话。双方同意。",
        )
        .paragraphs[0];
        let s: Vec<&str> = p.sentence_texts().collect();
        assert_eq!(
            s,
            [
                "문재인 대통령은 통화했다.",
                "이어 시 주석은 말했다.习近平同韩国总统通电话。",
                "双方同意。"
            ]
        );
    }

    #[test]
    fn control_characters_inert() {
        let c = clean(
            " date 2024-01-02 Title\x1b]0;pwned\x07\nBody\x1b[31m red\x1b[0m\u{202e}txt\tand\x07bell.\r\nNext\u{9b}",
        );
        assert_eq!(c.header.headline.as_deref(), Some("Title"));
        assert_eq!(c.paragraphs[0].text, "Body red\u{fffd}txt and␇bell.");
        assert_eq!(c.paragraphs[1].text, "Next\u{fffd}");
    }

    #[test]
    fn ranges_are_valid_and_cover_text() {
        let text = "가나다.Ab 한국어. 中文。Done.Next one";
        for p in clean(text).paragraphs {
            for &(s, e) in &p.sentences {
                assert!(s < e && p.text.is_char_boundary(s) && p.text.is_char_boundary(e));
            }
        }
    }

    #[test]
    fn huge_single_line_is_linear() {
        let line = "a.".repeat(2_000_000) + &"Word. ".repeat(200_000) + &"![x".repeat(100_000);
        let start = std::time::Instant::now();
        let c = clean(&line);
        assert_eq!(c.paragraphs.len(), 1);
        // Generous: debug builds, shared CI; quadratic would take minutes.
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn seed_000_glued_broadcast() {
        let c = seed("000");
        assert_eq!(c.header.published, NaiveDate::from_ymd_opt(2025, 6, 10));
        assert_eq!(c.header.headline, None);
        assert_eq!(c.captions, ["Photo : KBS News"]);
        let s: Vec<&str> = c.paragraphs[0].sentence_texts().collect();
        assert!(s[0].starts_with("President Lee Jae-myung spoke") && s[0].ends_with("last week."));
        assert_eq!(s[1], "Our Bae Joo-yon has more.");
        assert!(
            s[2].starts_with("Presidential spokesperson")
                && s[2].ends_with("11:30 a.m. on Tuesday.")
        );
        assert_eq!(*s.last().unwrap(), "Bae Joo-yon, KBS World Radio News.");
        assert_eq!(s.len(), 13);
    }

    #[test]
    fn seed_003_boilerplate() {
        let c = seed("003");
        assert_eq!(c.header, Header::default());
        let text: Vec<&str> = c.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(text[0].starts_with("(Bloomberg) — Chinese President Xi Jinping"));
        assert!(text[1].starts_with("Xi made the remarks"));
        for p in &text {
            let lower = p.to_lowercase();
            assert!(
                !lower.contains("article content")
                    && !lower.contains("subscri")
                    && !lower.contains("sign in"),
                "{p}"
            );
            assert!(!p.starts_with("- ") && *p != "or");
        }
        assert_eq!(text.len(), 13);
    }

    #[test]
    fn seed_004_caption_and_trailer() {
        let c = seed("004");
        assert_eq!(
            c.captions,
            [
                "President Moon Jae-in talks with Chinese counterpart Xi Jinping over the phone on Thursday. (Cheong Wa Dae)"
            ]
        );
        assert!(
            c.paragraphs[0]
                .text
                .starts_with("South Korean President Moon Jae-in agreed")
        );
        assert_eq!(c.paragraphs.last().unwrap().text, "(Yonhap)");
        let all: Vec<&str> = c
            .paragraphs
            .iter()
            .flat_map(|p| p.sentence_texts())
            .collect();
        assert!(all.contains(
            &"They last met each other on Dec. 23, 2019, during Moon's visit to Beijing."
        ));
    }

    #[test]
    fn seeds_001_002_headline_and_trailer() {
        let c = seed("001");
        assert_eq!(
            c.header.headline.as_deref(),
            Some(
                "Leaders agree to improve mutual sentiment by expanding people-to-people exchanges"
            )
        );
        let c = seed("002");
        assert_eq!(c.header.headline, None);
        let last = c
            .paragraphs
            .last()
            .unwrap()
            .sentence_texts()
            .last()
            .unwrap();
        assert_eq!(last, "(With contribution from Xinhua)");
    }

    /// `cargo test --release --lib clean::tests::bench_stages -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn bench_stages() {
        use std::hint::black_box;
        let seeds: Vec<String> = crate::read::embedded()
            .into_iter()
            .map(|d| d.text)
            .collect();
        let one = seeds.join("\n");
        let text = one.repeat(8_000_000 / one.len());
        let mb = text.len() as f64 / 1e6;
        // On-CPU time of this thread, so a busy machine doesn't skew it.
        let cpu_ns = || -> f64 {
            std::fs::read_to_string("/proc/thread-self/schedstat")
                .ok()
                .and_then(|s| s.split(' ').next()?.parse().ok())
                .unwrap_or(f64::NAN)
        };
        let time = |name: &str, f: &dyn Fn()| {
            let (t, c) = (std::time::Instant::now(), cpu_ns());
            f();
            let cpu = (cpu_ns() - c) / 1e9;
            let wall = t.elapsed().as_secs_f64();
            eprintln!(
                "{name}: {:.0} MB/s wall, {:.0} MB/s cpu",
                mb / wall,
                mb / cpu
            );
        };
        let pats = Patterns::embedded();
        let lines: Vec<String> = text.split('\n').map(collapse_spaces).collect();
        time("baseline: copy lines", &|| {
            black_box(text.split('\n').map(str::to_string).collect::<Vec<_>>());
        });
        time("inert", &|| {
            black_box(sanitize::inert(&text, true));
        });
        time("collapse", &|| {
            black_box(text.split('\n').map(collapse_spaces).collect::<Vec<_>>());
        });
        time("noise (+clone)", &|| {
            black_box(drop_noise(lines.clone(), pats, &mut Vec::new()));
        });
        time("sentences (+clone)", &|| {
            black_box(
                lines
                    .iter()
                    .map(|l| split_sentences(l.clone(), pats))
                    .collect::<Vec<_>>(),
            );
        });
        time("clean", &|| {
            black_box(clean(&text));
        });
    }

    #[test]
    #[ignore]
    fn dump_seeds() {
        let extra = std::env::var("DUMP_TEXT")
            .ok()
            .map(|t| crate::read::RawDoc {
                id: "env".into(),
                path: String::new(),
                file: String::new(),
                text: t,
                warnings: vec![],
            });
        for doc in crate::read::embedded().into_iter().chain(extra) {
            let c = clean(&doc.text);
            println!("==== {} {:?}", doc.id, c.header);
            for cap in &c.captions {
                println!("  CAPTION {cap}");
            }
            for p in &c.paragraphs {
                println!("  ¶");
                for s in p.sentence_texts() {
                    println!("    | {s}");
                }
            }
        }
    }
}
