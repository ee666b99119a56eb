//! The cache wired into the binary (issue 12, phase B), run from outside
//! with XDG_CACHE_HOME in a temp dir: after a cached open, changed, added,
//! removed and renamed files show up on the next open exactly as a
//! `--no-cache` run shows them; a lexicon change re-extracts; truncated,
//! bit-flipped and wrong-version cache files give a notice and are
//! rebuilt; an unwritable cache folder is a notice, not a failure; two
//! processes at once both work and leave a valid cache; `--no-cache`
//! writes nothing; the corpus folder is byte-identical after every run.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use support::cached::Cached as Setup;
use support::home::Isolated;

use assert_cmd::Command;

fn setup(count: usize) -> Setup {
    Setup::new(7, count)
}

impl Setup {
    /// stdout of a successful run with nothing on stderr.
    fn quiet(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// `args` with the cache and with `--no-cache` give the same output.
    fn same_as_uncached(&self, args: &[&str]) -> String {
        let cached = self.quiet(args);
        let mut plain = args.to_vec();
        plain.push("--no-cache");
        assert_eq!(cached, self.quiet(&plain), "{args:?}");
        cached
    }

    fn cache_file(&self) -> PathBuf {
        let files: Vec<PathBuf> = fs::read_dir(self.cache.join("hotline"))
            .expect("cache folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "hlc"))
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }

    fn files(&self) -> Vec<PathBuf> {
        let entries = fs::read_dir(&self.corpus).expect("read_dir");
        let mut v: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
        v.sort();
        v
    }
}

const EXPORT: [&str; 3] = ["export", "--format", "json"];

#[test]
fn changed_added_removed_and_renamed_files_show_up_on_the_next_open() {
    let s = setup(30);
    let first = s.same_as_uncached(&EXPORT);
    assert!(s.cache_file().exists());
    assert_eq!(first, s.same_as_uncached(&EXPORT), "warm differs from cold");

    let files = s.files();
    // Changed: another article's text in its place.
    fs::copy(&files[1], &files[0]).expect("change");
    // Added: a new file (a copy under a new name, so two ids share a text).
    fs::copy(&files[2], s.corpus.join("zz_added.txt")).expect("add");
    // Removed.
    fs::remove_file(&files[3]).expect("remove");
    // Renamed.
    fs::rename(&files[4], s.corpus.join("renamed.txt")).expect("rename");
    let after = s.same_as_uncached(&EXPORT);
    assert_ne!(first, after);
    assert!(after.contains("zz_added.txt") && after.contains("renamed.txt"));
    let gone = files[3].file_name().and_then(|n| n.to_str()).expect("name");
    assert!(!after.contains(gone));
    assert_eq!(after, s.same_as_uncached(&EXPORT));
    assert_eq!(s.same_as_uncached(&["list"]), s.same_as_uncached(&["list"]));
}

#[test]
fn a_same_size_edit_that_keeps_the_time_is_caught_by_its_bytes() {
    let s = setup(10);
    s.same_as_uncached(&EXPORT);
    let file = &s.files()[0];
    let meta = fs::metadata(file).expect("stat");
    let before = s.quiet(&EXPORT);
    let mut bytes = fs::read(file).expect("read");
    // The year of the header date: "date 2017-…" becomes "date 2018-…".
    let at = bytes
        .windows(7)
        .position(|w| w == b"date 20")
        .expect("a header date")
        + 8;
    bytes[at] = if bytes[at] == b'9' {
        b'8'
    } else {
        bytes[at] + 1
    };
    fs::write(file, &bytes).expect("write");
    let handle = fs::File::options().write(true).open(file).expect("open");
    handle
        .set_modified(meta.modified().expect("mtime"))
        .expect("set time");
    drop(handle);
    assert_eq!(fs::metadata(file).expect("stat").len(), meta.len());
    // Written just now, within the racy window of the cache write: the
    // bytes are compared, not the (equal) size and time.
    assert_ne!(before, s.same_as_uncached(&EXPORT));
}

#[test]
fn a_lexicon_change_re_extracts() {
    let s = setup(30);
    let embedded = s.same_as_uncached(&EXPORT);
    let outlets = s.cache.with_file_name("outlets.toml");
    fs::write(&outlets, "[[outlet]]\nname = \"Zzz Gazette\"\n").expect("write");
    let flag = outlets.to_str().expect("utf-8 path");
    let custom = s.same_as_uncached(&["export", "--format", "json", "--outlets", flag]);
    assert_ne!(embedded, custom, "the outlet table must change the export");
    // And back: the cache follows the lexicon in use, never serves the other.
    assert_eq!(embedded, s.same_as_uncached(&EXPORT));
}

/// Open once to write the cache, damage it with `damage`, open again: a
/// one-line notice naming `why`, the same output, and a sound cache after.
fn damaged_cache_is_rebuilt(damage: impl Fn(&mut Vec<u8>), why: &str) {
    let s = setup(12);
    let expected = s.same_as_uncached(&["list"]);
    let file = s.cache_file();
    let mut bytes = fs::read(&file).expect("read");
    damage(&mut bytes);
    fs::write(&file, &bytes).expect("write");
    let out = s.run(&["list"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("hotline: cache: "), "{stderr}");
    assert!(
        stderr.contains(why) && stderr.contains("rebuilding"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    // Rebuilt: the next open is quiet and still right.
    assert_eq!(s.quiet(&["list"]), expected);
}

#[test]
fn a_truncated_cache_is_rebuilt_with_a_notice() {
    damaged_cache_is_rebuilt(|b| b.truncate(b.len() / 2), "truncated");
}

#[test]
fn a_bit_flipped_cache_is_rebuilt_with_a_notice() {
    damaged_cache_is_rebuilt(
        |b| {
            let at = b.len() - 100;
            b[at] ^= 0x10;
        },
        "checksum",
    );
}

#[test]
fn a_cache_from_another_version_is_rebuilt_with_a_notice() {
    damaged_cache_is_rebuilt(
        |b| {
            b[20..36].fill(0);
            b[20..25].copy_from_slice(b"9.9.9");
        },
        "written by hotline 9.9.9",
    );
}

#[test]
fn a_cache_from_the_other_byte_order_is_rebuilt_with_a_notice() {
    damaged_cache_is_rebuilt(|b| b[8..12].reverse(), "other byte order");
}

#[test]
fn an_unwritable_cache_folder_is_a_notice_and_hotline_still_works() {
    let s = setup(8);
    // XDG_CACHE_HOME names a file: no folder can be made under it.
    fs::write(&s.cache, b"not a folder").expect("write");
    let out = s.run(&["list"]);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not saved"), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        s.quiet(&["list", "--no-cache"])
    );
}

#[test]
fn two_processes_at_once_both_work_and_leave_a_valid_cache() {
    let s = setup(200);
    let expected = s.quiet(&["list", "--no-cache"]);
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("hotline"))
            .isolated()
            .env("XDG_CACHE_HOME", &s.cache)
            .arg("list")
            .arg(&s.corpus)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    }
    // One valid cache file and its kept grouping, no temp files left, and
    // it serves the next open.
    let mut names: Vec<String> = fs::read_dir(s.cache.join("hotline"))
        .expect("cache folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with(".hlc") && names[1].ends_with(".hlg"),
        "{names:?}"
    );
    assert_eq!(names[0].replace(".hlc", ".hlg"), names[1]);
    assert_eq!(s.quiet(&["list"]), expected);
    let stats = Command::cargo_bin("hotline")
        .expect("binary")
        .isolated()
        .env("XDG_CACHE_HOME", &s.cache)
        .args(["cache", "stats"])
        .output()
        .expect("runs");
    let stats = String::from_utf8_lossy(&stats.stdout);
    assert!(stats.contains("entries 200 "), "{stats}");
}

#[test]
fn no_cache_writes_nothing() {
    let s = setup(8);
    for args in [
        &["list", "--no-cache"][..],
        &["search", "apec", "--no-cache"],
    ] {
        s.run(args);
    }
    assert!(!s.cache.exists(), "--no-cache wrote {}", s.cache.display());
}

#[test]
fn search_is_the_same_cold_warm_and_uncached() {
    let s = setup(60);
    let cold = s.same_as_uncached(&["search", "apec"]);
    assert!(cold.lines().count() > 1, "{cold}");
    let warm = s.quiet(&["search", "apec"]);
    assert_eq!(cold, warm);
    let json = s.same_as_uncached(&["search", "moon trump", "--json"]);
    assert_eq!(json, s.quiet(&["search", "moon trump", "--json"]));
}

#[test]
fn cache_commands_show_and_clear_the_cache() {
    let s = setup(5);
    s.quiet(&["list"]);
    let cache = |args: &[&str]| {
        let out = Command::cargo_bin("hotline")
            .expect("binary")
            .isolated()
            .env("XDG_CACHE_HOME", &s.cache)
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let dir = s.cache.join("hotline");
    assert_eq!(cache(&["cache", "path"]).trim_end(), dir.to_string_lossy());
    let file = cache(&["cache", "path", s.corpus.to_str().expect("utf-8")]);
    assert_eq!(Path::new(file.trim_end()), s.cache_file());
    let stats = cache(&["cache", "stats"]);
    assert!(stats.contains("entries 5 "), "{stats}");
    assert!(
        stats.contains("version ") && stats.contains("updated "),
        "{stats}"
    );
    // The article cache and the grouping kept beside it.
    assert!(cache(&["cache", "clear"]).starts_with("removed 2 files "));
    assert!(cache(&["cache", "stats"]).starts_with("no cache files"));
}
