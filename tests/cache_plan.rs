//! The cache's verdict on a corpus after a cached open: unchanged files are
//! reused, changed, added, removed and renamed files are told apart, a
//! rewrite that keeps size and time is caught when the time is racy, and a
//! lexicon change invalidates everything. Real articles, real files; the
//! corpus is byte-identical after each test.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use hotline::cache::{self, CacheError, FileKey, FileStat, Plan, Status, Store};
use hotline::model::Article;
use hotline::pipeline::load::{self, Inputs, Lexicon};

const FIXTURES: &str = "tests/data/fresh/articles";

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under dir").to_path_buf();
                out.insert(rel, fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// A corpus of the first `n` fixtures in a temp dir, their times an hour
/// back so the cache written now finds none of them racy.
fn corpus_of(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut names: Vec<PathBuf> = fs::read_dir(FIXTURES)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let mut files = Vec::new();
    for src in names.into_iter().take(n) {
        let dst = tmp.path().join(src.file_name().expect("name"));
        fs::copy(&src, &dst).expect("copy");
        set_mtime(&dst, SystemTime::now() - Duration::from_secs(3600));
        files.push(dst);
    }
    (tmp, files)
}

fn set_mtime(path: &Path, t: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(t)
        .expect("set mtime");
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

/// What phase B will do on an open: stat, load, plan, read what the plan
/// says, save. Returns the plan and the articles in file order.
fn open(store: &Store, root: &Path, lexicon: u64) -> (Plan, Vec<Article>) {
    let roots = vec![root.to_path_buf()];
    let stats: Vec<FileStat> = files_in(root)
        .iter()
        .map(|p| FileStat::of(p).expect("stat"))
        .collect();
    let cached = store.load(&roots, lexicon).expect("cache loads");
    let plan = cache::plan(cached, stats);
    let lex = Lexicon::embedded();
    let mut keys: Vec<FileKey> = Vec::new();
    let mut articles = Vec::new();
    for p in &plan.files {
        match &p.reused {
            Some((key, article)) => {
                keys.push(key.clone());
                articles.push(article.clone());
            }
            None => {
                let bytes = fs::read(&p.stat.path).expect("read");
                keys.push(p.stat.key_with(cache::content_hash(&bytes)));
                let t = load::load(&Inputs::Paths(vec![p.stat.path.clone()]), &lex);
                articles.extend(t.articles);
            }
        }
    }
    let entries: Vec<(&FileKey, &Article)> = keys.iter().zip(&articles).collect();
    store.save(&roots, lexicon, &entries).expect("save");
    (plan, articles)
}

fn status_of(plan: &Plan, name: &str) -> Status {
    plan.files
        .iter()
        .find(|p| p.stat.path.file_name().is_some_and(|n| n == name))
        .map(|p| p.status.clone())
        .unwrap_or_else(|| panic!("{name} not planned"))
}

fn name(p: &Path) -> String {
    p.file_name().expect("name").to_string_lossy().into_owned()
}

#[test]
fn reopen_reuses_every_unchanged_article() {
    let (corpus, _) = corpus_of(6);
    let cache_dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(cache_dir.path().join("hotline"));
    let (first, cold) = open(&store, corpus.path(), 1);
    assert!(first.files.iter().all(|p| p.status == Status::New));
    let before = tree(corpus.path());
    let (second, warm) = open(&store, corpus.path(), 1);
    assert_eq!(second.reused(), 6);
    assert!(second.files.iter().all(|p| p.status == Status::Unchanged));
    assert_eq!(second.to_read().count(), 0);
    assert_eq!(
        warm, cold,
        "articles from the cache equal freshly read ones"
    );
    assert!(
        cold.iter()
            .any(|a| !a.evidence.is_empty() && a.facts.home.is_some())
    );
    let dir = fs::canonicalize(corpus.path()).expect("canonical");
    for f in files_in(corpus.path()) {
        let fast = FileStat::in_canonical_dir(&f, &dir).expect("stat");
        assert_eq!(fast, FileStat::of(&f).expect("stat"));
    }
    assert_eq!(tree(corpus.path()), before);
}

#[test]
fn changed_added_removed_and_renamed_files_are_told_apart() {
    let (corpus, files) = corpus_of(5);
    let cache_dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(cache_dir.path().join("hotline"));
    open(&store, corpus.path(), 1);
    let (kept, changed, removed, renamed) = (&files[0], &files[1], &files[2], &files[3]);
    let mut text = fs::read_to_string(changed).expect("read");
    text.push_str("\nOne more paragraph.\n");
    fs::write(changed, text).expect("write");
    fs::remove_file(removed).expect("rm");
    let renamed_to = corpus.path().join("zz_renamed.txt");
    fs::rename(renamed, &renamed_to).expect("mv");
    let added = corpus.path().join("zz_added.txt");
    fs::copy(
        files_in(Path::new(FIXTURES)).last().expect("fixture"),
        &added,
    )
    .expect("copy");

    let before = tree(corpus.path());
    let (plan, articles) = open(&store, corpus.path(), 1);
    assert_eq!(tree(corpus.path()), before);
    assert_eq!(status_of(&plan, &name(kept)), Status::Unchanged);
    assert_eq!(status_of(&plan, &name(changed)), Status::Changed);
    assert_eq!(status_of(&plan, "zz_added.txt"), Status::New);
    let from = fs::canonicalize(corpus.path())
        .expect("canonical")
        .join(name(renamed));
    assert_eq!(
        status_of(&plan, "zz_renamed.txt"),
        Status::Renamed {
            from: from.to_string_lossy().into_owned()
        }
    );
    let gone: Vec<String> = [removed, renamed]
        .iter()
        .map(|f| {
            let dir = fs::canonicalize(corpus.path()).expect("canonical");
            dir.join(name(f)).to_string_lossy().into_owned()
        })
        .collect();
    let mut expected = gone.clone();
    expected.sort();
    assert_eq!(plan.removed, expected);
    let mut read: Vec<String> = plan.to_read().map(|s| name(&s.path)).collect();
    read.sort();
    assert_eq!(
        read,
        vec![
            name(changed),
            "zz_added.txt".into(),
            "zz_renamed.txt".into()
        ]
    );
    // The changed file's article is the new text's, not the cached one.
    let changed_article = articles
        .iter()
        .find(|a| a.file() == name(changed))
        .expect("changed article");
    assert!(
        changed_article
            .paragraphs
            .iter()
            .any(|p| p.text.contains("One more paragraph"))
    );
    assert_eq!(articles.len(), 5);

    // And the next open takes all five from the cache.
    let (again, _) = open(&store, corpus.path(), 1);
    assert_eq!(again.reused(), 5);
}

#[test]
fn a_racy_rewrite_with_same_size_and_time_is_caught() {
    let (corpus, files) = corpus_of(2);
    let cache_dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(cache_dir.path().join("hotline"));
    let racy = &files[0];
    // Modified "now": within the racy window of the cache write below.
    let when = SystemTime::now();
    set_mtime(racy, when);
    open(&store, corpus.path(), 1);

    // Same length, same time, different bytes: the case size and time
    // cannot see.
    let mut bytes = fs::read(racy).expect("read");
    let at = bytes
        .iter()
        .position(|b| b.is_ascii_lowercase())
        .expect("a letter");
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    fs::write(racy, &bytes).expect("write");
    set_mtime(racy, when);
    let stat = FileStat::of(racy).expect("stat");
    let (plan, _) = open(&store, corpus.path(), 1);
    assert_eq!(status_of(&plan, &name(racy)), Status::Changed);
    assert_eq!(status_of(&plan, &name(&files[1])), Status::Unchanged);
    assert_eq!(
        FileStat::of(racy).expect("stat"),
        stat,
        "the corpus file was not touched"
    );
}

#[test]
fn a_touched_file_with_the_same_bytes_is_reused() {
    let (corpus, files) = corpus_of(2);
    let cache_dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(cache_dir.path().join("hotline"));
    open(&store, corpus.path(), 1);
    set_mtime(&files[0], SystemTime::now() - Duration::from_secs(60));
    let (plan, _) = open(&store, corpus.path(), 1);
    assert_eq!(status_of(&plan, &name(&files[0])), Status::SameContent);
    let reused = plan.files[0].reused.as_ref().expect("reused");
    assert_eq!(
        reused.0.mtime_ns, plan.files[0].stat.mtime_ns,
        "key takes the new time"
    );
}

#[test]
fn a_lexicon_change_invalidates_the_cache() {
    let leaders = b"[[leader]]\nname = \"Moon Jae-in\"\n".as_slice();
    let topics = b"APEC\n".as_slice();
    let fp = cache::lexicon_fingerprint(&[leaders, topics]);
    assert_eq!(fp, cache::lexicon_fingerprint(&[leaders, topics]));
    assert_ne!(
        fp,
        cache::lexicon_fingerprint(&[leaders, b"APEC\nnuclear\n"])
    );
    // Bytes moved from one file to the next are a different lexicon.
    assert_ne!(
        cache::lexicon_fingerprint(&[b"ab", b"c"]),
        cache::lexicon_fingerprint(&[b"a", b"bc"])
    );

    let (corpus, _) = corpus_of(3);
    let cache_dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(cache_dir.path().join("hotline"));
    open(&store, corpus.path(), fp);
    let roots = vec![corpus.path().to_path_buf()];
    let other = cache::lexicon_fingerprint(&[leaders, b"APEC\nnuclear\n"]);
    assert!(matches!(
        store.load(&roots, other),
        Err(CacheError::LexiconChanged)
    ));
    assert!(matches!(store.load(&roots, fp), Ok(Some(_))));
}
