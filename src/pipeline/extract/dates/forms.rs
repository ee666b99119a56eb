//! The words around a date expression, read once `dates` has found it:
//! whether it looks back on an earlier event (background), whether a
//! number that looks like a day is one ("the 4th round", "9/11 attacks",
//! "30 days later" are not), and the "(local time)" that may follow it.
//!
//! These run only on the few matches the date regex finds, so plain
//! string and small regex tests over a window of words are cheap enough.

use std::sync::LazyLock;

use regex::Regex;

use super::words::{first_words, last_words, month_number};

/// Words shortly before a date that make it an earlier event's: "since
/// Jan. 11", "following their call on February 20", "their previous call
/// on", "last met on Dec. 23, 2019", "their earlier call on", "the first
/// since", "after the one on". A bare "after" is not enough: "said after
/// speaking with Xi on Tuesday" dates the call itself.
static BACKGROUND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:since|following|previous(?:ly)?|prior|last\s+(?:met|meeting|spoke|talked|held|call|phone|conversation|talks|summit)|earlier\s+(?:call|phone|conversation|talks)|after\s+(?:the\s+one|the\s+last|their\s+(?:last|previous|first)))(?-u:\b)",
    )
    .expect("background regex is valid")
});

/// Words right after a date that put it in an earlier year or month: "the
/// one held on May 11 last year", "on March 3 of last month".
static BACKGROUND_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,]*(?:of\s+)?(?:last\s+(?:year|month)|the\s+(?:previous|prior)\s+(?:year|month)|a\s+(?:year|month)\s+(?:ago|earlier|before))(?-u:\b)",
    )
    .expect("background-after regex is valid")
});

/// The rule for `DateExpr::background`: one of `BACKGROUND_BEFORE`'s words
/// within the six words before the expression, or `BACKGROUND_AFTER`'s
/// right after it. Such a date is kept (the caller may want the earlier
/// event) but never offered as the reported call's date.
pub(super) fn is_background(sentence: &str, start: usize, end: usize) -> bool {
    let before = last_words(&sentence[..start], 6);
    let after = &sentence[end..];
    (may_hold_word(before, BACKGROUND_BEFORE_WORDS) && BACKGROUND_BEFORE.is_match(before))
        || (may_open_background_after(after) && BACKGROUND_AFTER.is_match(first_words(after, 4)))
}

/// The words `BACKGROUND_BEFORE` opens with.
pub(super) const BACKGROUND_BEFORE_WORDS: &[&str] = &[
    "since",
    "following",
    "previous",
    "prior",
    "last",
    "earlier",
    "after",
];

/// Whether `BACKGROUND_AFTER` may match: after spaces and commas, "of",
/// "last", "the" or "a" in any case. Text past ASCII is let through, as
/// its spaces and case folds are the regex's to read.
pub(super) fn may_open_background_after(after: &str) -> bool {
    let first = after
        .bytes()
        .find(|&b| !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | b','));
    matches!(
        first,
        Some(b'o' | b'O' | b'l' | b'L' | b't' | b'T' | b'a' | b'A' | 0x80..)
    )
}

/// Whether `window` may hold a match of a case-insensitive regex whose
/// every match opens, at an ASCII word boundary, with one of `words`
/// (lowercase ASCII letters): an
/// ASCII search for them at word starts. Text past ASCII is let through
/// ('ſ' folds to 's', 'K' to 'k'), for the regex to decide.
pub(super) fn may_hold_word(window: &str, words: &[&str]) -> bool {
    if !window.is_ascii() {
        return true;
    }
    // The words' first letters, a bit each (the low five bits of a letter
    // are the same in both cases).
    let mut firsts = 0u32;
    for w in words {
        if let Some(&c) = w.as_bytes().first() {
            firsts |= 1 << (c & 31);
        }
    }
    let b = window.as_bytes();
    let mut after_word = false;
    for (i, &c) in b.iter().enumerate() {
        let starts = !after_word && c.is_ascii_alphabetic() && firsts & (1 << (c & 31)) != 0;
        after_word = c.is_ascii_alphanumeric() || c == b'_';
        if starts
            && words.iter().any(|w| {
                w.as_bytes().first() == Some(&(c | 0x20)) && opens_with(&b[i..], w.as_bytes())
            })
        {
            return true;
        }
    }
    false
}

/// Whether `text` opens with `word` (lowercase ASCII letters) in any case;
/// the second letter is compared first, as the first already agrees.
fn opens_with(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len()
        && word.len() >= 2
        && text[1] | 0x20 == word[1]
        && text[..word.len()].eq_ignore_ascii_case(word)
}

/// Whether byte `i` of `s` is an ASCII digit.
pub(super) fn digit_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

/// Words that may follow a bare day number ("the 4th", "3/14", "Tuesday
/// 3.14") in a sentence about when something happened: prepositions,
/// conjunctions, times of day and the like. Any other lowercase word makes
/// the number a modifier of a noun ("the 4th round", "3/4 majority").
#[rustfmt::skip]
const DAY_FOLLOWERS: &[&str] = &[
    "at", "by", "in", "on", "via", "over", "when", "as", "and", "with", "to", "for", "from",
    "during", "after", "before", "that", "this", "local", "last", "night", "morning",
    "afternoon", "evening", "while", "where", "which", "the", "it", "they", "he", "she", "we",
    "but", "or", "said", "held", "had", "spoke", "talked", "korea", "seoul", "us",
];

/// Whether the words after a bare day number at `start..end` make it
/// something else: a '%', '/' or digit right after it, a lowercase word
/// not in `DAY_FOLLOWERS` ("the 4th round", "9/11 attacks"), or a
/// capitalised word ("the 19th Party Congress") unless "on" introduces the
/// number ("on 3/14 President Moon …").
pub(super) fn reads_as_other(sentence: &str, start: usize, end: usize) -> bool {
    let after = &sentence[end..];
    let next = after.trim_start_matches([' ', '\u{a0}']);
    let Some(first) = next.chars().next() else {
        return false;
    };
    if matches!(first, '%' | '/') || first.is_ascii_digit() {
        return true;
    }
    if !first.is_alphabetic() {
        return false;
    }
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .trim_end_matches('.')
        .to_lowercase();
    if first.is_uppercase() {
        let introduced = last_words(&sentence[..start], 1);
        let introduced = introduced.trim().eq_ignore_ascii_case("on");
        return !(introduced || DAY_FOLLOWERS.contains(&word.as_str()));
    }
    !DAY_FOLLOWERS.contains(&word.as_str())
}

/// "of March" right after a day number ("the 4th of March"): the month and
/// where its name ends.
pub(super) fn of_month(sentence: &str, end: usize) -> Option<(u32, usize)> {
    let after = &sentence[end..];
    let rest = after.trim_start();
    let rest = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("Of "))?;
    let name = rest.trim_start();
    let len = name
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(name.len());
    let word = &name[..len];
    // A month's full name or its usual abbreviation, never a word that
    // merely starts like one ("of Marches", "of Mayors").
    let month =
        month_number(word).filter(|_| super::words::MONTHS.split('|').any(|m| m == word))?;
    Some((month, end + (after.len() - name.len()) + len))
}

/// Words after "N days" that make it a count of days, not machine
/// translation of a day of month ("on 26 days" for "26일"): "ago",
/// "later", "after", "before", "earlier", "ahead", "of …", "long",
/// or a possessive ("on 5 days' notice").
pub(super) fn counts_days(after: &str) -> bool {
    if after.starts_with(['\'', '’']) {
        return true;
    }
    let next = after.trim_start();
    let len = next
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(next.len());
    matches!(
        next[..len].to_ascii_lowercase().as_str(),
        "ago" | "later" | "after" | "before" | "earlier" | "ahead" | "of" | "long"
    )
}

/// Where a date expression ends once a following "(local time)" is taken
/// in: "Wednesday (local time)" is one expression.
pub(super) fn local_time_end(sentence: &str, end: usize) -> usize {
    let after = &sentence[end..];
    let rest = after.trim_start();
    let tag = "(local time)";
    match rest.get(..tag.len()) {
        Some(t) if t.eq_ignore_ascii_case(tag) => end + (after.len() - rest.len()) + tag.len(),
        _ => end,
    }
}

#[cfg(test)]
mod tests;
