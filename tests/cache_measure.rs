//! The measurements behind src/cache/DESIGN.md: encode/decode time and
//! size of the cached articles, content-hash speed,
//! and the warm path's other costs (stat every file, plan), against a cold
//! load of the same folder. Ignored by default: it needs a generated corpus.
//!
//! cargo run --release --example gen_corpus -- /tmp/corpus10k 10000 1
//! HOTLINE_MEASURE_DIR=/tmp/corpus10k \
//!   cargo test --release --test cache_measure -- --ignored --nocapture

use std::path::PathBuf;
use std::time::{Duration, Instant};

use hotline::cache::{self, FileKey, FileStat, Store};
use hotline::pipeline::load::{self, Inputs, Lexicon};

const RUNS: usize = 7;

/// Median and range of `RUNS` timings of `f`, in milliseconds.
fn time<T>(label: &str, mut f: impl FnMut() -> T) -> T {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<44} median {:>9.2} ms  (min {:.2}, max {:.2})",
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1])
    );
    last.expect("RUNS > 0")
}

#[test]
#[ignore = "needs a generated corpus; run by hand (see the module doc)"]
fn measure() {
    let dir = PathBuf::from(
        std::env::var("HOTLINE_MEASURE_DIR").unwrap_or_else(|_| "/tmp/corpus10k".into()),
    );
    // The article files alone (the generator leaves gold.json beside
    // them), in load order, so keys and articles line up.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    files.sort();
    let lexicon = Lexicon::embedded();
    let inputs = Inputs::Paths(files.clone());
    let timeline = time("cold load (load::load, whole pipeline)", || {
        load::load(&inputs, &lexicon)
    });
    let articles = timeline.articles;
    println!("articles: {}", articles.len());

    let pc = time("postcard encode Vec<Article>", || {
        postcard::to_stdvec(&articles).expect("encode")
    });
    println!("postcard bytes: {}", pc.len());
    let back: Vec<hotline::model::Article> = time("postcard decode Vec<Article>", || {
        postcard::from_bytes(&pc).expect("decode")
    });
    assert_eq!(back, articles);

    let stats: Vec<FileStat> = time("stat + canonicalize every file", || {
        files
            .iter()
            .map(|p| FileStat::of(p).expect("stat"))
            .collect()
    });
    let canonical_dir = std::fs::canonicalize(&dir).expect("canonical");
    let fast: Vec<FileStat> = time("stat every file (dir canonicalised once)", || {
        files
            .iter()
            .map(|p| FileStat::in_canonical_dir(p, &canonical_dir).expect("stat"))
            .collect()
    });
    assert_eq!(fast, stats);
    let contents: Vec<Vec<u8>> = time("read every file", || {
        files
            .iter()
            .map(|p| std::fs::read(p).expect("read"))
            .collect()
    });
    let total: usize = contents.iter().map(Vec::len).sum();
    println!("corpus bytes: {total}");
    let hashes: Vec<u64> = time("xxh3 every file (in memory)", || {
        contents.iter().map(|c| cache::content_hash(c)).collect()
    });
    // The whole cache path as phase B will run it.
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::at(tmp.path().join("hotline"));
    let roots = vec![dir.clone()];
    let keys: Vec<FileKey> = stats
        .iter()
        .zip(&hashes)
        .map(|(s, h)| s.key_with(*h))
        .collect();
    let entries: Vec<(&FileKey, &hotline::model::Article)> = keys.iter().zip(&articles).collect();
    let fp = cache::lexicon_fingerprint(&[b"measure"]);
    let path = time("Store::save (encode, checksum, fsync, rename)", || {
        store.save(&roots, fp, &entries).expect("save")
    });
    println!(
        "cache file bytes: {}",
        std::fs::metadata(&path).expect("meta").len()
    );
    let loaded = time("Store::load (read, check, decode)", || {
        store.load(&roots, fp).expect("load").expect("present")
    });
    assert_eq!(loaded.entries.len(), articles.len());
    drop(loaded);
    assert_eq!(files.len(), articles.len());
    // The corpus was written well before the cache, so nothing is racy.
    let plan = time("warm path: stat all + Store::load + plan", || {
        let stats: Vec<FileStat> = files
            .iter()
            .map(|p| FileStat::in_canonical_dir(p, &canonical_dir).expect("stat"))
            .collect();
        cache::plan(store.load(&roots, fp).expect("load"), stats)
    });
    assert_eq!(plan.reused(), articles.len());
}
