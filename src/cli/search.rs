//! `hotline search QUERY [PATHS] [--json]`: the filter bar's matcher and
//! ranking, printed. Text: one hit a line, tab-separated (call id or `-`,
//! article id, score, snippet). JSON: SPEC §4,
//! `{"query": …, "hits": [{"article", "call", "score", "snippet"}]}`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, anyhow};
use serde::Serialize;

use crate::model::Timeline;
use crate::query::parse;
use crate::sanitize::inert;

#[derive(Serialize)]
struct Output<'a> {
    query: &'a str,
    hits: Vec<JsonHit<'a>>,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    article: &'a str,
    call: Option<&'a str>,
    score: i64,
    snippet: String,
}

/// Search `timeline`, loaded from `roots` (empty for the built-in
/// corpus): the word index comes from the cache when it holds one for
/// exactly these articles (`cache::kept_index`); otherwise only the words
/// the query can match are indexed (`query::stream`). Same hits either way.
pub fn run(
    query: &str,
    json: bool,
    roots: &[PathBuf],
    timeline: &Timeline,
    out: &mut dyn Write,
) -> Result<()> {
    let parsed = parse(query).map_err(|e| anyhow!("invalid query {query:?}: {e}"))?;
    // A first search of a corpus indexes only the words this query can
    // match: building the whole word index would cost several times the
    // answer (BENCHMARKS.md, session 5).
    let hits = match crate::cache::kept_index(roots, timeline) {
        Some(index) => index.search(timeline, &parsed),
        None => crate::query::stream::search(timeline, &parsed),
    };
    let call_id = |c: Option<usize>| c.and_then(|c| timeline.calls.get(c)).map(|c| c.id.as_str());
    if json {
        let output = Output {
            query,
            hits: hits
                .into_iter()
                .map(|h| JsonHit {
                    article: &timeline.articles[h.article].id,
                    call: call_id(h.call),
                    score: h.score,
                    snippet: h.snippet,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &output)?;
        writeln!(out)?;
        return Ok(());
    }
    for h in &hits {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            call_id(h.call).unwrap_or("-"),
            inert(&timeline.articles[h.article].id, false),
            h.score,
            h.snippet
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::leaders::Leaders;
    use crate::model::{Article, Paragraph};

    fn timeline() -> Timeline {
        let article = Article {
            id: "a".into(),
            title: "APEC \u{1b}[31mred".into(),
            paragraphs: vec![Paragraph {
                text: "Leaders met at APEC.".into(),
                sentences: vec![(0, 20)],
            }],
            ..Article::default()
        };
        Timeline {
            leaders: Leaders::embedded(),
            articles: vec![article],
            calls: Vec::new(),
            eras: Vec::new(),
            unassigned: vec![0],
            warnings: Vec::new(),
            call_of_article: vec![None],
        }
    }

    #[test]
    fn json_follows_the_contract() {
        let mut out = Vec::new();
        run("apec", true, &[], &timeline(), &mut out).expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(v["query"], "apec");
        assert_eq!(v["hits"][0]["article"], "a");
        assert!(v["hits"][0]["call"].is_null());
        assert!(v["hits"][0]["score"].is_i64());
        assert_eq!(v["hits"][0]["snippet"], "Leaders met at APEC.");
    }

    #[test]
    fn text_is_one_line_per_hit_without_escapes() {
        let mut out = Vec::new();
        run("apec", false, &[], &timeline(), &mut out).expect("runs");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.starts_with("-\ta\t"));
        assert_eq!(text.lines().count(), 1);
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn malformed_query_is_an_error_that_says_why() {
        let err = run("apec !", false, &[], &timeline(), &mut Vec::new()).expect_err("error");
        assert!(err.to_string().contains("lone `!`"), "{err}");
        let err = run("foo:x", true, &[], &timeline(), &mut Vec::new()).expect_err("error");
        assert!(err.to_string().contains("unknown field `foo:`"), "{err}");
    }
}
