//! Who was on the call an article reports, and the sentence-level tools the
//! fact finders share: call words ("phone", "spoke", "talks", "hotline",
//! …) and `Words`, a sentence cut into lowercased ASCII words. Which
//! sentences report the call, and the facts read from them, is `report`.

use std::cell::OnceCell;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::leaders::{LeaderId, Leaders};

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
    pub mentions: Vec<(usize, usize, LeaderId)>,
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

pub fn is_call_sentence(s: &str) -> bool {
    let is_call = |start: usize, end: usize| {
        let calling = s.as_bytes()[start..end]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"call"));
        !(calling && (NOT_A_CALL.is_match(&s[end..]) || s[..start].ends_with("so-")))
    };
    if has_exotic_fold(s) {
        return CALL_WORD.find_iter(s).any(|m| is_call(m.start(), m.end()));
    }
    call_word_spans(s).any(|(start, end)| is_call(start, end))
}

/// The spans `CALL_WORD` matches, found word by word, for text without an
/// exotic fold: a call word is a whole ASCII word, as the pattern's
/// `(?-u:\b)` at both ends and its letters-only alternatives make it.
fn call_word_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let lower = s.to_ascii_lowercase();
    let mut words = ascii_words(s).peekable();
    std::iter::from_fn(move || {
        while let Some((start, end)) = words.next() {
            match &lower[start..end] {
                "phone" | "phoned" | "phones" | "telephone" | "telephoned" | "telephones"
                | "call" | "calls" | "called" | "conversation" | "conversations" | "spoke"
                | "speak" | "speaks" | "speaking" | "talk" | "talks" | "talked"
                | "teleconference" | "videoconference" | "hotline" | "currency" => {
                    return Some((start, end));
                }
                "video" => {
                    // `video\s+conference`
                    if let Some(&(next, next_end)) = words.peek()
                        && s[end..next].chars().all(char::is_whitespace)
                        && &lower[next..next_end] == "conference"
                    {
                        words.next();
                        return Some((start, next_end));
                    }
                }
                _ => {}
            }
        }
        None
    })
}

/// "ſ" (long s) and "K" (Kelvin sign) are the only characters `(?i)` folds
/// onto ASCII letters (a test checks all of Unicode). The hand-written
/// matchers here and in the sibling modules compare ASCII case-blind only,
/// so text holding either takes the regex they stand in for.
pub(super) fn has_exotic_fold(s: &str) -> bool {
    !s.is_ascii() && (s.contains('\u{17f}') || s.contains('\u{212a}'))
}

/// The words `(?-u:\b)` separates, as byte spans: maximal runs of ASCII
/// letters, digits and '_'. Both ends are char boundaries.
pub(super) fn ascii_words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|&b| WORD_BYTE[usize::from(b)]);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word(i) {
            i += 1;
        }
        let start = i;
        while is_word(i) {
            i += 1;
        }
        (start < i).then_some((start, i))
    })
}

/// ASCII letters, digits and '_', as a table: a lookup per byte is what
/// keeps the word scan cheaper than the regexes it stands in for.
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// A text cut into its ASCII words, for the hand-written matchers that
/// stand in for regexes: most regex atoms they replace are whole words
/// ("hour", "and") with gaps of a known kind (`\s+`, `[\s-]`) between.
/// Words are read lowercased, as `(?i)` reads them, and compared with
/// `matches!`, which compiles to a few integer comparisons. One `Words`
/// serves every matcher run on a sentence; the words are found on first
/// use, as a quick test on the lowercased text often makes them moot.
pub(super) struct Words<'s> {
    text: &'s str,
    lower: String,
    spans: OnceCell<Vec<(usize, usize)>>,
}

impl<'s> Words<'s> {
    #[inline]
    pub(super) fn new(text: &'s str) -> Words<'s> {
        Words {
            text,
            lower: text.to_ascii_lowercase(),
            spans: OnceCell::new(),
        }
    }

    /// The whole text, as written.
    #[inline]
    pub(super) fn source(&self) -> &'s str {
        self.text
    }

    /// The whole text, ASCII-lowercased.
    #[inline]
    pub(super) fn lower(&self) -> &str {
        &self.lower
    }

    #[inline]
    fn spans(&self) -> &[(usize, usize)] {
        self.spans.get_or_init(|| {
            // Room for the words of ordinary prose up front: growing the
            // list word by word costs more than finding the words.
            let mut spans = Vec::with_capacity(self.text.len() / 4);
            spans.extend(ascii_words(self.text));
            spans
        })
    }

    #[inline]
    pub(super) fn len(&self) -> usize {
        self.spans().len()
    }

    /// Byte offset where word `k` starts.
    #[inline]
    pub(super) fn start(&self, k: usize) -> usize {
        self.spans()[k].0
    }

    /// Byte offset where word `k` ends.
    #[inline]
    pub(super) fn end(&self, k: usize) -> usize {
        self.spans()[k].1
    }

    /// Word `k`, lowercased, if there is one.
    #[inline]
    pub(super) fn get(&self, k: usize) -> Option<&str> {
        self.spans().get(k).map(|&(a, b)| &self.lower[a..b])
    }

    /// Words `first` to `last` with the gaps between them, as written.
    #[inline]
    pub(super) fn text(&self, first: usize, last: usize) -> &'s str {
        &self.text[self.start(first)..self.end(last)]
    }

    /// Whether word `k` is `word` (lowercase).
    #[inline]
    pub(super) fn is(&self, k: usize, word: &str) -> bool {
        self.get(k) == Some(word)
    }

    /// Whether word `k` starts with `prefix` (lowercase).
    #[inline]
    pub(super) fn starts(&self, k: usize, prefix: &str) -> bool {
        self.get(k).is_some_and(|w| w.starts_with(prefix))
    }

    /// Whether word `k` is ASCII digits, as many as `lens` allows.
    #[inline]
    pub(super) fn is_number(&self, k: usize, lens: std::ops::RangeInclusive<usize>) -> bool {
        self.get(k)
            .is_some_and(|w| lens.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    }

    /// The text between words `k` and `k + 1`; none after the last word.
    #[inline]
    pub(super) fn gap(&self, k: usize) -> Option<&'s str> {
        let next = self.spans().get(k + 1)?;
        Some(&self.text[self.end(k)..next.0])
    }

    /// `\s+` between words `k` and `k + 1`.
    #[inline]
    pub(super) fn spaces(&self, k: usize) -> bool {
        self.gap(k)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    }

    /// `[\s-]+` between words `k` and `k + 1`.
    #[inline]
    pub(super) fn dashes(&self, k: usize) -> bool {
        self.gap(k)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '-'))
    }

    /// `[\s-]`, exactly one, between words `k` and `k + 1`.
    #[inline]
    pub(super) fn one_dash(&self, k: usize) -> bool {
        self.gap(k).is_some_and(|g| {
            let mut chars = g.chars();
            chars.next().is_some_and(|c| c.is_whitespace() || c == '-') && chars.next().is_none()
        })
    }
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
    for (order, s) in sents.iter().enumerate() {
        let weight = if s.lead { 3 } else { 1 } * if s.call { 3 } else { 1 };
        let mut seen: Vec<LeaderId> = Vec::new();
        for &(_, _, id) in &s.mentions {
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
pub(super) mod tests {
    use proptest::prelude::*;

    use super::*;

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

    #[test]
    fn only_long_s_and_kelvin_fold_onto_ascii_letters() {
        let letter = Regex::new(r"(?i)^[a-z]$").unwrap();
        let space = Regex::new(r"^\s$").unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            let folds = letter.is_match(&text) && !c.is_ascii_alphabetic();
            assert_eq!(folds, has_exotic_fold(&text), "{c:?}");
            assert_eq!(space.is_match(&text), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn words_split_where_ascii_word_boundaries_are() {
        let spans = |s| ascii_words(s).collect::<Vec<_>>();
        assert_eq!(spans(""), []);
        assert_eq!(spans("  "), []);
        assert_eq!(spans("a_1 b"), [(0, 3), (4, 5)]);
        assert_eq!(spans("éa—b2é"), [(2, 3), (6, 8)]);
    }

    /// Text for comparing a hand-written matcher with its regex: words from
    /// `vocabulary` in random ASCII case, each followed by a gap.
    pub(in crate::extract) fn text_from(
        vocabulary: &'static [&'static str],
        gaps: &'static [&'static str],
    ) -> impl Strategy<Value = String> {
        let word = (prop::sample::select(vocabulary), any::<u64>()).prop_map(|(w, upper)| {
            w.chars()
                .enumerate()
                .map(|(i, c)| match upper >> (i % 64) & 1 {
                    1 => c.to_ascii_uppercase(),
                    _ => c,
                })
                .collect::<String>()
        });
        let part = (prop::sample::select(gaps), word, prop::sample::select(gaps));
        prop::collection::vec(part, 0..12).prop_map(|parts| {
            parts
                .into_iter()
                .map(|(before, word, after)| format!("{before}{word}{after}"))
                .collect()
        })
    }

    /// Gaps between words, with the whitespace, dashes and non-ASCII letters
    /// that word boundaries and `\s` treat differently.
    pub(in crate::extract) const GAPS: &[&str] = &[
        "", "", " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "-", " - ", "--", ".", ". ",
        ",", ", ", ":", "'", "’", "(", ")", "é", "_", "x", "7", "—",
    ];

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
