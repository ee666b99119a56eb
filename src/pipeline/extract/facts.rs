//! Who was on the call an article reports, and which sentences hold a call
//! word ("phone", "spoke", "talks", "hotline", …). Which sentences report
//! the call, and the facts read from them, is `report`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::words::{WORD_BYTE, ascii_words, has_exotic_fold};
use crate::lexicon::leaders::{LeaderId, Leaders};

/// One sentence as the fact finders see it.
#[derive(Debug, Clone)]
pub struct Sent<'t> {
    pub text: &'t str,
    /// The headline or one of the first body sentences: where a report
    /// names its call.
    pub lead: bool,
    /// Holds a call word (`is_call_sentence`).
    pub call: bool,
    /// Leaders named, with byte spans, in order.
    pub mentions: &'t [(usize, usize, LeaderId)],
}

static CALL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:tele)?phon(?:e|ed|es)|calls?|called|conversations?|spoke|speak|speaks|speaking|talk|talks|talked|teleconference|videoconference|video\s+conference|hotline|currency)(?-u:\b)")
        .expect("call word regex is valid")
});

/// "called for cooperation", "calls on Seoul", "so-called" are not calls.
static NOT_A_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+(?:(?i:for|upon)(?-u:\b)|(?i:on)\s+(?:the\s+)?(?:\p{Ll}|[A-Z][a-z]*\s+(?:to|not)(?-u:\b)))",
    )
    .expect("not-a-call regex is valid")
});

/// A substring of every `CALL_WORD` match (ASCII case aside): a sentence
/// with none of these holds no call word.
pub const CALL_STEMS: &[&str] = &[
    "phon",
    "call",
    "conversation",
    "spoke",
    "speak",
    "talk",
    "conference",
    "hotline",
    // Machine translation renders 통화 ("a call") as "currency".
    "currency",
];

/// The shortest and longest words `call_word_spans` looks for ("call",
/// "videoconference").
const CALL_WORD_MIN: usize = 4;
const CALL_WORD_MAX: usize = 15;

pub fn is_call_sentence(s: &str) -> bool {
    if super::korean::facts::is_call_sentence(s) {
        return true;
    }
    let is_call = |start: usize, end: usize| is_call_word_used_so(s, start, end);
    if has_exotic_fold(s) {
        return CALL_WORD.find_iter(s).any(|m| is_call(m.start(), m.end()));
    }
    call_word_spans(s).any(|(start, end)| is_call(start, end))
}

/// `is_call_sentence` for a text the shared pass has read (so it holds no
/// Hangul), given where every `CALL_STEMS` occurrence and folded letter
/// lies in it: every call word holds one, so only the words around those
/// are read, not every word of the sentence.
pub fn is_call_sentence_at(s: &str, stems: impl Iterator<Item = (usize, usize)>) -> bool {
    let mut stems = stems.peekable();
    // No stem (nor folded letter, which the stems include): no call word.
    if stems.peek().is_none() {
        return false;
    }
    if has_exotic_fold(s) {
        return is_call_sentence(s);
    }
    let bytes = s.as_bytes();
    let is_word = |i: usize| WORD_BYTE[usize::from(bytes[i])];
    let mut last_word = None;
    for (a, b) in stems {
        // The whole word around the stem, as `ascii_words` splits it.
        let start = (0..a).rev().find(|&i| !is_word(i)).map_or(0, |i| i + 1);
        let end = (b..bytes.len())
            .find(|&i| !is_word(i))
            .unwrap_or(bytes.len());
        if last_word == Some(start) {
            continue;
        }
        last_word = Some(start);
        let span = match call_word(s, start, end) {
            CallWord::Yes => Some((start, end)),
            CallWord::Video => None,
            // "video conference": the stem is in its second word.
            CallWord::No => video_before_conference(s, start, end).map(|v| (v, end)),
        };
        if span.is_some_and(|(start, end)| is_call_word_used_so(s, start, end)) {
            return true;
        }
    }
    false
}

/// Whether the call word at `start..end` of `s` tells of a call: not "called
/// for", "calls on Seoul to", "so-called".
fn is_call_word_used_so(s: &str, start: usize, end: usize) -> bool {
    let calling = s.as_bytes()[start..end]
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"call"));
    !(calling && (NOT_A_CALL.is_match(&s[end..]) || s[..start].ends_with("so-")))
}

/// What the whole ASCII word `start..end` of `s` is to `CALL_WORD`.
enum CallWord {
    Yes,
    /// "video", a call word when "conference" follows.
    Video,
    No,
}

fn call_word(s: &str, start: usize, end: usize) -> CallWord {
    // Lowering the whole sentence first was an allocation per sentence:
    // most words are ruled out by length and first letter (every call
    // word's), and the rest lowered on the stack.
    let word = &s.as_bytes()[start..end];
    let first = word.first().map_or(0, |&b| b | 0x20);
    if word.len() < CALL_WORD_MIN || !b"ptcsvh".contains(&first) {
        return CallWord::No;
    }
    let mut buffer = [0u8; CALL_WORD_MAX];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return CallWord::No;
    };
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    match std::str::from_utf8(lower).unwrap_or("") {
        "phone" | "phoned" | "phones" | "telephone" | "telephoned" | "telephones" | "call"
        | "calls" | "called" | "conversation" | "conversations" | "spoke" | "speak" | "speaks"
        | "speaking" | "talk" | "talks" | "talked" | "teleconference" | "videoconference"
        | "hotline" | "currency" => CallWord::Yes,
        "video" => CallWord::Video,
        _ => CallWord::No,
    }
}

/// Where "video" starts when the word `start..end` of `s` is "conference"
/// and "video" and only whitespace come before it (`video\s+conference`).
fn video_before_conference(s: &str, start: usize, end: usize) -> Option<usize> {
    if !s[start..end].eq_ignore_ascii_case("conference") {
        return None;
    }
    let gap_start = s[..start].trim_end_matches(char::is_whitespace).len();
    if gap_start == start {
        return None;
    }
    let video = gap_start.checked_sub(5)?;
    let is_word = |i: usize| WORD_BYTE[usize::from(s.as_bytes()[i])];
    (s.get(video..gap_start)?.eq_ignore_ascii_case("video") && (video == 0 || !is_word(video - 1)))
        .then_some(video)
}

/// The spans `CALL_WORD` matches, found word by word, for text without an
/// exotic fold: a call word is a whole ASCII word, as the pattern's
/// `(?-u:\b)` at both ends and its letters-only alternatives make it.
fn call_word_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut words = ascii_words(s).peekable();
    std::iter::from_fn(move || {
        while let Some((start, end)) = words.next() {
            match call_word(s, start, end) {
                CallWord::Yes => return Some((start, end)),
                CallWord::Video => {
                    // `video\s+conference`
                    if let Some(&(next, next_end)) = words.peek()
                        && s[end..next].chars().all(char::is_whitespace)
                        && s[next..next_end].eq_ignore_ascii_case("conference")
                    {
                        words.next();
                        return Some((start, next_end));
                    }
                }
                CallWord::No => {}
            }
        }
        None
    })
}

/// Home leader and counterpart: the leaders named most where it counts —
/// lead sentences and call sentences weigh three times as much each. With
/// a publication date, leaders in office (or elect) then come first, so a
/// predecessor named at length does not take the call.
pub fn participants(
    leaders: &Leaders,
    sents: &[Sent],
    published: Option<NaiveDate>,
) -> (Option<LeaderId>, Option<LeaderId>) {
    let mut scores: Vec<(LeaderId, u32, usize)> = Vec::new();
    // One buffer for every sentence: a new one each was an allocation per
    // sentence with a leader in it.
    let mut seen: Vec<LeaderId> = Vec::new();
    for (order, s) in sents.iter().enumerate() {
        let weight = if s.lead { 3 } else { 1 } * if s.call { 3 } else { 1 };
        seen.clear();
        for &(_, _, id) in s.mentions {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            match scores.iter_mut().find(|(l, _, _)| *l == id) {
                Some(entry) => entry.1 += weight,
                None => scores.push((id, weight, order)),
            }
        }
    }
    let best = |home: bool| {
        scores
            .iter()
            .filter(|(id, _, _)| leaders.is_home(*id) == home)
            .max_by(|a, b| {
                let serving = |id: LeaderId| published.is_none_or(|d| leaders.get(id).in_office(d));
                serving(a.0)
                    .cmp(&serving(b.0))
                    .then(a.1.cmp(&b.1))
                    .then(b.2.cmp(&a.2))
            })
            .map(|(id, _, _)| *id)
    };
    (best(true), best(false))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::pipeline::extract::words::tests::{GAPS, text_from};

    #[test]
    fn every_call_word_holds_a_stem() {
        for word in [
            "phone",
            "phoned",
            "phones",
            "telephone",
            "telephoned",
            "call",
            "calls",
            "called",
            "conversation",
            "conversations",
            "spoke",
            "speak",
            "speaks",
            "speaking",
            "talk",
            "talks",
            "talked",
            "teleconference",
            "videoconference",
            "video  conference",
            "hotline",
            "Hotline",
            "currency",
            "PHONE",
            "Talked",
            "tal\u{212a}s",
        ] {
            let lower = word
                .to_ascii_lowercase()
                .replace('\u{212a}', "k")
                .replace('\u{17f}', "s");
            assert!(CALL_WORD.is_match(word), "{word}");
            assert!(CALL_STEMS.iter().any(|s| lower.contains(s)), "{word}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn call_words_are_the_regex_matches(text in text_from(&[
            "phone", "phoned", "phones", "phoning", "phon", "telephone", "telephoned",
            "telephones", "tele", "call", "calls", "called", "caller", "recall",
            "conversation", "conversations", "spoke", "speak", "speaks", "speaking",
            "spoken", "talk", "talks", "talked", "talking", "teleconference",
            "videoconference", "video", "conference", "conferences", "hotline", "hotlines", "currency", "currencies", "so", "for",
            "upon", "on", "the", "Seoul", "to", "not", "x", "1",
        ], GAPS)) {
            let by_regex: Vec<_> = CALL_WORD.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(call_word_spans(&text).collect::<Vec<_>>(), by_regex);
        }

        #[test]
        fn reading_around_the_stems_finds_what_every_word_finds(text in text_from(&[
            "phone", "phoned", "telephone", "tele", "call", "calls", "called", "recall",
            "so-called", "conversation", "spoke", "spokesman", "speaking", "talk", "talks",
            "talked", "teleconference", "videoconference", "video", "conference", "hotline",
            "currency", "so", "for", "upon", "on", "the", "Seoul", "to", "not", "x", "1", "_",
        ], GAPS)) {
            // Where the shared pass would report the stems: every
            // occurrence, in any ASCII case, by start.
            let lower = text.to_ascii_lowercase();
            let mut stems: Vec<(usize, usize)> = CALL_STEMS
                .iter()
                .flat_map(|stem| lower.match_indices(stem).map(|(at, m)| (at, at + m.len())))
                .collect();
            stems.sort_unstable();
            prop_assert_eq!(
                is_call_sentence_at(&text, stems.iter().copied()),
                is_call_sentence(&text),
                "{:?}",
                text
            );
        }

        #[test]
        fn exotic_folds_take_the_regex(text in text_from(&[
            "phone", "call", "calls", "talk", "tal\u{212a}", "\u{17f}poke", "\u{17f}o", "for",
            "on", "the", "x",
        ], GAPS)) {
            let by_regex = CALL_WORD.find_iter(&text).any(|m| {
                let calling = m.as_str().to_ascii_lowercase().starts_with("call");
                !(calling
                    && (NOT_A_CALL.is_match(&text[m.end()..])
                        || text[..m.start()].ends_with("so-")))
            });
            prop_assert_eq!(is_call_sentence(&text), by_regex);
        }
    }

    #[test]
    fn call_words() {
        assert!(is_call_sentence("Moon spoke with Xi."));
        assert!(is_call_sentence("in a telephone conversation with Moon"));
        assert!(is_call_sentence("The call on Tuesday lasted long."));
        assert!(is_call_sentence("They held phone talks."));
        assert!(is_call_sentence(
            "It was the first conversation over the hotline."
        ));
        assert!(!is_call_sentence(
            "Xi called for cooperation to safeguard free trade."
        ));
        assert!(!is_call_sentence("He calls on Seoul to act."));
        assert!(!is_call_sentence("the so-called peace process"));
        assert!(!is_call_sentence(
            "They last met each other on Dec. 23, 2019."
        ));
    }
}
