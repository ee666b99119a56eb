//! A one-shot search from a kept word index reads only the words its
//! query can match (`query::kept::read_for`): its answer is the full
//! index's, the same hits, order, scores and snippets, for every kind of
//! query (words, prefixes, typos, exact, phrases, negation, fields, `is:`,
//! Korean words, stems and 초성), on the test corpora and generated ones,
//! with queries made from the corpus itself too.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use hotline::model::Timeline;
use hotline::pipeline::load::{self, Inputs, Lexicon};
use hotline::query::{SearchIndex, WordIndex, kept, parse};
use support::queries::{QUERIES, assert_same_hits};

fn load(dir: &Path) -> Timeline {
    load::load(
        &Inputs::from_paths(vec![dir.to_path_buf()]),
        &Lexicon::embedded(),
    )
}

/// Words of the corpus (its vocabulary, every step-th word), with
/// typos, prefixes, phrases and pairs made of them.
fn corpus_queries(index: &WordIndex) -> Vec<String> {
    let mut words: Vec<String> = index
        .vocab
        .iter()
        .filter(|w| w.chars().all(char::is_alphanumeric) && w.chars().count() >= 2)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    let mut queries = Vec::new();
    let step = (words.len() / 20).max(1);
    for (n, w) in words.iter().step_by(step).enumerate() {
        let chars: Vec<char> = w.chars().collect();
        let typo: String = chars
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != chars.len() / 2)
            .map(|(_, c)| c)
            .collect();
        let head: String = chars.iter().take(2).collect();
        let other = &words[(n * 7) % words.len()];
        queries.extend([
            w.clone(),
            typo,
            head.clone(),
            format!("'{head}"),
            format!("{w} !{head}"),
            format!("\"{w} {other}\""),
            format!("{head} {other}"),
        ]);
    }
    queries
}

/// Every query answered from the word index read whole and read for the
/// query alone: equal.
fn assert_same_answers(timeline: &Timeline, what: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("w.hlw");
    let words = WordIndex::build(&timeline.articles);
    let key = kept::key_of(&timeline.articles);
    let n = timeline.articles.len();
    fs::write(&path, kept::encode(key, &words).expect("encodes")).expect("write");
    assert_eq!(
        kept::read(&path, key, n),
        Ok(Some(words.clone())),
        "{what}: read whole"
    );
    let full = SearchIndex::build(timeline);
    let mut queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
    queries.extend(corpus_queries(&words));
    assert_same_hits(what, queries.iter().map(String::as_str), |query| {
        let some = kept::read_for(&path, key, n, query)
            .expect("reads")
            .expect("kept for these articles");
        (
            SearchIndex::with_words(timeline, some).search(timeline, query),
            full.search(timeline, query),
        )
    });
}

#[test]
fn the_test_corpora_answer_the_same() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for name in ["fresh", "fresh2", "korean", "korean2", "formats"] {
        let dir = data.join(name);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        assert_same_answers(&load(&dir), name);
    }
}

#[test]
fn generated_corpora_answer_the_same() {
    for (seed, count) in [(11, 400), (5, 150)] {
        let tmp = tempfile::tempdir().expect("tempdir");
        hotline::synth::write_corpus(tmp.path(), seed, count).expect("corpus");
        let dir: PathBuf = tmp.path().to_path_buf();
        assert_same_answers(&load(&dir), &format!("generated {seed}"));
    }
}

/// A query that reads few words decodes few: the partial index is
/// smaller than the whole (the point of reading it so).
#[test]
fn a_narrow_query_reads_few_words() {
    let tmp = tempfile::tempdir().expect("tempdir");
    hotline::synth::write_corpus(tmp.path(), 11, 200).expect("corpus");
    let timeline = load(tmp.path());
    let words = WordIndex::build(&timeline.articles);
    let key = kept::key_of(&timeline.articles);
    let path = tmp.path().join("w.hlw");
    fs::write(&path, kept::encode(key, &words).expect("encodes")).expect("write");
    let n = timeline.articles.len();
    let read = |q: &str| {
        kept::read_for(&path, key, n, &parse(q).expect("query"))
            .expect("reads")
            .expect("kept")
    };
    let apec = read("apec");
    assert!(!apec.vocab.is_empty());
    assert!(apec.vocab.iter().all(|w| w.starts_with("ap")));
    assert!(apec.vocab.len() * 10 < words.vocab.len());
    assert!(read("src:yon").vocab.is_empty(), "fields read no words");
}
