//! Extraction: what an article says about the call it reports — title,
//! outlet, the two leaders, date, start time, duration, topics.

use chrono::NaiveDate;

use crate::leaders::Leaders;
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

pub fn extract(cleaned: &Cleaned, leaders: &Leaders, topics: &Topics) -> Extracted {
    let _ = (cleaned, leaders, topics);
    todo!("extract::extract")
}
