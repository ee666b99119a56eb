//! The plain data every stage passes along: articles, the facts read from
//! them, calls, eras and the whole timeline. No behaviour lives here beyond
//! small accessors, so any stage can be tested by building these by hand.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::lexicon::leaders::{LeaderId, Leaders};

/// A problem with one input file. Loading goes on; the file is named so the
/// user can find it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub file: String,
    pub message: String,
}

mod body;

pub use body::{Body, OpenParagraph, ParagraphRef, Paragraphs};

/// A byte offset into one paragraph (or headline, caption) as the model
/// stores it: texts are cut from files of at most `MAX_FILE_BYTES`, so it
/// always fits; saturates rather than wraps if it ever did not.
pub fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A stored `(start, end)` range as `usize` offsets.
pub fn range_of((start, end): (u32, u32)) -> (usize, usize) {
    (start as usize, end as usize)
}

/// The first line of a seed-format file: ` date YYYY-MM-DD` and whatever
/// follows it on that line. A headline lands in `headline`; a photo caption
/// or credit on that line goes to `Cleaned::captions` instead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub published: Option<NaiveDate>,
    pub headline: Option<String>,
}

/// One article after reading and cleaning, before extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub header: Header,
    /// Photo captions and credits, kept out of the reading text (so a
    /// credit such as "(Cheong Wa Dae)" is never taken for the source).
    pub captions: Vec<String>,
    /// The reading text: boilerplate dropped, control characters inert.
    pub paragraphs: Body,
    /// The date of the first page metadata line cleaning dropped (Korean
    /// `입력 2018.09.05 06:00`): the publication date when no header gives one.
    pub page_date: Option<NaiveDate>,
}

/// How a call date was found. Ordered from weakest to strongest so the best
/// basis among a call's articles is simply the maximum.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// No date could be found at all.
    #[default]
    Unknown,
    /// Joined to a call by its leaders and facts; the article itself gives no date.
    Inferred,
    /// Only the publication date was available ("today", or no day word).
    Published,
    /// A weekday name resolved against the publication date ("on Tuesday").
    Weekday,
    /// An explicit calendar date in the text ("June 10", "Jan. 26").
    Stated,
}

impl DateBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Unknown => "unknown",
            DateBasis::Inferred => "inferred",
            DateBasis::Published => "published",
            DateBasis::Weekday => "weekday",
            DateBasis::Stated => "stated",
        }
    }
}

/// The facts of the call an article reports, as far as the article states
/// them. Every field is optional: unknown is `None`, never a guess.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallFacts {
    /// The home-country leader on the call (South Korea for the first corpus).
    #[serde(with = "crate::lexicon::leaders::serde_index")]
    pub home: Option<LeaderId>,
    /// The foreign leader on the other end.
    #[serde(with = "crate::lexicon::leaders::serde_index")]
    pub counterpart: Option<LeaderId>,
    pub date: Option<NaiveDate>,
    pub date_basis: DateBasis,
    /// A weekday the text gives for the call even when no date could be
    /// resolved (no publication date); used to join the right call.
    pub weekday: Option<chrono::Weekday>,
    /// A day of month the text gives ("today (20th)") without month or year.
    pub day_of_month: Option<u32>,
    /// Month and day stated without a year and no publication date to
    /// anchor them ("SEOUL, Jan. 11 (Yonhap)"): (month, day).
    pub month_day: Option<(u32, u32)>,
    pub duration_minutes: Option<u32>,
    pub start_time: Option<NaiveTime>,
    /// Topic names from the lexicon, in lexicon order.
    pub topics: Vec<String>,
    /// The article reports a meeting in person, not a call: it joins no
    /// call, whatever call it mentions in passing.
    pub meeting: bool,
}

/// Which fact a piece of evidence backs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// The call date (`CallFacts::date`, or the weekday / day it names).
    Date,
    /// The start time.
    Start,
    /// The length in minutes.
    Duration,
    /// The foreign leader on the call, as the call sentence names them.
    Counterpart,
    /// The outlet credited as the article's source.
    Outlet,
}

impl FactKind {
    pub const ALL: [FactKind; 5] = [
        FactKind::Date,
        FactKind::Start,
        FactKind::Duration,
        FactKind::Counterpart,
        FactKind::Outlet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Date => "date",
            FactKind::Start => "start",
            FactKind::Duration => "duration",
            FactKind::Counterpart => "counterpart",
            FactKind::Outlet => "outlet",
        }
    }
}

/// Which text of an article a byte range points into. `u32` indices: an
/// `Evidence` is 28 bytes instead of 40, and an article keeps several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    Headline,
    /// Index into `Article::captions`.
    Caption(u32),
    /// Index into `Article::paragraphs`.
    Paragraph(u32),
}

impl Place {
    /// The place of caption `i` (see `offset` for why it always fits).
    pub fn caption(i: usize) -> Place {
        Place::Caption(offset(i))
    }

    /// The place of paragraph `i`.
    pub fn paragraph(i: usize) -> Place {
        Place::Paragraph(offset(i))
    }
}

/// Where one fact was read: the words that state it (`span`) and the
/// sentence around them (`sentence`), both byte ranges into the text
/// `place` names. A user who doubts a fact sees at once where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub fact: FactKind,
    pub place: Place,
    /// `u32` ends (see `offset`): an article keeps several of these.
    pub span: (u32, u32),
    pub sentence: (u32, u32),
}

/// How `Article::path` names an article that is not a file on disk: one
/// of the built-in corpus, or one the generator wrote in memory.
const VIRTUAL_PREFIXES: [&str; 2] = ["embedded:", "synth:"];

/// One article, fully read. `id` is the file stem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    /// The path as given (or `embedded:NAME` for the built-in corpus).
    pub path: String,
    /// The article's web address, when the clipping states one (front
    /// matter, canonical link): http(s) only.
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub title: String,
    pub source: Option<String>,
    /// The reading text, one buffer for all paragraphs (see `Body`).
    pub paragraphs: Body,
    pub facts: CallFacts,
    pub warnings: Vec<String>,
    /// The header's headline as written, when the file has one: evidence
    /// may point into it (`Place::Headline`).
    pub headline: Option<String>,
    /// Photo captions kept out of the reading text; evidence may point
    /// into them (`Place::Caption`).
    pub captions: Vec<String>,
    /// Where each extracted fact was read, in the order the facts were
    /// found (see `Evidence`).
    pub evidence: Vec<Evidence>,
}

impl Article {
    /// The file name with extension: the last part of `path` (the name
    /// after `embedded:` for the built-in corpus). Read from the path,
    /// not kept beside it: every article would hold its name twice.
    pub fn file(&self) -> &str {
        let path = VIRTUAL_PREFIXES
            .iter()
            .find_map(|prefix| self.path.strip_prefix(prefix))
            .unwrap_or(&self.path);
        path.rsplit(std::path::MAIN_SEPARATOR)
            .next()
            .unwrap_or(path)
    }

    /// The text `place` names: the headline, a caption or a paragraph.
    pub fn place_text(&self, place: Place) -> Option<&str> {
        match place {
            Place::Headline => self.headline.as_deref(),
            Place::Caption(i) => self.captions.get(i as usize).map(String::as_str),
            Place::Paragraph(i) => self.paragraphs.get(i as usize).map(|p| p.text),
        }
    }

    /// The exact words a fact was read from ("Thursday", "40 minutes").
    pub fn evidence_span(&self, e: &Evidence) -> Option<&str> {
        self.place_text(e.place)?
            .get(e.span.0 as usize..e.span.1 as usize)
    }

    /// The whole sentence holding a fact.
    pub fn evidence_sentence(&self, e: &Evidence) -> Option<&str> {
        self.place_text(e.place)?
            .get(e.sentence.0 as usize..e.sentence.1 as usize)
    }

    /// The evidence for one kind of fact, if the article has any.
    pub fn evidence_for(&self, fact: FactKind) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.fact == fact)
    }

    /// Words of the reading text. Counted when shown, not at load: only
    /// the detail pane and exports want it.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }
}

/// Reports of one fact that the articles of a call may disagree on.
/// `value` is the majority (ties: the earliest article's); `reports` keeps
/// every article's own value so the disagreement stays visible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported<T> {
    pub value: Option<T>,
    /// (article index, value that article states)
    pub reports: Vec<(usize, T)>,
}

impl<T: PartialEq> Reported<T> {
    pub fn disagrees(&self) -> bool {
        self.reports
            .iter()
            .any(|(_, v)| Some(v) != self.value.as_ref())
    }
}

impl<T> Default for Reported<T> {
    fn default() -> Self {
        Reported {
            value: None,
            reports: Vec::new(),
        }
    }
}

/// A phone call between two leaders on one day, told by one or more articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// `YYYY-MM-DD-<home>-<counterpart>`, e.g. `2025-06-10-lee-xi`.
    pub id: String,
    pub date: NaiveDate,
    pub date_basis: DateBasis,
    pub home: LeaderId,
    pub counterpart: LeaderId,
    pub duration_minutes: Reported<u32>,
    pub start_time: Reported<NaiveTime>,
    pub topics: Vec<String>,
    /// Indices into `Timeline::articles`, in article order.
    pub articles: Vec<usize>,
}

/// A home-country leader's time in office. An era with no calls still
/// exists: a gap is information.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    pub leader: LeaderId,
    pub from: NaiveDate,
    /// `None` while the term is running.
    pub to: Option<NaiveDate>,
    /// Indices into `Timeline::calls`, newest first.
    pub calls: Vec<usize>,
}

/// The whole model both views read: articles, calls, eras, warnings, and
/// the leader registry the ids point into.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub leaders: Leaders,
    pub articles: Vec<Article>,
    /// Ordered newest first.
    pub calls: Vec<Call>,
    /// Ordered newest first.
    pub eras: Vec<Era>,
    /// Articles placed in no call, by index.
    pub unassigned: Vec<usize>,
    pub warnings: Vec<Warning>,
    /// For each article, the call it belongs to.
    pub call_of_article: Vec<Option<usize>>,
}

impl Timeline {
    pub fn call_by_id(&self, id: &str) -> Option<usize> {
        self.calls.iter().position(|c| c.id == id)
    }

    pub fn article_by_id(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    pub fn leader_name(&self, id: LeaderId) -> &str {
        &self.leaders.get(id).name
    }

    /// "Lee–Xi": the short label of a call's two leaders, home first.
    pub fn call_label(&self, call: &Call) -> String {
        let short = |id| capitalize(&self.leaders.get(id).surname);
        format!("{}–{}", short(call.home), short(call.counterpart))
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::Article;

    #[test]
    fn an_articles_file_name_is_the_last_part_of_its_path() {
        let file = |path: &str| {
            Article {
                path: path.into(),
                ..Article::default()
            }
            .file()
            .to_string()
        };
        assert_eq!(file("clips/2025/xi call.txt"), "xi call.txt");
        assert_eq!(file("/tmp/a/b.md"), "b.md");
        assert_eq!(file("bare.html"), "bare.html");
        assert_eq!(
            file("embedded:2025-06-10_yonhap.txt"),
            "2025-06-10_yonhap.txt"
        );
        assert_eq!(file("synth:000_apec.txt"), "000_apec.txt");
        // A colon in a real file's name stays.
        assert_eq!(file("clips/a:b.txt"), "a:b.txt");
        assert_eq!(file(""), "");
    }
}
