//! The payload of a cache file (format 2, layout in `file.rs`): entries in
//! chunks of about `CHUNK_TARGET` bytes, each with its length, entry count
//! and xxh3 in a table at the end. Chunks are independent, so a load
//! decodes them on every core at once, each worker reading its own chunk
//! with a positional read: at 100,000 articles the decode was the largest
//! single step of a warm open. Nothing is handed out before every chunk's
//! checksum matched and every chunk decoded.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::plan::FileKey;
use crate::model::Article;

/// A chunk is cut after the entry that takes it past this many bytes:
/// enough chunks to share out at 10,000 articles (30 MB: ~15 chunks), few
/// enough that the table stays small, and a worker holds one at a time.
pub const CHUNK_TARGET: usize = 2 << 20;

/// The fewest bytes an encoded entry takes: one per field of the key and
/// the article at least (see the test). Bounds the entries a chunk can
/// claim, so a damaged table cannot make a load set aside a huge list.
const MIN_ENTRY_BYTES: u64 = 16;

/// More workers than this gain nothing on reading a file.
const MAX_WORKERS: usize = 4;

/// What can go wrong with the chunks. `file.rs` turns it into a
/// `CacheError`; kept apart so the chunks know nothing of the file.
#[derive(Debug)]
pub enum ChunkError {
    /// A chunk's bytes do not hash to the table's value.
    Checksum,
    /// Bytes that hash right but do not decode.
    Corrupt(String),
    Io(std::io::Error),
}

impl From<std::io::Error> for ChunkError {
    fn from(e: std::io::Error) -> Self {
        ChunkError::Io(e)
    }
}

/// One chunk as the table lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub len: u64,
    pub entries: u64,
    pub hash: u64,
}

/// The table at the end of the payload.
#[derive(Debug, Serialize, Deserialize)]
pub struct Table {
    pub roots: Vec<String>,
    pub chunks: Vec<Chunk>,
}

/// `entries` written to `out` in chunks as they are encoded, one chunk
/// in memory at a time (a save never holds the encoded corpus beside
/// the articles); returns the table of them.
pub fn write_chunks<W: std::io::Write>(
    out: &mut W,
    entries: &[(&FileKey, &Article)],
) -> Result<Vec<Chunk>, ChunkError> {
    let mut chunks = Vec::new();
    let mut body = Vec::with_capacity(CHUNK_TARGET + CHUNK_TARGET / 4);
    let mut count = 0u64;
    for entry in entries {
        body = postcard::to_extend(entry, body).map_err(|e| ChunkError::Corrupt(e.to_string()))?;
        count += 1;
        if body.len() >= CHUNK_TARGET {
            chunks.push(chunk(&body, count));
            out.write_all(&body)?;
            body.clear();
            count = 0;
        }
    }
    if count > 0 {
        chunks.push(chunk(&body, count));
        out.write_all(&body)?;
    }
    Ok(chunks)
}

fn chunk(bytes: &[u8], entries: u64) -> Chunk {
    Chunk {
        len: bytes.len() as u64,
        entries,
        hash: xxh3_64(bytes),
    }
}

/// Somewhere to read bytes at an offset from, on several threads at once.
pub trait ReadAt: Sync {
    fn read_exact_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<()>;
}

impl ReadAt for [u8] {
    fn read_exact_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
        let at = usize::try_from(offset).ok();
        let end = at.and_then(|a| a.checked_add(buf.len()));
        match (at, end) {
            (Some(a), Some(e)) if e <= self.len() => {
                buf.copy_from_slice(&self[a..e]);
                Ok(())
            }
            _ => Err(std::io::ErrorKind::UnexpectedEof.into()),
        }
    }
}

impl ReadAt for std::fs::File {
    fn read_exact_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
        std::os::unix::fs::FileExt::read_exact_at(self, buf, offset)
    }
}

type Entry = (FileKey, Article);
type Entries = Vec<Entry>;

/// Read, check and decode every chunk of `table`, the first at `start`;
/// the entries in file order. A chunk whose bytes do not hash to the
/// table's value is `Checksum` (whatever else went wrong elsewhere).
///
/// Each chunk decodes straight into its own stretch of one list, not into
/// a list of its own joined afterwards: the entries (~470 B an article)
/// are never held twice, which they were at the peak of a warm open.
pub fn read_chunks<S: ReadAt + ?Sized>(
    source: &S,
    start: u64,
    chunks: &[Chunk],
) -> Result<Entries, ChunkError> {
    let mut offsets = Vec::with_capacity(chunks.len());
    let mut at = start;
    for c in chunks {
        offsets.push(at);
        at = at.saturating_add(c.len);
    }
    // Every entry takes at least `MIN_ENTRY_BYTES`: a bound no table can
    // inflate past a small multiple of the file. A chunk claiming more
    // entries than that is refused by `read_chunk`.
    let room = |c: &Chunk| {
        let most = c.len / MIN_ENTRY_BYTES;
        usize::try_from(c.entries.min(most)).unwrap_or(usize::MAX)
    };
    let total = chunks.iter().map(room).fold(0usize, usize::saturating_add);
    let mut all: Vec<Option<Entry>> = Vec::new();
    all.resize_with(total, || None);
    let mut rest = all.as_mut_slice();
    let mut stretches = Vec::with_capacity(chunks.len());
    for c in chunks {
        let (stretch, after) = rest.split_at_mut(room(c).min(rest.len()));
        stretches.push(Mutex::new(Some(stretch)));
        rest = after;
    }
    let slots: Vec<Mutex<Option<Result<(), ChunkError>>>> =
        chunks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let work = || {
        // One buffer a worker, kept for all its chunks: a 2 MiB block
        // freed after each chunk would raise glibc's mmap threshold, and
        // the next ones would come from the heap, their pages staying
        // resident beside the articles (about 2 MiB more at the peak).
        let mut buffer = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= chunks.len() || failed.load(Ordering::Relaxed) {
                return;
            }
            let stretch = stretches[i]
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            let result = match stretch {
                Some(stretch) => read_chunk(source, offsets[i], chunks[i], stretch, &mut buffer),
                None => Err(ChunkError::Corrupt("a chunk was read twice".into())),
            };
            if result.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            *slots[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        }
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(MAX_WORKERS)
        .min(chunks.len());
    std::thread::scope(|s| {
        for _ in 1..workers {
            // No thread to be had: the ones there are do the work.
            let _ = std::thread::Builder::new()
                .name("hotline-cache".into())
                .spawn_scoped(s, work);
        }
        work();
    });
    drop(stretches);
    let results: Vec<Option<Result<(), ChunkError>>> = slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner))
        .collect();
    if results
        .iter()
        .any(|r| matches!(r, Some(Err(ChunkError::Checksum))))
    {
        return Err(ChunkError::Checksum);
    }
    for result in results {
        match result {
            Some(Ok(())) => {}
            Some(Err(e)) => return Err(e),
            // Skipped after another chunk failed: that error was returned.
            None => return Err(ChunkError::Corrupt("a chunk was not read".into())),
        }
    }
    // Every stretch was filled whole (`read_chunk`), so this keeps every
    // entry; collected in place (an `Option` of an entry is the same size).
    Ok(all.into_iter().map_while(|entry| entry).collect())
}

/// Decode one chunk into `stretch`, which it must fill exactly.
fn read_chunk<S: ReadAt + ?Sized>(
    source: &S,
    offset: u64,
    chunk: Chunk,
    stretch: &mut [Option<Entry>],
    bytes: &mut Vec<u8>,
) -> Result<(), ChunkError> {
    let len = usize::try_from(chunk.len).map_err(|_| ChunkError::Checksum)?;
    bytes.clear();
    bytes.resize(len, 0);
    source.read_exact_at(bytes, offset)?;
    if xxh3_64(bytes) != chunk.hash {
        return Err(ChunkError::Checksum);
    }
    if u64::try_from(stretch.len()) != Ok(chunk.entries) {
        return Err(ChunkError::Corrupt(
            "more entries than a chunk can hold".into(),
        ));
    }
    let mut rest = bytes.as_slice();
    for slot in stretch.iter_mut() {
        let (entry, after) = postcard::take_from_bytes::<Entry>(rest)
            .map_err(|e| ChunkError::Corrupt(e.to_string()))?;
        *slot = Some(entry);
        rest = after;
    }
    if !rest.is_empty() {
        return Err(ChunkError::Corrupt("bytes after a chunk's entries".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_entry_takes_at_least_min_entry_bytes() {
        let smallest: Entry = (FileKey::default(), Article::default());
        let bytes = postcard::to_allocvec(&smallest).expect("encodes");
        assert!(bytes.len() as u64 >= MIN_ENTRY_BYTES, "{}", bytes.len());
    }
}
