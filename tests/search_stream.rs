//! A one-shot search (`query::stream`, what `hotline search` does without
//! a kept word index) gives exactly the filter bar's answer: the same
//! hits, order, scores and snippets as the full `SearchIndex`, for every
//! kind of query, on the test corpora and a generated one; and the
//! command line prints the same JSON, byte for byte, cold and warm, and
//! keeps a word index only from the second search of a corpus on.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use hotline::model::Timeline;
use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::query::{SearchIndex, parse, stream};
use support::home::Isolated;
use support::queries::{QUERIES, assert_same_hits};

fn load(paths: &[PathBuf]) -> Timeline {
    let inputs = if paths.is_empty() {
        Inputs::Embedded
    } else {
        Inputs::from_paths(paths.to_vec())
    };
    load::load(&inputs, &Lexicon::embedded())
}

/// Every query, answered both ways: equal, and for at least some queries
/// not empty (so the corpus is one the queries reach).
fn assert_same_answers(timeline: &Timeline, what: &str) {
    let index = SearchIndex::build(timeline);
    assert_same_hits(what, QUERIES.iter().copied(), |query| {
        (
            stream::search(timeline, query),
            index.search(timeline, query),
        )
    });
}

#[test]
fn the_built_in_corpus_answers_the_same() {
    assert_same_answers(&load(&[]), "built-in corpus");
}

#[test]
fn the_test_corpora_answer_the_same() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for name in ["fresh", "fresh2", "korean", "korean2", "formats"] {
        let dir = data.join(name);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        assert_same_answers(&load(&[dir]), name);
    }
}

#[test]
fn a_generated_corpus_answers_the_same() {
    let tmp = tempfile::tempdir().expect("tempdir");
    hotline::synth::write_corpus(tmp.path(), 11, 400).expect("corpus");
    assert_same_answers(&load(&[tmp.path().to_path_buf()]), "generated corpus");
}

/// Words the generated text uses, as typed and with one letter dropped:
/// streamed and full agree on queries made from the corpus itself too.
#[test]
fn queries_made_from_the_corpus_answer_the_same() {
    let tmp = tempfile::tempdir().expect("tempdir");
    hotline::synth::write_corpus(tmp.path(), 5, 150).expect("corpus");
    let timeline = load(&[tmp.path().to_path_buf()]);
    let index = SearchIndex::build(&timeline);
    let mut words: Vec<String> = timeline
        .articles
        .iter()
        .flat_map(|a| a.title.split_whitespace().map(str::to_lowercase))
        .filter(|w| w.chars().all(char::is_alphanumeric) && w.chars().count() >= 3)
        .collect();
    words.sort();
    words.dedup();
    for (n, w) in words.iter().take(60).enumerate() {
        let chars: Vec<char> = w.chars().collect();
        let typo: String = chars
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != chars.len() / 2 + 1)
            .map(|(_, c)| c)
            .collect();
        let head: String = chars.iter().take(3).collect();
        for q in [
            w.clone(),
            typo,
            format!("'{head}"),
            format!("{w} !{head}"),
            format!("{head} {}", words[(n * 7) % words.len()]),
        ] {
            let query = parse(&q).expect("valid query");
            let full = index.search(&timeline, &query);
            assert_eq!(stream::search(&timeline, &query), full, "query {q:?}");
        }
    }
}

fn word_files(cache: &Path) -> usize {
    fs::read_dir(cache.join("hotline")).map_or(0, |entries| {
        entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "hlw"))
            .count()
    })
}

#[test]
fn the_command_line_prints_the_same_json_cold_and_warm() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    fs::create_dir(&corpus).expect("mkdir");
    hotline::synth::write_corpus(&corpus, 3, 60).expect("corpus");
    let cache = tmp.path().join("cache");
    let search = |q: &str, extra: &[&str]| {
        let out = Command::cargo_bin("hotline")
            .expect("binary")
            .isolated()
            .env("XDG_CACHE_HOME", &cache)
            .args(["search", q, "--json"])
            .args(extra)
            .arg(&corpus)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    for q in ["xi call", "'phone !apec", "src:yon", "year:2020 tal"] {
        let no_cache = search(q, &["--no-cache"]);
        assert!(!no_cache.is_empty());
        let _ = fs::remove_dir_all(&cache);
        assert_eq!(search(q, &[]), no_cache, "{q}: first search");
        assert_eq!(word_files(&cache), 0, "a first search keeps no word index");
        assert_eq!(search(q, &[]), no_cache, "{q}: second search");
        assert_eq!(word_files(&cache), 1, "the second search keeps it");
        assert_eq!(search(q, &[]), no_cache, "{q}: from the word index");
    }
}
