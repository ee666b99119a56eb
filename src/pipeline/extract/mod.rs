//! Extraction: what an article says about the call it reports — title,
//! outlet, the two leaders, date, start time, duration, topics.
//!
//! `Extractor` compiles the leader names, the topic lexicon and the outlet
//! table once; build one per load and share it across threads.

mod clock;
mod dates;
mod duration;
mod facts;
pub mod korean;
mod meeting;
mod mention;
mod names;
mod number;
mod outlet;
mod pass;
mod pending;
mod report;
mod steps;
mod streams;
mod text;
mod tier;
mod title;
mod topics;
mod units;
mod words;

#[cfg(test)]
mod tests;

use std::cell::Cell;

use chrono::NaiveDate;

pub use outlet::{EMBEDDED_OUTLETS, Outlets};

use self::facts::Sent;
use self::names::{Kind, NameMatcher, RawMention};
use self::pass::Phrases;
use self::pending::PendingPass;
use self::streams::Scanned;
// `names` and `topics` read the occurrence type here.
use self::text::Found;
use self::topics::TopicMatcher;
use self::units::{
    Story, Unit, fact_evidence, is_blank, is_prose, named_in_full, offset_in, outlet_evidence,
    page_line_published, within,
};
use crate::lexicon::leaders::{LeaderId, Leaders};
use crate::lexicon::topics::Topics;
use crate::model::{Body, CallFacts, Cleaned, Evidence, Place};

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

/// Compiles the regexes nearly every article reaches, for `detail`: the
/// title and credit patterns only when those are read out.
fn warm_up(detail: Detail) {
    clock::warm_up();
    dates::warm_up();
    outlet::warm_up_dateline();
    if detail == Detail::Full {
        outlet::warm_up_credit();
        title::warm_up();
    }
}

/// How much of an article extraction reads out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Everything the views show: title, outlet, call facts, evidence.
    #[default]
    Full,
    /// The call facts grouping reads, for `check`, which shows no title,
    /// outlet, topic, evidence or text: those are left empty
    /// (the load drops the text once it is read). Never for articles that
    /// are kept (the cache, the views).
    FactsOnly,
}

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
    /// is read once for all (see `Extractor::phrases`); built while the
    /// load lists and reads its first files.
    both: PendingPass,
    detail: Detail,
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
        let extractor = Extractor::on_demand(leaders, topics, outlets);
        extractor.begin();
        extractor
    }

    /// `with_outlets`, building nothing ahead: the shared automaton and
    /// the regexes are built when `begin` is called or where first used.
    /// For a load that may take every article from the cache.
    pub fn on_demand(leaders: &'a Leaders, topics: &'a Topics, outlets: Outlets) -> Extractor<'a> {
        let names = NameMatcher::new(leaders);
        let lexicon = TopicMatcher::new(topics);
        Extractor {
            leaders,
            topics,
            names,
            lexicon,
            outlets,
            both: PendingPass::idle(),
            detail: Detail::Full,
        }
    }

    /// Starts building what extraction needs on other threads, unless
    /// started already: cheap to call before every article.
    pub fn begin(&self) {
        // The regexes nearly every article reaches compile on another
        // thread meanwhile, not in the first worker to reach each (while
        // the other worker waits on it). Without a thread they compile
        // where first used.
        if self.both.begin(&self.names, &self.lexicon) {
            let detail = self.detail;
            let _ = std::thread::Builder::new().spawn(move || warm_up(detail));
        }
    }

    /// This extractor, reading out only what `detail` asks for.
    pub fn reading(self, detail: Detail) -> Extractor<'a> {
        Extractor { detail, ..self }
    }

    /// What this extractor reads out of an article.
    pub fn detail(&self) -> Detail {
        self.detail
    }

    /// The shared pass over `text` into `found`; false without the
    /// shared automaton, or for Korean (CJK, Cyrillic) text, which the
    /// matchers read with their own automata.
    ///
    /// `body`, when given, is the shared pass over the text `text` lies in,
    /// and where: its matches are shared out, not read again.
    fn phrases(&self, text: &str, body: Option<(usize, &Scanned)>, found: &mut Phrases) -> bool {
        // A body is only scanned whole when no part of it needs its own.
        if body.is_none() && pass::needs_own_scan(text) {
            return false;
        }
        let Some(pass) = self.both.get(&self.names, &self.lexicon) else {
            return false;
        };
        match body {
            Some((offset, scanned)) => pass.read_within(&self.names, text, offset, scanned, found),
            None => pass.read(&self.names, text, found),
        }
        true
    }

    /// The leader-naming phrases of `text` into `out`, by the shared pass
    /// (which fills `found`) if there is one; false if there is none.
    /// `body` as for `phrases`.
    fn scan_names(
        &self,
        text: &str,
        body: Option<(usize, &Scanned)>,
        found: &mut Phrases,
        out: &mut Vec<RawMention>,
    ) -> bool {
        if self.phrases(text, body, found) {
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
        let (sentences, units) = units::split(cleaned, headline);
        let body = &sentences[usize::from(headline.is_some())..];
        // Each lead sentence's dateline, read once: the opening one dates
        // the wire copy, and each one's day is cut off its story.
        let lead_datelines: [_; LEAD_SENTENCES] =
            std::array::from_fn(|k| body.get(k).and_then(|s| outlet::dateline(s)));
        let dateline_ends = lead_datelines.each_ref().map(|d| d.as_ref().map(|d| d.end));
        let opening_dateline = lead_datelines.into_iter().flatten().next();
        let published = cleaned.header.published.or_else(|| {
            let dateline_date = opening_dateline.as_ref().and_then(|d| {
                let (m, day) = d.month_day?;
                NaiveDate::from_ymd_opt(d.year?, m, day)
            });
            dateline_date
                .or(cleaned.page_date)
                .or_else(|| page_line_published(cleaned))
        });
        // Title and outlet feed no call fact: `Detail::FactsOnly` skips them.
        let full = self.detail == Detail::Full;
        let title = match full {
            true => title::title(headline, body.iter().copied()),
            false => String::new(),
        };
        // `credit.text` points at the words stating the source (evidence).
        let credit = match full {
            true => outlet::source(&self.outlets, headline, body),
            false => None,
        };
        let source = credit.as_ref().map(|c| c.name.clone());

        let mut scratch = SCRATCH.take();
        let mut seen_topics = vec![false; self.topics.all.len()];
        let stories = self.stories(
            &cleaned.paragraphs,
            &units,
            &sentences,
            dateline_ends,
            &mut scratch,
            &mut seen_topics,
        );
        let named = named_in_full(&scratch.mentions);
        // Every sentence's leaders in one buffer, each sentence a range of
        // it: a `Vec` per sentence was an allocation for nearly each one.
        let mut resolved = std::mem::take(&mut scratch.resolved);
        resolved.clear();
        let mut ranges = Vec::with_capacity(stories.len() + cleaned.captions.len());
        for s in &stories {
            let from = resolved.len();
            let of_story = &scratch.mentions[s.mentions.clone()];
            self.resolve(of_story, published, &named, &mut resolved);
            ranges.push(from..resolved.len());
        }
        let mut caption_calls = Vec::with_capacity(cleaned.captions.len());
        for c in &cleaned.captions {
            let Scratch { found, in_unit, .. } = &mut scratch;
            caption_calls.push(match self.scan_names(c, None, found, in_unit) {
                true => facts::is_call_sentence_at(c, found.stems.iter().copied()),
                false => facts::is_call_sentence(c),
            });
            let from = resolved.len();
            self.resolve(in_unit, published, &named, &mut resolved);
            ranges.push(from..resolved.len());
        }
        SCRATCH.set(scratch);
        let (story_ranges, caption_ranges) = ranges.split_at(stories.len());
        let sents: Vec<Sent> = stories
            .iter()
            .zip(story_ranges)
            .map(|(s, range)| Sent {
                text: s.text,
                lead: s.lead,
                call: s.call,
                mentions: &resolved[range.clone()],
            })
            .collect();
        let captions: Vec<Sent> = cleaned
            .captions
            .iter()
            .zip(caption_ranges.iter().zip(caption_calls))
            .map(|(c, (range, call))| Sent {
                text: c.as_str(),
                lead: false,
                call,
                mentions: &resolved[range.clone()],
            })
            .collect();

        let context = self.context(
            published,
            opening_dateline.as_ref().and_then(|d| d.month_day),
            opening_dateline.as_ref().and_then(|d| d.city),
            &sents,
        );
        let (mut facts, sources) = report::call_facts(&context, &sents, &captions);
        facts.topics = self.lexicon.names(self.topics, &seen_topics);
        let evidence = match full {
            true => sources
                .iter()
                .filter_map(|src| fact_evidence(src, &stories, cleaned))
                .chain(credit.and_then(|c| outlet_evidence(&units, &sentences, c.text)))
                .collect(),
            false => Vec::new(),
        };
        drop((sents, captions));
        let mut scratch = SCRATCH.take();
        scratch.resolved = resolved;
        SCRATCH.set(scratch);
        Extracted {
            published,
            title,
            source,
            facts,
            evidence,
        }
    }

    /// The sentences of `units` (of `paragraphs`, and a headline first if
    /// there is one) as the fact finders will see them, their mentions
    /// appended to `scratch.mentions`; marks the topics they name in
    /// `seen_topics`. `dateline_ends` are where the lead sentences'
    /// datelines end.
    fn stories<'c>(
        &self,
        paragraphs: &'c Body,
        units: &[Unit<'c>],
        sentences: &[&'c str],
        dateline_ends: [Option<usize>; LEAD_SENTENCES],
        scratch: &mut Scratch,
        seen_topics: &mut [bool],
    ) -> Vec<Story<'c>> {
        let Scratch {
            found,
            in_unit,
            mentions,
            spans,
            body,
            ..
        } = scratch;
        mentions.clear();
        let has_headline = units.first().is_some_and(|u| u.place == Place::Headline);
        // The body in one shared pass, its matches shared out to the
        // paragraphs: an automaton reads a long text faster than many
        // short ones (see `streams`). A body in a script the pass leaves
        // out is read paragraph by paragraph.
        let all = paragraphs.all_text();
        let scanned = match pass::needs_own_scan(all) {
            false => self.both.get(&self.names, &self.lexicon).map(|pass| {
                pass.scan(all, body);
                &*body
            }),
            true => None,
        };
        let mut stories: Vec<Story> = Vec::with_capacity(sentences.len());
        let mut body_index = 0;
        // Lead sentences counted so far: breadcrumbs, credits and
        // bylines ("Home > National", "Photo : YONHAP News") are too short
        // to be a lead.
        let mut prose_index = 0;
        for (i, unit) in units.iter().enumerate() {
            let is_headline = has_headline && i == 0;
            let unit_sentences = &sentences[unit.sentences.clone()];
            // One scan per paragraph, shared out to its sentences.
            let in_body = scanned.and_then(|scanned| {
                let offset = offset_in(all, unit.text);
                all.get(offset..offset + unit.text.len())
                    .is_some_and(|t| std::ptr::eq(t, unit.text))
                    .then_some((offset, scanned))
            });
            let shared = self.scan_names(unit.text, in_body, found, in_unit);
            spans.clear();
            spans.extend(unit_sentences.iter().map(|s| {
                let start = offset_in(unit.text, s);
                (start, start + s.len())
            }));
            match (self.detail, shared) {
                // Topics label a call; grouping never reads them.
                (Detail::FactsOnly, _) => {}
                (Detail::Full, true) => self.lexicon.scan_with(
                    unit.text,
                    &found.topics,
                    Some(&found.blockers),
                    spans,
                    seen_topics,
                ),
                (Detail::Full, false) => self.lexicon.scan(unit.text, spans, seen_topics),
            }

            for s in unit_sentences {
                let lead = is_headline || prose_index < LEAD_SENTENCES;
                prose_index += usize::from(!is_headline && lead && is_prose(s));
                // The dateline's day is the wire's, not the call's.
                let dateline_end = match is_headline {
                    false => dateline_ends.get(body_index).copied().flatten(),
                    true => None,
                };
                let story = match dateline_end {
                    Some(end) => s.get(end..).unwrap_or(s),
                    None => s,
                };
                body_index += usize::from(!is_headline);
                let start = offset_in(unit.text, story);
                let end = start + story.len();
                let call = match shared {
                    true => {
                        facts::is_call_sentence_at(story, stems_within(&found.stems, start, end))
                    }
                    false => facts::is_call_sentence(story),
                };
                let from = mentions.len();
                mentions.extend(within(in_unit, start, end));
                stories.push(Story {
                    text: story,
                    place: unit.place,
                    offset: start,
                    lead,
                    mentions: from..mentions.len(),
                    call,
                });
            }
        }
        stories
    }

    /// The leaders `mentions` (of one sentence) name, with where, appended
    /// to `into`.
    fn resolve(
        &self,
        mentions: &[RawMention],
        published: Option<NaiveDate>,
        named: &[LeaderId],
        into: &mut Vec<(usize, usize, LeaderId)>,
    ) {
        into.extend(mentions.iter().enumerate().filter_map(|(k, m)| {
            // "Russian President Vladimir Putin": a title right before a
            // full name is that person, whoever the term table says held
            // the office that day.
            let titled = match (m.kind, mentions.get(k + 1)) {
                (Kind::Role { .. }, Some(next)) if next.start <= m.end + 1 => match next.kind {
                    Kind::Alias(id) => Some(id),
                    _ => None,
                },
                _ => None,
            };
            let id =
                titled.or_else(|| self.names.resolve(self.leaders, m.kind, published, named))?;
            Some((m.start, m.end, id))
        }));
    }

    /// What the fact finders know of the article besides its sentences:
    /// the opening dateline's day and city among it.
    fn context(
        &self,
        published: Option<NaiveDate>,
        dateline_month_day: Option<(u32, u32)>,
        dateline_city: Option<&str>,
        sents: &[Sent],
    ) -> report::Context<'a> {
        let (home, counterpart) = facts::participants(self.leaders, sents, published);
        report::Context {
            leaders: self.leaders,
            published,
            dateline_month_day,
            home,
            counterpart,
            home_zone: self.zone_of(&self.leaders.home),
            dateline_zone: dateline_city
                .and_then(|city| self.dateline_country(city))
                .filter(|code| *code != self.leaders.home)
                .and_then(|code| self.zone_of(code)),
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
}

/// The stems (see `facts::CALL_STEMS`) of `stems`, sorted by start, that
/// lie within `start..end`, relative to `start`: every call word of that
/// stretch holds one.
fn stems_within(
    stems: &[(usize, usize)],
    start: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let first = stems.partition_point(|&(a, _)| a < start);
    stems[first..]
        .iter()
        .take_while(move |&&(a, _)| a < end)
        .filter(move |&&(_, b)| b <= end)
        .map(move |&(a, b)| (a - start, b - start))
}

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
    /// The shared pass over the whole body.
    body: Scanned,
    /// Every sentence's leaders, one after the other (`Sent::mentions`).
    resolved: Vec<(usize, usize, LeaderId)>,
}

thread_local! {
    /// Each worker's `Scratch`: a load allocates the buffers once per
    /// thread, not per article.
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

/// Convenience for one article; to extract many, build one `Extractor`.
pub fn extract(cleaned: &Cleaned, leaders: &Leaders, topics: &Topics) -> Extracted {
    Extractor::new(leaders, topics).extract(cleaned)
}

#[cfg(test)]
mod detail_tests;
#[cfg(test)]
mod shared_pass_tests;
