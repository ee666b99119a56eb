//! Extraction: what an article says about the call it reports — title,
//! outlet, the two leaders, date, start time, duration, topics.
//!
//! `Extractor` compiles the leader names, the topic lexicon and the outlet
//! table once; build one per load and share it across threads.

mod clock;
mod clockforms;
mod dateforms;
mod dates;
mod duration;
mod facts;
pub mod korean;
mod meeting;
mod names;
mod outlet;
mod report;
mod text;
mod tier;
mod title;
mod topics;

#[cfg(test)]
mod tests;

use std::cell::Cell;
use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use chrono::NaiveDate;

pub use outlet::{EMBEDDED_OUTLETS, Outlets};

use self::facts::Sent;
use self::names::{Kind, NameMatcher, RawMention};
use self::topics::TopicMatcher;
use crate::leaders::{LeaderId, Leaders};
use crate::model::{CallFacts, Cleaned, Evidence, Place};
use crate::topics::Topics;

/// Everything extraction reads from one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub published: Option<NaiveDate>,
    pub title: String,
    pub source: Option<String>,
    pub facts: CallFacts,
    /// Where each fact was read (see `model::Evidence`).
    pub evidence: Vec<Evidence>,
}

/// How many opening body sentences count as the lead.
const LEAD_SENTENCES: usize = 2;

/// Letters `(?i)` folds into ASCII letters of the call words ('ſ' into
/// 's', the Kelvin sign into 'k'), which the ASCII stems miss: a story
/// holding one is always checked for a call word.
const FOLDED_LETTERS: &[&str] = &["\u{17f}", "\u{212a}"];

/// The compiled matchers extraction needs. `Sync`: one per load, shared by
/// every worker.
#[derive(Debug, Clone)]
pub struct Extractor<'a> {
    leaders: &'a Leaders,
    topics: &'a Topics,
    names: NameMatcher,
    lexicon: TopicMatcher,
    outlets: Outlets,
    /// Every phrase the matchers look for, in one automaton, so a paragraph
    /// is read once for all (see `Extractor::phrases`).
    both: Option<SharedPass>,
}

/// The automaton of the shared pass. Its patterns, in order: the name
/// phrases, the topic heads, the call-word stems and `FOLDED_LETTERS`,
/// the surname spellings (when `NameMatcher::surnames_are_words`), then
/// the words that void a topic mention (`TopicMatcher::blockers`).
#[derive(Debug, Clone)]
struct SharedPass {
    dfa: DFA,
    heads_from: usize,
    stems_from: usize,
    surnames_from: usize,
    blockers_from: usize,
}

impl SharedPass {
    fn new(names: &NameMatcher, lexicon: &TopicMatcher) -> Option<SharedPass> {
        let surnames: &[(String, Vec<usize>)] = if names.surnames_are_words {
            &names.surname_spellings
        } else {
            &[]
        };
        let heads_from = names.phrase_patterns.len();
        let stems_from = heads_from + lexicon.heads.len();
        let surnames_from = stems_from + facts::CALL_STEMS.len() + FOLDED_LETTERS.len();
        let blockers_from = surnames_from + surnames.len();
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // `phrases` stops only at matches: a prefilter would not help.
            .prefilter(false)
            .build(
                names
                    .phrase_patterns
                    .iter()
                    .map(String::as_str)
                    .chain(lexicon.heads.iter().map(String::as_str))
                    .chain(facts::CALL_STEMS.iter().copied())
                    .chain(FOLDED_LETTERS.iter().copied())
                    .chain(surnames.iter().map(|(spelling, _)| spelling.as_str()))
                    .chain(lexicon.blockers.iter().map(String::as_str)),
            )
            .ok()?;
        // An empty pattern would match at the start state, which `phrases`
        // never looks at; none of the pattern lists holds one.
        (dfa.min_pattern_len() > 0).then_some(SharedPass {
            dfa,
            heads_from,
            stems_from,
            surnames_from,
            blockers_from,
        })
    }
}

impl<'a> Extractor<'a> {
    /// With the embedded outlet table.
    pub fn new(leaders: &'a Leaders, topics: &'a Topics) -> Extractor<'a> {
        Extractor::with_outlets(leaders, topics, Outlets::embedded())
    }

    pub fn with_outlets(
        leaders: &'a Leaders,
        topics: &'a Topics,
        outlets: Outlets,
    ) -> Extractor<'a> {
        let names = NameMatcher::new(leaders);
        let lexicon = TopicMatcher::new(topics);
        let both = SharedPass::new(&names, &lexicon);
        Extractor {
            leaders,
            topics,
            names,
            lexicon,
            outlets,
            both,
        }
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
    /// blocker, by start. False without the shared automaton.
    fn phrases(&self, text: &str, found: &mut Phrases) -> bool {
        let Some(pass) = &self.both else {
            return false;
        };
        found.clear();
        let dfa = &pass.dfa;
        let Ok(mut state) = dfa.start_state(Anchored::No) else {
            return false;
        };
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some((special, end)) = next_special(dfa, state, bytes, at) {
            // Without a prefilter only match states (and the dead state,
            // which an unanchored search never enters) are special.
            if !dfa.is_match(special) {
                break;
            }
            (state, at) = (special, end);
            for i in 0..dfa.match_len(state) {
                let id = dfa.match_pattern(state, i);
                let (pattern, start) = (id.as_usize(), end - dfa.pattern_len(id));
                if pattern < pass.heads_from {
                    found.names.push((start, end, pattern));
                } else if pattern < pass.stems_from {
                    found.topics.push((start, end, pattern - pass.heads_from));
                } else if pattern < pass.surnames_from {
                    found.stems.push((start, end));
                } else if pattern < pass.blockers_from {
                    // Whole words do not overlap: these come by start too.
                    let spelling = pattern - pass.surnames_from;
                    if let Some(p) = self.names.surname_word(text, start, end, spelling) {
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
        true
    }

    /// The leader-naming phrases of `text` into `out`, by the shared pass
    /// (which fills `found`) if there is one; false if there is none.
    fn scan_names(&self, text: &str, found: &mut Phrases, out: &mut Vec<RawMention>) -> bool {
        if self.phrases(text, found) {
            let surnames = self
                .names
                .surnames_are_words
                .then_some(found.surnames.as_slice());
            self.names.scan_with(text, &found.names, surnames, out);
            true
        } else {
            *out = self.names.scan(text);
            false
        }
    }

    /// Reads one article. The publication date is the header's, else a
    /// dated wire dateline's, else a page line's; never guessed. The call
    /// date is the best-founded day stated in sentences about this call
    /// (see `facts::call_facts`); with none at all, a report of the call
    /// dated by its publication counts as a same-day report (basis
    /// `published`).
    pub fn extract(&self, cleaned: &Cleaned) -> Extracted {
        let headline = cleaned.header.headline.as_deref().filter(|h| !is_blank(h));
        // The headline (one sentence) and the paragraphs, each a unit with
        // its range in `sentences`.
        let most = 1 + cleaned
            .paragraphs
            .iter()
            .map(|p| p.sentences.len().max(1))
            .sum::<usize>();
        let mut sentences: Vec<&str> = Vec::with_capacity(most);
        let mut units: Vec<Unit> = Vec::with_capacity(1 + cleaned.paragraphs.len());
        if let Some(h) = headline {
            sentences.push(h);
            units.push(Unit {
                text: h,
                place: Place::Headline,
                sentences: 0..1,
            });
        }
        let body_from = sentences.len();
        add_paragraphs(cleaned, &mut sentences, &mut units);
        let body = &sentences[body_from..];
        let opening_dateline = body
            .iter()
            .take(LEAD_SENTENCES)
            .find_map(|s| outlet::dateline(s));

        let published = cleaned.header.published.or_else(|| {
            let dateline_date = opening_dateline.as_ref().and_then(|d| {
                let (m, day) = d.month_day?;
                NaiveDate::from_ymd_opt(d.year?, m, day)
            });
            dateline_date.or_else(|| page_line_published(cleaned))
        });
        let title = title::title(headline, body.iter().copied());
        // `credit.text` points at the words stating the source (evidence).
        let credit = outlet::source(&self.outlets, headline, body);
        let source = credit.as_ref().map(|c| c.name.clone());

        let mut scratch = SCRATCH.take();
        let Scratch {
            found,
            in_unit,
            mentions,
            spans,
        } = &mut scratch;
        mentions.clear();
        let mut stories: Vec<Story> = Vec::with_capacity(sentences.len());
        let mut seen_topics = vec![false; self.topics.all.len()];
        let mut body_index = 0;
        // Lead sentences counted so far: breadcrumbs, credits and
        // bylines ("Home > National", "Photo : YONHAP News") are too short
        // to be a lead.
        let mut prose_index = 0;
        for (i, unit) in units.iter().enumerate() {
            let is_headline = headline.is_some() && i == 0;
            let unit_sentences = &sentences[unit.sentences.clone()];
            // One scan per paragraph, shared out to its sentences.
            let shared = self.scan_names(unit.text, found, in_unit);
            spans.clear();
            spans.extend(unit_sentences.iter().map(|s| {
                let start = offset_in(unit.text, s);
                (start, start + s.len())
            }));
            if shared {
                self.lexicon.scan_with(
                    unit.text,
                    &found.topics,
                    Some(&found.blockers),
                    spans,
                    &mut seen_topics,
                );
            } else {
                self.lexicon.scan(unit.text, spans, &mut seen_topics);
            }

            for s in unit_sentences {
                let lead = is_headline || prose_index < LEAD_SENTENCES;
                prose_index += usize::from(!is_headline && lead && is_prose(s));
                // The dateline's day is the wire's, not the call's.
                let story = match (!is_headline && body_index < LEAD_SENTENCES)
                    .then(|| outlet::dateline(s))
                    .flatten()
                {
                    Some(d) => s.get(d.end..).unwrap_or(s),
                    None => s,
                };
                body_index += usize::from(!is_headline);
                let start = offset_in(unit.text, story);
                let end = start + story.len();
                // Every call word contains a stem (or a folded letter):
                // none inside, no call word.
                let maybe_call = !shared || {
                    let first = found.stems.partition_point(|&(a, _)| a < start);
                    found.stems[first..]
                        .iter()
                        .take_while(|&&(a, _)| a < end)
                        .any(|&(_, b)| b <= end)
                };
                let from = mentions.len();
                mentions.extend(within(in_unit, start, end));
                stories.push(Story {
                    text: story,
                    place: unit.place,
                    offset: start,
                    lead,
                    mentions: from..mentions.len(),
                    maybe_call,
                });
            }
        }
        let named = self.named_in_full(mentions);
        let resolve = |mentions: &[RawMention]| -> Vec<(usize, usize, LeaderId)> {
            mentions
                .iter()
                .enumerate()
                .filter_map(|(k, m)| {
                    // "Russian President Vladimir Putin": a title right
                    // before a full name is that person, whoever the term
                    // table says held the office that day.
                    let titled = match (m.kind, mentions.get(k + 1)) {
                        (Kind::Role { .. }, Some(next)) if next.start <= m.end + 1 => {
                            match next.kind {
                                Kind::Alias(id) => Some(id),
                                _ => None,
                            }
                        }
                        _ => None,
                    };
                    let id = titled
                        .or_else(|| self.names.resolve(self.leaders, m.kind, published, &named))?;
                    Some((m.start, m.end, id))
                })
                .collect()
        };
        let sents: Vec<Sent> = stories
            .iter()
            .map(|s| Sent {
                text: s.text,
                lead: s.lead,
                call: s.maybe_call && facts::is_call_sentence(s.text),
                mentions: resolve(&mentions[s.mentions.clone()]),
            })
            .collect();
        let captions: Vec<Sent> = cleaned
            .captions
            .iter()
            .map(|c| {
                let shared = self.scan_names(c, found, in_unit);
                let maybe_call = !shared || !found.stems.is_empty();
                Sent {
                    text: c.as_str(),
                    lead: false,
                    call: maybe_call && facts::is_call_sentence(c),
                    mentions: resolve(in_unit),
                }
            })
            .collect();
        SCRATCH.set(scratch);

        let (home, counterpart) = facts::participants(self.leaders, &sents, published);
        let context = report::Context {
            leaders: self.leaders,
            published,
            dateline_month_day: opening_dateline.as_ref().and_then(|d| d.month_day),
            home,
            counterpart,
            home_zone: self.zone_of(&self.leaders.home),
            dateline_zone: opening_dateline
                .as_ref()
                .and_then(|d| d.city)
                .and_then(|city| self.dateline_country(city))
                .filter(|code| *code != self.leaders.home)
                .and_then(|code| self.zone_of(code)),
        };
        let (mut facts, sources) = report::call_facts(&context, &sents, &captions);
        facts.topics = self.lexicon.names(self.topics, &seen_topics);
        let evidence = sources
            .iter()
            .filter_map(|src| {
                let (place, offset, text) = match src.sentence {
                    report::SentRef::Body(i) => {
                        let story = stories.get(i)?;
                        (story.place, story.offset, story.text)
                    }
                    report::SentRef::Caption(i) => {
                        (Place::Caption(i), 0, cleaned.captions.get(i)?.as_str())
                    }
                };
                Some(Evidence {
                    fact: src.fact,
                    place,
                    span: (offset + src.span.0, offset + src.span.1),
                    sentence: (offset, offset + text.len()),
                })
            })
            .chain(credit.and_then(|c| outlet_evidence(&units, &sentences, c.text)))
            .collect();
        Extracted {
            published,
            title,
            source,
            facts,
            evidence,
        }
    }

    /// The time zone the registry gives a country.
    fn zone_of(&self, code: &str) -> Option<clock::Zone> {
        self.leaders
            .country(code)?
            .zone
            .as_deref()
            .and_then(clock::Zone::parse)
    }

    /// The country whose capital a dateline names ("WASHINGTON" → US).
    fn dateline_country(&self, city: &str) -> Option<&str> {
        let city = city.split(',').next().unwrap_or(city).trim();
        self.leaders
            .countries
            .iter()
            .find(|c| c.capitals.iter().any(|cap| cap.eq_ignore_ascii_case(city)))
            .map(|c| c.code.as_str())
    }

    /// Leaders the article spells out in full, in order of first mention:
    /// they decide whom a bare surname or "his Chinese counterpart" means.
    fn named_in_full(&self, mentions: &[RawMention]) -> Vec<LeaderId> {
        let mut named = Vec::new();
        for m in mentions {
            if let Kind::Alias(id) = m.kind
                && !named.contains(&id)
            {
                named.push(id);
            }
        }
        named
    }
}

/// A stretch of text scanned at once (a paragraph or the headline) and the
/// range of its non-empty sentences (each a slice of `text`) in the
/// article's list.
#[derive(Debug)]
struct Unit<'c> {
    text: &'c str,
    place: Place,
    sentences: Range<usize>,
}

/// The paragraphs with a non-empty sentence, their sentences appended to
/// `sentences`; a paragraph without sentence ranges is one sentence.
fn add_paragraphs<'c>(
    cleaned: &'c Cleaned,
    sentences: &mut Vec<&'c str>,
    units: &mut Vec<Unit<'c>>,
) {
    for (index, p) in cleaned.paragraphs.iter().enumerate() {
        let from = sentences.len();
        let whole = p.sentences.is_empty().then_some(p.text.as_str());
        sentences.extend(
            p.sentences
                .iter()
                .filter_map(|&(s, e)| p.text.get(s..e))
                .chain(whole)
                .filter(|s| !is_blank(s)),
        );
        if sentences.len() > from {
            units.push(Unit {
                text: &p.text,
                place: Place::Paragraph(index),
                sentences: from..sentences.len(),
            });
        }
    }
}

/// Where the words crediting the outlet lie: `credit`, a slice of the
/// headline or of a body sentence.
fn outlet_evidence(units: &[Unit], sentences: &[&str], credit: &str) -> Option<Evidence> {
    let at = credit.as_ptr() as usize;
    let inside = |text: &str| {
        let from = text.as_ptr() as usize;
        (from..=from + text.len()).contains(&at) && at + credit.len() <= from + text.len()
    };
    let unit = units.iter().find(|u| inside(u.text))?;
    let sentence = sentences
        .get(unit.sentences.clone())?
        .iter()
        .find(|s| inside(s))
        .copied()
        .unwrap_or(unit.text);
    let start = offset_in(unit.text, credit);
    let sentence_start = offset_in(unit.text, sentence);
    Some(Evidence {
        fact: crate::model::FactKind::Outlet,
        place: unit.place,
        span: (start, start + credit.len()),
        sentence: (sentence_start, sentence_start + sentence.len()),
    })
}

/// A sentence of running text, not a line of page furniture: six words
/// or more, and no " | " between page fields.
fn is_prose(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    for &b in bytes {
        let space = b.is_ascii_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
        if words == 6 {
            break;
        }
    }
    words == 6 && !bytes.windows(3).any(|w| w == b" | ")
}

/// Empty or only whitespace (`trim().is_empty()`, without trimming both
/// ends).
fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A sentence as the fact finders will see it, before its mentions are
/// resolved.
#[derive(Debug)]
struct Story<'c> {
    text: &'c str,
    /// Where the sentence lies: its text and byte offset there.
    place: Place,
    offset: usize,
    lead: bool,
    /// Its range in the article's mentions.
    mentions: Range<usize>,
    /// Whether it may hold a call word.
    maybe_call: bool,
}

/// Runs `dfa` from `state` over `bytes[at..]` up to the first special
/// state: that state and the position just after the byte that led to it.
/// Kept apart from the match handling, so this hot loop stays in
/// registers.
fn next_special(
    dfa: &DFA,
    mut state: StateID,
    bytes: &[u8],
    at: usize,
) -> Option<(StateID, usize)> {
    for (i, &byte) in bytes.iter().enumerate().skip(at) {
        state = dfa.next_state(Anchored::No, state, byte);
        if dfa.is_special(state) {
            return Some((state, i + 1));
        }
    }
    None
}

/// A pattern occurrence: `(start, end, pattern)`.
type Found = (usize, usize, usize);

/// Working buffers of `extract` with no borrow of the article, kept
/// from one article to the next.
#[derive(Debug, Default)]
struct Scratch {
    found: Phrases,
    /// The mentions in one paragraph.
    in_unit: Vec<RawMention>,
    /// Every story's mentions, relative to the story, one story after the
    /// other.
    mentions: Vec<RawMention>,
    /// The sentences of one paragraph, as byte spans.
    spans: Vec<(usize, usize)>,
}

thread_local! {
    /// Each worker's `Scratch`: a load allocates the buffers once per
    /// thread, not per article.
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

/// What the shared pass finds in one text (see `Extractor::phrases`).
#[derive(Debug, Default)]
struct Phrases {
    names: Vec<Found>,
    topics: Vec<Found>,
    stems: Vec<(usize, usize)>,
    surnames: Vec<Found>,
    blockers: Vec<Found>,
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

/// Byte offset of `inner`, a slice of `outer`, within it.
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// The mentions lying in `start..end`, made relative to `start`.
fn within(found: &[RawMention], start: usize, end: usize) -> impl Iterator<Item = RawMention> + '_ {
    let first = found.partition_point(|m| m.start < start);
    found[first..]
        .iter()
        .take_while(move |m| m.start < end)
        .filter(move |m| m.end <= end)
        .map(move |m| RawMention {
            start: m.start - start,
            end: m.end - start,
            kind: m.kind,
        })
}

/// A publication date on a page line near the top or the bottom.
fn page_line_published(cleaned: &Cleaned) -> Option<NaiveDate> {
    let n = cleaned.paragraphs.len();
    cleaned
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 5 || *i + 3 >= n)
        .find_map(|(_, p)| dates::page_line_date(p.text.trim()))
}

/// Convenience for one article; to extract many, build one `Extractor`.
pub fn extract(cleaned: &Cleaned, leaders: &Leaders, topics: &Topics) -> Extracted {
    Extractor::new(leaders, topics).extract(cleaned)
}

#[cfg(test)]
mod shared_pass_tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;
    use crate::clean::clean;
    use crate::model::Paragraph;

    /// The one overlapping pass gives each matcher exactly what its own
    /// leftmost-longest automata find; `cuts` (byte offsets) split `text`
    /// into sentences for the topics' `not_with` rule, odd ones leaving a
    /// gap.
    fn check_shared_pass(x: &Extractor, text: &str, cuts: &[usize]) {
        let mut found = Phrases::default();
        let mut shared_names = Vec::new();
        assert!(
            x.scan_names(text, &mut found, &mut shared_names),
            "automaton builds"
        );
        assert_eq!(x.names.scan(text), shared_names, "{text}");
        if found.stems.is_empty() {
            assert!(!facts::is_call_sentence(text), "{text}");
        }
        let mut cuts: Vec<usize> = cuts
            .iter()
            .map(|&c| c % (text.len() + 1))
            .filter(|&c| text.is_char_boundary(c))
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let spans: Vec<(usize, usize)> = cuts
            .windows(2)
            .enumerate()
            .filter(|(i, _)| i % 3 != 2)
            .map(|(_, w)| (w[0], w[1]))
            .collect();
        for spans in [vec![], spans] {
            let mut alone = vec![false; x.topics.all.len()];
            let mut shared = alone.clone();
            x.lexicon.scan(text, &spans, &mut alone);
            x.lexicon.scan_with(
                text,
                &found.topics,
                Some(&found.blockers),
                &spans,
                &mut shared,
            );
            assert_eq!(alone, shared, "{text} {spans:?}");
        }
    }

    #[test]
    fn shared_pass_equals_separate_scans() {
        let leaders = Leaders::embedded();
        let topics = Topics::embedded();
        let x = Extractor::new(&leaders, &topics);
        assert!(x.names.surnames_are_words);
        let mut texts: Vec<String> = [
            "South Korean President Moon Jae-in spoke with Chinese President Xi Jinping.",
            "the chinese president-elect and the Chinese President Xi Jin-ping met",
            "U.S. President-elect Joe Biden; US president Trump; Japan's prime minister-elect",
            "free trade agreement, free trade, trade war, supply-chain, supply chains",
            "Asia-Pacific Economic Cooperation (APEC) and economic cooperation on COVID-19",
            "the 30th anniversary of Sino-South Korean diplomatic relations",
            "MOON JAE-IN / XI JINPING / moon jane / mr. shi",
            "Lee, LEE, lee, LeeLee, Lee_x, xLee, Lee2, Lee-Han, Hu's, ÉLee, Leeé, Lee\u{301}",
            "campus President Shi; Abe Shinzō; Tarō Asō; Asō; ASO; Moon Jae-inx",
            "ſpoke Kalled; the Chinese counterpart Xi; Former President Park",
            "Xi's visit to China. The APEC summit. A visit to Seoul, the SUMMIT.",
            "summit visit to China; a visit to Beijing before the summits; xsummit",
            "visit to Korea. Summit_ visit to Seoul. The Summit\u{301} visit China",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let docs = crate::read::embedded()
            .into_iter()
            .chain(crate::synth::docs(7, 300));
        for doc in docs {
            let cleaned = clean(&doc.text);
            texts.extend(cleaned.header.headline);
            texts.extend(cleaned.captions);
            texts.extend(cleaned.paragraphs.into_iter().map(|p| p.text));
        }
        for text in &texts {
            let cuts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices(". ").map(|(i, _)| i + 1))
                .chain([text.len()])
                .collect();
            check_shared_pass(&x, text, &cuts);
        }
        // A sentence may start glued to the word before.
        check_shared_pass(&x, "xsummit visit to China", &[1, 22]);
        check_shared_pass(&x, "visit to China summitx.", &[0, 20]);
    }

    /// Registries the embedded one does not exercise: surnames that
    /// upper-case to other letters or hold a non-word character (found by
    /// their own automaton then), `not_with` words that are empty, upper
    /// case or not ASCII.
    #[test]
    fn odd_lexicons_keep_the_shared_pass_exact() {
        let registry = |surnames: [&str; 3]| {
            let mut toml = String::from(
                "home = \"KR\"\n[[country]]\ncode = \"KR\"\nname = \"Korea\"\nadjectives = [\"Korean\"]\n",
            );
            for (i, surname) in surnames.iter().enumerate() {
                toml.push_str(&format!(
                    "[[leader]]\nid = \"l{i}\"\nshort = \"l{i}\"\nname = \"{surname} Full{i}\"\n\
                     surname = \"{surname}\"\ncountry = \"KR\"\n\
                     terms = [{{ from = \"2000-01-01\", role = \"president\" }}]\n"
                ));
            }
            Leaders::parse(&toml).expect("test registry parses")
        };
        let topics = Topics::parse(
            "[[topic]]\nname = \"a\"\nkeywords = [\"visit\", \"Gipfel\"]\nnot_with = [\"\", \"SUMMIT\", \"Straße\", \"summit\"]\n",
        )
        .expect("test topics parse");
        let texts = [
            "Straße said. STRASSE and STRAßE, straße. O'Neil met O'NEIL and Neil; Asō, ASŌ.",
            "A visit by Straße Full0. The summit visit. Gipfel straße. Visit, STRASSE!",
            "xO'Neil O'Neilx Lee-Asō Asō_ Lee's LEE lee. O'Neil Full1 said",
        ];
        for surnames in [["Straße", "Asō", "Lee"], ["O'Neil", "Asō", "Lee"]] {
            let leaders = registry(surnames);
            let x = Extractor::new(&leaders, &topics);
            assert_eq!(x.names.surnames_are_words, surnames[0] == "Straße");
            let surnames_found = x
                .names
                .scan(texts[0])
                .iter()
                .filter(|m| matches!(m.kind, Kind::Surname(_)))
                .count();
            assert!(surnames_found >= 2, "{surnames_found}");
            for text in texts {
                let cuts: Vec<usize> = (0..=text.len()).step_by(7).collect();
                check_shared_pass(&x, text, &cuts);
            }
        }
    }

    /// Pieces of the lexicons and the characters around which boundaries,
    /// case and char widths get tricky.
    const PIECES: &[&str] = &[
        "Lee",
        "LEE",
        "lee",
        "LeE",
        "Xi",
        "XI",
        "Han",
        "han",
        "Park",
        "Abe",
        "Asō",
        "ASŌ",
        "Moon Jae-in",
        "moon jae",
        "Chinese President",
        "chinese president-elect",
        "President Shi",
        "Mr. Shi",
        "President",
        "Mr.",
        "Former",
        "north",
        "Korean",
        "U.S.",
        "US",
        "Japan's",
        "Japan’s",
        "leader",
        "Olympic",
        "Kang-in",
        "visit to China",
        "visit",
        "summit",
        "SUMMIT",
        "free trade",
        "trade",
        "agreement",
        "30th anniversary",
        "diplomatic",
        "ties",
        "call",
        "spoke",
        "phone",
        "conference",
        "\u{212a}",
        "ſ",
        "\u{130}",
        "É",
        "é",
        "\u{301}",
        "_",
        "-",
        "'",
        "’",
        ".",
        ". ",
        "!",
        "\"",
        "”",
        "1",
        " ",
        " ",
        " ",
        "\n",
        "\u{a0}",
        "\u{3000}",
    ];

    static LEADERS: LazyLock<Leaders> = LazyLock::new(Leaders::embedded);
    static TOPICS: LazyLock<Topics> = LazyLock::new(Topics::embedded);
    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(&LEADERS, &TOPICS));

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
            .prop_map(|pieces| pieces.concat())
    }

    /// The paragraphs as `units` first read them: their sentences, or the
    /// whole text without sentence ranges, blank ones dropped.
    fn units_before(cleaned: &Cleaned) -> Vec<(&str, Vec<&str>)> {
        cleaned
            .paragraphs
            .iter()
            .map(|p| {
                let mut sentences: Vec<&str> = p
                    .sentences
                    .iter()
                    .filter_map(|&(s, e)| p.text.get(s..e))
                    .collect();
                if p.sentences.is_empty() {
                    sentences.push(p.text.as_str());
                }
                sentences.retain(|s| !s.trim().is_empty());
                (p.text.as_str(), sentences)
            })
            .filter(|(_, sentences)| !sentences.is_empty())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn shared_pass_equals_separate_scans_on_any_text(
            text in text(),
            cuts in proptest::collection::vec(0usize..400, 0..8),
        ) {
            check_shared_pass(&EXTRACTOR, &text, &cuts);
        }

        #[test]
        fn paragraphs_split_as_before(
            paragraphs in proptest::collection::vec(
                (text(), proptest::collection::vec((0usize..40, 0usize..40), 0..4)),
                0..5,
            )
        ) {
            let cleaned = Cleaned {
                paragraphs: paragraphs
                    .into_iter()
                    .map(|(text, sentences)| Paragraph { text, sentences })
                    .collect(),
                ..Cleaned::default()
            };
            let mut sentences = Vec::new();
            let mut units = Vec::new();
            add_paragraphs(&cleaned, &mut sentences, &mut units);
            let now: Vec<(&str, Vec<&str>)> = units
                .iter()
                .map(|u| (u.text, sentences[u.sentences.clone()].to_vec()))
                .collect();
            prop_assert_eq!(now, units_before(&cleaned));
            for s in sentences {
                prop_assert_eq!(is_blank(s), s.trim().is_empty());
            }
        }
    }
}
