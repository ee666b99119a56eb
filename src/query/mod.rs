//! The matcher behind the filter bar and `hotline search`: parses a query,
//! matches it against a prebuilt index of the timeline, ranks the hits and
//! says which bytes to highlight. The TUI and the CLI call the same
//! functions, so they never disagree.
//!
//! - `parse`: the query language (words ANDed, `'exact`, `!not`, `src:`,
//!   `era:`, `with:`, `year:`, `topic:`, and `is:` for the user's marks).
//! - `fold`: folding, words, the close-match and short-field rules.
//! - `index`: vocabulary + postings + short-field tables, built at load.
//! - `words`: the word index (vocabulary and postings), built from the text.
//! - `postings`: the compact storage of vocabulary and postings.
//! - `korean`: stems and 초성 (initial consonant) search for Hangul.
//! - `eval`: scoring articles against a query, on both cores.
//! - `rank`: field weights and hit order.
//! - `explain`: where a hit matched when its text does not show it.
//! - `highlight`: highlights and snippets for the articles on screen.
//! - `worker`: matching off the UI thread, stale work abandoned.
//! - `stream`: a one-shot search indexing only the words a query can
//!   match (`hotline search` without a kept word index).
//! - `kept`: the word index kept on disk beside the article cache.

mod eval;
mod explain;
mod fold;
mod highlight;
mod index;
pub mod kept;
mod korean;
mod parse;
mod postings;
mod rank;
pub mod stream;
mod words;
pub mod worker;

#[cfg(test)]
mod korean_tests;
#[cfg(test)]
mod postings_tests;
#[cfg(test)]
mod speed_tests;
#[cfg(test)]
mod tests;

pub use highlight::line_match_indices;
pub use index::{SearchIndex, WordIndex};
pub use parse::{FIELDS, Field, FieldSpec, Query, QueryError, Status, Term, parse, prefix_list};
pub use worker::{MatchOutcome, MatchWorker};

use crate::model::Timeline;

/// One matching article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Timeline::articles`.
    pub article: usize,
    /// Index into `Timeline::calls`, if the article is in a call.
    pub call: Option<usize>,
    pub score: i64,
    /// The best sentence, inert, one line. Empty in hits from `ranked`,
    /// `search_within` and the worker: ask `snippet` for the rows shown.
    pub snippet: String,
}

/// Byte ranges to highlight in one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlights {
    /// Byte ranges in the title.
    pub title: Vec<(usize, usize)>,
    /// (paragraph index, start byte, end byte), in reading order.
    pub body: Vec<(usize, usize, usize)>,
}

/// Never cancelled.
fn never() -> bool {
    false
}

impl SearchIndex {
    /// Ranked hits, best first, with snippets. An empty query matches every
    /// article, newest first.
    pub fn search(&self, timeline: &Timeline, query: &Query) -> Vec<Hit> {
        let mut hits = self.ranked(timeline, query);
        for hit in &mut hits {
            hit.snippet = self.snippet(timeline, query, hit.article);
        }
        hits
    }

    /// Ranked hits without snippets: what a keystroke needs.
    pub fn ranked(&self, timeline: &Timeline, query: &Query) -> Vec<Hit> {
        self.ranked_cancellable(timeline, query, None, &never)
            .unwrap_or_default()
    }

    /// Like `ranked`, checking only `previous` (article indices): when
    /// `query.narrows(&previous_query)`, this equals `ranked` and costs
    /// less. No snippets.
    pub fn search_within(
        &self,
        timeline: &Timeline,
        query: &Query,
        previous: &[usize],
    ) -> Vec<Hit> {
        self.ranked_cancellable(timeline, query, Some(previous), &never)
            .unwrap_or_default()
    }

    /// The engine under all of the above: `None` once `cancel()` says the
    /// work is stale.
    pub fn ranked_cancellable(
        &self,
        timeline: &Timeline,
        query: &Query,
        within: Option<&[usize]>,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let mut scored = eval::run(self, query, within, cancel)?;
        rank::sort(self, &mut scored);
        Some(
            scored
                .into_iter()
                .map(|(a, score)| Hit {
                    article: a as usize,
                    call: timeline.call_of_article.get(a as usize).copied().flatten(),
                    score,
                    snippet: String::new(),
                })
                .collect(),
        )
    }

    /// The best sentence of one article for this query, inert, one line.
    pub fn snippet(&self, timeline: &Timeline, query: &Query, article: usize) -> String {
        timeline
            .articles
            .get(article)
            .map(|a| highlight::snippet(a, query))
            .unwrap_or_default()
    }

    /// What to highlight in one article: words of the title and body that
    /// the query's plain and exact words match. Byte ranges, on character
    /// boundaries of the article's own strings.
    pub fn highlights(&self, timeline: &Timeline, query: &Query, article: usize) -> Highlights {
        match timeline.articles.get(article) {
            Some(a) => Highlights {
                title: highlight::title_ranges(a, query),
                body: highlight::body_ranges(a, query),
            },
            None => Highlights::default(),
        }
    }
}
