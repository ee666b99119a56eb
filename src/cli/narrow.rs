//! `list --query Q` and `export --query Q`: the timeline narrowed to what
//! `hotline search Q` finds, so every view of it (the list, JSON, CSV,
//! Markdown) prints only that. A call is kept when the query matches one
//! of its articles, and kept whole (all its articles, so a call's
//! `articles` always name articles the export holds); an article in no
//! call is kept when the query matches it. The hits are `search`'s own
//! (`search::hits`): from the kept word index when warm, streamed when
//! cold.

use std::path::PathBuf;

use anyhow::Result;

use super::search;
use crate::model::Timeline;

/// `timeline` with only the calls and unplaced articles `query` finds,
/// renumbered; calls, eras and articles keep their order.
pub fn narrow(query: &str, roots: &[PathBuf], timeline: Timeline) -> Result<Timeline> {
    let hits = search::hits_for(query, roots, &timeline)?;
    let mut keep_call = vec![false; timeline.calls.len()];
    let mut keep_article = vec![false; timeline.articles.len()];
    for hit in &hits {
        match hit.call {
            Some(c) => {
                if let Some(k) = keep_call.get_mut(c) {
                    *k = true;
                }
            }
            None => {
                if let Some(k) = keep_article.get_mut(hit.article) {
                    *k = true;
                }
            }
        }
    }
    for (c, call) in timeline.calls.iter().enumerate() {
        if keep_call[c] {
            for &a in &call.articles {
                if let Some(k) = keep_article.get_mut(a) {
                    *k = true;
                }
            }
        }
    }
    Ok(subset(timeline, &keep_call, &keep_article))
}

/// The timeline holding only the kept calls and articles, every index
/// into them renumbered.
fn subset(timeline: Timeline, keep_call: &[bool], keep_article: &[bool]) -> Timeline {
    let renumber = |keep: &[bool]| -> Vec<Option<usize>> {
        let mut next = 0;
        keep.iter()
            .map(|&k| {
                k.then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    };
    let new_call = renumber(keep_call);
    let new_article = renumber(keep_article);
    let calls_of = |old: &[usize]| -> Vec<usize> {
        old.iter()
            .filter_map(|&c| new_call.get(c).copied().flatten())
            .collect()
    };
    let articles_of = |old: &[usize]| -> Vec<usize> {
        old.iter()
            .filter_map(|&a| new_article.get(a).copied().flatten())
            .collect()
    };
    let Timeline {
        leaders,
        articles,
        calls,
        eras,
        unassigned,
        warnings,
        call_of_article,
    } = timeline;
    let calls = calls
        .into_iter()
        .zip(keep_call)
        .filter(|(_, k)| **k)
        .map(|(mut call, _)| {
            call.articles = articles_of(&call.articles);
            call
        })
        .collect();
    let eras = eras
        .into_iter()
        .map(|mut era| {
            era.calls = calls_of(&era.calls);
            era
        })
        .collect();
    let call_of_article = call_of_article
        .into_iter()
        .zip(keep_article)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c.and_then(|c| new_call.get(c).copied().flatten()))
        .collect();
    let articles = articles
        .into_iter()
        .zip(keep_article)
        .filter(|(_, k)| **k)
        .map(|(a, _)| a)
        .collect();
    Timeline {
        leaders,
        articles,
        calls,
        eras,
        unassigned: articles_of(&unassigned),
        warnings,
        call_of_article,
    }
}
