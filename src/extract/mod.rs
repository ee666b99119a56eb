//! Extraction: what an article says about the call it reports — title,
//! outlet, the two leaders, date, start time, duration, topics.
//!
//! `Extractor` compiles the leader names, the topic lexicon and the outlet
//! table once; build one per load and share it across threads.

mod clock;
mod dates;
mod duration;
mod facts;
mod names;
mod outlet;
mod text;
mod title;
mod topics;

#[cfg(test)]
mod tests;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;

pub use outlet::{EMBEDDED_OUTLETS, Outlets};

use self::facts::Sent;
use self::names::{Kind, NameMatcher};
use self::topics::TopicMatcher;
use crate::leaders::{LeaderId, Leaders};
use crate::model::{CallFacts, Cleaned};
use crate::topics::Topics;

/// Everything extraction reads from one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub published: Option<NaiveDate>,
    pub title: String,
    pub source: Option<String>,
    pub facts: CallFacts,
}

/// How many opening body sentences count as the lead.
const LEAD_SENTENCES: usize = 2;

/// The compiled matchers extraction needs. `Sync`: one per load, shared by
/// every worker.
#[derive(Debug, Clone)]
pub struct Extractor<'a> {
    leaders: &'a Leaders,
    topics: &'a Topics,
    names: NameMatcher,
    lexicon: TopicMatcher,
    outlets: Outlets,
    /// The name phrases and then the topic heads in one automaton, so a
    /// paragraph is read once for both (see `Extractor::phrases`).
    both: Option<AhoCorasick>,
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
        let both = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(
                names
                    .phrase_patterns
                    .iter()
                    .map(String::as_str)
                    .chain(lexicon.heads.iter().map(String::as_str))
                    .chain(facts::CALL_STEMS.iter().copied()),
            )
            .ok();
        Extractor {
            leaders,
            topics,
            names,
            lexicon,
            outlets,
            both,
        }
    }

    /// The name phrases and the topic heads in `text`, each set as its own
    /// leftmost-longest automaton would find them (`(start, end, pattern)`),
    /// from one overlapping pass: from all occurrences, leftmost-longest
    /// takes the one starting first (the longest there), then goes on from
    /// its end.
    ///
    /// Also every occurrence of a call-word stem (`facts::CALL_STEMS`), as
    /// `(start, end)` by start: a text without one holds no call word.
    fn phrases(&self, text: &str) -> Option<Phrases> {
        let ac = self.both.as_ref()?;
        let split = self.names.phrase_patterns.len();
        let stems_from = split + self.lexicon.heads.len();
        let mut found = Phrases::default();
        for m in ac.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            if p < split {
                found.names.push((m.start(), m.end(), p));
            } else if p < stems_from {
                found.topics.push((m.start(), m.end(), p - split));
            } else {
                found.stems.push((m.start(), m.end()));
            }
        }
        found.names = leftmost_longest(found.names);
        found.topics = leftmost_longest(found.topics);
        found.stems.sort_unstable();
        Some(found)
    }

    /// Reads one article. The publication date is the header's, else a
    /// dated wire dateline's, else a page line's; never guessed. The call
    /// date is the best-founded day stated in sentences about this call
    /// (see `facts::call_facts`); with none at all, a report of the call
    /// dated by its publication counts as a same-day report (basis
    /// `published`).
    pub fn extract(&self, cleaned: &Cleaned) -> Extracted {
        let units = units(cleaned);
        let body: Vec<&str> = units
            .iter()
            .flat_map(|u| u.sentences.iter().copied())
            .collect();
        let headline = cleaned
            .header
            .headline
            .as_deref()
            .filter(|h| !h.trim().is_empty());
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
        let opening: Vec<&str> = body.iter().take(3).copied().collect();
        let closing: Vec<&str> = body.iter().rev().take(4).copied().collect();
        let source = outlet::source(&self.outlets, &opening, &closing);

        let headline_unit = headline.map(|h| Unit {
            text: h,
            sentences: vec![h],
        });
        // (story, lead, mentions, whether it may hold a call word)
        let mut raw: Vec<(&str, bool, Vec<names::RawMention>, bool)> = Vec::new();
        let mut body_index = 0;
        // Topic heads found in each unit by the shared pass, in unit order.
        let mut unit_topics: Vec<Option<Vec<Found>>> = Vec::new();
        for (unit, is_headline) in headline_unit
            .iter()
            .map(|u| (u, true))
            .chain(units.iter().map(|u| (u, false)))
        {
            // One scan per paragraph, shared out to its sentences.
            let (found, stems) = match self.phrases(unit.text) {
                Some(p) => {
                    unit_topics.push(Some(p.topics));
                    (self.names.scan_with(unit.text, &p.names), Some(p.stems))
                }
                None => {
                    unit_topics.push(None);
                    (self.names.scan(unit.text), None)
                }
            };

            for s in &unit.sentences {
                let lead = is_headline || body_index < LEAD_SENTENCES;
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
                // Every call word contains a stem: none inside, no call word.
                // (`(?i)` also folds 'ſ' and the Kelvin sign into letters of
                // the stems: a story with them is always checked.)
                let maybe_call = stems.as_ref().is_none_or(|stems| {
                    let end = start + story.len();
                    let first = stems.partition_point(|&(a, _)| a < start);
                    stems[first..]
                        .iter()
                        .take_while(|&&(a, _)| a < end)
                        .any(|&(_, b)| b <= end)
                        || story.contains('\u{17f}')
                        || story.contains('\u{212a}')
                });
                raw.push((story, lead, within(&found, start, story.len()), maybe_call));
            }
        }
        let caption_raw: Vec<(&str, Vec<names::RawMention>)> = cleaned
            .captions
            .iter()
            .map(|c| (c.as_str(), self.names.scan(c)))
            .collect();
        let named = self.named_in_full(raw.iter().map(|(_, _, m, _)| m));
        let resolve = |mentions: &[names::RawMention]| -> Vec<(usize, usize, LeaderId)> {
            mentions
                .iter()
                .filter_map(|m| {
                    let id = self
                        .names
                        .resolve(self.leaders, m.kind, published, &named)?;
                    Some((m.start, m.end, id))
                })
                .collect()
        };
        let sents: Vec<Sent> = raw
            .iter()
            .map(|&(text, lead, ref m, maybe_call)| Sent {
                text,
                lead,
                call: maybe_call && facts::is_call_sentence(text),
                mentions: resolve(m),
            })
            .collect();
        let captions: Vec<Sent> = caption_raw
            .iter()
            .map(|&(text, ref m)| Sent {
                text,
                lead: false,
                call: facts::is_call_sentence(text),
                mentions: resolve(m),
            })
            .collect();

        let (home, counterpart) = facts::participants(self.leaders, &sents, published);
        let dateline_month_day = opening_dateline.and_then(|d| d.month_day);
        let mut facts = facts::call_facts(
            self.leaders,
            &sents,
            &captions,
            published,
            dateline_month_day,
            home,
            counterpart,
        );
        facts.topics = self.topics_of(headline_unit.iter().chain(&units), &unit_topics);
        Extracted {
            published,
            title,
            source,
            facts,
        }
    }

    /// Leaders the article spells out in full, in order of first mention:
    /// they decide whom a bare surname or "his Chinese counterpart" means.
    fn named_in_full<'m>(
        &self,
        mentions: impl Iterator<Item = &'m Vec<names::RawMention>>,
    ) -> Vec<LeaderId> {
        let mut named = Vec::new();
        for m in mentions.flatten() {
            if let Kind::Alias(id) = m.kind
                && !named.contains(&id)
            {
                named.push(id);
            }
        }
        named
    }

    fn topics_of<'u>(
        &self,
        units: impl Iterator<Item = &'u Unit<'u>>,
        found: &[Option<Vec<Found>>],
    ) -> Vec<String> {
        let mut seen = vec![false; self.topics.all.len()];
        for (i, unit) in units.enumerate() {
            let spans: Vec<(usize, usize)> = unit
                .sentences
                .iter()
                .map(|s| {
                    let start = offset_in(unit.text, s);
                    (start, start + s.len())
                })
                .collect();
            match found.get(i) {
                Some(Some(found)) => self.lexicon.scan_with(unit.text, found, &spans, &mut seen),
                _ => self.lexicon.scan(unit.text, &spans, &mut seen),
            }
        }
        self.lexicon.names(self.topics, &seen)
    }
}

/// A stretch of text scanned at once (a paragraph or the headline) and its
/// non-empty sentences, each a slice of `text`.
#[derive(Debug)]
struct Unit<'c> {
    text: &'c str,
    sentences: Vec<&'c str>,
}

/// The paragraphs; one without sentence ranges is one sentence.
fn units(cleaned: &Cleaned) -> Vec<Unit<'_>> {
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
            Unit {
                text: &p.text,
                sentences,
            }
        })
        .filter(|u| !u.sentences.is_empty())
        .collect()
}

/// A pattern occurrence: `(start, end, pattern)`.
type Found = (usize, usize, usize);

/// What the shared pass finds in one text (see `Extractor::phrases`).
#[derive(Debug, Default)]
struct Phrases {
    names: Vec<Found>,
    topics: Vec<Found>,
    stems: Vec<(usize, usize)>,
}

/// What a leftmost-longest `find_iter` gives, from all occurrences of its
/// patterns (none empty).
fn leftmost_longest(mut all: Vec<Found>) -> Vec<Found> {
    all.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut next = 0;
    all.retain(|&(start, end, _)| {
        let keep = start >= next;
        if keep {
            next = end;
        }
        keep
    });
    all
}

/// Byte offset of `inner`, a slice of `outer`, within it.
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// The mentions lying in `start..start + len`, made relative to `start`.
fn within(found: &[names::RawMention], start: usize, len: usize) -> Vec<names::RawMention> {
    let first = found.partition_point(|m| m.start < start);
    found[first..]
        .iter()
        .take_while(|m| m.start < start + len)
        .filter(|m| m.end <= start + len)
        .map(|m| names::RawMention {
            start: m.start - start,
            end: m.end - start,
            kind: m.kind,
        })
        .collect()
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
    use super::*;
    use crate::clean::clean;

    /// The one overlapping pass gives each matcher exactly what its own
    /// leftmost-longest automaton finds.
    #[test]
    fn shared_pass_equals_separate_scans() {
        let leaders = Leaders::embedded();
        let topics = Topics::embedded();
        let x = Extractor::new(&leaders, &topics);
        let mut texts: Vec<String> = [
            "South Korean President Moon Jae-in spoke with Chinese President Xi Jinping.",
            "the chinese president-elect and the Chinese President Xi Jin-ping met",
            "U.S. President-elect Joe Biden; US president Trump; Japan's prime minister-elect",
            "free trade agreement, free trade, trade war, supply-chain, supply chains",
            "Asia-Pacific Economic Cooperation (APEC) and economic cooperation on COVID-19",
            "the 30th anniversary of Sino-South Korean diplomatic relations",
            "MOON JAE-IN / XI JINPING / moon jane / mr. shi",
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
            texts.extend(cleaned.paragraphs.into_iter().map(|p| p.text));
        }
        for text in &texts {
            let Phrases {
                names,
                topics: found,
                stems,
            } = x.phrases(text).expect("automaton builds");
            assert_eq!(
                x.names.scan(text),
                x.names.scan_with(text, &names),
                "{text}"
            );
            if stems.is_empty() {
                assert!(!facts::is_call_sentence(text), "{text}");
            }
            let mut alone = vec![false; topics.all.len()];
            let mut shared = alone.clone();
            x.lexicon.scan(text, &[], &mut alone);
            x.lexicon.scan_with(text, &found, &[], &mut shared);
            assert_eq!(alone, shared, "{text}");
        }
    }
}
