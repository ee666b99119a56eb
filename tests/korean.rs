//! Korean articles (issue 14): the fixture folder `tests/data/korean/`
//! (ten Korean articles and one English report of the same call as two of
//! them) read through the real binary scores 100% with the shared scorer,
//! and every call fact and every outlet is asserted here as well, so a
//! regression names the fact it broke.

mod support;

use std::path::Path;
use std::process::Command as Process;
use support::home::Isolated;

use assert_cmd::Command;
use serde_json::Value;

const ARTICLES: &str = "tests/data/korean/articles";

/// One call of the fixture, as the export must state it.
struct Call {
    files: &'static [&'static str],
    date: &'static str,
    home: &'static str,
    counterpart: &'static str,
    minutes: Option<u64>,
    start: Option<&'static str>,
}

const CALLS: &[Call] = &[
    Call {
        files: &["k01_yna_moon_trump_first_call"],
        date: "2017-05-10",
        home: "Moon Jae-in",
        counterpart: "Donald Trump",
        minutes: Some(30),
        start: Some("22:30"),
    },
    Call {
        files: &["k04_chosun_moon_trump_envoy"],
        date: "2018-09-04",
        home: "Moon Jae-in",
        counterpart: "Donald Trump",
        minutes: Some(45),
        start: Some("22:00"),
    },
    Call {
        files: &["k02_cwd_briefing_moon_xi", "k03_hani_moon_xi_next_day"],
        date: "2020-05-13",
        home: "Moon Jae-in",
        counterpart: "Xi Jinping",
        minutes: Some(34),
        start: Some("21:00"),
    },
    Call {
        files: &["k05_newsis_yoon_biden_elect"],
        date: "2022-03-10",
        home: "Yoon Suk Yeol",
        counterpart: "Joe Biden",
        minutes: Some(20),
        start: Some("08:40"),
    },
    Call {
        files: &["k10_donga_han_acting_trump"],
        date: "2025-04-08",
        home: "Han Duck-soo",
        counterpart: "Donald Trump",
        minutes: Some(28),
        start: Some("21:00"),
    },
    Call {
        files: &["k11_hankook_moon_biden_first"],
        date: "2021-02-04",
        home: "Moon Jae-in",
        counterpart: "Joe Biden",
        minutes: Some(32),
        start: Some("08:25"),
    },
    Call {
        files: &["k06_kbs_lee_trump_yesterday"],
        date: "2025-06-06",
        home: "Lee Jae-myung",
        counterpart: "Donald Trump",
        minutes: Some(20),
        start: Some("22:00"),
    },
    // Two Korean reports and one English one: a single call.
    Call {
        files: &[
            "k07_yna_lee_xi_first_call",
            "k08_herald_lee_xi_english",
            "k09_news1_lee_xi_phone_summit",
        ],
        date: "2025-06-10",
        home: "Lee Jae-myung",
        counterpart: "Xi Jinping",
        minutes: Some(30),
        start: Some("11:30"),
    },
];

/// (article, published, source) for every file of the fixture.
const ARTICLE_FACTS: &[(&str, &str, &str)] = &[
    ("k01_yna_moon_trump_first_call", "2017-05-10", "Yonhap"),
    ("k02_cwd_briefing_moon_xi", "2020-05-13", "Cheong Wa Dae"),
    ("k03_hani_moon_xi_next_day", "2020-05-14", "Hankyoreh"),
    ("k04_chosun_moon_trump_envoy", "2018-09-05", "Chosun"),
    ("k05_newsis_yoon_biden_elect", "2022-03-10", "Newsis"),
    ("k06_kbs_lee_trump_yesterday", "2025-06-07", "KBS"),
    ("k07_yna_lee_xi_first_call", "2025-06-10", "Yonhap"),
    ("k08_herald_lee_xi_english", "2025-06-10", "Korea Herald"),
    ("k09_news1_lee_xi_phone_summit", "2025-06-10", "News1"),
    ("k10_donga_han_acting_trump", "2025-04-09", "Dong-A"),
    ("k11_hankook_moon_biden_first", "2021-02-04", "Hankook Ilbo"),
];

/// `hotline export --format json` of the fixture folder.
fn export() -> Vec<u8> {
    let output = Command::cargo_bin("hotline")
        .expect("binary built")
        .isolated()
        .args(["export", ARTICLES, "--format", "json"])
        .output()
        .expect("hotline runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn the_shared_scorer_gives_every_fact() {
    assert!(
        Path::new("../shared/tools/eval.py").is_file(),
        "../shared/tools/eval.py is missing: the scorer sits beside the checkout"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("export.json");
    std::fs::write(&json, export()).expect("export written");
    let eval = Process::new("python3")
        .arg("../shared/tools/eval.py")
        .arg(&json)
        .arg("tests/data/korean/gold.json")
        .arg("--verbose")
        .output()
        .expect("python3 runs the shared evaluator");
    let text = String::from_utf8_lossy(&eval.stdout);
    let misses: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("miss:") || l.starts_with("note:"))
        .collect();
    let line = text.lines().find(|l| l.starts_with("score ")).unwrap_or("");
    assert!(line.ends_with("= 100.0%"), "{line}\n{}", misses.join("\n"));
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

fn parsed() -> Value {
    serde_json::from_slice(&export()).expect("export is JSON")
}

fn text<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

#[test]
fn every_call_fact_is_stated() {
    let out = parsed();
    let calls = out["calls"].as_array().expect("calls");
    for want in CALLS {
        let call = calls
            .iter()
            .find(|c| {
                c["articles"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|id| id.as_str() == Some(want.files[0])))
            })
            .unwrap_or_else(|| panic!("no call holds {}", want.files[0]));
        let mut articles: Vec<&str> = call["articles"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        articles.sort_unstable();
        assert_eq!(articles, want.files, "grouping of {}", want.files[0]);
        assert_eq!(
            text(call, "date"),
            Some(want.date),
            "date of {}",
            want.files[0]
        );
        let people: Vec<&str> = call["participants"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(
            people,
            [want.home, want.counterpart],
            "leaders of {}",
            want.files[0]
        );
        assert_eq!(
            call["duration_minutes"].as_u64(),
            want.minutes,
            "length of {}",
            want.files[0]
        );
        assert_eq!(
            text(call, "start_time"),
            want.start,
            "start of {}",
            want.files[0]
        );
    }
    assert_eq!(calls.len(), CALLS.len(), "no call beyond the fixture's");
}

#[test]
fn every_outlet_and_publication_date_is_stated() {
    let out = parsed();
    let articles = out["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), ARTICLE_FACTS.len());
    for &(id, published, source) in ARTICLE_FACTS {
        let a = articles
            .iter()
            .find(|a| text(a, "id") == Some(id))
            .unwrap_or_else(|| panic!("{id} not exported"));
        assert_eq!(text(a, "published"), Some(published), "published of {id}");
        assert_eq!(text(a, "source"), Some(source), "source of {id}");
    }
}

/// The generator's Korean reports (a share of every synthetic corpus)
/// read right: each joins a call with its planned date, leaders, length
/// and (when stated) start, and its credited outlet.
#[test]
fn generated_korean_reports_read_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let gold_path = dir.path().join("gold.json");
    hotline::synth::write_corpus_with_gold(&corpus, 2024, 300, &gold_path).expect("written");
    let gold: Value =
        serde_json::from_slice(&std::fs::read(&gold_path).expect("gold read")).expect("gold");
    let korean = dir.path().join("korean");
    std::fs::create_dir_all(&korean).expect("dir");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&corpus).expect("corpus listed") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("article read");
        if text.contains("전화통화를 했다") {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            std::fs::write(korean.join(name), &text).expect("copied");
            files.push((name.to_string(), text));
        }
    }
    assert!(files.len() >= 20, "{} Korean reports", files.len());
    let output = Command::cargo_bin("hotline")
        .expect("binary built")
        .isolated()
        .args(["export", "--format", "json"])
        .arg(&korean)
        .output()
        .expect("hotline runs");
    let out: Value = serde_json::from_slice(&output.stdout).expect("export is JSON");
    let calls = out["calls"].as_array().expect("calls");
    for (name, text) in &files {
        let id = name.trim_end_matches(".txt");
        let want = gold["calls"]
            .as_array()
            .and_then(|cs| {
                cs.iter().find(|c| {
                    c["files"]
                        .as_array()
                        .is_some_and(|f| f.iter().any(|f| f.as_str() == Some(name)))
                })
            })
            .expect("gold call");
        let got = calls
            .iter()
            .find(|c| {
                c["articles"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|a| a.as_str() == Some(id)))
            })
            .unwrap_or_else(|| panic!("{name} joins no call:\n{text}"));
        assert_eq!(got["date"], want["date"], "{text}");
        let people = [&want["korean_leader"], &want["counterpart"]];
        assert_eq!(
            got["participants"]
                .as_array()
                .map(|p| p.iter().collect::<Vec<_>>()),
            Some(people.to_vec()),
            "{text}"
        );
        assert_eq!(got["duration_minutes"], want["duration_minutes"], "{text}");
        if text.contains("시부터") || text.contains("분부터") {
            assert_eq!(got["start_time"], want["start_time"], "{text}");
        }
        let article = &gold["articles"][name.as_str()];
        let exported = out["articles"]
            .as_array()
            .and_then(|a| a.iter().find(|a| a["id"].as_str() == Some(id)))
            .expect("article exported");
        assert_eq!(exported["source"], article["source"], "{text}");
        assert_eq!(exported["published"], article["published"], "{text}");
    }
}
