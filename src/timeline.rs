//! The timeline: calls ordered newest first and the eras of the home
//! country's leaders they fall in, gaps included.

use crate::group::Grouping;
use crate::leaders::Leaders;
use crate::model::{Article, Timeline, Warning};

pub fn build(
    articles: Vec<Article>,
    grouping: Grouping,
    warnings: Vec<Warning>,
    leaders: Leaders,
) -> Timeline {
    let unassigned = (0..articles.len())
        .filter(|&i| grouping.call_of_article[i].is_none())
        .collect();
    Timeline {
        leaders,
        articles,
        calls: grouping.calls,
        eras: Vec::new(),
        unassigned,
        warnings,
        call_of_article: grouping.call_of_article,
    }
}
