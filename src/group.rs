//! Grouping: articles → calls. Same two leaders and same call date make one
//! call; an undated article joins the one call its facts clearly fit.

use crate::leaders::Leaders;
use crate::model::{Article, Call};
use crate::topics::Topics;

/// Calls (unordered) and, per article, the call it went to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grouping {
    pub calls: Vec<Call>,
    pub call_of_article: Vec<Option<usize>>,
}

pub fn group(articles: &[Article], leaders: &Leaders, topics: &Topics) -> Grouping {
    let _ = (leaders, topics);
    Grouping {
        calls: Vec::new(),
        call_of_article: vec![None; articles.len()],
    }
}
