//! The shared pass: every phrase the name, topic and call-word matchers
//! look for, in one automaton, so an article's body is read once for all
//! (`scan`, then `read_within` per paragraph; a headline or caption is
//! `read` on its own). Each matcher hands over its patterns
//! (`NameMatcher::shared_patterns`, the topic heads and blockers,
//! `facts::CALL_STEMS`) and gets back, in `Phrases`, what its own
//! leftmost-longest automaton would have found. The automaton's table is
//! `steps`, its byte loop `streams`.

use aho_corasick::MatchKind;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;

use super::facts;
use super::names::NameMatcher;
use super::steps::Steps;
use super::streams::{Scanned, match_states};
use super::text::Found;
use super::topics::TopicMatcher;
use super::words::WORD_BYTE;

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
    /// The patterns' DFA, as the byte loop reads it.
    steps: Steps,
    /// The longest pattern's length less one: how far back a stream
    /// starts before its stretch (see `streams`).
    overlap: usize,
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
            overlap: nfa.max_pattern_len().saturating_sub(1),
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
    /// blocker, by start.
    pub(super) fn read(&self, names: &NameMatcher, text: &str, found: &mut Phrases) {
        let mut own = std::mem::take(&mut found.own);
        self.scan(text, &mut own);
        self.decode(names, text, 0, &own.first, found);
        found.own = own;
    }

    /// Every match state over `text` (a whole article body) into
    /// `scanned`, for `read_within` to share out to its paragraphs.
    pub(super) fn scan(&self, text: &str, scanned: &mut Scanned) {
        match_states(&self.steps, self.overlap, text.as_bytes(), scanned);
    }

    /// `read` for `text`, which lies at `offset` in the text `scanned` was
    /// made of: the phrases wholly inside it. Those crossing into it from
    /// the text before are left out, so it finds what reading it alone
    /// finds (a reading from its start finds every phrase that starts
    /// there or later, whatever came before).
    pub(super) fn read_within(
        &self,
        names: &NameMatcher,
        text: &str,
        offset: usize,
        scanned: &Scanned,
        found: &mut Phrases,
    ) {
        let hits = &scanned.first;
        let from = hits.partition_point(|&(_, end)| end <= offset);
        let to = from + hits[from..].partition_point(|&(_, end)| end <= offset + text.len());
        self.decode(names, text, offset, &hits[from..to], found);
    }

    /// Fills `found` (see `read`) from `hits`, the match states over
    /// `text`, whose positions count from `offset` bytes before it.
    fn decode(
        &self,
        names: &NameMatcher,
        text: &str,
        offset: usize,
        hits: &[(u32, usize)],
        found: &mut Phrases,
    ) {
        let pass = self;
        found.clear();
        let steps = &pass.steps;
        for &(state, end) in hits {
            let end = end - offset;
            for &id in steps.matches(state) {
                let Some(start) = end.checked_sub(steps.pattern_len(id)) else {
                    // Begins before `text`.
                    continue;
                };
                let pattern = id as usize;
                if pattern < pass.heads_from {
                    found.names.push((start, end, pass.phrase_of[pattern]));
                } else if pattern < pass.stems_from {
                    found.topics.push((start, end, pattern - pass.heads_from));
                } else if pattern < pass.surnames_from {
                    found.stems.push((start, end));
                } else if pattern < pass.blockers_from {
                    // Whole words do not overlap: these come by start too.
                    // Most hits are inside words ("han" in "than", "hu" in
                    // "human"): an ASCII letter or digit beside one rules
                    // it out before `surname_word` looks closer.
                    let bytes = text.as_bytes();
                    let inside_word = |i: Option<usize>| {
                        i.and_then(|i| bytes.get(i))
                            .is_some_and(|&b| WORD_BYTE[usize::from(b)])
                    };
                    if inside_word(start.checked_sub(1)) || inside_word(Some(end)) {
                        continue;
                    }
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
        leftmost_longest(&mut found.names);
        leftmost_longest(&mut found.topics);
        found.stems.sort_unstable();
        found.blockers.sort_unstable();
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
    /// The match states the automaton passed through over a text `read`
    /// reads on its own, which it decodes the phrases above from.
    own: Scanned,
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
