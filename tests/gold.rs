//! The embedded corpus read through the real binary must match the expected
//! reading in `tests/data/gold.json` (a copy of `shared/seeds/gold.json`).

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use support::home::Isolated;

use assert_cmd::Command;
use serde_json::Value;

fn export() -> Value {
    let output = Command::cargo_bin("hotline")
        .unwrap()
        .isolated()
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn gold() -> Value {
    let text = std::fs::read_to_string("tests/data/gold.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn stem(file: &str) -> &str {
    file.strip_suffix(".txt").unwrap_or(file)
}

/// Topics the program reports beyond gold.json, each with the words in the
/// article that state it. gold.json leaves "denuclearization" off the
/// 2025-06-10 call although article 001 says Lee asked China to play "a
/// constructive role in achieving denuclearization" during that call; the
/// lexicon reports what the text says, so this test pins that one
/// difference exactly instead of loosening the comparison.
const REPORTED_BEYOND_GOLD: &[(&str, &str, &str, &str)] = &[(
    "2025-06-10",
    "denuclearization",
    "001_cd7f0beace2aceae.txt",
    "constructive role in achieving denuclearization",
)];

#[test]
fn export_matches_gold_calls() {
    let ours = export();
    let gold = gold();
    assert_eq!(ours["schema"], "hotline.timeline/1");
    let our_calls = ours["calls"].as_array().unwrap();
    let gold_calls = gold["calls"].as_array().unwrap();
    assert_eq!(our_calls.len(), gold_calls.len(), "{our_calls:#?}");
    for (mine, expected) in our_calls.iter().zip(gold_calls) {
        let date = expected["date"].as_str().unwrap();
        assert_eq!(mine["date"], expected["date"]);
        assert_eq!(
            mine["participants"],
            serde_json::json!([expected["korean_leader"], expected["counterpart"]]),
            "{date}"
        );
        assert_eq!(mine["era"], expected["korean_leader"], "{date}");
        assert_eq!(
            mine["duration_minutes"], expected["duration_minutes"],
            "{date}"
        );
        assert_eq!(mine["start_time"], expected["start_time"], "{date}");
        let articles: BTreeSet<&str> = mine["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let files: BTreeSet<&str> = expected["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| stem(f.as_str().unwrap()))
            .collect();
        assert_eq!(articles, files, "{date}");

        let mut want: Vec<&str> = expected["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        for (on, topic, _, _) in REPORTED_BEYOND_GOLD {
            if *on == date {
                want.push(topic);
            }
        }
        let got: BTreeSet<&str> = mine["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(got, want.into_iter().collect(), "topics of {date}");
    }
}

#[test]
fn topics_beyond_gold_are_stated_in_the_articles() {
    for (_, _, file, words) in REPORTED_BEYOND_GOLD {
        let text = std::fs::read_to_string(Path::new("assets/articles").join(file)).unwrap();
        assert!(text.contains(words), "{file} no longer says {words:?}");
    }
}

#[test]
fn export_matches_gold_topics_order_where_gold_is_complete() {
    // Calls list topics in lexicon order; gold.json lists them in the same
    // order, so where the sets agree the sequences must too.
    let ours = export();
    let gold = gold();
    for (mine, expected) in ours["calls"]
        .as_array()
        .unwrap()
        .iter()
        .zip(gold["calls"].as_array().unwrap())
    {
        let beyond = |t: &Value| {
            REPORTED_BEYOND_GOLD
                .iter()
                .any(|(on, topic, _, _)| mine["date"] == *on && t.as_str() == Some(topic))
        };
        let mine: Vec<&Value> = mine["topics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| !beyond(t))
            .collect();
        let expected: Vec<&Value> = expected["topics"].as_array().unwrap().iter().collect();
        assert_eq!(mine, expected);
    }
}

#[test]
fn export_matches_gold_articles() {
    let ours = export();
    let gold = gold();
    let calls = ours["calls"].as_array().unwrap();
    let articles = ours["articles"].as_array().unwrap();
    let expected = gold["articles"].as_object().unwrap();
    assert_eq!(articles.len(), expected.len());
    for (file, want) in expected {
        let mine = articles
            .iter()
            .find(|a| a["file"] == file.as_str())
            .unwrap_or_else(|| panic!("{file} missing"));
        assert_eq!(mine["id"], stem(file));
        assert_eq!(mine["published"], want["published"], "{file}");
        assert_eq!(mine["source"], want["source"], "{file}");
        let call = calls
            .iter()
            .find(|c| c["id"] == mine["call"])
            .unwrap_or_else(|| panic!("{file} is in no call"));
        assert_eq!(call["date"], want["call_date"], "{file}");
        assert!(
            mine["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{file}"
        );
        assert!(mine["words"].as_u64().unwrap() > 50, "{file}");
        assert_eq!(mine["warnings"], serde_json::json!([]), "{file}");
    }
}

#[test]
fn export_matches_gold_eras() {
    let ours = export();
    let gold = gold();
    let eras = ours["eras"].as_array().unwrap();
    let expected = gold["eras"].as_array().unwrap();
    assert_eq!(eras.len(), expected.len(), "{eras:#?}");
    for (mine, want) in eras.iter().zip(expected) {
        assert_eq!(mine["leader"], want["leader"]);
        assert_eq!(mine["from"], want["from"]);
        assert_eq!(mine["to"], want["to"]);
    }
    // Yoon's era holds no call in this corpus and is listed all the same.
    assert_eq!(eras[1]["calls"], serde_json::json!([]));
}

#[test]
fn undated_bloomberg_article_joins_by_inference() {
    let output = Command::cargo_bin("hotline")
        .unwrap()
        .isolated()
        .args(["show", "003_2c1f4e09e345c561"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("call: 2025-06-10-lee-xi"), "{text}");
    assert!(text.contains("date inferred"), "{text}");
}

#[test]
fn embedded_corpus_and_gold_copy_match_the_shared_seeds() {
    // CI has shared/ beside the clone; elsewhere there is nothing to compare.
    let shared = Path::new("../shared/seeds");
    if !shared.is_dir() {
        return;
    }
    let gold_shared = std::fs::read(shared.join("gold.json")).unwrap();
    assert_eq!(gold_shared, std::fs::read("tests/data/gold.json").unwrap());
    for entry in std::fs::read_dir(shared).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap();
            let ours = std::fs::read(Path::new("assets/articles").join(name)).unwrap();
            assert_eq!(ours, std::fs::read(&path).unwrap(), "{name:?}");
        }
    }
}
