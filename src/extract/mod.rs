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
        Extractor {
            leaders,
            topics,
            names: NameMatcher::new(leaders),
            lexicon: TopicMatcher::new(topics),
            outlets,
        }
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
        let mut raw: Vec<(&str, bool, Vec<names::RawMention>)> = Vec::new();
        let mut body_index = 0;
        for (unit, is_headline) in headline_unit
            .iter()
            .map(|u| (u, true))
            .chain(units.iter().map(|u| (u, false)))
        {
            // One scan per paragraph, shared out to its sentences.
            let found = self.names.scan(unit.text);
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
                raw.push((
                    story,
                    lead,
                    within(&found, offset_in(unit.text, story), story.len()),
                ));
            }
        }
        let caption_raw: Vec<(&str, Vec<names::RawMention>)> = cleaned
            .captions
            .iter()
            .map(|c| (c.as_str(), self.names.scan(c)))
            .collect();
        let named = self.named_in_full(raw.iter().map(|(_, _, m)| m));
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
            .map(|&(text, lead, ref m)| Sent {
                text,
                lead,
                call: facts::is_call_sentence(text),
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
        facts.topics = self.topics_of(headline_unit.iter().chain(&units));
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

    fn topics_of<'u>(&self, units: impl Iterator<Item = &'u Unit<'u>>) -> Vec<String> {
        let mut seen = vec![false; self.topics.all.len()];
        for unit in units {
            let spans: Vec<(usize, usize)> = unit
                .sentences
                .iter()
                .map(|s| {
                    let start = offset_in(unit.text, s);
                    (start, start + s.len())
                })
                .collect();
            self.lexicon.scan(unit.text, &spans, &mut seen);
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
