//! The query semantics pinned on articles written here: word-level body
//! matching, AND, exact, negation, each field prefix, ranking, highlights
//! (after multi-byte characters), narrowing and the worker.

use std::sync::{Arc, mpsc};
use std::time::Duration;

use chrono::NaiveDate;

use super::*;
use crate::lexicon::leaders::Leaders;
use crate::model::{Article, Body, Call, CallFacts, Reported};

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// Paragraphs split on blank lines, sentences on ". ".
fn paragraphs(body: &str) -> Body {
    Body::plain(&body.split("\n\n").collect::<Vec<_>>())
}

pub(super) fn article(
    id: &str,
    published: &str,
    title: &str,
    source: Option<&str>,
    body: &str,
) -> Article {
    Article {
        id: id.to_string(),
        path: format!("{id}.txt"),
        published: Some(date(published)),
        title: title.to_string(),
        source: source.map(str::to_string),
        paragraphs: paragraphs(body),
        facts: CallFacts::default(),
        warnings: Vec::new(),
        ..Article::default()
    }
}

/// (date, home key, counterpart key, topics, article indices)
pub(super) type CallSpec<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a [usize]);

fn timeline(articles: Vec<Article>, calls: &[CallSpec]) -> Timeline {
    timeline_with(articles, calls, Leaders::embedded())
}

/// `timeline` with leaders of the test's own (Hangul aliases, say).
pub(super) fn timeline_with(
    articles: Vec<Article>,
    calls: &[CallSpec],
    leaders: Leaders,
) -> Timeline {
    let mut call_of_article = vec![None; articles.len()];
    let calls: Vec<Call> = calls
        .iter()
        .enumerate()
        .map(|(c, &(day, home, cp, topics, arts))| {
            for &a in arts {
                call_of_article[a] = Some(c);
            }
            let home = leaders.by_key(home).expect("home key");
            let counterpart = leaders.by_key(cp).expect("counterpart key");
            Call {
                id: format!(
                    "{day}-{}-{}",
                    leaders.get(home).short,
                    leaders.get(counterpart).short
                ),
                date: date(day),
                date_basis: crate::model::DateBasis::Stated,
                home,
                counterpart,
                duration_minutes: Reported::default(),
                start_time: Reported::default(),
                topics: topics.iter().map(|t| t.to_string()).collect(),
                articles: arts.to_vec(),
            }
        })
        .collect();
    let grouping = crate::pipeline::group::Grouping {
        calls,
        date_basis: vec![crate::model::DateBasis::Stated; call_of_article.len()],
        call_of_article,
    };
    crate::pipeline::timeline::build(articles, grouping, Vec::new(), leaders)
}

/// Five articles over three calls plus one unplaced, echoing the seeds
/// with wording of their own.
fn fixture() -> Timeline {
    timeline(
        vec![
            article(
                "a0",
                "2025-06-10",
                "Lee invites Xi to the APEC summit in Gyeongju",
                Some("KBS"),
                "President Lee Jae-myung spoke with Xi Jinping for 30 minutes. They discussed denuclearization of the peninsula and tariffs.\n\nIn another aspect of the talks, the leaders agreed to meet.",
            ),
            article(
                "a1",
                "2021-01-27",
                "Xi and Moon exchange Lunar New Year greetings",
                Some("Xinhua"),
                "Xi said cooperation against COVID-19 set an example. Bilateral trade grew despite the pandemic.\n\nA trader in Beijing said tariffs stayed the same.",
            ),
            article(
                "a2",
                "2020-02-20",
                "Moon, Xi agree on coronavirus fight",
                Some("Yonhap"),
                "Moon Jae-in and Xi Jinping talked for 32 minutes about the novel coronavirus. Moon also raised denuclearization.",
            ),
            article(
                "a3",
                "2017-11-08",
                "Moon and Trump talk by phone",
                Some("Yonhap"),
                "The two presidents discussed trade and tariffs. A pretty exciting colloquy, aides said.",
            ),
            article(
                "a4",
                "2024-01-01",
                "이재명 대통령 APEC 초청",
                None,
                "이재명 대통령은 APEC 회의를 언급했다. Another sentence about weather.",
            ),
        ],
        &[
            (
                "2025-06-10",
                "lee-jae-myung",
                "xi-jinping",
                &["APEC", "denuclearization"],
                &[0],
            ),
            (
                "2021-01-26",
                "moon-jae-in",
                "xi-jinping",
                &["COVID-19", "trade"],
                &[1],
            ),
            (
                "2020-02-20",
                "moon-jae-in",
                "xi-jinping",
                &["COVID-19", "denuclearization"],
                &[2],
            ),
            (
                "2017-11-07",
                "moon-jae-in",
                "donald-trump",
                &["trade"],
                &[3],
            ),
        ],
    )
}

fn ids(tl: &Timeline, q: &str) -> Vec<String> {
    let query = parse(q).expect("valid query");
    SearchIndex::build(tl)
        .search(tl, &query)
        .iter()
        .map(|h| tl.articles[h.article].id.clone())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn body_words_match_by_prefix_never_by_scattered_letters() {
    let tl = fixture();
    // "apec" is in a0's title and a4; a3's "A pretty exciting colloquy" and
    // a0's "aspect" hold the letters in order, across or inside words.
    assert_eq!(sorted(ids(&tl, "apec")), ["a0", "a4"]);
    assert_eq!(sorted(ids(&tl, "denuc")), ["a0", "a2"]);
    assert_eq!(
        sorted(ids(&tl, "covid")),
        ["a1", "a2"],
        "topic COVID-19 on a2's call"
    );
    assert_eq!(ids(&tl, "colloq"), ["a3"]);
}

#[test]
fn words_are_anded() {
    let tl = fixture();
    assert_eq!(sorted(ids(&tl, "xi tariff")), ["a0", "a1"]);
    assert_eq!(ids(&tl, "xi tariff colloquy"), Vec::<String>::new());
}

#[test]
fn exact_is_a_substring_as_in_fzf() {
    let tl = fixture();
    assert_eq!(
        sorted(ids(&tl, "trade")),
        ["a1", "a3"],
        "trade, trader, topic"
    );
    // 'word (fzf): the letters as typed, anywhere in a word or field.
    assert_eq!(sorted(ids(&tl, "'trade")), ["a1", "a3"]);
    assert_eq!(ids(&tl, "'trader"), ["a1"]);
    assert_eq!(ids(&tl, "'olloq"), ["a3"]);
    assert_eq!(ids(&tl, "'xciti"), ["a3"]);
    // Exact, not fuzzy: a letter left out finds nothing.
    assert_eq!(ids(&tl, "'colloqy"), Vec::<String>::new());
}

#[test]
fn negation_excludes() {
    let tl = fixture();
    assert_eq!(sorted(ids(&tl, "!covid")), ["a0", "a3", "a4"]);
    assert_eq!(ids(&tl, "moon !covid"), ["a3"]);
}

#[test]
fn prefixes_match_only_their_field() {
    let tl = fixture();
    assert_eq!(sorted(ids(&tl, "src:yonhap")), ["a2", "a3"]);
    assert_eq!(ids(&tl, "src:xin"), ["a1"]);
    // "Moon" is in a0's body? No; but era is by home leader: Moon's calls.
    assert_eq!(sorted(ids(&tl, "era:moon")), ["a1", "a2", "a3"]);
    // a4 is unplaced: its era comes from the leader in office at publication.
    assert_eq!(ids(&tl, "era:yoon"), ["a4"]);
    assert_eq!(ids(&tl, "with:trump"), ["a3"]);
    assert_eq!(ids(&tl, "year:2020"), ["a2"]);
    assert_eq!(sorted(ids(&tl, "year:202")), ["a0", "a1", "a2", "a4"]);
    // a4 names APEC in its text but has no call topics.
    assert_eq!(ids(&tl, "topic:apec"), ["a0"]);
    assert_eq!(ids(&tl, "src:kbs xi"), ["a0"]);
}

#[test]
fn dates_match_by_component() {
    let tl = fixture();
    assert_eq!(ids(&tl, "2020-02"), ["a2"]);
    assert_eq!(ids(&tl, "2021-01-26"), ["a1"]);
}

#[test]
fn empty_query_lists_every_article_newest_first() {
    let tl = fixture();
    assert_eq!(ids(&tl, ""), ["a0", "a4", "a1", "a2", "a3"]);
}

#[test]
fn title_beats_body_and_together_beats_scattered() {
    let tl = timeline(
        vec![
            article(
                "body",
                "2025-01-01",
                "Unrelated",
                None,
                "Talks on tariffs went well.",
            ),
            article(
                "title",
                "2019-01-01",
                "Tariffs top agenda",
                None,
                "Nothing else.",
            ),
            article(
                "apart",
                "2024-01-01",
                "x",
                None,
                "Xi spoke first. Later came tariffs.",
            ),
            article(
                "together",
                "2018-01-01",
                "y",
                None,
                "Xi spoke about tariffs. Then lunch.",
            ),
        ],
        &[],
    );
    assert_eq!(ids(&tl, "tariff")[0], "title");
    let both = ids(&tl, "xi tariff");
    assert_eq!(both, ["together", "apart"]);
}

#[test]
fn ties_go_to_the_newest() {
    let tl = timeline(
        vec![
            article("old", "2019-01-01", "t", None, "Tariffs rose."),
            article("new", "2023-01-01", "t", None, "Tariffs rose."),
            article("mid", "2021-01-01", "t", None, "Tariffs rose."),
        ],
        &[],
    );
    assert_eq!(ids(&tl, "tariff"), ["new", "mid", "old"]);
}

#[test]
fn highlights_land_on_the_right_bytes_after_multibyte_text() {
    let tl = fixture();
    let index = SearchIndex::build(&tl);
    let q = parse("apec 이재").expect("query");
    let h = index.highlights(&tl, &q, 4);
    let a = &tl.articles[4];
    let title: Vec<&str> = h.title.iter().map(|&(s, e)| &a.title[s..e]).collect();
    assert_eq!(title, ["이재", "APEC"]);
    let body: Vec<&str> = h
        .body
        .iter()
        .map(|&(p, s, e)| &a.paragraphs.get(p).unwrap().text[s..e])
        .collect();
    assert_eq!(body, ["이재", "APEC"]);
    // Prefix matches highlight the typed part only.
    let h = index.highlights(&tl, &parse("denuc").expect("query"), 0);
    let (p, s, e) = h.body[0];
    assert_eq!(
        &tl.articles[0].paragraphs.get(p).unwrap().text[s..e],
        "denuc"
    );
}

#[test]
fn snippet_is_the_sentence_with_most_query_words() {
    let tl = fixture();
    let index = SearchIndex::build(&tl);
    let hits = index.search(&tl, &parse("xi tariff").expect("query"));
    let a0 = hits.iter().find(|h| h.article == 0).expect("a0 hit");
    // Xi and tariffs sit in different sentences: the earlier one wins.
    assert_eq!(
        a0.snippet,
        "President Lee Jae-myung spoke with Xi Jinping for 30 minutes."
    );
    let hits = index.search(&tl, &parse("trade tariff").expect("query"));
    let a1 = hits.iter().find(|h| h.article == 1).expect("a1 hit");
    // "trader … tariffs" holds both words; "Bilateral trade grew" only one.
    assert_eq!(
        a1.snippet,
        "A trader in Beijing said tariffs stayed the same."
    );
}

#[test]
fn snippets_are_inert() {
    let tl = timeline(
        vec![article(
            "x",
            "2020-01-01",
            "t",
            None,
            "Tariffs \u{1b}]0;pwned\u{7} rose.",
        )],
        &[],
    );
    let index = SearchIndex::build(&tl);
    let hits = index.search(&tl, &parse("tariff").expect("query"));
    assert!(!hits[0].snippet.contains('\u{1b}'));
}

#[test]
fn line_indices_are_chars_not_bytes() {
    let q = parse("xi").expect("query");
    // '–' is three bytes; "Xi" sits at chars 15..17.
    assert_eq!(line_match_indices("2025-06-10 Lee–Xi  3", &q), [15, 16]);
    let q = parse("moonjae").expect("query");
    assert_eq!(line_match_indices("Moon Jae-in", &q), [0, 1, 2, 3, 5, 6, 7]);
    assert!(line_match_indices("anything", &parse("!an").expect("q")).is_empty());
}

#[test]
fn narrowing_rechecks_only_previous_hits_with_the_same_answer() {
    let tl = fixture();
    let index = SearchIndex::build(&tl);
    for (before, after) in [
        ("a", "ap"),
        ("ap", "apec"),
        ("d", "denu"),
        ("denucl", "denuclear"),
        ("xi", "xi tar"),
        ("x", "xi !cov"),
    ] {
        let (b, a) = (parse(before).expect("q"), parse(after).expect("q"));
        assert!(a.narrows(&b));
        let prev: Vec<usize> = index.ranked(&tl, &b).iter().map(|h| h.article).collect();
        assert_eq!(
            index.search_within(&tl, &a, &prev),
            index.ranked(&tl, &a),
            "{before} → {after}"
        );
    }
}

#[test]
fn worker_delivers_the_newest_answer_and_stops_on_drop() {
    let tl = Arc::new(fixture());
    let index = Arc::new(SearchIndex::build(&tl));
    let (tx, rx) = mpsc::channel();
    let worker = MatchWorker::spawn(Arc::clone(&tl), Arc::clone(&index), move |o| {
        let _ = tx.send(o);
    });
    for (g, text) in ["a", "ap", "ape", "apec"].iter().enumerate() {
        worker.submit(g as u64 + 1, text.to_string());
    }
    let last = loop {
        let o = rx.recv_timeout(Duration::from_secs(5)).expect("an answer");
        if o.generation == 4 {
            break o;
        }
    };
    let hits = last.result.expect("valid");
    assert_eq!(hits.len(), 2);
    worker.submit(5, "foo:bar".into());
    let bad = rx.recv_timeout(Duration::from_secs(5)).expect("an answer");
    assert!(bad.result.is_err());
    drop(worker);
    assert!(rx.recv_timeout(Duration::from_millis(50)).is_err());
}

#[test]
fn narrowing_matches_a_full_search_on_a_generated_corpus() {
    let tl = crate::synth::timeline(11, 400);
    let index = SearchIndex::build(&tl);
    let typed = [
        "a",
        "ap",
        "apec",
        "d",
        "de",
        "den",
        "denuc",
        "x",
        "xi",
        "xi t",
        "xi tariff",
    ];
    let mut previous: Option<(Query, Vec<usize>)> = None;
    for text in typed {
        let q = parse(text).expect("query");
        let full = index.ranked(&tl, &q);
        if let Some((pq, prev)) = &previous
            && q.narrows(pq)
        {
            assert_eq!(index.search_within(&tl, &q, prev), full, "{text}");
        }
        let mut arts: Vec<usize> = full.iter().map(|h| h.article).collect();
        arts.sort_unstable();
        previous = Some((q, arts));
    }
}

#[test]
fn every_generated_apec_hit_names_apec() {
    let tl = crate::synth::timeline(12, 300);
    let index = SearchIndex::build(&tl);
    let hits = index.ranked(&tl, &parse("apec").expect("query"));
    assert!(!hits.is_empty());
    for h in hits {
        let a = &tl.articles[h.article];
        let in_text = a.title.to_lowercase().contains("apec")
            || a.paragraphs
                .iter()
                .any(|p| p.text.to_lowercase().contains("apec"));
        let in_topics = h
            .call
            .is_some_and(|c| tl.calls[c].topics.iter().any(|t| t == "APEC"));
        assert!(in_text || in_topics, "{}", a.id);
    }
}

#[test]
fn an_article_saying_the_call_topic_itself_ranks_first() {
    let tl = timeline(
        vec![
            article("silent", "2025-06-10", "t", None, "They talked."),
            article(
                "says",
                "2025-06-09",
                "t",
                None,
                "They discussed denuclearization.",
            ),
        ],
        &[(
            "2025-06-10",
            "lee-jae-myung",
            "xi-jinping",
            &["denuclearization"],
            &[0, 1],
        )],
    );
    assert_eq!(ids(&tl, "denuc"), ["says", "silent"]);
}
