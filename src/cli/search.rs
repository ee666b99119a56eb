//! `hotline search QUERY [PATHS] [--json]`: the filter bar's matcher and
//! ranking, printed. Text: one hit a line, tab-separated (call id or `-`,
//! article id, score, snippet). JSON: SPEC §4,
//! `{"query": …, "hits": [{"article", "call", "score", "snippet"}]}`.
//! `is:` words read the browser's marks file (read only, and only then).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, anyhow};
use serde::Serialize;

use crate::marks::{Lens, Marks};
use crate::model::Timeline;
use crate::query::{Hit, Query, parse};
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
/// exactly these articles (`query::kept::kept_index`); otherwise only the words
/// the query can match are indexed (`query::stream`). Same hits either way.
pub fn run(
    query: &str,
    json: bool,
    roots: &[PathBuf],
    timeline: &Timeline,
    out: &mut dyn Write,
) -> Result<()> {
    let parsed = parse(query).map_err(|e| anyhow!("invalid query {query:?}: {e}"))?;
    let marks = if parsed.statuses().next().is_some() {
        read_marks()
    } else {
        Marks::default()
    };
    run_with_marks(&parsed, json, roots, timeline, &marks, out)
}

/// The browser's marks, for `is:`; a missing state folder or file is no
/// marks, a bad file a warning on stderr (it is left as it is).
fn read_marks() -> Marks {
    let Some(path) = crate::marks::file::default_path() else {
        eprintln!("warning: no state folder ($XDG_STATE_HOME or $HOME): no marks for is:");
        return Marks::default();
    };
    let loaded = crate::marks::file::load_read_only(&path);
    if let Some(why) = loaded.warning {
        eprintln!("warning: {}", inert(&why, false));
    }
    loaded.marks
}

/// What `search` finds for `query` (the text as typed), best first: what
/// `list --query` and `export --query` narrow the timeline to.
pub fn hits_for(query: &str, roots: &[PathBuf], timeline: &Timeline) -> Result<Vec<Hit>> {
    let parsed = parse(query).map_err(|e| anyhow!("invalid query {query:?}: {e}"))?;
    let marks = if parsed.statuses().next().is_some() {
        read_marks()
    } else {
        Marks::default()
    };
    Ok(hits(&parsed, roots, timeline, &marks))
}

/// The hits, as `run_with_marks` prints them.
fn hits(parsed: &Query, roots: &[PathBuf], timeline: &Timeline, marks: &Marks) -> Vec<Hit> {
    // A first search of a corpus indexes only the words this query can
    // match: building the whole word index would cost several times the
    // answer (BENCHMARKS.md, session 5).
    let mut hits = match crate::query::kept::kept_index(roots, timeline, parsed) {
        Some(index) => index.search(timeline, parsed),
        None => crate::query::stream::search(timeline, parsed),
    };
    if parsed.statuses().next().is_some() {
        let lens = Lens::new(timeline);
        hits.retain(|h| parsed.keeps(|s| lens.has(marks, h.article, s)));
    }
    hits
}

/// `run` with the marks given: hits the `is:` words refuse are left out.
/// The word index comes from the cache when it holds one for exactly
/// these articles (`query::kept::kept_index`; `roots` empty: the built-in
/// corpus, never cached); otherwise only the words the query can match
/// are indexed (`query::stream`). Same hits either way.
pub fn run_with_marks(
    parsed: &Query,
    json: bool,
    roots: &[PathBuf],
    timeline: &Timeline,
    marks: &Marks,
    out: &mut dyn Write,
) -> Result<()> {
    let query = parsed.text.as_str();
    let hits = hits(parsed, roots, timeline, marks);
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
    use crate::model::{Article, Body};

    fn timeline() -> Timeline {
        let article = Article {
            id: "a".into(),
            title: "APEC \u{1b}[31mred".into(),
            paragraphs: {
                let mut paragraphs = Body::default();
                paragraphs.push("Leaders met at APEC.", &[(0, 20)]);
                paragraphs
            },
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
    fn is_words_keep_only_the_marked_articles() {
        let tl = timeline();
        let mut marks = Marks::default();
        let q = |text: &str| parse(text).expect("query");
        let lines = |marks: &Marks, text: &str| {
            let mut out = Vec::new();
            run_with_marks(&q(text), false, &[], &tl, marks, &mut out).expect("runs");
            String::from_utf8(out).expect("utf-8").lines().count()
        };
        assert_eq!(lines(&marks, "apec is:bookmarked"), 0);
        assert_eq!(lines(&marks, "is:unread"), 1);
        marks
            .bookmarks
            .insert(crate::marks::ArticleKey::of(&tl.articles[0]));
        assert_eq!(lines(&marks, "apec is:bookmarked"), 1);
        assert_eq!(lines(&marks, "!is:bookmarked"), 0);
    }

    #[test]
    fn malformed_query_is_an_error_that_says_why() {
        let err = run("apec !", false, &[], &timeline(), &mut Vec::new()).expect_err("error");
        assert!(err.to_string().contains("lone `!`"), "{err}");
        let err = run("foo:x", true, &[], &timeline(), &mut Vec::new()).expect_err("error");
        assert!(err.to_string().contains("unknown field `foo:`"), "{err}");
    }
}
