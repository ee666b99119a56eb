//! Sentence splitting: where one sentence ends and the next begins,
//! including glued ones ("week.Our") and broadcast labels, without
//! splitting on abbreviations, initials, decimals or times.

use super::summary::Cleaner;
use crate::lexicon::boilerplate::Patterns;
use crate::model::{Body, offset};
use crate::sanitize;

/// Sentences an article keeps apart, at most: past this, the rest of a
/// paragraph is one sentence. A news story has a few hundred at most; a
/// hostile file of "Xi. " repeated would otherwise keep 16 bytes of
/// bounds for every 4 bytes of text.
pub const MAX_SENTENCES: usize = 10_000;
/// Longest word looked at when deciding whether a "." is an abbreviation.
const ABBREV_LOOKBACK: usize = 40;

/// Split a paragraph (spaces already collapsed) into sentences. Glued
/// sentences ("week.Our") get the missing space; broadcast labels
/// ("Report:") at a sentence start are dropped. The text is only rebuilt
/// when one of those two happens; otherwise ranges point into it as is.
pub fn split_sentences(text: String, pats: &Patterns) -> Body {
    let mut body = Body::default();
    split_line(
        &text,
        &Cleaner::new(pats),
        &mut Vec::new(),
        MAX_SENTENCES,
        &mut body,
    );
    body
}

/// (start, end, space before) of each sentence of a line, in the line.
pub(super) type Found = Vec<(usize, usize, bool)>;

/// `split_sentences` of a line, written straight into `body` (the line is
/// copied once, into the article's one buffer; an empty one is not kept).
/// `found` is scratch space, reused from line to line. Sentences past
/// `budget` make one. Returns how many sentences the line made.
pub(super) fn split_line(
    text: &str,
    m: &Cleaner,
    found: &mut Found,
    budget: usize,
    body: &mut Body,
) -> usize {
    found.clear();
    let rewrite = find_sentences(text, m, found, budget.max(1));
    let mut open = body.open();
    open.drop_if_empty();
    if !rewrite {
        open.push_str(text);
        for &(s, e, _) in found.iter() {
            open.add_sentence((offset(s), offset(e)));
        }
        return open.sentence_count();
    }
    for &(s, e, space) in found.iter() {
        if space && !open.is_empty() {
            open.push(' ');
        }
        let start = open.len();
        open.push_str(&text[s..e]);
        open.add_sentence((offset(start), offset(open.len())));
    }
    open.sentence_count()
}

/// The sentences of `text` into `found`, at most `cap` (the last takes in
/// all the rest); true when the text must be
/// rebuilt (a glued sentence or a dropped label).
pub(super) fn find_sentences(text: &str, m: &Cleaner, found: &mut Found, cap: usize) -> bool {
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
pub(super) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&c) if c.is_ascii() && !is_ascii_white(c) => s,
        _ => s.trim_start(),
    }
}

/// `str::trim_end`, likewise.
pub(super) fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&c) if c.is_ascii() && !is_ascii_white(c) => s,
        _ => s.trim_end(),
    }
}

/// The ASCII bytes `char::is_whitespace` accepts.
pub(super) fn is_ascii_white(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

pub(super) fn strip_label<'a>(s: &'a str, m: &Cleaner) -> &'a str {
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
pub(super) struct Cut {
    end: usize,
    next: usize,
    glued: bool,
}

/// Where the sentences of `text` end, in order.
pub(super) fn for_each_cut(text: &str, m: &Cleaner, mut cut: impl FnMut(Cut)) {
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
pub(super) struct Token {
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
pub(super) fn has_scheme_mark(b: &[u8]) -> bool {
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
pub(super) fn is_interesting(c: u8) -> bool {
    (c == b'.') | (c == b'!') | (c == b'?') | (c == 0xe3) | (c == 0xef)
}

pub(super) fn is_cjk_stop(b: &[u8]) -> bool {
    b.starts_with("。".as_bytes())
        || b.starts_with("！".as_bytes())
        || b.starts_with("？".as_bytes())
}

/// Closing quotes and brackets that belong to the sentence just ended.
pub(super) fn skip_closers(text: &str, mut i: usize) -> usize {
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
pub(super) fn boundary(
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
pub(super) fn word_before(text: &str, token_start: usize, dot: usize) -> &str {
    if dot - token_start > ABBREV_LOOKBACK {
        return "";
    }
    let word = &text[token_start..dot];
    match word.as_bytes().first() {
        Some(c) if c.is_ascii_alphanumeric() => word,
        _ => word.trim_start_matches(|c: char| !c.is_alphanumeric()),
    }
}

pub(super) fn is_abbreviation(word: &str, after: &str, m: &Cleaner) -> bool {
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

pub(super) fn is_day_or_month(after: &str) -> bool {
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
pub(super) fn is_time_zone(after: &str) -> bool {
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
pub(super) fn starts_sentence(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_lowercase())
        || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '「' | '『')
}
