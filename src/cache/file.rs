//! The bytes of one cache file: a fixed header that says what wrote it and
//! how to check it, then a postcard payload. Decoding trusts nothing: every
//! field is checked in turn and any mismatch is a typed `CacheError`, so a
//! caller rebuilds instead of crashing or serving stale articles.
//!
//! ```text
//! offset size  field
//!      0    8  magic "HLCACHE\0"
//!      8    4  byte-order mark 0x01020304, native order
//!     12    4  format number (FORMAT), native order
//!     16    1  pointer width in bytes; then 3 zero bytes
//!     20   16  hotline version (CARGO_PKG_VERSION), zero-padded
//!     36    8  lexicon fingerprint
//!     44    8  created, ns since the Unix epoch
//!     52    8  written, ns since the Unix epoch (the "racy" reference)
//!     60    8  number of entries
//!     68    8  payload length in bytes
//!     76    8  xxh3 of bytes 0..76 followed by the payload
//!     84    …  payload: postcard of (roots, [(FileKey, Article)])
//! ```
//!
//! Numbers are in native order on purpose: the byte-order mark and pointer
//! width make a file from another kind of machine an error, not a puzzle.

use std::io::Read;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::plan::FileKey;
use crate::model::Article;

/// Bump on any change to the header, the payload schema or the meaning of
/// what extraction stores in an `Article`.
pub const FORMAT: u32 = 1;
const MAGIC: [u8; 8] = *b"HLCACHE\0";
const BOM: u32 = 0x0102_0304;
const VERSION: &str = env!("CARGO_PKG_VERSION");
const VERSION_LEN: usize = 16;
const CHECKSUM_AT: usize = 76;
/// Bytes before the payload.
pub const HEADER_LEN: usize = 84;

const _: () = assert!(VERSION.len() <= VERSION_LEN);

/// Why a cache file was not used. Every variant means "rebuild"; the
/// message is one line for the notice.
#[derive(Debug)]
pub enum CacheError {
    /// No cache directory could be found ($XDG_CACHE_HOME and $HOME unset).
    NoCacheDir,
    /// The cache directory lies inside a corpus folder: never written there.
    InsideCorpus(std::path::PathBuf),
    Io(std::io::Error),
    Empty,
    Truncated {
        expected: u64,
        found: u64,
    },
    WrongMagic,
    /// Written on a machine of the other byte order.
    WrongByteOrder,
    WrongFormat {
        found: u32,
    },
    /// Written on a machine with another pointer width.
    WrongPlatform {
        pointer_width: u8,
    },
    /// Written by another hotline version.
    WrongVersion {
        found: String,
    },
    /// The checksum does not match: bits flipped or the file was cut and
    /// padded.
    Checksum,
    /// The leader, topic, outlet or boilerplate files changed since the
    /// cache was written: every article must be extracted again.
    LexiconChanged,
    /// Checks passed but the payload does not decode (or has bytes left
    /// over): a bug or a deliberate forgery, never trusted either way.
    Corrupt(String),
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::NoCacheDir => {
                write!(f, "no cache directory ($XDG_CACHE_HOME and $HOME unset)")
            }
            CacheError::InsideCorpus(dir) => {
                write!(f, "cache directory {} is inside the corpus", dir.display())
            }
            CacheError::Io(e) => write!(f, "cache file unreadable: {e}"),
            CacheError::Empty => write!(f, "cache file is empty"),
            CacheError::Truncated { expected, found } => {
                write!(f, "cache file truncated ({found} of {expected} bytes)")
            }
            CacheError::WrongMagic => write!(f, "not a hotline cache file"),
            CacheError::WrongByteOrder => {
                write!(f, "cache file is from a machine of the other byte order")
            }
            CacheError::WrongFormat { found } => {
                write!(f, "cache file format {found}, this hotline reads {FORMAT}")
            }
            CacheError::WrongPlatform { pointer_width } => {
                write!(
                    f,
                    "cache file is from a {}-bit machine",
                    u32::from(*pointer_width) * 8
                )
            }
            CacheError::WrongVersion { found } => {
                write!(
                    f,
                    "cache file written by hotline {found}, this is {VERSION}"
                )
            }
            CacheError::Checksum => write!(f, "cache file checksum mismatch"),
            CacheError::LexiconChanged => write!(f, "lexicon changed since the cache was written"),
            CacheError::Corrupt(why) => write!(f, "cache file corrupt: {why}"),
        }
    }
}

impl std::error::Error for CacheError {}

impl From<std::io::Error> for CacheError {
    fn from(e: std::io::Error) -> Self {
        CacheError::Io(e)
    }
}

/// What the header says, once its structure checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    pub version: String,
    pub lexicon: u64,
    pub created_ns: i64,
    pub written_ns: i64,
    pub entries: u64,
    pub payload_len: u64,
}

#[derive(Serialize)]
struct PayloadRef<'a> {
    roots: &'a [String],
    entries: &'a [(&'a FileKey, &'a Article)],
}

/// A decoded payload: the corpus roots it was written for and one entry
/// per file.
#[derive(Debug, Deserialize)]
pub struct Payload {
    pub roots: Vec<String>,
    pub entries: Vec<(FileKey, Article)>,
}

/// The bytes of a cache file for these entries.
pub fn encode(
    roots: &[String],
    lexicon: u64,
    created_ns: i64,
    written_ns: i64,
    entries: &[(&FileKey, &Article)],
) -> Result<Vec<u8>, CacheError> {
    let mut out = encode_payload(roots, entries)?;
    let payload_len = (out.len() - HEADER_LEN) as u64;
    let mut version = [0u8; VERSION_LEN];
    version[..VERSION.len()].copy_from_slice(VERSION.as_bytes());
    let head = &mut out[..HEADER_LEN];
    head[0..8].copy_from_slice(&MAGIC);
    head[8..12].copy_from_slice(&BOM.to_ne_bytes());
    head[12..16].copy_from_slice(&FORMAT.to_ne_bytes());
    head[16] = std::mem::size_of::<usize>() as u8;
    head[20..36].copy_from_slice(&version);
    head[36..44].copy_from_slice(&lexicon.to_ne_bytes());
    head[44..52].copy_from_slice(&created_ns.to_ne_bytes());
    head[52..60].copy_from_slice(&written_ns.to_ne_bytes());
    head[60..68].copy_from_slice(&(entries.len() as u64).to_ne_bytes());
    head[68..76].copy_from_slice(&payload_len.to_ne_bytes());
    let sum = checksum(&out[..CHECKSUM_AT], &out[HEADER_LEN..]);
    out[CHECKSUM_AT..HEADER_LEN].copy_from_slice(&sum.to_ne_bytes());
    Ok(out)
}

/// The header's room, then `PayloadRef { roots, entries }` as postcard
/// writes it. A plain cold `check` waits on this after the parallel load,
/// so the entries are encoded in chunks on every core: postcard frames a
/// sequence as its length then its items, each item's bytes standing
/// alone, so the chunks laid end to end are the very same bytes. A few
/// chunks per core at a time: the chunks of all the entries, held beside
/// the payload they are copied into, would double the peak memory.
fn encode_payload(
    roots: &[String],
    entries: &[(&FileKey, &Article)],
) -> Result<Vec<u8>, CacheError> {
    const ENTRIES_PER_TASK: usize = 64;
    const TASKS_PER_CORE: usize = 4;
    let corrupt = |e: postcard::Error| CacheError::Corrupt(e.to_string());
    let mut out = vec![0u8; HEADER_LEN];
    out = postcard::to_extend(
        &PayloadRef {
            roots,
            entries: &[],
        },
        out,
    )
    .map_err(corrupt)?;
    // The empty sequence's length (a one-byte 0) gives way to the real one.
    out.pop();
    out = postcard::to_extend(&entries.len(), out).map_err(corrupt)?;
    let workers = crate::pipeline::par::workers();
    if workers < 2 || entries.len() <= ENTRIES_PER_TASK {
        // One chunk: straight into the payload, never held twice.
        return entries
            .iter()
            .try_fold(out, |bytes, entry| postcard::to_extend(entry, bytes))
            .map_err(corrupt);
    }
    for wave in entries.chunks(ENTRIES_PER_TASK * TASKS_PER_CORE * workers) {
        let chunks: Vec<&[(&FileKey, &Article)]> = wave.chunks(ENTRIES_PER_TASK).collect();
        let encoded = crate::pipeline::par::map_on(&chunks, workers, |chunk| {
            chunk
                .iter()
                .try_fold(Vec::new(), |bytes, entry| postcard::to_extend(entry, bytes))
        });
        for bytes in encoded {
            out.extend_from_slice(&bytes.map_err(corrupt)?);
        }
    }
    Ok(out)
}

/// Check the header alone (magic, byte order, format, platform, version):
/// enough for `cache stats` and cheap, since the payload is not touched.
pub fn read_header(bytes: &[u8]) -> Result<Header, CacheError> {
    if bytes.is_empty() {
        return Err(CacheError::Empty);
    }
    if bytes.len() < 8 || bytes[0..8] != MAGIC {
        return Err(if MAGIC.starts_with(bytes) {
            truncated(HEADER_LEN as u64, bytes)
        } else {
            CacheError::WrongMagic
        });
    }
    if bytes.len() < HEADER_LEN {
        return Err(truncated(HEADER_LEN as u64, bytes));
    }
    let bom = u32_at(bytes, 8);
    if bom != BOM {
        return Err(if bom == BOM.swap_bytes() {
            CacheError::WrongByteOrder
        } else {
            CacheError::Corrupt("bad byte-order mark".into())
        });
    }
    let format = u32_at(bytes, 12);
    if format != FORMAT {
        return Err(CacheError::WrongFormat { found: format });
    }
    if usize::from(bytes[16]) != std::mem::size_of::<usize>() {
        return Err(CacheError::WrongPlatform {
            pointer_width: bytes[16],
        });
    }
    let raw = &bytes[20..36];
    let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
    let version = String::from_utf8_lossy(&raw[..end]).into_owned();
    if version != VERSION || raw[end..].iter().any(|&b| b != 0) {
        return Err(CacheError::WrongVersion { found: version });
    }
    Ok(Header {
        format,
        version,
        lexicon: u64_at(bytes, 36),
        created_ns: u64_at(bytes, 44) as i64,
        written_ns: u64_at(bytes, 52) as i64,
        entries: u64_at(bytes, 60),
        payload_len: u64_at(bytes, 68),
    })
}

/// Check and decode a whole cache file written for `lexicon`.
pub fn decode(bytes: &[u8], lexicon: u64) -> Result<(Header, Payload), CacheError> {
    decode_from(bytes, bytes.len() as u64, lexicon)
}

/// First read of the payload; it grows when one entry does not fit.
const CHUNK: usize = 1 << 20;

/// `decode` reading `file_len` bytes from `reader` a chunk at a time, so
/// the file's bytes are never all in memory beside the articles decoded
/// from them (at 10,000 articles that was 30 MB on top of the peak).
/// Nothing decoded is handed out before the checksum over every byte has
/// matched.
pub fn decode_from(
    mut reader: impl std::io::Read,
    file_len: u64,
    lexicon: u64,
) -> Result<(Header, Payload), CacheError> {
    let mut head = Vec::with_capacity(HEADER_LEN);
    (&mut reader)
        .take(HEADER_LEN as u64)
        .read_to_end(&mut head)?;
    let header = read_header(&head)?;
    let present = file_len.saturating_sub(HEADER_LEN as u64);
    if header.payload_len > present {
        return Err(CacheError::Truncated {
            expected: (HEADER_LEN as u64).saturating_add(header.payload_len),
            found: file_len,
        });
    }
    if header.payload_len < present {
        return Err(CacheError::Corrupt("bytes after the payload".into()));
    }
    let mut hash = Xxh3::new();
    hash.update(&head[..CHECKSUM_AT]);
    let mut chunks = Chunks {
        reader: reader.take(header.payload_len),
        hash,
        buf: Vec::new(),
        at: 0,
        done: false,
    };
    let decoded = chunks.payload(header.entries);
    // Hash what is left even after a decode error: a flipped bit reads as
    // a checksum mismatch, whatever postcard made of it.
    chunks.drain()?;
    if chunks.hash.digest() != u64_at(&head, CHECKSUM_AT) {
        return Err(CacheError::Checksum);
    }
    if header.lexicon != lexicon {
        return Err(CacheError::LexiconChanged);
    }
    Ok((header, decoded?))
}

/// The payload read a chunk at a time, every byte hashed once as it comes.
struct Chunks<R> {
    reader: std::io::Take<R>,
    hash: Xxh3,
    buf: Vec<u8>,
    /// Start of the bytes not decoded yet.
    at: usize,
    /// The reader has nothing more.
    done: bool,
}

impl<R: std::io::Read> Chunks<R> {
    /// Keep the undecoded bytes and read more: at least as many again, so
    /// an entry larger than the buffer still ends up whole in it.
    fn refill(&mut self) -> Result<(), CacheError> {
        self.buf.drain(..self.at);
        self.at = 0;
        let want = self.buf.len().max(CHUNK);
        let old = self.buf.len();
        let read = (&mut self.reader)
            .take(want as u64)
            .read_to_end(&mut self.buf)?;
        self.hash.update(&self.buf[old..]);
        self.done = read < want;
        Ok(())
    }

    /// One `T` from the bytes; reads on while it is cut off by the chunk.
    /// Lengths inside cannot make a huge allocation: serde caps its
    /// pre-allocation and every element must come from bytes read.
    fn take<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, CacheError> {
        loop {
            match postcard::take_from_bytes::<T>(&self.buf[self.at..]) {
                Ok((value, rest)) => {
                    self.at = self.buf.len() - rest.len();
                    return Ok(value);
                }
                Err(postcard::Error::DeserializeUnexpectedEnd) if !self.done => self.refill()?,
                Err(e) => return Err(CacheError::Corrupt(e.to_string())),
            }
        }
    }

    fn payload(&mut self, expected: u64) -> Result<Payload, CacheError> {
        let roots: Vec<String> = self.take()?;
        let count: u64 = self.take()?;
        if count != expected {
            return Err(CacheError::Corrupt("entry count mismatch".into()));
        }
        let mut entries = Vec::with_capacity(count.min(1 << 20) as usize);
        for _ in 0..count {
            entries.push(self.take()?);
        }
        if self.at == self.buf.len() && !self.done {
            self.refill()?;
        }
        if self.at < self.buf.len() {
            return Err(CacheError::Corrupt("bytes after the payload".into()));
        }
        Ok(Payload { roots, entries })
    }

    /// Read and hash whatever is left.
    fn drain(&mut self) -> Result<(), CacheError> {
        while !self.done {
            self.buf.clear();
            self.at = 0;
            self.refill()?;
        }
        Ok(())
    }
}

fn checksum(head: &[u8], payload: &[u8]) -> u64 {
    let mut h = Xxh3::new();
    h.update(head);
    h.update(payload);
    h.digest()
}

fn truncated(expected: u64, bytes: &[u8]) -> CacheError {
    CacheError::Truncated {
        expected,
        found: bytes.len() as u64,
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_ne_bytes(b)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_ne_bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_cache_round_trips_with_its_header() {
        let roots = vec!["/corpus".to_string()];
        let bytes = encode(&roots, 7, 10, 20, &[]).expect("encode");
        let (header, payload) = decode(&bytes, 7).expect("decode");
        assert_eq!(header.version, VERSION);
        assert_eq!(
            (header.created_ns, header.written_ns, header.entries),
            (10, 20, 0)
        );
        assert_eq!(payload.roots, roots);
        assert!(matches!(decode(&bytes, 8), Err(CacheError::LexiconChanged)));
    }

    #[test]
    fn a_huge_claimed_length_is_truncated_not_an_overflow() {
        let mut bytes = encode(&[], 7, 0, 0, &[]).expect("encode");
        bytes[68..76].copy_from_slice(&u64::MAX.to_ne_bytes());
        assert!(matches!(
            decode(&bytes, 7),
            Err(CacheError::Truncated {
                expected: u64::MAX,
                ..
            })
        ));
    }

    #[test]
    fn a_cut_magic_is_truncated_and_a_foreign_one_is_not_ours() {
        assert!(matches!(
            read_header(b"HLC"),
            Err(CacheError::Truncated { .. })
        ));
        assert!(matches!(
            read_header(b"PK\x03\x04"),
            Err(CacheError::WrongMagic)
        ));
    }

    #[test]
    fn entries_larger_than_a_chunk_and_across_chunks_decode_whole() {
        let key = |i: usize| FileKey {
            key: format!("/corpus/{i}.txt"),
            size: i as u64,
            mtime_ns: 1,
            hash: 2,
        };
        let article = |i: usize, len: usize| Article {
            id: i.to_string(),
            title: "x".repeat(len),
            ..Article::default()
        };
        // Many small entries straddling chunk ends, and one of 2.5 chunks.
        let mut owned: Vec<(FileKey, Article)> =
            (0..3000).map(|i| (key(i), article(i, 700))).collect();
        owned.insert(1500, (key(9999), article(9999, CHUNK * 5 / 2)));
        let refs: Vec<(&FileKey, &Article)> = owned.iter().map(|(k, a)| (k, a)).collect();
        let bytes = encode(&["/corpus".to_string()], 7, 1, 2, &refs).expect("encode");
        assert!(bytes.len() > 4 * CHUNK);
        let (header, payload) = decode(&bytes, 7).expect("decode");
        assert_eq!(header.entries, owned.len() as u64);
        assert!(payload.entries == owned, "every entry back, in order");
        // Encoded on every core, a chunk of entries at a time: the same
        // bytes as postcard writes the payload in one piece.
        let whole = postcard::to_extend(
            &PayloadRef {
                roots: &["/corpus".to_string()],
                entries: &refs,
            },
            vec![0u8; HEADER_LEN],
        )
        .expect("one piece");
        assert!(bytes[HEADER_LEN..] == whole[HEADER_LEN..]);
        let mut flipped = bytes.clone();
        flipped[HEADER_LEN + 3 * CHUNK] ^= 0x10;
        assert!(matches!(decode(&flipped, 7), Err(CacheError::Checksum)));
    }
}
