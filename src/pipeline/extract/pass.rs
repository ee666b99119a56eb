//! The shared pass: every phrase the name, topic and call-word matchers
//! look for, in one automaton, so a paragraph is read once for all. Each
//! matcher hands over its patterns (`NameMatcher::shared_patterns`, the
//! topic heads and blockers, `facts::CALL_STEMS`) and gets back, in
//! `Phrases`, what its own leftmost-longest automaton would have found.

use aho_corasick::MatchKind;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;

use super::facts;
use super::names::NameMatcher;
use super::steps::Steps;
use super::text::Found;
use super::topics::TopicMatcher;

/// Letters `(?i)` folds into ASCII letters of the call words ('ſ' into
/// 's', the Kelvin sign into 'k'), which the ASCII stems miss: a story
/// holding one is always checked for a call word.
const FOLDED_LETTERS: &[&str] = &["\u{17f}", "\u{212a}"];

/// The automaton of the shared pass. Its patterns, in order: the name
/// phrases, the topic heads, the call-word stems and `FOLDED_LETTERS`,
/// the surname spellings (when `NameMatcher::surnames_are_words`), then
/// the words that void a topic mention (`TopicMatcher::blockers`).
#[derive(Debug, Clone)]
pub(super) struct SharedPass {
    /// The patterns' automaton, which knows each state's matches.
    nfa: NFA,
    /// Its DFA, as the byte loop reads it.
    steps: Steps,
    /// For each name phrase in the automaton, its index among the
    /// matcher's phrases: Korean, Chinese and Russian spellings stay out
    /// (see `is_foreign_script`), so their bytes do not widen the
    /// automaton English text runs through.
    phrase_of: Vec<usize>,
    heads_from: usize,
    stems_from: usize,
    surnames_from: usize,
    blockers_from: usize,
}

impl SharedPass {
    pub(super) fn new(names: &NameMatcher, lexicon: &TopicMatcher) -> Option<SharedPass> {
        let (all_phrases, surnames) = names.shared_patterns();
        let (phrase_of, phrases): (Vec<usize>, Vec<&String>) = all_phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.chars().any(is_foreign_script))
            .unzip();
        let heads_from = phrases.len();
        let stems_from = heads_from + lexicon.heads.len();
        let surnames_from = stems_from + facts::CALL_STEMS.len() + FOLDED_LETTERS.len();
        let blockers_from = surnames_from + surnames.len();
        let patterns = || {
            phrases
                .iter()
                .map(|p| p.as_str())
                .chain(lexicon.heads.iter().map(String::as_str))
                .chain(facts::CALL_STEMS.iter().copied())
                .chain(FOLDED_LETTERS.iter().copied())
                .chain(surnames.iter().map(|(spelling, _)| spelling.as_str()))
                .chain(lexicon.blockers.iter().map(String::as_str))
        };
        let nfa = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // `phrases` stops only at matches: a prefilter would not help.
            .prefilter(false)
            .build(patterns())
            .ok()?;
        // An empty pattern would match at the start state, which `phrases`
        // never looks at; none of the pattern lists holds one.
        if nfa.min_pattern_len() == 0 {
            return None;
        }
        let steps = Steps::new(&nfa, patterns(), true)?;
        Some(SharedPass {
            nfa,
            steps,
            phrase_of,
            heads_from,
            stems_from,
            surnames_from,
            blockers_from,
        })
    }

    /// Fills `found` with the name phrases and the topic heads in `text`,
    /// each set as its own leftmost-longest automaton would find them
    /// (`(start, end, pattern)`), from one overlapping pass: from all
    /// occurrences, leftmost-longest takes the one starting first (the
    /// longest there), then goes on from its end.
    ///
    /// Also every occurrence of a call-word stem (`facts::CALL_STEMS`) or a
    /// `FOLDED_LETTERS` letter, as `(start, end)` by start: a text without
    /// one holds no call word; the surnames `scan` would look at (see
    /// `NameMatcher::surname_word`); and every occurrence of a topic
    /// blocker, by start. False if the automaton can not start.
    pub(super) fn read(&self, names: &NameMatcher, text: &str, found: &mut Phrases) -> bool {
        let pass = self;
        found.clear();
        let nfa = &pass.nfa;
        let mut hits = std::mem::take(&mut found.hits);
        let overlap = nfa.max_pattern_len().saturating_sub(1);
        match_states(
            &pass.steps,
            overlap,
            text.as_bytes(),
            &mut hits,
            &mut found.later,
        );
        for &(state, end) in &hits {
            let state = pass.steps.origin(state);
            for i in 0..nfa.match_len(state) {
                let id = nfa.match_pattern(state, i);
                let (pattern, start) = (id.as_usize(), end - nfa.pattern_len(id));
                if pattern < pass.heads_from {
                    found.names.push((start, end, pass.phrase_of[pattern]));
                } else if pattern < pass.stems_from {
                    found.topics.push((start, end, pattern - pass.heads_from));
                } else if pattern < pass.surnames_from {
                    found.stems.push((start, end));
                } else if pattern < pass.blockers_from {
                    // Whole words do not overlap: these come by start too.
                    let spelling = pattern - pass.surnames_from;
                    if let Some(p) = names.surname_word(text, start, end, spelling) {
                        found.surnames.push((start, end, p));
                    }
                } else {
                    found
                        .blockers
                        .push((start, end, pattern - pass.blockers_from));
                }
            }
        }
        found.hits = hits;
        leftmost_longest(&mut found.names);
        leftmost_longest(&mut found.topics);
        found.stems.sort_unstable();
        found.blockers.sort_unstable();
        true
    }
}

/// Every match state `dfa` passes through over `bytes` from `start`, with
/// the position just after the byte that led to it, in text order, into
/// `hits` (cleared first).
///
/// The automaton's next state waits on the load of the one before, so one
/// stream is as slow as that chain (perf: most of the loop's time sat on
/// the one load). A longer text is read as two streams stepped together,
/// whose loads overlap: the first half, and the second half from
/// `max_pattern_len - 1` bytes before the middle. By the first byte past
/// the middle the second stream is in the state one stream would be in
/// there (a state is the longest text suffix that begins a pattern, never
/// longer than a pattern), and it reports only matches ending past the
/// middle, so each match comes once. `later` is the second stream's
/// buffer until it joins `hits`.
///
/// Measured slower (callgrind, 10,000 generated articles): the automaton
/// re-laid as a dense `u16` table (+15% instructions, and its build cost
/// ten times the automaton's), and stepping over the bytes that leave the
/// start state idle (+30%: few bytes do). Case folding is no cost to drop:
/// the automaton already puts both cases of a letter in one byte class.
/// No faster by wall time (pairs in turn, 10,000 articles): the states
/// re-laid breadth-first in rows as wide as the byte classes (1.00×), and
/// four streams instead of two (1.03×). Not inlined, so the loop stands
/// apart in a profile (inlined, its registers spilled; no wall-time
/// difference either way).
#[inline(never)]
fn match_states(
    steps: &Steps,
    overlap: usize,
    bytes: &[u8],
    hits: &mut Vec<(u32, usize)>,
    later: &mut Vec<(u32, usize)>,
) {
    hits.clear();
    later.clear();
    let start = steps.start();
    // Two streams step (len + overlap) / 2 times, one steps len times.
    if bytes.len() <= 2 * overlap + 1 {
        read_stream(steps, start, bytes, 0, hits);
        return;
    }
    // Both streams as long as each other, give or take a byte: the first
    // ends at `mid`, the second starts `overlap` (the longest pattern
    // less one) before it.
    let mid = (bytes.len() + overlap).div_ceil(2);
    let from = mid - overlap;
    let (first, second) = (&bytes[..mid], &bytes[from..]);
    let n = first.len().min(second.len());
    let (both_first, both_second) = (&first[..n], &second[..n]);
    let (mut a, mut b, mut read) = (start, start, 0);
    let table = steps.parts();
    while read < n {
        (a, b, read) = table.both_to_match(a, b, both_first, both_second, read);
        if table.is_match(a) {
            hits.push((a, read));
        }
        if table.is_match(b) && from + read > mid {
            later.push((b, from + read));
        }
    }
    // At most a byte is left, of one stream or the other.
    read_stream(steps, a, &first[n..], n, hits);
    read_stream(steps, b, &second[n..], from + n, later);
    hits.append(later);
}

/// One stream: `steps` from `state` over `bytes`, whose first byte is at
/// `offset` in the text, each match state appended to `hits`.
fn read_stream(
    steps: &Steps,
    mut state: u32,
    bytes: &[u8],
    offset: usize,
    hits: &mut Vec<(u32, usize)>,
) {
    let table = steps.parts();
    for (i, &byte) in bytes.iter().enumerate() {
        state = table.step(state, byte);
        if table.is_match(state) {
            hits.push((state, offset + i + 1));
        }
    }
}

/// Hangul, CJK ideographs and Cyrillic: the scripts of the leaders'
/// native spellings, which the shared pass leaves to the name matcher's
/// own automaton (see `needs_own_scan`).
fn is_foreign_script(c: char) -> bool {
    crate::hangul::is_hangul(c)
        || matches!(c as u32, 0x0400..=0x04FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Whether `text` may hold a name spelt in a script the shared pass
/// leaves out: such a text is read by each matcher's own automaton.
pub(super) fn needs_own_scan(text: &str) -> bool {
    // Most texts are ruled out on bytes, a block at a time, without
    // decoding a character.
    !text.is_ascii()
        && crate::sanitize::find_byte(text.as_bytes(), 0, may_lead_foreign_script).is_some()
        && text.chars().any(is_foreign_script)
}

/// Whether `b` may be the first byte of an `is_foreign_script` character
/// in UTF-8 (Cyrillic 0xD0–0xD3, Hangul jamo 0xE1, the rest 0xE3–0xEF; a
/// test checks every character). Typographic quotes and dashes (0xE2) and
/// Latin accents are not.
fn may_lead_foreign_script(b: u8) -> bool {
    matches!(b, 0xd0..=0xd3 | 0xe1 | 0xe3..=0xef)
}

/// What the shared pass finds in one text (see `SharedPass::read`).
#[derive(Debug, Default)]
pub(super) struct Phrases {
    pub(super) names: Vec<Found>,
    pub(super) topics: Vec<Found>,
    pub(super) stems: Vec<(usize, usize)>,
    pub(super) surnames: Vec<Found>,
    pub(super) blockers: Vec<Found>,
    /// The match states the automaton passed through, with where: the
    /// buffer `read` decodes the phrases above from (`later`: see
    /// `match_states`).
    hits: Vec<(u32, usize)>,
    later: Vec<(u32, usize)>,
}

impl Phrases {
    fn clear(&mut self) {
        self.names.clear();
        self.topics.clear();
        self.stems.clear();
        self.surnames.clear();
        self.blockers.clear();
    }
}

/// What a leftmost-longest `find_iter` gives, from all occurrences of its
/// patterns (none empty).
fn leftmost_longest(all: &mut Vec<Found>) {
    all.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut next = 0;
    all.retain(|&(start, end, _)| {
        let keep = start >= next;
        if keep {
            next = end;
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every match of the two-stream read, in order, is one the single
    /// stream finds, and none is lost or doubled where the halves meet.
    fn automaton(patterns: &[&str]) -> (NFA, Steps) {
        let nfa = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("patterns build");
        let steps = Steps::new(&nfa, patterns.iter().copied(), true).expect("a start state");
        (nfa, steps)
    }

    fn same_as_one_stream(patterns: &[&str], text: &str) {
        let (nfa, steps) = automaton(patterns);
        let overlap = nfa.max_pattern_len() - 1;
        let (mut split, mut later, mut whole) = (Vec::new(), Vec::new(), Vec::new());
        match_states(&steps, overlap, text.as_bytes(), &mut split, &mut later);
        read_stream(&steps, steps.start(), text.as_bytes(), 0, &mut whole);
        assert_eq!(split, whole, "{text:?}");
    }

    /// Every pattern occurrence the table's states tell, as `(start, end,
    /// pattern)`, sorted.
    fn occurrences(patterns: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let (nfa, steps) = automaton(patterns);
        let mut hits = Vec::new();
        read_stream(&steps, steps.start(), text.as_bytes(), 0, &mut hits);
        let mut found: Vec<_> = hits
            .iter()
            .flat_map(|&(state, end)| {
                let state = steps.origin(state);
                let nfa = &nfa;
                (0..nfa.match_len(state)).map(move |i| {
                    let id = nfa.match_pattern(state, i);
                    (end - nfa.pattern_len(id), end, id.as_usize())
                })
            })
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn a_match_across_the_middle_is_found_once() {
        let patterns = ["President Moon Jae-in", "Moon", "phone", "talks", "Xi"];
        let filler = "a".repeat(100);
        for shift in 0..40 {
            let text = format!(
                "{}{}President Moon Jae-in held phone talks{filler}",
                &filler[..shift],
                &filler[..60]
            );
            same_as_one_stream(&patterns, &text);
        }
        // A text that is one long match and short texts read in one stream.
        same_as_one_stream(&patterns, &"Xi".repeat(200));
        same_as_one_stream(&patterns, "Moon and Xi");
        same_as_one_stream(&patterns, "");
    }

    proptest! {
        #[test]
        fn two_streams_find_what_one_finds(
            words in proptest::collection::vec(
                prop_oneof![Just("Moon "), Just("Jae-in "), Just("phone "), Just("talks "), Just("Xi "), Just("xx "), Just("mo"), Just("on")],
                0..120,
            ),
        ) {
            let patterns = ["Moon Jae-in phone", "Moon", "Jae-in", "phone talks", "on", "Xi Xi Xi"];
            same_as_one_stream(&patterns, &words.concat());
        }
    }

    proptest! {
        #[test]
        fn the_table_finds_every_occurrence_an_overlapping_search_finds(
            words in proptest::collection::vec(
                prop_oneof![Just("Moon "), Just("MOON"), Just("jae-In "), Just("phone "), Just("Phone"),
                    Just("talks "), Just("Xi "), Just("xí"), Just("’s "), Just("\u{17f}"), Just("on"), Just("z ")],
                0..60,
            ),
        ) {
            let patterns = ["Moon Jae-in", "Moon", "jae-in phone", "phon", "talk", "Xi", "xi’s", "\u{17f}", "n"];
            let text = words.concat();
            let searcher = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .expect("patterns build");
            let mut expected: Vec<_> = searcher
                .find_overlapping_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            expected.sort_unstable();
            prop_assert_eq!(occurrences(&patterns, &text), expected);
        }
    }

    #[test]
    fn every_foreign_script_character_starts_with_a_flagged_byte() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            if is_foreign_script(c) {
                assert!(may_lead_foreign_script(lead), "{c:?}");
            }
        }
        assert!(!"“Moon” — Xi’s call".bytes().any(may_lead_foreign_script));
        assert!(needs_own_scan("문재인 spoke") && needs_own_scan("Путин"));
        assert!(!needs_own_scan("“Moon” — Xi’s call, café"));
    }
}
