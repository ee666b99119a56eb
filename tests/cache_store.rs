//! The cache file on disk: real articles round-trip; truncated, bit-flipped,
//! wrong-version, wrong-format, wrong-magic, wrong-byte-order and empty
//! files each give their typed error; random bytes never panic the reader;
//! concurrent writers (threads and processes) leave a valid file; the
//! location honours XDG_CACHE_HOME and is never inside the corpus.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use hotline::cache::{self, CacheError, FileKey, FileStat, Store};
use hotline::model::Article;
use hotline::pipeline::load::{self, Inputs, Lexicon};
use proptest::prelude::*;

const FIXTURES: &str = "tests/data/fresh/articles";
const DEVSET: &str = "../shared/devset/articles";
const LEX: u64 = 42;

fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p.is_file() {
            out.insert(p.clone(), fs::read(&p).expect("read"));
        }
    }
    out
}

/// The articles of a folder with their cache keys, in file order.
fn load(dir: &Path) -> (Vec<FileKey>, Vec<Article>) {
    let t = load::load(
        &Inputs::Paths(vec![dir.to_path_buf()]),
        &Lexicon::embedded(),
    );
    let keys = t
        .articles
        .iter()
        .map(|a| {
            let stat = FileStat::of(Path::new(&a.path)).expect("stat");
            stat.key_with(cache::content_hash(&fs::read(&a.path).expect("read")))
        })
        .collect();
    (keys, t.articles)
}

fn save(store: &Store, roots: &[PathBuf], keys: &[FileKey], articles: &[Article]) -> PathBuf {
    let entries: Vec<(&FileKey, &Article)> = keys.iter().zip(articles).collect();
    store.save(roots, LEX, &entries).expect("save")
}

/// A store in a temp dir holding the fixtures' cache; returns the bytes.
fn saved_fixtures() -> (tempfile::TempDir, Store, Vec<PathBuf>, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path().join("hotline"));
    let roots = vec![PathBuf::from(FIXTURES)];
    let (keys, articles) = load(Path::new(FIXTURES));
    let path = save(&store, &roots, &keys, &articles);
    let bytes = fs::read(path).expect("read cache");
    (dir, store, roots, bytes)
}

#[test]
fn real_articles_round_trip() {
    for folder in [FIXTURES, DEVSET] {
        let folder = Path::new(folder);
        if !folder.is_dir() {
            continue;
        }
        let before = tree(folder);
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("hotline"));
        let roots = vec![folder.to_path_buf()];
        let (keys, articles) = load(folder);
        assert!(articles.len() >= 20, "{}", folder.display());
        let path = save(&store, &roots, &keys, &articles);
        assert!(!path.starts_with(fs::canonicalize(folder).expect("canonical")));
        let cached = store.load(&roots, LEX).expect("valid").expect("present");
        let (back_keys, back): (Vec<FileKey>, Vec<Article>) = cached.entries.into_iter().unzip();
        assert_eq!(back, articles);
        assert_eq!(back_keys, keys);
        assert_eq!(tree(folder), before, "corpus untouched");
    }
}

/// Write `bytes` where the fixtures' cache lives and load it.
fn load_bytes(store: &Store, roots: &[PathBuf], bytes: &[u8]) -> Result<(), CacheError> {
    fs::write(store.file_for(roots), bytes).expect("write");
    store.load(roots, LEX).map(|c| assert!(c.is_some()))
}

#[test]
fn damaged_files_give_their_typed_error() {
    let (_dir, store, roots, good) = saved_fixtures();
    assert!(load_bytes(&store, &roots, &good).is_ok());

    assert!(matches!(
        load_bytes(&store, &roots, b""),
        Err(CacheError::Empty)
    ));
    let half = &good[..good.len() / 2];
    assert!(matches!(
        load_bytes(&store, &roots, half),
        Err(CacheError::Truncated { .. })
    ));
    let in_header = &good[..40];
    assert!(matches!(
        load_bytes(&store, &roots, in_header),
        Err(CacheError::Truncated { .. })
    ));
    let one_short = &good[..good.len() - 1];
    assert!(matches!(
        load_bytes(&store, &roots, one_short),
        Err(CacheError::Truncated { .. })
    ));

    let mut flipped = good.clone();
    let mid = cache::HEADER_LEN + (good.len() - cache::HEADER_LEN) / 2;
    flipped[mid] ^= 0x10;
    assert!(matches!(
        load_bytes(&store, &roots, &flipped),
        Err(CacheError::Checksum)
    ));
    let mut flipped_time = good.clone();
    flipped_time[50] ^= 0x01;
    assert!(matches!(
        load_bytes(&store, &roots, &flipped_time),
        Err(CacheError::Checksum)
    ));

    let mut version = good.clone();
    version[20..36].copy_from_slice(b"0.0.1-old\0\0\0\0\0\0\0");
    assert!(matches!(
        load_bytes(&store, &roots, &version),
        Err(CacheError::WrongVersion { found }) if found == "0.0.1-old"
    ));
    let mut format = good.clone();
    format[12..16].copy_from_slice(&(cache::FORMAT + 1).to_ne_bytes());
    assert!(matches!(
        load_bytes(&store, &roots, &format),
        Err(CacheError::WrongFormat { found }) if found == cache::FORMAT + 1
    ));
    let mut magic = good.clone();
    magic[0] = b'X';
    assert!(matches!(
        load_bytes(&store, &roots, &magic),
        Err(CacheError::WrongMagic)
    ));
    assert!(matches!(
        load_bytes(&store, &roots, b"{\"not\": \"a cache\"}"),
        Err(CacheError::WrongMagic)
    ));
    // A file from a machine of the other byte order: every number swapped.
    let mut swapped = good.clone();
    for (at, len) in [
        (8, 4),
        (12, 4),
        (36, 8),
        (44, 8),
        (52, 8),
        (60, 8),
        (68, 8),
        (76, 8),
    ] {
        swapped[at..at + len].reverse();
    }
    assert!(matches!(
        load_bytes(&store, &roots, &swapped),
        Err(CacheError::WrongByteOrder)
    ));
    let mut width = good.clone();
    width[16] = if width[16] == 8 { 4 } else { 8 };
    assert!(matches!(
        load_bytes(&store, &roots, &width),
        Err(CacheError::WrongPlatform { .. })
    ));
    let mut longer = good.clone();
    longer.push(0);
    assert!(matches!(
        load_bytes(&store, &roots, &longer),
        Err(CacheError::Corrupt(_))
    ));
    // Every error reads as one line for the notice.
    for e in [
        CacheError::Empty,
        CacheError::Checksum,
        CacheError::WrongByteOrder,
    ] {
        assert!(!e.to_string().contains('\n'));
    }
}

#[test]
fn a_damaged_file_is_replaced_by_the_next_save() {
    let (_dir, store, roots, good) = saved_fixtures();
    fs::write(store.file_for(&roots), &good[..100]).expect("write");
    assert!(store.load(&roots, LEX).is_err());
    let (keys, articles) = load(Path::new(FIXTURES));
    save(&store, &roots, &keys, &articles);
    assert!(matches!(store.load(&roots, LEX), Ok(Some(_))));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(cache::decode(&bytes, LEX).is_err());
        let _ = cache::read_header(&bytes);
    }

    #[test]
    fn a_valid_header_over_random_payload_is_rejected(
        payload in proptest::collection::vec(any::<u8>(), 0..2048),
        claimed in any::<u64>(),
    ) {
        let mut bytes = cache::encode(&[], LEX, 0, 0, &[]).expect("encode");
        bytes.truncate(cache::HEADER_LEN);
        bytes[68..76].copy_from_slice(&claimed.to_ne_bytes());
        bytes.extend_from_slice(&payload);
        prop_assert!(cache::decode(&bytes, LEX).is_err());
    }
}

/// Random damage to a real cache: one flipped byte or a cut anywhere.
#[test]
fn damage_anywhere_in_a_real_cache_is_caught() {
    let (_dir, _store, _roots, good) = saved_fixtures();
    let step = (good.len() / 300).max(1);
    for at in (0..good.len()).step_by(step) {
        let mut flipped = good.clone();
        flipped[at] ^= 0x40;
        assert!(cache::decode(&flipped, LEX).is_err(), "flip at {at}");
        assert!(cache::decode(&good[..at], LEX).is_err(), "cut at {at}");
    }
    assert!(cache::decode(&good, LEX).is_ok());
}

#[test]
fn concurrent_threads_leave_a_valid_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path().join("hotline"));
    let roots = vec![PathBuf::from(FIXTURES)];
    let (keys, articles) = load(Path::new(FIXTURES));
    let half = articles.len() / 2;
    std::thread::scope(|s| {
        for (k, a) in [
            (&keys[..half], &articles[..half]),
            (&keys[..], &articles[..]),
        ] {
            let store = &store;
            let roots = &roots;
            s.spawn(move || {
                for _ in 0..15 {
                    save(store, roots, k, a);
                }
            });
        }
    });
    let cached = store.load(&roots, LEX).expect("valid").expect("present");
    assert!(cached.entries.len() == half || cached.entries.len() == articles.len());
    let names: Vec<_> = fs::read_dir(store.dir()).expect("dir").collect();
    assert_eq!(names.len(), 1, "no temp files left behind");
}

/// Run as a child process (see the two tests below): does what
/// HOTLINE_CACHE_CHILD says, with the cache wherever the environment says.
#[test]
#[ignore = "a helper run as a child process by other tests"]
fn child() {
    let Ok(what) = std::env::var("HOTLINE_CACHE_CHILD") else {
        return;
    };
    let store = Store::from_env().expect("cache dir");
    let roots = vec![PathBuf::from(FIXTURES)];
    let (keys, articles) = load(Path::new(FIXTURES));
    match what.as_str() {
        "where" => println!("{}", store.file_for(&roots).display()),
        "save" => {
            for _ in 0..10 {
                save(&store, &roots, &keys, &articles);
            }
        }
        other => panic!("unknown child task {other}"),
    }
}

fn spawn_child(task: &str, cache_home: &Path) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args([
        "child",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("HOTLINE_CACHE_CHILD", task)
    .env("XDG_CACHE_HOME", cache_home);
    cmd
}

#[test]
fn the_cache_lives_under_xdg_cache_home() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = spawn_child("where", home.path())
        .output()
        .expect("run child");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The harness prints its own words around the child's line.
    let expected = format!("{}/corpus-", home.path().join("hotline").display());
    assert!(stdout.contains(&expected), "{stdout}");
}

#[test]
fn two_processes_saving_at_once_leave_a_valid_cache() {
    let home = tempfile::tempdir().expect("tempdir");
    let before = tree(Path::new(FIXTURES));
    let children: Vec<_> = (0..2)
        .map(|_| spawn_child("save", home.path()).spawn().expect("spawn"))
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let store = Store::at(home.path().join("hotline"));
    let roots = vec![PathBuf::from(FIXTURES)];
    let cached = store.load(&roots, LEX).expect("valid").expect("present");
    assert_eq!(cached.entries.len(), load(Path::new(FIXTURES)).1.len());
    assert_eq!(tree(Path::new(FIXTURES)), before);
}

#[test]
fn never_written_inside_the_corpus() {
    let corpus = tempfile::tempdir().expect("tempdir");
    fs::copy(
        Path::new(FIXTURES).join("f01_ap_trump_moon_washington.txt"),
        corpus.path().join("a.txt"),
    )
    .expect("copy");
    let store = Store::at(corpus.path().join(".cache").join("hotline"));
    let roots = vec![corpus.path().to_path_buf()];
    let (keys, articles) = load(corpus.path());
    let entries: Vec<(&FileKey, &Article)> = keys.iter().zip(&articles).collect();
    assert!(matches!(
        store.save(&roots, LEX, &entries),
        Err(CacheError::InsideCorpus(_))
    ));
    assert!(!store.file_for(&roots).exists());
}

#[test]
fn stats_and_clear() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path().join("hotline"));
    assert_eq!(
        store.clear().expect("clear"),
        0,
        "no directory yet is an empty cache"
    );
    assert!(store.stats().expect("stats").is_empty());
    let (keys, articles) = load(Path::new(FIXTURES));
    let roots = vec![PathBuf::from(FIXTURES)];
    let first = save(&store, &roots, &keys, &articles);
    let created = store.stats().expect("stats")[0]
        .header
        .as_ref()
        .expect("valid")
        .created_ns;
    save(&store, &roots, &keys[..3], &articles[..3]);
    let stats = store.stats().expect("stats");
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0].path, first);
    assert_eq!(stats[0].bytes, fs::metadata(&first).expect("meta").len());
    let header = stats[0].header.as_ref().expect("valid");
    assert_eq!(header.entries, 3);
    assert_eq!(header.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(header.created_ns, created, "created survives a rewrite");
    assert!(header.written_ns >= created);
    fs::write(store.dir().join("unrelated.txt"), "keep me").expect("write");
    fs::write(store.dir().join(".corpus-stale.tmp"), "left by a crash").expect("write");
    assert_eq!(store.clear().expect("clear"), 2);
    assert!(store.stats().expect("stats").is_empty());
    assert!(
        store.dir().join("unrelated.txt").exists(),
        "only cache files go"
    );
}
