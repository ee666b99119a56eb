//! Real news is the standard: the 25 real articles of `../shared/devset/`
//! read through the real binary score 100% with the shared scorer
//! (`../shared/tools/eval.py`), and the seeds keep scoring 100% with it too.

mod support;

use std::path::Path;
use std::process::Command as Process;
use support::home::Isolated;

use assert_cmd::Command;

/// `hotline export --format json` of `corpus` (none: the embedded one),
/// scored by the shared evaluator against `gold`: (score line, misses).
fn score(corpus: Option<&str>, gold: &str) -> (String, Vec<String>) {
    let shared = Path::new("../shared");
    assert!(
        shared.join("tools/eval.py").is_file(),
        "../shared/tools/eval.py is missing: the dev set sits beside the checkout"
    );
    let mut export = Command::cargo_bin("hotline").expect("binary built");
    export.isolated();
    export.args(["export", "--format", "json"]);
    if let Some(dir) = corpus {
        export.arg(dir);
    }
    let output = export.output().expect("hotline runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("export.json");
    std::fs::write(&json, &output.stdout).expect("export written");
    let eval = Process::new("python3")
        .arg("../shared/tools/eval.py")
        .arg(&json)
        .arg(gold)
        .arg("--verbose")
        .output()
        .expect("python3 runs the shared evaluator");
    let text = String::from_utf8_lossy(&eval.stdout).into_owned();
    let misses = text
        .lines()
        .filter(|l| l.starts_with("miss:") || l.starts_with("note:"))
        .map(str::to_string)
        .collect();
    let line = text
        .lines()
        .find(|l| l.starts_with("score "))
        .unwrap_or_default()
        .to_string();
    (line, misses)
}

#[test]
fn every_dev_set_fact_is_right() {
    let (line, misses) = score(
        Some("../shared/devset/articles"),
        "../shared/devset/gold.json",
    );
    assert!(line.ends_with("= 100.0%"), "{line}\n{}", misses.join("\n"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn every_seed_fact_is_right_by_the_shared_scorer() {
    let (line, misses) = score(None, "../shared/seeds/gold.json");
    assert!(line.ends_with("= 100.0%"), "{line}\n{}", misses.join("\n"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

/// Our own articles in the same styles (`tests/data/fresh/`): other
/// outlets, other leaders, US-side dates and times, meetings that mention a
/// call, a roundup, machine translation, page noise.
#[test]
fn every_fresh_article_fact_is_right() {
    let (line, misses) = score(
        Some("tests/data/fresh/articles"),
        "tests/data/fresh/gold.json",
    );
    assert!(line.ends_with("= 100.0%"), "{line}\n{}", misses.join("\n"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

/// A second batch of our own: readouts (White House, MOFA, Xinhua), Korean
/// dailies with e-mail sign-offs, "the previous day", Seoul clocks in
/// Washington stories, related-stories lists, meetings, undated pages.
#[test]
fn every_second_batch_article_fact_is_right() {
    let (line, misses) = score(
        Some("tests/data/fresh2/articles"),
        "tests/data/fresh2/gold.json",
    );
    assert!(line.ends_with("= 100.0%"), "{line}\n{}", misses.join("\n"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
