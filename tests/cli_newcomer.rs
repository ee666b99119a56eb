//! The command line errors a newcomer met (issue 11, item 8; issue 10,
//! item 11): missing paths, subcommand typos, `show` blaming the right
//! thing, `--help` describing every argument, CSV of the articles, and
//! every printed id accepted back by `show`.

mod support;

use std::fs;
use std::time::Duration;
use support::home::Isolated;

use assert_cmd::Command;
use predicates::prelude::*;

fn hotline() -> Command {
    let mut cmd = Command::cargo_bin("hotline").expect("the binary is built");
    cmd.isolated();
    cmd.timeout(Duration::from_secs(60));
    cmd
}

#[test]
fn a_path_that_does_not_exist_is_an_error_naming_it() {
    for args in [
        vec!["list", "/nonexistent"],
        vec!["/nonexistent"],
        vec!["export", "--format", "csv", "/nonexistent"],
        vec!["check", "/nonexistent"],
        vec!["search", "xi", "/nonexistent"],
    ] {
        hotline()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "/nonexistent: no such file or directory",
            ));
    }
}

#[test]
fn show_with_a_missing_path_blames_the_path_not_the_id() {
    hotline()
        .args(["show", "2025-06-10-lee-xi", "/missing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/missing: no such file"))
        .stderr(predicate::str::contains("no call or article").not());
}

#[test]
fn a_typo_for_a_subcommand_is_clap_s_error_with_a_suggestion() {
    hotline()
        .arg("lsit")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unrecognized subcommand 'lsit'"))
        .stderr(predicate::str::contains("'list'"));
    // An existing folder of that name is a path, as before.
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("lsit")).expect("folder");
    hotline()
        .current_dir(dir.path())
        .arg("lsit")
        .assert()
        .success()
        .stdout(predicate::str::contains("no calls found in 0 articles"));
}

/// Each entry under "Arguments:" and "Options:" of `--help` has words
/// after its name, on its line (short help) or on the next, indented
/// further (long help).
fn undescribed(help: &str) -> Vec<String> {
    let lines: Vec<&str> = help.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut missing = Vec::new();
    let mut in_list = false;
    for (i, line) in lines.iter().enumerate() {
        if *line == "Arguments:" || *line == "Options:" {
            in_list = true;
            continue;
        }
        if !line.starts_with(' ') && !line.is_empty() {
            in_list = false;
        }
        let entry = line.trim_start();
        let is_entry =
            in_list && (2..=6).contains(&indent(line)) && entry.starts_with(['[', '<', '-']);
        if !is_entry {
            continue;
        }
        let inline = entry
            .split_once("  ")
            .is_some_and(|(_, rest)| !rest.trim().is_empty());
        let below = lines
            .get(i + 1)
            .is_some_and(|n| indent(n) > indent(line) + 2 && !n.trim().is_empty());
        if !inline && !below {
            missing.push(entry.to_string());
        }
    }
    missing
}

#[test]
fn help_describes_every_argument() {
    for sub in [
        vec![],
        vec!["list"],
        vec!["show"],
        vec!["search"],
        vec!["export"],
        vec!["check"],
    ] {
        let out = hotline().args(&sub).arg("--help").output().expect("runs");
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Arguments:") || sub.is_empty(), "{help}");
        let missing = undescribed(&help);
        assert!(
            missing.is_empty(),
            "hotline {sub:?} --help: {missing:?}\n{help}"
        );
    }
}

#[test]
fn csv_export_of_the_articles() {
    let out = hotline()
        .args(["export", "--format", "csv", "--what", "articles"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,file,path,published,source,title,call,words,warnings")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 5, "{text}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("000_d4689abd9a63b843,") && r.contains(",2025-06-10-lee-xi,")),
        "{text}"
    );
    hotline()
        .args(["export", "--format", "json", "--what", "articles"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format csv"));
}

#[test]
fn every_id_the_program_prints_is_accepted_by_show() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("cs\u{1b}[31mired.txt"),
        " date 2021-03-02 Markets\n\nShares rose on Tuesday in Seoul.\n",
    )
    .expect("write");
    let out = hotline()
        .arg("list")
        .arg(dir.path())
        .output()
        .expect("runs");
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(list.contains("csired"), "{list}");
    assert!(!list.contains('\u{1b}'));
    hotline()
        .args(["show", "csired"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Shares rose"));
}
