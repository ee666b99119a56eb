//! `list --query Q` and `export --query Q` keep exactly what `search Q`
//! finds: the calls of its hits (whole) and its hits placed in no call;
//! the same cold (streamed), second and warm (kept word index) and
//! without a cache; and an empty query (which matches everything) prints
//! what no query prints.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use support::home::Isolated;

const QUERIES: &[&str] = &[
    "xi call",
    "'phone !apec",
    "src:yon",
    "year:2020 tal",
    "ㅌㅎ",
    "zzqx",
];

fn run(cache: &Path, corpus: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .env("XDG_CACHE_HOME", cache)
        .args(args)
        .arg(corpus)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("json")
}

fn ids<'a>(values: impl IntoIterator<Item = &'a Value>, key: &str) -> BTreeSet<String> {
    values
        .into_iter()
        .filter_map(|v| v[key].as_str().map(str::to_string))
        .collect()
}

fn corpus(dir: &Path) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).expect("mkdir");
    hotline::synth::write_corpus(&corpus, 5, 80).expect("corpus");
    corpus
}

#[test]
fn a_query_keeps_exactly_the_calls_and_articles_search_finds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = corpus(tmp.path());
    let cache = tmp.path().join("cache");
    let all = json(&run(&cache, &corpus, &["export", "--format", "json"]));
    let mut narrowed_some = false;
    for q in QUERIES {
        let found = json(&run(&cache, &corpus, &["search", q, "--json"]));
        let hits = found["hits"].as_array().expect("hits");
        let calls = ids(hits, "call");
        let loose: BTreeSet<String> = hits
            .iter()
            .filter(|h| h["call"].is_null())
            .filter_map(|h| h["article"].as_str().map(str::to_string))
            .collect();

        let listed = json(&run(&cache, &corpus, &["list", "--json", "--query", q]));
        let listed = listed.as_array().expect("calls");
        assert_eq!(ids(listed, "id"), calls, "{q}: list --json");

        let doc = json(&run(&cache, &corpus, &["export", "-q", q]));
        let kept_calls = doc["calls"].as_array().expect("calls");
        assert_eq!(ids(kept_calls, "id"), calls, "{q}: export calls");
        let mut articles = loose.clone();
        for call in kept_calls {
            for a in call["articles"].as_array().expect("articles") {
                articles.insert(a.as_str().expect("id").to_string());
            }
        }
        let exported = doc["articles"].as_array().expect("articles");
        assert_eq!(ids(exported, "id"), articles, "{q}: export articles");
        for era in doc["eras"].as_array().expect("eras") {
            for c in era["calls"].as_array().expect("calls") {
                assert!(calls.contains(c.as_str().expect("id")), "{q}: era call");
            }
        }
        narrowed_some |=
            !calls.is_empty() && calls.len() < all["calls"].as_array().map_or(0, Vec::len);

        let csv = run(
            &cache,
            &corpus,
            &["export", "--format", "csv", "--query", q],
        );
        let csv = String::from_utf8(csv).expect("utf-8");
        let csv_ids: BTreeSet<String> = csv
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next().map(str::to_string))
            .collect();
        assert_eq!(csv_ids, calls, "{q}: csv");

        let text = String::from_utf8(run(&cache, &corpus, &["list", "-q", q])).expect("utf-8");
        let loose_lines = text
            .lines()
            .filter(|l| l.starts_with("not in a call"))
            .count();
        assert_eq!(loose_lines, loose.len(), "{q}: list's articles in no call");
    }
    assert!(narrowed_some, "some query keeps some calls and not all");
}

#[test]
fn no_query_or_an_empty_one_prints_the_whole_timeline() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = corpus(tmp.path());
    let cache = tmp.path().join("cache");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["export"],
        &["export", "--format", "csv"],
        &["export", "--format", "csv", "--what", "articles"],
        &["export", "--format", "markdown"],
    ] {
        let whole = run(&cache, &corpus, args);
        let with_empty = run(&cache, &corpus, &[args, &["--query", ""]].concat());
        assert_eq!(with_empty, whole, "{args:?}");
    }
}

#[test]
fn cold_second_and_warm_answers_are_the_same() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = corpus(tmp.path());
    let cache = tmp.path().join("cache");
    for q in QUERIES {
        for args in [&["list", "--query", q][..], &["export", "--query", q]] {
            let no_cache = run(&cache, &corpus, &[args, &["--no-cache"]].concat());
            let _ = fs::remove_dir_all(&cache);
            assert_eq!(run(&cache, &corpus, args), no_cache, "{args:?}: cold");
            assert_eq!(run(&cache, &corpus, args), no_cache, "{args:?}: second");
            assert_eq!(run(&cache, &corpus, args), no_cache, "{args:?}: warm");
        }
    }
}
