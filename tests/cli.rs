//! The command line as a user meets it: real binary, real files.

mod support;

use std::fs;
use std::path::Path;
use support::home::Isolated;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn hotline() -> Command {
    let mut cmd = Command::cargo_bin("hotline").expect("the binary is built");
    cmd.isolated();
    cmd
}

/// A folder of articles written for these tests (not the seeds).
fn corpus(dir: &Path) {
    fs::write(
        dir.join("yoon_biden.txt"),
        " date 2022-05-12 Yoon and Biden discuss summit by phone\n\n\
         SEOUL, May 12 (Yonhap) -- President Yoon Suk Yeol held a phone call with U.S. President \
         Joe Biden on Thursday, discussing North Korea's ballistic missile launches and supply chains.\n\n\
         The two leaders spoke for about 25 minutes, starting at 9 p.m., the presidential office said.\n\n\
         (Yonhap)\n",
    )
    .unwrap();
    fs::write(
        dir.join("yoon_biden_2.txt"),
        " date 2022-05-12 Yoon, Biden hold first phone talks\n\n\
         South Korean President Yoon Suk Yeol and U.S. President Joe Biden held a 32-minute \
         telephone conversation on Thursday, Yoon's office said. They discussed supply chains.\n\n\
         By Kim Min-ji, The Korea Herald\n",
    )
    .unwrap();
    fs::write(
        dir.join("moon_abe.txt"),
        " date 2017-05-11 Moon, Abe talk by phone\n\n\
         TOKYO, May 11 (Kyodo) -- South Korean President Moon Jae-in and Japanese Prime Minister \
         Shinzo Abe spoke by phone on Thursday for about 25 minutes.\n",
    )
    .unwrap();
}

#[test]
fn list_shows_calls_newest_first_with_majority_minutes() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = hotline().arg("list").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("2022-05-12  Yoon Suk Yeol ↔ Joe Biden"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("2017-05-11  Moon Jae-in ↔ Shinzo Abe"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no escape codes in a pipe");
}

#[test]
fn show_call_keeps_disagreement_visible() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = hotline()
        .args(["show", "2022-05-12-yoon-biden"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    // 25 vs 32 minutes: a tie, kept visible with each outlet's figure.
    assert!(text.contains("majority;"), "{text}");
    assert!(text.contains("25 min") && text.contains("32 min"), "{text}");
    assert!(text.contains("start      21:00"), "{text}");
}

#[test]
fn list_json_is_the_calls_of_the_export() {
    let list: Value =
        serde_json::from_slice(&hotline().args(["list", "--json"]).output().unwrap().stdout)
            .unwrap();
    let export: Value = serde_json::from_slice(
        &hotline()
            .args(["export", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(list, export["calls"]);
}

#[test]
fn show_accepts_a_unique_prefix_and_rejects_an_ambiguous_one() {
    hotline()
        .args(["show", "004"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Yonhap"));
    hotline()
        .args(["show", "00"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("ambiguous"));
    hotline()
        .args(["show", "no-such-thing"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no call or article"));
}

#[test]
fn export_csv_and_markdown() {
    let csv = hotline()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("id,date,date_basis,era,"), "{text}");
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("2025-06-10-lee-xi,2025-06-10,"), "{text}");
    let md = hotline()
        .args(["export", "--format", "markdown"])
        .output()
        .unwrap();
    let text = String::from_utf8(md.stdout).unwrap();
    assert!(
        text.contains("## Yoon Suk Yeol (2022-05-10 – 2025-04-04)"),
        "{text}"
    );
    assert!(text.contains("No calls in this corpus."), "{text}");
}

#[test]
fn check_reports_bad_files_by_name_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    fs::write(dir.path().join("binary.txt"), b"abc\0def").unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b" date 2020-02-20\nCaf\xe9 talk by phone.\n",
    )
    .unwrap();
    let out = hotline().arg("check").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("binary.txt"), "{text}");
    assert!(text.contains("empty.txt"), "{text}");
    assert!(text.contains("latin1.txt"), "{text}");
    // The good files still load.
    assert!(text.contains("2022-05-12-yoon-biden"), "{text}");
}

#[test]
fn check_on_good_files_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    hotline().arg("check").arg(dir.path()).assert().success();
    hotline().arg("check").assert().success();
}

#[test]
fn reading_never_modifies_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    fs::write(dir.path().join("binary.txt"), b"abc\0def").unwrap();
    let snapshot = |dir: &Path| {
        let mut files: Vec<(String, Vec<u8>, std::time::SystemTime)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let meta = e.metadata().unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                    meta.modified().unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(dir.path());
    for args in [
        vec!["list"],
        vec!["check"],
        vec!["export"],
        vec!["search", "phone"],
    ] {
        let _ = hotline().args(&args).arg(dir.path()).output().unwrap();
    }
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn escape_sequences_in_articles_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("evil.txt"),
        " date 2020-02-20 Moon and Xi talk \x1b]0;pwned\x07by phone\n\n\
         South Korean President Moon Jae-in spoke with Chinese President Xi Jinping on Thursday \
         \x1b]52;c;ZXZpbA==\x07for 30 minutes.\x1b[2J\n",
    )
    .unwrap();
    for args in [
        vec!["list"],
        vec!["show", "evil"],
        vec!["export", "--format", "markdown"],
        vec!["check"],
    ] {
        let out = hotline().args(&args).arg(dir.path()).output().unwrap();
        assert!(
            !out.stdout.contains(&0x1b),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(!out.stderr.contains(&0x1b), "{args:?}");
    }
}

#[test]
fn missing_path_is_a_warning_naming_it() {
    hotline()
        .args(["list", "/no/such/dir/here"])
        .assert()
        .stderr(predicate::str::contains("/no/such/dir/here"));
}

#[test]
fn bad_leaders_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leaders.toml");
    fs::write(&path, "this is not toml [").unwrap();
    hotline()
        .args(["list", "--leaders"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("leaders.toml"));
}

#[test]
fn closing_the_pipe_early_is_not_an_error() {
    // `hotline export | head -c 10`: the writer sees EPIPE; exit quietly.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hotline"))
        .isolated()
        .args(["export", "--format", "markdown"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
