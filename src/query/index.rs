//! The search index, built once per timeline: the vocabulary of body and
//! title words with postings (which articles hold each word, and in which
//! sentences), and each article's short fields reduced to ids into small
//! tables of distinct values (outlets, leaders, topics, dates), all
//! lower-cased ahead of time. No per-occurrence positions are stored:
//! highlights and snippets are recomputed for the articles on screen.
//! The word part (`WordIndex`, `query::words`) depends on the articles'
//! text alone, so the cache can keep it (`query::kept::index_for`); the
//! rest is rebuilt.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::fold::{fold, folded};
pub use super::postings::Posting;
use super::postings::{Lists, Vocab};
pub use super::words::WordIndex;
use crate::hangul;
use crate::lexicon::leaders::LeaderId;
use crate::model::{Article, Timeline};

/// No value for this field.
pub const NONE: u32 = u32::MAX;

/// A short field's distinct values, folded to chars for the piece matcher.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Per entry, the spellings it answers to (a leader: name, surname,
    /// aliases; others: one).
    pub entries: Vec<Vec<Box<[char]>>>,
    /// Each distinct spelling once, and per entry the ids of its
    /// spellings: tens of thousands of calls share a few hundred row labels
    /// and start times, so a keystroke matches each spelling once
    /// (`index_spellings` fills both).
    pub spellings: Vec<Box<[char]>>,
    pub entry_spellings: Vec<Vec<u32>>,
}

impl Table {
    /// Fill `spellings` and `entry_spellings` from `entries`.
    fn index_spellings(&mut self) {
        let mut ids: HashMap<&[char], u32> = HashMap::new();
        let mut spellings = Vec::new();
        self.entry_spellings = self
            .entries
            .iter()
            .map(|names| {
                names
                    .iter()
                    .map(|n| {
                        *ids.entry(n).or_insert_with(|| {
                            spellings.push(n.clone());
                            spellings.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        self.spellings = spellings;
    }

    fn intern(&mut self, map: &mut HashMap<String, u32>, value: &str) -> u32 {
        self.intern_names(map, value, &[value])
    }

    /// The entry known as `key`, answering to every one of `names`.
    fn intern_names(&mut self, map: &mut HashMap<String, u32>, key: &str, names: &[&str]) -> u32 {
        if let Some(&id) = map.get(key) {
            return id;
        }
        let id = self.entries.len() as u32;
        self.entries.push(
            names
                .iter()
                // A row label reads "Moon–Xi"; queries fold the dash too.
                .map(|n| folded(&n.replace('–', "-")).chars().collect())
                .collect(),
        );
        map.insert(key.to_string(), id);
        id
    }
}

/// What the screen shows for an article whose outlet is not stated, and
/// what `list` prints: both find it.
pub const NO_SOURCE_NAMES: [&str; 2] = [crate::export::SOURCE_NOT_STATED, "unknown"];

/// An article's short fields as table ids (`NONE` when unknown).
#[derive(Debug, Clone)]
pub struct Fields {
    pub source: u32,
    pub home: u32,
    pub counterpart: u32,
    /// The home leader whose term the article falls in.
    pub era: u32,
    /// The call date (or the article's own date), then the publication date.
    pub dates: [u32; 2],
    /// The call as the screen names it: id, row label, start time.
    pub label: u32,
    /// Year of the call (or publication); 0 when unknown.
    pub year: u16,
    /// Range into `SearchIndex::topic_ids`.
    pub topics: (u32, u32),
    /// Days since the epoch of the call/publication date, for newest-first
    /// ties; `i32::MIN` when undated.
    pub day: i32,
}

/// What `SearchIndex::with_words` has interned so far, by key, so each
/// distinct value is folded and stored once.
#[derive(Default)]
struct Interned {
    /// Sources, topics, dates, labels: table id by spelling.
    maps: [HashMap<String, u32>; 4],
    /// Per call (timeline order), its label's id once interned.
    label_of_call: Vec<u32>,
    /// Per day, its date's id once interned.
    day_ids: HashMap<NaiveDate, u32>,
}

/// Everything precomputed at load so a keystroke only matches.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Folded words, sorted, so a prefix is a contiguous range.
    pub vocab: Vocab,
    /// Per word, the articles whose paragraphs hold it, with sentences.
    pub body: Lists<Posting>,
    /// Per word, the articles whose titles hold it.
    pub title: Lists<u32>,
    /// (vocabulary id, 초성) of each word with a Hangul syllable, so a 초성
    /// query scans short strings instead of decoding every word.
    pub initials: Vec<(u32, Box<str>)>,
    pub sources: Table,
    /// One entry per leader, indexed like `Leaders::all`.
    pub leaders: Table,
    pub topics: Table,
    pub dates: Table,
    /// Per call: its id (`2025-06-10-lee-xi`), row label (`Lee–Xi`) and
    /// start time (`11:30`), so what the screen shows can be found.
    pub labels: Table,
    pub topic_ids: Vec<u32>,
    pub fields: Vec<Fields>,
}

impl SearchIndex {
    pub fn build(timeline: &Timeline) -> SearchIndex {
        SearchIndex::with_words(timeline, WordIndex::build(&timeline.articles))
    }

    /// The index of `timeline` around a word index already built for its
    /// articles (`WordIndex::build(&timeline.articles)` or an equal one).
    pub fn with_words(timeline: &Timeline, words: WordIndex) -> SearchIndex {
        let WordIndex { vocab, body, title } = words;
        let initials = vocab
            .iter()
            .enumerate()
            .filter(|(_, w)| w.chars().any(hangul::is_syllable))
            .map(|(i, w)| (i as u32, hangul::initial_consonants(w).into()))
            .collect();
        let mut index = SearchIndex {
            initials,
            vocab,
            body,
            title,
            ..SearchIndex::default()
        };
        index.leaders.entries = timeline
            .leaders
            .all
            .iter()
            .map(|l| {
                let mut names: Vec<Box<[char]>> = Vec::new();
                for name in [&l.name, &l.surname, &l.short]
                    .into_iter()
                    .chain(&l.aliases)
                {
                    let chars: Box<[char]> = name.chars().map(fold).collect();
                    if !names.contains(&chars) {
                        names.push(chars);
                    }
                }
                names
            })
            .collect();
        // One exact allocation: grown by pushing, it held a third more.
        let mut seen = Interned {
            label_of_call: vec![NONE; timeline.calls.len()],
            ..Interned::default()
        };
        index.fields.reserve_exact(timeline.articles.len());
        for (i, article) in timeline.articles.iter().enumerate() {
            let fields = index.article_fields(timeline, i, article, &mut seen);
            index.fields.push(fields);
        }
        for table in [
            &mut index.sources,
            &mut index.leaders,
            &mut index.topics,
            &mut index.dates,
            &mut index.labels,
        ] {
            table.index_spellings();
        }
        index
    }

    fn article_fields(
        &mut self,
        timeline: &Timeline,
        i: usize,
        article: &Article,
        seen: &mut Interned,
    ) -> Fields {
        let call_index = timeline.call_of_article.get(i).copied().flatten();
        let call = call_index.and_then(|c| timeline.calls.get(c));
        let facts = &article.facts;
        let home = call.map(|c| c.home).or(facts.home);
        let counterpart = call.map(|c| c.counterpart).or(facts.counterpart);
        let date = call.map(|c| c.date).or(facts.date).or(article.published);
        let era = home.or_else(|| {
            let day = date?;
            let ids = timeline.leaders.in_office(&timeline.leaders.home, day);
            ids.first().copied()
        });
        let [sources, topics, dates, labels] = &mut seen.maps;
        let source = match &article.source {
            Some(s) => self.sources.intern(sources, s),
            None => self
                .sources
                .intern_names(sources, "\u{0}none", &NO_SOURCE_NAMES),
        };
        // A call's label is formatted and interned once, not once per
        // article: at 100,000 articles that was a third of this loop.
        let known_label = call_index
            .and_then(|c| seen.label_of_call.get(c).copied())
            .filter(|&id| id != NONE);
        let label = match (call, known_label) {
            (Some(_), Some(id)) => id,
            (Some(c), None) => {
                let row = timeline.call_label(c);
                let time = c
                    .start_time
                    .value
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default();
                let mut names = vec![c.id.as_str(), row.as_str()];
                if !time.is_empty() {
                    names.push(time.as_str());
                }
                let id = self.labels.intern_names(labels, &c.id, &names);
                if let Some(slot) = call_index.and_then(|c| seen.label_of_call.get_mut(c)) {
                    *slot = id;
                }
                id
            }
            (None, _) => NONE,
        };
        let topic_names = call.map_or(&facts.topics, |c| &c.topics);
        let start = self.topic_ids.len() as u32;
        for name in topic_names {
            let id = self.topics.intern(topics, name);
            self.topic_ids.push(id);
        }
        let day_ids = &mut seen.day_ids;
        // Formatting a date is slow next to a lookup: once per distinct day.
        let mut date_id = |d: Option<NaiveDate>| match d {
            Some(d) => *day_ids
                .entry(d)
                .or_insert_with(|| self.dates.intern(dates, &d.format("%Y-%m-%d").to_string())),
            None => NONE,
        };
        let own = date_id(date);
        let published = match article.published {
            Some(p) if Some(p) != date => date_id(Some(p)),
            _ => NONE,
        };
        let leader = |id: Option<LeaderId>| id.map_or(NONE, |l| l.0 as u32);
        Fields {
            source,
            home: leader(home),
            counterpart: leader(counterpart),
            era: leader(era),
            dates: [own, published],
            label,
            year: date.map_or(0, |d| d.year().clamp(0, u16::MAX as i32) as u16),
            topics: (start, self.topic_ids.len() as u32),
            day: date.map_or(i32::MIN, |d| d.num_days_from_ce()),
        }
    }

    pub fn article_topics(&self, article: usize) -> &[u32] {
        let (s, e) = self.fields[article].topics;
        &self.topic_ids[s as usize..e as usize]
    }

    /// The vocabulary ids whose words start with `prefix` (folded).
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.vocab.partition_point(|w| w < prefix);
        let end = self
            .vocab
            .partition_point(|w| w < prefix || w.starts_with(prefix));
        start..end
    }
}
