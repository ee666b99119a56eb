//! `hotline search --json` on the embedded corpus: the calls each query
//! finds, the JSON shape (SPEC §4), and clear errors for bad queries.

mod support;

use std::collections::BTreeSet;
use support::home::Isolated;

use assert_cmd::Command;
use serde_json::Value;

fn search(query: &str) -> Value {
    let out = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .args(["search", query, "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn calls(query: &str) -> BTreeSet<String> {
    let v = search(query);
    v["hits"]
        .as_array()
        .expect("hits array")
        .iter()
        .map(|h| h["call"].as_str().unwrap_or("-").to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn apec_finds_only_the_2025_call() {
    assert_eq!(calls("apec"), set(&["2025-06-10-lee-xi"]));
}

#[test]
fn covid_finds_the_two_moon_calls() {
    assert_eq!(
        calls("covid"),
        set(&["2020-02-20-moon-xi", "2021-01-26-moon-xi"])
    );
}

#[test]
fn denuc_finds_the_calls_that_discussed_denuclearization() {
    assert_eq!(
        calls("denuc"),
        set(&["2020-02-20-moon-xi", "2025-06-10-lee-xi"])
    );
}

#[test]
fn era_moon_is_the_moon_calls() {
    assert_eq!(
        calls("era:moon"),
        set(&["2020-02-20-moon-xi", "2021-01-26-moon-xi"])
    );
}

#[test]
fn src_yonhap_is_the_2020_report() {
    let v = search("src:yonhap");
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["article"], "004_534532e4a34e8250");
    assert_eq!(hits[0]["call"], "2020-02-20-moon-xi");
}

#[test]
fn not_covid_leaves_the_lee_call() {
    assert_eq!(calls("!covid"), set(&["2025-06-10-lee-xi"]));
    assert_eq!(search("!covid")["hits"].as_array().expect("hits").len(), 3);
}

#[test]
fn json_has_the_contract_fields() {
    let v = search("apec");
    assert_eq!(v["query"], "apec");
    for hit in v["hits"].as_array().expect("hits") {
        assert!(hit["article"].is_string());
        assert!(hit["call"].is_string() || hit["call"].is_null());
        assert!(hit["score"].is_number());
        assert!(hit["snippet"].is_string());
    }
    let scores: Vec<i64> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["score"].as_i64())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[test]
fn malformed_query_fails_with_a_message() {
    let out = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .args(["search", "covid !"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lone `!`"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn text_output_has_no_escape_codes() {
    let out = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .args(["search", "xi"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains('\u{1b}'));
    assert_eq!(text.lines().count(), 5);
    assert!(text.lines().all(|l| l.split('\t').count() == 4));
}
