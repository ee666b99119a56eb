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
//! xxh3 of the payload (8), then the payload: six counts (8 bytes each:
//! words, vocabulary bytes, body posting bytes, title posting bytes, body
//! postings, title postings) and the arrays of `query::postings`,
//! postings in their compact coding (`postings::Coded`; ends as 4-byte
//! little-endian numbers, then bytes): vocabulary ends, vocabulary text,
//! body ends, body postings, title ends, title postings. It is read in
//! pieces, each word's postings decoded as soon as its bytes are read
//! (`postings::Decoder`), so the file's bytes are never whole in memory.
//! The browser decodes every word once into the flat arrays a keystroke
//! reads; a one-shot search decodes only the words its query can match
//! (`kept_index`), checking the others as it passes them.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::index::Posting;
use super::postings::{Code, Decoded, Decoder, Vocab};
use super::{Query, SearchIndex, WordIndex};
use crate::cache::session::{self, Notices, Setting};
use crate::model::{Article, Timeline};
use crate::sanitize::inert;

/// Version 3: the posting counts in the payload, so a word-by-word read
/// allocates the postings once (version 2 had none; version 1 was a
/// postcard `Vec` per word).
const MAGIC: [u8; 8] = *b"HLWORDS3";
const HEAD: usize = 32;
/// Extension of word index files, beside the article cache's `.hlc`.
pub use crate::cache::WORDS_EXT as EXT;

/// The search index for `timeline`, loaded from `roots`: the word part
/// from the cache when this process uses one and it holds the word index
/// of exactly these articles, else built (and then kept for next time).
/// Without a cache (`--no-cache`, library callers, the built-in corpus)
/// this is `SearchIndex::build`.
pub fn index_for(roots: &[PathBuf], timeline: &Timeline) -> SearchIndex {
    lookup(roots, timeline, true, None).unwrap_or_else(|| SearchIndex::build(timeline))
}

/// For a one-shot search of `query`: the search index when the cache
/// keeps the word index of exactly these articles (only the words the
/// query can match are decoded, `stream::wanted`: a word's postings do not
/// depend on the others, so the answer is the full index's), or when they
/// all came from an article cache (a corpus loaded before, so worth
/// keeping the word index for: built and kept here). `None` otherwise (a
/// first search, changed files, no cache): the caller answers without
/// building the word index of every article (`query::stream`).
pub fn kept_index(roots: &[PathBuf], timeline: &Timeline, query: &Query) -> Option<SearchIndex> {
    let wanted = super::stream::wanted(query);
    lookup(
        roots,
        timeline,
        session::last_load_from_cache(),
        Some(&wanted),
    )
}

/// Which words' postings a read decodes: all (`None`), or those passing
/// the test.
type Wanted<'a> = Option<&'a dyn Fn(&str) -> bool>;

/// The kept word index, else (when `build`) a new one, kept.
fn lookup(
    roots: &[PathBuf],
    timeline: &Timeline,
    build: bool,
    wanted: Wanted,
) -> Option<SearchIndex> {
    let setting = session::current().filter(|_| !roots.is_empty())?;
    let path = setting.store.file_for(roots).with_extension(EXT);
    let key = key_of(&timeline.articles);
    let n = timeline.articles.len();
    let found = match take_ahead(&path) {
        Some(read) => keyed(read, key, n),
        None => keyed(read_whole(&path, Some(key), wanted), key, n),
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
    keyed(read_whole(path, Some(key), None), key, articles)
}

/// `read`, decoding only the words a term of `query` can match: the
/// word index a one-shot search answers `query` from.
pub fn read_for(
    path: &Path,
    key: u64,
    articles: usize,
    query: &Query,
) -> Result<Option<WordIndex>, String> {
    let wanted = super::stream::wanted(query);
    keyed(read_whole(path, Some(key), Some(&wanted)), key, articles)
}

/// The words read, and one past the highest article any word of the
/// file names (read or not).
type Words = (WordIndex, u64);

/// A word index file as read: the key it was kept under, and its words
/// or what is wrong with them. `Ok(None)`: no file.
type Kept = Result<Option<(u64, Result<Words, String>)>, String>;

/// The words of `read` when they were kept for `key` and fit `articles`.
fn keyed(read: Kept, key: u64, articles: usize) -> Result<Option<WordIndex>, String> {
    let Some((found, words)) = read? else {
        return Ok(None);
    };
    if found != key {
        return Ok(None);
    }
    let (words, named) = words?;
    if !words.fits(articles) || named > articles as u64 {
        return Err("postings out of range".into());
    }
    Ok(Some(words))
}

/// Read, check and decode the file at `path` (the words `wanted`); when
/// `want` is given and the file was kept under another key, stop there
/// (a miss costs no decode).
fn read_whole(path: &Path, want: Option<u64>, wanted: Wanted) -> Kept {
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
    let words = payload(&mut input, size, word(16), word(24), wanted);
    Ok(Some((key, words)))
}

/// The payload's counts, in file order.
const COUNTS: usize = 6;

/// The payload after the header: `len` bytes of a `size`-byte file,
/// hashing to `sum`, the words `wanted` decoded into flat arrays.
fn payload(
    input: &mut Pieces,
    size: u64,
    len: u64,
    sum: u64,
    wanted: Wanted,
) -> Result<Words, String> {
    if Some(len) != size.checked_sub(HEAD as u64) {
        return Err("cut short or extended".into());
    }
    let mut counts = [0u8; COUNTS * 8];
    input.fill(&mut counts, true)?;
    let count = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&counts[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    let [words, text, body, title, body_n, title_n] = std::array::from_fn(count);
    // Every size is checked against the file's before anything is
    // allocated: a damaged count must not ask for gigabytes. A posting
    // takes a byte at least.
    let total = [
        text,
        body,
        title,
        words.saturating_mul(12),
        COUNTS as u64 * 8,
    ]
    .iter()
    .try_fold(0u64, |sum, &n| sum.checked_add(n));
    if total != Some(len) || body_n > body || title_n > title {
        return Err("sizes do not add up".into());
    }
    let [words, text, body, title, body_n, title_n] =
        [words, text, body, title, body_n, title_n].map(|n| n as usize);
    let ends = input.ends(words)?;
    let vocab = String::from_utf8(input.bytes(text)?).map(|text| Vocab { text, ends });
    // Which words to decode; none of a vocabulary that is no good (its
    // postings are still read, for the checksum).
    let keep: Option<Vec<bool>> = match (&vocab, wanted) {
        (_, None) => None,
        (Ok(vocab), Some(wanted)) if vocab.is_well_formed() => {
            Some(vocab.iter().map(wanted).collect())
        }
        (_, Some(_)) => Some(vec![false; words]),
    };
    let body = input.lists::<Posting>(words, body, body_n, keep.as_deref())?;
    let title = input.lists::<u32>(words, title, title_n, keep.as_deref())?;
    if input.sum.digest() != sum {
        return Err("checksum mismatch".into());
    }
    let vocab = vocab.map_err(|_| "words are not UTF-8".to_string())?;
    let Some((body, title)) = body.zip(title) else {
        return Err("postings do not decode".into());
    };
    let vocab = match &keep {
        None => vocab,
        Some(keep) => {
            let mut only = Vocab::default();
            for (word, _) in vocab.iter().zip(keep).filter(|(_, k)| **k) {
                only.push(word);
            }
            only
        }
    };
    let named = body.articles.max(title.articles);
    let (body, title) = (body.lists, title.lists);
    Ok((WordIndex { vocab, body, title }, named))
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
        .spawn(move || read_whole(&file, None, None));
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

    /// `len` bytes passed over, hashed.
    fn skip(&mut self, mut len: usize) -> Result<(), String> {
        let mut piece = vec![0u8; len.min(PIECE)];
        while len > 0 {
            let n = len.min(PIECE);
            self.fill(&mut piece[..n], true)?;
            len -= n;
        }
        Ok(())
    }

    /// One `Lists` of `words` words, `bytes` coded bytes and `postings`
    /// postings, decoded word by word as read: every word when `keep` is
    /// `None`, else the words it marks. `Ok(None)`: the ends or postings
    /// are no good (all their bytes are read still, for the checksum).
    fn lists<T: Code>(
        &mut self,
        words: usize,
        bytes: usize,
        postings: usize,
        keep: Option<&[bool]>,
    ) -> Result<Option<Decoded<T>>, String> {
        let ends = self.ends(words)?;
        let mut decoder = Decoder::new(postings, keep.is_none());
        let (mut word, mut start, mut good) = (Vec::new(), 0usize, true);
        for (w, &end) in ends.iter().enumerate() {
            let end = end as usize;
            if end < start || end > bytes {
                good = false;
                break;
            }
            word.resize(end - start, 0);
            self.fill(&mut word, true)?;
            start = end;
            if !decoder.word(&word, keep.is_none_or(|k| k.get(w) == Some(&true))) {
                good = false;
                break;
            }
        }
        self.skip(bytes - start)?;
        let decoded = decoder.finish();
        Ok((good && start == bytes && decoded.count == postings).then_some(decoded))
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
        words.body.items.len(),
        words.title.items.len(),
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
#[path = "kept_tests.rs"]
mod tests;
