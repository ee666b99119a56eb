//! The grouping kept in the cache (`corpus-*.hlg`): a warm `hotline export`
//! (and a warm `check`, which keeps and reads the same file)
//! prints exactly what a run without the cache prints, after files are
//! changed, added and removed too (the corpus is grouped again); a damaged
//! grouping is one line on stderr, grouped again and rewritten; `cache
//! clear` removes it; the corpus folder is byte-identical after every run.

mod support;

use std::fs;
use std::path::PathBuf;
use std::process::Output;
use support::cached::Cached as Setup;

fn setup(count: usize) -> Setup {
    Setup::new(11, count)
}

impl Setup {
    /// The whole timeline as JSON, and stderr.
    fn export(&self, extra: &[&str]) -> (String, String) {
        let mut args = vec!["export", "--format", "json"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        (String::from_utf8(out.stdout).expect("utf-8"), err)
    }

    fn grouping_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.cache.join("hotline")) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "hlg"))
            .collect()
    }

    fn txt_files(&self) -> Vec<PathBuf> {
        let mut names: Vec<PathBuf> = fs::read_dir(&self.corpus)
            .expect("corpus")
            .flatten()
            .map(|e| e.path())
            .collect();
        names.sort();
        names
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn one(files: Vec<PathBuf>) -> PathBuf {
    assert_eq!(files.len(), 1, "one grouping file: {files:?}");
    files.into_iter().next().expect("one")
}

#[test]
fn a_warm_export_prints_what_a_run_without_the_cache_prints() {
    let s = setup(60);
    let (plain, _) = s.export(&["--no-cache"]);
    assert!(plain.contains("\"calls\""), "an export of calls");
    assert!(s.grouping_files().is_empty(), "--no-cache keeps nothing");
    let (cold, err) = s.export(&[]);
    assert_eq!(cold, plain);
    assert_eq!(err, "");
    let kept = fs::read(one(s.grouping_files())).expect("kept");
    let (warm, err) = s.export(&[]);
    assert_eq!(warm, plain);
    assert_eq!(err, "");
    assert_eq!(fs::read(one(s.grouping_files())).expect("kept"), kept);

    // Changed, added and removed files: grouped again, as a fresh run is.
    let names = s.txt_files();
    let other = fs::read_to_string(&names[1]).expect("read");
    fs::write(&names[0], other).expect("write");
    fs::remove_file(&names[2]).expect("remove");
    fs::copy(&names[3], s.corpus.join("zz-copy.txt")).expect("copy");
    let (plain, _) = s.export(&["--no-cache"]);
    let (changed, err) = s.export(&[]);
    assert_eq!(changed, plain);
    assert_eq!(err, "");
    assert_ne!(
        fs::read(one(s.grouping_files())).expect("kept"),
        kept,
        "the grouping of the changed corpus is kept instead"
    );
    assert_eq!(s.export(&[]).0, plain);
}

#[test]
fn a_damaged_grouping_is_said_and_grouped_again() {
    let s = setup(30);
    let (plain, _) = s.export(&["--no-cache"]);
    s.export(&[]);
    let file = one(s.grouping_files());
    let good = fs::read(&file).expect("kept");
    let mut bytes = good.clone();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x40;
    fs::write(&file, bytes).expect("damage");
    let (json, err) = s.export(&[]);
    assert_eq!(json, plain, "the same timeline");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("checksum mismatch; rebuilding it") && err.contains(".hlg"),
        "{err}"
    );
    assert_eq!(fs::read(&file).expect("rewritten"), good);
    assert_eq!(s.export(&[]), (plain.clone(), String::new()));

    fs::write(&file, b"HLGROUP\0").expect("cut");
    let (json, err) = s.export(&[]);
    assert_eq!(json, plain);
    assert!(err.contains("cut short; rebuilding it"), "{err}");

    let cleared = s.clear_cache();
    assert!(cleared.status.success(), "{}", stderr(&cleared));
    assert!(s.grouping_files().is_empty(), "cache clear removes it");
}

#[test]
fn a_warm_check_reads_the_kept_grouping_and_reports_what_a_run_without_the_cache_reports() {
    let s = setup(40);
    let check = |extra: &[&str]| {
        let mut args = vec!["check"];
        args.extend_from_slice(extra);
        let out = s.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        (String::from_utf8(out.stdout).expect("utf-8"), err)
    };
    let (plain, _) = check(&["--no-cache"]);
    assert!(plain.contains("ok      "), "a report per file: {plain}");
    assert_eq!(check(&[]), (plain.clone(), String::new()));
    let file = one(s.grouping_files());
    let kept = fs::read(&file).expect("kept");
    assert_eq!(check(&[]), (plain.clone(), String::new()));
    // The export reads the grouping `check` kept: the same file, unchanged.
    s.export(&[]);
    assert_eq!(fs::read(&file).expect("kept"), kept);

    // A damaged grouping is said once, and the report is the same.
    let mut bytes = kept.clone();
    bytes[kept.len() / 2] ^= 0x10;
    fs::write(&file, bytes).expect("damage");
    let (report, err) = check(&[]);
    assert_eq!(report, plain);
    assert!(
        err.contains(".hlg") && err.contains("rebuilding it"),
        "{err}"
    );
    assert_eq!(fs::read(&file).expect("rewritten"), kept);
}
