//! The search index's word part (vocabulary and postings, `WordIndex`)
//! kept beside a corpus's article cache, so a warm open of an unchanged
//! corpus reads it instead of folding and hashing every word again. One
//! file per set of roots, `corpus-<hash>.hlw`, valid for exactly the
//! articles it was built from: its key is a hash of what the word index
//! reads (every title, paragraph and sentence bound, in order), so any
//! added, removed, changed or reordered article, or a new hotline build,
//! simply misses and rebuilds it. The file is checked whole (checksum,
//! then every posting in range) before it is used.
//!
//! Layout: `MAGIC` (8 bytes), key (8, little-endian), payload length (8),
//! xxh3 of the payload (8), then the payload: four counts (8 bytes each:
//! words, vocabulary bytes, body posting bytes, title posting bytes) and
//! the arrays of `query::postings`, postings in their compact coding
//! (`postings::Coded`; ends as 4-byte little-endian numbers, then bytes):
//! vocabulary ends, vocabulary text, body ends, body postings, title
//! ends, title postings. It is read in pieces into those arrays, so the
//! file's bytes are never whole in memory, and the postings are decoded
//! once into the flat arrays a keystroke reads.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::postings::{Coded, Lists, Vocab};
use super::{SearchIndex, WordIndex};
use crate::cache::session::{self, Notices, Setting};
use crate::model::{Article, Timeline};
use crate::sanitize::inert;

/// Version 2: compact postings (version 1 was a postcard `Vec` per word).
const MAGIC: [u8; 8] = *b"HLWORDS2";
const HEAD: usize = 32;
/// Extension of word index files, beside the article cache's `.hlc`.
pub use crate::cache::WORDS_EXT as EXT;

/// The search index for `timeline`, loaded from `roots`: the word part
/// from the cache when this process uses one and it holds the word index
/// of exactly these articles, else built (and then kept for next time).
/// Without a cache (`--no-cache`, library callers, the built-in corpus)
/// this is `SearchIndex::build`.
pub fn index_for(roots: &[PathBuf], timeline: &Timeline) -> SearchIndex {
    lookup(roots, timeline, true).unwrap_or_else(|| SearchIndex::build(timeline))
}

/// For a one-shot search: the search index when the cache keeps the word
/// index of exactly these articles, or when they all came from an
/// article cache (a corpus loaded before, so worth keeping
/// the word index for: built and kept here). `None` otherwise (a first
/// search, changed files, no cache): the caller answers without building
/// the word index of every article (`query::stream`).
pub fn kept_index(roots: &[PathBuf], timeline: &Timeline) -> Option<SearchIndex> {
    lookup(roots, timeline, session::last_load_from_cache())
}

/// The kept word index, else (when `build`) a new one, kept.
fn lookup(roots: &[PathBuf], timeline: &Timeline, build: bool) -> Option<SearchIndex> {
    let setting = session::current().filter(|_| !roots.is_empty())?;
    let path = setting.store.file_for(roots).with_extension(EXT);
    let key = key_of(&timeline.articles);
    let n = timeline.articles.len();
    let found = match take_ahead(&path) {
        Some(read) => keyed(read, key, n),
        None => read(&path, key, n),
    };
    match found {
        Ok(Some(words)) => return Some(SearchIndex::with_words(timeline, words)),
        Ok(None) => {}
        Err(why) => notice(&setting, &path, &format!("{why}; rebuilding it")),
    }
    if !build {
        return None;
    }
    let words = WordIndex::build(&timeline.articles);
    // Never inside a corpus; the article cache's save has said why.
    if setting.store.writable_for(roots).is_ok() {
        save(&setting, path, key, &words);
    }
    Some(SearchIndex::with_words(timeline, words))
}

/// What the word index is built from, hashed, with the build that built
/// it (tokenising and folding may change between versions).
pub fn key_of(articles: &[Article]) -> u64 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&MAGIC);
    h.update(&(articles.len() as u64).to_le_bytes());
    // The same bytes in the same order as one `update` per field, but
    // gathered first: at 100,000 articles the millions of 8-byte updates
    // cost ten times the hashing itself. The digest depends only on the
    // bytes, not on how they are handed over.
    let mut small: Vec<u8> = Vec::with_capacity(BATCH * 2);
    fn text(h: &mut Xxh3, small: &mut Vec<u8>, bytes: &[u8]) {
        small.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        // Short texts are buffered by the hasher anyway: copied once here
        // instead. Longer ones are hashed in place, never copied.
        if bytes.len() < SHORT {
            small.extend_from_slice(bytes);
        } else {
            h.update(small);
            small.clear();
            h.update(bytes);
        }
    }
    for a in articles {
        text(&mut h, &mut small, a.title.as_bytes());
        small.extend_from_slice(&(a.paragraphs.len() as u64).to_le_bytes());
        for p in &a.paragraphs {
            text(&mut h, &mut small, p.text.as_bytes());
            small.extend_from_slice(&(p.sentences.len() as u64).to_le_bytes());
            for &(s, e) in p.sentences {
                small.extend_from_slice(&(s as u64).to_le_bytes());
                small.extend_from_slice(&(e as u64).to_le_bytes());
            }
        }
        if small.len() >= BATCH {
            h.update(&small);
            small.clear();
        }
    }
    h.update(&small);
    h.digest()
}

/// Bytes gathered before one hash update (see `key_of`).
const BATCH: usize = 4096;
/// Texts shorter than this join the batch (xxh3 buffers 256 bytes).
const SHORT: usize = 256;

/// `Ok(None)`: no file, or one for other articles (the usual miss).
/// `Err`: a file that is damaged, said in a few words.
pub fn read(path: &Path, key: u64, articles: usize) -> Result<Option<WordIndex>, String> {
    keyed(read_whole(path, Some(key)), key, articles)
}

/// A word index file as read: the key it was kept under, and its words
/// or what is wrong with them. `Ok(None)`: no file.
type Kept = Result<Option<(u64, Result<WordIndex, String>)>, String>;

/// The words of `read` when they were kept for `key` and fit `articles`.
fn keyed(read: Kept, key: u64, articles: usize) -> Result<Option<WordIndex>, String> {
    let Some((found, words)) = read? else {
        return Ok(None);
    };
    if found != key {
        return Ok(None);
    }
    let words = words?;
    if !words.fits(articles) {
        return Err("postings out of range".into());
    }
    Ok(Some(words))
}

/// Read, check and decode the file at `path`; when `want` is given and
/// the file was kept under another key, stop there (a miss costs no
/// decode).
fn read_whole(path: &Path, want: Option<u64>) -> Kept {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("can't read it ({e})")),
    };
    let size = file
        .metadata()
        .map_err(|e| format!("can't read it ({e})"))?
        .len();
    let mut input = Pieces {
        file: std::io::BufReader::with_capacity(PIECE, file),
        sum: Xxh3::new(),
    };
    let mut head = [0u8; HEAD];
    input.fill(&mut head, false)?;
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&head[i..i + 8]);
        u64::from_le_bytes(w)
    };
    if head[..7] == MAGIC[..7] && head[7] != MAGIC[7] {
        return Err("written in another format (an older hotline)".into());
    }
    if head[..8] != MAGIC {
        return Err("not a hotline word index".into());
    }
    let key = word(8);
    if want.is_some_and(|w| w != key) {
        return Ok(Some((key, Err("kept for other articles".into()))));
    }
    Ok(Some((key, payload(&mut input, size, word(16), word(24)))))
}

/// The payload after the header: `len` bytes of a `size`-byte file,
/// hashing to `sum`, decoded into the flat arrays.
fn payload(input: &mut Pieces, size: u64, len: u64, sum: u64) -> Result<WordIndex, String> {
    if Some(len) != size.checked_sub(HEAD as u64) {
        return Err("cut short or extended".into());
    }
    let mut counts = [0u8; 32];
    input.fill(&mut counts, true)?;
    let count = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&counts[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    let [words, text, body, title] = [count(0), count(1), count(2), count(3)];
    // Every size is checked against the file's before anything is
    // allocated: a damaged count must not ask for gigabytes.
    let total = [text, body, title, words.saturating_mul(12), 32]
        .iter()
        .try_fold(0u64, |sum, &n| sum.checked_add(n));
    if total != Some(len) {
        return Err("sizes do not add up".into());
    }
    let (words, text, body, title) = (words as usize, text as usize, body as usize, title as usize);
    let vocab_ends = input.ends(words)?;
    let vocab_text = input.bytes(text)?;
    // Each list is decoded as soon as it is read, so its coded bytes are
    // gone before the next is read; the checksum is checked after.
    let body = Lists::decode(&Coded {
        ends: input.ends(words)?,
        bytes: input.bytes(body)?,
    });
    let title = Lists::decode(&Coded {
        ends: input.ends(words)?,
        bytes: input.bytes(title)?,
    });
    if input.sum.digest() != sum {
        return Err("checksum mismatch".into());
    }
    let vocab = Vocab {
        text: String::from_utf8(vocab_text).map_err(|_| "words are not UTF-8".to_string())?,
        ends: vocab_ends,
    };
    let Some((body, title)) = body.zip(title) else {
        return Err("postings do not decode".into());
    };
    Ok(WordIndex { vocab, body, title })
}

/// A word index being read ahead (`read_ahead`): its file and the thread.
type Ahead = (PathBuf, std::thread::JoinHandle<Kept>);
static AHEAD: Mutex<Option<Ahead>> = Mutex::new(None);

/// Start reading the word index kept for `roots` on a thread of its own,
/// before the articles are loaded: its key is known only once they are,
/// but its bytes can be read, checked and decoded meanwhile (at 100,000
/// articles, 90 MB and a quarter second the browser no longer waits for
/// after the first frame). `index_for` takes what it read, and checks the
/// key then. Does nothing without a cache.
pub fn read_ahead(roots: &[PathBuf]) {
    let Some(setting) = session::current().filter(|_| !roots.is_empty()) else {
        return;
    };
    let path = setting.store.file_for(roots).with_extension(EXT);
    let file = path.clone();
    let spawned = std::thread::Builder::new()
        .name("hotline-words".into())
        .spawn(move || read_whole(&file, None));
    // No thread to be had: `index_for` reads the file itself.
    *AHEAD.lock().unwrap_or_else(PoisonError::into_inner) = spawned.ok().map(|h| (path, h));
}

/// What `read_ahead` read of `path`, if it read that file.
fn take_ahead(path: &Path) -> Option<Kept> {
    let (file, thread) = AHEAD
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()?;
    // Another corpus's: dropped, its thread ends on its own.
    if file != path {
        return None;
    }
    thread.join().ok()
}

/// How much of the file is read at once.
const PIECE: usize = 64 * 1024;

/// The file, read in pieces, its payload hashed on the way.
struct Pieces {
    file: std::io::BufReader<fs::File>,
    sum: Xxh3,
}

impl Pieces {
    fn fill(&mut self, out: &mut [u8], payload: bool) -> Result<(), String> {
        self.file.read_exact(out).map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => "cut short".to_string(),
            _ => format!("can't read it ({e})"),
        })?;
        if payload {
            self.sum.update(out);
        }
        Ok(())
    }

    fn bytes(&mut self, len: usize) -> Result<Vec<u8>, String> {
        let mut out = vec![0u8; len];
        self.fill(&mut out, true)?;
        Ok(out)
    }

    /// `len` little-endian 4-byte numbers.
    fn ends(&mut self, len: usize) -> Result<Vec<u32>, String> {
        let mut out = Vec::with_capacity(len);
        let mut piece = vec![0u8; PIECE];
        while out.len() < len {
            let n = (len - out.len()).min(PIECE / 4);
            self.fill(&mut piece[..n * 4], true)?;
            out.extend(
                piece[..n * 4]
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
        }
        Ok(out)
    }
}

/// The file's bytes for `words`, built from articles hashing to `key`.
pub fn encode(key: u64, words: &WordIndex) -> Result<Vec<u8>, String> {
    let (vocab, body, title) = (&words.vocab, words.body.encode(), words.title.encode());
    if [vocab.text.len(), body.bytes.len(), title.bytes.len()]
        .iter()
        .any(|&n| u32::try_from(n).is_err())
    {
        return Err("the word index is too large to keep".into());
    }
    let mut out = vec![0u8; HEAD];
    for n in [
        vocab.len(),
        vocab.text.len(),
        body.bytes.len(),
        title.bytes.len(),
    ] {
        out.extend_from_slice(&(n as u64).to_le_bytes());
    }
    let ends = |out: &mut Vec<u8>, ends: &[u32]| {
        for e in ends {
            out.extend_from_slice(&e.to_le_bytes());
        }
    };
    ends(&mut out, &vocab.ends);
    out.extend_from_slice(vocab.text.as_bytes());
    ends(&mut out, &body.ends);
    out.extend_from_slice(&body.bytes);
    ends(&mut out, &title.ends);
    out.extend_from_slice(&title.bytes);
    let len = (out.len() - HEAD) as u64;
    let sum = xxh3_64(&out[HEAD..]);
    out[..8].copy_from_slice(&MAGIC);
    out[8..16].copy_from_slice(&key.to_le_bytes());
    out[16..24].copy_from_slice(&len.to_le_bytes());
    out[24..32].copy_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// Keep the word index beside the article cache (`session::keep_beside`).
fn save(setting: &Setting, path: PathBuf, key: u64, words: &WordIndex) {
    let bytes = match encode(key, words) {
        Ok(b) => b,
        Err(e) => return notice(setting, &path, &format!("not saved ({e})")),
    };
    if let Err(e) = session::keep_beside(setting, path, bytes) {
        let dir = setting.store.dir().to_path_buf();
        notice(setting, &dir, &format!("word index not saved ({e})"));
    }
}

/// One line on stderr for the command line; the browser rebuilds quietly
/// (its warnings belong to the corpus, which is on screen already).
fn notice(setting: &Setting, file: &Path, message: &str) {
    if setting.notices == Notices::Stderr {
        let line = format!(
            "hotline: cache: {}: {}\n",
            inert(&file.display().to_string(), false),
            inert(message, false)
        );
        // A stderr that can't be written is no reason to fail.
        let _ = std::io::stderr().write_all(line.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;

    fn article(title: &str, text: &str) -> Article {
        let whole = (0, crate::model::offset(text.len()));
        article_split(title, text, &[whole])
    }

    fn article_split(title: &str, text: &str, sentences: &[(u32, u32)]) -> Article {
        let mut paragraphs = Body::default();
        paragraphs.push(text, sentences);
        Article {
            title: title.into(),
            paragraphs,
            ..Article::default()
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            article("Moon calls Xi", "The leaders spoke by phone."),
            article("APEC", "Lee and Xi met at APEC. 통화를 했다."),
        ]
    }

    /// The key as one update per field: what files kept before the
    /// batching were keyed by, so they stay valid.
    fn key_field_by_field(articles: &[Article]) -> u64 {
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&MAGIC);
        h.update(&(articles.len() as u64).to_le_bytes());
        for a in articles {
            h.update(&(a.title.len() as u64).to_le_bytes());
            h.update(a.title.as_bytes());
            h.update(&(a.paragraphs.len() as u64).to_le_bytes());
            for p in &a.paragraphs {
                h.update(&(p.text.len() as u64).to_le_bytes());
                h.update(p.text.as_bytes());
                h.update(&(p.sentences.len() as u64).to_le_bytes());
                for &(s, e) in p.sentences {
                    h.update(&(s as u64).to_le_bytes());
                    h.update(&(e as u64).to_le_bytes());
                }
            }
        }
        h.digest()
    }

    #[test]
    fn a_word_index_read_ahead_answers_as_a_keyed_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.hlw");
        let articles = corpus();
        let key = key_of(&articles);
        let words = WordIndex::build(&articles);
        let good = encode(key, &words).expect("encodes");
        let mut damaged = good.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 0x01;
        for bytes in [&good, &damaged] {
            fs::write(&path, bytes).expect("write");
            for (want, n) in [(key, 2), (key ^ 1, 2), (key, 1)] {
                assert_eq!(
                    keyed(read_whole(&path, None), want, n),
                    read(&path, want, n),
                    "read ahead, then keyed"
                );
            }
        }
        fs::write(&path, &damaged).expect("write");
        assert_eq!(read(&path, key, 2), Err("checksum mismatch".into()));
        assert_eq!(read(&path, key ^ 1, 2), Ok(None), "a miss, quietly");
        assert_eq!(read(&path, key, 1), Err("checksum mismatch".into()));
        fs::write(&path, &good).expect("write");
        assert_eq!(read(&path, key, 1), Err("postings out of range".into()));
        assert_eq!(
            keyed(read_whole(&dir.path().join("none"), None), key, 2),
            Ok(None)
        );
    }

    #[test]
    fn the_batched_key_is_the_field_by_field_key() {
        let mut articles = corpus();
        let long = "Moon and Xi spoke. ".repeat(BATCH / 10);
        articles.push(article(&"t".repeat(BATCH), &long));
        articles.push(article(&"m".repeat(SHORT), &"y".repeat(SHORT - 1)));
        articles.push(article(&"n".repeat(SHORT * 3), &"z".repeat(SHORT + 1)));
        articles.extend((0..300).map(|i| article(&i.to_string(), "Xi spoke.")));
        assert_eq!(key_of(&articles), key_field_by_field(&articles));
        assert_eq!(key_of(&[]), key_field_by_field(&[]));
    }

    #[test]
    fn a_saved_word_index_reads_back_equal_for_the_same_articles_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.hlw");
        let articles = corpus();
        let key = key_of(&articles);
        let words = WordIndex::build(&articles);
        fs::write(&path, encode(key, &words).expect("encodes")).expect("write");
        assert_eq!(read(&path, key, articles.len()), Ok(Some(words)));

        let mut changed = corpus();
        changed[1] = article("APEC", "Lee and Xi met at APEC. 통화를 했다.!");
        assert_ne!(key_of(&changed), key, "a changed paragraph");
        let mut bounds = corpus();
        bounds[0] = article_split(
            "Moon calls Xi",
            "The leaders spoke by phone.",
            &[(0, 4), (4, 27)],
        );
        assert_ne!(key_of(&bounds), key, "changed sentence bounds");
        let reordered: Vec<Article> = corpus().into_iter().rev().collect();
        assert_ne!(key_of(&reordered), key, "another order");
        assert_ne!(key_of(&corpus()[..1]), key, "an article removed");
        assert_eq!(
            read(&path, key_of(&changed), 2),
            Ok(None),
            "a miss, quietly"
        );
        assert_eq!(read(&dir.path().join("none.hlw"), key, 2), Ok(None));
    }

    #[test]
    fn a_damaged_word_index_is_refused_never_trusted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.hlw");
        let articles = corpus();
        let key = key_of(&articles);
        let good = encode(key, &WordIndex::build(&articles)).expect("encodes");
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        let cases: [(&str, Vec<u8>); 4] = [
            ("cut", good[..good.len() - 3].to_vec()),
            ("flip", flipped),
            ("empty", Vec::new()),
            ("foreign", b"not a word index at all, just text".to_vec()),
        ];
        for (what, bytes) in cases {
            fs::write(&path, bytes).expect("write");
            assert!(read(&path, key, articles.len()).is_err(), "{what}");
        }
        // Valid bytes naming an article the corpus does not have.
        let mut words = WordIndex::build(&articles);
        words.title = Lists::default();
        for w in 0..words.vocab.len() {
            words.title.push([if w == 0 { &[7][..] } else { &[] }]);
        }
        fs::write(&path, encode(key, &words).expect("encodes")).expect("write");
        assert!(read(&path, key, articles.len()).is_err(), "out of range");
    }
}
