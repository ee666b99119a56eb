//! Finding lexicon topics in text (the lexicon itself is `crate::lexicon::topics`):
//! case-insensitive phrases on word boundaries, the leftmost longest phrase
//! winning where phrases overlap, "…" standing for up to four words,
//! `not_with` words voiding a mention in their sentence, and a `broader`
//! topic dropped when its narrower one is present.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Found;
use super::text::{boundary_after, boundary_before, word_at};
use crate::lexicon::topics::Topics;

/// Words a "…" may stand for.
const GAP_WORDS: usize = 4;

/// A keyword: the topic it names and, for "a … b" keywords, the pieces
/// after the first, each of which must follow within `GAP_WORDS` words.
#[derive(Debug, Clone)]
struct Entry {
    topic: usize,
    tail: Vec<String>,
}

/// The lexicon compiled into one automaton. Built once per `Topics`.
#[derive(Debug, Clone)]
pub struct TopicMatcher {
    /// The heads, case-insensitive. Built on first use: the extractor's
    /// shared pass usually finds the heads itself.
    ac: OnceLock<Option<AhoCorasick>>,
    /// The patterns of `ac`, in order.
    pub(super) heads: Vec<String>,
    /// For each automaton pattern, the keywords starting with it: gapped
    /// ones first, as they are the longer phrases.
    entries: Vec<Vec<Entry>>,
    /// The lower-cased `not_with` words, each once (an empty one voids
    /// nothing).
    pub(super) blockers: Vec<String>,
    /// Per topic, its `not_with` words as indices into `blockers`.
    not_with: Vec<Vec<usize>>,
    broader: Vec<Option<usize>>,
}

impl TopicMatcher {
    pub fn new(topics: &Topics) -> TopicMatcher {
        let mut heads: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        for (topic, t) in topics.all.iter().enumerate() {
            for keyword in &t.keywords {
                let normal = keyword.replace("...", "…");
                let mut pieces = normal
                    .split('…')
                    .map(|p| {
                        p.split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_ascii_lowercase()
                    })
                    .filter(|p| !p.is_empty());
                let Some(head) = pieces.next() else { continue };
                let entry = Entry {
                    topic,
                    tail: pieces.collect(),
                };
                let slot = match heads.iter().position(|h| *h == head) {
                    Some(i) => i,
                    None => {
                        heads.push(head);
                        entries.push(Vec::new());
                        heads.len() - 1
                    }
                };
                entries[slot].push(entry);
            }
        }
        for list in &mut entries {
            list.sort_by_key(|e| std::cmp::Reverse(e.tail.len()));
        }
        let broader = topics
            .all
            .iter()
            .map(|t| {
                t.broader
                    .as_ref()
                    .and_then(|b| topics.all.iter().position(|o| &o.name == b))
            })
            .collect();
        let mut blockers: Vec<String> = Vec::new();
        let mut not_with = Vec::new();
        for t in &topics.all {
            let mut words = Vec::new();
            for w in t.not_with.iter().map(|w| w.to_lowercase()) {
                if w.is_empty() {
                    continue;
                }
                match blockers.iter().position(|b| *b == w) {
                    Some(i) => words.push(i),
                    None => {
                        words.push(blockers.len());
                        blockers.push(w);
                    }
                }
            }
            not_with.push(words);
        }
        TopicMatcher {
            ac: OnceLock::new(),
            heads,
            entries,
            blockers,
            not_with,
            broader,
        }
    }

    /// Marks in `seen` (indexed by lexicon position) the topics `text`
    /// names; `sentences` are its sentences' byte spans, in order, for the
    /// `not_with` rule (none: the whole text is one sentence).
    pub fn scan(&self, text: &str, sentences: &[(usize, usize)], seen: &mut [bool]) {
        let ac = self.ac.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.heads)
                .ok()
        });
        let Some(ac) = ac else { return };
        let found: Vec<Found> = ac
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        self.scan_with(text, &found, None, sentences, seen);
    }

    /// `scan`, given what the automaton finds in `text` (leftmost-longest,
    /// as `(start, end, pattern)`) and, if known, every occurrence of each
    /// of the `blockers` (ASCII case aside, as `(start, end, blocker)` by
    /// start).
    pub(super) fn scan_with(
        &self,
        text: &str,
        found: &[Found],
        blockers: Option<&[Found]>,
        sentences: &[(usize, usize)],
        seen: &mut [bool],
    ) {
        let mut blocked_in: HashMap<(usize, usize), bool> = HashMap::new();
        for &(start, end, pattern) in found {
            if !boundary_before(text, start) || !boundary_after(text, end) {
                continue;
            }
            let Some(list) = self.entries.get(pattern) else {
                continue;
            };
            let i = sentences.partition_point(|&(_, e)| e <= start);
            let (s0, s1) = sentences
                .get(i)
                .copied()
                .filter(|&(a, _)| a <= start)
                .unwrap_or((0, text.len()));
            let rest = text.get(end..s1.max(end)).unwrap_or("");
            let Some(entry) = list.iter().find(|e| tail_follows(rest, &e.tail)) else {
                continue;
            };
            let blocked = !self.not_with[entry.topic].is_empty()
                && *blocked_in.entry((s0, entry.topic)).or_insert_with(|| {
                    // Once per sentence and topic, so long texts stay linear.
                    self.blocked(text, (s0, s1), entry.topic, blockers)
                });
            if !blocked && let Some(slot) = seen.get_mut(entry.topic) {
                *slot = true;
            }
        }
    }

    /// Whether the sentence `s0..s1` of `text` (all of `text` if that is
    /// no sentence) holds one of `topic`'s `not_with` words as a word; see
    /// `scan_with` for `blockers`.
    fn blocked(
        &self,
        text: &str,
        (s0, s1): (usize, usize),
        topic: usize,
        blockers: Option<&[Found]>,
    ) -> bool {
        let (from, sentence) = match text.get(s0..s1) {
            Some(sentence) => (s0, sentence),
            None => (0, text),
        };
        let words = &self.not_with[topic];
        let Some(blockers) = blockers else {
            return words
                .iter()
                .any(|&w| contains_word(sentence, &self.blockers[w]));
        };
        let to = from + sentence.len();
        let first = blockers.partition_point(|&(a, _, _)| a < from);
        blockers[first..]
            .iter()
            .take_while(|&&(a, _, _)| a < to)
            .any(|&(a, b, w)| {
                b <= to
                    && words.contains(&w)
                    && boundary_before(sentence, a - from)
                    && boundary_after(sentence, b - from)
            })
    }

    /// Topic names in lexicon order, broader topics dropped where a
    /// narrower one is present.
    pub fn names(&self, topics: &Topics, seen: &[bool]) -> Vec<String> {
        let mut keep = seen.to_vec();
        for (i, b) in self.broader.iter().enumerate() {
            if seen.get(i) == Some(&true)
                && let Some(slot) = b.and_then(|b| keep.get_mut(b))
            {
                *slot = false;
            }
        }
        topics
            .all
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(t, _)| t.name.clone())
            .collect()
    }
}

/// Each tail piece must start within `GAP_WORDS` words of where the
/// previous piece ended.
fn tail_follows(mut rest: &str, tail: &[String]) -> bool {
    for piece in tail {
        let mut found = false;
        let mut cursor = rest;
        for _ in 0..=GAP_WORDS {
            cursor = cursor.trim_start();
            if starts_with_phrase(cursor, piece) {
                rest = &cursor[piece.len()..];
                found = true;
                break;
            }
            match word_at(cursor) {
                Some(len) => cursor = &cursor[len..],
                None => break,
            }
        }
        if !found {
            return false;
        }
    }
    true
}

fn starts_with_phrase(s: &str, phrase: &str) -> bool {
    s.len() >= phrase.len()
        && s.is_char_boundary(phrase.len())
        && s[..phrase.len()].eq_ignore_ascii_case(phrase)
        && boundary_after(s, phrase.len())
}

/// `word` (lower-case ASCII) in `haystack` as a whole word, any case.
fn contains_word(haystack: &str, word: &str) -> bool {
    let (h, w) = (haystack.as_bytes(), word.as_bytes());
    !w.is_empty()
        && h.windows(w.len()).enumerate().any(|(i, win)| {
            win.eq_ignore_ascii_case(w)
                && boundary_before(haystack, i)
                && boundary_after(haystack, i + w.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let topics = Topics::embedded();
        let m = TopicMatcher::new(&topics);
        let mut seen = vec![false; topics.all.len()];
        m.scan(text, &[], &mut seen);
        m.names(&topics, &seen)
    }

    #[test]
    fn words_match_case_insensitively_on_boundaries() {
        assert_eq!(found("They discussed the novel Coronavirus."), ["COVID-19"]);
        assert_eq!(
            found("China is its biggest trading partner."),
            Vec::<String>::new()
        );
        assert_eq!(found("Bilateral TRADE rose."), ["trade"]);
        assert_eq!(
            found("They talked about supply-chain risks."),
            ["supply chains"]
        );
    }

    #[test]
    fn longest_overlapping_phrase_wins() {
        // "Asia-Pacific Economic Cooperation" is APEC, not economic cooperation.
        assert_eq!(
            found("the Asia-Pacific Economic Cooperation summit"),
            ["APEC"]
        );
        assert_eq!(
            found("negotiations on the free trade agreement"),
            ["free trade agreement"]
        );
    }

    #[test]
    fn gapped_keywords_allow_up_to_four_words() {
        assert_eq!(
            found("the 30th anniversary of Sino-South Korean diplomatic relations"),
            ["30th anniversary of diplomatic ties"]
        );
        assert!(
            found("the 30th anniversary of the founding of a party with diplomatic aims")
                .is_empty()
        );
    }

    #[test]
    fn broader_topic_is_dropped_and_not_with_voids_a_mention() {
        let both = found("They backed free trade. They discussed the FTA.");
        assert_eq!(both, ["free trade agreement"]);
        assert!(
            found("His first visit to South Korea would be for the APEC summit.")
                .contains(&"APEC".to_string())
        );
        assert!(
            !found("His first visit to South Korea would be for the APEC summit.")
                .contains(&"state visit".to_string())
        );
        assert!(
            found("Xi plans a visit to South Korea this year.")
                .contains(&"state visit".to_string())
        );
    }
}
