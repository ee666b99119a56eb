//! The search index's word part kept in the cache (`corpus-*.hlw`): a warm
//! `hotline search` answers exactly as a run without the cache, after
//! files are changed, added and removed too; a damaged word index is one
//! line on stderr and rebuilt; `cache clear` removes it; the corpus folder
//! is byte-identical after every run.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::cached::Cached as Setup;

fn setup(count: usize) -> Setup {
    Setup::new(7, count)
}

impl Setup {
    /// stdout of a successful run.
    fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn word_files(&self) -> Vec<PathBuf> {
        files_ending(&self.cache.join("hotline"), ".hlw")
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn files_ending(dir: &Path, end: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(end))
        .collect()
}

/// Every query form the index answers: words, prefixes, exact, negation,
/// fields.
const QUERIES: [&str; 4] = ["xi call", "apec !moon", "'phone src:yon", "year:2020 tal"];

fn answers(s: &Setup, extra: &[&str]) -> Vec<String> {
    QUERIES
        .iter()
        .map(|q| {
            let mut args = vec!["search", q];
            args.extend_from_slice(extra);
            s.stdout(&args)
        })
        .collect()
}

#[test]
fn a_warm_search_answers_as_a_search_without_the_cache() {
    let s = setup(30);
    let expected = answers(&s, &["--no-cache"]);
    assert!(expected.iter().any(|a| !a.is_empty()), "the queries hit");
    assert_eq!(answers(&s, &[]), expected, "cold");
    assert_eq!(s.word_files().len(), 1, "the word index is kept");
    assert_eq!(answers(&s, &[]), expected, "warm");

    // Change one file, add one, remove one: the word index no longer fits.
    let mut names: Vec<PathBuf> = files_ending(&s.corpus, ".txt");
    names.sort();
    let text = fs::read_to_string(&names[0]).expect("read");
    fs::write(&names[0], text.replace("Xi", "Xi Jinping APEC")).expect("write");
    fs::write(s.corpus.join("zz-new.txt"), "Moon and Xi spoke by phone.\n").expect("write");
    fs::remove_file(&names[1]).expect("remove");
    let expected = answers(&s, &["--no-cache"]);
    assert_eq!(answers(&s, &[]), expected, "after changes");
    assert_eq!(answers(&s, &[]), expected, "after changes, warm");
}

#[test]
fn a_damaged_word_index_is_said_and_rebuilt() {
    let s = setup(10);
    let expected = s.stdout(&["search", "xi", "--no-cache"]);
    // The first search of a corpus keeps no word index; the second does.
    s.stdout(&["search", "xi"]);
    s.stdout(&["search", "xi"]);
    let file = s.word_files().pop().expect("a word index");
    let mut bytes = fs::read(&file).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    fs::write(&file, bytes).expect("write");
    let out = s.run(&["search", "xi"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let err = stderr(&out);
    assert!(err.contains("checksum") && err.contains(".hlw"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let again = s.run(&["search", "xi"]);
    assert!(stderr(&again).is_empty(), "rebuilt: {}", stderr(&again));

    let cleared = s.clear_cache();
    assert!(cleared.status.success(), "{}", stderr(&cleared));
    assert!(s.word_files().is_empty(), "cache clear removes it");
}

#[test]
fn a_cache_folder_inside_the_corpus_gets_no_word_index() {
    let mut s = setup(5);
    s.cache = s.corpus.join("cache-here");
    fs::create_dir(&s.cache).expect("mkdir");
    let expected = s.stdout(&["search", "xi", "--no-cache"]);
    // `run` checks the corpus folder is byte-identical afterwards.
    let out = s.run(&["search", "xi"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert!(
        stderr(&out).contains("inside the corpus"),
        "{}",
        stderr(&out)
    );
    assert!(s.word_files().is_empty());
}
