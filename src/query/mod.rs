//! The matcher behind the filter bar and `hotline search`: parses a query,
//! matches it against a prebuilt index of the timeline, ranks the hits and
//! says which bytes to highlight.
//!
//! PLACEHOLDER API (the query issue replaces the body, keeps the shape):
//! a naive case-insensitive substring match over titles, so the views can be
//! built against it in the meantime.

use crate::model::Timeline;

/// A parsed filter. `parse` is the only way to make one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    words: Vec<String>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Why a query could not be parsed ("a lone `!`", "unknown field `foo:`").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

pub fn parse(text: &str) -> Result<Query, QueryError> {
    Ok(Query {
        text: text.to_string(),
        words: text.split_whitespace().map(str::to_lowercase).collect(),
    })
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Timeline::articles`.
    pub article: usize,
    /// Index into `Timeline::calls`, if the article is in a call.
    pub call: Option<usize>,
    pub score: i64,
    /// The best sentence, inert, one line.
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

/// Everything precomputed at load so a keystroke only matches.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    titles: Vec<String>,
}

impl SearchIndex {
    pub fn build(timeline: &Timeline) -> SearchIndex {
        SearchIndex {
            titles: timeline.articles.iter().map(|a| a.title.to_lowercase()).collect(),
        }
    }

    /// Ranked hits, best first. An empty query matches every article.
    pub fn search(&self, timeline: &Timeline, query: &Query) -> Vec<Hit> {
        self.titles
            .iter()
            .enumerate()
            .filter(|(_, t)| query.words.iter().all(|w| t.contains(w.as_str())))
            .map(|(i, _)| Hit {
                article: i,
                call: timeline.call_of_article[i],
                score: 0,
                snippet: timeline.articles[i].title.clone(),
            })
            .collect()
    }

    pub fn highlights(&self, timeline: &Timeline, query: &Query, article: usize) -> Highlights {
        let _ = (timeline, query, article);
        Highlights::default()
    }
}

/// Character indices (not bytes) of `line` that the query matches, for
/// highlighting a row of the timeline list.
pub fn line_match_indices(line: &str, query: &Query) -> Vec<usize> {
    let _ = (line, query);
    Vec::new()
}
