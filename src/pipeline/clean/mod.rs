//! Cleaning: from decoded text to the reading text of an article. Splits off
//! the ` date YYYY-MM-DD` header, drops boilerplate and page noise, splits
//! paragraphs and sentences (including glued ones), and makes control
//! characters inert.
//!
//! Which lines count as noise is data (`assets/boilerplate.toml`), and only
//! short lines are ever checked against it, so a paragraph of prose is
//! never dropped. Everything is one pass over the text per step; a 10 MiB
//! line costs the same per byte as a short one.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

pub use crate::lexicon::boilerplate::{EMBEDDED_BOILERPLATE, Patterns};
#[cfg(test)]
use crate::model::Header;
use crate::model::{Cleaned, Paragraph};
use crate::sanitize;

/// A short line seen this often in one article is page furniture
/// ("Article content" ×20), not something the writer said three times.
const REPEAT_MIN: usize = 3;
const REPEAT_MAX_WORDS: usize = 8;
const REPEAT_MAX_BYTES: usize = 100;
/// How far down a photo caption may sit (in paragraphs).
const CAPTION_TOP: usize = 3;
/// Sentences an article keeps apart, at most: past this, the rest of a
/// paragraph is one sentence. A news story has a few hundred at most; a
/// hostile file of "Xi. " repeated would otherwise keep 16 bytes of
/// bounds for every 4 bytes of text.
pub const MAX_SENTENCES: usize = 10_000;
const CAPTION_MAX_WORDS: usize = 40;
const CREDIT_MAX_WORDS: usize = 6;
/// Bounds on inline image markup, so a stray "![" can't eat a paragraph.
const IMAGE_ALT_MAX: usize = 300;
const IMAGE_TAG_MAX: usize = 2000;
/// Longest word looked at when deciding whether a "." is an abbreviation.
const ABBREV_LOOKBACK: usize = 40;

/// `Patterns` with a summary of what each list can match, so that most
/// lines are compared with no pattern at all. Made once per load (the
/// summary costs more than cleaning a short article) and shared by every
/// worker.
pub struct Cleaner<'p> {
    pats: &'p Patterns,
    sum: Summary,
}

impl<'p> Cleaner<'p> {
    pub fn new(pats: &'p Patterns) -> Cleaner<'p> {
        Cleaner {
            pats,
            sum: Summary::new(pats),
        }
    }

    /// The cleaner of the built-in patterns (made once).
    pub fn embedded() -> &'static Cleaner<'static> {
        static EMBEDDED: OnceLock<Cleaner<'static>> = OnceLock::new();
        EMBEDDED.get_or_init(|| Cleaner::new(Patterns::embedded()))
    }

    /// Clean one article's text.
    pub fn clean(&self, text: &str) -> Cleaned {
        clean_text(text, self)
    }
}

/// How the patterns of each list begin (and, for whole words, how long
/// they are). A summary only rules matches out: a line it lets through is
/// still compared pattern by pattern. ASCII case is folded where the match
/// ignores it, and for prefixes throughout (which only lets more through
/// where the match is case-sensitive).
struct Summary {
    exact: Words,
    /// `prefixes` and `image_prefixes`.
    prefixes: Starts,
    block_start: Starts,
    captions: Starts,
    korean_meta: Starts,
    labels: Starts,
    /// The first word of a button row is a button.
    buttons: Words,
    abbreviations: Words,
}

impl Summary {
    fn new(pats: &Patterns) -> Summary {
        Summary {
            exact: Words::new(&pats.exact, true),
            prefixes: Starts::new(pats.prefixes.iter().chain(&pats.image_prefixes)),
            block_start: Starts::new(&pats.block_start),
            captions: Starts::new(&pats.caption_prefixes),
            korean_meta: Starts::new(&pats.korean_meta),
            labels: Starts::new(&pats.labels),
            buttons: Words::new(&pats.buttons, true),
            abbreviations: Words::new(&pats.abbreviations, false),
        }
    }
}

/// Whole words, by first byte: a bit per length (lengths from 63 on share
/// one).
struct Words {
    by_first: [u64; 256],
    /// Whether ASCII case is folded (the words are matched ignoring it).
    fold: bool,
}

impl Words {
    fn new<'a>(words: impl IntoIterator<Item = &'a String>, fold: bool) -> Words {
        let mut set = Words {
            by_first: [0; 256],
            fold,
        };
        for w in words {
            let w = w.as_bytes();
            set.by_first[set.first(w)] |= Words::len_bit(w);
        }
        set
    }

    /// Whether `word` may be one of the words.
    fn may_contain(&self, word: &[u8]) -> bool {
        self.by_first[self.first(word)] & Words::len_bit(word) != 0
    }

    fn first(&self, w: &[u8]) -> usize {
        let first = w.first().copied().unwrap_or(0);
        usize::from(if self.fold {
            first.to_ascii_lowercase()
        } else {
            first
        })
    }

    fn len_bit(w: &[u8]) -> u64 {
        1 << w.len().min(63)
    }
}

/// Prefixes, by their first two bytes (the first byte alone for a
/// one-byte prefix; an empty prefix lets every line through).
struct Starts {
    one: ByteSet,
    /// A bit per hashed pair of bytes.
    two: [u64; 16],
}

impl Starts {
    fn new<'a>(prefixes: impl IntoIterator<Item = &'a String>) -> Starts {
        let mut starts = Starts {
            one: ByteSet::default(),
            two: [0; 16],
        };
        for p in prefixes {
            match *p.as_bytes() {
                [] => starts.one = ByteSet::ALL,
                [a] => starts.one.insert(a.to_ascii_lowercase()),
                [a, b, ..] => {
                    let bit = Starts::pair(a, b);
                    starts.two[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        starts
    }

    /// Whether one of the prefixes may start `line`, ignoring ASCII case.
    fn may_start(&self, line: &str) -> bool {
        match *line.as_bytes() {
            [] => true,
            [a] => self.one.contains(a.to_ascii_lowercase()),
            [a, b, ..] => {
                let bit = Starts::pair(a, b);
                self.one.contains(a.to_ascii_lowercase())
                    || self.two[bit / 64] >> (bit % 64) & 1 != 0
            }
        }
    }

    fn pair(a: u8, b: u8) -> usize {
        (usize::from(a.to_ascii_lowercase()) << 2 ^ usize::from(b.to_ascii_lowercase())) & 1023
    }
}

/// A set of bytes.
#[derive(Clone, Copy, Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    const ALL: ByteSet = ByteSet([u64::MAX; 4]);

    fn insert(&mut self, c: u8) {
        self.0[usize::from(c >> 6)] |= 1 << (c & 63);
    }

    fn contains(&self, c: u8) -> bool {
        self.0[usize::from(c >> 6)] >> (c & 63) & 1 != 0
    }
}

/// Clean with the built-in noise patterns.
pub fn clean(text: &str) -> Cleaned {
    Cleaner::embedded().clean(text)
}

/// `clean` with a given set of noise patterns.
pub fn clean_with(text: &str, pats: &Patterns) -> Cleaned {
    Cleaner::new(pats).clean(text)
}

fn clean_text(text: &str, m: &Cleaner) -> Cleaned {
    let safe = sanitize::inert(text.strip_prefix('\u{feff}').unwrap_or(text), true);
    let mut cleaned = Cleaned::default();
    // Lines borrow the article until they are kept: a line that needs no
    // collapsing is copied once, into its paragraph.
    let mut body: Vec<Cow<'_, str>> = Vec::with_capacity(32);
    let mut first = true;
    for_each_line(&safe, |line, needs_collapse| {
        if std::mem::take(&mut first)
            && let Some((published, rest)) = parse_header(line)
        {
            cleaned.header.published = published;
            let rest = collapse_spaces(rest);
            if is_caption_line(&rest, m) || is_photo_caption(&rest) {
                cleaned.captions.push(rest.into_owned());
            } else if !rest.is_empty() {
                cleaned.header.headline = Some(rest.into_owned());
            }
            return;
        }
        let line = match needs_collapse {
            true => Cow::Owned(collapse(line)),
            false => Cow::Borrowed(line),
        };
        if !line.is_empty() {
            body.push(line);
        }
    });

    drop_noise(&mut body, m, &mut cleaned.captions);
    let last = body.len().saturating_sub(1);
    let mut found = Found::with_capacity(32);
    cleaned.paragraphs.reserve_exact(body.len());
    let mut budget = MAX_SENTENCES;
    for (i, line) in body.into_iter().enumerate() {
        if i < CAPTION_TOP && i < last && is_photo_caption(&line) {
            cleaned.captions.push(line.into_owned());
            continue;
        }
        let paragraph = split_line(line, m, &mut found, budget);
        budget = budget.saturating_sub(paragraph.sentences.len());
        if !paragraph.text.is_empty() {
            cleaned.paragraphs.push(paragraph);
        }
    }
    cleaned
}

/// Calls `f` with each line of `text` (`text.split('\n')`) and whether
/// `collapse_spaces` would change it. One pass over the text finds both
/// the line ends and the bytes that may need collapsing; most lines have
/// none, and are not looked at again.
fn for_each_line<'t>(text: &'t str, mut f: impl FnMut(&'t str, bool)) {
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

/// ` date 2025-06-10 rest…` (any case and spacing before the numbers) →
/// the date and the rest of the line. The line is a header whenever it
/// reads like one (`-`, `/` or `.` between one- or two-digit numbers),
/// but only a real date written `YYYY-MM-DD` gives a date:
/// `header_date_problem` says what is wrong with the others.
fn parse_header(line: &str) -> Option<(Option<NaiveDate>, &str)> {
    let (written, rest) = header_date_text(line)?;
    let strict = written.len() == 10
        && written.as_bytes()[4] == b'-'
        && written.as_bytes()[7] == b'-'
        && written.bytes().filter(u8::is_ascii_digit).count() == 8;
    // Digits checked above: a plain read beats a format-string parse on
    // every file.
    let num = |range: std::ops::Range<usize>| written.get(range)?.parse::<u32>().ok();
    let date = strict
        .then(|| NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?))
        .flatten();
    Some((date, rest))
}

/// The date as written in a header line, and the rest of the line.
fn header_date_text(line: &str) -> Option<(&str, &str)> {
    let s = line.trim_start();
    if s.len() < 4 || !s.as_bytes()[..4].eq_ignore_ascii_case(b"date") {
        return None;
    }
    let from = s[4..].trim_start_matches([' ', ':']);
    let (_, s) = take_digits(from, 4, 4)?;
    let s = s.strip_prefix(['-', '/', '.'])?;
    let (_, s) = take_digits(s, 1, 2)?;
    let s = s.strip_prefix(['-', '/', '.'])?;
    let (_, rest) = take_digits(s, 1, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((&from[..from.len() - rest.len()], rest))
}

/// When a text starts with a date header whose date is not a real
/// `YYYY-MM-DD` date (` date 2021-02-30`, `2021-13-01`, `2021-1-1`), the
/// date as written (inert), for a warning naming it.
pub fn header_date_problem(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split('\n').next()?;
    match parse_header(first) {
        Some((None, rest)) => {
            let (written, _) = header_date_text(first)?;
            debug_assert!(first.ends_with(rest));
            Some(sanitize::inert(written, false).into_owned())
        }
        _ => None,
    }
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
fn collapse_spaces(line: &str) -> Cow<'_, str> {
    match needs_collapse(line) {
        true => Cow::Owned(collapse(line)),
        false => Cow::Borrowed(line),
    }
}

/// `collapse_spaces` of a line that needs it.
fn collapse(line: &str) -> String {
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
fn needs_collapse(line: &str) -> bool {
    let mut needs = false;
    for_each_line(line, |_, n| needs = n);
    needs
}

/// A space before a space, or a byte that may start other whitespace or
/// image markup.
#[inline(always)]
fn may_need_collapse(c: u8, next: u8) -> bool {
    ((c == b' ') & (next == b' '))
        | (c.wrapping_sub(b'\t') <= b'\r' - b'\t')
        | (c.wrapping_sub(0xc2) <= 0xe3 - 0xc2)
        | (c == b'!')
        | (c == b'<')
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
fn drop_noise(lines: &mut Vec<Cow<'_, str>>, m: &Cleaner, captions: &mut Vec<String>) {
    let repeated = repeated_short_lines(lines);
    let mut in_block = false;
    lines.retain_mut(|line| {
        if in_block && is_block_line(line, m) {
            return false;
        }
        in_block = false;
        let short = line.len() <= m.pats.max_line_bytes;
        if short && m.sum.block_start.may_start(line) && starts_with_any(line, &m.pats.block_start)
        {
            in_block = true;
            false
        } else if short && (is_boilerplate(line, m) || repeated.iter().any(|r| r == line)) {
            false
        } else if short && is_caption_line(line, m) {
            captions.push(std::mem::take(line).into_owned());
            false
        } else {
            true
        }
    });
}

/// Short lines seen at least `REPEAT_MIN` times (usually none).
fn repeated_short_lines(lines: &[Cow<'_, str>]) -> Vec<String> {
    let mut short: Vec<&str> = lines
        .iter()
        .map(|l| l.as_ref())
        .filter(|l| {
            // `split(' ').count()`: one more word than spaces.
            l.len() <= REPEAT_MAX_BYTES
                && l.bytes().filter(|&c| c == b' ').count() < REPEAT_MAX_WORDS
        })
        .collect();
    if short.len() < REPEAT_MIN {
        return Vec::new();
    }
    short.sort_unstable();
    short
        .chunk_by(|a, b| a == b)
        .filter(|same| same.len() >= REPEAT_MIN)
        .map(|same| same[0].to_string())
        .collect()
}

/// Inside a subscription block: bullets, very short lines ("or") and lines
/// about subscribing or accounts.
fn is_block_line(line: &str, m: &Cleaner) -> bool {
    let pats = m.pats;
    if line.len() > pats.max_line_bytes {
        return false;
    }
    if ["- ", "• ", "* ", "· ", "– "]
        .iter()
        .any(|b| line.starts_with(b))
        || line.split(' ').count() <= pats.block_short_words
        || starts_with_any(line, &pats.block_start)
        || is_boilerplate(line, m)
    {
        return true;
    }
    let lower = line.to_lowercase();
    pats.block_words.iter().any(|w| lower.contains(w.as_str()))
}

fn is_boilerplate(line: &str, m: &Cleaner) -> bool {
    let (pats, sum) = (m.pats, &m.sum);
    // `line.trim_end_matches(['.', ':'])`
    let b = line.as_bytes();
    let bare = &b[..b.len()
        - b.iter()
            .rev()
            .take_while(|&&c| c == b'.' || c == b':')
            .count()];
    (sum.exact.may_contain(bare)
        && pats
            .exact
            .iter()
            .any(|e| bare.eq_ignore_ascii_case(e.as_bytes())))
        || (sum.prefixes.may_start(line)
            && (starts_with_any(line, &pats.prefixes)
                || starts_with_any(line, &pats.image_prefixes)))
        || is_button_row(line, m)
        || (sum.korean_meta.may_start(line) && is_korean_meta(line, pats))
}

fn starts_with_any(line: &str, prefixes: &[String]) -> bool {
    let line = line.as_bytes();
    prefixes.iter().any(|p| {
        let p = p.as_bytes();
        line.len() >= p.len()
            && p.first().is_none_or(|f| f.eq_ignore_ascii_case(&line[0]))
            && line[..p.len()].eq_ignore_ascii_case(p)
    })
}

fn is_button_row(line: &str, m: &Cleaner) -> bool {
    let mut words = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '/' | '•' | ','))
        .filter(|w| !w.is_empty())
        .peekable();
    // Most lines fail on their first word, most without a comparison.
    words
        .peek()
        .is_some_and(|w| m.sum.buttons.may_contain(w.as_bytes()))
        && words.all(|w| m.pats.buttons.iter().any(|b| b.eq_ignore_ascii_case(w)))
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
fn is_caption_line(line: &str, m: &Cleaner) -> bool {
    m.sum.captions.may_start(line)
        && starts_with_any(line, &m.pats.caption_prefixes)
        && line.split(' ').count() <= CAPTION_MAX_WORDS
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
    split_line(
        Cow::Owned(text),
        &Cleaner::new(pats),
        &mut Vec::new(),
        MAX_SENTENCES,
    )
}

/// (start, end, space before) of each sentence of a line, in the line.
type Found = Vec<(usize, usize, bool)>;

/// `split_sentences` of a line that may still borrow the article text: it
/// is copied once, into the paragraph, and only if kept. `found` is scratch
/// space, reused from line to line. Sentences past `budget` make one.
fn split_line(text: Cow<'_, str>, m: &Cleaner, found: &mut Found, budget: usize) -> Paragraph {
    found.clear();
    if !find_sentences(&text, m, found, budget.max(1)) {
        let sentences = found.iter().map(|&(s, e, _)| (s, e)).collect();
        return Paragraph {
            text: text.into_owned(),
            sentences,
        };
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut sentences = Vec::with_capacity(found.len());
    for &(s, e, space) in found.iter() {
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

/// The sentences of `text` into `found`, at most `cap` (the last takes in
/// all the rest); true when the text must be
/// rebuilt (a glued sentence or a dropped label).
fn find_sentences(text: &str, m: &Cleaner, found: &mut Found, cap: usize) -> bool {
    let mut rewrite = false;
    let (mut from, mut space_before) = (0, false);
    let mut piece = |end: usize, next: usize, space_after: bool| {
        let piece = &text[from..end];
        let unled = trim_start(piece);
        let lead = piece.len() - unled.len();
        let trimmed = trim_end(unled);
        let body = strip_label(trimmed, m);
        rewrite |= body.len() != trimmed.len();
        if !body.is_empty() {
            let start = from + lead + (trimmed.len() - body.len());
            let full = found.len() >= cap;
            match found.last_mut() {
                Some(last) if full => last.1 = start + body.len(),
                _ => found.push((start, start + body.len(), space_before || lead > 0)),
            }
        }
        from = next;
        space_before = space_after;
    };
    let mut glued = false;
    for_each_cut(text, m, |cut| {
        glued |= cut.glued;
        piece(cut.end, cut.next, cut.glued || cut.next > cut.end);
    });
    piece(text.len(), text.len(), false);
    rewrite || glued
}

/// `str::trim_start`, without its char-by-char search when the text starts
/// with an ASCII byte that is not whitespace (nearly always).
fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&c) if c.is_ascii() && !is_ascii_white(c) => s,
        _ => s.trim_start(),
    }
}

/// `str::trim_end`, likewise.
fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&c) if c.is_ascii() && !is_ascii_white(c) => s,
        _ => s.trim_end(),
    }
}

/// The ASCII bytes `char::is_whitespace` accepts.
fn is_ascii_white(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

fn strip_label<'a>(s: &'a str, m: &Cleaner) -> &'a str {
    if !m.sum.labels.may_start(s) {
        return s;
    }
    for label in &m.pats.labels {
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
fn for_each_cut(text: &str, m: &Cleaner, mut cut: impl FnMut(Cut)) {
    let b = text.as_bytes();
    let mut token = Token::default();
    sanitize::for_each_byte(
        b,
        |c, _| is_interesting(c),
        |i| {
            if matches!(b[i], b'.' | b'!' | b'?') {
                token.advance(b, i);
                let run_end = i + b[i..]
                    .iter()
                    .take_while(|&&x| matches!(x, b'.' | b'!' | b'?'))
                    .count();
                let end = skip_closers(text, run_end);
                if let Some(next) = boundary(text, token.start, i, run_end, end, token.in_url, m) {
                    let glued = next == end;
                    cut(Cut { end, next, glued });
                }
                end
            } else if is_cjk_stop(&b[i..]) {
                // Full-width 。！？ end a sentence with or without a space.
                let end = skip_closers(text, i + 3);
                if end < b.len() {
                    let next = end + usize::from(b[end] == b' ');
                    cut(Cut {
                        end,
                        next,
                        glued: false,
                    });
                }
                end
            } else {
                i + 1
            }
        },
    );
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

/// Bytes the sentence scanner must look at (terminators and the lead bytes
/// of the full-width ones); everything else is skipped.
#[inline(always)]
fn is_interesting(c: u8) -> bool {
    (c == b'.') | (c == b'!') | (c == b'?') | (c == 0xe3) | (c == 0xef)
}

fn is_cjk_stop(b: &[u8]) -> bool {
    b.starts_with("。".as_bytes())
        || b.starts_with("！".as_bytes())
        || b.starts_with("？".as_bytes())
}

/// Closing quotes and brackets that belong to the sentence just ended.
fn skip_closers(text: &str, mut i: usize) -> usize {
    while let Some(&b) = text.as_bytes().get(i) {
        i += match b {
            b'"' | b'\'' | b')' | b']' => 1,
            // The lead bytes of the others.
            0xc2 | 0xe2 | 0xe3 => match text[i..].chars().next() {
                Some(c @ ('”' | '’' | '」' | '』' | '»')) => c.len_utf8(),
                _ => break,
            },
            _ => break,
        };
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
    m: &Cleaner,
) -> Option<usize> {
    let rest = &text[end..];
    let single_dot = run_end - dot == 1 && text.as_bytes()[dot] == b'.';
    let abbreviation =
        |after: &str| single_dot && is_abbreviation(word_before(text, token_start, dot), after, m);
    if let Some(after) = rest.strip_prefix(' ') {
        let next = after.chars().next()?;
        if !starts_sentence(next) || abbreviation(after) {
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
        && !abbreviation(rest);
    glued.then_some(end)
}

/// The word right before a ".", without leading punctuation ("(Mr" → "Mr").
fn word_before(text: &str, token_start: usize, dot: usize) -> &str {
    if dot - token_start > ABBREV_LOOKBACK {
        return "";
    }
    let word = &text[token_start..dot];
    match word.as_bytes().first() {
        Some(c) if c.is_ascii_alphanumeric() => word,
        _ => word.trim_start_matches(|c: char| !c.is_alphanumeric()),
    }
}

fn is_abbreviation(word: &str, after: &str, m: &Cleaner) -> bool {
    let w = word.as_bytes();
    if w.is_empty() {
        return false;
    }
    if w.len() == 3 && (w.eq_ignore_ascii_case(b"a.m") || w.eq_ignore_ascii_case(b"p.m")) {
        // "11:30 a.m. Tuesday" and "9 a.m. EDT on Friday" go on; "11:30
        // a.m. Kang said" is a new sentence.
        return is_day_or_month(after) || is_time_zone(after);
    }
    if w.contains(&b'.') {
        // U.S., e.g., U.N.
        return true;
    }
    // A single capital initial ("W."), or one of the list.
    let single_initial = w.len() == 1 && w[0].is_ascii_uppercase();
    single_initial || (m.sum.abbreviations.may_contain(w) && m.pats.abbreviations.contains(word))
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

/// A time zone written after a clock time: "EDT", "KST", "GMT", "ET",
/// "UTC+9" (a short all-capitals word ending in T or C), or a place and
/// "time" ("Seoul time").
fn is_time_zone(after: &str) -> bool {
    // "Seoul time", "Korea time", "Eastern Time", "U.S. time".
    let mut words = after.split_whitespace();
    if let (Some(place), Some(time)) = (words.next(), words.next())
        && place.starts_with(|c: char| c.is_ascii_uppercase())
        && time
            .trim_end_matches(['.', ',', ';', ')'])
            .eq_ignore_ascii_case("time")
    {
        return true;
    }
    let word = after
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '+')
        .next()
        .unwrap_or("");
    let letters = word.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+');
    (2..=4).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && letters.ends_with(['T', 'C'])
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
        let doc = crate::pipeline::read::embedded()
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
    fn header_is_lenient_before_the_date_only() {
        for line in [
            "  DATE:2024-03-05",
            "\tDate 2024-03-05  ",
            "\u{feff} date 2024-03-05",
        ] {
            let c = clean(&format!("{line}\nbody"));
            assert_eq!(
                c.header.published,
                NaiveDate::from_ymd_opt(2024, 3, 5),
                "{line:?}"
            );
            assert_eq!(c.header.headline, None);
            assert_eq!(header_date_problem(&format!("{line}\nbody")), None);
        }
        // Not YYYY-MM-DD, or not a real day: a header without a date, and
        // a problem naming what was written.
        for (line, written) in [
            ("date 2024-3-5", "2024-3-5"),
            (" date 2024/03/05 Title", "2024/03/05"),
            (" date 2024.03.05", "2024.03.05"),
            (" date 2021-02-30 Title", "2021-02-30"),
            (" date 2021-13-01", "2021-13-01"),
        ] {
            let text = format!("{line}\nbody");
            assert_eq!(clean(&text).header.published, None, "{line:?}");
            assert_eq!(header_date_problem(&text).as_deref(), Some(written));
        }
        assert_eq!(header_date_problem("no header\nbody"), None);
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
    fn sentences_past_the_cap_make_one() {
        let extra = 500;
        let text = format!(
            "{}\nA second line. And more.",
            "Xi. ".repeat(MAX_SENTENCES + extra)
        );
        let c = clean(&text);
        let counts: Vec<usize> = c.paragraphs.iter().map(|p| p.sentences.len()).collect();
        // The cap, then one sentence for the rest of the article.
        assert_eq!(counts, [MAX_SENTENCES, 1]);
        let p = &c.paragraphs[0];
        assert_eq!(p.sentences[MAX_SENTENCES - 1].1, p.text.len());
        assert_eq!(
            &p.text[p.sentences[MAX_SENTENCES - 1].0..]
                .matches("Xi.")
                .count(),
            &(extra + 1)
        );
        assert_eq!(
            &c.paragraphs[1].text[c.paragraphs[1].sentences[0].0..],
            "A second line. And more."
        );
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
        assert_eq!(
            sentences("It began at 9 a.m. EDT on Friday. It ended at 9:20 p.m. KST."),
            [
                "It began at 9 a.m. EDT on Friday.",
                "It ended at 9:20 p.m. KST."
            ]
        );
        assert_eq!(
            sentences("It began at 7:59 a.m. Seoul time and lasted 12 minutes. Kim said so."),
            [
                "It began at 7:59 a.m. Seoul time and lasted 12 minutes.",
                "Kim said so."
            ]
        );
        assert_eq!(
            sentences("It began at 9 a.m. ET and ended soon. AP said so."),
            ["It began at 9 a.m. ET and ended soon.", "AP said so."]
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
}
