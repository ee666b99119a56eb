//! The timeline in numbers (`hotline::stats`) and `hotline stats`: the
//! counts agree with the timeline they come from, a counterpart confines
//! them, and the command prints the tables (or JSON) the screen shows.
//! `show` on a pipe never goes through the pager.

use std::path::Path;

use assert_cmd::Command;
use hotline::stats::compute;
use hotline::ui::fixture;
use serde_json::Value;

/// The binary with every folder hotline keeps things in under `home`.
fn hotline(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("hotline").expect("the binary");
    cmd.env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("NO_COLOR");
    cmd
}

#[test]
fn the_counts_add_up_to_the_timeline() {
    let t = fixture::sample();
    let s = compute(&t, None);
    assert_eq!(s.calls, t.calls.len());
    assert_eq!(s.counterparts, ["Xi Jinping", "Donald Trump"]);
    let years: Vec<i32> = s.years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2020, 2021, 2022, 2023, 2024, 2025]);
    assert_eq!(
        s.years.iter().map(|y| y.total).sum::<usize>(),
        t.calls.len()
    );
    let y2025 = s.years.iter().find(|y| y.year == 2025).expect("2025");
    assert_eq!(
        (y2025.per_counterpart.clone(), y2025.total),
        (vec![1, 1], 2)
    );
    let eras: Vec<(String, usize)> = s.eras.iter().map(|e| (e.leader.clone(), e.calls)).collect();
    assert_eq!(
        eras,
        [
            ("Lee Jae-myung".to_string(), 2),
            ("Yoon Suk Yeol".to_string(), 0),
            ("Moon Jae-in".to_string(), 2)
        ]
    );
    let d2025 = s.durations.iter().find(|d| d.year == 2025).expect("2025");
    assert_eq!(
        (d2025.min, d2025.median, d2025.max, d2025.unknown),
        (Some(20), Some(25), Some(30), 0)
    );
    let d2021 = s.durations.iter().find(|d| d.year == 2021).expect("2021");
    assert_eq!((d2021.unknown, d2021.median), (1, None));
    assert_eq!(s.articles_per_call, [(1, 3), (3, 1)]);
    let articles: usize = t.calls.iter().map(|c| c.articles.len()).sum();
    assert_eq!(s.articles, articles);
    // Every article of a call is counted once under its outlet.
    assert_eq!(
        s.outlets.iter().map(|o| o.articles).sum::<usize>(),
        articles
    );
    let basis: usize = s.date_basis.iter().map(|(_, n)| n).sum();
    assert_eq!(basis, t.calls.len());
}

#[test]
fn a_counterpart_confines_every_count() {
    let t = fixture::sample();
    let xi = t.calls[0].counterpart;
    let s = compute(&t, Some(xi));
    assert_eq!(s.only.as_deref(), Some("Xi Jinping"));
    assert_eq!(s.calls, 3);
    assert_eq!(s.counterparts, ["Xi Jinping"]);
    assert!(s.years.iter().all(|y| y.per_counterpart.len() == 1));
    assert_eq!(s.eras.iter().map(|e| e.calls).sum::<usize>(), 3);
    assert!(!s.outlets.iter().any(|o| o.outlet.contains("Reuters")));
}

#[test]
fn no_calls_gives_empty_tables_not_a_panic() {
    let s = compute(&fixture::empty(), None);
    assert_eq!((s.calls, s.years.len(), s.durations.len()), (0, 0, 0));
}

#[test]
fn hotline_stats_prints_the_tables_of_the_built_in_corpus() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = hotline(home.path()).arg("stats").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for heading in [
        "all calls:",
        "calls per year",
        "calls per era",
        "durations in minutes",
        "outlets",
        "articles per call",
        "how the date was found",
    ] {
        assert!(text.contains(heading), "{heading}\n{text}");
    }
    assert!(text.contains("Xi Jinping"), "{text}");
    // The 2020 row: one call with Xi, one in all.
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("2020 "))
        .unwrap_or_default();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells, ["2020", "1", "1"], "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn hotline_stats_json_agrees_with_list() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = hotline(home.path())
        .args(["stats", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let list = hotline(home.path()).arg("list").output().expect("runs");
    let calls = String::from_utf8_lossy(&list.stdout)
        .lines()
        .filter(|l| l.contains('↔'))
        .count();
    assert_eq!(json["calls"], calls);
    let per_year: u64 = json["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| y["total"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(per_year, calls as u64);
}

#[test]
fn show_to_a_pipe_never_starts_the_pager() {
    let home = tempfile::tempdir().expect("temp dir");
    let marker = home.path().join("pager-ran");
    let pager = format!("touch {}", marker.display());
    let out = hotline(home.path())
        .args(["show", "2020-02-20-moon-xi"])
        .env("PAGER", pager)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("2020-02-20"));
    assert!(!marker.exists(), "the pager ran for a pipe");
}
